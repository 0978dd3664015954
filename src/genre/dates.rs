//! Dates and years in the genre: 成文日期 as GB/T 9704 writes it, dates as
//! clerks type them, the years a report may be for and the year a report
//! written today is most likely for.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};

/// Years a report may be for.
pub const YEARS: RangeInclusive<i32> = 1949..=2100;

/// 成文日期 as GB/T 9704 writes it: Arabic digits, no zero-padding
/// (2023年2月2日).
pub fn document_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// Reads 2023-02-02, 2023/2/2 or 2023年2月2日.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y.%m.%d"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
}

/// The year a report written today is most likely for: this year from
/// October on, last year before.
pub fn default_year(today: chrono::NaiveDate) -> i32 {
    if today.month() >= 10 {
        today.year()
    } else {
        today.year() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn dates_in_both_styles() {
        assert_eq!(
            parse_date("2023-02-02"),
            NaiveDate::from_ymd_opt(2023, 2, 2)
        );
        assert_eq!(
            parse_date("2023年2月2日"),
            NaiveDate::from_ymd_opt(2023, 2, 2)
        );
        assert_eq!(parse_date("2023年2月30日"), None);
    }

    #[test]
    fn default_year_follows_the_reporting_season() {
        let day = |y, m| chrono::NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        assert_eq!(default_year(day(2026, 11)), 2026);
        assert_eq!(default_year(day(2027, 2)), 2026);
    }
}
