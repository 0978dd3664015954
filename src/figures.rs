//! Figures: reading a value as a clerk writes it (1899件, 1.2万余人次,
//! 7887.8万元), formatting it back, the derived figures (rates, completion
//! of a target, year-over-year change) and the `{名称}` markers by which
//! prose cites them.

use std::borrow::Cow;
use std::ops::Range;

use crate::chinese;
use crate::load::BUILTIN_NAMES;
use crate::model::{Figure, Quantity, Report};

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

/// Why a figure name cannot be used, if it cannot.
pub fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("数据名称不能为空".to_string());
    }
    if let Some(c) = name
        .chars()
        .find(|c| c.is_whitespace() || "{}｛｝./".contains(*c))
    {
        return Some(format!("数据名称“{name}”里不能有“{c}”"));
    }
    if BUILTIN_NAMES.contains(&name) {
        return Some(format!("数据名称“{name}”与内置名称重名，请换一个名称"));
    }
    None
}

/// What a marker in prose asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cite {
    /// `{名称}`: a figure's value, or a built-in name such as `{年度}`.
    Name(String),
    /// `{名称.属性}`: something derived from a figure (`{办结.比率}`).
    Attribute(String, String),
    /// `{甲/乙}`: the ratio of two figures as a percentage.
    Ratio(String, String),
}

/// A marker found in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// Byte range of the whole marker, braces included.
    pub range: Range<usize>,
    /// What it cites.
    pub cite: Cite,
}

/// The attributes a figure marker may ask for, Chinese and English.
pub const ATTRIBUTES: &[(&str, &str)] = &[
    ("值", "value"),
    ("数", "number"),
    ("比率", "rate"),
    ("占比", "share"),
    ("完成率", "completion"),
    ("目标", "target"),
    ("上年", "last_year"),
    ("同比", "yoy"),
    ("增减", "change"),
];

/// Finds the markers in `text`. An opening brace with no closing one is an
/// error at its byte offset; `{{` stands for a literal brace.
pub fn find_markers(text: &str) -> Result<Vec<Marker>, usize> {
    let mut markers = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_open(c) {
            continue;
        }
        if chars.peek().is_some_and(|(_, next)| is_open(*next)) {
            chars.next();
            continue;
        }
        let close = text[start..]
            .char_indices()
            .skip(1)
            .find(|(_, c)| is_close(*c) || is_open(*c) || *c == '\n');
        let Some((offset, closing)) = close.filter(|(_, c)| is_close(*c)) else {
            return Err(start);
        };
        let end = start + offset + closing.len_utf8();
        let inner = text[start + c.len_utf8()..start + offset].trim();
        markers.push(Marker {
            range: start..end,
            cite: parse_cite(inner),
        });
        while chars.peek().is_some_and(|(i, _)| *i < end) {
            chars.next();
        }
    }
    Ok(markers)
}

fn is_open(c: char) -> bool {
    c == '{' || c == '｛'
}

fn is_close(c: char) -> bool {
    c == '}' || c == '｝'
}

fn parse_cite(inner: &str) -> Cite {
    if let Some((a, b)) = inner.split_once('/') {
        Cite::Ratio(a.trim().to_string(), b.trim().to_string())
    } else if let Some((name, attribute)) = inner.split_once('.') {
        Cite::Attribute(name.trim().to_string(), attribute.trim().to_string())
    } else {
        Cite::Name(inner.to_string())
    }
}

/// Why a marker cannot be filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CiteError {
    /// No figure has that name.
    UnknownFigure {
        /// The name cited.
        name: String,
        /// A figure with a similar name.
        suggestion: Option<String>,
    },
    /// The attribute after the dot is not one we know.
    UnknownAttribute(String),
    /// The figure's value is still to be filled in.
    Unfilled(String),
    /// The figure lacks what the attribute needs (a target, a whole…).
    Missing {
        /// The figure.
        name: String,
        /// What it lacks, in Chinese.
        what: &'static str,
    },
    /// A ratio's whole is zero.
    ZeroWhole(String),
    /// `{项数}` used where there is nothing to count.
    NothingToCount,
}

impl CiteError {
    /// The message in Chinese.
    pub fn message(&self) -> String {
        match self {
            CiteError::UnknownFigure { name, suggestion } => {
                let mut message = format!("引用了未定义的数据“{name}”");
                if let Some(s) = suggestion {
                    message.push_str(&format!("；是不是“{s}”？"));
                }
                message
            }
            CiteError::UnknownAttribute(attribute) => {
                let known: Vec<&str> = ATTRIBUTES.iter().map(|(zh, _)| *zh).collect();
                format!(
                    "未知的数据属性“{attribute}”；可用的有：{}",
                    known.join("、")
                )
            }
            CiteError::Unfilled(name) => format!("数据“{name}”还没有填写数值"),
            CiteError::Missing { name, what } => format!("数据“{name}”没有{what}，无法计算"),
            CiteError::ZeroWhole(name) => format!("数据“{name}”为 0，不能作分母"),
            CiteError::NothingToCount => "“{项数}”只能用在有部分或要点的段落里".to_string(),
        }
    }
}

/// Fills in markers for one report.
#[derive(Debug, Clone, Copy)]
pub struct Resolver<'r> {
    report: &'r Report,
    /// What `{项数}` counts here: the parts or points of the enclosing part.
    item_count: Option<usize>,
}

impl<'r> Resolver<'r> {
    /// A resolver for `report`'s figures and built-in names.
    pub fn new(report: &'r Report) -> Resolver<'r> {
        Resolver {
            report,
            item_count: None,
        }
    }

    /// The same resolver with `{项数}` counting `count` items.
    pub fn counting(self, count: usize) -> Resolver<'r> {
        Resolver {
            item_count: Some(count),
            ..self
        }
    }

    /// Replaces every marker in `text` with its value.
    pub fn expand(&self, text: &str) -> Result<String, Vec<(Marker, CiteError)>> {
        if !text.contains(['{', '}', '｛', '｝']) {
            return Ok(text.to_string());
        }
        let markers = find_markers(text).unwrap_or_default();
        let mut out = String::with_capacity(text.len());
        let mut errors = Vec::new();
        let mut last = 0;
        for marker in markers {
            out.push_str(&unescape_braces(&text[last..marker.range.start]));
            match self.resolve(&marker.cite) {
                Ok(value) => out.push_str(&value),
                Err(error) => errors.push((marker.clone(), error)),
            }
            last = marker.range.end;
        }
        out.push_str(&unescape_braces(&text[last..]));
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }

    /// The value a single cite stands for.
    pub fn resolve(&self, cite: &Cite) -> Result<String, CiteError> {
        match cite {
            Cite::Name(name) => self
                .builtin(name)
                .unwrap_or_else(|| self.attribute(name, "值")),
            Cite::Attribute(name, attribute) => self.attribute(name, attribute),
            Cite::Ratio(part, whole) => {
                let part = self.value_of(self.figure(part)?)?;
                let whole_figure = self.figure(whole)?;
                ratio(part, self.value_of(whole_figure)?, &whole_figure.name)
            }
        }
    }

    fn builtin(&self, name: &str) -> Option<Result<String, CiteError>> {
        let report = self.report;
        let value = match name {
            "年度" => report.year.to_string(),
            "下一年度" => (report.year + 1).to_string(),
            "上一年度" => (report.year - 1).to_string(),
            "单位" => report.bureau.name.clone(),
            "自称" => report.bureau.self_name.clone(),
            "范围" => report.bureau.scope.clone(),
            "项数" => {
                return Some(
                    self.item_count
                        .filter(|n| *n > 0)
                        .map(|n| chinese::count(n as u64))
                        .ok_or(CiteError::NothingToCount),
                );
            }
            _ => return None,
        };
        Some(Ok(value))
    }

    fn figure(&self, name: &str) -> Result<&'r Figure, CiteError> {
        self.report
            .figure(name)
            .ok_or_else(|| CiteError::UnknownFigure {
                name: name.to_string(),
                suggestion: self.similar_name(name),
            })
    }

    fn similar_name(&self, name: &str) -> Option<String> {
        let shares_chars = |candidate: &str| {
            let common = name.chars().filter(|c| candidate.contains(*c)).count();
            common * 2 >= name.chars().count().max(candidate.chars().count())
        };
        self.report
            .figures
            .iter()
            .find(|f| shares_chars(&f.name))
            .map(|f| f.name.clone())
    }

    fn value_of(&self, figure: &Figure) -> Result<f64, CiteError> {
        figure
            .value
            .map(|q| q.value())
            .ok_or_else(|| CiteError::Unfilled(figure.name.clone()))
    }

    fn attribute(&self, name: &str, attribute: &str) -> Result<String, CiteError> {
        let figure = self.figure(name)?;
        let attribute = ATTRIBUTES
            .iter()
            .find(|(zh, en)| *zh == attribute || *en == attribute)
            .map(|(zh, _)| *zh)
            .ok_or_else(|| CiteError::UnknownAttribute(attribute.to_string()))?;
        let missing = |what| CiteError::Missing {
            name: figure.name.clone(),
            what,
        };
        let value = figure
            .value
            .ok_or_else(|| CiteError::Unfilled(figure.name.clone()));
        match attribute {
            "值" => Ok(format_quantity(&value?, &figure.unit)),
            "数" => Ok(format_number(value?.value())),
            "比率" | "占比" => {
                let whole_name = figure.part_of.as_ref().ok_or_else(|| missing("“属于”"))?;
                let whole = self.figure(&whole_name.value)?;
                ratio(value?.value(), self.value_of(whole)?, &whole.name)
            }
            "完成率" => {
                let target = figure.target.ok_or_else(|| missing("“目标”"))?;
                ratio(value?.value(), target.value(), &figure.name)
            }
            "目标" => Ok(format_quantity(
                &figure.target.ok_or_else(|| missing("“目标”"))?,
                &figure.unit,
            )),
            "上年" => Ok(format_quantity(
                &figure.last_year.ok_or_else(|| missing("“上年”"))?,
                &figure.unit,
            )),
            "同比" => {
                let last = figure.last_year.ok_or_else(|| missing("“上年”"))?;
                format_year_over_year(value?.value(), last.value())
                    .ok_or_else(|| CiteError::ZeroWhole(format!("{}.上年", figure.name)))
            }
            _ => {
                let last = figure.last_year.ok_or_else(|| missing("“上年”"))?;
                Ok(format_change(value?.value(), last.value(), &figure.unit))
            }
        }
    }
}

fn ratio(part: f64, whole: f64, whole_name: &str) -> Result<String, CiteError> {
    if whole == 0.0 {
        return Err(CiteError::ZeroWhole(whole_name.to_string()));
    }
    Ok(format_percent(part / whole))
}

fn unescape_braces(text: &str) -> Cow<'_, str> {
    if !text.contains(['{', '}', '｛', '｝']) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.replace("{{", "{")
            .replace("｛｛", "｛")
            .replace("}}", "}")
            .replace("｝｝", "｝"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;

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

    #[test]
    fn markers_are_found_with_their_ranges() {
        let text = "受理{受理}，结案率{办结.比率}，占{民事/受理}，{{字面}}";
        let markers = find_markers(text).unwrap();
        assert_eq!(markers.len(), 3);
        assert_eq!(&text[markers[0].range.clone()], "{受理}");
        assert_eq!(
            markers[1].cite,
            Cite::Attribute("办结".into(), "比率".into())
        );
        assert_eq!(markers[2].cite, Cite::Ratio("民事".into(), "受理".into()));
    }

    #[test]
    fn full_width_braces_are_markers_too() {
        let markers = find_markers("共｛受理｝").unwrap();
        assert_eq!(markers[0].cite, Cite::Name("受理".into()));
    }

    #[test]
    fn unclosed_marker_is_an_error_at_its_brace() {
        assert_eq!(find_markers("共{受理，完成"), Err(3));
    }

    fn sample() -> Report {
        let source = "单位: 长治市司法局\n年度: 2022\n类型: 工作总结\n数据:\n  咨询: {值: 62606, 单位: 人次, 目标: 40000, 上年: 55000}\n  受理: 1899件\n  办结: {值: 1630, 单位: 件, 属于: 受理}\n  待填: {单位: 件}\n";
        load(source).report.unwrap()
    }

    #[test]
    fn prose_cites_figures_and_derived_values() {
        let report = sample();
        let resolver = Resolver::new(&report);
        let text = "{年度}年咨询{咨询}，完成全年任务的{咨询.完成率}，{咨询.同比}；受理{受理}，办结{办结}，结案率{办结.比率}，即{办结/受理}，{{不是标记}}。";
        assert_eq!(
            resolver.expand(text).unwrap(),
            "2022年咨询62606人次，完成全年任务的156.52%，同比增长13.8%；受理1899件，办结1630件，结案率85.83%，即85.83%，{不是标记}。"
        );
    }

    #[test]
    fn citing_problems_are_named() {
        let report = sample();
        let resolver = Resolver::new(&report);
        let errors = resolver
            .expand("{受里}{待填}{受理.比率}{受理.颜色}{项数}")
            .unwrap_err();
        let messages: Vec<String> = errors.iter().map(|(_, e)| e.message()).collect();
        assert_eq!(
            messages,
            [
                "引用了未定义的数据“受里”；是不是“受理”？",
                "数据“待填”还没有填写数值",
                "数据“受理”没有“属于”，无法计算",
                "未知的数据属性“颜色”；可用的有：值、数、比率、占比、完成率、目标、上年、同比、增减",
                "“{项数}”只能用在有部分或要点的段落里",
            ]
        );
    }

    #[test]
    fn item_count_is_a_chinese_numeral() {
        let report = sample();
        let text = Resolver::new(&report)
            .counting(5)
            .expand("做好以下{项数}个方面工作")
            .unwrap();
        assert_eq!(text, "做好以下五个方面工作");
    }

    #[test]
    fn reserved_and_malformed_names_are_refused() {
        assert!(name_problem("年度").unwrap().contains("内置名称"));
        assert!(name_problem("办结.率").unwrap().contains("“.”"));
        assert_eq!(name_problem("法律援助受理"), None);
    }
}
