//! Every key of the data file, declared once: its Chinese name, the English
//! alias accepted too, what it holds (in Chinese and English), an example,
//! and which kinds of report use it. The loader reads by [`Key`], the
//! writer and `init` write the names and help from here, rollover decides
//! what to do by [`Key`], and README's table of keys is checked against it.

use crate::genre::kinds::{Kind, Role};

/// What a key means, whatever language it is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// 单位.
    Bureau,
    /// 年度.
    Year,
    /// 类型.
    Kind,
    /// 标题: of the report, of the circular, of a section or part.
    Title,
    /// 成文日期.
    Date,
    /// 主送机关.
    Recipient,
    /// 署名.
    Signature,
    /// 印发通知.
    Circular,
    /// 版式.
    Layout,
    /// 开头.
    Opening,
    /// 荣誉.
    Honours,
    /// 工作.
    Work,
    /// 亮点.
    Highlights,
    /// 不足.
    Shortcomings,
    /// 第一责任人.
    Duties,
    /// 打算.
    Plans,
    /// 其他.
    Other,
    /// 附件.
    Attachments,
    /// 数据.
    Figures,
    /// 单位.名称.
    Name,
    /// 单位.级别.
    Level,
    /// 单位.自称.
    SelfName,
    /// 单位.范围.
    Scope,
    /// 正文: of the circular, of a part, of a point.
    Text,
    /// 引言: a section's lead-in.
    Intro,
    /// 部分.
    Parts,
    /// 要点.
    Points,
    /// 标题接排.
    RunIn,
    /// 要点分段.
    PointsSplit,
    /// 标题加粗.
    BoldHeadings,
    /// 分章.
    Thematic,
    /// 值.
    Value,
    /// 单位 of a figure.
    Unit,
    /// 目标.
    Target,
    /// 上年.
    LastYear,
    /// 属于.
    PartOf,
}

/// Where in the file a mapping is, which decides the keys it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The top of the file.
    Top,
    /// `单位:` written as a mapping.
    Bureau,
    /// `印发通知:` written as a mapping.
    Circular,
    /// `版式:`.
    Layout,
    /// `工作:` written as a mapping.
    Work,
    /// Any other section written as a mapping.
    Section,
    /// An item of `部分`.
    Part,
    /// An item of `要点` written as a mapping.
    Point,
    /// A figure of `数据` written out key by key.
    Figure,
    /// An item of `附件` written as a mapping: an attachment with content.
    Attachment,
}

/// The kinds of report a key is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kinds {
    /// Both kinds.
    Both,
    /// Only the 法治政府建设年度报告.
    RuleOfLaw,
}

impl Kinds {
    /// Whether a report of `kind` uses the key.
    pub fn include(self, kind: Kind) -> bool {
        self == Kinds::Both || kind == Kind::RuleOfLaw
    }
}

/// A key as written in one place: its names, what it holds and an example.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// What it means.
    pub key: Key,
    /// Its Chinese name, the one the files zongjie writes use.
    pub chinese: &'static str,
    /// The English alias the loader accepts too.
    pub english: &'static str,
    /// What it holds, in Chinese: the comment the writer puts above it.
    pub help: &'static str,
    /// What it holds, in English, for README.
    #[cfg_attr(
        not(test),
        expect(
            dead_code,
            reason = "only README's table, made by a test, shows it yet"
        )
    )]
    pub help_english: &'static str,
    /// A value, for the starter file and the hint of a missing key.
    pub example: &'static str,
    /// The kinds of report that use it.
    pub kinds: Kinds,
}

const fn field(
    key: Key,
    names: (&'static str, &'static str),
    help: (&'static str, &'static str),
    example: &'static str,
) -> Field {
    Field {
        key,
        chinese: names.0,
        english: names.1,
        help: help.0,
        help_english: help.1,
        example,
        kinds: Kinds::Both,
    }
}

const fn rule_of_law_only(field: Field) -> Field {
    Field {
        kinds: Kinds::RuleOfLaw,
        ..field
    }
}

const TOP: &[Field] = &[
    field(
        Key::Bureau,
        ("单位", "bureau"),
        (
            "必填。名称写全称；级别为 省、市、县 或 区；自称是正文里对本单位的称呼；\n范围是对全辖区的称呼，不写则按级别为“全市”“全县”等；也可只写名称",
            "required: the bureau's full name, level, how the text names itself, the area word",
        ),
        "长治市司法局",
    ),
    field(
        Key::Year,
        ("年度", "year"),
        (
            "必填。报告总结的年份（1949–2100）",
            "required: the year reported on",
        ),
        "2025",
    ),
    field(
        Key::Kind,
        ("类型", "kind"),
        (
            "必填。工作总结 或 法治政府建设年度报告",
            "required: work-summary or rule-of-law-report",
        ),
        "工作总结",
    ),
    field(
        Key::Title,
        ("标题", "title"),
        (
            "不写则用本类报告的标准标题；写成 \"\" 则不要标题；一行排不下时自动在词间分成长短相近的几行，\n也可以在标题里换行自己指定",
            "the kind's standard title when absent; \"\" for none; a long one is broken into balanced lines, or where the file breaks it",
        ),
        "长治市司法局2025年工作总结",
    ),
    field(
        Key::Date,
        ("成文日期", "date"),
        (
            "写成 2024-01-15 或 2024年1月15日；不写则报告末尾不署日期",
            "2024-01-15 or 2024年1月15日, written without zero-padding",
        ),
        "2026-01-15",
    ),
    field(
        Key::Recipient,
        ("主送机关", "recipient"),
        ("需要时填写", "optional"),
        "市委依法治市办",
    ),
    field(
        Key::Signature,
        ("署名", "signature"),
        (
            "需要时填写；不写而有成文日期时，用单位名称",
            "optional; the bureau's name when a date is given",
        ),
        "长治市司法局",
    ),
    field(
        Key::Circular,
        ("印发通知", "circular"),
        (
            "以通知印发本报告时填写（是，或写出标题、正文）；主送机关、署名、成文日期随通知",
            "wrap the report in a covering circular: 是, or its title and text",
        ),
        "是",
    ),
    field(
        Key::Layout,
        ("版式", "layout"),
        (
            "标题接排 指（一）等小标题与正文接排在同一段（否则单独成行）；\n要点分段 指“一是…二是…”各自成段（否则接排在一段内）；标题加粗 用于 .docx",
            "layout defaults: run-in headings, split points, bold headings",
        ),
        "",
    ),
    field(
        Key::Opening,
        ("开头", "opening"),
        (
            "报告的开头段落，每行一段",
            "opening paragraphs, one per line",
        ),
        "{年度}年，……",
    ),
    field(
        Key::Honours,
        ("荣誉", "honours"),
        (
            "获得的表彰，每项一句，接在开头之后",
            "honours, one a sentence, appended to the opening",
        ),
        "……获得省部级以上表彰",
    ),
    field(
        Key::Work,
        ("工作", "work"),
        (
            "本年工作情况。部分 是（一）（二）…各项，每项有标题、正文，可有 要点（一是…二是…）\n和下一级 部分（1. 2. …）。写 分章: 是 则每项单独成为一、二、…一章",
            "the year's work; with 分章 each part is a 一、 section",
        ),
        "",
    ),
    field(
        Key::Highlights,
        ("亮点", "highlights"),
        (
            "亮点工作，写法同“工作”；没有可删去",
            "highlights, written as the work",
        ),
        "",
    ),
    field(
        Key::Shortcomings,
        ("不足", "shortcomings"),
        (
            "存在的问题和不足。引言 是开头的一段话（可不写），部分 是各条问题",
            "shortcomings: an optional lead-in and one part each",
        ),
        "",
    ),
    rule_of_law_only(field(
        Key::Duties,
        ("第一责任人", "duties"),
        (
            "党政主要负责人履行推进法治建设第一责任人职责的情况",
            "the first-responsible duties part of the rule-of-law report",
        ),
        "",
    )),
    field(
        Key::Plans,
        ("打算", "plans"),
        (
            "下一年工作打算。引言 可用 {项数} 写出条数，如“重点做好以下{项数}个方面工作：”；\n不写引言则自动生成",
            "next year's plans; the lead-in is made when absent",
        ),
        "",
    ),
    field(
        Key::Other,
        ("其他", "other"),
        ("其他需要报告的情况", "other matters to report"),
        "",
    ),
    field(
        Key::Attachments,
        ("附件", "attachments"),
        (
            "附件，每项一个：只写名称的列在正文后的附件说明里；写出 名称 和 正文、部分 等的，\n还作为附件全文排在署名之后，各起一页，编号自成一套",
            "attachments: a name for the list after the text, or a name with content, printed after the signature on pages of its own",
        ),
        "……",
    ),
    field(
        Key::Figures,
        ("数据", "figures"),
        (
            "正文中引用的数字。可简写为“名称: 1899件”“名称: 1.2万余人次”；\n需要目标（算完成率）、上年（算同比）或属于（算比率、占比）时分行写出。\n值留空表示待填，生成报告前须填好。",
            "the figures the prose cites, short or key by key",
        ),
        "法律援助受理: 1899件",
    ),
];

const BUREAU: &[Field] = &[
    field(
        Key::Name,
        ("名称", "name"),
        ("必填：单位全称", "required: the full name"),
        "长治市司法局",
    ),
    field(
        Key::Level,
        ("级别", "level"),
        (
            "省、市、县 或 区；不写则按名称推断",
            "省, 市, 县 or 区; guessed from the name",
        ),
        "市",
    ),
    field(
        Key::SelfName,
        ("自称", "self"),
        (
            "正文里对本单位的称呼，缺省“我局”",
            "how the text names the bureau",
        ),
        "我局",
    ),
    field(
        Key::Scope,
        ("范围", "scope"),
        (
            "对全辖区的称呼，不写则按级别为“全市”“全县”等",
            "the area word, 全市 by the level",
        ),
        "全市",
    ),
];

const CIRCULAR: &[Field] = &[
    field(
        Key::Title,
        ("标题", "title"),
        (
            "通知的标题；缺省为“署名关于印发《报告标题》的通知”，写 \"\" 则不要",
            "the circular's title: 署名关于印发《标题》的通知 unless given; \"\" for none",
        ),
        "",
    ),
    field(
        Key::Text,
        ("正文", "body"),
        (
            "通知的正文；不写则用标准的一段",
            "its text; a standard one when absent",
        ),
        "",
    ),
];

const LAYOUT: &[Field] = &[
    field(
        Key::RunIn,
        ("标题接排", "run_in"),
        (
            "（一）等小标题与正文接排在同一段（否则单独成行）",
            "(一) headings run into their paragraph",
        ),
        "是",
    ),
    field(
        Key::PointsSplit,
        ("要点分段", "points_split"),
        (
            "“一是…二是…”各自成段（否则接排在一段内）",
            "each 一是 point a paragraph of its own",
        ),
        "是",
    ),
    field(
        Key::BoldHeadings,
        ("标题加粗", "bold_headings"),
        ("各级标题加粗，用于 .docx", "bold headings in the .docx"),
        "是",
    ),
];

/// The keys a section shares with a part, less 正文 (a section's lead-in
/// is 引言).
const SECTION: &[Field] = &[
    field(
        Key::Title,
        ("标题", "heading"),
        (
            "不写则用该类报告的标准标题",
            "the kind's standard heading when absent",
        ),
        "",
    ),
    field(
        Key::Intro,
        ("引言", "intro"),
        ("各部分之前的一段话", "a lead-in before the parts"),
        "",
    ),
    field(
        Key::Parts,
        ("部分", "parts"),
        (
            "（一）（二）…各项，每项有标题、正文，可有要点和下一级部分",
            "the (一) parts, each with heading, text, points, sub-parts",
        ),
        "",
    ),
    field(
        Key::Points,
        ("要点", "points"),
        ("“一是…二是…”各点", "the 一是 points"),
        "",
    ),
    field(
        Key::RunIn,
        ("标题接排", "run_in"),
        ("同“版式”，只用于本章", "as 版式, for this section"),
        "是",
    ),
    field(
        Key::PointsSplit,
        ("要点分段", "points_split"),
        ("同“版式”，只用于本章", "as 版式, for this section"),
        "是",
    ),
];

const WORK_ONLY: Field = field(
    Key::Thematic,
    ("分章", "thematic"),
    (
        "是：每个部分单独成为一、二、…一章",
        "each part a 一、 section of its own",
    ),
    "是",
);

const PART: &[Field] = &[
    field(
        Key::Title,
        ("标题", "heading"),
        ("本部分的小标题", "the part's heading"),
        "",
    ),
    field(
        Key::Text,
        ("正文", "text"),
        ("段落，每行一段", "paragraphs, one per line"),
        "",
    ),
    field(
        Key::Points,
        ("要点", "points"),
        ("“一是…二是…”各点", "the 一是 points"),
        "",
    ),
    field(
        Key::Parts,
        ("部分", "parts"),
        (
            "下一级部分（1. 2. …，再下一级（1）（2））",
            "sub-parts, one level down",
        ),
        "",
    ),
    field(
        Key::RunIn,
        ("标题接排", "run_in"),
        ("同“版式”，只用于本部分", "as 版式, for this part"),
        "是",
    ),
    field(
        Key::PointsSplit,
        ("要点分段", "points_split"),
        ("同“版式”，只用于本部分", "as 版式, for this part"),
        "是",
    ),
];

const POINT: &[Field] = &[
    field(
        Key::Title,
        ("标题", "heading"),
        ("要点的领句", "the point's lead phrase"),
        "",
    ),
    field(
        Key::Text,
        ("正文", "text"),
        ("要点的内容", "the point's text"),
        "",
    ),
];

const FIGURE: &[Field] = &[
    field(
        Key::Value,
        ("值", "value"),
        (
            "今年的数；留空表示待填，生成报告前须填好",
            "this year's value; empty until filled in",
        ),
        "1899",
    ),
    field(
        Key::Unit,
        ("单位", "unit"),
        ("件、人次、万元、% 等", "件, 人次, 万元, %…"),
        "件",
    ),
    field(
        Key::Target,
        ("目标", "target"),
        (
            "全年目标，用于 {名称.完成率}",
            "the year's target, for completion",
        ),
        "1708",
    ),
    field(
        Key::LastYear,
        ("上年", "last_year"),
        (
            "上一年的数，用于 {名称.同比}、{名称.增减}",
            "last year's value, for 同比",
        ),
        "1700",
    ),
    field(
        Key::PartOf,
        ("属于", "part_of"),
        (
            "所属的整体，用于 {名称.比率}、{名称.占比}",
            "the whole it is part of, for rates",
        ),
        "法律援助受理",
    ),
];

const ATTACHMENT: &[Field] = &[
    field(
        Key::Name,
        ("名称", "name"),
        (
            "附件说明里列出的名称",
            "the name the list of attachments gives",
        ),
        "",
    ),
    field(
        Key::Title,
        ("标题", "title"),
        (
            "附件首页的标题；不写则用名称",
            "the title on its first page; the name when absent",
        ),
        "",
    ),
    field(
        Key::Text,
        ("正文", "text"),
        ("段落，每行一段", "paragraphs, one per line"),
        "",
    ),
    field(
        Key::Points,
        ("要点", "points"),
        ("“一是…二是…”各点", "the 一是 points"),
        "",
    ),
    field(
        Key::Parts,
        ("部分", "parts"),
        (
            "附件自己的一、二、…各项，下一级为（一）（二）…",
            "its own 一、 parts, (一) below them",
        ),
        "",
    ),
    field(
        Key::RunIn,
        ("标题接排", "run_in"),
        ("同“版式”，只用于本附件", "as 版式, for this attachment"),
        "是",
    ),
    field(
        Key::PointsSplit,
        ("要点分段", "points_split"),
        ("同“版式”，只用于本附件", "as 版式, for this attachment"),
        "是",
    ),
];

/// The keys a mapping at `place` may have, in the order files write them.
pub fn fields(place: Place) -> Vec<Field> {
    match place {
        Place::Top => TOP.to_vec(),
        Place::Bureau => BUREAU.to_vec(),
        Place::Circular => CIRCULAR.to_vec(),
        Place::Layout => LAYOUT.to_vec(),
        Place::Work => SECTION.iter().copied().chain([WORK_ONLY]).collect(),
        Place::Section => SECTION.to_vec(),
        Place::Part => PART.to_vec(),
        Place::Point => POINT.to_vec(),
        Place::Figure => FIGURE.to_vec(),
        Place::Attachment => ATTACHMENT.to_vec(),
    }
}

/// Every place, for README and the tests.
#[cfg(test)]
const PLACES: [Place; 10] = [
    Place::Top,
    Place::Bureau,
    Place::Circular,
    Place::Layout,
    Place::Work,
    Place::Section,
    Place::Part,
    Place::Point,
    Place::Figure,
    Place::Attachment,
];

/// The field `key` is at `place`; every key the loader or writer asks
/// for at a place is declared there.
pub fn field_at(place: Place, key: Key) -> Field {
    fields(place)
        .into_iter()
        .find(|f| f.key == key)
        .unwrap_or_else(|| unreachable!("{key:?} is not a key of {place:?}"))
}

/// The Chinese name of `key` at `place`.
pub fn name(place: Place, key: Key) -> &'static str {
    field_at(place, key).chinese
}

/// The comment a file's writer puts above a top-level key: its name and
/// what it holds (`开头：报告的开头段落，每行一段`).
pub fn comment(key: Key) -> String {
    let field = field_at(Place::Top, key);
    format!("{}：{}", field.chinese, field.help)
}

/// The field a written name (Chinese or English, any case) stands for at
/// `place`.
pub fn lookup(place: Place, written: &str) -> Option<Field> {
    let written = written.trim();
    fields(place)
        .into_iter()
        .find(|f| f.chinese == written || f.english.eq_ignore_ascii_case(written))
}

/// Whether `name` is a key of the data file anywhere, in Chinese or
/// English.
pub fn is_key(name: &str) -> bool {
    [TOP, BUREAU, CIRCULAR, LAYOUT, SECTION, PART, POINT, FIGURE]
        .iter()
        .flat_map(|fields| fields.iter())
        .chain([&WORK_ONLY])
        .any(|f| f.chinese == name || f.english.eq_ignore_ascii_case(name))
}

/// The top-level keys that hold a section, with their roles, in report
/// order.
pub const SECTIONS: [(Key, Role); 6] = [
    (Key::Work, Role::Work),
    (Key::Highlights, Role::Highlights),
    (Key::Shortcomings, Role::Shortcomings),
    (Key::Duties, Role::Duties),
    (Key::Plans, Role::Plans),
    (Key::Other, Role::Other),
];

impl Key {
    /// The role of the section this top-level key holds, if it holds one.
    pub fn role(self) -> Option<Role> {
        SECTIONS
            .iter()
            .find(|(key, _)| *key == self)
            .map(|(_, role)| *role)
    }

    /// The top-level key that holds the section with `role`.
    pub fn of_role(role: Role) -> Key {
        SECTIONS
            .iter()
            .find(|(_, r)| *r == role)
            .map_or(Key::Other, |(key, _)| *key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a place's keys are written, for README.
    fn place_name(place: Place) -> &'static str {
        match place {
            Place::Top => "顶层 top",
            Place::Bureau => "`单位:`",
            Place::Circular => "`印发通知:`",
            Place::Layout => "`版式:`",
            Place::Work => "`工作:`",
            Place::Section => "各章（`工作:` `亮点:` …） each section",
            Place::Part => "`部分:` 的每项 each part",
            Place::Point => "`要点:` 的每项 each point",
            Place::Figure => "`数据:` 的每项 each figure",
            Place::Attachment => "`附件:` 的每项 each attachment",
        }
    }

    /// README's table of keys, as the key table says it should be.
    fn readme_table() -> String {
        let mut table =
            String::from("| 位置 where | 键 key | 内容 | what it holds |\n|---|---|---|---|\n");
        for place in PLACES {
            let shared = if place == Place::Work {
                SECTION.len()
            } else {
                0
            };
            for field in &fields(place)[shared..] {
                let only = match field.kinds {
                    Kinds::Both => "",
                    Kinds::RuleOfLaw => "（仅法治政府建设年度报告）",
                };
                table.push_str(&format!(
                    "| {} | `{}` ({}) | {}{only} | {} |\n",
                    place_name(place),
                    field.chinese,
                    field.english,
                    field.help.replace('\n', ""),
                    field.help_english
                ));
            }
        }
        table
    }

    #[test]
    fn readme_lists_every_key_and_alias_as_the_table_says() {
        let readme = include_str!("../../README.md");
        let start = "<!-- keys:start -->\n";
        let between = readme
            .split_once(start)
            .and_then(|(_, rest)| rest.split_once("<!-- keys:end -->"))
            .map(|(table, _)| table);
        let expected = readme_table();
        assert_eq!(
            between,
            Some(expected.as_str()),
            "README.md's table of keys, between the keys:start and keys:end marks, should read:\n{expected}"
        );
    }

    #[test]
    fn names_are_unique_at_each_place() {
        for place in PLACES {
            let fields = fields(place);
            for (i, a) in fields.iter().enumerate() {
                for b in &fields[i + 1..] {
                    assert_ne!(a.chinese, b.chinese, "{place:?}");
                    assert_ne!(a.english, b.english, "{place:?}");
                    assert_ne!(a.key, b.key, "{place:?}");
                }
            }
        }
    }

    #[test]
    fn written_names_are_found_in_either_language() {
        assert_eq!(lookup(Place::Top, "年度").map(|f| f.key), Some(Key::Year));
        assert_eq!(lookup(Place::Top, " Year ").map(|f| f.key), Some(Key::Year));
        assert_eq!(
            lookup(Place::Figure, "单位").map(|f| f.key),
            Some(Key::Unit)
        );
        assert_eq!(lookup(Place::Top, "单位").map(|f| f.key), Some(Key::Bureau));
        assert_eq!(
            lookup(Place::Circular, "body").map(|f| f.key),
            Some(Key::Text)
        );
        assert!(lookup(Place::Section, "分章").is_none());
        assert!(lookup(Place::Work, "分章").is_some());
    }

    #[test]
    fn every_section_key_has_its_role_and_back() {
        for role in Role::ALL {
            assert_eq!(Key::of_role(role).role(), Some(role));
        }
        assert_eq!(Key::Year.role(), None);
    }
}
