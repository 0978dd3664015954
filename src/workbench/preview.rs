//! What the editor shows of a data file's text, in one answer: every
//! problem check and lint find, and, when it renders, the report in pages
//! as the .docx prints, as plain text, its outline and its figures with
//! what is computed from them.

use serde::Serialize;

use crate::base::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::base::error::Error;
use crate::check::{self, Purpose};
use crate::datafile::cite::{Cite, Resolver, find_markers};
use crate::datafile::keys::{self, Key, Place};
use crate::datafile::model::{Figure, Part, Report, Text};
use crate::datafile::write::figures::as_typed;
use crate::genre::kinds::Role;
use crate::genre::numbering::heading_number;
use crate::input::markdown::{self, Block, Run};
use crate::output::pages::{self, Align, Line, Page};
use crate::output::render::Renderer;

/// One problem, as the page shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    /// `error` or `warning`.
    pub severity: &'static str,
    /// What is wrong, in Chinese.
    pub message: String,
    /// 1-based line, when there is a place.
    pub line: Option<usize>,
    /// 1-based column in characters.
    pub column: Option<usize>,
    /// A hint, or the English detail.
    pub note: Option<String>,
    /// The lint rule, for a finding of one.
    pub code: Option<&'static str>,
}

impl Problem {
    fn of(diagnostic: &Diagnostic) -> Problem {
        Problem {
            severity: match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            message: diagnostic.message.clone(),
            line: diagnostic.span.as_ref().map(|s| s.line),
            column: diagnostic.span.as_ref().map(|s| s.column),
            note: diagnostic.note.clone(),
            code: diagnostic.code,
        }
    }
}

/// Every diagnostic of `diagnostics`, as the page shows them.
pub fn problems(diagnostics: &Diagnostics) -> Vec<Problem> {
    diagnostics.diagnostics.iter().map(Problem::of).collect()
}

/// The editor's view of a data file's text.
#[derive(Debug, Serialize)]
pub struct Preview {
    /// Whether the file renders; when not, `pages` and `text` are empty
    /// and the page keeps its last good preview, marked stale.
    pub ok: bool,
    /// Every error and warning.
    pub problems: Vec<Problem>,
    /// One line on them: how many errors and warnings.
    pub summary: String,
    /// The pages, each as HTML.
    pub pages: Vec<String>,
    /// The report as plain text.
    pub text: String,
    /// The report's structure, whenever the file reads as a report, so
    /// that figures still to be filled in can be filled in the form.
    pub outline: Option<Outline>,
    /// The figures, with what is computed from them.
    pub figures: Vec<FigureRow>,
}

/// Checks `source` and, when it has no errors, renders it with `renderer`.
pub fn preview(renderer: &mut Renderer, path: &str, source: &str) -> Preview {
    let checked = check::check(path, source, Purpose::Review);
    let mut diagnostics = checked.diagnostics;
    let rendered = match &checked.report {
        Some(_) if !diagnostics.has_errors() => match renderer.draft(path, source) {
            Ok(rendered) => Some(rendered),
            Err(error) => {
                diagnostics.diagnostics.extend(render_errors(error));
                None
            }
        },
        _ => None,
    };
    let problems = problems(&diagnostics);
    let summary = diagnostics.summary();
    let report = checked
        .report
        .filter(|_| rendered.is_some() || reads_whole(source));
    let Some(report) = report else {
        return Preview {
            ok: false,
            problems,
            summary,
            pages: Vec::new(),
            text: String::new(),
            outline: None,
            figures: Vec::new(),
        };
    };
    let (pages, text) = match rendered {
        Some(rendered) => {
            let blocks = with_gap_runs(rendered.blocks);
            let lines = block_lines(&blocks, &report);
            let laid_out = pages::paginate(&blocks);
            (
                pages_html(&laid_out, &blocks, &lines),
                markdown::to_text(&blocks),
            )
        }
        None => (Vec::new(), String::new()),
    };
    Preview {
        ok: !pages.is_empty(),
        problems,
        summary,
        pages,
        text,
        outline: Some(outline(&report)),
        figures: figure_rows(&report),
    }
}

/// Whether `source` reads as a report without errors of its own (its
/// figures may be unfilled, its citations wrong): the form edits take
/// such a file, so the editor gets its outline and figures.
fn reads_whole(source: &str) -> bool {
    !crate::datafile::load::load(source)
        .diagnostics
        .iter()
        .any(Diagnostic::is_error)
}

/// The errors that stopped rendering, as diagnostics.
fn render_errors(error: Error) -> Vec<Diagnostic> {
    match error {
        Error::Invalid(found) => found.diagnostics,
        Error::Template(found) => found
            .diagnostics
            .into_iter()
            .map(|mut d| {
                d.span = None;
                d
            })
            .collect(),
        other => vec![Diagnostic::error(other.to_string(), None)],
    }
}

// ----- the pages -----

/// The data file's line that each block comes from, where it can be told:
/// the blocks follow the report's texts in order, so each is matched to
/// the next text whose longest run of words outside citations it contains.
fn block_lines(blocks: &[Block], report: &Report) -> Vec<Option<usize>> {
    let texts: Vec<(String, usize)> = report
        .texts()
        .iter()
        .filter_map(|prose| {
            let line = prose.text.span.as_ref()?.line;
            let words = longest_run_of_words(&prose.text.value);
            (words.chars().count() >= 2).then_some((words, line))
        })
        .collect();
    let mut next = 0;
    blocks
        .iter()
        .map(|block| {
            let text = block.text();
            let found = texts[next..]
                .iter()
                .position(|(words, _)| text.contains(words.as_str()))?;
            let line = texts[next + found].1;
            next += found + 1;
            while next < texts.len() && text.contains(texts[next].0.as_str()) {
                next += 1;
            }
            Some(line)
        })
        .collect()
}

/// The longest run of letters and digits in `text` outside its citations
/// (`{名称}` is replaced by a value in the report, and punctuation may be
/// made full-width), at most 12 characters of it.
fn longest_run_of_words(text: &str) -> String {
    let mut runs = vec![String::new()];
    let mut in_citation = false;
    for c in text.chars() {
        match c {
            '{' | '｛' => in_citation = true,
            '}' | '｝' => in_citation = false,
            c if !in_citation && c.is_alphanumeric() => {
                runs.last_mut().expect("there is a run").push(c);
                continue;
            }
            _ => {}
        }
        if !runs.last().is_some_and(String::is_empty) {
            runs.push(String::new());
        }
    }
    let longest = runs
        .into_iter()
        .max_by_key(|run| run.chars().count())
        .unwrap_or_default();
    longest.chars().take(12).collect()
}

/// Each page as an A4 sheet of 22 rows; each row is a line set as the
/// .docx sets it, with its paragraph and data file line, and its indents
/// in points as data attributes (the Content-Security-Policy allows no
/// inline styles; the page's script applies them).
fn pages_html(pages: &[Page], blocks: &[Block], lines: &[Option<usize>]) -> Vec<String> {
    pages
        .iter()
        .enumerate()
        .map(|(index, page)| {
            let number = index + 1;
            let mut html = String::with_capacity(4096);
            html.push_str(&format!(
                "<div class=\"sheet\" data-page=\"{number}\"><div class=\"block\">"
            ));
            for row in &page.rows {
                match row {
                    Some(line) => row_html(&mut html, line, &blocks[line.block], lines[line.block]),
                    None => html.push_str("<p class=\"row\"></p>"),
                }
            }
            let side = if number % 2 == 1 { "odd" } else { "even" };
            html.push_str(&format!(
                "</div><p class=\"folio {side}\">— {number} —</p></div>"
            ));
            html
        })
        .collect()
}

fn row_html(html: &mut String, line: &Line, block: &Block, source_line: Option<usize>) {
    let style = match crate::output::docx::layout::paragraph_style(block) {
        "Title" | "附件标题" => "title",
        "heading 1" | "附件标识" => "h1",
        "heading 2" => "h2",
        "heading 3" | "heading 4" | "heading 5" => "h3",
        _ => "body",
    };
    let align = match (line.align, line.last) {
        (Align::Justify, false) => "justify",
        (Align::Justify, true) | (Align::Left, _) => "left",
        (Align::Center, _) => "center",
        (Align::Right, _) => "right",
    };
    let data_line = source_line.map_or(String::new(), |l| format!(" data-line=\"{l}\""));
    html.push_str(&format!(
        "<p class=\"row {style} {align}\" data-block=\"{}\"{data_line} data-indent=\"{}\" data-right=\"{}\">",
        line.block,
        twips_in_points(line.indent),
        twips_in_points(line.right)
    ));
    for run in &line.runs {
        let class = match run.style.as_deref() {
            Some("一级标题字符") => Some("hei"),
            Some("二级标题字符") => Some("kai"),
            Some(GAP_STYLE) => Some("gap"),
            _ => None,
        };
        let text = quick_xml::escape::escape(run.text.as_str());
        match class {
            Some(class) => html.push_str(&format!("<span class=\"{class}\">{text}</span>")),
            None => html.push_str(&text),
        }
    }
    html.push_str("</p>");
}

/// The character style the preview gives the gap a draft leaves for an
/// unfilled figure (`〔待填：受理〕`), so that the clerk sees what is still
/// to fill, on whichever lines it falls.
const GAP_STYLE: &str = "待填";

/// `blocks` with each gap in a run of its own, in [`GAP_STYLE`].
fn with_gap_runs(blocks: Vec<Block>) -> Vec<Block> {
    blocks
        .into_iter()
        .map(|block| Block {
            runs: block.runs.into_iter().flat_map(split_gaps).collect(),
            ..block
        })
        .collect()
}

fn split_gaps(run: Run) -> Vec<Run> {
    if !run.text.contains("〔待填：") {
        return vec![run];
    }
    let mut runs = Vec::new();
    let mut rest = run.text.as_str();
    let piece = |text: &str, style: Option<String>| Run {
        text: text.to_string(),
        style,
    };
    while let Some(start) = rest.find("〔待填：") {
        let Some(end) = rest[start..]
            .find('〕')
            .map(|e| start + e + '〕'.len_utf8())
        else {
            break;
        };
        if start > 0 {
            runs.push(piece(&rest[..start], run.style.clone()));
        }
        runs.push(piece(&rest[start..end], Some(GAP_STYLE.to_string())));
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        runs.push(piece(rest, run.style.clone()));
    }
    runs
}

fn twips_in_points(twips: u32) -> String {
    let points = f64::from(twips) / 20.0;
    format!("{points}")
}

// ----- the outline -----

/// The report's structure as the outline pane shows it.
#[derive(Debug, Serialize)]
pub struct Outline {
    /// The texts at the top.
    pub top: Vec<TopText>,
    /// The sections in report order, with every role the kind may have.
    pub sections: Vec<OutlineSection>,
}

/// A text at the top of the report.
#[derive(Debug, Serialize)]
pub struct TopText {
    /// Which (`title`, `recipient`, `signature`, `opening`).
    pub field: &'static str,
    /// Its name in the data file.
    pub label: &'static str,
    /// The text as written (paragraphs one a line).
    pub value: String,
    /// What the report shows when it is empty.
    pub placeholder: String,
    /// Its line in the data file.
    pub line: Option<usize>,
}

/// A section.
#[derive(Debug, Serialize)]
pub struct OutlineSection {
    /// Its role id (`work`…).
    pub role: &'static str,
    /// Its key in the data file (工作…).
    pub label: &'static str,
    /// Its number in the report (一、), when it has content.
    pub number: Option<String>,
    /// Its heading as written.
    pub heading: String,
    /// The standard heading the report shows when none is written.
    pub standard_heading: String,
    /// Its lead-in paragraphs, one a line.
    pub intro: String,
    /// Its parts.
    pub parts: Vec<OutlinePart>,
    /// Whether each part is a 一、 section of its own.
    pub thematic: bool,
    /// Whether the file has the section.
    pub present: bool,
    /// The lines its own texts are on.
    pub lines: Vec<usize>,
}

/// A part of a section, or of a part.
#[derive(Debug, Serialize)]
pub struct OutlinePart {
    /// Its place: index in the section, then in each sub-part.
    pub path: Vec<usize>,
    /// Its number in the report (（一）, 1.…).
    pub number: String,
    /// Its heading.
    pub heading: String,
    /// Its paragraphs, one a line.
    pub text: String,
    /// Its points.
    pub points: Vec<OutlinePoint>,
    /// Its sub-parts.
    pub parts: Vec<OutlinePart>,
    /// The citations in its texts, with their values.
    pub cites: Vec<Chip>,
    /// The lines its own texts are on.
    pub lines: Vec<usize>,
}

/// A point of a part.
#[derive(Debug, Serialize)]
pub struct OutlinePoint {
    /// Its heading.
    pub heading: String,
    /// Its text.
    pub text: String,
}

/// A citation, as a chip beside the text that has it.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Chip {
    /// The marker as written (`{受理}`).
    pub marker: String,
    /// What the report shows for it.
    pub value: Option<String>,
    /// Why it cannot be filled in.
    pub problem: Option<String>,
}

fn outline(report: &Report) -> Outline {
    let resolver = Resolver::new(report);
    let top = [
        ("title", Key::Title, report.title.iter().collect::<Vec<_>>()),
        (
            "recipient",
            Key::Recipient,
            report.recipient.iter().collect(),
        ),
        (
            "signature",
            Key::Signature,
            report.signature.iter().collect(),
        ),
        ("opening", Key::Opening, report.opening.iter().collect()),
    ]
    .into_iter()
    .map(|(field, key, texts)| TopText {
        field,
        label: keys::name(Place::Top, key),
        value: joined(&texts),
        placeholder: match key {
            Key::Title => report.kind.standard_title(&report.bureau.name, report.year),
            Key::Signature => report.bureau.name.clone(),
            _ => String::new(),
        },
        line: texts.first().and_then(|t| t.span.as_ref()).map(|s| s.line),
    })
    .collect();
    let mut number = 0;
    let sections = Role::ALL
        .iter()
        .filter(|&&role| {
            let field = keys::field_at(Place::Top, Key::of_role(role));
            field.kinds.include(report.kind) || report.section(role).is_some()
        })
        .map(|&role| {
            let section = report.section(role);
            let empty = Part::default();
            let body = section.map_or(&empty, |s| &s.body);
            let thematic = section.is_some_and(|s| s.thematic);
            let shown = body.has_content();
            let own_number = (shown && !thematic).then(|| {
                number += 1;
                heading_number(number, 1)
            });
            let parts = if thematic {
                numbered_parts(body, &[], 1, &mut number, &resolver)
            } else {
                let mut within = 0;
                numbered_parts(body, &[], 2, &mut within, &resolver)
            };
            OutlineSection {
                role: role.id(),
                label: keys::name(Place::Top, Key::of_role(role)),
                number: own_number,
                heading: body
                    .heading
                    .as_ref()
                    .map_or(String::new(), |h| h.value.clone()),
                standard_heading: report.kind.standard_heading(role, report.year),
                intro: joined(&body.text.iter().collect::<Vec<_>>()),
                parts,
                thematic,
                present: section.is_some(),
                lines: own_lines(body),
            }
        })
        .collect();
    Outline { top, sections }
}

/// The parts of `part` numbered at `level` (1 一、, 2 （一）, 3 1., 4 （1）),
/// counting on from `*count` for the shown ones.
fn numbered_parts(
    part: &Part,
    path: &[usize],
    level: u8,
    count: &mut u64,
    resolver: &Resolver,
) -> Vec<OutlinePart> {
    part.parts
        .iter()
        .enumerate()
        .map(|(index, child)| {
            let path: Vec<usize> = path.iter().copied().chain([index]).collect();
            let number = if child.is_empty() {
                String::new()
            } else {
                *count += 1;
                heading_number(*count, level)
            };
            let mut within = 0;
            OutlinePart {
                number,
                heading: child
                    .heading
                    .as_ref()
                    .map_or(String::new(), |h| h.value.clone()),
                text: joined(&child.text.iter().collect::<Vec<_>>()),
                points: child
                    .points
                    .iter()
                    .map(|p| OutlinePoint {
                        heading: p
                            .heading
                            .as_ref()
                            .map_or(String::new(), |h| h.value.clone()),
                        text: p.text.as_ref().map_or(String::new(), |t| t.value.clone()),
                    })
                    .collect(),
                parts: numbered_parts(child, &path, (level + 1).min(4), &mut within, resolver),
                cites: chips(child, &resolver.counting(child.item_count())),
                lines: own_lines(child),
                path,
            }
        })
        .collect()
}

fn joined(texts: &[&Text]) -> String {
    texts
        .iter()
        .map(|t| t.value.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The texts of `part` itself (heading, paragraphs, points), not of its
/// sub-parts.
fn own_texts(part: &Part) -> Vec<&Text> {
    part.heading
        .iter()
        .chain(part.text.iter())
        .chain(
            part.points
                .iter()
                .flat_map(|p| p.heading.iter().chain(p.text.iter())),
        )
        .collect()
}

fn own_lines(part: &Part) -> Vec<usize> {
    own_texts(part)
        .iter()
        .filter_map(|t| t.span.as_ref().map(|s| s.line))
        .collect()
}

fn chips(part: &Part, resolver: &Resolver) -> Vec<Chip> {
    let mut chips: Vec<Chip> = Vec::new();
    for text in own_texts(part) {
        for marker in find_markers(&text.value).unwrap_or_default() {
            let written = text.value[marker.range.clone()].to_string();
            if chips.iter().any(|c| c.marker == written) {
                continue;
            }
            let resolved = resolver.resolve(&marker.cite);
            chips.push(Chip {
                marker: written,
                problem: resolved.as_ref().err().map(|e| e.message()),
                value: resolved.ok(),
            });
        }
    }
    chips
}

// ----- the figures -----

/// A figure as the figures table shows it.
#[derive(Debug, Serialize)]
pub struct FigureRow {
    /// 名称.
    pub name: String,
    /// 值, as a clerk types it in the figure's unit.
    pub value: String,
    /// 单位, with its magnitude (万元).
    pub unit: String,
    /// 上年.
    pub last_year: String,
    /// 目标.
    pub target: String,
    /// 属于.
    pub part_of: String,
    /// The value as the report writes it.
    pub shown: Option<String>,
    /// 占比: its share of the figure it belongs to.
    pub share: Option<String>,
    /// 完成率: its share of the target.
    pub completion: Option<String>,
    /// 同比: the change on last year, as the report writes it.
    pub year_over_year: Option<String>,
    /// 增减: the change on last year in the unit.
    pub change: Option<String>,
    /// Whether its value is still to be filled in.
    pub unfilled: bool,
    /// The data file lines of the texts that cite it.
    pub cited_at: Vec<usize>,
    /// Its line in the data file.
    pub line: Option<usize>,
}

fn figure_rows(report: &Report) -> Vec<FigureRow> {
    let resolver = Resolver::new(report);
    let citations = citations(report);
    report
        .figures
        .iter()
        .map(|figure| {
            let typed = |q: &Option<crate::genre::quantity::Quantity>| {
                q.as_ref()
                    .map_or(String::new(), |q| as_typed(q, figure.magnitude))
            };
            let attribute = |name: &str| {
                resolver
                    .resolve(&Cite::Attribute(figure.name.clone(), name.to_string()))
                    .ok()
            };
            FigureRow {
                name: figure.name.clone(),
                value: typed(&figure.value),
                unit: figure.unit_with_magnitude(),
                last_year: typed(&figure.last_year),
                target: typed(&figure.target),
                part_of: figure
                    .part_of
                    .as_ref()
                    .map_or(String::new(), |p| p.value.clone()),
                shown: figure.formatted_value(),
                share: figure.part_of.as_ref().and_then(|_| attribute("占比")),
                completion: figure.target.and_then(|_| attribute("完成率")),
                year_over_year: figure.last_year.and_then(|_| attribute("同比")),
                change: figure.last_year.and_then(|_| attribute("增减")),
                unfilled: figure.value.is_none(),
                cited_at: cited_lines(figure, &citations),
                line: figure.span.as_ref().map(|s| s.line),
            }
        })
        .collect()
}

/// Each figure name cited in the report, with the line of the citing text.
fn citations(report: &Report) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for prose in report.texts() {
        let Some(line) = prose.text.span.as_ref().map(|s| s.line) else {
            continue;
        };
        for marker in find_markers(&prose.text.value).unwrap_or_default() {
            match marker.cite {
                Cite::Name(name) | Cite::Attribute(name, _) => found.push((name, line)),
                Cite::Ratio(part, whole) => {
                    found.push((part, line));
                    found.push((whole, line));
                }
            }
        }
    }
    found
}

fn cited_lines(figure: &Figure, citations: &[(String, usize)]) -> Vec<usize> {
    let mut lines: Vec<usize> = citations
        .iter()
        .filter(|(name, _)| *name == figure.name)
        .map(|(_, line)| *line)
        .collect();
    lines.dedup();
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::render::RenderOptions;

    const FILE: &str = "单位: 甲县司法局\n年度: 2025\n类型: 工作总结\n工作:\n  部分:\n    - 标题: 优化法律服务\n      正文: 受理案件{受理}，办结{办结}，结案率{办结.占比}。\n数据:\n  受理: {值: 300, 单位: 件, 上年: 250}\n  办结: {值: 270, 单位: 件, 属于: 受理}\n";

    fn preview_of(source: &str) -> Preview {
        let mut renderer = Renderer::new(&RenderOptions::default()).unwrap();
        preview(&mut renderer, "data.yaml", source)
    }

    #[test]
    fn a_good_file_has_pages_outline_and_computed_figures() {
        let shown = preview_of(FILE);
        assert!(shown.ok, "{:?}", shown.problems);
        assert!(
            shown.pages[0].contains("受理案件300件，办结270件，结案率90%。"),
            "{}",
            shown.pages[0]
        );
        assert!(
            shown.pages[0].contains("data-line=\"7\""),
            "{}",
            shown.pages[0]
        );
        assert!(shown.pages[0].contains("— 1 —"));
        let work = &shown.outline.as_ref().unwrap().sections[0];
        assert_eq!(work.number.as_deref(), Some("一、"));
        assert_eq!(work.parts[0].number, "（一）");
        assert_eq!(
            work.parts[0].cites[2],
            Chip {
                marker: "{办结.占比}".into(),
                value: Some("90%".into()),
                problem: None
            }
        );
        let accepted = &shown.figures[0];
        assert_eq!(accepted.year_over_year.as_deref(), Some("同比增长20.0%"));
        assert_eq!(accepted.cited_at, [7]);
        assert_eq!(shown.figures[1].share.as_deref(), Some("90%"));
    }

    #[test]
    fn a_paragraph_that_begins_with_a_citation_knows_its_line() {
        let source = FILE.replace(
            "工作:\n",
            "开头: \"{年度}年，我局依法履职，各项工作取得新的进展。\"\n工作:\n",
        );
        let shown = preview_of(&source);
        assert!(shown.ok, "{:?}", shown.problems);
        assert!(
            shown.pages[0]
                .contains("data-line=\"4\" data-indent=\"32\" data-right=\"0\">2025年，我局"),
            "{}",
            shown.pages[0]
        );
        assert_eq!(
            longest_run_of_words("{年度}年，{单位}在市委、市政府的坚强领导下"),
            "市政府的坚强领导下"
        );
    }

    #[test]
    fn an_attachment_s_mark_and_title_are_set_as_the_docx_sets_them() {
        let shown = preview_of(&format!(
            "{FILE}附件:\n  - 名称: 主要数据统计表\n    正文: 全年办理案件300件。\n"
        ));
        assert!(shown.ok, "{:?}", shown.problems);
        let pages = shown.pages.concat();
        assert!(
            pages.contains(
                "class=\"row h1 left\" data-block=\"5\" data-indent=\"0\" data-right=\"0\">附件<"
            ),
            "{pages}"
        );
        assert!(pages.contains("class=\"row title center\" data-block=\"6\" data-indent=\"0\" data-right=\"0\">主要数据统计表<"), "{pages}");
    }

    #[test]
    fn a_figure_not_yet_filled_in_is_a_marked_gap_in_the_pages() {
        let unfilled = FILE.replace(
            "  办结: {值: 270, 单位: 件, 属于: 受理}",
            "  办结: {单位: 件, 属于: 受理}",
        );
        let shown = preview_of(&unfilled);
        assert!(shown.ok, "{:?}", shown.problems);
        let page = &shown.pages[0];
        assert!(
            page.contains("办结<span class=\"gap\">〔待填：办结〕</span>"),
            "{page}"
        );
        // A gap broken over two lines is marked on both.
        assert!(
            page.contains("结案率<span class=\"gap\">〔待填：办</span></p>"),
            "{page}"
        );
        assert!(
            page.contains("<span class=\"gap\">结.占比〕</span>。</p>"),
            "{page}"
        );
        assert_eq!(shown.outline.unwrap().sections[0].parts[0].number, "（一）");
        assert!(shown.figures[1].unfilled);
        let warning = shown
            .problems
            .iter()
            .find(|p| p.message.contains("还没有填写"))
            .unwrap();
        assert_eq!(warning.severity, "warning");
    }

    #[test]
    fn a_file_with_an_error_has_only_its_problems() {
        let shown = preview_of(&FILE.replace("年度: 2025", "年度: 二〇二五"));
        assert!(!shown.ok);
        assert!(shown.pages.is_empty());
        assert!(
            shown.outline.is_none(),
            "a file that does not read has no outline"
        );
        let error = shown
            .problems
            .iter()
            .find(|p| p.severity == "error")
            .unwrap();
        assert_eq!(error.line, Some(2));
    }
}
