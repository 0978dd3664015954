//! The starter report `init` writes for a bureau, year and kind of report:
//! a skeleton with sample sentences and figures a clerk replaces, which
//! `check` recognises (and warns about) until they are replaced.

use crate::datafile::model::{
    Bureau, Circular, Figure, Layout, Part, Point, Report, Section, Text,
};
use crate::genre::kinds::{Kind, Level, Role};
use crate::genre::quantity::{Magnitude, Quantity};

/// What the starter file is for.
#[derive(Debug, Clone)]
pub struct Starter {
    /// The kind of report.
    pub kind: Kind,
    /// The bureau's full name.
    pub bureau: String,
    /// The report year.
    pub year: i32,
    /// Whether the report goes out with a covering circular.
    pub circular: bool,
}

fn text(value: &str) -> Text {
    Text::plain(value)
}

fn part(heading: &str, body: &str, points: &[&str]) -> Part {
    Part {
        heading: Some(text(heading)),
        text: if body.is_empty() {
            Vec::new()
        } else {
            vec![text(body)]
        },
        points: points
            .iter()
            .map(|p| Point {
                heading: None,
                text: Some(text(p)),
            })
            .collect(),
        ..Part::default()
    }
}

fn section(role: Role, intro: &str, parts: Vec<Part>) -> Section {
    Section {
        role,
        body: Part {
            text: if intro.is_empty() {
                Vec::new()
            } else {
                vec![text(intro)]
            },
            parts,
            ..Part::default()
        },
        thematic: false,
    }
}

fn figure(name: &str, value: i64, unit: &str, part_of: Option<&str>) -> Figure {
    Figure {
        name: name.to_string(),
        value: Some(Quantity::exact(value.into())),
        unit: unit.to_string(),
        magnitude: Magnitude::One,
        target: None,
        last_year: None,
        part_of: part_of.map(text),
        span: None,
        value_span: None,
    }
}

/// The starter report for `starter`.
pub fn starter_report(starter: &Starter) -> Report {
    let level = Level::from_bureau_name(&starter.bureau);
    let (opening, sections) = match starter.kind {
        Kind::WorkSummary => work_summary_content(),
        Kind::RuleOfLaw => rule_of_law_content(),
    };
    Report {
        bureau: Bureau {
            name: starter.bureau.clone(),
            level,
            self_name: "我局".to_string(),
            scope: level.scope(),
        },
        year: starter.year,
        year_span: None,
        kind: starter.kind,
        title: None,
        date: None,
        date_span: None,
        recipient: None,
        signature: None,
        circular: starter.circular.then_some(Circular {
            title: None,
            body: None,
        }),
        layout: Layout::default(),
        opening: vec![text(opening)],
        honours: Vec::new(),
        sections,
        attachments: Vec::new(),
        figures: vec![
            figure("法律援助受理", 100, "件", None),
            figure("法律援助办结", 90, "件", Some("法律援助受理")),
        ],
    }
}

fn work_summary_content() -> (&'static str, Vec<Section>) {
    let opening = "{年度}年，{自称}在上级的坚强领导下，认真履行职责，各项工作取得新进展新成效。";
    let sections = vec![
        section(
            Role::Work,
            "",
            vec![
                part(
                    "加强自身建设",
                    "……（写明这项工作的做法和成效）",
                    &["加强政治建设。……", "加强队伍建设。……"],
                ),
                part(
                    "提供优质法律服务",
                    "全年受理法律援助案件{法律援助受理}，办结{法律援助办结}，结案率{法律援助办结.比率}。",
                    &[],
                ),
            ],
        ),
        section(
            Role::Shortcomings,
            "",
            vec![part("……方面还有差距。", "", &[])],
        ),
        section(
            Role::Plans,
            "{下一年度}年，{自称}将重点做好以下{项数}个方面工作：",
            vec![
                part("强化理论武装", "……", &[]),
                part("提升服务水平", "……", &[]),
            ],
        ),
    ];
    (opening, sections)
}

fn rule_of_law_content() -> (&'static str, Vec<Section>) {
    let opening = "{年度}年，{单位}深入学习贯彻习近平法治思想，认真落实法治政府建设各项部署，依法行政水平不断提升。现将{自称}{年度}年法治政府建设工作情况报告如下：";
    let sections = vec![
        section(
            Role::Work,
            "",
            vec![
                part(
                    "加强统筹协调，深入推进法治政府建设",
                    "",
                    &["坚持党对法治政府建设的领导。……", "强化法治督察工作。……"],
                ),
                part(
                    "坚持法治为民，优化公共法律服务",
                    "全年受理法律援助案件{法律援助受理}，办结{法律援助办结}，结案率{法律援助办结.比率}。",
                    &[],
                ),
            ],
        ),
        section(
            Role::Shortcomings,
            "",
            vec![
                part(
                    "运用法治思维和法治方式推动工作的能力还需进一步加强。",
                    "",
                    &[],
                ),
                part("……", "", &[]),
            ],
        ),
        section(
            Role::Duties,
            "……（写明党政主要负责人履行推进法治建设第一责任人职责的情况）",
            Vec::new(),
        ),
        section(
            Role::Plans,
            "{下一年度}年，{自称}将重点做好以下{项数}个方面工作：",
            vec![part("聚焦重点任务，……", "……", &[])],
        ),
    ];
    (opening, sections)
}

/// The sample sentences and figures of every starter, which a clerk is to
/// replace: sentences as written (markers included) that cite no figure
/// (the figures are samples themselves), and figures as name and value.
/// Headings and lead-ins (ending in ：) are the genre's own words.
pub fn samples() -> (Vec<String>, Vec<(String, String)>) {
    let mut texts = Vec::new();
    let mut figures = Vec::new();
    for kind in [Kind::WorkSummary, Kind::RuleOfLaw] {
        let report = starter_report(&Starter {
            kind,
            bureau: String::new(),
            year: 2000,
            circular: false,
        });
        let is_sample = |text: &str| text.ends_with('。') && !cites_a_figure(&report, text);
        texts.extend(
            report
                .texts()
                .into_iter()
                .map(|p| p.text.value.clone())
                .filter(|text| is_sample(text)),
        );
        figures.extend(
            report
                .figures
                .iter()
                .filter_map(|f| Some((f.name.clone(), f.formatted_value()?))),
        );
    }
    texts.sort();
    texts.dedup();
    (texts, figures)
}

fn cites_a_figure(report: &Report, text: &str) -> bool {
    report
        .figures
        .iter()
        .any(|figure| text.contains(&format!("{{{}", figure.name)))
}
