//! The numbering of Chinese official writing: 一、 （一） 1. （1）, the
//! run-in 一是/二是 series, and Chinese numerals as counts (以下五个方面).

use std::ops::Range;

use super::typography::as_sentence;

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A number in Chinese numerals: 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五.
pub fn numeral(n: u64) -> String {
    if n == 0 {
        return DIGITS[0].to_string();
    }
    if n >= 10_000 {
        let high = numeral(n / 10_000);
        let low = n % 10_000;
        return match low {
            0 => format!("{high}万"),
            1..=999 => format!("{high}万零{}", numeral_below_10000(low, true)),
            _ => format!("{high}万{}", numeral_below_10000(low, true)),
        };
    }
    numeral_below_10000(n, false)
}

/// `in_compound` keeps 一十 in 一万零一十, where a bare 十 would read wrong.
fn numeral_below_10000(n: u64, in_compound: bool) -> String {
    const UNITS: [(u64, &str); 4] = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    let mut out = String::new();
    let mut pending_zero = false;
    for (value, unit) in UNITS {
        let digit = (n / value % 10) as usize;
        if digit == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push_str(DIGITS[0]);
            pending_zero = false;
        }
        let bare_ten = value == 10 && digit == 1 && out.is_empty() && !in_compound;
        if !bare_ten {
            out.push_str(DIGITS[digit]);
        }
        out.push_str(unit);
    }
    out
}

/// A count in Chinese numerals as prose writes it: 两 for two
/// (以下两个方面), otherwise as [`numeral`].
pub fn count(n: u64) -> String {
    if n == 2 {
        "两".to_string()
    } else {
        numeral(n)
    }
}

/// The number of a heading at `level`: 1 → 一、, 2 → （一）, 3 → 1., 4 → （1）.
pub fn heading_number(n: u64, level: u8) -> String {
    match level {
        1 => format!("{}、", numeral(n)),
        2 => format!("（{}）", numeral(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// The ordinal of a run-in series: 1 → 一是, 2 → 二是.
pub fn series_ordinal(n: u64) -> String {
    format!("{}是", numeral(n))
}

/// A run-in series: each point as a sentence after its ordinal, joined into
/// one stretch of text: 一是……。二是……。
pub fn series<S: AsRef<str>>(points: &[S]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, point)| {
            format!(
                "{}{}",
                series_ordinal(i as u64 + 1),
                as_sentence(point.as_ref())
            )
        })
        .collect()
}

/// (level, number, byte length).
pub fn parse_heading_number(text: &str) -> Option<(u8, u64, usize)> {
    let numeral_end = |s: &str| {
        s.find(|c: char| !"一二三四五六七八九十百".contains(c))
            .unwrap_or(s.len())
    };
    let digits_end = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    for (open, close) in [("（", "）"), ("(", ")")] {
        if let Some(rest) = text.strip_prefix(open) {
            let n = numeral_end(rest);
            if n > 0 && rest[n..].starts_with(close) {
                let value = numeral_value(&rest[..n])?;
                return Some((2, value, open.len() + n + close.len()));
            }
            let d = digits_end(rest);
            if d > 0 && rest[d..].starts_with(close) {
                return Some((4, rest[..d].parse().ok()?, open.len() + d + close.len()));
            }
        }
    }
    let n = numeral_end(text);
    if n > 0 && text[n..].starts_with('、') {
        return Some((1, numeral_value(&text[..n])?, n + '、'.len_utf8()));
    }
    let d = digits_end(text);
    let after = &text[d..];
    let mark = after.chars().next()?;
    let follows = after[mark.len_utf8()..].chars().next();
    let is_number_mark =
        matches!(mark, '.' | '．' | '、') && follows.is_some_and(|c| !c.is_ascii_digit());
    (d > 0 && d <= 2 && is_number_mark)
        .then(|| (3, text[..d].parse().unwrap_or(0), d + mark.len_utf8()))
}

/// The value of a Chinese numeral up to 九十九 (and 一百).
pub fn numeral_value(numeral: &str) -> Option<u64> {
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|i| (i / 3) as u64);
    let chars: Vec<char> = numeral.chars().collect();
    match chars.as_slice() {
        ['一', '百'] => Some(100),
        ['十'] => Some(10),
        [d] => digit(*d).filter(|v| *v > 0),
        ['十', d] => digit(*d).map(|v| 10 + v),
        [t, '十'] => digit(*t).map(|v| v * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        _ => None,
    }
}

/// The ordinals of the run-in series in a paragraph: (byte range, value).
pub fn series_ordinals(text: &str) -> Vec<(Range<usize>, u64)> {
    let mut ordinals = Vec::new();
    for (at, _) in text.match_indices('是') {
        let before = &text[..at];
        let numeral_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| "一二三四五六七八九十".contains(*c))
            .last()
            .map(|(i, _)| i);
        let Some(start) = numeral_start else { continue };
        let boundary = before[..start]
            .trim_end()
            .chars()
            .last()
            .is_none_or(|c| "。；：，、”）,;:".contains(c));
        if let (true, Some(value)) = (boundary, numeral_value(&before[start..])) {
            ordinals.push((start..at + '是'.len_utf8(), value));
        }
    }
    ordinals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1005, "一千零五"),
            (2022, "二千零二十二"),
            (10_010, "一万零一十"),
            (0, "零"),
        ];
        for (n, expected) in cases {
            assert_eq!(numeral(n), expected, "{n}");
        }
    }

    #[test]
    fn counts_say_liang_for_two() {
        assert_eq!(count(2), "两");
        assert_eq!(count(5), "五");
        assert_eq!(count(12), "十二");
    }

    #[test]
    fn heading_numbers_by_level() {
        let cases = [
            (1, 1, "一、"),
            (7, 1, "七、"),
            (3, 2, "（三）"),
            (12, 2, "（十二）"),
            (4, 3, "4."),
            (2, 4, "（2）"),
        ];
        for (n, level, expected) in cases {
            assert_eq!(heading_number(n, level), expected);
        }
    }

    #[test]
    fn series_ordinals() {
        assert_eq!(series_ordinal(1), "一是");
        assert_eq!(series_ordinal(10), "十是");
        assert_eq!(
            series(&["加强政治建设。充分发挥作用", "加强思想建设"]),
            "一是加强政治建设。充分发挥作用。二是加强思想建设。"
        );
    }

    #[test]
    fn heading_numbers() {
        assert_eq!(parse_heading_number("一、工作情况"), Some((1, 1, 6)));
        assert_eq!(parse_heading_number("（十二）加强"), Some((2, 12, 12)));
        assert_eq!(parse_heading_number("(三)加强"), Some((2, 3, 5)));
        assert_eq!(parse_heading_number("3.加强"), Some((3, 3, 2)));
        assert_eq!(parse_heading_number("2、加强"), Some((3, 2, 4)));
        assert_eq!(parse_heading_number("（4）加强"), Some((4, 4, 7)));
        assert_eq!(parse_heading_number("1.5万人"), None);
        assert_eq!(parse_heading_number("2022年"), None);
        assert_eq!(parse_heading_number("一是加强"), None);
    }

    #[test]
    fn chinese_numeral_values() {
        for (numeral, value) in [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("九十九", 99),
            ("一百", 100),
        ] {
            assert_eq!(numeral_value(numeral), Some(value), "{numeral}");
        }
        assert_eq!(numeral_value("零"), None);
    }
}
