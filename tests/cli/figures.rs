//! Figures a bureau can sign: each failure a new user met in merge,
//! rollover and check, reproduced through the binary, and what zongjie
//! does now.

use crate::common::{scratch_file, stdout_of, zongjie};

/// A county's data file with `figures` (YAML lines under 数据) cited by
/// `opening`.
fn county(name: &str, opening: &str, figures: &str) -> String {
    format!(
        "单位: {name}\n年度: 2025\n类型: 工作总结\n标题: {name}2025年工作总结\n署名: {name}\n开头: {opening}\n数据:\n{figures}"
    )
}

/// Merges files written into one folder; (exit code, stdout, stderr).
fn merge(files: &[(&str, String)], options: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut command = zongjie();
    command.arg("merge").args(options);
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        command.arg(path);
    }
    let output = command.output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn render_text(text: &str) -> String {
    let (_dir, path) = scratch_file("data.yaml", text);
    stdout_of(zongjie().args(["render", "-f", "txt"]).arg(&path))
}

fn check_stderr(text: &str) -> (i32, String) {
    let (_dir, path) = scratch_file("data.yaml", text);
    let output = zongjie().arg("check").arg(&path).output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// Once wrote 收费: 78891000元 and the report read 收取公证费78891000元.
#[test]
fn figures_in_wan_merge_in_wan() {
    let opening = "收取公证费{收费}。";
    let (code, merged, stderr) = merge(
        &[
            (
                "a.yaml",
                county("甲县司法局", opening, "  收费: 7887.8万元\n"),
            ),
            ("b.yaml", county("乙县司法局", opening, "  收费: 1.3万元\n")),
        ],
        &["--bureau", "某市司法局"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(merged.contains("  收费: 7889.1万元\n"), "{merged}");
    assert!(render_text(&merged).contains("收取公证费7889.1万元。"));
}

/// Once refused: the units “differ” (元 vs 万元).
#[test]
fn rounded_figures_in_wan_and_exact_ones_merge() {
    let opening = "收费{收费}。";
    let (code, merged, stderr) = merge(
        &[
            (
                "a.yaml",
                county("甲县司法局", opening, "  收费: 260余万元\n"),
            ),
            ("b.yaml", county("乙县司法局", opening, "  收费: 40万元\n")),
        ],
        &["--bureau", "某市司法局"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(merged.contains("  收费: 300余万元\n"), "{merged}");
}

/// Once gave 0.6万余人次 (6,200 shown as 0.6万).
#[test]
fn figures_in_different_magnitudes_sum_exactly() {
    let opening = "接待群众{接待}。";
    let (code, merged, stderr) = merge(
        &[
            (
                "a.yaml",
                county("甲县司法局", opening, "  接待: 3200余人次\n"),
            ),
            (
                "b.yaml",
                county("乙县司法局", opening, "  接待: 0.3万人次\n"),
            ),
        ],
        &["--bureau", "某市司法局"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(merged.contains("  接待: 6200余人次\n"), "{merged}");
}

/// Once wrote 单位: 元 with 上年: 7887.8万, and 值: 8100 then printed
/// 8100元，同比下降100.0% with check saying nothing.
/// A county's file whose work is one paragraph citing `figures`.
fn with_work(work: &str, figures: &str) -> String {
    county("青禾县司法局", "一年来成效明显。", figures) + &format!("工作: {work}\n")
}

#[test]
fn rollover_keeps_the_magnitude_and_a_typed_value_takes_it() {
    let data = with_work("收取公证费{收费}。", "  收费: 7887.8万元\n");
    let (_dir, path) = scratch_file("2025.yaml", &data);
    let next = stdout_of(zongjie().arg("rollover").arg(&path));
    assert!(
        next.contains("    单位: 万元\n    上年: 7887.8\n"),
        "{next}"
    );
    let filled = next.replace("    值:    # 待填", "    值: 8100");
    assert!(render_text(&filled).contains("收取公证费8100万元，同比增长2.7%。"));
    let (code, stderr) = check_stderr(&filled);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("数据“收费”"), "{stderr}");
}

/// Once gave 同比增长6.8%，同比增长6.8%.
#[test]
fn rollover_does_not_cite_a_change_twice() {
    let data = with_work(
        "受理法律援助案件{法律援助受理}，{法律援助受理.同比}。",
        "  法律援助受理: {值: 1068, 单位: 件, 上年: 1000}\n",
    );
    let (_dir, path) = scratch_file("2025.yaml", &data);
    let next = stdout_of(zongjie().arg("rollover").arg(&path));
    assert_eq!(next.matches("{法律援助受理.同比}").count(), 1, "{next}");
    let filled = next.replace("    值:    # 待填", "    值: 1141");
    let text = render_text(&filled);
    assert!(
        text.contains("受理法律援助案件1141件，同比增长6.8%。"),
        "{text}"
    );
}

/// Once written out last year's change stayed beside the computed one.
#[test]
fn rollover_replaces_last_years_written_change() {
    let data = with_work("受理案件{受理}，同比增长6.8%。", "  受理: 1068件\n");
    let (_dir, path) = scratch_file("2025.yaml", &data);
    let next = stdout_of(zongjie().arg("rollover").arg(&path));
    assert!(next.contains("受理案件{受理}，{受理.同比}。"), "{next}");
    assert!(!next.contains("6.8%"), "{next}");
}

/// Once only plan titles came over (empty headings), 亮点 was dropped and
/// 不足 and 打算 were left empty with no warning.
#[test]
fn rollover_carries_plans_highlights_and_problems_and_check_says_what_is_left() {
    let data = "单位: 青禾县司法局\n年度: 2025\n类型: 工作总结\n开头: 一年来成效明显。\n工作:\n  部分:\n    - 标题: 加强队伍建设\n      正文: 开展培训。\n亮点:\n  部分:\n    - 标题: 调解进网格\n      正文: 调解员编入网格。\n不足:\n  部分:\n    - 基层力量还比较薄弱。\n打算:\n  部分:\n    - 标题: 推进法治建设\n      正文: 开展示范创建。\n";
    let (_dir, path) = scratch_file("2025.yaml", data);
    let next = stdout_of(zongjie().arg("rollover").arg(&path));
    let report = zongjie::load(&next).report.unwrap();
    let work = report.section(zongjie::Role::Work).unwrap();
    let stub = &work.body.parts[0];
    assert_eq!(stub.heading.as_ref().unwrap().value, "推进法治建设");
    assert_eq!(stub.text[0].value, "开展示范创建。");
    assert!(
        next.contains("2025年的打算：请改写为2026年的落实情况"),
        "{next}"
    );
    let checklist = &work.body.parts[1];
    assert_eq!(
        checklist.heading.as_ref().unwrap().value,
        "2025年存在问题整改情况"
    );
    assert!(
        next.contains("2025年的问题：请写明2026年是怎样整改的"),
        "{next}"
    );
    let highlights = report.section(zongjie::Role::Highlights).unwrap();
    assert_eq!(highlights.body.parts[0].text[0].value, "调解员编入网格。");
    let (code, stderr) = check_stderr(&next);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("“存在的问题和不足”一章是空的"), "{stderr}");
    assert!(stderr.contains("“2027年工作打算”一章是空的"), "{stderr}");
    assert!(!stderr.contains("下面没有内容"), "{stderr}");
}

/// Once merged a file that check rejects and reported it later against the
/// merged file, exiting 2.
#[test]
fn merge_refuses_a_county_file_with_an_error_naming_it() {
    let figures = "  受理: 300件\n  办结: {值: 401, 单位: 件, 属于: 受理}\n";
    let (code, merged, stderr) = merge(
        &[
            (
                "good.yaml",
                county("甲县司法局", "受理{受理}。", "  受理: 10件\n"),
            ),
            (
                "bad.yaml",
                county("乙县司法局", "受理{受理}，办结{办结}。", figures),
            ),
        ],
        &["--bureau", "某市司法局"],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(merged.is_empty());
    assert!(stderr.contains("大于它所属的“受理”"), "{stderr}");
    assert!(stderr.contains("bad.yaml:9:"), "{stderr}");
}

/// Once kept the county's name and 全县 wording with no warning.
#[test]
fn merge_names_the_city_in_fixed_phrases_and_points_at_county_words_in_prose() {
    let opening = "全县受理{受理}，县委县政府高度重视。";
    let files = [
        ("a.yaml", county("甲县司法局", opening, "  受理: 10件\n")),
        ("b.yaml", county("乙县司法局", opening, "  受理: 20件\n")),
    ];
    let (code, merged, stderr) = merge(&files, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("合并后的文件仍以“甲县司法局”为单位"),
        "{stderr}"
    );
    let (code, merged_city, stderr) = merge(&files, &["--bureau", "某市司法局"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        merged_city.contains("标题: 某市司法局2025年工作总结\n"),
        "{merged_city}"
    );
    assert!(merged_city.contains("署名: 某市司法局\n"), "{merged_city}");
    assert!(merged_city.contains("级别: 市\n"), "{merged_city}");
    assert!(
        merged_city.contains("开头: 全县受理{受理}"),
        "prose is not changed: {merged_city}"
    );
    assert!(
        stderr.contains("正文里写的是“全县”，合并后应是“全市”"),
        "{stderr}"
    );
    assert!(
        stderr.contains("合并结果:"),
        "a place in the merged file: {stderr}"
    );
    assert!(!merged.contains("某市"));
}

#[test]
fn check_warns_about_the_starter_samples_and_placeholders() {
    let starter = stdout_of(zongjie().args(["init", "--bureau", "青山县司法局", "--year", "2025"]));
    let (code, stderr) = check_stderr(&starter);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("这里还是占位的文字：“……（写明这项工作的做法和成效）”"),
        "{stderr}"
    );
    assert!(
        stderr.contains("数据“法律援助受理”还是起始文件的示例数字"),
        "{stderr}"
    );
    assert!(stderr.contains("这是起始文件的示例文字"), "{stderr}");
    let written = starter
        .replace("……（写明这项工作的做法和成效）", "开展教育培训12次。")
        .replace("法律援助受理: 100件", "法律援助受理: 230件");
    let (_, stderr) = check_stderr(&written);
    assert!(!stderr.contains("写明这项工作"), "{stderr}");
    assert!(!stderr.contains("数据“法律援助受理”还是"), "{stderr}");
}

#[test]
fn check_warns_about_a_satisfaction_over_a_hundred_percent() {
    let head = "单位: 甲县司法局\n年度: 2025\n类型: 工作总结\n开头: 满意度{满意度}。\n数据:\n";
    let (code, stderr) = check_stderr(&format!("{head}  满意度: 105%\n"));
    assert_eq!(code, 0);
    assert!(stderr.contains("“满意度”是105%，超过了100%"), "{stderr}");
    assert!(stderr.contains("data.yaml:6:"), "{stderr}");
    let (_, stderr) = check_stderr(&format!("{head}  满意度: 99.5%\n"));
    assert!(!stderr.contains("超过了100%"), "{stderr}");
}

#[test]
fn check_warns_about_a_date_far_from_the_report_year() {
    let head = "单位: 甲县司法局\n年度: 2025\n类型: 工作总结\n开头: 内容。\n";
    let (code, stderr) = check_stderr(&format!("{head}成文日期: 2024-03-01\n"));
    assert_eq!(code, 0);
    assert!(
        stderr.contains("成文日期2024年3月1日早于2025年年底"),
        "{stderr}"
    );
    assert!(stderr.contains("data.yaml:5:7"), "{stderr}");
    let (_, stderr) = check_stderr(&format!("{head}成文日期: 2027-03-01\n"));
    assert!(stderr.contains("晚于2025年的下一年"), "{stderr}");
    for fine in ["2025-12-28", "2026-01-15", "2026-06-30"] {
        let (_, stderr) = check_stderr(&format!("{head}成文日期: {fine}\n"));
        assert!(!stderr.contains("成文日期20"), "{fine}: {stderr}");
    }
}

#[test]
fn check_warns_about_empty_names_and_attachments() {
    let (code, stderr) = check_stderr(
        "单位:\n  名称: \"\"\n年度: 2025\n类型: 工作总结\n开头: 内容。\n附件: [\"\"]\n工作:\n  部分:\n    - 标题: \"\"\n      正文: 内容。\n",
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("“单位.名称”是空的"), "{stderr}");
    assert!(stderr.contains("“附件”是空的"), "{stderr}");
    assert!(stderr.contains("“工作.部分[1].标题”是空的"), "{stderr}");
    let (_, stderr) =
        check_stderr("单位: 甲县司法局\n年度: 2025\n类型: 工作总结\n开头: 内容。\n附件: [名单]\n");
    assert!(!stderr.contains("是空的"), "{stderr}");
}

#[test]
fn check_names_the_parts_a_rule_of_law_report_must_have() {
    let (code, stderr) = check_stderr(
        "单位: 甲县司法局\n年度: 2025\n类型: 法治政府建设年度报告\n开头: 内容。\n工作: 做法和成效。\n打算: 明年安排。\n",
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("缺少“2025年度推进法治政府建设存在的不足和原因”一章"),
        "{stderr}"
    );
    assert!(
        stderr.contains("缺少“2025年度党政主要负责人履行推进法治建设第一责任人职责"),
        "{stderr}"
    );
    assert!(!stderr.contains("主要举措和成效”一章"), "{stderr}");
    let (_, stderr) = check_stderr(
        "单位: 甲县司法局\n年度: 2025\n类型: 工作总结\n开头: 内容。\n工作: 做法和成效。\n",
    );
    assert!(
        !stderr.contains("缺少"),
        "a work summary has no fixed parts: {stderr}"
    );
}

/// diff once printed 78878000 for a figure written in 万元.
#[test]
fn diff_shows_values_in_the_clerks_units() {
    let old = county("甲县司法局", "收费{收费}。", "  收费: 7887.8万元\n");
    let new = county(
        "甲县司法局",
        "收费{收费}。",
        "  收费: {值: 8100, 单位: 万元, 上年: 7887.8}\n",
    )
    .replace("年度: 2025", "年度: 2026");
    let (_old_dir, old_path) = scratch_file("2025.yaml", &old);
    let (_new_dir, new_path) = scratch_file("2026.yaml", &new);
    let table = stdout_of(zongjie().arg("diff").arg(&old_path).arg(&new_path));
    assert!(
        table.contains("| 收费 | 元 | 7887.8万 | 8100万 | +212.2万 | +2.7% |  |"),
        "{table}"
    );
}
