//! Writing a report back out as a data file: the commented layout that
//! `init` writes and that `rollover`, `import` and `merge` write too, so a
//! clerk meets the same file whatever made it. Keys and their comments come
//! from the key table; keys a file does not use are shown commented out.
//! A scalar is quoted exactly when a YAML reader would not read it back as
//! the same text.
//!
//! | part of the file | module |
//! |---|---|
//! | the top: bureau, year, dates, circular, layout, opening | `top` |
//! | sections, parts and points | `sections` |
//! | figures | `figures` |

pub mod figures;
mod sections;
mod top;

use std::fmt::Write;

use crate::datafile::keys::Key;
use crate::datafile::model::{Report, Text};
use crate::genre::kinds::Role;
use crate::input::yaml::{Meaning, plain_meaning};

/// Comments to attach to what the written file holds, such as "carried
/// over from last year" or "could not be placed".
pub trait Annotate {
    /// The comment above a key or list item holding `texts` (a heading and
    /// its paragraphs, in order), if any.
    fn note(&self, texts: &[&Text]) -> Option<String>;

    /// The comment above a figure, if any.
    fn figure_note(&self, _name: &str) -> Option<String> {
        None
    }
}

/// No comments on any text.
pub struct NoNotes;

impl Annotate for NoNotes {
    fn note(&self, _: &[&Text]) -> Option<String> {
        None
    }
}

/// Writes `report` as a commented data file.
pub fn data_file(report: &Report, notes: &dyn Annotate) -> String {
    let mut writer = Writer::new(notes);
    writer.report(report);
    writer.out
}

/// Writes `report` as a commented data file, with no notes of its own.
pub fn plain_data_file(report: &Report) -> String {
    data_file(report, &NoNotes)
}

/// Writes one section's block (its help comment, key and content) as
/// [`data_file`] would.
pub fn section_block(report: &Report, role: Role, notes: &dyn Annotate) -> String {
    let mut writer = Writer::new(notes);
    writer.section(report, role);
    writer.out
}

/// Writes the block of a top-level text key (标题, 主送机关, 署名, 开头)
/// as [`data_file`] would, without its comment; nothing when the report has
/// no such text.
pub fn text_block(report: &Report, key: Key, notes: &dyn Annotate) -> String {
    let mut writer = Writer::new(notes);
    let name = crate::datafile::keys::name(crate::datafile::keys::Place::Top, key);
    let one = |text: &Option<Text>| text.iter().cloned().collect::<Vec<Text>>();
    match key {
        Key::Title => one(&report.title)
            .iter()
            .for_each(|t| writer.scalar(0, name, t)),
        Key::Recipient => one(&report.recipient)
            .iter()
            .for_each(|t| writer.scalar(0, name, t)),
        Key::Signature => one(&report.signature)
            .iter()
            .for_each(|t| writer.scalar(0, name, t)),
        Key::Opening if !report.opening.is_empty() => writer.paragraphs(0, name, &report.opening),
        _ => {}
    }
    writer.out
}

/// Writes the `数据` block as [`data_file`] would.
pub fn figures_block(report: &Report, notes: &dyn Annotate) -> String {
    let mut writer = Writer::new(notes);
    writer.figures(report);
    writer.out
}

/// The file being written, line by line.
struct Writer<'a> {
    out: String,
    notes: &'a dyn Annotate,
}

const INDENT: &str = "  ";

/// Lines, comments and the simplest entries.
impl<'a> Writer<'a> {
    fn new(notes: &'a dyn Annotate) -> Writer<'a> {
        Writer {
            out: String::new(),
            notes,
        }
    }

    fn report(&mut self, report: &Report) {
        self.header(report);
        self.basics(report);
        self.opening(report);
        for role in Role::ALL {
            self.section(report, role);
        }
        self.attachments(report);
        self.figures(report);
    }

    fn line(&mut self, depth: usize, text: &str) {
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
        if text.starts_with('#') {
            // A comment made of the file's texts (the name in the first
            // line, an example): YAML allows no control character there,
            // and a lone \r would end the comment.
            self.out.push_str(&printable(text));
        } else {
            self.out.push_str(text);
        }
        self.out.push('\n');
    }

    fn comment(&mut self, depth: usize, text: &str) {
        for line in text.lines() {
            self.line(depth, &format!("# {line}"));
        }
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    fn note_for(&mut self, depth: usize, texts: &[&Text]) {
        if let Some(note) = self.notes.note(texts) {
            self.comment(depth, &note);
        }
    }

    /// `key: value` for a one-line text, with its note above it.
    fn scalar(&mut self, depth: usize, key: &str, text: &Text) {
        self.note_for(depth, &[text]);
        self.line(depth, &format!("{key}: {}", scalar(&text.value)));
    }

    fn optional(&mut self, depth: usize, key: &str, text: Option<&Text>, example: &str) {
        match text {
            Some(text) => self.scalar(depth, key, text),
            None => self.line(depth, &format!("# {key}: {example}")),
        }
    }

    /// `key: text` for one paragraph, or a literal block for several.
    fn paragraphs(&mut self, depth: usize, key: &str, texts: &[Text]) {
        self.note_for(depth, &texts.iter().collect::<Vec<_>>());
        let block = paragraph_block(texts);
        self.line(depth, &format!("{key}:{block}"));
        let lines = paragraph_lines(depth + 1, texts);
        self.out.push_str(&lines);
    }

    fn list(&mut self, depth: usize, key: &str, texts: &[Text]) {
        self.line(depth, &format!("{key}:"));
        for text in texts {
            self.note_for(depth + 1, &[text]);
            self.line(depth + 1, &format!("- {}", item(&text.value)));
        }
    }
}

/// What follows `key:` for paragraphs: the scalar itself, or `|` when the
/// paragraphs go on the lines below, or a list of quoted texts when one
/// holds a character a literal block cannot (a control character, which
/// YAML refuses raw).
fn paragraph_block(texts: &[Text]) -> String {
    match texts {
        [one] if !needs_block(&one.value) => format!(" {}", scalar(&one.value)),
        _ if !texts.iter().all(|t| fits_block(&t.value)) => {
            let quoted: Vec<String> = texts.iter().map(|t| quoted(&t.value)).collect();
            format!(" [{}]", quoted.join(", "))
        }
        _ => " |".to_string(),
    }
}

fn paragraph_lines(depth: usize, texts: &[Text]) -> String {
    let on_the_key_line = matches!(texts, [one] if !needs_block(&one.value));
    if on_the_key_line || !texts.iter().all(|t| fits_block(&t.value)) {
        return String::new();
    }
    let mut lines = String::new();
    for text in texts {
        for line in text.value.lines() {
            let _ = writeln!(lines, "{}{line}", INDENT.repeat(depth));
        }
    }
    lines
}

fn yes_no(flag: bool) -> &'static str {
    if flag { "是" } else { "否" }
}

/// `text` with each control character but tab written as its escape, as
/// in a quoted scalar, for a comment.
fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if (c.is_control() && c != '\t') || c == '\u{feff}' {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether text can be written raw on the lines of a literal block: YAML
/// allows no control character there but tab and line break.
fn fits_block(text: &str) -> bool {
    !text
        .chars()
        .any(|c| (c.is_control() && c != '\t' && c != '\n') || c == '\u{feff}')
}

/// Whether text must go in a literal block rather than on the key's line.
fn needs_block(text: &str) -> bool {
    text.contains('\n')
}

/// A string as a YAML scalar: plain when YAML reads it back as the same
/// text, double-quoted otherwise.
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) {
        return text.to_string();
    }
    quoted(text)
}

/// A string as a list item's scalar (`- text`): as [`scalar`], and quoted
/// when the line would read as a key with a mistaken colon (`- 工作：`).
fn item(text: &str) -> String {
    let plain = scalar(text);
    if !plain.starts_with('"') && crate::input::yaml::looks_like_mistaken_key(&format!("- {plain}"))
    {
        return quoted(text);
    }
    plain
}

/// A string as a double-quoted YAML scalar, escaped.
fn quoted(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() || c == '\u{feff}' => {
                let _ = write!(quoted, "\\u{:04x}", c as u32);
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Whether `text` written bare reads back as itself: it starts with no
/// YAML indicator, holds no `: ` or ` #`, and means text to YAML's core
/// schema (the same reading [`plain_meaning`] gives the reader).
fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let reserved_start = "-?:,[]{}#&*!|>'\"%@`｛".contains(first) || first.is_whitespace();
    !reserved_start
        && plain_meaning(text) == Meaning::Text
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with([':', ' '])
        && !text.chars().any(|c| c.is_control() || c == '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_quote_only_when_needed() {
        let cases = [
            ("长治市司法局", "长治市司法局"),
            ("{年度}年，全市工作", "\"{年度}年，全市工作\""),
            ("受理{受理}件", "受理{受理}件"),
            ("2022", "\"2022\""),
            ("0x1F", "\"0x1F\""),
            ("3.10", "\"3.10\""),
            ("true", "\"true\""),
            ("~", "\"~\""),
            ("yes", "yes"),
            ("是", "是"),
            ("a: b", "\"a: b\""),
            ("\"好\"说", "\"\\\"好\\\"说\""),
            ("说\"好\"", "说\"好\""),
            ("", "\"\""),
            ("\u{feff}", "\"\\ufeff\""),
        ];
        for (text, expected) in cases {
            assert_eq!(scalar(text), expected, "{text}");
        }
    }

    /// A list item that would read as a key with a full-width colon, or
    /// one with no space after its colon, is quoted (found by the rollover
    /// property test: a part headed 工作： came back as an error).
    #[test]
    fn list_items_that_read_as_mistaken_keys_are_quoted() {
        let cases = [
            ("工作：", "\"工作：\""),
            ("学习方面：组织学习12次。", "\"学习方面：组织学习12次。\""),
            ("a:b", "\"a:b\""),
            ("加强队伍建设", "加强队伍建设"),
            (
                "全年开展培训12次，主要内容为：法律知识",
                "全年开展培训12次，主要内容为：法律知识",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(item(text), expected, "{text}");
        }
    }
}
