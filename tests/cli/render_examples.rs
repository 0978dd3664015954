//! Every example renders, in both formats, to the text its snapshot pins;
//! every example checks clean, but for what its layout lacks on purpose.

use crate::common::{examples, stdout_of, zongjie};

/// The warnings an example gets because the published report whose layout
/// it follows has them too.
fn expected_warnings(name: &str) -> &'static [&'static str] {
    match name {
        // Seed 004's layout: a 法治建设情况报告 with no 第一责任人 part.
        "rule-of-law-points" => &["缺少“2025年度党政主要负责人履行推进法治建设第一责任人职责"],
        _ => &[],
    }
}

#[test]
fn every_example_checks_clean() {
    for (name, path) in examples() {
        let output = zongjie().arg("check").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{name}: {stderr}");
        let warnings: Vec<&str> = stderr.lines().filter(|l| l.starts_with("警告")).collect();
        let expected = expected_warnings(&name);
        assert_eq!(warnings.len(), expected.len(), "{name}: {stderr}");
        for (warning, words) in warnings.iter().zip(expected) {
            assert!(warning.contains(words), "{name}: {stderr}");
        }
        assert!(
            !stderr.lines().any(|l| l.starts_with("错误")),
            "{name}: {stderr}"
        );
    }
}

#[test]
fn every_example_renders_to_markdown() {
    for (name, path) in examples() {
        let markdown = stdout_of(zongjie().arg("render").arg(&path));
        insta::assert_snapshot!(format!("{name}.md"), markdown);
    }
}

#[test]
fn every_example_renders_to_text() {
    for (name, path) in examples() {
        let text = stdout_of(zongjie().args(["render", "--format", "txt"]).arg(&path));
        insta::assert_snapshot!(format!("{name}.txt"), text);
    }
}

#[test]
fn there_is_an_example_for_each_seed_layout() {
    let names: Vec<String> = examples().into_iter().map(|(name, _)| name).collect();
    assert_eq!(
        names,
        [
            "circular-thematic",
            "nested-summary",
            "next-steps-summary",
            "rule-of-law-points",
            "rule-of-law-report"
        ]
    );
}
