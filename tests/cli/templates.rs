//! A bureau's own templates: ejecting the built-ins, overriding by name,
//! extending a built-in, and template errors that name the place.

use crate::common::{example, stdout_of, zongjie};

#[test]
fn templates_lists_the_builtins() {
    let listed = stdout_of(zongjie().arg("templates"));
    for name in [
        "base",
        "parts",
        "circular",
        "work-summary",
        "rule-of-law-report",
    ] {
        assert!(listed.lines().any(|l| l == name), "{listed}");
    }
}

#[test]
fn eject_writes_the_builtins_and_they_render_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let ejected = dir.path().join("mine");
    zongjie()
        .args(["templates", "--eject"])
        .arg(&ejected)
        .assert()
        .success();
    assert!(ejected.join("work-summary.md").is_file());
    let builtin = stdout_of(zongjie().arg("render").arg(example("nested-summary")));
    let from_ejected = stdout_of(
        zongjie()
            .arg("render")
            .arg(example("nested-summary"))
            .arg("--templates")
            .arg(&ejected),
    );
    assert_eq!(builtin, from_ejected);
    let again = zongjie()
        .args(["templates", "--eject"])
        .arg(&ejected)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    zongjie()
        .args(["templates", "--force", "--eject"])
        .arg(&ejected)
        .assert()
        .success();
}

#[test]
fn a_custom_template_extends_a_builtin_and_overrides_a_block() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bureau.md"),
        "{% extends \"work-summary.md\" %}\n{% block title %}\n::: {custom-style=\"Title\"}\n{{ report.bureau.name }}{{ report.year | cn }}年度总结（内部）\n:::\n{% endblock title %}\n",
    )
    .unwrap();
    let text = stdout_of(
        zongjie()
            .arg("render")
            .arg(example("nested-summary"))
            .arg("--templates")
            .arg(dir.path())
            .args(["--template", "bureau", "-f", "txt"]),
    );
    assert!(
        text.starts_with("云岭市司法局二千零二十五年度总结（内部）\n"),
        "{text}"
    );
    assert!(text.contains("一、2025年工作情况"), "{text}");
}

#[test]
fn a_custom_template_with_a_builtin_name_wins() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("circular.md"),
        "::: {custom-style=\"主送机关\"}\n{{ report.recipient }}：\n:::\n\n特此通知。\n",
    )
    .unwrap();
    let text = stdout_of(
        zongjie()
            .arg("render")
            .arg(example("circular-thematic"))
            .arg("--templates")
            .arg(dir.path())
            .args(["-f", "txt"]),
    );
    assert!(
        text.starts_with("各县（市）区司法局，市局机关各处室、直属单位：\n　　特此通知。\n"),
        "{text}"
    );
}

#[test]
fn a_template_error_names_the_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken.md"),
        "# {{ report.title }}\n\n{{ report.title | no_such_filter }}\n",
    )
    .unwrap();
    let output = zongjie()
        .arg("render")
        .arg(example("nested-summary"))
        .arg("--templates")
        .arg(dir.path())
        .args(["--template", "broken"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let path = dir.path().join("broken.md");
    assert!(
        stderr.starts_with(
            "错误: 模板错误：没有这个过滤器“no_such_filter”（Unknown filter `no_such_filter`）\n"
        ),
        "{stderr}"
    );
    let place = format!(" --> {}:3:19\n", path.display());
    assert!(stderr.contains(&place), "{stderr}");
    assert!(
        stderr.contains("                  ^^^^^^^^^^^^^^\n"),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("no_such_filter").count(),
        3,
        "printed once: {stderr}"
    );
}

#[test]
fn a_rendering_error_in_a_template_is_reported_not_panicked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.md"), "{{ report.no_such_field }}\n").unwrap();
    let output = zongjie()
        .arg("render")
        .arg(example("nested-summary"))
        .arg("--templates")
        .arg(dir.path())
        .args(["--template", "bad"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("模板里用的字段不存在“no_such_field”"),
        "{stderr}"
    );
    assert!(stderr.contains("bad.md:1:11"), "{stderr}");
}
