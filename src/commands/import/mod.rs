//! `import`: an existing report (plain text, Markdown or .docx) → a data
//! file, so a bureau with no data file yet starts from last year's
//! published report. The format and the text encoding (UTF-8, UTF-16,
//! GBK/GB18030) are told from the content.
//!
//! | step | module |
//! |---|---|
//! | bytes → paragraphs with hints | this module |
//! | paragraphs → report structure | [`structure`] |
//! | the bureau, from the signature, title or opening | [`bureau`] |
//! | counts in the prose → named figures | [`figures`] |
//! | a figure's name from the words of its sentence | [`names`], [`words`] |
//! | rates, shares, completion and 同比 → derived citations | [`rates`] |

pub mod bureau;
pub mod figures;
pub mod found;
pub mod names;
pub mod rates;
pub mod structure;
pub mod words;

use crate::base::error::Error;
use crate::datafile::model::Text;
use crate::datafile::write::{self, Annotate};
use crate::input::encoding;
use crate::input::markdown::{self, Block};

/// What a paragraph's format says it is, beyond its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Nothing: plain text gives no hints.
    None,
    /// A heading at a level: 1 the title, 2 一、, 3 （一）, 4 1., 5 （1）.
    Heading(u8),
    /// A paragraph style that names a role: 主送机关, 署名…
    Style(&'static str),
}

/// A paragraph of the input with where it was.
#[derive(Debug, Clone)]
pub struct SourceParagraph {
    /// The text, as written.
    pub text: String,
    /// Its line (text, Markdown) or paragraph number (.docx), from 1.
    pub place: usize,
    /// What the format says of it.
    pub hint: Hint,
}

/// The input's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// A Word document.
    Docx,
}

/// A data file made from a report, and what could not be placed.
#[derive(Debug)]
pub struct Imported {
    /// The data file's text.
    pub data_file: String,
    /// Warnings, in Chinese: each paragraph kept in `其他`, by its place;
    /// a year not found; a bureau named two ways; rates kept as written
    /// (lint's F003 where their counts give another).
    pub warnings: Vec<String>,
}

/// Imports the report in `bytes`, read from `path`. A file with no
/// paragraph of Chinese text, or only a title, holds no report, and is an
/// error.
pub fn import(path: &str, bytes: &[u8]) -> Result<Imported, Error> {
    let (format, paragraphs) = paragraphs(path, bytes)?;
    if !paragraphs.iter().any(|p| is_chinese_text(&p.text)) {
        return Err(Error::NoReport(path.to_string()));
    }
    let mut built = structure::build(&paragraphs);
    // check refuses a file with no content (a title alone); write none.
    if built.report.opening.is_empty()
        && !built.report.sections.iter().any(|s| s.body.has_content())
    {
        return Err(Error::NoReport(path.to_string()));
    }
    let extracted = figures::extract(&mut built.report);
    let unit = if format == ReportFormat::Docx {
        "段"
    } else {
        "行"
    };
    let mut warnings: Vec<String> = built
        .unplaced
        .iter()
        .map(|(place, text)| {
            format!(
                "第 {place} {unit}无法归入报告的任何部分，已放入“其他”：{}",
                preview(text)
            )
        })
        .collect();
    if !built.year_found {
        warnings.push(format!(
            "没有找到报告的年度，暂写作 {}，请核对“年度”",
            built.report.year
        ));
    }
    warnings.extend(built.warnings.iter().cloned());
    warnings.extend(
        extracted
            .notes
            .iter()
            .map(|note| with_place(note, &paragraphs, unit)),
    );
    let notes = UnplacedNotes {
        unplaced: &built.unplaced,
        unit,
        numbered: &extracted.numbered,
    };
    Ok(Imported {
        data_file: write::data_file(&built.report, &notes),
        warnings,
    })
}

fn preview(text: &str) -> String {
    let mut shown: String = text.chars().take(20).collect();
    if text.chars().count() > 20 {
        shown.push('…');
    }
    shown
}

/// A note on a stretch of text (quoted at its start) with the line or
/// paragraph that stretch is in, when it can be found.
fn with_place(note: &str, paragraphs: &[SourceParagraph], unit: &str) -> String {
    let quoted = note
        .strip_prefix('“')
        .and_then(|rest| rest.split_once('”'))
        .map(|(quoted, _)| quoted);
    let place = quoted.and_then(|quoted| {
        paragraphs
            .iter()
            .find(|p| crate::genre::rules::fix_text(&p.text).contains(quoted))
            .map(|p| p.place)
    });
    match place {
        Some(place) => format!("第 {place} {unit}：{note}"),
        None => note.to_string(),
    }
}

/// Whether a paragraph is Chinese text: two ideographs or more, and at
/// least as many as anything else but spaces.
fn is_chinese_text(text: &str) -> bool {
    let ideographs = text
        .chars()
        .filter(|c| crate::genre::typography::is_ideograph(*c))
        .count();
    let others = text.chars().filter(|c| !c.is_whitespace()).count() - ideographs;
    ideographs >= 2 && ideographs >= others
}

/// Marks, in the written file, the paragraphs kept in `其他` and the
/// figures only a number tells apart.
struct UnplacedNotes<'a> {
    unplaced: &'a [(usize, String)],
    unit: &'static str,
    numbered: &'a [String],
}

impl Annotate for UnplacedNotes<'_> {
    fn note(&self, texts: &[&Text]) -> Option<String> {
        let places: Vec<String> = texts
            .iter()
            .filter_map(|t| self.unplaced.iter().find(|(_, text)| *text == t.value))
            .map(|(place, _)| place.to_string())
            .collect();
        (!places.is_empty()).then(|| {
            format!(
                "导入时无法归入任何部分（原第 {} {}），请移到合适的位置",
                places.join("、"),
                self.unit
            )
        })
    }

    fn figure_note(&self, name: &str) -> Option<String> {
        self.numbered.iter().any(|n| n == name).then(|| {
            "与另一项数据同名，句子里找不到区别，只好加上数字；请改成更确切的名称".to_string()
        })
    }
}

/// The input's paragraphs, after telling its format and encoding.
pub fn paragraphs(path: &str, bytes: &[u8]) -> Result<(ReportFormat, Vec<SourceParagraph>), Error> {
    if encoding::is_docx(path, bytes) {
        let blocks = crate::input::docx::read(bytes).map_err(|source| Error::Docx {
            path: path.into(),
            source,
        })?;
        return Ok((ReportFormat::Docx, from_blocks(&blocks, |i| i + 1)));
    }
    let text = encoding::decode(bytes);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if is_markdown(path, &text) {
        Ok((ReportFormat::Markdown, from_markdown(&text)))
    } else {
        Ok((ReportFormat::Text, from_text(&text)))
    }
}

fn is_markdown(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".md")
        || lower.ends_with(".markdown")
        || text.lines().any(|l| {
            l.starts_with("# ")
                || l.starts_with("## ")
                || l.starts_with(":::")
                || l.contains("]{custom-style=")
        })
}

fn from_text(text: &str) -> Vec<SourceParagraph> {
    let lines: Vec<&str> = text.lines().collect();
    let paragraph = |text: String, index: usize| SourceParagraph {
        text: half_width_digits(&text),
        place: index + 1,
        hint: Hint::None,
    };
    let mut paragraphs = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        let blank = lines[start..].iter().position(|l| l.trim().is_empty());
        let end = blank.map_or(lines.len(), |at| start + at);
        let group = &lines[start..end];
        if blank.is_some() && is_broken_title(group) {
            paragraphs.push(paragraph(group.iter().map(|l| l.trim()).collect(), start));
        } else {
            paragraphs.extend(
                group
                    .iter()
                    .enumerate()
                    .map(|(i, line)| paragraph(line.trim().to_string(), start + i)),
            );
        }
        start = end + 1;
    }
    paragraphs
}

/// Whether lines between blank lines are a title our text output broke
/// into lines: two or three, flush left, none a 主送机关 line ending in a
/// colon nor a 成文日期 (the signature block is flush lines too).
fn is_broken_title(lines: &[&str]) -> bool {
    let title_line = |line: &&str| {
        let line = line.trim_end();
        let date = line.ends_with('日') && line.contains('年') && line.contains('月');
        !line.starts_with([' ', '\u{3000}', '\t']) && !line.ends_with(['：', ':']) && !date
    };
    (2..=3).contains(&lines.len()) && lines.iter().all(title_line)
}

fn from_markdown(text: &str) -> Vec<SourceParagraph> {
    let blocks = markdown::parse(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut search_from = 0;
    from_blocks(&blocks, |index| {
        let needle: String = blocks[index].text().chars().take(6).collect();
        let found = lines
            .iter()
            .enumerate()
            .skip(search_from)
            .find(|(_, line)| {
                markdown::parse(line)
                    .first()
                    .is_some_and(|b| b.text().starts_with(&needle))
            })
            .map(|(i, _)| i);
        if let Some(i) = found {
            search_from = i + 1;
        }
        found.map_or(index + 1, |i| i + 1)
    })
}

fn from_blocks(blocks: &[Block], mut place: impl FnMut(usize) -> usize) -> Vec<SourceParagraph> {
    blocks
        .iter()
        .enumerate()
        .filter(|(_, block)| !block.text().trim().is_empty())
        .map(|(index, block)| SourceParagraph {
            text: half_width_digits(block.text().trim()),
            place: place(index),
            hint: hint(block),
        })
        .collect()
}

/// The text with full-width digits (１８９９) written as the half-width
/// ones reports use, so that a count is read as one number.
fn half_width_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn hint(block: &Block) -> Hint {
    if let Some(level) = block.heading {
        return Hint::Heading(level);
    }
    match block.style.as_deref() {
        Some("主送机关") => Hint::Style("主送机关"),
        Some("署名") => Hint::Style("署名"),
        Some("成文日期") => Hint::Style("成文日期"),
        Some("附件") => Hint::Style("附件"),
        Some("附件标识") => Hint::Style("附件标识"),
        Some("附件标题") => Hint::Style("附件标题"),
        Some("标题") => Hint::Heading(1),
        _ => Hint::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_line_endings_and_blank_lines() {
        let (format, paragraphs) =
            paragraphs("r.txt", "标题\r\n\r\n  正文。  \r\n".as_bytes()).unwrap();
        assert_eq!(format, ReportFormat::Text);
        let texts: Vec<(&str, usize)> = paragraphs
            .iter()
            .map(|p| (p.text.as_str(), p.place))
            .collect();
        assert_eq!(texts, [("标题", 1), ("正文。", 3)]);
    }

    #[test]
    fn a_title_text_output_broke_into_lines_is_one_paragraph() {
        let text = "某某县司法局2025年度\n法治政府建设情况的报告\n\n\u{3000}\u{3000}开头。\n";
        let (_, read) = paragraphs("r.txt", text.as_bytes()).unwrap();
        let texts: Vec<(&str, usize)> = read.iter().map(|p| (p.text.as_str(), p.place)).collect();
        assert_eq!(
            texts,
            [
                ("某某县司法局2025年度法治政府建设情况的报告", 1),
                ("开头。", 4)
            ]
        );
        let recipient = "标题\n县人民政府：\n\n正文。\n";
        let (_, read) = paragraphs("r.txt", recipient.as_bytes()).unwrap();
        assert_eq!(read.len(), 3);
    }

    #[test]
    fn markdown_gives_hints() {
        let markdown = "::: {custom-style=\"Title\"}\n标题\n:::\n\n# 一、工作\n\n::: {custom-style=\"署名\"}\n某局\n:::\n";
        let (format, paragraphs) = paragraphs("r.md", markdown.as_bytes()).unwrap();
        assert_eq!(format, ReportFormat::Markdown);
        let hints: Vec<Hint> = paragraphs.iter().map(|p| p.hint).collect();
        assert_eq!(
            hints,
            [Hint::Heading(1), Hint::Heading(2), Hint::Style("署名")]
        );
        let places: Vec<usize> = paragraphs.iter().map(|p| p.place).collect();
        assert_eq!(places, [2, 5, 8]);
    }

    #[test]
    fn a_docx_that_is_not_a_zip_is_a_clear_error() {
        let error = paragraphs("r.docx", b"not a zip").unwrap_err();
        assert!(error.to_string().contains("不是 .docx 文件"), "{error}");
    }
}
