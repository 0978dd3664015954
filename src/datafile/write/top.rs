//! The top of a written data file: a header on how to use it, the bureau,
//! year and kind, title and dates, the circular, the layout, the opening
//! and honours, and the attachments.

use super::{Writer, scalar, yes_no};
use crate::datafile::keys::{self, Key, Place};
use crate::datafile::model::Report;

/// The Chinese name of a top-level key.
fn top(key: Key) -> &'static str {
    keys::name(Place::Top, key)
}

impl Writer<'_> {
    pub(super) fn header(&mut self, report: &Report) {
        self.comment(
            0,
            &format!(
                "zongjie 数据文件：{}{}年{}\n检查：zongjie check 本文件；生成报告：zongjie render 本文件 -o 报告.docx\n正文中用 {{名称}} 引用“数据”里的数字，如 {{法律援助受理}}；{{名称.比率}}、{{名称.完成率}}、\n{{名称.同比}} 等算出的数字，以及 {{年度}}、{{下一年度}}、{{自称}}、{{范围}}、{{项数}}，见 README。\n以 # 开头的行是说明，不会进入报告；去掉行首的 # 即可启用该项。",
                report.bureau.name,
                report.year,
                report.kind.chinese_name()
            ),
        );
        self.blank();
    }

    pub(super) fn basics(&mut self, report: &Report) {
        self.bureau(report);
        self.comment(0, &keys::comment(Key::Year));
        self.line(0, &format!("{}: {}", top(Key::Year), report.year));
        self.comment(0, &keys::comment(Key::Kind));
        self.line(
            0,
            &format!("{}: {}", top(Key::Kind), report.kind.chinese_name()),
        );
        self.comment(0, &keys::comment(Key::Title));
        let standard = report.kind.standard_title(&report.bureau.name, report.year);
        self.optional(0, top(Key::Title), report.title.as_ref(), &standard);
        self.comment(0, &keys::comment(Key::Date));
        match report.date {
            Some(date) => self.line(
                0,
                &format!("{}: {}", top(Key::Date), date.format("%Y-%m-%d")),
            ),
            None => self.line(
                0,
                &format!("# {}: {}-01-15", top(Key::Date), report.year + 1),
            ),
        }
        self.comment(0, &keys::comment(Key::Recipient));
        let recipient = keys::field_at(Place::Top, Key::Recipient).example;
        self.optional(0, top(Key::Recipient), report.recipient.as_ref(), recipient);
        self.comment(0, &keys::comment(Key::Signature));
        let signature = report.signature.as_ref();
        self.optional(0, top(Key::Signature), signature, &report.bureau.name);
        self.circular(report);
        self.layout(report);
        self.blank();
    }

    fn bureau(&mut self, report: &Report) {
        let bureau = &report.bureau;
        let name = |key| keys::name(Place::Bureau, key);
        self.comment(0, &keys::comment(Key::Bureau));
        self.line(0, &format!("{}:", top(Key::Bureau)));
        self.line(1, &format!("{}: {}", name(Key::Name), scalar(&bureau.name)));
        let level = bureau.level.chinese_name();
        self.line(1, &format!("{}: {level}", name(Key::Level)));
        let self_name = scalar(&bureau.self_name);
        self.line(1, &format!("{}: {self_name}", name(Key::SelfName)));
        if bureau.scope == bureau.level.scope() {
            self.line(1, &format!("# {}: {}", name(Key::Scope), bureau.scope));
        } else {
            self.line(
                1,
                &format!("{}: {}", name(Key::Scope), scalar(&bureau.scope)),
            );
        }
    }

    fn circular(&mut self, report: &Report) {
        self.comment(0, &keys::comment(Key::Circular));
        let key = top(Key::Circular);
        match &report.circular {
            None => self.line(0, &format!("# {key}: 是")),
            Some(circular) if circular.title.is_none() && circular.body.is_none() => {
                self.line(0, &format!("{key}: 是"))
            }
            Some(circular) => {
                self.line(0, &format!("{key}:"));
                let name = |key| keys::name(Place::Circular, key);
                if let Some(title) = &circular.title {
                    if title.value.is_empty() {
                        self.comment(1, "这份印发通知没有标题。GB/T 9704 要求有标题：删去下面这一行，生成时即加上“署名关于印发《报告标题》的通知”。");
                    }
                    self.scalar(1, name(Key::Title), title);
                }
                if let Some(body) = &circular.body {
                    self.scalar(1, name(Key::Text), body);
                }
            }
        }
    }

    fn layout(&mut self, report: &Report) {
        self.comment(0, &keys::comment(Key::Layout));
        let layout = &report.layout;
        let name = |key| keys::name(Place::Layout, key);
        let flags = [
            (name(Key::RunIn), layout.run_in),
            (name(Key::PointsSplit), layout.points_split),
            (name(Key::BoldHeadings), layout.bold_headings),
        ];
        if flags.iter().any(|(_, on)| *on) {
            self.line(0, &format!("{}:", top(Key::Layout)));
            for (key, on) in flags {
                self.line(1, &format!("{key}: {}", yes_no(on)));
            }
        } else {
            self.line(0, &format!("# {}:", top(Key::Layout)));
            self.line(0, &format!("#   {}: 是", name(Key::RunIn)));
        }
    }

    pub(super) fn opening(&mut self, report: &Report) {
        self.comment(0, &keys::comment(Key::Opening));
        let opening = top(Key::Opening);
        if report.opening.is_empty() {
            self.line(0, &format!("# {opening}: |"));
            self.line(0, "#   {年度}年，……");
        } else {
            self.paragraphs(0, opening, &report.opening);
        }
        self.comment(0, &keys::comment(Key::Honours));
        let honours = top(Key::Honours);
        if report.honours.is_empty() {
            self.line(0, &format!("# {honours}:"));
            let example = keys::field_at(Place::Top, Key::Honours).example;
            self.line(0, &format!("#   - {example}"));
        } else {
            self.list(0, honours, &report.honours);
        }
        self.blank();
    }

    pub(super) fn attachments(&mut self, report: &Report) {
        self.comment(0, &keys::comment(Key::Attachments));
        let key = top(Key::Attachments);
        if report.attachments.is_empty() {
            self.line(0, &format!("# {key}:"));
            self.line(0, "#   - ……");
        } else {
            self.line(0, &format!("{key}:"));
            for attachment in &report.attachments {
                self.attachment(1, attachment);
            }
        }
        self.blank();
    }
}
