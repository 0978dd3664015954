//! `lint` as a clerk uses it: on the seed reports it finds each published
//! defect DESIGN.md lists, and nothing a careful reader would not call a
//! defect; `--fix` repairs safely and only once; reports zongjie renders
//! are clean.

use crate::common::{HEAD, examples, scratch_file, seed_path, seeds_dir, stdout_of, zongjie};

/// Lints `path`; returns (exit code, stderr).
fn lint(path: &std::path::Path) -> (i32, String) {
    let output = zongjie().arg("lint").arg(path).output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The JSON findings of one file: (rule, line, column, the text at the spot).
fn findings(path: &std::path::Path) -> Vec<(String, usize, usize, String)> {
    let output = zongjie()
        .args(["lint", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    json[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let line = f["line"].as_u64().unwrap() as usize;
            let column = f["column"].as_u64().unwrap() as usize;
            let spot: String = text
                .lines()
                .nth(line - 1)
                .unwrap()
                .chars()
                .skip(column - 1)
                .take(4)
                .collect();
            (f["rule"].as_str().unwrap().to_string(), line, column, spot)
        })
        .collect()
}

/// The findings of a rule as "line:column spot".
fn of_rule(found: &[(String, usize, usize, String)], rule: &str) -> Vec<String> {
    found
        .iter()
        .filter(|(r, ..)| r == rule)
        .map(|(_, line, column, spot)| format!("{line}:{column} {spot}"))
        .collect()
}

#[test]
fn finds_each_published_defect_in_the_seeds() {
    let Some(dir) = seeds_dir() else { return };
    let found: Vec<_> = (0..5).map(|n| findings(&seed_path(&dir, n))).collect();
    // 004: a blank figure, 办理司法鉴定业务 件
    assert_eq!(of_rule(&found[4], "F001").len(), 1);
    assert!(
        of_rule(&found[4], "F001")[0].ends_with(" 件,办"),
        "{:?}",
        of_rule(&found[4], "F001")
    );
    // 003: 结案率91% that 276/282 and 276/334 do not give
    let rates = of_rule(&found[3], "F003");
    assert_eq!(rates.len(), 1);
    assert!(rates[0].ends_with(" 91%,"), "{rates:?}");
    // 000: the unclosed quote of 第九批“全国民主法治示范村(社区)。
    let unbalanced = of_rule(&found[0], "B001");
    assert_eq!(unbalanced.len(), 1);
    assert!(unbalanced[0].ends_with(" “全国民"), "{unbalanced:?}");
    // all five: ASCII punctuation throughout, (一) included
    for (n, seed) in found.iter().enumerate() {
        let half_width = of_rule(seed, "P001");
        assert!(half_width.len() > 50, "seed {n}: {}", half_width.len());
    }
    assert!(
        of_rule(&found[0], "P001")
            .iter()
            .any(|f| f.ends_with(" (一)突"))
    );
    // 001: stray spaces, 律师会见2 次,公安 1 次 and 第一责 任人
    let spaces = of_rule(&found[1], "S001");
    assert_eq!(spaces.len(), 5, "{spaces:?}");
    assert!(spaces.iter().any(|s| s.ends_with(" 任人职")), "{spaces:?}");
    // 000: 余 after an exact count, 288余条
    let approximate = of_rule(&found[0], "F002");
    assert_eq!(approximate.len(), 1);
    assert!(approximate[0].ends_with(" 288余"), "{approximate:?}");
}

#[test]
fn seed_findings_are_pinned() {
    let Some(dir) = seeds_dir() else { return };
    for n in 0..5 {
        let found = findings(&seed_path(&dir, n));
        let half_width = of_rule(&found, "P001").len();
        let others: Vec<String> = found
            .iter()
            .filter(|(rule, ..)| rule != "P001")
            .map(|(rule, line, column, _)| format!("{rule} {line}:{column}"))
            .collect();
        insta::assert_snapshot!(
            format!("seed-{n:03}"),
            format!("P001 ×{half_width}\n{}", others.join("\n"))
        );
    }
}

#[test]
fn fix_repairs_a_seed_copy_once_and_keeps_a_backup() {
    let Some(dir) = seeds_dir() else { return };
    let original = std::fs::read_to_string(seed_path(&dir, 1)).unwrap();
    let (scratch, path) = scratch_file("report.txt", &original);
    let (code, _) = lint(&path);
    assert_eq!(code, 1);
    zongjie()
        .args(["lint", "--fix"])
        .arg(&path)
        .assert()
        .success();
    let backup = scratch.path().join("report.txt.bak");
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), original);
    let fixed = std::fs::read_to_string(&path).unwrap();
    let left = findings(&path);
    assert!(left.is_empty(), "{left:?}");
    zongjie()
        .args(["lint", "--fix"])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
    assert!(!scratch.path().join("report.txt.bak.1").exists());
}

#[test]
fn fix_leaves_what_it_cannot_safely_mend() {
    let (scratch, path) = scratch_file(
        "r.txt",
        "2022年工作总结\n一、工作\n结案276件,立案282件,结案率91%。\n",
    );
    let output = zongjie()
        .args(["lint", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "2022年工作总结\n一、工作\n结案276件，立案282件，结案率91%。\n"
    );
    assert_eq!(of_rule(&findings(&path), "F003").len(), 1);
    drop(scratch);
}

#[test]
fn a_data_file_is_linted_in_place_and_fixed_without_breaking_it() {
    let text = format!(
        "{HEAD}开头: |\n  律师会见2 次,公安 1 次。\n工作:\n  - 标题: 加强建设(试点)\n    正文: 受理{{受理}}件。。\n数据:\n  受理: 5\n"
    );
    let (_scratch, path) = scratch_file("data.yaml", &text);
    let found = findings(&path);
    let codes: Vec<String> = found
        .iter()
        .map(|(r, l, c, _)| format!("{r} {l}:{c}"))
        .collect();
    assert_eq!(
        codes,
        [
            "S001 5:8",
            "P001 5:10",
            "S001 5:13",
            "S001 5:15",
            "P001 7:13",
            "P001 7:16",
            "P003 8:16"
        ]
    );
    zongjie()
        .args(["lint", "--fix"])
        .arg(&path)
        .assert()
        .success();
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(fixed.contains("  律师会见2次，公安1次。\n"), "{fixed}");
    assert!(fixed.contains("标题: 加强建设（试点）\n"), "{fixed}");
    zongjie().arg("check").arg(&path).assert().success();
}

#[test]
fn rendered_reports_are_lint_clean() {
    let dir = tempfile::tempdir().unwrap();
    for (name, path) in examples() {
        for format in ["md", "txt"] {
            let out = dir.path().join(format!("{name}.{format}"));
            zongjie()
                .arg("render")
                .arg(&path)
                .args(["-f", format, "-o"])
                .arg(&out)
                .assert()
                .success();
            let (code, stderr) = lint(&out);
            assert_eq!(code, 0, "{name}.{format}: {stderr}");
            assert!(findings(&out).is_empty(), "{name}.{format}: {stderr}");
        }
    }
}

#[test]
fn human_output_is_grouped_by_file_with_codes_and_places() {
    let (scratch, first) = scratch_file("a.txt", "共受理案件288余件,成效明显。\n");
    let second = scratch.path().join("b.txt");
    std::fs::write(&second, "成效明显。\n").unwrap();
    let output = zongjie()
        .current_dir(scratch.path())
        .args(["lint", "a.txt", "b.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(output.stderr).unwrap());
    drop(first);
}

#[test]
fn warnings_alone_exit_0() {
    let (_scratch, path) = scratch_file("a.txt", "共受理案件288余件。\n");
    let (code, stderr) = lint(&path);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("警告[F002]"), "{stderr}");
}

#[test]
fn check_reports_prose_findings_as_warnings() {
    let (_scratch, path) = scratch_file("d.yaml", &format!("{HEAD}开头: 成效明显,群众满意。\n"));
    let output = zongjie().arg("check").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("警告[P001]"), "{stderr}");
    assert!(
        stdout_of(zongjie().args(["render", "-f", "txt"]).arg(&path))
            .contains("成效明显，群众满意。")
    );
}

#[test]
fn a_docx_is_linted_with_places_as_paragraph_numbers() {
    use zongjie::{Block, Run};
    let paragraph = |heading, text: &str| Block {
        heading,
        style: None,
        runs: vec![Run {
            text: text.to_string(),
            style: None,
        }],
    };
    let blocks = [
        paragraph(Some(1), "标题"),
        paragraph(None, "第一段。"),
        paragraph(None, "共受理案件288余件,成效明显。"),
    ];
    let bytes = zongjie::write_docx(&blocks).unwrap();
    let (scratch, path) = scratch_file("report.docx", "");
    std::fs::write(&path, bytes).unwrap();
    let output = zongjie()
        .args(["lint", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let places: Vec<(String, u64, u64)> = json[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["paragraph"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [("F002".to_string(), 3, 6), ("P001".to_string(), 3, 11)]
    );
    let (_, stderr) = lint(&path);
    assert!(stderr.contains("report.docx:3:11"), "{stderr}");
    assert!(stderr.contains("即第几段第几个字"), "{stderr}");
    let refused = zongjie()
        .args(["lint", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    drop(scratch);
}
