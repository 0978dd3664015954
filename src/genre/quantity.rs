//! Quantities: a value as a clerk writes it (1899件, 1.2万余人次,
//! 7887.8万元), formatted back, and the derived figures (rates, completion
//! of a target, year-over-year change) as reports word them.

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

    /// Reads a value as a clerk writes it (1.2万余人次): the quantity and
    /// its unit.
    pub fn parse(text: &str) -> Result<(Quantity, String), String> {
        parse_quantity(text)
    }

    /// The quantity written with `unit` as reports write it: 1.2万余人次.
    pub fn with_unit(&self, unit: &str) -> String {
        format_quantity(self, unit)
    }
}

/// Units a count carries in reports, longest first so that 人次 is found
/// before 人.
pub const UNITS: &[&str] = &[
    "平方米",
    "人次",
    "场次",
    "件次",
    "户次",
    "万元",
    "亿元",
    "小时",
    "件",
    "人",
    "名",
    "次",
    "个",
    "场",
    "元",
    "条",
    "份",
    "起",
    "家",
    "所",
    "项",
    "篇",
    "户",
    "台",
    "辆",
    "宗",
    "批",
    "期",
    "册",
    "部",
    "处",
    "天",
    "本",
    "封",
    "单",
];

/// Reads a value written as text: a number, an optional 万 or 亿, an
/// optional 余 (or 多) for a rounded figure, and the unit.
pub fn parse_quantity(text: &str) -> Result<(Quantity, String), String> {
    let text = text.trim();
    let digits_end = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(text.len(), |(i, _)| i);
    let number_text = text[..digits_end].replace(',', "");
    if number_text.is_empty() {
        return Err(format!(
            "应以数字开头，如 1899件、1.2万余人次；这里是“{text}”"
        ));
    }
    let mantissa: f64 = number_text
        .parse()
        .map_err(|_| format!("中的“{number_text}”不是有效的数字"))?;
    let mut rest = &text[digits_end..];
    let mut scale = 1.0;
    for (prefix, factor) in [("万", 1e4), ("亿", 1e8)] {
        if let Some(after) = rest.strip_prefix(prefix) {
            scale = factor;
            rest = after;
        }
    }
    let mut approximate = false;
    for marker in ["余", "多"] {
        if let Some(after) = rest.strip_prefix(marker) {
            approximate = true;
            rest = after;
        }
    }
    let unit = rest.trim().to_string();
    if unit.chars().any(|c| c.is_ascii_digit()) {
        return Err(format!(
            "的单位“{unit}”里有数字；一个值只写一个数，如 1899件"
        ));
    }
    Ok((
        Quantity {
            mantissa,
            scale,
            approximate,
        },
        unit,
    ))
}

/// Writes a number the way reports do: no thousands separators, no
/// trailing zeros (62606, 7887.8, 1.2).
pub fn format_number(value: f64) -> String {
    // The nudge makes 156.515 round up as a clerk rounds it (四舍五入),
    // not down as its binary approximation 156.514999… would.
    let hundredths = (value * 100.0 + value.signum() * 1e-7).round();
    if hundredths.abs() < 1e15 {
        // Whole hundredths print exactly from an integer, without the
        // slow path float formatting takes for a fixed precision.
        let hundredths = hundredths as i64;
        let sign = if hundredths < 0 { "-" } else { "" };
        let (whole, fraction) = (hundredths.abs() / 100, hundredths.abs() % 100);
        return match fraction {
            0 => format!("{sign}{whole}"),
            tenths if tenths % 10 == 0 => format!("{sign}{whole}.{}", tenths / 10),
            _ => format!("{sign}{whole}.{fraction:02}"),
        };
    }
    let text = format!("{:.2}", hundredths / 100.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Writes a quantity with its scale, 余 and unit: 1.2万余人次.
pub fn format_quantity(quantity: &Quantity, unit: &str) -> String {
    let scale = if quantity.scale == 1e8 {
        "亿"
    } else if quantity.scale == 1e4 {
        "万"
    } else {
        ""
    };
    let approximate = if quantity.approximate { "余" } else { "" };
    format!(
        "{}{scale}{approximate}{unit}",
        format_number(quantity.mantissa)
    )
}

/// Writes a large count in 万 or 亿, as reports do for big figures:
/// 12000 → 1.2万, 78878000 → 7887.8万, 250000000 → 2.5亿.
pub fn format_wan(value: f64) -> String {
    if value.abs() >= 1e8 {
        format!("{}亿", format_number(value / 1e8))
    } else if value.abs() >= 1e4 {
        format!("{}万", format_number(value / 1e4))
    } else {
        format_number(value)
    }
}

/// Writes a ratio as a percentage rounded to at most two decimals:
/// 0.978723 → 97.87%, 0.81 → 81%.
pub fn format_percent(ratio: f64) -> String {
    format!("{}%", format_number(ratio * 100.0))
}

/// The year-over-year change as reports word it: 同比增长12.3%,
/// 同比下降4.0%, 与上年持平. One decimal, kept even when zero.
pub fn format_year_over_year(current: f64, last_year: f64) -> Option<String> {
    if last_year == 0.0 {
        return None;
    }
    let percent = ((current - last_year) / last_year * 1000.0).round() / 10.0;
    Some(if percent > 0.0 {
        format!("同比增长{percent:.1}%")
    } else if percent < 0.0 {
        format!("同比下降{:.1}%", -percent)
    } else {
        "与上年持平".to_string()
    })
}

/// The absolute change as reports word it: 较上年增加199件, 较上年减少3件.
pub fn format_change(current: f64, last_year: f64, unit: &str) -> String {
    let difference = current - last_year;
    if difference > 0.0 {
        format!("较上年增加{}{unit}", format_number(difference))
    } else if difference < 0.0 {
        format!("较上年减少{}{unit}", format_number(-difference))
    } else {
        "与上年持平".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_parse_as_clerks_write_them() {
        let cases = [
            ("1899件", 1899.0, 1.0, false, "件"),
            ("62606人次", 62606.0, 1.0, false, "人次"),
            ("1.2万余人次", 1.2, 1e4, true, "人次"),
            ("7887.8万元", 7887.8, 1e4, false, "元"),
            ("96.41%", 96.41, 1.0, false, "%"),
            ("300多万元", 300.0, 1.0, true, "万元"),
            ("24.7万余件", 24.7, 1e4, true, "件"),
            ("3,094人", 3094.0, 1.0, false, "人"),
            ("5", 5.0, 1.0, false, ""),
        ];
        for (text, mantissa, scale, approximate, unit) in cases {
            let (q, u) = parse_quantity(text).unwrap();
            assert_eq!(
                (q.mantissa, q.scale, q.approximate, u.as_str()),
                (mantissa, scale, approximate, unit),
                "{text}"
            );
        }
    }

    #[test]
    fn bad_quantities_say_why() {
        assert!(parse_quantity("件").unwrap_err().contains("应以数字开头"));
        assert!(
            parse_quantity("1.2.3件")
                .unwrap_err()
                .contains("不是有效的数字")
        );
        assert!(parse_quantity("12件34人").unwrap_err().contains("单位"));
    }

    #[test]
    fn quantities_format_back_as_written() {
        for text in [
            "1899件",
            "62606人次",
            "1.2万余人次",
            "7887.8万元",
            "96.41%",
            "24.7万余件",
        ] {
            let (q, unit) = parse_quantity(text).unwrap();
            assert_eq!(format_quantity(&q, &unit), text);
        }
    }

    #[test]
    fn numbers_format_without_trailing_zeros() {
        let cases = [
            (62606.0, "62606"),
            (7887.8, "7887.8"),
            (0.125, "0.13"),
            (100.0, "100"),
            (-0.001, "0"),
            (156.515, "156.52"),
            (-3.456, "-3.46"),
            (12.05, "12.05"),
            (0.5, "0.5"),
            (1e16, "10000000000000000"),
        ];
        for (value, expected) in cases {
            assert_eq!(format_number(value), expected, "{value}");
        }
    }

    #[test]
    fn integer_formatting_agrees_with_float_formatting() {
        let by_float = |value: f64| {
            let rounded = (value * 100.0 + value.signum() * 1e-7).round() / 100.0;
            let text = format!("{rounded:.2}");
            let text = text.trim_end_matches('0').trim_end_matches('.');
            if text == "-0" {
                "0".to_string()
            } else {
                text.to_string()
            }
        };
        for thousandths in (-2_000_000..2_000_000).step_by(997) {
            let value = f64::from(thousandths) / 1000.0;
            assert_eq!(format_number(value), by_float(value), "{value}");
        }
        for value in [96.41, 88.46, 1899.0 / 1630.0, 7887.8, 24.7e4, 99.995] {
            assert_eq!(format_number(value), by_float(value), "{value}");
        }
    }

    #[test]
    fn large_counts_format_in_wan_and_yi() {
        let cases = [
            (12000.0, "1.2万"),
            (78878000.0, "7887.8万"),
            (250000000.0, "2.5亿"),
            (9999.0, "9999"),
        ];
        for (value, expected) in cases {
            assert_eq!(format_wan(value), expected, "{value}");
        }
    }

    #[test]
    fn percentages_round_to_two_decimals() {
        let cases = [
            (276.0 / 282.0, "97.87%"),
            (62606.0 / 40000.0, "156.52%"),
            (37754.0 / 37798.0, "99.88%"),
            (0.81, "81%"),
            (0.842, "84.2%"),
            (1.0, "100%"),
        ];
        for (ratio, expected) in cases {
            assert_eq!(format_percent(ratio), expected, "{ratio}");
        }
    }

    #[test]
    fn year_over_year_wording() {
        let cases = [
            (1123.0, 1000.0, Some("同比增长12.3%")),
            (960.0, 1000.0, Some("同比下降4.0%")),
            (1000.0, 1000.0, Some("与上年持平")),
            (5.0, 0.0, None),
        ];
        for (current, last, expected) in cases {
            assert_eq!(format_year_over_year(current, last).as_deref(), expected);
        }
        assert_eq!(format_change(1899.0, 1700.0, "件"), "较上年增加199件");
        assert_eq!(format_change(97.0, 100.0, "件"), "较上年减少3件");
    }
}
