//! The loader on small files: every problem at once, short and long
//! forms, places of paragraphs.

use super::*;
use crate::genre::kinds::Role;

fn messages(source: &str) -> Vec<String> {
    load(source)
        .diagnostics
        .into_iter()
        .map(|d| d.message)
        .collect()
}

const MINIMAL: &str = "单位: 长治市司法局\n年度: 2022\n类型: 工作总结\n开头: 一年来成绩显著。\n";

#[test]
fn minimal_file_loads_without_problems() {
    let loaded = load(MINIMAL);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let report = loaded.report.unwrap();
    assert_eq!(report.bureau.name, "长治市司法局");
    assert_eq!(report.bureau.scope, "全市");
    assert_eq!(report.year, 2022);
    assert_eq!(report.opening[0].value, "一年来成绩显著。");
}

#[test]
fn english_keys_are_accepted() {
    let loaded = load("bureau: {name: 上高县司法局}\nyear: 2024\nkind: work-summary\n");
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.report.unwrap().bureau.scope, "全县");
}

#[test]
fn every_problem_is_reported_at_once() {
    let found = messages("单位: {名称: 甲}\n年度: 二〇二二\n标体: x\n工作:\n  部分: 文字\n");
    assert!(
        found.iter().any(|m| m.contains("“年度”应为四位数的年份")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|m| m.contains("未知的键“标体”；是不是“标题”？")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|m| m.contains("缺少必填的键“类型”")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|m| m.contains("“工作.部分”应为列表")),
        "{found:?}"
    );
}

#[test]
fn unknown_key_lists_the_keys_allowed_there() {
    let loaded = load(&format!("{MINIMAL}数据:\n  受理: {{值: 1, 单元: 件}}\n"));
    let diagnostic = &loaded.diagnostics[0];
    assert!(diagnostic.message.contains("未知的键“单元”"));
    let note = diagnostic.note.as_deref().unwrap();
    assert!(
        note.contains("值（value）、单位（unit）、目标（target）"),
        "{note}"
    );
}

#[test]
fn figures_read_short_and_long_forms() {
    let source = format!(
        "{MINIMAL}数据:\n  咨询: 1.2万余人次\n  受理: {{值: 1899, 单位: 件, 目标: 1708}}\n  办结: {{值: 1630件, 属于: 受理}}\n  待填: {{单位: 件}}\n"
    );
    let report = load(&source).report.unwrap();
    let consult = report.figure("咨询").unwrap();
    assert_eq!(consult.unit, "人次");
    assert_eq!(consult.formatted_value().unwrap(), "1.2万余人次");
    assert!(consult.value.unwrap().is_rounded());
    let target = report.figure("受理").unwrap().target.unwrap();
    assert_eq!(target.with_unit("件"), "1708件");
    assert_eq!(report.figure("办结").unwrap().unit, "件");
    assert_eq!(report.figure("待填").unwrap().value, None);
}

#[test]
fn conflicting_units_are_an_error() {
    let found = messages(&format!(
        "{MINIMAL}数据:\n  受理: {{值: 1899人, 单位: 件}}\n"
    ));
    assert!(found[0].contains("与“单位: 件”不一致"), "{found:?}");
}

#[test]
fn sections_take_short_forms() {
    let source = format!(
        "{MINIMAL}不足:\n  - 学习还不够深入。\n  - 合力仍显不足。\n第一责任人: 压实责任。\n"
    );
    let report = load(&source).report.unwrap();
    let shortcomings = report.section(Role::Shortcomings).unwrap();
    assert_eq!(shortcomings.body.parts.len(), 2);
    assert_eq!(
        shortcomings.body.parts[1].heading.as_ref().unwrap().value,
        "合力仍显不足。"
    );
    let duties = report.section(Role::Duties).unwrap();
    assert_eq!(duties.body.text[0].value, "压实责任。");
}

#[test]
fn multi_line_text_splits_into_paragraphs_with_their_places() {
    let source = format!("{MINIMAL}其他: |\n  第一段。\n\n  第二段。\n");
    let report = load(&source).report.unwrap();
    let text = &report.section(Role::Other).unwrap().body.text;
    assert_eq!(text.len(), 2);
    assert_eq!(text[1].span.as_ref().unwrap().line, 8);
}

#[test]
fn duplicate_chinese_and_english_key_is_reported() {
    let found = messages(&format!("{MINIMAL}year: 2023\n"));
    assert!(found[0].contains("键“年度”重复出现"), "{found:?}");
}

#[test]
fn closest_key_suggests_only_near_misses() {
    let part = keys::fields(Place::Part);
    assert_eq!(closest_key("标体", &part), Some("标题"));
    assert_eq!(closest_key("headng", &part), Some("标题"));
    assert_eq!(closest_key("完全无关的键", &part), None);
}

#[test]
fn text_that_looks_like_a_number_is_read_as_written() {
    let source = format!("{MINIMAL}标题: 0x1F\n附件: [3.10, 1e3, 0x10, true]\n");
    let loaded = load(&source);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let report = loaded.report.unwrap();
    assert_eq!(report.title.unwrap().value, "0x1F");
    let names: Vec<String> = report
        .attachments
        .into_iter()
        .map(|a| a.name.value)
        .collect();
    assert_eq!(names, ["3.10", "1e3", "0x10", "true"]);
}

#[test]
fn attachments_are_names_or_names_with_content() {
    let source = format!(
        "{MINIMAL}附件:\n  - 统计表\n  - 名称: 名词解释\n    正文: 甲。\n    部分:\n      - 标题: 乙\n        正文: 丙。\n  - 名称: 空\n    标题: 空的附件\n"
    );
    let loaded = load(&source);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let attachments = loaded.report.unwrap().attachments;
    assert_eq!(attachments[0].name.value, "统计表");
    assert_eq!(attachments[0].body, None);
    let body = attachments[1].body.as_ref().unwrap();
    assert_eq!(body.text[0].value, "甲。");
    assert_eq!(body.parts[0].heading.as_ref().unwrap().value, "乙");
    assert_eq!(attachments[2].printed_title().value, "空的附件");
    assert_eq!(attachments[2].body, None);
    let missing = messages(&format!("{MINIMAL}附件:\n  - 正文: 甲。\n"));
    assert!(missing[0].contains("缺少必填的键“名称”"), "{missing:?}");
}

#[test]
fn a_year_must_be_decimal_digits() {
    for year in ["0x7E9", "2.025e3", "true"] {
        let found = messages(&format!("单位: 甲\n年度: {year}\n类型: 工作总结\n"));
        assert!(
            found[0].contains("“年度”应为四位数的年份"),
            "{year}: {found:?}"
        );
    }
    let report = load("单位: 甲\n年度: 2025年\n类型: 工作总结\n")
        .report
        .unwrap();
    assert_eq!(report.year, 2025);
}
