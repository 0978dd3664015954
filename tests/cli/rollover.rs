//! Rollover as a clerk uses it: next year's file from each example checks
//! without errors and lists every figure still to fill; once filled (as a
//! clerk would), it checks clean and the report shows the 同比 phrases;
//! stale text is warned about; the input file is never touched.

use crate::common::{HEAD, examples, scratch_file, stdout_of, zongjie};
use zongjie::{Decimal, Quantity};

/// Next year's file from `path`, written beside a copy of the input.
fn rolled(path: &std::path::Path) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let next = dir.path().join("next.yaml");
    zongjie()
        .arg("rollover")
        .arg(path)
        .arg("-o")
        .arg(&next)
        .assert()
        .success();
    let text = std::fs::read_to_string(&next).unwrap();
    (dir, next, text)
}

fn check_output(path: &std::path::Path) -> (i32, String) {
    let output = zongjie().arg("check").arg(path).output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// What a clerk does next: fills every value (here, last year's plus a
/// tenth, or a percentage as it was) and, having rewritten the carried-over
/// text, drops its marks.
fn fill_in(rolled: &str) -> String {
    let lines: Vec<&str> = rolled.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.contains("[沿用 ") {
            continue;
        }
        let Some(indent) = line.strip_suffix("值:    # 待填") else {
            out.push(line.to_string());
            continue;
        };
        let last_year = lines[i + 1..]
            .iter()
            .take_while(|l| l.starts_with(indent))
            .find_map(|l| l.trim().strip_prefix("上年: "))
            .expect("a rolled figure keeps last year's value");
        let (mut quantity, _) = Quantity::parse(last_year.trim_matches('"')).unwrap();
        let percentage = lines[i + 1..]
            .iter()
            .take_while(|l| l.starts_with(indent))
            .any(|l| l.trim() == "单位: \"%\"" || l.trim() == "单位: %");
        if !percentage {
            quantity.number = (quantity.number * Decimal::new(11, 1)).round_dp(1);
        }
        out.push(format!("{indent}值: \"{}\"", quantity.with_unit("")));
    }
    out.join("\n") + "\n"
}

#[test]
fn every_example_rolls_over_into_a_file_that_lists_what_to_fill() {
    for (name, path) in examples() {
        let before = std::fs::read(&path).unwrap();
        let (_dir, next, text) = rolled(&path);
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{name}: the input changed"
        );
        assert!(text.contains("年度: 2026\n"), "{name}");
        let (code, stderr) = check_output(&next);
        assert_eq!(code, 0, "{name}: {stderr}");
        let original = zongjie::load(&String::from_utf8(before).unwrap())
            .report
            .unwrap();
        for figure in &original.figures {
            let warning = format!("数据“{}”还没有填写数值", figure.name);
            assert!(
                stderr.contains(&warning),
                "{name}: no warning for {}",
                figure.name
            );
        }
        assert!(
            stderr.contains("这段文字沿用自上一年，还没有修改"),
            "{name}: {stderr}"
        );
    }
}

/// Each filled figure's year-over-year phrase as a clerk would compute it
/// by hand from the two values in the file: (this − last) / last, to one
/// decimal, rounded half up.
fn phrases_by_hand(filled: &str) -> Vec<(String, String)> {
    let report = zongjie::load(filled).report.unwrap();
    report
        .figures
        .iter()
        .filter_map(|figure| {
            let this: f64 = figure.value?.value().to_string().parse().ok()?;
            let last: f64 = figure.last_year?.value().to_string().parse().ok()?;
            let tenths = ((this - last) / last * 1000.0).round() / 10.0;
            let phrase = if tenths > 0.0 {
                format!("同比增长{tenths:.1}%")
            } else if tenths < 0.0 {
                format!("同比下降{:.1}%", -tenths)
            } else {
                "与上年持平".to_string()
            };
            Some((figure.name.clone(), phrase))
        })
        .collect()
}

/// Rolled over and filled in, every example checks without errors (the
/// empty sections of next year are the only warnings) and its report
/// shows each cited 同比 as computed by hand.
#[test]
fn once_filled_it_checks_and_shows_year_over_year_as_computed_by_hand() {
    for (name, path) in examples() {
        let (dir, _, text) = rolled(&path);
        let filled = dir.path().join("filled.yaml");
        let filled_text = fill_in(&text);
        std::fs::write(&filled, &filled_text).unwrap();
        let (code, stderr) = check_output(&filled);
        assert_eq!(code, 0, "{name}: {stderr}");
        for warning in stderr.lines().filter(|l| l.starts_with("警告")) {
            assert!(
                warning.contains("一章是空的") || warning.contains("缺少“"),
                "{name}: {warning}\n{stderr}"
            );
        }
        let report = stdout_of(zongjie().args(["render", "-f", "txt"]).arg(&filled));
        assert!(report.contains("2026年"), "{name}");
        let mut shown = 0;
        for (figure, phrase) in phrases_by_hand(&filled_text) {
            if filled_text.contains(&format!("{{{figure}.同比}}")) {
                assert!(
                    report.contains(&phrase),
                    "{name}: {figure} {phrase}\n{report}"
                );
                shown += 1;
            }
        }
        assert!(shown > 0, "{name}: no 同比 shown");
    }
}

/// Rollover adds a 同比 after a figure at most once, and no figure keeps
/// its unit's magnitude less than it had.
#[test]
fn rolled_examples_cite_each_change_once_and_keep_units() {
    for (name, path) in examples() {
        let (_dir, _, text) = rolled(&path);
        let old = zongjie::load(&std::fs::read_to_string(&path).unwrap())
            .report
            .unwrap();
        let new = zongjie::load(&text).report.unwrap();
        for (was, is) in old.figures.iter().zip(&new.figures) {
            assert_eq!(
                was.unit_with_magnitude(),
                is.unit_with_magnitude(),
                "{name}: {}",
                was.name
            );
        }
        for line in text.lines() {
            for figure in &old.figures {
                let cited = line.matches(&format!("{{{}.同比}}", figure.name)).count()
                    + line.matches(&format!("{{{}.增减}}", figure.name)).count();
                assert!(cited <= 1, "{name}: {line}");
            }
        }
    }
}

#[test]
fn plans_become_work_stubs_and_shortcomings_a_checklist() {
    let (_dir, next, _) = rolled(&crate::common::example("rule-of-law-report"));
    let report = zongjie::load(&std::fs::read_to_string(next).unwrap())
        .report
        .unwrap();
    let work = report.section(zongjie::Role::Work).unwrap();
    let headings: Vec<&str> = work
        .body
        .parts
        .iter()
        .filter_map(|p| p.heading.as_ref())
        .map(|h| h.value.as_str())
        .collect();
    assert_eq!(
        &headings[..4],
        [
            "聚焦重点任务，争创法治政府建设示范区",
            "聚焦普法宣传，打造法治宣传教育品牌",
            "聚焦执法监督，提升行政执法质量",
            "2025年存在问题整改情况",
        ]
    );
    assert_eq!(work.body.parts[3].points.len(), 3);
    assert!(
        report
            .section(zongjie::Role::Plans)
            .is_none_or(|p| !p.body.has_content())
    );
    assert_eq!(report.date, None);
    let consulted = report.figure("援助受理").unwrap();
    assert_eq!(
        (
            consulted.value,
            consulted.last_year.map(|q| q.with_unit(""))
        ),
        (None, Some("815".to_string()))
    );
}

#[test]
fn titles_and_fixed_phrases_move_on_a_year() {
    let (_dir, _, text) = rolled(&crate::common::example("circular-thematic"));
    assert!(
        text.contains("成文日期:    # 待填，如 2027-01-15\n"),
        "{text}"
    );
    let report = zongjie::load(&text).report.unwrap();
    assert_eq!(report.year, 2026);
    assert_eq!(report.title.unwrap().value, "{年度}年全市司法行政工作总结");
    let body = report.circular.unwrap().body.unwrap().value;
    assert!(body.contains("扎实做好{下一年度}年各项工作"), "{body}");
    let literal = "单位: 甲\n年度: 2022\n类型: 工作总结\n标题: 2022年工作总结\n印发通知:\n  正文: 做好2023年工作。\n开头: x\n";
    let (scratch, path) = scratch_file("y.yaml", literal);
    let (_d, _, text) = rolled(&path);
    assert!(text.contains("标题: 2023年工作总结\n"), "{text}");
    assert!(text.contains("正文: 做好2024年工作。\n"), "{text}");
    drop(scratch);
}

#[test]
fn the_clerk_s_comments_and_key_order_survive() {
    let data = format!(
        "# 办公室维护，改动请告知\n{HEAD}# 开头由主任审定\n开头: 一年来成效明显。\n数据:\n  # 口径：含线上\n  受理: 10件\n  # 不含撤回\n  办结: {{值: 9件, 属于: 受理}}\n工作: 内容。\n"
    );
    let (scratch, path) = scratch_file("c.yaml", &data);
    let (_d, _, text) = rolled(&path);
    for comment in [
        "# 办公室维护，改动请告知",
        "# 开头由主任审定",
        "  # 口径：含线上",
        "  # 不含撤回",
    ] {
        assert!(text.contains(comment), "{comment} lost:\n{text}");
    }
    let keys: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with([' ', '#']) && l.contains(':'))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(keys, ["单位", "年度", "类型", "开头", "数据", "工作"]);
    drop(scratch);
}

#[test]
fn stale_text_is_warned_about() {
    let data = "单位: 长治市司法局\n年度: 2023\n类型: 工作总结\n工作: |\n  2022年以来，累计办理案件。\n  2024年3月召开会议。\n打算: 2023年，我们将继续努力。\n";
    let (_scratch, path) = scratch_file("stale.yaml", data);
    let (code, stderr) = check_output(&path);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("2023年的报告里写“2022年以来”，可能是沿用了往年的文字"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2023年的工作情况里出现了之后的年份“2024年”"),
        "{stderr}"
    );
    assert!(
        stderr.contains("下一年度的打算里出现了本报告年度“2023年”"),
        "{stderr}"
    );
    let _ = HEAD;
}

#[test]
fn a_file_with_errors_is_not_rolled_over() {
    let (scratch, path) = scratch_file("bad.yaml", &format!("{HEAD}开头: {{未知}}\n"));
    let output = zongjie().arg("rollover").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    drop(scratch);
}

#[test]
fn diff_shows_both_years_and_the_change() {
    let (dir, _, text) = rolled(&crate::common::example("next-steps-summary"));
    let filled = dir.path().join("filled.yaml");
    std::fs::write(&filled, fill_in(&text)).unwrap();
    let table = stdout_of(
        zongjie()
            .arg("diff")
            .arg(crate::common::example("next-steps-summary"))
            .arg(&filled),
    );
    assert!(
        table.starts_with("| 数据 | 单位 | 2025年 | 2026年 | 增减 | 同比 | 核对 |\n"),
        "{table}"
    );
    assert!(
        table.contains("| 复议申请 | 件 | 164 | 180.4 | +16.4 | +10.0% |  |\n"),
        "{table}"
    );
    let csv = stdout_of(
        zongjie()
            .args(["diff", "--format", "csv"])
            .arg(crate::common::example("next-steps-summary"))
            .arg(&filled),
    );
    assert!(
        csv.contains("复议申请,件,164,180.4,+16.4,+10.0%,\r\n"),
        "{csv}"
    );
}

/// A part heading that YAML would read as a hexadecimal number survives
/// rollover as written, and renders so next year.
#[test]
fn a_heading_that_looks_like_a_number_survives_rollover() {
    let (_input_dir, input) = scratch_file(
        "data.yaml",
        &format!(
            "{HEAD}工作:\n  部分:\n    - 标题: \"0x1F\"\n      正文: 内容。\n    - 标题: 3.10\n      正文: 内容。\n"
        ),
    );
    let (_dir, next, text) = rolled(&input);
    assert!(text.contains("标题: \"0x1F\""), "{text}");
    assert!(text.contains("标题: \"3.10\""), "{text}");
    let rendered = stdout_of(zongjie().args(["render", "-f", "txt"]).arg(&next));
    assert!(rendered.contains("（一）0x1F"), "{rendered}");
    assert!(rendered.contains("（二）3.10"), "{rendered}");
}
