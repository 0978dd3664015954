//! Writing a report back out as a data file: the commented layout that
//! `init` writes and that `rollover`, `import` and `merge` write too, so a
//! clerk meets the same file whatever made it. Keys a file does not use
//! are shown commented out, with a word on what they are for.

use std::fmt::Write;

use crate::datafile::model::{Figure, Part, Point, Report, Section, Text};
use crate::genre::kinds::{Kind, Role};
use crate::genre::quantity;
use crate::genre::quantity::Quantity;

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
/// [`write`] would.
pub fn section_block(report: &Report, role: Role, notes: &dyn Annotate) -> String {
    let mut writer = Writer::new(notes);
    writer.section(report, role);
    writer.out
}

/// Writes the `数据` block as [`write`] would.
pub fn figures_block(report: &Report, notes: &dyn Annotate) -> String {
    let mut writer = Writer::new(notes);
    writer.figures(report);
    writer.out
}

struct Writer<'a> {
    out: String,
    notes: &'a dyn Annotate,
}

const INDENT: &str = "  ";

impl<'a> Writer<'a> {
    fn new(notes: &'a dyn Annotate) -> Writer<'a> {
        Writer {
            out: String::new(),
            notes,
        }
    }

    fn line(&mut self, depth: usize, text: &str) {
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
        self.out.push_str(text);
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

    fn header(&mut self, report: &Report) {
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

    fn basics(&mut self, report: &Report) {
        self.comment(0, "单位：名称写全称；级别为 省、市、县 或 区；自称是正文里对本单位的称呼；\n范围是对全辖区的称呼，不写则按级别为“全市”“全县”等");
        self.line(0, "单位:");
        self.line(1, &format!("名称: {}", scalar(&report.bureau.name)));
        self.line(1, &format!("级别: {}", report.bureau.level.chinese_name()));
        self.line(1, &format!("自称: {}", scalar(&report.bureau.self_name)));
        if report.bureau.scope == report.bureau.level.scope() {
            self.line(1, &format!("# 范围: {}", report.bureau.scope));
        } else {
            self.line(1, &format!("范围: {}", scalar(&report.bureau.scope)));
        }
        self.comment(
            0,
            "年度：报告总结的年份。类型：工作总结 或 法治政府建设年度报告",
        );
        self.line(0, &format!("年度: {}", report.year));
        self.line(0, &format!("类型: {}", report.kind.chinese_name()));
        self.comment(0, "标题：不写则用本类报告的标准标题；写成 \"\" 则不要标题");
        self.optional(
            0,
            "标题",
            report.title.as_ref(),
            &format!("{}{}年工作总结", report.bureau.name, report.year),
        );
        self.comment(0, "成文日期：写成 2024-01-15；不写则报告末尾不署日期");
        match report.date {
            Some(date) => self.line(0, &format!("成文日期: {}", date.format("%Y-%m-%d"))),
            None => self.line(0, &format!("# 成文日期: {}-01-15", report.year + 1)),
        }
        self.comment(
            0,
            "主送机关、署名：需要时填写；署名不写而有成文日期时，用单位名称",
        );
        self.optional(0, "主送机关", report.recipient.as_ref(), "市委依法治市办");
        self.optional(0, "署名", report.signature.as_ref(), &report.bureau.name);
        self.circular(report);
        self.layout(report);
        self.blank();
    }

    fn circular(&mut self, report: &Report) {
        self.comment(0, "印发通知：以通知印发本报告时填写（是，或写出标题、正文）；主送机关、署名、成文日期随通知");
        match &report.circular {
            None => self.line(0, "# 印发通知: 是"),
            Some(circular) if circular.title.is_none() && circular.body.is_none() => {
                self.line(0, "印发通知: 是")
            }
            Some(circular) => {
                self.line(0, "印发通知:");
                if let Some(title) = &circular.title {
                    self.scalar(1, "标题", title);
                }
                if let Some(body) = &circular.body {
                    self.scalar(1, "正文", body);
                }
            }
        }
    }

    fn layout(&mut self, report: &Report) {
        self.comment(0, "版式：标题接排 指（一）等小标题与正文接排在同一段（否则单独成行）；\n要点分段 指“一是…二是…”各自成段（否则接排在一段内）；标题加粗 用于 .docx");
        let layout = &report.layout;
        let flags = [
            ("标题接排", layout.run_in),
            ("要点分段", layout.points_split),
            ("标题加粗", layout.bold_headings),
        ];
        if flags.iter().any(|(_, on)| *on) {
            self.line(0, "版式:");
            for (key, on) in flags {
                self.line(1, &format!("{key}: {}", yes_no(on)));
            }
        } else {
            self.line(0, "# 版式:");
            self.line(0, "#   标题接排: 是");
        }
    }

    fn opening(&mut self, report: &Report) {
        self.comment(0, "开头：报告的开头段落，每行一段");
        if report.opening.is_empty() {
            self.line(0, "# 开头: |");
            self.line(0, "#   {年度}年，……");
        } else {
            self.paragraphs(0, "开头", &report.opening);
        }
        self.comment(0, "荣誉：获得的表彰，每项一句，接在开头之后");
        if report.honours.is_empty() {
            self.line(0, "# 荣誉:");
            self.line(0, "#   - ……获得省部级以上表彰");
        } else {
            self.list(0, "荣誉", &report.honours);
        }
        self.blank();
    }

    fn section(&mut self, report: &Report, role: Role) {
        let (key, help) = section_help(report.kind, role);
        self.comment(0, help);
        match report.section(role) {
            Some(section) if section.body.has_content() => self.section_body(key, section),
            Some(section) => {
                self.section_body(key, section);
                self.line(1, "# 部分:");
                self.line(1, "#   - 标题: ……");
                self.line(1, "#     正文: ……");
            }
            None => {
                self.line(0, &format!("# {key}:"));
                self.line(0, "#   - 标题: ……");
                self.line(0, "#     正文: ……");
            }
        }
        self.blank();
    }

    fn section_body(&mut self, key: &str, section: &Section) {
        let body = &section.body;
        self.line(0, &format!("{key}:"));
        if let Some(heading) = &body.heading {
            self.scalar(1, "标题", heading);
        }
        if section.thematic {
            self.line(1, "分章: 是");
        }
        self.part_flags(1, body);
        if !body.text.is_empty() {
            self.paragraphs(1, "引言", &body.text);
        }
        self.points(1, &body.points);
        self.parts(1, &body.parts);
    }

    fn part_flags(&mut self, depth: usize, part: &Part) {
        if let Some(run_in) = part.run_in {
            self.line(depth, &format!("标题接排: {}", yes_no(run_in)));
        }
        if let Some(split) = part.points_split {
            self.line(depth, &format!("要点分段: {}", yes_no(split)));
        }
    }

    fn parts(&mut self, depth: usize, parts: &[Part]) {
        if parts.is_empty() {
            return;
        }
        self.line(depth, "部分:");
        for part in parts {
            self.part(depth + 1, part);
        }
    }

    /// A part as a list item: a bare string when it is only a heading,
    /// otherwise a mapping whose first key follows the dash.
    fn part(&mut self, depth: usize, part: &Part) {
        let heading_only = part.text.is_empty()
            && part.points.is_empty()
            && part.parts.is_empty()
            && part.run_in.is_none()
            && part.points_split.is_none();
        let texts: Vec<&Text> = part.heading.iter().chain(&part.text).collect();
        self.note_for(depth, &texts);
        if let (Some(heading), true) = (&part.heading, heading_only) {
            self.line(depth, &format!("- {}", scalar(&heading.value)));
            return;
        }
        let mut entries: Vec<String> = Vec::new();
        entries.extend(
            part.heading
                .iter()
                .map(|h| format!("标题: {}", scalar(&h.value))),
        );
        let flags = [("标题接排", part.run_in), ("要点分段", part.points_split)];
        for (key, flag) in flags {
            entries.extend(flag.map(|f| format!("{key}: {}", yes_no(f))));
        }
        if !part.text.is_empty() {
            let block = self.paragraph_block(&part.text);
            let lines = self.paragraph_lines(depth + 2, &part.text);
            entries.push(format!("正文:{block}\n{lines}").trim_end().to_string());
        }
        if entries.is_empty() {
            entries.push("标题: ~".to_string());
        }
        for (i, entry) in entries.iter().enumerate() {
            let prefix = if i == 0 { "- " } else { "  " };
            let mut lines = entry.lines();
            if let Some(first) = lines.next() {
                self.line(depth, &format!("{prefix}{first}"));
            }
            for line in lines {
                self.out.push_str(line);
                self.out.push('\n');
            }
        }
        self.points(depth + 1, &part.points);
        self.parts(depth + 1, &part.parts);
    }

    fn points(&mut self, depth: usize, points: &[Point]) {
        if points.is_empty() {
            return;
        }
        self.line(depth, "要点:");
        for point in points {
            match (&point.heading, &point.text) {
                (Some(heading), Some(text)) => {
                    self.note_for(depth + 1, &[heading, text]);
                    self.line(depth + 1, &format!("- 标题: {}", scalar(&heading.value)));
                    self.line(depth + 1, &format!("  正文: {}", scalar(&text.value)));
                }
                (Some(only), None) | (None, Some(only)) => {
                    self.note_for(depth + 1, &[only]);
                    self.line(depth + 1, &format!("- {}", scalar(&only.value)));
                }
                (None, None) => {}
            }
        }
    }

    /// `key: text` for one paragraph, or a literal block for several.
    fn paragraphs(&mut self, depth: usize, key: &str, texts: &[Text]) {
        self.note_for(depth, &texts.iter().collect::<Vec<_>>());
        let block = self.paragraph_block(texts);
        self.line(depth, &format!("{key}:{block}"));
        let lines = self.paragraph_lines(depth + 1, texts);
        self.out.push_str(&lines);
    }

    /// What follows `key:` for paragraphs: the scalar itself, or `|` when the
    /// paragraphs go on the lines below.
    fn paragraph_block(&self, texts: &[Text]) -> String {
        match texts {
            [one] if !needs_block(&one.value) => format!(" {}", scalar(&one.value)),
            _ => " |".to_string(),
        }
    }

    fn paragraph_lines(&self, depth: usize, texts: &[Text]) -> String {
        if let [one] = texts
            && !needs_block(&one.value)
        {
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

    fn list(&mut self, depth: usize, key: &str, texts: &[Text]) {
        self.line(depth, &format!("{key}:"));
        for text in texts {
            self.note_for(depth + 1, &[text]);
            self.line(depth + 1, &format!("- {}", scalar(&text.value)));
        }
    }

    fn attachments(&mut self, report: &Report) {
        self.comment(0, "附件：附件名称，每项一个");
        if report.attachments.is_empty() {
            self.line(0, "# 附件:");
            self.line(0, "#   - ……");
        } else {
            self.list(0, "附件", &report.attachments);
        }
        self.blank();
    }

    fn figures(&mut self, report: &Report) {
        self.comment(
            0,
            "数据：正文中引用的数字。可简写为“名称: 1899件”“名称: 1.2万余人次”；\n需要目标（算完成率）、上年（算同比）或属于（算比率、占比）时分行写出。\n值留空表示待填，生成报告前须填好。",
        );
        if report.figures.is_empty() {
            self.line(0, "# 数据:");
            self.line(0, "#   法律援助受理: 1899件");
            return;
        }
        self.line(0, "数据:");
        for figure in &report.figures {
            self.figure(figure);
        }
    }

    fn figure(&mut self, figure: &Figure) {
        if let Some(note) = self.notes.figure_note(&figure.name) {
            self.comment(1, &note);
        }
        let name = scalar(&figure.name);
        let simple =
            figure.target.is_none() && figure.last_year.is_none() && figure.part_of.is_none();
        match figure.value {
            Some(value) if simple => {
                self.line(
                    1,
                    &format!(
                        "{name}: {}",
                        scalar(&quantity::format_quantity(&value, &figure.unit))
                    ),
                );
            }
            _ => {
                self.line(1, &format!("{name}:"));
                match figure.value {
                    Some(value) => self.line(2, &format!("值: {}", quantity(&value))),
                    None => self.line(2, "值:    # 待填"),
                }
                self.line(2, &format!("单位: {}", scalar(&figure.unit)));
                let extras = [("目标", figure.target), ("上年", figure.last_year)];
                for (key, value) in extras {
                    if let Some(value) = value {
                        self.line(2, &format!("{key}: {}", quantity(&value)));
                    }
                }
                if let Some(whole) = &figure.part_of {
                    self.line(2, &format!("属于: {}", scalar(&whole.value)));
                }
            }
        }
    }
}

/// A value without its unit; a plain number stays a YAML number.
fn quantity(value: &Quantity) -> String {
    let text = quantity::format_quantity(value, "");
    if text.parse::<f64>().is_ok() {
        text
    } else {
        scalar(&text)
    }
}

fn yes_no(flag: bool) -> &'static str {
    if flag { "是" } else { "否" }
}

/// The key of a section and what to write under it.
fn section_help(kind: Kind, role: Role) -> (&'static str, &'static str) {
    match (kind, role) {
        (Kind::WorkSummary, Role::Work) => (
            "工作",
            "工作：本年工作情况。部分 是（一）（二）…各项，每项有标题、正文，可有 要点（一是…二是…）\n和下一级 部分（1. 2. …）。写 分章: 是 则每项单独成为一、二、…一章",
        ),
        (Kind::RuleOfLaw, Role::Work) => (
            "工作",
            "工作：主要举措和成效。部分 是（一）（二）…各项，每项有标题、正文，可有 要点（一是…二是…）",
        ),
        (_, Role::Highlights) => ("亮点", "亮点：亮点工作，写法同“工作”；没有可删去"),
        (_, Role::Shortcomings) => (
            "不足",
            "不足：存在的问题和不足。引言 是开头的一段话（可不写），部分 是各条问题",
        ),
        (_, Role::Duties) => (
            "第一责任人",
            "第一责任人：党政主要负责人履行推进法治建设第一责任人职责的情况",
        ),
        (_, Role::Plans) => (
            "打算",
            "打算：下一年工作打算。引言 可用 {项数} 写出条数，如“重点做好以下{项数}个方面工作：”；\n不写引言则自动生成",
        ),
        (_, Role::Other) => ("其他", "其他：其他需要报告的情况"),
    }
}

/// Whether text must go in a literal block rather than on the key's line.
fn needs_block(text: &str) -> bool {
    text.contains('\n')
}

/// A string as a YAML scalar: plain when YAML reads it back unchanged,
/// double-quoted otherwise.
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) {
        text.to_string()
    } else {
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
}

fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let reserved_start = "-?:,[]{}#&*!|>'\"%@`｛".contains(first) || first.is_whitespace();
    let looks_typed = matches!(
        text.to_ascii_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | "y" | "n"
    ) || text.parse::<f64>().is_ok();
    !reserved_start
        && !looks_typed
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
}
