//! Property: for any data file zongjie writes, rollover's output parses back
//! to the input moved one year on (figures shifted, plans turned into work
//! stubs), with the file's comments kept; and neither rollover nor lint nor
//! render panics on it.

use proptest::prelude::*;
use zongjie::{
    Bureau, Decimal, Figure, Kind, Layout, Level, Magnitude, Part, Point, Quantity, Report, Role,
    Section, Text,
};

/// Text with the characters that trouble YAML and the rules: colons,
/// hashes, dashes, quotes, brackets, digits, years, half-width marks.
fn prose() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "加强",
        "建设",
        "法治",
        "工作",
        "：",
        ": ",
        " #",
        "- ",
        "“",
        "”",
        "\"",
        "'",
        "（",
        "）",
        "[",
        "]",
        "，",
        "。",
        ",",
        "2022年",
        "{年度}",
        "100件",
        "1.2万余人次",
        "%",
        "一是",
        "、",
        "  ",
    ]);
    prop::collection::vec(pieces, 1..8)
        .prop_map(|parts| parts.concat().trim().to_string())
        .prop_filter("non-empty", |s| !s.is_empty() && !s.contains('\n'))
}

fn text() -> impl Strategy<Value = Text> {
    prose().prop_map(Text::plain)
}

fn part() -> impl Strategy<Value = Part> {
    (
        text(),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(|(heading, paragraphs, points)| Part {
            heading: Some(heading),
            text: paragraphs,
            points: points
                .into_iter()
                .map(|t| Point {
                    heading: None,
                    text: Some(t),
                })
                .collect(),
            ..Part::default()
        })
}

fn section(role: Role) -> impl Strategy<Value = Section> {
    prop::collection::vec(part(), 1..4).prop_map(move |parts| Section {
        role,
        body: Part {
            parts,
            ..Part::default()
        },
        thematic: false,
    })
}

fn figures() -> impl Strategy<Value = Vec<Figure>> {
    let units = prop::sample::select(vec!["件", "人次", "万元", "%", "个"]);
    let figure = (1u32..100_000, any::<bool>(), units);
    prop::collection::vec(figure, 0..6).prop_map(|specs| {
        specs
            .into_iter()
            .enumerate()
            .map(|(i, (value, rounded, unit))| Figure {
                name: format!("数据{i}"),
                value: Some(if rounded {
                    Quantity::parse(&format!("{}万余", Decimal::new(value.into(), 1)))
                        .unwrap()
                        .0
                } else {
                    Quantity::exact(value.into())
                }),
                unit: unit.to_string(),
                magnitude: Magnitude::One,
                target: None,
                last_year: None,
                part_of: None,
                span: None,
                value_span: None,
            })
            .collect()
    })
}

fn report() -> impl Strategy<Value = Report> {
    (
        1950i32..2090,
        any::<bool>(),
        prop::option::of(text()),
        prop::collection::vec(text(), 1..3),
        section(Role::Work),
        prop::option::of(section(Role::Shortcomings)),
        prop::option::of(section(Role::Plans)),
        figures(),
    )
        .prop_map(
            |(year, rule_of_law, title, opening, work, shortcomings, plans, figures)| Report {
                bureau: Bureau {
                    name: "某某县司法局".into(),
                    level: Level::County,
                    self_name: "我局".into(),
                    scope: "全县".into(),
                },
                year,
                year_span: None,
                kind: if rule_of_law {
                    Kind::RuleOfLaw
                } else {
                    Kind::WorkSummary
                },
                title,
                date: chrono::NaiveDate::from_ymd_opt(year + 1, 1, 15),
                date_span: None,
                recipient: None,
                signature: None,
                circular: None,
                layout: Layout::default(),
                opening,
                honours: Vec::new(),
                sections: [Some(work), shortcomings, plans]
                    .into_iter()
                    .flatten()
                    .collect(),
                attachments: Vec::new(),
                figures,
            },
        )
}

fn headings(section: Option<&Section>) -> Vec<String> {
    section
        .map(|s| {
            s.body
                .parts
                .iter()
                .filter_map(|p| p.heading.as_ref())
                .map(|h| h.value.clone())
                .collect()
        })
        .unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn rollover_moves_the_file_one_year_on(report in report()) {
        let source = format!("# 办公室维护\n{}", zongjie::write_data_file(&report));
        let loaded = zongjie::load(&source);
        prop_assert!(loaded.diagnostics.iter().all(|d| !d.is_error()), "{:?}\n{source}", loaded.diagnostics);
        let old = loaded.report.unwrap();

        let next = zongjie::rollover("data.yaml", &source).unwrap();
        let reloaded = zongjie::load(&next);
        prop_assert!(reloaded.diagnostics.iter().all(|d| !d.is_error()), "{:?}\n{next}", reloaded.diagnostics);
        let new = reloaded.report.unwrap();

        prop_assert_eq!(new.year, old.year + 1);
        prop_assert_eq!(new.date, None);
        prop_assert_eq!(new.figures.len(), old.figures.len());
        for (was, is) in old.figures.iter().zip(&new.figures) {
            prop_assert_eq!(&is.name, &was.name);
            prop_assert_eq!(&is.unit, &was.unit);
            prop_assert_eq!(is.value, None);
            prop_assert_eq!(is.last_year.map(|q| q.value()), was.value.map(|q| q.value()));
        }
        let plans = headings(old.section(Role::Plans));
        let work = headings(new.section(Role::Work));
        prop_assert_eq!(&work[..plans.len()], &plans[..]);
        prop_assert!(new.section(Role::Plans).is_none_or(|p| !p.body.has_content()));
        for comment in source.lines().filter(|l| l.starts_with('#') && !l.starts_with("#   ") && !l.starts_with("# 成文日期:")) {
            prop_assert!(next.contains(comment), "comment lost: {}", comment);
        }

        let _ = zongjie::lint_source("next.yaml", &next);
        let _ = zongjie::check("next.yaml", &next, zongjie::Purpose::Review);
    }
}
