//! The numbering and dates of Chinese official writing: 一、 (一) 1. (1),
//! the run-in 一是/二是 series, and 成文日期 in Arabic digits.

use chrono::{Datelike, NaiveDate};

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

/// 成文日期 as GB/T 9704 writes it: Arabic digits, no zero-padding
/// (2023年2月2日).
pub fn document_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// Punctuation that may end a sentence or a heading.
const ENDING_MARKS: &[char] = &['。', '！', '？', '；', '：', '…', '.', '!', '?', ';', ':'];

/// The text with a full stop appended unless it already ends with an end
/// mark, as a heading needs when it runs into its paragraph.
pub fn as_sentence(text: &str) -> String {
    let trimmed = text.trim_end();
    let ends_closed = trimmed
        .trim_end_matches(['”', '’', '）', ')', '》', '」'])
        .ends_with(ENDING_MARKS);
    if trimmed.is_empty() || ends_closed {
        trimmed.to_string()
    } else {
        format!("{trimmed}。")
    }
}

/// The text with a closing end mark (and a trailing comma or the like)
/// removed, as a heading on its own line is written.
pub fn as_heading(text: &str) -> String {
    text.trim_end()
        .trim_end_matches(['。', '，', '；', ',', ';', '.'])
        .to_string()
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
    fn document_dates_have_no_zero_padding() {
        let cases = [
            ((2023, 2, 2), "2023年2月2日"),
            ((2024, 12, 31), "2024年12月31日"),
        ];
        for ((y, m, d), expected) in cases {
            assert_eq!(
                document_date(NaiveDate::from_ymd_opt(y, m, d).unwrap()),
                expected
            );
        }
    }

    #[test]
    fn sentences_and_headings() {
        let cases = [
            ("突出政治引领", "突出政治引领。"),
            ("突出政治引领。", "突出政治引领。"),
            ("围绕中心工作：", "围绕中心工作："),
            ("打造“新铁军”", "打造“新铁军”。"),
            ("是否到位？”", "是否到位？”"),
        ];
        for (text, expected) in cases {
            assert_eq!(as_sentence(text), expected, "{text}");
        }
        assert_eq!(as_heading("加强统筹协调。"), "加强统筹协调");
        assert_eq!(as_heading("打造“新铁军”"), "打造“新铁军”");
    }
}
