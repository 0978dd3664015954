//! The rules of quantities as tables of cases: reading and writing back,
//! sums across magnitudes, rates, 同比 and 增减, rounding at .5, 余.

use proptest::prelude::*;

use super::*;

fn q(text: &str) -> Quantity {
    Quantity::parse(text).unwrap().0
}

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

#[test]
fn quantities_are_read_as_clerks_write_them() {
    let cases = [
        ("1899件", "1899", Magnitude::One, None, "件"),
        ("62606人次", "62606", Magnitude::One, None, "人次"),
        (
            "1.2万余人次",
            "1.2",
            Magnitude::Wan,
            Some(('余', false)),
            "人次",
        ),
        ("7887.8万元", "7887.8", Magnitude::Wan, None, "元"),
        ("96.41%", "96.41", Magnitude::One, None, "%"),
        ("300多万元", "300", Magnitude::Wan, Some(('多', true)), "元"),
        ("260余万元", "260", Magnitude::Wan, Some(('余', true)), "元"),
        (
            "24.7万余件",
            "24.7",
            Magnitude::Wan,
            Some(('余', false)),
            "件",
        ),
        (
            "3200余人次",
            "3200",
            Magnitude::One,
            Some(('余', false)),
            "人次",
        ),
        ("2.5亿元", "2.5", Magnitude::Yi, None, "元"),
        ("3,094人", "3094", Magnitude::One, None, "人"),
        ("12.50万元", "12.50", Magnitude::Wan, None, "元"),
        ("5", "5", Magnitude::One, None, ""),
        ("1.3万", "1.3", Magnitude::Wan, None, ""),
    ];
    for (text, number, magnitude, rounded, unit) in cases {
        let (quantity, read_unit) = Quantity::parse(text).unwrap();
        assert_eq!(quantity.number.to_string(), number, "{text}");
        assert_eq!(quantity.magnitude, magnitude, "{text}");
        let marks = quantity.rounded.map(|r| (r.marker, r.before_magnitude));
        assert_eq!(marks, rounded, "{text}");
        assert_eq!(read_unit, unit, "{text}");
    }
}

#[test]
fn quantities_are_written_back_as_they_were_written() {
    for text in [
        "1899件",
        "62606人次",
        "1.2万余人次",
        "7887.8万元",
        "96.41%",
        "300多万元",
        "260余万元",
        "24.7万余件",
        "3200余人次",
        "2.5亿元",
        "12.50万元",
        "0.3万人次",
    ] {
        let (quantity, unit) = Quantity::parse(text).unwrap();
        assert_eq!(quantity.with_unit(&unit), text);
    }
}

#[test]
fn bad_quantities_say_why() {
    assert!(Quantity::parse("件").unwrap_err().contains("应以数字开头"));
    assert!(
        Quantity::parse("1.2.3件")
            .unwrap_err()
            .contains("不是有效的数字")
    );
    assert!(Quantity::parse("12件34人").unwrap_err().contains("单位"));
}

#[test]
fn full_values_are_exact() {
    let cases = [
        ("7887.8万元", "78878000"),
        ("1.2万余人次", "12000"),
        ("2.5亿元", "250000000"),
        ("0.3万人次", "3000"),
        ("1899件", "1899"),
        ("0.0001万元", "1"),
    ];
    for (text, value) in cases {
        assert_eq!(q(text).value().normalize().to_string(), value, "{text}");
    }
}

#[test]
fn sums_keep_the_clerks_magnitude_and_precision() {
    let cases = [
        ("7887.8万元", "1.3万元", "7889.1万元"),
        ("260余万元", "40万元", "300余万元"),
        ("3200余人次", "0.3万人次", "6200余人次"),
        ("120件", "80件", "200件"),
        ("1.2万余人次", "3000人次", "15000余人次"),
        ("7887.8万元", "1.35万元", "7889.15万元"),
        ("2.5亿元", "5000万元", "30000万元"),
        ("0.1万元", "0.2万元", "0.3万元"),
        ("96.5%", "3.5%", "100.0%"),
        ("1.2万余人次", "0.8万余人次", "2.0万余人次"),
    ];
    for (a, b, sum) in cases {
        let (first, unit) = Quantity::parse(a).unwrap();
        assert_eq!(first.plus(&q(b)).with_unit(&unit), sum, "{a} + {b}");
    }
}

#[test]
fn magnitudes_convert_exactly_without_inventing_places() {
    let cases = [
        ("0.3万", Magnitude::One, "3000"),
        ("7887.85万", Magnitude::One, "78878500"),
        ("13000", Magnitude::Wan, "1.3万"),
        ("78878000", Magnitude::Wan, "7887.8万"),
        ("1.5亿", Magnitude::Wan, "15000万"),
        ("12", Magnitude::One, "12"),
    ];
    for (text, magnitude, expected) in cases {
        assert_eq!(
            q(text).in_magnitude(magnitude).with_unit(""),
            expected,
            "{text}"
        );
    }
}

#[test]
fn rates_round_half_away_from_zero_to_two_decimals() {
    let cases = [
        ("276", "282", "97.87%"),
        ("62606", "40000", "156.52%"),
        ("37754", "37798", "99.88%"),
        ("81", "100", "81%"),
        ("842", "1000", "84.2%"),
        ("1", "1", "100%"),
        ("1", "8", "12.5%"),
        ("1", "3", "33.33%"),
        ("2", "3", "66.67%"),
        ("1", "200000", "0%"),
        ("1", "20000", "0.01%"),
        ("9999", "10000", "99.99%"),
        ("1630", "1899", "85.83%"),
    ];
    for (part, whole, expected) in cases {
        assert_eq!(
            format_percent(d(part), d(whole)).unwrap(),
            expected,
            "{part}/{whole}"
        );
    }
    assert_eq!(format_percent(d("1"), d("0")), None);
}

#[test]
fn rates_across_magnitudes_use_full_values() {
    let whole = q("130万元");
    assert_eq!(
        format_percent(q("1.3万元").value(), whole.value()).unwrap(),
        "1%"
    );
    assert_eq!(
        format_percent(q("13000元").value(), whole.value()).unwrap(),
        "1%"
    );
    assert_eq!(
        format_percent(q("1.3万元").value(), q("7887.8万元").value()).unwrap(),
        "0.02%"
    );
    assert_eq!(
        format_percent(q("6196件").value(), q("0.7004万件").value()).unwrap(),
        "88.46%"
    );
}

#[test]
fn year_over_year_wording() {
    let cases = [
        ("1123", "1000", Some("同比增长12.3%")),
        ("960", "1000", Some("同比下降4.0%")),
        ("1000", "1000", Some("与上年持平")),
        ("10005", "10000", Some("同比增长0.1%")),
        ("10004", "10000", Some("与上年持平")),
        ("9995", "10000", Some("同比下降0.1%")),
        ("2000", "1000", Some("同比增长100.0%")),
        ("5", "0", None),
    ];
    for (current, last, expected) in cases {
        assert_eq!(
            format_year_over_year(d(current), d(last)).as_deref(),
            expected,
            "{current} on {last}"
        );
    }
}

#[test]
fn year_over_year_across_magnitudes() {
    let this_year = q("8100万元");
    let last_year = q("7887.8万元");
    assert_eq!(
        format_year_over_year(this_year.value(), last_year.value()).unwrap(),
        "同比增长2.7%"
    );
    assert_eq!(
        format_year_over_year(q("1.2万人次").value(), q("10000人次").value()).unwrap(),
        "同比增长20.0%"
    );
}

#[test]
fn change_is_worded_in_the_figures_magnitude() {
    let cases = [
        ("1899", "1700", "件", "较上年增加199件"),
        ("97", "100", "件", "较上年减少3件"),
        ("8100万", "7887.8万", "元", "较上年增加212.2万元"),
        ("1.2万", "9000", "人次", "较上年增加3000人次"),
        ("5", "5", "件", "与上年持平"),
    ];
    for (current, last, unit, expected) in cases {
        assert_eq!(format_change(&q(current), &q(last), unit), expected);
    }
}

#[test]
fn computed_numbers_print_without_trailing_zeros() {
    let cases = [
        ("62606", "62606"),
        ("7887.80", "7887.8"),
        ("0.125", "0.13"),
        ("0.135", "0.14"),
        ("-3.456", "-3.46"),
        ("100.00", "100"),
        ("156.515", "156.52"),
    ];
    for (value, expected) in cases {
        assert_eq!(format_number(d(value)), expected, "{value}");
    }
}

#[test]
fn large_counts_format_in_wan_and_yi() {
    let cases = [
        ("12000", "1.2万"),
        ("78878000", "7887.8万"),
        ("250000000", "2.5亿"),
        ("9999", "9999"),
        ("10000", "1万"),
    ];
    for (value, expected) in cases {
        assert_eq!(format_wan(d(value)), expected, "{value}");
    }
}

#[test]
fn units_split_into_magnitude_and_unit() {
    assert_eq!(Magnitude::split_unit("万元"), (Magnitude::Wan, "元"));
    assert_eq!(Magnitude::split_unit("亿元"), (Magnitude::Yi, "元"));
    assert_eq!(Magnitude::split_unit("件"), (Magnitude::One, "件"));
    assert_eq!(Magnitude::split_unit("万人次"), (Magnitude::Wan, "人次"));
}

#[test]
fn counts_in_prose_are_found_with_their_places() {
    let text =
        "受理1899件，咨询1.2万余人次，收费7887.8万元，第3次会议，7*24小时，满意度96.41%，2022年";
    let found: Vec<(&str, String)> = counts(text)
        .iter()
        .map(|c| (&text[c.range.clone()], c.unit.clone()))
        .collect();
    assert_eq!(
        found,
        [
            ("1899件", "件".to_string()),
            ("1.2万余人次", "人次".to_string()),
            ("7887.8万元", "元".to_string()),
            ("96.41%", "%".to_string()),
        ]
    );
}

/// A quantity as a clerk could write it: up to four decimals, a
/// magnitude, maybe rounded.
fn quantity() -> impl Strategy<Value = Quantity> {
    (0u64..10_000_000, 0u32..4, 0usize..3, any::<bool>()).prop_map(
        |(digits, places, magnitude, rounded)| Quantity {
            number: Decimal::new(digits as i64, places),
            magnitude: [Magnitude::One, Magnitude::Wan, Magnitude::Yi][magnitude],
            rounded: rounded.then_some(Rounded {
                marker: '余',
                before_magnitude: false,
            }),
        },
    )
}

proptest! {
    #[test]
    fn a_sum_is_the_exact_sum_and_reads_back_as_itself(items in prop::collection::vec(quantity(), 1..6)) {
        let total = items[1..].iter().fold(items[0], |sum, item| sum.plus(item));
        let exact: Decimal = items.iter().map(Quantity::value).sum();
        prop_assert_eq!(total.value(), exact);
        let written = total.with_unit("件");
        let (read, unit) = Quantity::parse(&written).unwrap();
        prop_assert_eq!(unit, "件");
        prop_assert_eq!(read.value(), total.value());
        prop_assert_eq!(read.with_unit("件"), written);
        prop_assert_eq!(read.is_rounded(), items.iter().any(Quantity::is_rounded));
    }
}
