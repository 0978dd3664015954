//! Loading a data file: the YAML node tree is read against the schema into a
//! [`Report`]. Every problem is collected (wrong type, unknown key, missing
//! key…) instead of stopping at the first, so `check` can list them all.

use chrono::NaiveDate;

use crate::base::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::base::error::Error;
use crate::datafile::cite;
use crate::datafile::model::{
    Bureau, Circular, Figure, Layout, Part, Point, Report, Section, Text,
};
use crate::genre::dates::parse_date;
use crate::genre::kinds::{Kind, Level, Role};
use crate::genre::quantity;
use crate::genre::quantity::Quantity;
use crate::input::yaml::{self, Key, Node, Value};

/// A key of the data file: its Chinese name and the English alias that is
/// accepted too.
type Field = (&'static str, &'static str);

const TOP_FIELDS: &[Field] = &[
    ("单位", "bureau"),
    ("年度", "year"),
    ("类型", "kind"),
    ("标题", "title"),
    ("成文日期", "date"),
    ("主送机关", "recipient"),
    ("署名", "signature"),
    ("印发通知", "circular"),
    ("版式", "layout"),
    ("开头", "opening"),
    ("荣誉", "honours"),
    ("工作", "work"),
    ("亮点", "highlights"),
    ("不足", "shortcomings"),
    ("第一责任人", "duties"),
    ("打算", "plans"),
    ("其他", "other"),
    ("附件", "attachments"),
    ("数据", "figures"),
];

const BUREAU_FIELDS: &[Field] = &[
    ("名称", "name"),
    ("级别", "level"),
    ("自称", "self"),
    ("范围", "scope"),
];

const CIRCULAR_FIELDS: &[Field] = &[("标题", "title"), ("正文", "body")];

const LAYOUT_FIELDS: &[Field] = &[
    ("标题接排", "run_in"),
    ("要点分段", "points_split"),
    ("标题加粗", "bold_headings"),
];

const SECTION_FIELDS: &[Field] = &[
    ("标题", "heading"),
    ("引言", "intro"),
    ("部分", "parts"),
    ("要点", "points"),
    ("标题接排", "run_in"),
    ("要点分段", "points_split"),
];

const WORK_FIELDS: &[Field] = &[
    ("标题", "heading"),
    ("引言", "intro"),
    ("部分", "parts"),
    ("要点", "points"),
    ("标题接排", "run_in"),
    ("要点分段", "points_split"),
    ("分章", "thematic"),
];

const PART_FIELDS: &[Field] = &[
    ("标题", "heading"),
    ("正文", "text"),
    ("要点", "points"),
    ("部分", "parts"),
    ("标题接排", "run_in"),
    ("要点分段", "points_split"),
];

const POINT_FIELDS: &[Field] = &[("标题", "heading"), ("正文", "text")];

const FIGURE_FIELDS: &[Field] = &[
    ("值", "value"),
    ("单位", "unit"),
    ("目标", "target"),
    ("上年", "last_year"),
    ("属于", "part_of"),
];

/// The top-level keys that hold a section, with its role.
const SECTION_KEYS: [(&str, Role); 6] = [
    ("工作", Role::Work),
    ("亮点", Role::Highlights),
    ("不足", Role::Shortcomings),
    ("第一责任人", Role::Duties),
    ("打算", Role::Plans),
    ("其他", Role::Other),
];

/// What loading a file gives: the report as far as it could be read, and
/// the problems found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The report; `None` when the file is not YAML or not a mapping.
    pub report: Option<Report>,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a data file for a command that needs it whole (rollover, diff,
/// merge): the report, or an error listing every problem with the file.
pub fn load_valid(path: &str, source: &str) -> Result<Report, Error> {
    let loaded = load(source);
    let errors: Vec<Diagnostic> = loaded
        .diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    match loaded.report {
        Some(report) if errors.is_empty() => Ok(report),
        _ => Err(Error::Invalid(Diagnostics::new(path, source, errors))),
    }
}

/// Reads a data file's text into a report, collecting every schema problem.
pub fn load(source: &str) -> Loaded {
    let root = match yaml::parse(source) {
        Ok(root) => root,
        Err(diagnostic) => {
            return Loaded {
                report: None,
                diagnostics: vec![diagnostic],
            };
        }
    };
    let mut loader = Loader {
        source,
        diagnostics: Vec::new(),
    };
    let report = loader.report(&root);
    Loaded {
        report,
        diagnostics: loader.diagnostics,
    }
}

/// The entries of a mapping node, by canonical (Chinese) key.
struct Entries<'n> {
    found: Vec<(&'static str, &'n Node)>,
    span: Span,
}

impl<'n> Entries<'n> {
    fn get(&self, key: &str) -> Option<&'n Node> {
        self.found
            .iter()
            .find(|(name, node)| *name == key && node.value != Value::Null)
            .map(|(_, node)| *node)
    }
}

struct Loader<'s> {
    source: &'s str,
    diagnostics: Vec<Diagnostic>,
}

impl Loader<'_> {
    fn error(&mut self, message: String, span: &Span) {
        self.diagnostics
            .push(Diagnostic::error(message, Some(span.clone())));
    }

    fn wrong_type(&mut self, node: &Node, what: &str, expected: &str) {
        self.error(
            format!("“{what}”应为{expected}，这里是{}", node.value.kind_name()),
            &node.span,
        );
    }

    fn missing(&mut self, key: &str, what: &str, span: &Span) {
        let place = if what.is_empty() {
            "数据文件".to_string()
        } else {
            format!("“{what}”")
        };
        self.error(format!("{place}缺少必填的键“{key}”"), span);
    }

    /// The entries of a mapping, reporting keys that are not in `allowed`.
    fn entries<'n>(
        &mut self,
        node: &'n Node,
        allowed: &[Field],
        what: &str,
    ) -> Option<Entries<'n>> {
        let Value::Map(pairs) = &node.value else {
            self.wrong_type(node, what, "映射（键: 值）");
            return None;
        };
        let mut found: Vec<(&'static str, &'n Node)> = Vec::new();
        for (key, value) in pairs {
            match canonical_key(&key.name, allowed) {
                Some(name) if found.iter().any(|(seen, _)| *seen == name) => self.error(
                    format!("键“{name}”重复出现（中英文键名视为同一个）"),
                    &key.span,
                ),
                Some(name) => found.push((name, value)),
                None => self.unknown_key(key, allowed, what),
            }
        }
        Some(Entries {
            found,
            span: node.span.clone(),
        })
    }

    fn unknown_key(&mut self, key: &Key, allowed: &[Field], what: &str) {
        let place = if what.is_empty() {
            "顶层".to_string()
        } else {
            format!("“{what}”中")
        };
        let mut message = format!("未知的键“{}”", key.name);
        if let Some(suggestion) = closest_key(&key.name, allowed) {
            message.push_str(&format!("；是不是“{suggestion}”？"));
        }
        let listed: Vec<String> = allowed
            .iter()
            .map(|(zh, en)| format!("{zh}（{en}）"))
            .collect();
        self.diagnostics.push(
            Diagnostic::error(message, Some(key.span.clone()))
                .with_note(format!("{place}允许的键：{}", listed.join("、"))),
        );
    }

    fn report(&mut self, root: &Node) -> Option<Report> {
        let top = self.entries(root, TOP_FIELDS, "")?;
        let bureau = self.bureau(&top);
        let (year, year_span) = self.year(&top);
        let kind = self.kind(&top);
        let mut report = Report {
            bureau,
            year,
            year_span,
            kind,
            title: self.optional_text(&top, "标题"),
            date: self.date(&top),
            recipient: self.optional_text(&top, "主送机关"),
            signature: self.optional_text(&top, "署名"),
            circular: self.circular(&top),
            layout: self.layout(&top),
            opening: top
                .get("开头")
                .map(|n| self.paragraphs(n, "开头"))
                .unwrap_or_default(),
            honours: top
                .get("荣誉")
                .map(|n| self.text_list(n, "荣誉"))
                .unwrap_or_default(),
            sections: Vec::new(),
            attachments: top
                .get("附件")
                .map(|n| self.text_list(n, "附件"))
                .unwrap_or_default(),
            figures: top.get("数据").map(|n| self.figures(n)).unwrap_or_default(),
        };
        for (key, role) in SECTION_KEYS {
            if let Some(node) = top.get(key) {
                report.sections.push(self.section(node, key, role));
            }
        }
        Some(report)
    }

    fn bureau(&mut self, top: &Entries) -> Bureau {
        let mut bureau = Bureau {
            name: String::new(),
            level: Level::City,
            self_name: "我局".to_string(),
            scope: String::new(),
        };
        let mut level = None;
        let mut scope = None;
        match top.get("单位") {
            None => self.missing("单位", "", &top.span),
            Some(node) if matches!(node.value, Value::Str(_)) => {
                bureau.name = self.text(node, "单位").map(|t| t.value).unwrap_or_default();
            }
            Some(node) => {
                if let Some(fields) = self.entries(node, BUREAU_FIELDS, "单位") {
                    match fields.get("名称") {
                        Some(name) => {
                            bureau.name = self
                                .text(name, "单位.名称")
                                .map(|t| t.value)
                                .unwrap_or_default();
                        }
                        None => self.missing("名称", "单位", &node.span),
                    }
                    level = fields.get("级别").and_then(|n| self.level(n));
                    if let Some(name) = fields.get("自称").and_then(|n| self.text(n, "单位.自称"))
                    {
                        bureau.self_name = name.value;
                    }
                    scope = fields.get("范围").and_then(|n| self.text(n, "单位.范围"));
                }
            }
        }
        bureau.level = level.unwrap_or_else(|| Level::from_bureau_name(&bureau.name));
        bureau.scope = scope.map_or_else(|| bureau.level.scope(), |t| t.value);
        bureau
    }

    fn level(&mut self, node: &Node) -> Option<Level> {
        let text = self.text(node, "单位.级别")?;
        let level = Level::from_name(&text.value);
        if level.is_none() {
            self.error(
                format!("“单位.级别”应为 省、市、县 或 区，这里是“{}”", text.value),
                &node.span,
            );
        }
        level
    }

    fn year(&mut self, top: &Entries) -> (i32, Option<Span>) {
        let Some(node) = top.get("年度") else {
            self.missing("年度", "", &top.span);
            return (0, None);
        };
        let year = match &node.value {
            Value::Int(year) => i32::try_from(*year).ok(),
            Value::Str(text) => text.trim().trim_end_matches('年').parse().ok(),
            _ => None,
        };
        match year {
            Some(year) => (year, Some(node.span.clone())),
            None => {
                self.error(
                    format!("“年度”应为四位数的年份，如 2024；这里是{}", describe(node)),
                    &node.span,
                );
                (0, None)
            }
        }
    }

    fn kind(&mut self, top: &Entries) -> Kind {
        let Some(node) = top.get("类型") else {
            self.missing("类型", "", &top.span);
            return Kind::WorkSummary;
        };
        let kind = self
            .text(node, "类型")
            .and_then(|t| Kind::from_name(&t.value));
        kind.unwrap_or_else(|| {
            if matches!(node.value, Value::Str(_)) {
                self.error(
                    format!(
                        "“类型”应为 工作总结 或 法治政府建设年度报告，这里是{}",
                        describe(node)
                    ),
                    &node.span,
                );
            }
            Kind::WorkSummary
        })
    }

    fn date(&mut self, top: &Entries) -> Option<NaiveDate> {
        let node = top.get("成文日期")?;
        let text = self.text(node, "成文日期")?;
        let date = parse_date(&text.value);
        if date.is_none() {
            self.error(
                format!(
                    "“成文日期”不是有效日期：“{}”；请写成 2024-01-15 或 2024年1月15日",
                    text.value
                ),
                &node.span,
            );
        }
        date
    }

    fn circular(&mut self, top: &Entries) -> Option<Circular> {
        let node = top.get("印发通知")?;
        match &node.value {
            Value::Bool(false) => None,
            Value::Bool(true) => Some(Circular {
                title: None,
                body: None,
            }),
            Value::Str(text) if is_yes(text) => Some(Circular {
                title: None,
                body: None,
            }),
            Value::Str(text) if is_no(text) => None,
            _ => {
                let fields = self.entries(node, CIRCULAR_FIELDS, "印发通知")?;
                Some(Circular {
                    title: self.optional_text(&fields, "标题"),
                    body: self.optional_text(&fields, "正文"),
                })
            }
        }
    }

    fn layout(&mut self, top: &Entries) -> Layout {
        let mut layout = Layout::default();
        if let Some(fields) = top
            .get("版式")
            .and_then(|n| self.entries(n, LAYOUT_FIELDS, "版式"))
        {
            layout.run_in = self
                .optional_bool(&fields, "标题接排", "版式")
                .unwrap_or(false);
            layout.points_split = self
                .optional_bool(&fields, "要点分段", "版式")
                .unwrap_or(false);
            layout.bold_headings = self
                .optional_bool(&fields, "标题加粗", "版式")
                .unwrap_or(false);
        }
        layout
    }

    fn section(&mut self, node: &Node, key: &str, role: Role) -> Section {
        let allowed = if role == Role::Work {
            WORK_FIELDS
        } else {
            SECTION_FIELDS
        };
        match &node.value {
            Value::Str(_) => Section {
                role,
                body: Part {
                    text: self.paragraphs(node, key),
                    ..Part::default()
                },
                thematic: false,
            },
            Value::Seq(_) => Section {
                role,
                body: Part {
                    parts: self.parts(node, key),
                    ..Part::default()
                },
                thematic: false,
            },
            _ => {
                let Some(fields) = self.entries(node, allowed, key) else {
                    return empty_section(role);
                };
                let thematic = self.optional_bool(&fields, "分章", key).unwrap_or(false);
                let body = self.part_fields(&fields, key, "引言");
                Section {
                    role,
                    body,
                    thematic,
                }
            }
        }
    }

    /// The fields shared by sections and parts; `text_key` is 引言 for a
    /// section and 正文 for a part.
    fn part_fields(&mut self, fields: &Entries, what: &str, text_key: &str) -> Part {
        Part {
            heading: self.optional_text(fields, "标题"),
            text: fields
                .get(text_key)
                .map(|n| self.paragraphs(n, &format!("{what}.{text_key}")))
                .unwrap_or_default(),
            points: fields
                .get("要点")
                .map(|n| self.points(n, &format!("{what}.要点")))
                .unwrap_or_default(),
            parts: fields
                .get("部分")
                .map(|n| self.parts(n, &format!("{what}.部分")))
                .unwrap_or_default(),
            run_in: self.optional_bool(fields, "标题接排", what),
            points_split: self.optional_bool(fields, "要点分段", what),
        }
    }

    fn parts(&mut self, node: &Node, what: &str) -> Vec<Part> {
        let Value::Seq(items) = &node.value else {
            self.wrong_type(node, what, "列表（每项以“- ”开头）");
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.part(item, &format!("{what}[{}]", i + 1)))
            .collect()
    }

    fn part(&mut self, node: &Node, what: &str) -> Option<Part> {
        match &node.value {
            Value::Null => None,
            Value::Str(_) => Some(Part {
                heading: self.text(node, what),
                ..Part::default()
            }),
            _ => {
                let fields = self.entries(node, PART_FIELDS, what)?;
                Some(self.part_fields(&fields, what, "正文"))
            }
        }
    }

    fn points(&mut self, node: &Node, what: &str) -> Vec<Point> {
        let Value::Seq(items) = &node.value else {
            self.wrong_type(node, what, "列表（每项以“- ”开头）");
            return Vec::new();
        };
        let mut points = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let what = format!("{what}[{}]", i + 1);
            match &item.value {
                Value::Null => {}
                Value::Map(_) => {
                    if let Some(fields) = self.entries(item, POINT_FIELDS, &what) {
                        points.push(Point {
                            heading: self.optional_text(&fields, "标题"),
                            text: self.optional_text(&fields, "正文"),
                        });
                    }
                }
                _ => {
                    if let Some(text) = self.text(item, &what) {
                        points.push(Point {
                            heading: None,
                            text: Some(text),
                        });
                    }
                }
            }
        }
        points
    }

    fn figures(&mut self, node: &Node) -> Vec<Figure> {
        let Value::Map(pairs) = &node.value else {
            self.wrong_type(node, "数据", "映射（名称: 数值）");
            return Vec::new();
        };
        pairs
            .iter()
            .filter_map(|(key, value)| self.figure(key, value))
            .collect()
    }

    fn figure(&mut self, key: &Key, node: &Node) -> Option<Figure> {
        let mut figure = Figure {
            name: key.name.trim().to_string(),
            value: None,
            unit: String::new(),
            target: None,
            last_year: None,
            part_of: None,
            span: Some(key.span.clone()),
            value_span: None,
        };
        if let Some(problem) = cite::name_problem(&figure.name) {
            self.error(problem, &key.span);
            return None;
        }
        let what = format!("数据.{}", figure.name);
        match &node.value {
            Value::Map(_) => {
                let fields = self.entries(node, FIGURE_FIELDS, &what)?;
                self.figure_fields(&mut figure, &fields, &what);
            }
            Value::Null => {}
            _ => {
                figure.value_span = Some(node.span.clone());
                let (quantity, unit) = self.quantity(node, &what)?;
                figure.value = Some(quantity);
                figure.unit = unit;
            }
        }
        Some(figure)
    }

    /// A figure written out key by key: 值, 单位, 目标, 上年, 属于.
    fn figure_fields(&mut self, figure: &mut Figure, fields: &Entries, what: &str) {
        let unit = self.optional_text(fields, "单位").map(|t| t.value);
        match fields.get("值") {
            Some(value) => {
                figure.value_span = Some(value.span.clone());
                if let Some((quantity, written_unit)) = self.quantity(value, &format!("{what}.值"))
                {
                    figure.value = Some(quantity);
                    figure.unit = self.reconcile_unit(unit.as_deref(), written_unit, value, what);
                }
            }
            None => figure.unit = unit.unwrap_or_default(),
        }
        figure.target = self.companion_value(fields, "目标", &figure.unit, what);
        figure.last_year = self.companion_value(fields, "上年", &figure.unit, what);
        figure.part_of = self.optional_text(fields, "属于");
    }

    /// A target or last year's value, which must share the figure's unit.
    fn companion_value(
        &mut self,
        fields: &Entries,
        key: &str,
        unit: &str,
        what: &str,
    ) -> Option<Quantity> {
        let node = fields.get(key)?;
        let (quantity, written_unit) = self.quantity(node, &format!("{what}.{key}"))?;
        if !written_unit.is_empty() && written_unit != unit {
            self.error(
                format!("“{what}.{key}”的单位“{written_unit}”与“值”的单位“{unit}”不一致"),
                &node.span,
            );
        }
        Some(quantity)
    }

    fn reconcile_unit(
        &mut self,
        declared: Option<&str>,
        written: String,
        node: &Node,
        what: &str,
    ) -> String {
        match declared {
            Some(declared) if !written.is_empty() && written != declared => {
                self.error(
                    format!("“{what}”的值带单位“{written}”，与“单位: {declared}”不一致"),
                    &node.span,
                );
                declared.to_string()
            }
            Some(declared) => declared.to_string(),
            None => written,
        }
    }

    fn quantity(&mut self, node: &Node, what: &str) -> Option<(Quantity, String)> {
        let parsed = match &node.value {
            Value::Int(i) => Ok((Quantity::exact(*i as f64), String::new())),
            Value::Float(f) => Ok((Quantity::exact(*f), String::new())),
            Value::Str(text) => quantity::parse_quantity(text),
            _ => {
                self.wrong_type(node, what, "数值（如 1899件、1.2万余人次）");
                return None;
            }
        };
        match parsed {
            Ok(value) => Some(value),
            Err(problem) => {
                self.error(format!("“{what}”{problem}"), &node.span);
                None
            }
        }
    }

    fn optional_text(&mut self, fields: &Entries, key: &str) -> Option<Text> {
        fields.get(key).and_then(|n| self.text(n, key))
    }

    fn optional_bool(&mut self, fields: &Entries, key: &str, what: &str) -> Option<bool> {
        let node = fields.get(key)?;
        match &node.value {
            Value::Bool(b) => Some(*b),
            Value::Str(s) if is_yes(s) => Some(true),
            Value::Str(s) if is_no(s) => Some(false),
            _ => {
                self.wrong_type(node, &format!("{what}.{key}"), "是/否（true/false）");
                None
            }
        }
    }

    /// A single line of text; numbers are taken as written.
    fn text(&mut self, node: &Node, what: &str) -> Option<Text> {
        let value = match &node.value {
            Value::Str(s) => s.trim().to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            Value::Null => return None,
            _ => {
                self.wrong_type(node, what, "文字");
                return None;
            }
        };
        Some(Text {
            value,
            span: Some(node.span.clone()),
        })
    }

    /// Text that may hold several paragraphs: one per line of a string, or
    /// one per item of a list.
    fn paragraphs(&mut self, node: &Node, what: &str) -> Vec<Text> {
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| self.text(item, what))
                .filter(|t| !t.value.is_empty())
                .collect(),
            _ => match self.text(node, what) {
                Some(text) => split_paragraphs(self.source, &text),
                None => Vec::new(),
            },
        }
    }

    /// A list of one-line texts; a single string is a list of one.
    fn text_list(&mut self, node: &Node, what: &str) -> Vec<Text> {
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| self.text(item, what))
                .collect(),
            _ => self.text(node, what).into_iter().collect(),
        }
    }
}

fn empty_section(role: Role) -> Section {
    Section {
        role,
        body: Part::default(),
        thematic: false,
    }
}

/// Splits text into its lines, each narrowed to where it is written when it
/// can be found in the source.
fn split_paragraphs(source: &str, text: &Text) -> Vec<Text> {
    let Some(span) = &text.span else {
        return vec![text.clone()];
    };
    let mut search_from = span.bytes.start;
    text.value
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let found = source
                .get(search_from..span.bytes.end.max(search_from))
                .and_then(|window| window.find(line));
            let span = match found {
                Some(at) => {
                    let start = search_from + at;
                    search_from = start + line.len();
                    Span::from_bytes(source, start..start + line.len())
                }
                None => span.clone(),
            };
            Text {
                value: line.to_string(),
                span: Some(span),
            }
        })
        .collect()
}

/// The Chinese name of a top-level key written in Chinese or English.
pub fn top_level_key(name: &str) -> Option<&'static str> {
    canonical_key(name, TOP_FIELDS)
}

fn canonical_key(name: &str, allowed: &[Field]) -> Option<&'static str> {
    let name = name.trim();
    allowed
        .iter()
        .find(|(zh, en)| *zh == name || en.eq_ignore_ascii_case(name))
        .map(|(zh, _)| *zh)
}

/// The allowed key nearest to a mistyped one, if any is close.
fn closest_key(name: &str, allowed: &[Field]) -> Option<&'static str> {
    allowed
        .iter()
        .flat_map(|(zh, en)| [(*zh, *zh), (*zh, *en)])
        .map(|(zh, candidate)| (zh, edit_distance(name, candidate)))
        .filter(|(_, distance)| *distance <= (name.chars().count() / 2).max(1))
        .min_by_key(|(_, distance)| *distance)
        .map(|(zh, _)| zh)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

fn describe(node: &Node) -> String {
    match &node.value {
        Value::Str(s) => format!("“{s}”"),
        other => other.kind_name().to_string(),
    }
}

fn is_yes(text: &str) -> bool {
    matches!(text.trim(), "是" | "对" | "接排" | "分段")
}

fn is_no(text: &str) -> bool {
    matches!(text.trim(), "否" | "不" | "独立成行" | "不分段")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(source: &str) -> Vec<String> {
        load(source)
            .diagnostics
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    const MINIMAL: &str =
        "单位: 长治市司法局\n年度: 2022\n类型: 工作总结\n开头: 一年来成绩显著。\n";

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
        assert_eq!(consult.value.unwrap().value(), 12000.0);
        assert!(consult.value.unwrap().approximate);
        assert_eq!(
            report.figure("受理").unwrap().target.unwrap().value(),
            1708.0
        );
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
        assert_eq!(closest_key("标体", PART_FIELDS), Some("标题"));
        assert_eq!(closest_key("headng", PART_FIELDS), Some("标题"));
        assert_eq!(closest_key("完全无关的键", PART_FIELDS), None);
    }
}
