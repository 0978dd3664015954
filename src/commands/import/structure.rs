//! Paragraphs → a report: the circular, the title, the opening, the 一、
//! sections by role, the （一） parts whether on their own line or run into
//! their paragraph, 1. and （1） below them, the run-in 一是… series, and the
//! closing 附件, 署名 and 成文日期. What fits nowhere goes to `其他`.

use super::{Hint, SourceParagraph};
use crate::genre::rules::fix_text;
use std::ops::Range;

use crate::datafile::model::{
    Attachment, Bureau, Circular, Layout, Part, Point, Report, Section, Text,
};
use crate::genre::dates::{self, parse_date};
use crate::genre::kinds::{Kind, Level, Role};
use crate::genre::numbering::{parse_heading_number, series_ordinals};

/// A report read from paragraphs, with what could not be placed.
#[derive(Debug)]
pub struct Built {
    /// The report.
    pub report: Report,
    /// (place, text) of the paragraphs kept in `其他`.
    pub unplaced: Vec<(usize, String)>,
    /// Whether the report's year was found; when not, this year's
    /// reporting year stands in for it.
    pub year_found: bool,
    /// What the clerk should check, in Chinese (a bureau named two ways).
    pub warnings: Vec<String>,
}

/// Reads the structure of a report from its paragraphs.
pub fn build(paragraphs: &[SourceParagraph]) -> Built {
    let mut reader = Reader {
        paragraphs,
        at: 0,
        end: paragraphs.len(),
    };
    let attached = reader.attached();
    let closing = reader.closing();
    let circular = reader.circular();
    let title = reader.title();
    let recipient = if circular.is_none() {
        reader.recipient()
    } else {
        None
    };
    let opening = reader.until_section();
    let sections = reader.sections();
    let found_year = report_year(paragraphs);
    let year = found_year.unwrap_or_else(|| dates::default_year(chrono::Local::now().date_naive()));
    let kind = kind_of(title.as_deref(), &sections);
    let signature = closing
        .signature
        .clone()
        .or(circular.as_ref().and_then(|c| c.signature.clone()));
    let (bureau_name, warnings) =
        super::bureau::name(signature.as_deref(), title.as_deref(), &opening);
    let level = Level::from_bureau_name(&bureau_name);
    let mut report = Report {
        bureau: Bureau {
            name: bureau_name,
            level,
            self_name: self_name(paragraphs),
            scope: level.scope(),
        },
        year,
        year_span: None,
        kind,
        title: Some(Text::plain(title.map(|t| fix_text(&t)).unwrap_or_default())),
        date: closing.date.or(circular.as_ref().and_then(|c| c.date)),
        date_span: None,
        recipient: recipient
            .or(circular.as_ref().and_then(|c| c.recipient.clone()))
            .map(plain),
        signature: closing
            .signature
            .or(circular.as_ref().and_then(|c| c.signature.clone()))
            .map(plain),
        circular: circular.map(|c| Circular {
            // A circular published without a title keeps none (an empty
            // one), so the report renders as it was published.
            title: Some(plain(c.title.unwrap_or_default())),
            body: Some(plain(c.body)),
        }),
        layout: Layout::default(),
        opening: opening.iter().map(|p| plain(p.text.clone())).collect(),
        honours: Vec::new(),
        sections: Vec::new(),
        attachments: attachments(closing.attachments, attached),
        figures: Vec::new(),
    };
    report.sections = assemble(&report, sections);
    report.layout = common_layout(&mut report.sections);
    attachments_layout(&mut report.attachments, report.layout.run_in);
    let unplaced: Vec<(usize, String)> = closing
        .after
        .iter()
        .map(|p| (p.place, fix_text(&p.text)))
        .collect();
    if !unplaced.is_empty() {
        let other = Section {
            role: Role::Other,
            body: Part {
                text: unplaced
                    .iter()
                    .map(|(_, t)| Text::plain(t.clone()))
                    .collect(),
                ..Part::default()
            },
            thematic: false,
        };
        match report.sections.iter_mut().find(|s| s.role == Role::Other) {
            Some(existing) => existing.body.text.extend(other.body.text),
            None => report.sections.push(other),
        }
    }
    Built {
        report,
        unplaced,
        year_found: found_year.is_some(),
        warnings,
    }
}

/// The attachments: the names of the list after the text, each with the
/// content carried after the signature under its number (附件2 is the
/// list's second), and any content the list does not name.
fn attachments(names: Vec<String>, attached: Vec<Attached>) -> Vec<Attachment> {
    let mut attachments: Vec<Attachment> = names
        .into_iter()
        .map(|name| Attachment::named(plain(name)))
        .collect();
    let single = attachments.len() == 1 && attached.len() == 1;
    for (order, content) in attached.into_iter().enumerate() {
        let index = match content.number {
            Some(n) => n.checked_sub(1),
            None if single => Some(0),
            None => Some(order),
        };
        let slot = index.filter(|&i| i < attachments.len() && attachments[i].body.is_none());
        let title = content.title.map(plain);
        match slot {
            Some(i) => {
                let named = &mut attachments[i];
                named.title = title.filter(|t| t.value != named.name.value);
                named.body = Some(content.body);
            }
            None => attachments.push(Attachment {
                name: title.unwrap_or_else(|| Text::plain(String::new())),
                title: None,
                body: Some(content.body),
            }),
        }
    }
    attachments
}

/// An attachment's 一、 heading stands on its own line; its setting only
/// passes down, as a section's does.
fn attachments_layout(attachments: &mut [Attachment], run_in: bool) {
    for body in attachments.iter_mut().filter_map(|a| a.body.as_mut()) {
        for part in &mut body.parts {
            part.run_in = None;
            adopt_common(part, run_in);
        }
    }
}

/// An attachment carried after the signature, as read.
struct Attached {
    /// Its number (附件2), if it has one.
    number: Option<usize>,
    /// Its title, if it has one.
    title: Option<String>,
    /// Its content, with its own 一、 parts.
    body: Part,
}

fn plain(text: String) -> Text {
    Text::plain(fix_text(&text))
}

/// The circular that sends a report out: its parts.
struct CircularParts {
    title: Option<String>,
    recipient: Option<String>,
    body: String,
    signature: Option<String>,
    date: Option<chrono::NaiveDate>,
}

/// The end of a report: attachments, signature, date, and anything after.
#[derive(Default)]
struct Closing<'p> {
    attachments: Vec<String>,
    signature: Option<String>,
    date: Option<chrono::NaiveDate>,
    after: Vec<&'p SourceParagraph>,
}

/// A 一、 section as read: its heading and paragraphs.
struct RawSection<'p> {
    heading: String,
    paragraphs: Vec<&'p SourceParagraph>,
}

struct Reader<'p> {
    paragraphs: &'p [SourceParagraph],
    at: usize,
    end: usize,
}

impl<'p> Reader<'p> {
    fn peek(&self) -> Option<&'p SourceParagraph> {
        (self.at < self.end).then(|| &self.paragraphs[self.at])
    }

    fn next(&mut self) -> Option<&'p SourceParagraph> {
        let paragraph = self.peek()?;
        self.at += 1;
        Some(paragraph)
    }

    /// Takes the attachments carried after the body off the end: each
    /// starts at an 附件 or 附件N line and runs to the next.
    fn attached(&mut self) -> Vec<Attached> {
        let starts: Vec<(usize, Option<usize>, Option<String>)> = (0..self.end)
            .filter_map(|i| attachment_start(self.paragraphs, i).map(|(n, t)| (i, n, t)))
            .collect();
        let Some(&(first, _, _)) = starts.first() else {
            return Vec::new();
        };
        let mut attached = Vec::new();
        for (k, (at, number, title)) in starts.iter().enumerate() {
            let end = starts.get(k + 1).map_or(self.end, |next| next.0);
            let mut rest: Vec<&SourceParagraph> = self.paragraphs[at + 1..end].iter().collect();
            let title = title.clone().or_else(|| {
                let next = rest.first().filter(|p| is_attachment_title(p))?;
                let text = next.text.clone();
                rest.remove(0);
                Some(text)
            });
            attached.push(Attached {
                number: *number,
                title,
                body: read_part_body(&rest, 1),
            });
        }
        self.end = first;
        attached
    }

    /// Takes the closing lines off the end: a date, a signature before it,
    /// attachment lines before that; what follows the date is kept apart.
    fn closing(&mut self) -> Closing<'p> {
        let mut closing = Closing::default();
        let Some(date_at) = (0..self.end)
            .rev()
            .find(|&i| is_date_line(&self.paragraphs[i]))
        else {
            self.attachments(&mut closing);
            return closing;
        };
        let before_circular_text = self.paragraphs[..date_at]
            .iter()
            .any(|p| p.text.starts_with("现将"));
        let body_after = self.paragraphs[date_at + 1..]
            .iter()
            .any(|p| leading_level(p) == Some(1));
        if before_circular_text && body_after {
            self.attachments(&mut closing);
            return closing;
        }
        closing.date = parse_date(&self.paragraphs[date_at].text);
        closing.after = self.paragraphs[date_at + 1..self.end].iter().collect();
        self.end = date_at;
        if self.end > 0 && is_signature(&self.paragraphs[self.end - 1]) {
            closing.signature = Some(self.paragraphs[self.end - 1].text.clone());
            self.end -= 1;
        }
        self.attachments(&mut closing);
        closing
    }

    fn attachments(&mut self, closing: &mut Closing<'p>) {
        let start = (0..self.end)
            .rev()
            .take_while(|&i| is_attachment_line(&self.paragraphs[i], i, self.paragraphs))
            .last();
        if let Some(start) = start {
            closing.attachments = self.paragraphs[start..self.end]
                .iter()
                .map(|p| attachment_name(&p.text))
                .collect();
            self.end = start;
        }
    }

    /// 主送机关, the covering paragraph, 署名 and 成文日期 before a report.
    fn circular(&mut self) -> Option<CircularParts> {
        let start = self.at;
        let title = self
            .peek()
            .filter(|p| p.text.contains("印发") && p.text.ends_with("通知"))
            .map(|p| p.text.clone());
        if title.is_some() {
            self.next();
        }
        let recipient = self
            .peek()
            .filter(|p| is_recipient(p))
            .map(|p| strip_colon(&p.text));
        if recipient.is_some() {
            self.next();
        }
        let Some(body) = self.peek().filter(|p| p.text.starts_with("现将")) else {
            self.at = start;
            return None;
        };
        self.next();
        let signature = self
            .peek()
            .filter(|p| is_signature(p))
            .map(|p| p.text.clone());
        if signature.is_some() {
            self.next();
        }
        let date = self
            .peek()
            .filter(|p| is_date_line(p))
            .and_then(|p| parse_date(&p.text));
        if date.is_some() {
            self.next();
        }
        Some(CircularParts {
            title,
            recipient,
            body: body.text.clone(),
            signature,
            date,
        })
    }

    fn title(&mut self) -> Option<String> {
        let paragraph = self.peek()?;
        let marked = paragraph.hint == Hint::Heading(1);
        let looks_like = paragraph.hint == Hint::None
            && leading_level(paragraph).is_none()
            && paragraph.text.chars().count() <= 60
            && !paragraph
                .text
                .trim_end()
                .ends_with(['。', '：', ':', '；', '，', ','])
            && !is_recipient(paragraph);
        (marked || looks_like)
            .then(|| self.next().map(|p| p.text.clone()))
            .flatten()
    }

    fn recipient(&mut self) -> Option<String> {
        let paragraph = self.peek().filter(|p| is_recipient(p))?;
        self.next();
        Some(strip_colon(&paragraph.text))
    }

    fn until_section(&mut self) -> Vec<&'p SourceParagraph> {
        let mut taken = Vec::new();
        while let Some(paragraph) = self.peek().filter(|p| section_heading(p).is_none()) {
            taken.push(paragraph);
            self.next();
        }
        taken
    }

    fn sections(&mut self) -> Vec<RawSection<'p>> {
        let mut sections = Vec::new();
        while let Some(paragraph) = self.next() {
            let heading = section_heading(paragraph).unwrap_or_else(|| paragraph.text.clone());
            let paragraphs = self.until_section();
            sections.push(RawSection {
                heading,
                paragraphs,
            });
        }
        sections
    }
}

/// The level of the number a paragraph starts with: 一、 is 1, （一） 2,
/// 1. 3, （1） 4.
fn leading_level(paragraph: &SourceParagraph) -> Option<u8> {
    parse_heading_number(&paragraph.text).map(|(level, _, _)| level)
}

/// The heading text of a 一、 section, or of an unnumbered heading that
/// names a section's role (工作情况, 下一步打算…).
fn section_heading(paragraph: &SourceParagraph) -> Option<String> {
    if paragraph.hint == Hint::Heading(2) {
        let text = &paragraph.text;
        return Some(match parse_heading_number(text) {
            Some((1, _, len)) => text[len..].trim().to_string(),
            _ => text.clone(),
        });
    }
    if let Some((1, _, len)) = parse_heading_number(&paragraph.text) {
        return Some(paragraph.text[len..].trim().to_string());
    }
    let short = paragraph.text.chars().count() <= 20 && !paragraph.text.contains(['。', '，', ',']);
    (short && paragraph.hint == Hint::None && Role::from_heading(&paragraph.text).is_some())
        .then(|| paragraph.text.clone())
}

fn is_date_line(paragraph: &SourceParagraph) -> bool {
    paragraph.hint == Hint::Style("成文日期")
        || (paragraph.text.chars().count() <= 14 && parse_date(&paragraph.text).is_some())
}

fn is_signature(paragraph: &SourceParagraph) -> bool {
    let text = paragraph.text.trim();
    paragraph.hint == Hint::Style("署名")
        || (text.chars().count() <= 30
            && !text.contains(['。', '，', '：', ',', ':'])
            && text.ends_with([
                '局', '委', '办', '院', '府', '室', '会', '厅', '部', '处', '所', '队',
            ]))
}

fn is_recipient(paragraph: &SourceParagraph) -> bool {
    let text = paragraph.text.trim();
    paragraph.hint == Hint::Style("主送机关")
        || (text.ends_with(['：', ':'])
            && text.chars().count() <= 80
            && !text.contains('。')
            && leading_level(paragraph).is_none())
}

/// Whether paragraph `i` starts an attachment carried after the body: an
/// 附件 or 附件N line on its own after a numbered section, or 附件N with
/// its title after the report's date. Gives its number and title.
fn attachment_start(all: &[SourceParagraph], i: usize) -> Option<(Option<usize>, Option<String>)> {
    let paragraph = &all[i];
    let after_body = all[..i].iter().any(|p| section_heading(p).is_some());
    if !after_body {
        return None;
    }
    let text = paragraph.text.trim();
    let rest = text.strip_prefix("附件")?;
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let number = digits.parse::<usize>().ok();
    let after_number = rest[digits.len()..].trim_matches([' ', '\u{3000}']);
    let marked = paragraph.hint == Hint::Style("附件标识");
    if after_number.is_empty() || after_number == "：" || after_number == ":" || marked {
        return Some((number, None));
    }
    let dated = all[..i].iter().any(is_date_line);
    let title = after_number.trim_start_matches(['：', ':', ' ', '\u{3000}']);
    let separated = after_number.len() != title.len();
    (dated && number.is_some() && separated && !title.is_empty())
        .then(|| (number, Some(title.to_string())))
}

/// Whether the paragraph after an 附件N line is the attachment's title:
/// marked as one, or short, unnumbered and not a sentence.
fn is_attachment_title(paragraph: &SourceParagraph) -> bool {
    let text = paragraph.text.trim();
    matches!(paragraph.hint, Hint::Style("附件标题") | Hint::Heading(1))
        || (paragraph.hint == Hint::None
            && text.chars().count() <= 40
            && leading_level(paragraph).is_none()
            && !text.ends_with(['。', '：', ':', '；', '，']))
}

fn is_attachment_line(paragraph: &SourceParagraph, index: usize, all: &[SourceParagraph]) -> bool {
    let text = paragraph.text.trim();
    let first = text.starts_with("附件") || paragraph.hint == Hint::Style("附件");
    let continued = index > 0
        && all[..index]
            .iter()
            .rev()
            .take_while(|p| !p.text.starts_with("附件"))
            .count()
            < 10
        && text.chars().next().is_some_and(|c| c.is_ascii_digit())
        && all[..index].iter().any(|p| p.text.starts_with("附件"))
        && text.chars().count() <= 40;
    first || continued
}

fn attachment_name(text: &str) -> String {
    let text = text.trim();
    let text = text
        .strip_prefix("附件")
        .unwrap_or(text)
        .trim_start_matches(['：', ':', ' ']);
    let without_number = text
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', '．', '、']);
    if without_number.len() < text.len() {
        without_number
    } else {
        text
    }
    .trim()
    .to_string()
}

fn strip_colon(text: &str) -> String {
    text.trim().trim_end_matches(['：', ':']).to_string()
}

/// The year of the report: the first “YYYY年” in its first paragraphs.
fn report_year(paragraphs: &[SourceParagraph]) -> Option<i32> {
    paragraphs.iter().take(6).find_map(|p| {
        p.text.match_indices('年').find_map(|(at, _)| {
            let digits = p.text.get(at.checked_sub(4)?..at)?;
            digits.parse().ok().filter(|y| (1949..=2100).contains(y))
        })
    })
}

fn kind_of(title: Option<&str>, sections: &[RawSection]) -> Kind {
    if let Some(title) = title {
        if title.contains("总结") {
            return Kind::WorkSummary;
        }
        if title.contains("法治政府建设") || title.contains("法治建设") {
            return Kind::RuleOfLaw;
        }
    }
    let rule_of_law = sections.iter().enumerate().any(|(i, s)| {
        s.heading.contains("法治政府建设")
            || s.heading.contains("第一责任人")
            || (i == 0 && s.heading.contains("法治建设"))
    });
    if rule_of_law {
        Kind::RuleOfLaw
    } else {
        Kind::WorkSummary
    }
}

fn self_name(paragraphs: &[SourceParagraph]) -> String {
    let text: String = paragraphs.iter().map(|p| p.text.as_str()).collect();
    if text.matches("我局").count() >= text.matches("我们").count() {
        "我局"
    } else {
        "我们"
    }
    .to_string()
}

/// Sections by role, thematic work when several sections are themes of
/// the work, headings omitted when they are the kind's standard ones.
fn assemble(report: &Report, raw: Vec<RawSection>) -> Vec<Section> {
    let roles: Vec<Option<Role>> = raw
        .iter()
        .map(|s| Role::from_heading(&fix_text(&s.heading)))
        .collect();
    let work_like = roles
        .iter()
        .filter(|r| matches!(r, None | Some(Role::Work)))
        .count();
    let thematic = work_like >= 2;
    let mut sections: Vec<Section> = Vec::new();
    for (section, role) in raw.into_iter().zip(roles) {
        let role = role.unwrap_or(Role::Work);
        let mut body = read_part_body(&section.paragraphs, 2);
        let heading = fix_text(&section.heading);
        if thematic && role == Role::Work {
            body.heading = Some(Text::plain(heading));
            match sections.iter_mut().find(|s| s.role == Role::Work) {
                Some(work) => work.body.parts.push(body),
                None => sections.push(Section {
                    role,
                    thematic: true,
                    body: Part {
                        parts: vec![body],
                        ..Part::default()
                    },
                }),
            }
            continue;
        }
        if heading != report.kind.standard_heading(role, report.year) {
            body.heading = Some(Text::plain(heading));
        }
        match sections.iter_mut().find(|s| s.role == role) {
            Some(existing) => existing.body.parts.push(body),
            None => sections.push(Section {
                role,
                body,
                thematic: false,
            }),
        }
    }
    sections
}

/// A part's body from its paragraphs: prose, then （一）-level parts (or
/// `level`'s), with a run-in series of points where the prose ends in one.
fn read_part_body(paragraphs: &[&SourceParagraph], level: u8) -> Part {
    let is_child = |p: &&SourceParagraph| child_level(p, level);
    let first_child = paragraphs.iter().position(is_child);
    let (prose, rest) = paragraphs.split_at(first_child.unwrap_or(paragraphs.len()));
    let mut part = prose_part(prose.iter().map(|p| p.text.clone()).collect());
    let mut children = Vec::new();
    let mut i = 0;
    while i < rest.len() {
        let end = rest[i + 1..]
            .iter()
            .position(is_child)
            .map_or(rest.len(), |n| i + 1 + n);
        children.push(read_child(rest[i], &rest[i + 1..end], level));
        i = end;
    }
    part.parts = children;
    part
}

/// Whether a paragraph opens a part at `level` (or, where a level is
/// skipped, the next one down).
fn child_level(paragraph: &SourceParagraph, level: u8) -> bool {
    match paragraph.hint {
        Hint::Heading(h) if h > level => h == level + 1,
        _ => leading_level(paragraph) == Some(level),
    }
}

/// A numbered part: its heading, on its own line or run into the first
/// paragraph, then its body.
fn read_child(opening: &SourceParagraph, following: &[&SourceParagraph], level: u8) -> Part {
    let text = opening.text.trim();
    let after_number = match parse_heading_number(text) {
        Some((_, _, len)) => text[len..]
            .trim_start_matches(['、', '。', '.', '，'])
            .trim(),
        None => text,
    };
    let own_line = matches!(opening.hint, Hint::Heading(_));
    let (heading, first_paragraph, run_in) = if own_line {
        (after_number.to_string(), None, false)
    } else {
        split_heading(after_number)
    };
    let mut paragraphs: Vec<&SourceParagraph> = Vec::new();
    let first = first_paragraph.map(|text| SourceParagraph {
        text,
        place: opening.place,
        hint: Hint::None,
    });
    if let Some(first) = &first {
        paragraphs.push(first);
    }
    paragraphs.extend(following.iter().copied());
    let mut part = read_part_body(&paragraphs, level + 1);
    part.heading = Some(Text::plain(fix_text(&heading)));
    let has_body = !part.text.is_empty() || !part.points.is_empty() || !part.parts.is_empty();
    part.run_in = has_body.then_some(run_in);
    part
}

/// Splits a numbered paragraph into its heading and what runs on after it:
/// at the first full stop, or, where none comes early, at a space; a
/// paragraph with neither is a heading on its own line.
fn split_heading(text: &str) -> (String, Option<String>, bool) {
    let stop = text.find('。').unwrap_or(text.len());
    let space = text[..stop]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map(|(i, _)| i);
    if let Some(at) = space.filter(|&at| at > 0 && text[..at].chars().count() <= 40) {
        return (
            text[..at].to_string(),
            Some(text[at..].trim().to_string()),
            true,
        );
    }
    if let Some(at) = text.find('。') {
        let rest = text[at + '。'.len_utf8()..].trim();
        if rest.is_empty() {
            return (text.to_string(), None, false);
        }
        return (text[..at].to_string(), Some(rest.to_string()), true);
    }
    let space = text
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map(|(i, _)| i);
    match space {
        Some(at) if at > 0 => (
            text[..at].to_string(),
            Some(text[at..].trim().to_string()),
            true,
        ),
        _ => (text.to_string(), None, false),
    }
}

/// Prose paragraphs, with the 一是… series at their end taken out as points.
fn prose_part(paragraphs: Vec<String>) -> Part {
    let mut part = Part::default();
    let split = split_series_start(&paragraphs);
    if let Some(start) = split {
        part.text = paragraphs[..start]
            .iter()
            .map(|p| Text::plain(fix_text(p)))
            .collect();
        part.points = paragraphs[start..]
            .iter()
            .map(|p| point(without_leading_ordinal(p)))
            .collect();
        part.points_split = Some(true);
        return part;
    }
    let mut texts: Vec<String> = paragraphs.clone();
    if let Some((prefix, items)) = texts.last().and_then(|last| series_items(last)) {
        texts.pop();
        if !prefix.trim().is_empty() {
            texts.push(prefix);
        }
        part.points = items.iter().map(|item| point(item)).collect();
    }
    part.text = texts.iter().map(|p| Text::plain(fix_text(p))).collect();
    part
}

fn point(text: &str) -> Point {
    Point {
        heading: None,
        text: Some(Text::plain(fix_text(text.trim()))),
    }
}

/// Where a run of paragraphs that each start with the next ordinal (一是,
/// 二是…, one a paragraph) ends the prose, if one does.
fn split_series_start(paragraphs: &[String]) -> Option<usize> {
    let starts: Vec<Option<u64>> = paragraphs.iter().map(|p| leading_ordinal(p)).collect();
    let last = starts.len().checked_sub(1)?;
    let mut start = last;
    while start > 0 && starts[start - 1].is_some_and(|previous| starts[start] == Some(previous + 1))
    {
        start -= 1;
    }
    let run = last - start + 1;
    (starts[start] == Some(1) && run >= 2).then_some(start)
}

fn without_leading_ordinal(text: &str) -> &str {
    match series_ordinals(text).first() {
        Some((range, _)) if range.start == 0 => &text[range.end..],
        _ => text,
    }
}

fn leading_ordinal(text: &str) -> Option<u64> {
    series_ordinals(text)
        .first()
        .filter(|(range, _)| range.start == 0)
        .map(|(_, value)| *value)
}

/// A paragraph ending in a run-in series: the prose before it and the
/// points (without their ordinals), when the ordinals run 一是, 二是… on.
fn series_items(text: &str) -> Option<(String, Vec<String>)> {
    let ordinals = series_ordinals(text);
    let first = ordinals.iter().position(|(_, value)| *value == 1)?;
    let run: Vec<&Range<usize>> = ordinals[first..]
        .iter()
        .enumerate()
        .take_while(|(i, (_, value))| *value == *i as u64 + 1)
        .map(|(_, (range, _))| range)
        .collect();
    if run.len() < 2 {
        return None;
    }
    let items = run
        .iter()
        .enumerate()
        .map(|(i, range)| {
            let stop = run.get(i + 1).map_or(text.len(), |next| next.start);
            text[range.end..stop].trim().to_string()
        })
        .collect();
    Some((text[..run[0].start].to_string(), items))
}

/// The layout most （一） parts share becomes the document's; a section
/// (or a theme) takes its parts' setting when they all differ from it, and
/// a part keeps its own only where it differs from what it inherits.
fn common_layout(sections: &mut [Section]) -> Layout {
    let mut votes = (0, 0);
    for level_one in level_one_parts(sections) {
        for part in &level_one.parts {
            match part.run_in {
                Some(true) => votes.0 += 1,
                Some(false) => votes.1 += 1,
                None => {}
            }
        }
    }
    let run_in = votes.0 > votes.1;
    for section in sections.iter_mut() {
        if section.thematic {
            section
                .body
                .parts
                .iter_mut()
                .for_each(|theme| adopt_common(theme, run_in));
        } else {
            adopt_common(&mut section.body, run_in);
        }
    }
    Layout {
        run_in,
        ..Layout::default()
    }
}

/// The 一、-level parts: each section's body, or each theme of the work.
fn level_one_parts(sections: &[Section]) -> Vec<&Part> {
    sections
        .iter()
        .flat_map(|s| {
            if s.thematic {
                s.body.parts.iter().collect()
            } else {
                vec![&s.body]
            }
        })
        .collect()
}

/// A 一、-level part's heading always stands on its own line, so its
/// setting only passes down: it takes its parts' when they all agree.
fn adopt_common(level_one: &mut Part, inherited: bool) {
    let settings: Vec<bool> = level_one.parts.iter().filter_map(|p| p.run_in).collect();
    if settings
        .first()
        .is_some_and(|&first| first != inherited && settings.iter().all(|&s| s == first))
    {
        level_one.run_in = Some(settings[0]);
    }
    let effective = level_one.run_in.unwrap_or(inherited);
    for part in &mut level_one.parts {
        drop_inherited(part, effective);
    }
}

fn drop_inherited(part: &mut Part, inherited: bool) {
    let effective = part.run_in.unwrap_or(inherited);
    if part.run_in == Some(inherited) {
        part.run_in = None;
    }
    if part.points_split == Some(false) {
        part.points_split = None;
    }
    for child in &mut part.parts {
        drop_inherited(child, effective);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<SourceParagraph> {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| SourceParagraph {
                text: l.trim().to_string(),
                place: i + 1,
                hint: Hint::None,
            })
            .collect()
    }

    #[test]
    fn headings_split_at_the_first_full_stop_or_a_space() {
        assert_eq!(
            split_heading("加强建设。一是甲"),
            ("加强建设".to_string(), Some("一是甲".to_string()), true)
        );
        assert_eq!(
            split_heading("学习还不够深入。"),
            ("学习还不够深入。".to_string(), None, false)
        );
        assert_eq!(
            split_heading("加强统筹协调 深入推进工作"),
            (
                "加强统筹协调".to_string(),
                Some("深入推进工作".to_string()),
                true
            )
        );
        assert_eq!(
            split_heading("加强统筹协调"),
            ("加强统筹协调".to_string(), None, false)
        );
    }

    #[test]
    fn run_in_series_are_points() {
        let (prefix, items) = series_items("主要做法是，一是场所对接。二是经费对接。").unwrap();
        assert_eq!(prefix, "主要做法是，");
        assert_eq!(items, ["场所对接。", "经费对接。"]);
        assert!(series_items("坚持统一是前提。").is_none());
        assert!(series_items("一是甲。三是乙。").is_none());
    }

    #[test]
    fn a_paragraph_a_point_is_a_split_series() {
        let part = prose_part(vec!["引言。".into(), "一是甲。".into(), "二是乙。".into()]);
        assert_eq!(part.text.len(), 1);
        assert_eq!(part.points.len(), 2);
        assert_eq!(part.points[0].text.as_ref().unwrap().value, "甲。");
        assert_eq!(part.points_split, Some(true));
    }

    #[test]
    fn a_whole_report_is_read() {
        let text = "某某县司法局2022年工作总结\n2022年，某某县司法局扎实工作。\n一、2022年工作情况\n（一）加强建设。一是甲。二是乙。\n（二）优化服务\n全年受理案件100件。\n二、存在的问题和不足\n（一）学习不够深入。\n三、2023年工作打算\n（一）强化理论武装。内容。\n附件：统计表\n某某县司法局\n2023年1月5日\n";
        let built = build(&paragraphs(text));
        let report = built.report;
        assert_eq!(report.year, 2022);
        assert_eq!(report.kind, Kind::WorkSummary);
        assert_eq!(
            report.title.as_ref().unwrap().value,
            "某某县司法局2022年工作总结"
        );
        assert_eq!(report.bureau.name, "某某县司法局");
        assert_eq!(report.date, chrono::NaiveDate::from_ymd_opt(2023, 1, 5));
        assert_eq!(report.attachments[0].name.value, "统计表");
        let work = report.section(Role::Work).unwrap();
        assert_eq!(work.body.heading, None);
        assert_eq!(work.body.parts.len(), 2);
        assert_eq!(work.body.parts[0].points.len(), 2);
        assert_eq!(
            report.section(Role::Shortcomings).unwrap().body.parts[0]
                .heading
                .as_ref()
                .unwrap()
                .value,
            "学习不够深入。"
        );
        assert!(built.unplaced.is_empty());
    }

    #[test]
    fn lines_after_the_date_are_kept_in_other() {
        let text = "一、工作情况\n内容。\n某某局\n2023年1月5日\n扫码查看\n";
        let built = build(&paragraphs(text));
        assert_eq!(built.unplaced, [(5, "扫码查看".to_string())]);
        assert_eq!(
            built.report.section(Role::Other).unwrap().body.text[0].value,
            "扫码查看"
        );
    }

    #[test]
    fn unnumbered_section_headings_are_recognised() {
        let text = "开头。\n工作情况\n内容甲。\n下一步打算\n内容乙。\n";
        let report = build(&paragraphs(text)).report;
        assert!(report.section(Role::Work).is_some());
        assert!(report.section(Role::Plans).is_some());
    }
}
