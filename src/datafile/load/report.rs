//! The top of the data file: the bureau, the year, the kind of report, its
//! title and dates, the circular and the layout; then the opening, the
//! sections, attachments and figures, each read by its own reader.

use chrono::NaiveDate;

use super::{Entries, Loader, describe, is_no, is_yes};
use crate::base::diagnostic::Span;
use crate::datafile::keys::{self, Key, Place};
use crate::datafile::model::{Attachment, Bureau, Circular, Layout, Part, Report, Section};
use crate::genre::dates::parse_date;
use crate::genre::kinds::{Kind, Level};
use crate::input::yaml::{Node, Value};

impl Loader<'_> {
    pub(super) fn report(&mut self, root: &Node) -> Option<Report> {
        let top = self.entries(root, Place::Top, "")?;
        let bureau = self.bureau(&top);
        let (year, year_span) = self.year(&top);
        let kind = self.kind(&top);
        let mut report = Report {
            bureau,
            year,
            year_span,
            kind,
            title: self.optional_text(&top, Key::Title, "标题"),
            date: self.date(&top),
            date_span: top.get(Key::Date).map(|n| n.span.clone()),
            recipient: self.optional_text(&top, Key::Recipient, "主送机关"),
            signature: self.optional_text(&top, Key::Signature, "署名"),
            circular: self.circular(&top),
            layout: self.layout(&top),
            opening: top
                .get(Key::Opening)
                .map(|n| self.paragraphs(n, "开头"))
                .unwrap_or_default(),
            honours: top
                .get(Key::Honours)
                .map(|n| self.text_list(n, "荣誉"))
                .unwrap_or_default(),
            sections: Vec::new(),
            attachments: top
                .get(Key::Attachments)
                .map(|n| self.attachments(n))
                .unwrap_or_default(),
            figures: top
                .get(Key::Figures)
                .map(|n| self.figures(n))
                .unwrap_or_default(),
        };
        for (key, role) in keys::SECTIONS {
            let name = keys::name(Place::Top, key);
            if let Some(node) = top.get(key) {
                report.sections.push(self.section(node, name, role));
            } else if top.has(key) {
                // A section key with nothing under it is a section still to
                // write (as rollover leaves next year's plans).
                report.sections.push(Section {
                    role,
                    body: Part::default(),
                    thematic: false,
                });
            }
        }
        Some(report)
    }

    /// 附件: names, none of them empty, or attachments with their content.
    fn attachments(&mut self, node: &Node) -> Vec<Attachment> {
        let items: Vec<&Node> = match &node.value {
            Value::Seq(items) => items.iter().collect(),
            _ => vec![node],
        };
        let mut attachments = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            let what = format!("附件[{}]", i + 1);
            if let Some(attachment) = self.attachment(item, &what) {
                attachments.push(attachment);
            }
        }
        attachments
    }

    /// One attachment: its name, or a mapping with 名称 and its content.
    fn attachment(&mut self, node: &Node, what: &str) -> Option<Attachment> {
        if !matches!(node.value, Value::Map(_)) {
            let name = self.text(node, "附件")?;
            self.warn_if_empty(&Some(name.clone()), "附件");
            return Some(Attachment::named(name));
        }
        let fields = self.entries(node, Place::Attachment, what)?;
        let Some(name) = self.optional_text(&fields, Key::Name, &format!("{what}.名称")) else {
            self.missing("名称", what, &node.span);
            return None;
        };
        self.warn_if_empty(&Some(name.clone()), &format!("{what}.名称"));
        let mut body = self.part_fields(&fields, what, Key::Text);
        let title = body.heading.take();
        Some(Attachment {
            name,
            title,
            body: body.has_content().then_some(body),
        })
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
        match top.get(Key::Bureau) {
            None => self.missing("单位", "", &top.span),
            Some(node) if matches!(node.value, Value::Scalar(_)) => {
                let name = self.text(node, "单位");
                self.warn_if_empty(&name, "单位");
                bureau.name = name.map(|t| t.value).unwrap_or_default();
            }
            Some(node) => {
                if let Some(fields) = self.entries(node, Place::Bureau, "单位") {
                    match fields.get(Key::Name) {
                        Some(name) => {
                            let name = self.text(name, "单位.名称");
                            self.warn_if_empty(&name, "单位.名称");
                            bureau.name = name.map(|t| t.value).unwrap_or_default();
                        }
                        None => self.missing("名称", "单位", &node.span),
                    }
                    level = fields.get(Key::Level).and_then(|n| self.level(n));
                    if let Some(name) = self.optional_text(&fields, Key::SelfName, "单位.自称")
                    {
                        bureau.self_name = name.value;
                    }
                    scope = self.optional_text(&fields, Key::Scope, "单位.范围");
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

    /// The year, written 2024 or 2024年.
    fn year(&mut self, top: &Entries) -> (i32, Option<Span>) {
        let Some(node) = top.get(Key::Year) else {
            self.missing("年度", "", &top.span);
            return (0, None);
        };
        let year = match &node.value {
            Value::Scalar(scalar) => {
                let digits = scalar.text.trim().trim_end_matches('年');
                let decimal = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
                decimal.then(|| digits.parse().ok()).flatten()
            }
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
        let Some(node) = top.get(Key::Kind) else {
            self.missing("类型", "", &top.span);
            return Kind::WorkSummary;
        };
        let kind = self
            .text(node, "类型")
            .and_then(|t| Kind::from_name(&t.value));
        kind.unwrap_or_else(|| {
            if matches!(node.value, Value::Scalar(_)) {
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
        let node = top.get(Key::Date)?;
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

    /// 印发通知: 是/否, or the circular's own title and text.
    fn circular(&mut self, top: &Entries) -> Option<Circular> {
        let node = top.get(Key::Circular)?;
        let plain = Circular {
            title: None,
            body: None,
        };
        match &node.value {
            Value::Scalar(scalar) => {
                let text = scalar.text.trim();
                if is_yes(text) || text.eq_ignore_ascii_case("true") {
                    Some(plain)
                } else if !(is_no(text) || text.eq_ignore_ascii_case("false")) {
                    self.wrong_type(node, "印发通知", "是/否，或含标题、正文的映射");
                    None
                } else {
                    None
                }
            }
            _ => {
                let fields = self.entries(node, Place::Circular, "印发通知")?;
                Some(Circular {
                    title: self.optional_text(&fields, Key::Title, "印发通知.标题"),
                    body: self.optional_text(&fields, Key::Text, "印发通知.正文"),
                })
            }
        }
    }

    fn layout(&mut self, top: &Entries) -> Layout {
        let mut layout = Layout::default();
        if let Some(fields) = top
            .get(Key::Layout)
            .and_then(|n| self.entries(n, Place::Layout, "版式"))
        {
            let mut flag = |key, what| self.optional_bool(&fields, key, what).unwrap_or(false);
            layout.run_in = flag(Key::RunIn, "版式.标题接排");
            layout.points_split = flag(Key::PointsSplit, "版式.要点分段");
            layout.bold_headings = flag(Key::BoldHeadings, "版式.标题加粗");
        }
        layout
    }
}
