//! What the report says, as a whole: the year and the date, the sections
//! its kind requires, headings with nothing under them, and the samples of
//! the starter file still in place.

use chrono::{Datelike, NaiveDate};

use crate::base::diagnostic::Diagnostic;
use crate::datafile::keys::{self, Key, Place};
use crate::datafile::model::{Part, Report, Text};
use crate::datafile::starter;
use crate::genre::dates::{self, YEARS};
use crate::genre::kinds::{Kind, Role};

/// Every problem of the report's content.
pub fn check(report: &Report, found: &mut Vec<Diagnostic>) {
    check_for_render(report, found);
    check_date(report, found);
    check_required_sections(report, found);
    check_empty_headings(report, found);
    check_samples(report, found);
}

/// The problems that stop a render: a year out of range, no content.
pub fn check_for_render(report: &Report, found: &mut Vec<Diagnostic>) {
    check_year(report, found);
    check_not_empty(report, found);
}

fn check_year(report: &Report, found: &mut Vec<Diagnostic>) {
    if let Some(span) = &report.year_span
        && !YEARS.contains(&report.year)
    {
        found.push(Diagnostic::error(
            format!(
                "年度 {} 不在 {} 至 {} 之间",
                report.year,
                YEARS.start(),
                YEARS.end()
            ),
            Some(span.clone()),
        ));
    }
}

/// A 成文日期 before the report year's last month, or more than a year
/// after it, is most likely last year's left in place or a typing slip.
fn check_date(report: &Report, found: &mut Vec<Diagnostic>) {
    let Some(date) = report.date else { return };
    let year = report.year;
    let (Some(earliest), Some(latest)) = (
        NaiveDate::from_ymd_opt(year, 12, 1),
        NaiveDate::from_ymd_opt(year + 1, 12, 31),
    ) else {
        return;
    };
    let written = dates::document_date(date);
    let problem = if date < earliest {
        format!("成文日期{written}早于{year}年年底，年度报告不会在所报告的一年结束前成文")
    } else if date > latest {
        format!("成文日期{written}晚于{year}年的下一年，请核对年份")
    } else {
        return;
    };
    let span = report.date_span.clone();
    found.push(Diagnostic::warning(problem, span).with_note(format!(
        "{year}年的报告一般在{year}年12月至{}年上半年成文",
        date.year().max(year + 1)
    )));
}

fn check_not_empty(report: &Report, found: &mut Vec<Diagnostic>) {
    let has_sections = report.sections.iter().any(|s| s.body.has_content());
    if report.opening.is_empty() && !has_sections {
        found.push(
            Diagnostic::error("报告没有内容：开头和各部分都是空的", None).with_note(
                "至少写上“开头”或“工作”等一个部分；`zongjie init` 生成的样例文件可作参考",
            ),
        );
    }
}

/// Sections with nothing in them (as rollover leaves next year's plans),
/// which the report leaves out; and the parts a 法治政府建设年度报告 must
/// have, which 《法治政府建设与责任落实督察工作规定》 sets.
fn check_required_sections(report: &Report, found: &mut Vec<Diagnostic>) {
    if !report.sections.iter().any(|s| s.body.has_content()) && report.opening.is_empty() {
        return;
    }
    for section in report.sections.iter().filter(|s| !s.body.has_content()) {
        let span = section.body.heading.as_ref().and_then(|h| h.span.clone());
        found.push(
            Diagnostic::warning(
                format!(
                    "“{}”一章是空的，报告里不会有这一章",
                    section_name(report, section.role)
                ),
                span,
            )
            .with_note(format!(
                "在“{}”下写上内容，或删去这一章",
                key_name(section.role)
            )),
        );
    }
    if report.kind != Kind::RuleOfLaw {
        return;
    }
    for &role in report.kind.required_roles() {
        if report.section(role).is_none() {
            found.push(
                Diagnostic::warning(
                    format!(
                        "缺少“{}”一章，《法治政府建设与责任落实督察工作规定》要求报告这一部分",
                        section_name(report, role)
                    ),
                    None,
                )
                .with_note(format!("加上“{}”一章", key_name(role))),
            );
        }
    }
}

/// What a section is called in messages: its heading, or the kind's
/// standard one.
fn section_name(report: &Report, role: Role) -> String {
    report
        .section(role)
        .and_then(|s| s.body.heading.as_ref())
        .map(|h| h.value.clone())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| report.kind.standard_heading(role, report.year))
}

fn key_name(role: Role) -> &'static str {
    keys::name(Place::Top, Key::of_role(role))
}

/// A part with a heading and nothing under it prints as a heading alone.
/// One that is a whole sentence (ends in 。) is an item of its own, as a
/// one-sentence shortcoming is.
fn check_empty_headings(report: &Report, found: &mut Vec<Diagnostic>) {
    for section in &report.sections {
        if section.role != Role::Shortcomings {
            for part in &section.body.parts {
                empty_headings(part, found);
            }
        }
    }
}

fn empty_headings(part: &Part, found: &mut Vec<Diagnostic>) {
    if let Some(heading) = &part.heading
        && !heading.value.is_empty()
        && !heading
            .value
            .trim_end_matches(['”', '）'])
            .ends_with(['。', '；', '！', '？'])
        && !part.has_content()
    {
        found.push(
            Diagnostic::warning(
                format!("“{}”下面没有内容，报告里只会有这个标题", heading.value),
                heading.span.clone(),
            )
            .with_note("写上“正文”或“要点”，或删去这一项"),
        );
    }
    for child in &part.parts {
        empty_headings(child, found);
    }
}

/// Prose that is still the starter file's sample, or a placeholder (……,
/// 某某, an instruction in brackets), and the starter's sample figures.
fn check_samples(report: &Report, found: &mut Vec<Diagnostic>) {
    let (sample_texts, sample_figures) = starter::samples();
    for prose in report.texts() {
        let text = prose.text;
        if sample_texts.contains(&text.value) {
            found.push(sample_warning(text, "这是起始文件的示例文字"));
        } else if is_placeholder(&text.value) {
            found.push(sample_warning(text, "这里还是占位的文字"));
        }
    }
    if report.bureau.name.contains("某某") {
        found.push(Diagnostic::warning(
            format!("单位名称“{}”还是示例，请写本单位的全称", report.bureau.name),
            None,
        ));
    }
    for figure in &report.figures {
        let written = figure.formatted_value();
        let is_sample = sample_figures
            .iter()
            .any(|(name, value)| *name == figure.name && Some(value) == written.as_ref());
        if is_sample {
            found.push(
                Diagnostic::warning(
                    format!("数据“{}”还是起始文件的示例数字", figure.name),
                    figure.value_span.clone().or_else(|| figure.span.clone()),
                )
                .with_note("换成本单位今年的数字，或删去这项数据和引用它的文字"),
            );
        }
    }
}

fn sample_warning(text: &Text, what: &str) -> Diagnostic {
    Diagnostic::warning(
        format!("{what}：“{}”", preview(&text.value)),
        text.span.clone(),
    )
    .with_note("换成本单位的内容，或删去这一项")
}

/// Whether a text stands in for content: an ellipsis where the content
/// should be (……, or ending in ……), a 某某, or an instruction in brackets.
pub fn is_placeholder(text: &str) -> bool {
    let trimmed = text.trim().trim_end_matches(['。', '；', '，']);
    trimmed.starts_with("……")
        || trimmed.ends_with("……")
        || text.contains("……（")
        || text.contains("（写明")
        || text.contains("某某")
}

fn preview(text: &str) -> String {
    let mut shown: String = text.chars().take(24).collect();
    if text.chars().count() > 24 {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_told_from_prose() {
        for text in [
            "……",
            "……（写明这项工作的做法和成效）",
            "加强政治建设。……",
            "聚焦重点任务，……",
            "某某镇开展了活动。",
        ] {
            assert!(is_placeholder(text), "{text}");
        }
        for text in [
            "全年受理案件1899件。",
            "开展“法律六进”活动……效果明显，群众满意。",
        ] {
            assert!(!is_placeholder(text), "{text}");
        }
    }
}
