//! Quantities as reports write them, and the one set of rules every flow
//! follows for them.
//!
//! A quantity is a number held exactly (a decimal, never a binary float),
//! a magnitude and whether it is rounded: `7887.8万元` is the number 7887.8,
//! the magnitude 万 and the unit 元. 万 and 亿 are a magnitude of the unit,
//! not part of it, so 7887.8万元 and 1.3万元 are both in 元 and add up;
//! `余` and `多` mark a rounded figure.
//!
//! - **Printing** follows what the clerk wrote: the number with the decimal
//!   places it was written with, its magnitude, its 余, its unit.
//! - **Sums**: figures in one magnitude sum in it (7887.8万元 + 1.3万元 =
//!   7889.1万元); figures in different magnitudes sum exactly in the smaller
//!   (3200余人次 + 0.3万人次 = 6200余人次); a sum with any rounded figure is
//!   rounded, and says so as the first rounded one did.
//! - **Rates** (比率, 占比, 完成率) are computed from the full values and
//!   rounded half away from zero to at most two decimals: 85.83%, 81%.
//! - **Year over year** (同比) is rounded the same way to one decimal, kept
//!   when zero: 同比增长12.3%, 同比下降4.0%; an unchanged value is 与上年持平.
//! - **Change** (增减) is the difference in the figure's own magnitude
//!   (较上年增加212.3万元), or in the smaller of the two.

use std::ops::Range;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

/// Units a count carries in reports, longest first so that 人次 is found
/// before 人. 万元 and 亿元 are 元 in a magnitude.
pub const UNITS: &[&str] = &[
    "平方米",
    "人次",
    "场次",
    "件次",
    "户次",
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
    "%",
];

/// 万 and 亿: how many of the unit one of the number stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Magnitude {
    /// The unit itself.
    #[default]
    One,
    /// 万: ten thousand.
    Wan,
    /// 亿: a hundred million.
    Yi,
}

impl Magnitude {
    /// The power of ten it multiplies by.
    fn exponent(self) -> u32 {
        match self {
            Magnitude::One => 0,
            Magnitude::Wan => 4,
            Magnitude::Yi => 8,
        }
    }

    /// How it is written: nothing, 万 or 亿.
    pub fn symbol(self) -> &'static str {
        match self {
            Magnitude::One => "",
            Magnitude::Wan => "万",
            Magnitude::Yi => "亿",
        }
    }

    /// A unit as a clerk writes it (万元) split into its magnitude and its
    /// unit (万, 元).
    pub fn split_unit(unit: &str) -> (Magnitude, &str) {
        let unit = unit.trim();
        if let Some(rest) = unit.strip_prefix('万') {
            (Magnitude::Wan, rest)
        } else if let Some(rest) = unit.strip_prefix('亿') {
            (Magnitude::Yi, rest)
        } else {
            (Magnitude::One, unit)
        }
    }
}

/// How a rounded figure says so: 余 or 多, before the magnitude (300余万元)
/// or after it (1.2万余人次).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rounded {
    /// 余 or 多.
    pub marker: char,
    /// Whether it stands before 万 or 亿.
    pub before_magnitude: bool,
}

/// A figure as written: number, magnitude and whether it is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quantity {
    /// The number as written, before its magnitude (7887.8 in 7887.8万),
    /// with the decimal places it was written with.
    pub number: Decimal,
    /// 万, 亿 or neither.
    pub magnitude: Magnitude,
    /// 余 or 多, when the figure is rounded.
    pub rounded: Option<Rounded>,
}

impl Quantity {
    /// An exact count of the unit itself.
    pub fn exact(number: Decimal) -> Quantity {
        Quantity {
            number,
            magnitude: Magnitude::One,
            rounded: None,
        }
    }

    /// Whether the figure is rounded (余, 多).
    pub fn is_rounded(&self) -> bool {
        self.rounded.is_some()
    }

    /// The full value in the unit (7887.8万 → 78 878 000).
    pub fn value(&self) -> Decimal {
        shift(self.number, self.magnitude.exponent() as i32)
    }

    /// The value for a template, which computes in floating point.
    pub fn to_f64(&self) -> f64 {
        f64::from_str(&self.value().to_string()).unwrap_or(0.0)
    }

    /// Reads a value as a clerk writes it: a number (thousands separators
    /// allowed), 万 or 亿, 余 or 多 on either side of it, and the unit.
    /// Gives the quantity and the unit without its magnitude (元 for 万元).
    pub fn parse(text: &str) -> Result<(Quantity, String), String> {
        let text = text.trim();
        let digits_end = text
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(text.len());
        let number_text = text[..digits_end].replace(',', "");
        if number_text.is_empty() {
            return Err(not_a_number(text));
        }
        let number = Decimal::from_str(&number_text)
            .map_err(|_| format!("中的“{number_text}”不是有效的数字"))?;
        let (magnitude, rounded, rest) = magnitude_and_rounding(&text[digits_end..]);
        let unit = rest.trim().to_string();
        if unit.starts_with('，') && unit[3..].starts_with(|c: char| c.is_ascii_digit()) {
            return Err(format!(
                "的数字里有全角逗号“，”：数字不用千位分隔符，写作 {number_text}{}",
                unit.trim_start_matches('，')
            ));
        }
        if unit.chars().any(|c| c.is_ascii_digit()) {
            return Err(format!(
                "的单位“{unit}”里有数字；一个值只写一个数，如 1899件"
            ));
        }
        let quantity = Quantity {
            number,
            magnitude,
            rounded,
        };
        Ok((quantity, unit))
    }

    /// The quantity written with `unit` as reports write it: 1.2万余人次,
    /// 300余万元, 7887.8万元.
    pub fn with_unit(&self, unit: &str) -> String {
        let mut out = self.number.to_string();
        let marker = self.rounded.map(|r| (r.marker, r.before_magnitude));
        if let Some((marker, true)) = marker {
            out.push(marker);
        }
        out.push_str(self.magnitude.symbol());
        if let Some((marker, false)) = marker {
            out.push(marker);
        }
        out.push_str(unit);
        out
    }

    /// The same amount in `magnitude`, exactly: 0.3万 in the unit is 3000,
    /// 13000 in 万 is 1.3. The decimal places follow the shift, so nothing
    /// is added that was not written.
    pub fn in_magnitude(&self, magnitude: Magnitude) -> Quantity {
        let exponent = self.magnitude.exponent() as i32 - magnitude.exponent() as i32;
        let shifted = shift(self.number, exponent);
        let number = if exponent < 0 {
            shifted.normalize()
        } else {
            with_places(
                shifted,
                (self.number.scale() as i32 - exponent).max(0) as u32,
            )
        };
        Quantity {
            number,
            magnitude,
            rounded: self.rounded,
        }
    }

    /// The sum of two quantities of one unit, by the rules in this
    /// module's documentation.
    pub fn plus(&self, other: &Quantity) -> Quantity {
        let magnitude = self.magnitude.min(other.magnitude);
        let (a, b) = (self.in_magnitude(magnitude), other.in_magnitude(magnitude));
        Quantity {
            number: a.number + b.number,
            magnitude,
            rounded: self.rounded.or(other.rounded),
        }
    }

    /// `self` less `other`, in the smaller of their magnitudes.
    pub fn minus(&self, other: &Quantity) -> Quantity {
        let magnitude = self.magnitude.min(other.magnitude);
        let (a, b) = (self.in_magnitude(magnitude), other.in_magnitude(magnitude));
        Quantity {
            number: a.number - b.number,
            magnitude,
            rounded: None,
        }
    }
}

/// Why a value that does not start with a digit cannot be read.
fn not_a_number(text: &str) -> String {
    let chinese_numeral = text
        .chars()
        .next()
        .is_some_and(|c| "零〇一二两三四五六七八九十百千".contains(c));
    if chinese_numeral {
        format!("的数字要用阿拉伯数字写，如 5件、1.2万人次；这里是“{text}”")
    } else {
        format!("应以数字开头，如 1899件、1.2万余人次；这里是“{text}”")
    }
}

/// The magnitude and rounding marks at the start of `rest`, in either
/// order, and what follows them.
fn magnitude_and_rounding(mut rest: &str) -> (Magnitude, Option<Rounded>, &str) {
    let mut magnitude = Magnitude::One;
    let mut rounded = None;
    for _ in 0..2 {
        if let Some(after) = rest.strip_prefix('万') {
            magnitude = Magnitude::Wan;
            rest = after;
        } else if let Some(after) = rest.strip_prefix('亿') {
            magnitude = Magnitude::Yi;
            rest = after;
        }
        if rounded.is_none()
            && let Some(marker) = rest.chars().next().filter(|c| *c == '余' || *c == '多')
        {
            rounded = Some(Rounded {
                marker,
                before_magnitude: magnitude == Magnitude::One,
            });
            rest = &rest[marker.len_utf8()..];
        }
    }
    if rounded.is_some_and(|r| r.before_magnitude) && magnitude == Magnitude::One {
        // 余 with no magnitude after it stands after the number: 3200余人次.
        rounded = rounded.map(|r| Rounded {
            before_magnitude: false,
            ..r
        });
    }
    (magnitude, rounded, rest)
}

/// `number` times ten to the `exponent` (which may be negative), exactly.
fn shift(number: Decimal, exponent: i32) -> Decimal {
    let ten = Decimal::TEN;
    let mut shifted = number;
    for _ in 0..exponent.unsigned_abs() {
        shifted = if exponent > 0 {
            shifted * ten
        } else {
            shifted / ten
        };
    }
    shifted
}

/// `number` rounded half away from zero to exactly `places` decimals, as
/// 同比 is written (4.0).
pub fn rounded_to(number: Decimal, places: u32) -> Decimal {
    with_places(number, places)
}

/// `number` written with `places` decimal places (rounded if it had more).
fn with_places(number: Decimal, places: u32) -> Decimal {
    let mut rounded = number.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(places);
    rounded
}

/// `number` rounded half away from zero to at most `places` decimals,
/// with no trailing zeros: 85.8300 → 85.83, 81.00 → 81.
fn rounded(number: Decimal, places: u32) -> Decimal {
    number
        .round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Writes a computed number the way reports do: no thousands separators,
/// at most two decimals, no trailing zeros (62606, 7887.8, 1.2).
pub fn format_number(value: Decimal) -> String {
    rounded(value, 2).to_string()
}

/// A number as a template gives it, read back exactly as Rust prints it.
pub fn decimal_of(value: f64) -> Decimal {
    Decimal::from_str(&value.to_string()).unwrap_or_default()
}

/// Writes a large count in 万 or 亿, as reports do for big figures:
/// 12000 → 1.2万, 78878000 → 7887.8万, 250000000 → 2.5亿.
pub fn format_wan(value: Decimal) -> String {
    let magnitude = if value.abs() >= Decimal::from(100_000_000) {
        Magnitude::Yi
    } else if value.abs() >= Decimal::from(10_000) {
        Magnitude::Wan
    } else {
        Magnitude::One
    };
    let number = shift(value, -(magnitude.exponent() as i32));
    format!("{}{}", format_number(number), magnitude.symbol())
}

/// `part` over `whole` as a percentage rounded to at most two decimals
/// (97.87%, 81%); `None` when the whole is zero.
pub fn format_percent(part: Decimal, whole: Decimal) -> Option<String> {
    if whole.is_zero() {
        return None;
    }
    Some(format!(
        "{}%",
        rounded(part * Decimal::ONE_HUNDRED / whole, 2)
    ))
}

/// The year-over-year change as reports word it: 同比增长12.3%,
/// 同比下降4.0%, 与上年持平; `None` when last year's value is zero.
pub fn format_year_over_year(current: Decimal, last_year: Decimal) -> Option<String> {
    if last_year.is_zero() {
        return None;
    }
    let change = (current - last_year) * Decimal::ONE_HUNDRED / last_year;
    let percent = with_places(change, 1);
    Some(if percent.is_sign_positive() && !percent.is_zero() {
        format!("同比增长{percent}%")
    } else if percent.is_sign_negative() && !percent.is_zero() {
        format!("同比下降{}%", -percent)
    } else {
        "与上年持平".to_string()
    })
}

/// The absolute change as reports word it: 较上年增加199件,
/// 较上年减少3件, 较上年增加212.3万元.
pub fn format_change(current: &Quantity, last_year: &Quantity, unit: &str) -> String {
    let difference = current.minus(last_year);
    let amount = Quantity {
        number: difference.number.abs(),
        ..difference
    };
    if difference.number.is_sign_positive() && !difference.number.is_zero() {
        format!("较上年增加{}", amount.with_unit(unit))
    } else if difference.number.is_zero() {
        "与上年持平".to_string()
    } else {
        format!("较上年减少{}", amount.with_unit(unit))
    }
}

/// A count found in prose: where it is, what it says and its unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    /// Its bytes in the text.
    pub range: Range<usize>,
    /// The quantity.
    pub quantity: Quantity,
    /// Its unit, without the magnitude.
    pub unit: String,
}

/// The counts with a unit in `text` (1899件, 1.2万余人次, 96.41%) whose
/// writing back gives the same text; years, dates, ordinals (第3次) and
/// numbers in formulas (7*24小时) are left alone. Lint's rate check and
/// import's figures both read prose with this.
pub fn counts(text: &str) -> Vec<Count> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = text[at..].find(|c: char| c.is_ascii_digit()) {
        let start = at + offset;
        let digits_end = text[start..]
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .map_or(text.len(), |i| start + i);
        at = digits_end;
        let before = text[..start].chars().last();
        if before
            .is_some_and(|c| c == '第' || c.is_ascii_alphanumeric() || "*+×-—～~/.".contains(c))
        {
            continue;
        }
        if let Some(count) = count_at(text, start, digits_end) {
            at = count.range.end;
            found.push(count);
        }
    }
    found
}

fn count_at(text: &str, start: usize, digits_end: usize) -> Option<Count> {
    let (_, _, rest) = magnitude_and_rounding(&text[digits_end..]);
    let unit = UNITS.iter().find(|u| rest.starts_with(**u))?;
    let end = text.len() - rest.len() + unit.len();
    let written = &text[start..end];
    let (quantity, unit) = Quantity::parse(written).ok()?;
    (quantity.with_unit(&unit) == written).then_some(Count {
        range: start..end,
        quantity,
        unit,
    })
}

#[cfg(test)]
mod tests;
