//! `check`: everything wrong with a data file, found at once. Loading
//! reports the schema problems; this adds what needs the whole report.
//!
//! | what | module |
//! |---|---|
//! | year and date, required sections, empty headings, samples left in | `content` |
//! | figures: unfilled, parts larger than their whole, rates over 100% | `figures` |
//! | citations that cannot be filled in | here |
//! | the norms of official text on the prose | `prose` |
//! | carried-over text not yet edited | `carried` |

mod carried;
mod content;
mod figures;
pub mod prose;

use crate::base::diagnostic::{Diagnostic, Diagnostics, LineIndex, Span};
use crate::datafile::cite::{self, CiteError, Resolver};

use crate::datafile::load;
use crate::datafile::model::Report;

/// The outcome of checking a data file.
#[derive(Debug)]
pub struct Checked {
    /// The report, when the file could be read as one.
    pub report: Option<Report>,
    /// Every problem found, errors and warnings, by place.
    pub diagnostics: Diagnostics,
}

/// What the check is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// `check`: an unfilled figure is a warning, as filling it in is the
    /// clerk's next step.
    Review,
    /// `render`: an unfilled figure that the text cites is an error, as its
    /// place in the report would be blank.
    Render,
}

/// Loads and checks the data file at `path` whose text is `source`.
pub fn check(path: &str, source: &str, purpose: Purpose) -> Checked {
    let loaded = load::load(source);
    let mut diagnostics = loaded.diagnostics;
    if let Some(report) = &loaded.report {
        // What a half-read report lacks is what its errors say.
        let whole = !diagnostics.iter().any(Diagnostic::is_error);
        diagnostics.extend(check_report(source, report, purpose, whole));
        if purpose == Purpose::Review {
            diagnostics.extend(prose_warnings(source, report));
            diagnostics.extend(carried::unchanged_carried_texts(source, report));
        }
    }
    Checked {
        report: loaded.report,
        diagnostics: Diagnostics::new(path, source, diagnostics),
    }
}

/// The problems of a loaded report that need the report as a whole;
/// `whole` says whether it loaded without errors, as only then are the
/// warnings on what it lacks worth giving.
fn check_report(source: &str, report: &Report, purpose: Purpose, whole: bool) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if purpose == Purpose::Review && whole {
        content::check(report, &mut found);
    } else {
        content::check_for_render(report, &mut found);
    }
    figures::check(report, purpose, &mut found);
    check_citations(source, report, purpose, &mut found);
    found
}

/// The lint rules on the file's prose, as warnings: render writes the
/// punctuation right whatever the file says, and `lint --fix` mends the
/// file itself.
fn prose_warnings(source: &str, report: &Report) -> Vec<Diagnostic> {
    prose::data_file_diagnostics(source, report)
        .into_iter()
        .map(|d| Diagnostic {
            severity: crate::base::diagnostic::Severity::Warning,
            ..d
        })
        .collect()
}

fn check_citations(source: &str, report: &Report, purpose: Purpose, found: &mut Vec<Diagnostic>) {
    let resolver = Resolver::new(report);
    let lines = LineIndex::new(source);
    for crate::datafile::model::Prose { text, count, .. } in report.texts() {
        let markers = match cite::find_markers(&text.value) {
            Ok(markers) => markers,
            Err(offset) => {
                found.push(Diagnostic::error(
                    "“{”没有对应的“}”：引用数据请写成 {名称}，要写花括号本身请写 {{",
                    text.source_span(&lines, offset..offset + 1),
                ));
                continue;
            }
        };
        let resolver = resolver.counting(count);
        for marker in markers {
            if let Err(error) = resolver.resolve(&marker.cite) {
                found.extend(citation_diagnostic(
                    &error,
                    purpose,
                    text.source_span(&lines, marker.range),
                ));
            }
        }
    }
}

fn citation_diagnostic(
    error: &CiteError,
    purpose: Purpose,
    span: Option<Span>,
) -> Option<Diagnostic> {
    match (error, purpose) {
        // Filling figures in is the clerk's next step; the figure itself is
        // warned about once, where it is defined.
        (CiteError::Unfilled(_), Purpose::Review) => None,
        _ => Some(Diagnostic::error(error.message(), span)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "单位: 长治市司法局\n年度: 2022\n类型: 工作总结\n";

    fn problems(body: &str) -> Vec<(String, Option<(usize, usize)>)> {
        let source = format!("{HEAD}{body}");
        check("t.yaml", &source, Purpose::Review)
            .diagnostics
            .diagnostics
            .into_iter()
            .map(|d| (d.message, d.span.map(|s| (s.line, s.column))))
            .collect()
    }

    #[test]
    fn unknown_figure_is_pointed_at_in_the_prose() {
        let found = problems("开头: 共受理{受里}。\n数据:\n  受理: 1899件\n");
        assert_eq!(
            found,
            [(
                "引用了未定义的数据“受里”；是不是“受理”？".to_string(),
                Some((4, 8))
            )]
        );
    }

    #[test]
    fn marker_in_a_block_scalar_is_located() {
        let found = problems("开头: |\n  第一段。\n  第二段{未知}。\n");
        assert_eq!(found[0].1, Some((6, 6)));
    }

    #[test]
    fn part_larger_than_whole() {
        let found = problems("开头: x\n数据:\n  受理: 10件\n  办结: {值: 12件, 属于: 受理}\n");
        assert_eq!(
            found[0].0,
            "数据“办结”（12件）大于它所属的“受理”（10件），比率会超过100%"
        );
        assert_eq!(found[0].1, Some((7, 11)));
    }

    #[test]
    fn part_of_unknown_whole() {
        let found = problems("开头: x\n数据:\n  办结: {值: 12件, 属于: 受里}\n");
        assert_eq!(found[0].0, "“办结.属于”指向未定义的数据“受里”");
    }

    #[test]
    fn year_out_of_range() {
        let found = problems("开头: x\n").len();
        assert_eq!(found, 0);
        let source = "单位: 甲\n年度: 1900\n类型: 工作总结\n开头: x\n";
        let checked = check("t.yaml", source, Purpose::Review);
        assert_eq!(
            checked.diagnostics.diagnostics[0].message,
            "年度 1900 不在 1949 至 2100 之间"
        );
    }

    #[test]
    fn empty_report() {
        let found = problems("工作:\n  部分: []\n");
        assert_eq!(found[0].0, "报告没有内容：开头和各部分都是空的");
    }

    #[test]
    fn unfilled_figure_is_a_warning() {
        let source = format!("{HEAD}开头: 受理{{受理}}。\n数据:\n  受理: {{单位: 件}}\n");
        let checked = check("t.yaml", &source, Purpose::Review);
        assert_eq!(checked.diagnostics.error_count(), 0);
        assert_eq!(checked.diagnostics.warning_count(), 1);
        let for_render = check("t.yaml", &source, Purpose::Render);
        assert_eq!(for_render.diagnostics.error_count(), 1);
        assert_eq!(for_render.diagnostics.warning_count(), 0);
    }

    #[test]
    fn prose_rules_warn_at_their_place_in_the_file() {
        let found = problems("开头: 共受理法律援助案件288余件,成效明显。\n");
        assert_eq!(
            found,
            [
                (
                    "“288”是确数，后面不宜加“余”；约数应取整（如“280余”），确数则删去“余”"
                        .to_string(),
                    Some((4, 14))
                ),
                (
                    "中文里用了半角的“,”，应为全角的“，”".to_string(),
                    Some((4, 19))
                ),
            ]
        );
    }

    #[test]
    fn unclosed_brace() {
        let found = problems("开头: 共受理{受理。\n");
        assert!(found[0].0.starts_with("“{”没有对应的“}”"));
        assert_eq!(found[0].1, Some((4, 8)));
    }
}
