//! Each documented error: the exact message a clerk sees (pinned by
//! snapshot), its place, and the exit code.

use crate::common::{HEAD, scratch_file, zongjie};

/// Runs `check` on `text` saved as bad.yaml; returns stderr, asserting exit 1.
fn check_fails(text: &str) -> String {
    let (dir, _) = scratch_file("bad.yaml", text);
    let output = zongjie()
        .current_dir(dir.path())
        .args(["check", "bad.yaml"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty());
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn yaml_syntax_error() {
    insta::assert_snapshot!(check_fails(
        "单位: 长治市司法局\n年度: [2022\n类型: 工作总结\n"
    ));
}

#[test]
fn duplicate_key() {
    insta::assert_snapshot!(check_fails(
        "单位: 长治市司法局\n年度: 2022\n类型: 工作总结\n年度: 2023\n"
    ));
}

#[test]
fn full_width_colon_after_a_key() {
    insta::assert_snapshot!(check_fails("单位：长治市司法局\n年度: 2022\n"));
}

#[test]
fn wrong_types() {
    insta::assert_snapshot!(check_fails(
        "单位: 长治市司法局\n年度: 二〇二二\n类型: 工作总结\n开头: [一, 二]\n工作:\n  部分: 这里应是列表\n版式:\n  标题接排: 也许\n"
    ));
}

#[test]
fn unknown_key_lists_the_allowed_keys() {
    insta::assert_snapshot!(check_fails(&format!(
        "{HEAD}工作:\n  部分:\n    - 标体: 加强建设\n      正文: 内容。\n"
    )));
}

#[test]
fn missing_required_keys() {
    insta::assert_snapshot!(check_fails("单位:\n  级别: 市\n开头: 内容。\n"));
}

#[test]
fn unknown_figure_cited() {
    insta::assert_snapshot!(check_fails(&format!(
        "{HEAD}开头: |\n  全年受理法律援助案件{{援助受里}}，结案率{{援助办结.比例}}。\n数据:\n  援助受理: 1899件\n  援助办结: {{值: 1630件, 属于: 援助受理}}\n"
    )));
}

#[test]
fn part_larger_than_whole() {
    insta::assert_snapshot!(check_fails(&format!(
        "{HEAD}开头: 内容。\n数据:\n  受理: 282件\n  结案:\n    值: 334\n    单位: 件\n    属于: 受理\n"
    )));
}

#[test]
fn year_out_of_range() {
    insta::assert_snapshot!(check_fails(
        "单位: 长治市司法局\n年度: 1900\n类型: 工作总结\n开头: 内容。\n"
    ));
}

#[test]
fn report_with_no_content() {
    insta::assert_snapshot!(check_fails(&format!("{HEAD}工作:\n  部分: []\n")));
}

#[test]
fn unclosed_marker_and_bad_date() {
    insta::assert_snapshot!(check_fails(&format!(
        "{HEAD}成文日期: 2023-02-30\n开头: 全年受理{{受理，结案率很高。\n"
    )));
}

#[test]
fn render_refuses_with_the_same_errors() {
    let (dir, _) = scratch_file("bad.yaml", &format!("{HEAD}开头: 受理{{未知}}。\n"));
    let output = zongjie()
        .current_dir(dir.path())
        .args(["render", "bad.yaml", "-o", "out.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("bad.yaml:4:7"), "{stderr}");
    assert!(stderr.contains("引用了未定义的数据“未知”"), "{stderr}");
    assert!(!dir.path().join("out.md").exists());
}

#[test]
fn render_names_each_unfilled_figure_it_cites() {
    let text = format!(
        "{HEAD}开头: 受理{{受理}}，办结{{办结}}。\n数据:\n  受理:\n    值:\n    单位: 件\n  办结: {{单位: 件}}\n  备用: {{单位: 件}}\n"
    );
    let (dir, _) = scratch_file("next.yaml", &text);
    let output = zongjie()
        .current_dir(dir.path())
        .args(["render", "next.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(output.stderr).unwrap());
}

#[test]
fn missing_input_file() {
    let output = zongjie()
        .args(["check", "no-such-file.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("无法读取“no-such-file.yaml”：文件或目录不存在"),
        "{stderr}"
    );
}

#[test]
fn bad_usage_exits_2_with_a_chinese_summary() {
    for args in [
        &["render"][..],
        &["render", "x.yaml", "--format", "pdf"],
        &["frobnicate"],
    ] {
        let output = zongjie().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with("用法错误："), "{stderr}");
    }
}

#[test]
fn unknown_template_is_bad_usage() {
    let output = zongjie()
        .args([
            "render",
            "examples/nested-summary.yaml",
            "--template",
            "no-such",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("找不到模板“no-such”；可用的模板有："),
        "{stderr}"
    );
}

#[test]
fn no_backtrace_even_when_asked_for() {
    let (dir, _) = scratch_file("bad.yaml", "年度: [\n");
    let output = zongjie()
        .current_dir(dir.path())
        .env("RUST_BACKTRACE", "1")
        .args(["render", "bad.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
}

#[test]
fn a_tab_used_for_indentation() {
    insta::assert_snapshot!(check_fails(&format!(
        "{HEAD}开头: 内容。\n工作:\n  部分:\n\t- 标题: 加强建设\n"
    )));
}

#[test]
fn full_width_colons_in_list_items_all_in_one_run() {
    insta::assert_snapshot!(check_fails(&format!(
        "{HEAD}开头: 内容。\n工作:\n  部分:\n    - 标题：加强建设\n      正文：开展培训。\n    - 标题: 优化服务\n      要点:\n        - 标题：法律援助\n          正文: 内容。\n"
    )));
}

#[test]
fn inconsistent_indentation_names_both_lines() {
    insta::assert_snapshot!(check_fails(&format!(
        "{HEAD}开头: 内容。\n工作:\n  部分:\n    - 标题: 加强建设\n     正文: 开展培训。\n"
    )));
}

#[test]
fn no_space_after_a_keys_colon() {
    insta::assert_snapshot!(check_fails(
        "单位: 长治市司法局\n年度:2022\n类型: 工作总结\n开头: 内容。\n"
    ));
}

#[test]
fn an_unclosed_quote() {
    insta::assert_snapshot!(check_fails(&format!(
        "{HEAD}开头: \"一年来，成效明显。\n工作: 内容。\n"
    )));
}

/// A value that cannot be read is one error: the prose citing the figure
/// is not also said to cite an unknown one.
#[test]
fn a_bad_figure_value_is_one_error_not_two() {
    let stderr = check_fails(&format!(
        "{HEAD}开头: 受理{{受理}}，办结{{办结}}。\n数据:\n  受理: 1，899件\n  办结: 五件\n"
    ));
    assert!(!stderr.contains("未定义的数据"), "{stderr}");
    insta::assert_snapshot!(stderr);
}
