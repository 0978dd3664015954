//! Every example renders, in both formats, to the text its snapshot pins;
//! every example checks clean.

use crate::common::{examples, stdout_of, zongjie};

#[test]
fn every_example_checks_clean() {
    for (name, path) in examples() {
        let output = zongjie().arg("check").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{name}: {stderr}");
        assert!(stderr.contains("没有发现问题"), "{name}: {stderr}");
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
