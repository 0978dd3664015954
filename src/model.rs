//! The report as data: what a clerk's YAML file says, typed. Text keeps its
//! place in the file so that problems inside prose can be pointed at.

use chrono::NaiveDate;

use crate::diagnostic::Span;

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
}

/// The two kinds of annual report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 年度工作总结.
    WorkSummary,
    /// 法治政府建设年度报告.
    RuleOfLaw,
}

impl Kind {
    /// The name of the built-in template for this kind.
    pub fn template_name(self) -> &'static str {
        match self {
            Kind::WorkSummary => "work-summary",
            Kind::RuleOfLaw => "rule-of-law-report",
        }
    }

    /// The Chinese name written in the data file.
    pub fn chinese_name(self) -> &'static str {
        match self {
            Kind::WorkSummary => "工作总结",
            Kind::RuleOfLaw => "法治政府建设年度报告",
        }
    }

    /// Reads a kind from its Chinese or English name.
    pub fn from_name(name: &str) -> Option<Kind> {
        match name.trim() {
            "工作总结" | "年度工作总结" | "work-summary" => Some(Kind::WorkSummary),
            "法治政府建设年度报告" | "法治政府建设报告" | "rule-of-law-report" => {
                Some(Kind::RuleOfLaw)
            }
            _ => None,
        }
    }
}

/// The administrative level of a bureau.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// 省级.
    Province,
    /// 市级.
    City,
    /// 县级.
    County,
    /// 区级.
    District,
}

impl Level {
    /// Reads a level from its one-character Chinese name (市, 县, 区, 省).
    pub fn from_name(name: &str) -> Option<Level> {
        match name.trim().trim_end_matches('级') {
            "省" => Some(Level::Province),
            "市" => Some(Level::City),
            "县" => Some(Level::County),
            "区" => Some(Level::District),
            _ => None,
        }
    }

    /// Guesses the level from a bureau's name (长治市司法局 → 市).
    pub fn from_bureau_name(name: &str) -> Level {
        let place = name.split("司法").next().unwrap_or(name);
        match place.chars().last() {
            Some('省') => Level::Province,
            Some('县') => Level::County,
            Some('区') => Level::District,
            _ => Level::City,
        }
    }

    /// The character for this level.
    pub fn chinese_name(self) -> &'static str {
        match self {
            Level::Province => "省",
            Level::City => "市",
            Level::County => "县",
            Level::District => "区",
        }
    }

    /// How the text names the whole area (全市, 全县…).
    pub fn scope(self) -> String {
        format!("全{}", self.chinese_name())
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

/// The roles the top-level parts of a report play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 工作情况 / 主要举措和成效.
    Work,
    /// 亮点工作.
    Highlights,
    /// 存在的问题和不足.
    Shortcomings,
    /// 党政主要负责人履行推进法治建设第一责任人职责情况.
    Duties,
    /// 工作打算 / 主要安排.
    Plans,
    /// 其他需要报告的情况.
    Other,
}

impl Role {
    /// Every role, in the order the parts appear in a report.
    pub const ALL: [Role; 6] = [
        Role::Work,
        Role::Highlights,
        Role::Shortcomings,
        Role::Duties,
        Role::Plans,
        Role::Other,
    ];

    /// The name templates see (`s.role`).
    pub fn id(self) -> &'static str {
        match self {
            Role::Work => "work",
            Role::Highlights => "highlights",
            Role::Shortcomings => "shortcomings",
            Role::Duties => "duties",
            Role::Plans => "plans",
            Role::Other => "other",
        }
    }
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
        self.heading.is_none()
            && self.text.is_empty()
            && self.points.is_empty()
            && self.parts.iter().all(Part::is_empty)
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

/// A figure as written: number, 万/亿 scale and whether it is rounded (余).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    /// The number as written, before the scale (7887.8 in 7887.8万).
    pub mantissa: f64,
    /// 1, 10 000 (万) or 100 000 000 (亿).
    pub scale: f64,
    /// Whether the figure is rounded and carries 余.
    pub approximate: bool,
}

impl Quantity {
    /// An exact count.
    pub fn exact(value: f64) -> Quantity {
        Quantity {
            mantissa: value,
            scale: 1.0,
            approximate: false,
        }
    }

    /// The full value (7887.8万 → 78 878 000).
    pub fn value(&self) -> f64 {
        self.mantissa * self.scale
    }
}

/// A named figure of the year.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The name prose cites it by.
    pub name: String,
    /// 值: this year's value; `None` until the clerk fills it in.
    pub value: Option<Quantity>,
    /// 单位: 件, 人次, 万元, %…
    pub unit: String,
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
    /// 附件: names of attachments.
    pub attachments: Vec<Text>,
    /// 数据: the figures, in file order.
    pub figures: Vec<Figure>,
}

impl Report {
    /// The figure called `name`.
    pub fn figure(&self, name: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.name == name)
    }

    /// The section with `role`, if the file has it.
    pub fn section(&self, role: Role) -> Option<&Section> {
        self.sections.iter().find(|s| s.role == role)
    }

    /// Every piece of prose in the report, each with the number of items
    /// `{项数}` counts where it stands (0 where there is nothing to count).
    pub fn texts(&self) -> Vec<(&Text, usize)> {
        let mut texts: Vec<(&Text, usize)> = Vec::new();
        let top = [&self.title, &self.recipient, &self.signature];
        texts.extend(top.into_iter().flatten().map(|t| (t, 0)));
        if let Some(circular) = &self.circular {
            texts.extend(
                circular
                    .title
                    .iter()
                    .chain(circular.body.iter())
                    .map(|t| (t, 0)),
            );
        }
        texts.extend(
            self.opening
                .iter()
                .chain(self.honours.iter())
                .map(|t| (t, 0)),
        );
        for section in &self.sections {
            collect_part_texts(&section.body, &mut texts);
        }
        texts.extend(self.attachments.iter().map(|t| (t, 0)));
        texts
    }
}

impl Part {
    /// What `{项数}` counts in this part's text: its non-empty sub-parts,
    /// or else its points.
    pub fn item_count(&self) -> usize {
        let parts = self.parts.iter().filter(|p| !p.is_empty()).count();
        if parts > 0 { parts } else { self.points.len() }
    }
}

fn collect_part_texts<'a>(part: &'a Part, texts: &mut Vec<(&'a Text, usize)>) {
    let count = part.item_count();
    texts.extend(
        part.heading
            .iter()
            .chain(part.text.iter())
            .map(|t| (t, count)),
    );
    for point in &part.points {
        texts.extend(
            point
                .heading
                .iter()
                .chain(point.text.iter())
                .map(|t| (t, 0)),
        );
    }
    for child in &part.parts {
        collect_part_texts(child, texts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_from_chinese_and_english_names() {
        assert_eq!(Kind::from_name("工作总结"), Some(Kind::WorkSummary));
        assert_eq!(Kind::from_name("rule-of-law-report"), Some(Kind::RuleOfLaw));
        assert_eq!(Kind::from_name("总结"), None);
    }

    #[test]
    fn level_is_guessed_from_the_bureau_name() {
        assert_eq!(Level::from_bureau_name("长治市司法局"), Level::City);
        assert_eq!(Level::from_bureau_name("上高县司法局"), Level::County);
        assert_eq!(Level::from_bureau_name("峄城区司法局"), Level::District);
        assert_eq!(Level::District.scope(), "全区");
    }

    #[test]
    fn a_part_with_only_empty_children_is_empty() {
        let part = Part {
            parts: vec![Part::default()],
            ..Part::default()
        };
        assert!(part.is_empty());
    }
}
