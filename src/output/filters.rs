//! The genre's Tera filters and functions, so that a template never types a
//! number, an ordinal or a percentage by hand.
//!
//! | filter | example |
//! |---|---|
//! | `cn` | `5 \| cn` → 五 |
//! | `cn_paren` | `5 \| cn_paren` → （五） |
//! | `cn_series` | `2 \| cn_series` → 二是 |
//! | `numbering(level=N)` | `3 \| numbering(level=2)` → （三） |
//! | `series` | `["甲", "乙"] \| series` → 一是甲。二是乙。 |
//! | `sentence` / `heading` | add or drop the closing 。 |
//! | `wan` | `78878000 \| wan` → 7887.8万 |
//! | `figure(unit=, approx=)` | `12000 \| figure(unit="人次", approx=true)` → 1.2万余人次 |
//! | `percent` | `0.97872 \| percent` → 97.87% |
//! | `yoy(last=)` | `1123 \| yoy(last=1000)` → 同比增长12.3% |
//! | `document_date` | `"2023-02-02" \| document_date` → 2023年2月2日 |
//!
//! The function `cite(name="办结.比率")` fills in a figure exactly as a
//! `{办结.比率}` marker in prose does.

use std::sync::Arc;

use rust_decimal::Decimal;
use tera::{Kwargs, State, Tera, TeraResult};

use crate::datafile::cite::Resolver;
use crate::datafile::model::Report;
use crate::genre::dates::{self, parse_date};
use crate::genre::numbering;
use crate::genre::quantity::{self, Magnitude, Quantity, Rounded, decimal_of};
use crate::genre::typography;

/// Registers every genre filter on `tera`.
pub fn register_filters(tera: &mut Tera) {
    tera.register_filter("cn", |n: u64, _: Kwargs, _: &State| numbering::numeral(n));
    tera.register_filter("cn_paren", |n: u64, _: Kwargs, _: &State| {
        numbering::heading_number(n, 2)
    });
    tera.register_filter("cn_series", |n: u64, _: Kwargs, _: &State| {
        numbering::series_ordinal(n)
    });
    tera.register_filter("numbering", numbering);
    tera.register_filter("series", |items: Vec<String>, _: Kwargs, _: &State| {
        numbering::series(&items)
    });
    tera.register_filter("sentence", |text: &str, _: Kwargs, _: &State| {
        typography::as_sentence(text)
    });
    tera.register_filter("heading", |text: &str, _: Kwargs, _: &State| {
        typography::as_heading(text)
    });
    tera.register_filter("wan", |value: f64, _: Kwargs, _: &State| {
        quantity::format_wan(decimal_of(value))
    });
    tera.register_filter("figure", figure);
    tera.register_filter("percent", |ratio: f64, _: Kwargs, _: &State| {
        quantity::format_percent(decimal_of(ratio), Decimal::ONE).unwrap_or_default()
    });
    tera.register_filter("yoy", year_over_year);
    tera.register_filter("document_date", document_date);
}

/// Registers the functions that need the report being rendered.
/// In a draft, an unfilled figure is a gap to fill rather than an error.
pub fn register_functions(tera: &mut Tera, report: Arc<Report>, draft: bool) {
    tera.register_function(
        "cite",
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let name: String = kwargs.must_get("name")?;
            let marker = format!("{{{name}}}");
            let resolver = if draft {
                Resolver::drafting(&report)
            } else {
                Resolver::new(&report)
            };
            resolver.expand(&marker).map_err(|errors| {
                let messages: Vec<String> = errors.iter().map(|(_, e)| e.message()).collect();
                tera::Error::message(messages.join("；"))
            })
        },
    );
}

fn numbering(n: u64, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let level: u8 = kwargs.must_get("level")?;
    if !(1..=4).contains(&level) {
        return Err(tera::Error::message(format!(
            "numbering 的 level 应为 1 至 4（一、 （一） 1. （1）），这里是 {level}"
        )));
    }
    Ok(numbering::heading_number(n, level))
}

/// A full value as reports write it: in 万 or 亿 when rounded (12000
/// approx → 1.2万余), as it is otherwise.
fn figure(value: f64, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let unit: String = kwargs.get("unit")?.unwrap_or_default();
    let approximate: bool = kwargs.get("approx")?.unwrap_or(false);
    let value = decimal_of(value);
    let magnitude = if !approximate {
        Magnitude::One
    } else if value >= Decimal::from(100_000_000) {
        Magnitude::Yi
    } else if value >= Decimal::from(10_000) {
        Magnitude::Wan
    } else {
        Magnitude::One
    };
    let exact = Quantity::exact(value).in_magnitude(magnitude);
    let quantity = Quantity {
        number: exact.number.round_dp(2).normalize(),
        rounded: approximate.then_some(Rounded {
            marker: '余',
            before_magnitude: false,
        }),
        ..exact
    };
    Ok(quantity.with_unit(&unit))
}

fn year_over_year(value: f64, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let last: f64 = kwargs.must_get("last")?;
    quantity::format_year_over_year(decimal_of(value), decimal_of(last))
        .ok_or_else(|| tera::Error::message("yoy 的 last（上年值）为 0，无法计算同比"))
}

fn document_date(text: &str, _: Kwargs, _: &State) -> TeraResult<String> {
    parse_date(text)
        .map(dates::document_date)
        .ok_or_else(|| tera::Error::message(format!("“{text}”不是有效日期")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Context;

    fn render(template: &str) -> String {
        let mut tera = Tera::new();
        register_filters(&mut tera);
        tera.add_raw_template("t", template).unwrap();
        tera.render("t", &Context::new()).unwrap()
    }

    #[test]
    fn filters_render_as_the_genre_writes() {
        let cases = [
            ("{{ 5 | cn }}", "五"),
            ("{{ 99 | cn }}", "九十九"),
            ("{{ 3 | cn_paren }}", "（三）"),
            ("{{ 2 | cn_series }}", "二是"),
            ("{{ 1 | numbering(level=1) }}", "一、"),
            ("{{ 12 | numbering(level=2) }}", "（十二）"),
            ("{{ 3 | numbering(level=3) }}", "3."),
            ("{{ 3 | numbering(level=4) }}", "（3）"),
            (
                "{{ [\"加强建设\", \"完善制度。\"] | series }}",
                "一是加强建设。二是完善制度。",
            ),
            ("{{ \"突出政治引领\" | sentence }}", "突出政治引领。"),
            ("{{ \"加强统筹协调。\" | heading }}", "加强统筹协调"),
            ("{{ 78878000 | wan }}", "7887.8万"),
            (
                "{{ 12000 | figure(unit=\"人次\", approx=true) }}",
                "1.2万余人次",
            ),
            ("{{ 62606 | figure(unit=\"人次\") }}", "62606人次"),
            ("{{ 288 | figure(unit=\"条\", approx=true) }}", "288余条"),
            ("{{ 0.978723 | percent }}", "97.87%"),
            ("{{ 1123 | yoy(last=1000) }}", "同比增长12.3%"),
            ("{{ 960 | yoy(last=1000) }}", "同比下降4.0%"),
            ("{{ \"2023-02-02\" | document_date }}", "2023年2月2日"),
        ];
        for (template, expected) in cases {
            assert_eq!(render(template), expected, "{template}");
        }
    }

    #[test]
    fn bad_arguments_are_errors_not_panics() {
        let mut tera = Tera::new();
        register_filters(&mut tera);
        for template in [
            "{{ 1 | numbering(level=9) }}",
            "{{ \"2月30日\" | document_date }}",
            "{{ 5 | yoy(last=0) }}",
        ] {
            tera.add_raw_template("t", template).unwrap();
            assert!(tera.render("t", &Context::new()).is_err(), "{template}");
        }
    }

    #[test]
    fn cite_fills_in_figures() {
        let source = "单位: 甲\n年度: 2022\n类型: 工作总结\n数据:\n  受理: 1899件\n  办结: {值: 1630件, 属于: 受理}\n";
        let report = crate::datafile::load::load(source).report.unwrap();
        let mut tera = Tera::new();
        register_functions(&mut tera, Arc::new(report), false);
        tera.add_raw_template(
            "t",
            "{{ cite(name=\"办结\") }}，{{ cite(name=\"办结.比率\") }}",
        )
        .unwrap();
        assert_eq!(tera.render("t", &Context::new()).unwrap(), "1630件，85.83%");
        tera.add_raw_template("bad", "{{ cite(name=\"未知\") }}")
            .unwrap();
        let error = tera.render("bad", &Context::new()).unwrap_err();
        assert!(format!("{error:?}").contains("引用了未定义的数据“未知”"));
    }
}
