//! The report as data: what a clerk's YAML file says, typed. Text keeps its
//! place in the file so that problems inside prose can be pointed at.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::base::diagnostic::{LineIndex, Span};
use crate::genre::kinds::{Kind, Level, Role};
use crate::genre::quantity::{Magnitude, Quantity};

/// A piece of prose from the data file, with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The text as the clerk wrote it, figure markers included.
    pub value: String,
    /// Where the text is written in the data file, if it came from one.
    pub span: Option<Span>,
}

impl Text {
    /// Text that did not come from a file.
    pub fn plain(value: impl Into<String>) -> Text {
        Text {
            value: value.into(),
            span: None,
        }
    }

    /// Where a stretch (byte `range`) of the value is in the file it was
    /// read from, whose lines are `lines`. Text from YAML is found verbatim
    /// inside its span in all but escaped strings; when it is not, the
    /// whole text is pointed at.
    pub fn source_span(&self, lines: &LineIndex, range: std::ops::Range<usize>) -> Option<Span> {
        let source = lines.source();
        let span = self.span.as_ref()?;
        let needle = self.value.get(range.clone())?;
        let occurrence = self.value[..range.start].matches(needle).count();
        let window = source.get(span.bytes.clone())?;
        let found = window.match_indices(needle).nth(occurrence);
        Some(match found {
            Some((at, _)) => {
                let start = span.bytes.start + at;
                lines.span(start..start + needle.len())
            }
            None => span.clone(),
        })
    }
}

/// The bureau that writes the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Bureau {
    /// 名称: the full name (长治市司法局).
    pub name: String,
    /// 级别.
    pub level: Level,
    /// 自称: how the text names the bureau itself (我局).
    pub self_name: String,
    /// 范围: how the text names the whole area (全市).
    pub scope: String,
}

/// The covering circular (印发通知) that sends the report out.
#[derive(Debug, Clone, PartialEq)]
pub struct Circular {
    /// The circular's own title, if it has one.
    pub title: Option<Text>,
    /// The covering paragraph; a standard one is used when absent.
    pub body: Option<Text>,
}

/// A point of a run-in series: 一是…。二是…。
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The lead phrase, when written apart from the body.
    pub heading: Option<Text>,
    /// The body (or the whole point when it is a bare string).
    pub text: Option<Text>,
}

/// A numbered part at any level: its heading, prose, run-in points and
/// sub-parts one level down.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Part {
    /// 标题; a part may be just a heading (a one-sentence shortcoming).
    pub heading: Option<Text>,
    /// 正文 / 引言: paragraphs, in order.
    pub text: Vec<Text>,
    /// 要点: the 一是/二是 series.
    pub points: Vec<Point>,
    /// 部分: sub-parts, numbered one level down.
    pub parts: Vec<Part>,
    /// 标题接排: whether the heading runs into the first paragraph;
    /// `None` inherits from the enclosing part or the document.
    pub run_in: Option<bool>,
    /// 要点分段: whether each point is a paragraph of its own.
    pub points_split: Option<bool>,
}

impl Part {
    /// Whether the part has nothing to show.
    pub fn is_empty(&self) -> bool {
        self.heading.is_none() && !self.has_content()
    }

    /// Whether the part has something besides its heading: prose, points
    /// or a sub-part with something to show. A section without content is
    /// left out even when it has a heading of its own.
    pub fn has_content(&self) -> bool {
        !self.text.is_empty() || !self.points.is_empty() || self.parts.iter().any(|p| !p.is_empty())
    }
}

/// A top-level part of the report (一、…), with its role.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// What the section is.
    pub role: Role,
    /// Its content; the heading, when absent, is the kind's standard one.
    pub body: Part,
    /// 分章 (work only): each of the work's parts is a 一、 section of its
    /// own, as in reports organised by theme.
    pub thematic: bool,
}

/// An attachment (附件): its name as the 附件说明 lists it and, when the
/// report carries it, its content, printed after the signature on a page
/// of its own under 附件N, numbered apart from the report's.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// 名称: as the 附件说明 line lists it.
    pub name: Text,
    /// 标题: the title at its top, when it is not the name.
    pub title: Option<Text>,
    /// Its content (正文, 要点, 部分 with their own 一、（一）…), if carried.
    pub body: Option<Part>,
}

impl Attachment {
    /// An attachment that is only a name.
    pub fn named(name: Text) -> Attachment {
        Attachment {
            name,
            title: None,
            body: None,
        }
    }

    /// The title printed at its top: its own, else its name.
    pub fn printed_title(&self) -> &Text {
        self.title.as_ref().unwrap_or(&self.name)
    }
}

/// A named figure of the year.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The name prose cites it by.
    pub name: String,
    /// 值: this year's value; `None` until the clerk fills it in.
    pub value: Option<Quantity>,
    /// 单位, without its magnitude: 件, 人次, 元 (for 万元), %…
    pub unit: String,
    /// The magnitude a value written as a bare number is in: 万 for a
    /// figure in 万元, as its 单位 or its value says.
    pub magnitude: Magnitude,
    /// 目标: the year's target, for completion rates.
    pub target: Option<Quantity>,
    /// 上年: last year's value, for year-over-year change.
    pub last_year: Option<Quantity>,
    /// 属于: the figure this one is a part of (办结 of 受理).
    pub part_of: Option<Text>,
    /// Where the figure is defined.
    pub span: Option<Span>,
    /// Where its value is written.
    pub value_span: Option<Span>,
}

impl Figure {
    /// The unit as the data file writes it, with the magnitude: 万元.
    pub fn unit_with_magnitude(&self) -> String {
        format!("{}{}", self.magnitude.symbol(), self.unit)
    }

    /// This year's value as the report writes it (1.2万余人次), if filled in.
    pub fn formatted_value(&self) -> Option<String> {
        self.value.map(|value| value.with_unit(&self.unit))
    }
}

/// Options of the layout that apply to the whole report.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// Whether (一) headings run into their paragraph by default.
    pub run_in: bool,
    /// Whether each run-in point is a paragraph of its own by default.
    pub points_split: bool,
    /// Whether headings are bold in the .docx.
    pub bold_headings: bool,
}

/// A whole data file.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// 单位.
    pub bureau: Bureau,
    /// 年度.
    pub year: i32,
    /// Where the year is written.
    pub year_span: Option<Span>,
    /// 类型.
    pub kind: Kind,
    /// 标题; the standard title of the kind when absent.
    pub title: Option<Text>,
    /// 成文日期.
    pub date: Option<NaiveDate>,
    /// Where the date is written.
    pub date_span: Option<Span>,
    /// 主送机关.
    pub recipient: Option<Text>,
    /// 署名; the bureau's name when a date is given and this is absent.
    pub signature: Option<Text>,
    /// 印发通知.
    pub circular: Option<Circular>,
    /// 版式.
    pub layout: Layout,
    /// 开头: the opening paragraphs.
    pub opening: Vec<Text>,
    /// 荣誉: honours, closing the opening.
    pub honours: Vec<Text>,
    /// The top-level parts, in report order.
    pub sections: Vec<Section>,
    /// 附件: the attachments, named or with their content.
    pub attachments: Vec<Attachment>,
    /// 数据: the figures, in file order.
    pub figures: Vec<Figure>,
}

/// A report's figures by name, for looking many up.
#[derive(Debug, Clone, Default)]
pub struct FigureIndex<'r>(HashMap<&'r str, &'r Figure>);

impl<'r> FigureIndex<'r> {
    /// The figure called `name`; the first, if two share it.
    pub fn get(&self, name: &str) -> Option<&'r Figure> {
        self.0.get(name).copied()
    }
}

impl Report {
    /// The report's figures indexed by name.
    pub fn figure_index(&self) -> FigureIndex<'_> {
        let mut index = HashMap::with_capacity(self.figures.len());
        for figure in self.figures.iter().rev() {
            index.insert(figure.name.as_str(), figure);
        }
        FigureIndex(index)
    }

    /// The figure called `name`.
    pub fn figure(&self, name: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.name == name)
    }

    /// The section with `role`, if the file has it.
    pub fn section(&self, role: Role) -> Option<&Section> {
        self.sections.iter().find(|s| s.role == role)
    }

    /// Every piece of prose in the report, with what `{项数}` counts where
    /// it stands and the section it is in.
    pub fn texts(&self) -> Vec<Prose<'_>> {
        let loose = |text, role| Prose {
            text,
            count: 0,
            role,
        };
        let mut texts: Vec<Prose> = Vec::new();
        let top = [&self.title, &self.recipient, &self.signature];
        texts.extend(top.into_iter().flatten().map(|t| loose(t, None)));
        if let Some(circular) = &self.circular {
            texts.extend(
                circular
                    .title
                    .iter()
                    .chain(circular.body.iter())
                    .map(|t| loose(t, None)),
            );
        }
        texts.extend(
            self.opening
                .iter()
                .chain(self.honours.iter())
                .map(|t| loose(t, None)),
        );
        for section in &self.sections {
            collect_part_texts(&section.body, section.role, &mut texts);
        }
        for attachment in &self.attachments {
            texts.extend(
                [Some(&attachment.name), attachment.title.as_ref()]
                    .into_iter()
                    .flatten()
                    .map(|t| loose(t, None)),
            );
            if let Some(body) = &attachment.body {
                collect_part_texts(body, Role::Other, &mut texts);
            }
        }
        texts
    }
}

/// A piece of prose and where it stands in the report.
#[derive(Debug, Clone, Copy)]
pub struct Prose<'a> {
    /// The text.
    pub text: &'a Text,
    /// What `{项数}` counts here (0 where there is nothing to count).
    pub count: usize,
    /// The section it is in, if any.
    pub role: Option<Role>,
}

impl Part {
    /// What `{项数}` counts in this part's text: its non-empty sub-parts,
    /// or else its points.
    pub fn item_count(&self) -> usize {
        let parts = self.parts.iter().filter(|p| !p.is_empty()).count();
        if parts > 0 { parts } else { self.points.len() }
    }
}

fn collect_part_texts<'a>(part: &'a Part, role: Role, texts: &mut Vec<Prose<'a>>) {
    let count = part.item_count();
    let in_section = |text, count| Prose {
        text,
        count,
        role: Some(role),
    };
    texts.extend(
        part.heading
            .iter()
            .chain(part.text.iter())
            .map(|t| in_section(t, count)),
    );
    for point in &part.points {
        texts.extend(
            point
                .heading
                .iter()
                .chain(point.text.iter())
                .map(|t| in_section(t, 0)),
        );
    }
    for child in &part.parts {
        collect_part_texts(child, role, texts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_with_only_empty_children_is_empty() {
        let part = Part {
            parts: vec![Part::default()],
            ..Part::default()
        };
        assert!(part.is_empty());
    }
}
