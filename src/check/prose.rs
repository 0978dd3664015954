//! What lint reads: a data file's prose (positions in the YAML), a text or
//! Markdown report (positions in the file), or a .docx (positions as
//! paragraph numbers). Each becomes paragraphs that know where they came
//! from, so findings point at the file and fixes can be written back.

use std::ops::Range;

use crate::base::diagnostic::{Diagnostic, Diagnostics, LineIndex, Severity};
use crate::base::error::Error;
use crate::datafile::cite;
use crate::datafile::load;
use crate::datafile::model::Report;
use crate::genre::kinds::Role;
use crate::genre::rules::{Finding, ProseParagraph, apply_edits, check_paragraphs};

/// The kinds of file lint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A zongjie data file (YAML).
    DataFile,
    /// A report as plain text.
    Text,
    /// A report as Markdown.
    Markdown,
}

impl SourceKind {
    /// Tells the kind from the file name and, failing that, the content.
    pub fn detect(path: &str, text: &str) -> SourceKind {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".yaml") || lower.ends_with(".yml") {
            SourceKind::DataFile
        } else if lower.ends_with(".md") || looks_like_markdown(text) {
            SourceKind::Markdown
        } else {
            SourceKind::Text
        }
    }
}

fn looks_like_markdown(text: &str) -> bool {
    text.lines()
        .any(|line| line.starts_with("# ") || line.starts_with("## ") || line.starts_with(":::"))
}

/// A paragraph of the file and where its bytes are in the file: pieces of
/// (offset in the paragraph, offset in the file), or nothing when the text
/// could not be found verbatim in the file.
struct Located {
    text: String,
    pieces: Vec<(usize, usize)>,
    fallback: Range<usize>,
    role: Option<Role>,
}

impl Located {
    /// The file range of a paragraph range, if it lies in one piece.
    fn source_range(&self, range: &Range<usize>) -> Option<Range<usize>> {
        let piece = self
            .pieces
            .iter()
            .rev()
            .find(|(text_at, _)| *text_at <= range.start)?;
        let next = self
            .pieces
            .iter()
            .find(|(text_at, _)| *text_at > range.start);
        if next.is_some_and(|(text_at, _)| *text_at < range.end) {
            return None;
        }
        let start = piece.1 + (range.start - piece.0);
        Some(start..start + range.len())
    }
}

/// The outcome of linting one file.
#[derive(Debug)]
pub struct Linted {
    /// The findings, as diagnostics with places and rule codes. For a
    /// .docx, the “line” of a place is the paragraph's number.
    pub report: Diagnostics,
    /// The file with every safe fix applied, when there was one to apply
    /// (never for a .docx, which is not rewritten).
    pub fixed: Option<String>,
    /// Whether places are paragraph numbers (a .docx) rather than lines.
    pub by_paragraph: bool,
}

/// Lints the text of the file at `path`, telling its kind from its name
/// and content.
pub fn lint_source(path: &str, source: &str) -> Result<Linted, Error> {
    lint_as(SourceKind::detect(path, source), path, source)
}

/// Lints `source` read as `kind`.
pub fn lint_as(kind: SourceKind, path: &str, source: &str) -> Result<Linted, Error> {
    let (paragraphs, findings) = paragraphs_and_findings(kind, path, source)?;
    let lines = LineIndex::new(source);
    let diagnostics = findings
        .iter()
        .map(|(i, finding)| diagnostic(&lines, &paragraphs[*i], finding))
        .collect();
    let fixed = fixed_source(kind, source, &paragraphs, &findings);
    Ok(Linted {
        report: Diagnostics::new(path, source, diagnostics),
        fixed,
        by_paragraph: false,
    })
}

/// A file's paragraphs and what the rules found in them, by paragraph.
type Examined = (Vec<Located>, Vec<(usize, Finding)>);

fn paragraphs_and_findings(kind: SourceKind, path: &str, source: &str) -> Result<Examined, Error> {
    let read = match kind {
        SourceKind::DataFile => {
            let loaded = load::load(source);
            let Some(report) = loaded.report else {
                return Err(Error::Invalid(Diagnostics::new(
                    path,
                    source,
                    loaded.diagnostics,
                )));
            };
            data_file_paragraphs(source, &report)
        }
        SourceKind::Text => text_paragraphs(source, false),
        SourceKind::Markdown => text_paragraphs(source, true),
    };
    Ok(examine(read))
}

/// The prose of a loaded data file against the rules, as diagnostics in
/// the file; what `check` adds as warnings, without reading the file again.
pub fn data_file_diagnostics(source: &str, report: &Report) -> Vec<Diagnostic> {
    let (paragraphs, findings) = examine(data_file_paragraphs(source, report));
    let lines = LineIndex::new(source);
    findings
        .iter()
        .map(|(i, finding)| diagnostic(&lines, &paragraphs[*i], finding))
        .collect()
}

fn examine((paragraphs, year, typed_numbers): Paragraphs) -> Examined {
    let checked: Vec<ProseParagraph> = paragraphs
        .iter()
        .map(|p| ProseParagraph {
            text: &p.text,
            role: p.role,
            typed_numbers,
        })
        .collect();
    let findings = check_paragraphs(&checked, year);
    (paragraphs, findings)
}

fn diagnostic(lines: &LineIndex, paragraph: &Located, finding: &Finding) -> Diagnostic {
    let range = paragraph
        .source_range(&finding.range)
        .unwrap_or_else(|| paragraph.fallback.clone());
    let span = Some(lines.span(range));
    let diagnostic = match finding.rule.severity() {
        Severity::Error => Diagnostic::error(finding.message.clone(), span),
        Severity::Warning => Diagnostic::warning(finding.message.clone(), span),
    }
    .with_code(finding.rule.code());
    if finding.fix.is_some() {
        diagnostic.with_note("可用 zongjie lint --fix 自动修正")
    } else {
        diagnostic
    }
}

/// The source with every safe fix applied, repeated until none is left
/// (a fix can bring another to light: “a, b” → “a， b” → “a，b”).
fn fixed_source(
    kind: SourceKind,
    source: &str,
    paragraphs: &[Located],
    findings: &[(usize, Finding)],
) -> Option<String> {
    let edits = source_edits(source, paragraphs, findings);
    if edits.is_empty() {
        return None;
    }
    let mut fixed = apply_edits(source, edits);
    // Every fix shortens the text or makes a mark full-width, so this
    // ends; the bound only guards against a fix that changes nothing.
    for _ in 0..source.len() {
        let Ok((paragraphs, findings)) = paragraphs_and_findings(kind, "", &fixed) else {
            break;
        };
        let edits = source_edits(&fixed, &paragraphs, &findings);
        if edits.is_empty() {
            break;
        }
        let next = apply_edits(&fixed, edits);
        if next == fixed {
            break;
        }
        fixed = next;
    }
    Some(fixed)
}

/// File edits for the fixable findings whose text is in the file verbatim.
fn source_edits(
    source: &str,
    paragraphs: &[Located],
    findings: &[(usize, Finding)],
) -> Vec<(Range<usize>, String)> {
    findings
        .iter()
        .filter_map(|(i, finding)| {
            let fix = finding.fix.clone()?;
            let paragraph = &paragraphs[*i];
            let range = paragraph.source_range(&finding.range)?;
            (source.get(range.clone())? == &paragraph.text[finding.range.clone()])
                .then_some((range, fix))
        })
        .collect()
}

type Paragraphs = (Vec<Located>, Option<i32>, bool);

/// A text or Markdown file: one paragraph a line; in Markdown, heading
/// marks, style blocks and spans and escapes are not part of the text,
/// and a line ending in pandoc's line break (`\`, as a title broken over
/// lines is written) goes on into the next. In plain text, where a title
/// broken over lines is just lines, a line that leaves a 《 or “ open goes
/// on into the next when that one closes it.
fn text_paragraphs(source: &str, markdown: bool) -> Paragraphs {
    let mut paragraphs = Vec::new();
    let mut role = None;
    let mut offset = 0;
    // A line that goes on into the next, and whether only if the next
    // closes what it leaves open.
    let mut broken: Option<(Located, bool)> = None;
    for line in source.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let located = if markdown {
            markdown_line(content, line_start)
        } else {
            plain_line(content, line_start)
        };
        let located = match (broken.take(), located) {
            (Some((first, closing_only)), Some(next))
                if !closing_only || !leaves_open(&format!("{}{}", first.text, next.text)) =>
            {
                Some(joined(first, next))
            }
            (first, next) => {
                if let Some((first, _)) = first {
                    push_paragraph(first, &mut role, &mut paragraphs);
                }
                next
            }
        };
        let Some(mut located) = located else { continue };
        if markdown && ends_in_line_break(content.trim_end()) && located.text.ends_with('\\') {
            located.text.pop();
            broken = Some((located, false));
            continue;
        }
        if !markdown && leaves_open(&located.text) {
            broken = Some((located, true));
            continue;
        }
        push_paragraph(located, &mut role, &mut paragraphs);
    }
    if let Some((last, _)) = broken {
        push_paragraph(last, &mut role, &mut paragraphs);
    }
    let year = report_year(&paragraphs);
    (paragraphs, year, true)
}

/// Adds a paragraph of a text or Markdown file, in the section its last
/// 一、 heading began.
fn push_paragraph(mut located: Located, role: &mut Option<Role>, paragraphs: &mut Vec<Located>) {
    if let Some((1, _, _)) = crate::genre::numbering::parse_heading_number(&located.text) {
        *role = Some(Role::from_heading(&located.text).unwrap_or(Role::Work));
    }
    located.role = *role;
    paragraphs.push(located);
}

/// Whether `text` opens more 《 or “ than it closes.
fn leaves_open(text: &str) -> bool {
    let count = |mark: char| text.chars().filter(|&c| c == mark).count();
    count('《') > count('》') || count('“') > count('”')
}

/// Whether a Markdown line ends in a backslash that is not itself
/// escaped: pandoc's line break inside a paragraph.
fn ends_in_line_break(line: &str) -> bool {
    line.chars().rev().take_while(|c| *c == '\\').count() % 2 == 1
}

/// A paragraph broken over two lines, as one.
fn joined(mut first: Located, next: Located) -> Located {
    let at = first.text.len();
    first.text.push_str(&next.text);
    first.pieces.extend(
        next.pieces
            .into_iter()
            .map(|(text_at, file_at)| (at + text_at, file_at)),
    );
    first.fallback = first.fallback.start..next.fallback.end;
    first
}

fn plain_line(content: &str, line_start: usize) -> Option<Located> {
    let trimmed = content.trim_start();
    let start = line_start + content.len() - trimmed.len();
    let text = trimmed.trim_end();
    (!text.is_empty()).then(|| Located {
        text: text.to_string(),
        pieces: vec![(0, start)],
        fallback: start..start + text.len(),
        role: None,
    })
}

fn markdown_line(content: &str, line_start: usize) -> Option<Located> {
    if content.trim_start().starts_with(":::") {
        return None;
    }
    let hashes = content.chars().take_while(|c| *c == '#').count();
    let skip = if hashes > 0 && content[hashes..].starts_with(' ') {
        hashes + 1
    } else {
        0
    };
    let mut located = plain_line(&content[skip..], line_start + skip)?;
    strip_markdown(&mut located);
    Some(located)
}

/// Removes `[…]{custom-style="…"}` markup and backslash escapes, keeping
/// where each remaining stretch is in the file.
fn strip_markdown(located: &mut Located) {
    let original = std::mem::take(&mut located.text);
    let base = located.pieces[0].1;
    let mut text = String::with_capacity(original.len());
    let mut pieces = Vec::new();
    let mut at = 0;
    let start_piece = |text: &String, pieces: &mut Vec<(usize, usize)>, at: usize| {
        pieces.push((text.len(), base + at))
    };
    start_piece(&text, &mut pieces, 0);
    while at < original.len() {
        let rest = &original[at..];
        let skip = if rest.starts_with('[') {
            1
        } else if rest.starts_with("]{") {
            rest.find('}').map_or(1, |end| end + 1)
        } else if rest.starts_with('\\') && rest.len() > 1 {
            1
        } else {
            0
        };
        if skip > 0 {
            at += skip;
            start_piece(&text, &mut pieces, at);
            if original[at - skip..].starts_with('\\') {
                let escaped = original[at..].chars().next().map_or(0, char::len_utf8);
                text.push_str(&original[at..at + escaped]);
                at += escaped;
            }
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        text.push(c);
        at += c.len_utf8();
    }
    located.text = text;
    located.pieces = pieces;
}

/// The report year: the first “YYYY年” in the first lines (title, opening).
fn report_year(paragraphs: &[Located]) -> Option<i32> {
    paragraphs.iter().take(5).find_map(|p| {
        let at = p.text.find('年')?;
        let digits = p.text.get(at.checked_sub(4)?..at)?;
        digits.parse().ok().filter(|y| (1949..=2100).contains(y))
    })
}

/// A data file's prose, with figure markers read as numbers.
fn data_file_paragraphs(source: &str, report: &Report) -> Paragraphs {
    let mut paragraphs = Vec::new();
    let lines = LineIndex::new(source);
    for prose in report.texts() {
        let text = &prose.text.value;
        let Some(span) = prose.text.source_span(&lines, 0..text.len()) else {
            continue;
        };
        let verbatim = source.get(span.bytes.clone()) == Some(text.as_str());
        paragraphs.push(Located {
            text: mask_markers(text),
            pieces: if verbatim {
                vec![(0, span.bytes.start)]
            } else {
                Vec::new()
            },
            fallback: span.bytes,
            role: prose.role,
        });
    }
    let year = report.year_span.is_some().then_some(report.year);
    (paragraphs, year, false)
}

/// `{受理}` becomes zeros of the same length, so the rules see a number
/// where the figure will be and byte offsets stay the same.
fn mask_markers(text: &str) -> String {
    let Ok(markers) = cite::find_markers(text) else {
        return text.to_string();
    };
    let mut masked = text.to_string();
    for marker in markers.iter().rev() {
        masked.replace_range(marker.range.clone(), &"0".repeat(marker.range.len()));
    }
    masked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(path: &str, source: &str) -> Vec<(String, usize, usize)> {
        lint_source(path, source)
            .unwrap()
            .report
            .diagnostics
            .into_iter()
            .map(|d| {
                let span = d.span.unwrap();
                (d.code.unwrap().to_string(), span.line, span.column)
            })
            .collect()
    }

    #[test]
    fn text_findings_point_at_line_and_column() {
        let source = "标题\n　　律师会见2 次，公安1次。\n";
        assert_eq!(codes("a.txt", source), [("S001".to_string(), 2, 8)]);
    }

    #[test]
    fn markdown_markup_is_not_text_but_positions_stay() {
        let source =
            "# 标题\n\n[（一）加强建设。]{custom-style=\"二级标题字符\"}开展“活动,效果好。\n";
        let found = codes("a.md", source);
        let comma_column = source
            .lines()
            .nth(2)
            .unwrap()
            .split(',')
            .next()
            .unwrap()
            .chars()
            .count()
            + 1;
        assert_eq!(
            found,
            [
                ("B001".to_string(), 3, comma_column - 3),
                ("P001".to_string(), 3, comma_column)
            ]
        );
    }

    #[test]
    fn data_file_findings_point_into_the_yaml() {
        let source = "单位: 长治市司法局\n年度: 2022\n类型: 工作总结\n开头: |\n  共受理{受理}件,满意度达{满意度}。\n数据:\n  受理: 5\n  满意度: 100%\n";
        assert_eq!(codes("a.yaml", source), [("P001".to_string(), 5, 11)]);
    }

    #[test]
    fn fixes_are_written_back_and_a_second_pass_changes_nothing() {
        let source = "单位: 长治市司法局\n年度: 2022\n类型: 工作总结\n开头: |\n  律师会见2 次,公安 1 次。。\n";
        let fixed = lint_source("a.yaml", source).unwrap().fixed.unwrap();
        assert!(fixed.contains("  律师会见2次，公安1次。\n"), "{fixed}");
        assert!(lint_source("a.yaml", &fixed).unwrap().fixed.is_none());
    }

    #[test]
    fn years_out_of_place_in_a_text_report() {
        let source = "2022年工作总结\n一、2022年工作情况\n2023年3月召开会议。\n二、2023年工作打算\n2022年，我们将继续。\n";
        let found: Vec<String> = codes("a.txt", source)
            .into_iter()
            .map(|(c, l, _)| format!("{c}@{l}"))
            .collect();
        assert_eq!(found, ["D002@3", "D002@5"]);
    }
}
