//! What a clerk relies on when rendering: numbering follows the data, empty
//! parts vanish, counts are counted, output never clobbers a file.

use crate::common::{HEAD, example, scratch_file, stdout_of, zongjie};

fn render_text(text: &str) -> String {
    let (_dir, path) = scratch_file("data.yaml", text);
    stdout_of(zongjie().args(["render", "-f", "txt"]).arg(&path))
}

/// The lines of an example with the list item starting at `first` and the
/// one starting at `second` (same indentation) swapped.
fn swap_items(text: &str, first: &str, second: &str) -> String {
    let item = |start: &str| {
        let at = text
            .find(start)
            .unwrap_or_else(|| panic!("no item {start}"));
        let indent = &start[..start.find('-').unwrap()];
        let rest = &text[at + start.len()..];
        let end = rest
            .match_indices('\n')
            .map(|(i, _)| i + 1)
            .find(|i| {
                let next = &rest[*i..];
                !next.starts_with(&format!("{indent}  "))
                    || next.starts_with(&format!("{indent}- "))
            })
            .unwrap_or(rest.len());
        at..at + start.len() + end
    };
    let (a, b) = (item(first), item(second));
    assert!(a.end <= b.start, "items out of order");
    format!(
        "{}{}{}{}{}",
        &text[..a.start],
        &text[b.clone()],
        &text[a.end..b.start],
        &text[a.clone()],
        &text[b.end..]
    )
}

#[test]
fn reordering_parts_renumbers_them() {
    let original = std::fs::read_to_string(example("nested-summary")).unwrap();
    let before = render_text(&original);
    assert!(before.contains("（一）持续加强思想政治建设。"), "{before}");
    assert!(
        before.contains("（三）不断完善公共法律服务体系。"),
        "{before}"
    );
    let swapped = swap_items(
        &original,
        "    - 标题: 持续加强思想政治建设\n",
        "    - 标题: 不断完善公共法律服务体系\n",
    );
    let after = render_text(&swapped);
    assert!(
        after.contains("（一）不断完善公共法律服务体系。"),
        "{after}"
    );
    assert!(after.contains("（三）持续加强思想政治建设。"), "{after}");
}

#[test]
fn an_emptied_section_vanishes_and_the_numbers_close_up() {
    let original = std::fs::read_to_string(example("nested-summary")).unwrap();
    assert!(render_text(&original).contains("三、2026年工作打算"));
    let start = original.find("亮点:\n").unwrap();
    let end = original.find("打算:\n").unwrap();
    let emptied = format!(
        "{}亮点:\n  部分: []\n\n{}",
        &original[..start],
        &original[end..]
    );
    let text = render_text(&emptied);
    assert!(!text.contains("亮点工作"), "{text}");
    assert!(text.contains("二、2026年工作打算"), "{text}");
}

#[test]
fn an_emptied_part_vanishes_and_the_numbers_close_up() {
    let data = format!(
        "{HEAD}工作:\n  部分:\n    - 标题: 甲项工作\n      正文: 甲的内容。\n    - ~\n    - 标题: 丙项工作\n      正文: 丙的内容。\n"
    );
    let text = render_text(&data);
    assert!(text.contains("（一）甲项工作"), "{text}");
    assert!(text.contains("（二）丙项工作"), "{text}");
    assert!(!text.contains("（三）"), "{text}");
}

#[test]
fn the_plan_intro_counts_the_plans() {
    let plans = |n: usize| {
        let items: String = (1..=n).map(|i| format!("    - 第{i}项打算\n")).collect();
        format!(
            "{HEAD}开头: 内容。\n打算:\n  引言: 重点将做好以下{{项数}}个方面工作：\n  部分:\n{items}"
        )
    };
    assert!(render_text(&plans(5)).contains("重点将做好以下五个方面工作："));
    assert!(render_text(&plans(2)).contains("重点将做好以下两个方面工作："));
    assert!(render_text(&plans(11)).contains("重点将做好以下十一个方面工作："));
}

#[test]
fn years_in_standard_headings_follow_the_report_year() {
    let data = "单位: 甲市司法局\n年度: 2030\n类型: 工作总结\n工作: 内容。\n打算: 内容。\n";
    let text = render_text(data);
    assert!(text.contains("一、2030年工作情况"), "{text}");
    assert!(text.contains("二、2031年工作打算"), "{text}");
}

#[test]
fn run_in_or_own_line_headings_as_the_file_chooses() {
    let body =
        "工作:\n  部分:\n    - 标题: 突出政治引领\n      要点: [加强政治建设, 加强思想建设]\n";
    let own_line = render_text(&format!("{HEAD}{body}"));
    assert!(
        own_line.contains("　　（一）突出政治引领\n　　一是加强政治建设。二是加强思想建设。\n"),
        "{own_line}"
    );
    let run_in = render_text(&format!("{HEAD}版式:\n  标题接排: 是\n{body}"));
    assert!(
        run_in.contains("　　（一）突出政治引领。一是加强政治建设。二是加强思想建设。\n"),
        "{run_in}"
    );
}

#[test]
fn output_file_is_written_and_never_clobbered_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    let render = || {
        let mut command = zongjie();
        command
            .args(["render"])
            .arg(example("nested-summary"))
            .arg("-o")
            .arg(&out);
        command
    };
    render().assert().success().stdout("");
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.starts_with("::: {custom-style=\"Title\"}\n云岭市司法局2025年工作总结\n:::\n"));

    std::fs::write(&out, "clerk's edits").unwrap();
    let refused = render().output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert!(
        stderr.contains("已存在，没有覆盖；要覆盖请加 --force"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "clerk's edits");

    render().arg("--force").assert().success();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), first);
    let backup = dir.path().join("report.md.bak");
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), "clerk's edits");
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 2, "temporary files left behind");
}

#[test]
fn dash_means_stdout() {
    let to_stdout = stdout_of(
        zongjie()
            .args(["render", "-o", "-"])
            .arg(example("nested-summary")),
    );
    let default = stdout_of(zongjie().arg("render").arg(example("nested-summary")));
    assert_eq!(to_stdout, default);
    assert!(default.starts_with("::: {custom-style=\"Title\"}\n云岭市司法局2025年工作总结\n:::\n"));
}

#[test]
fn init_writes_a_starter_that_checks_and_renders() {
    let dir = tempfile::tempdir().unwrap();
    for kind in ["work-summary", "rule-of-law-report"] {
        let file = dir.path().join(format!("{kind}.yaml"));
        zongjie()
            .args([
                "init",
                "--kind",
                kind,
                "--bureau",
                "青山县司法局",
                "--year",
                "2026",
                "-o",
            ])
            .arg(&file)
            .assert()
            .success();
        let starter = std::fs::read_to_string(&file).unwrap();
        assert!(starter.contains("# 单位：必填。名称写全称"), "{starter}");
        zongjie().arg("check").arg(&file).assert().success();
        let text = stdout_of(zongjie().args(["render", "-f", "txt"]).arg(&file));
        assert!(text.contains("一、2026年"), "{text}");
        assert!(text.contains("2027年"), "{text}");
        let again = zongjie()
            .args(["init", "--kind", kind, "-o"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(again.status.code(), Some(2));
    }
}

#[test]
fn init_starter_text_is_stable() {
    let starter = stdout_of(zongjie().args(["init", "--bureau", "青山县司法局", "--year", "2026"]));
    insta::assert_snapshot!(starter);
}

/// Text that looks like a number to YAML is printed as the clerk wrote it.
#[test]
fn attachment_names_that_look_like_numbers_render_as_written() {
    let text = render_text(&format!("{HEAD}开头: 内容。\n附件: [3.10, 1e3, 0x10]\n"));
    let names: Vec<&str> = text
        .lines()
        .skip_while(|line| !line.contains("附件："))
        .map(|line| line.trim_start_matches(['　', '附', '件', '：']))
        .collect();
    assert_eq!(names, ["1.3.10", "2.1e3", "3.0x10"], "{text}");
}
