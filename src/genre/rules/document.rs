//! The checks that need the whole report: numbering across paragraphs
//! (一、 （一） 1. （1） and the run-in 一是、二是 series), and years out of
//! place for the report's year.

use super::{Finding, Rule};
use crate::genre::kinds::Role;
use crate::genre::numbering::{parse_heading_number, series_ordinals};

/// A paragraph as the document checks see it.
#[derive(Debug, Clone, Copy)]
pub struct ProseParagraph<'a> {
    /// Its text.
    pub text: &'a str,
    /// The part of the report it belongs to, when known.
    pub role: Option<Role>,
    /// Whether a number at its start was typed by a person (a text file)
    /// rather than computed (a data file, whose numbering is zongjie's).
    pub typed_numbers: bool,
}

/// Findings of the whole-report checks, by paragraph index.
pub fn check(paragraphs: &[ProseParagraph], year: Option<i32>) -> Vec<(usize, Finding)> {
    let mut found = Vec::new();
    heading_sequences(paragraphs, &mut found);
    numbering_styles(paragraphs, &mut found);
    series(paragraphs, &mut found);
    if let Some(year) = year {
        years(paragraphs, year, &mut found);
    }
    found
}

fn heading_sequences(paragraphs: &[ProseParagraph], found: &mut Vec<(usize, Finding)>) {
    let mut expected = [1u64; 5];
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if !paragraph.typed_numbers {
            continue;
        }
        let Some((level, number, len)) = parse_heading_number(paragraph.text) else {
            continue;
        };
        let slot = usize::from(level);
        let wanted = expected[slot];
        if number != wanted {
            let what = out_of_order(number, wanted);
            found.push((
                index,
                Finding::new(
                    Rule::Numbering,
                    0..len,
                    format!("序号{what}：这里应为第{wanted}项，写的是第{number}项"),
                ),
            ));
        }
        expected[slot] = number + 1;
        for lower in expected.iter_mut().skip(slot + 1) {
            *lower = 1;
        }
    }
}

/// 1. and 1、 both used for the third level.
fn numbering_styles(paragraphs: &[ProseParagraph], found: &mut Vec<(usize, Finding)>) {
    let mut first_style: Option<char> = None;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if !paragraph.typed_numbers {
            continue;
        }
        let Some((3, _, len)) = parse_heading_number(paragraph.text) else {
            continue;
        };
        let Some(mark) = paragraph.text[..len].chars().last() else {
            continue;
        };
        match first_style {
            None => first_style = Some(mark),
            Some(first) if first != mark => found.push((
                index,
                Finding::new(
                    Rule::NumberingStyle,
                    len - mark.len_utf8()..len,
                    format!("同一级序号有“{first}”和“{mark}”两种写法，应统一"),
                ),
            )),
            Some(_) => {}
        }
    }
}

fn series(paragraphs: &[ProseParagraph], found: &mut Vec<(usize, Finding)>) {
    let mut expected = 1u64;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let ordinals = series_ordinals(paragraph.text);
        let continues = ordinals
            .first()
            .is_some_and(|(range, value)| range.start == 0 && *value > 1);
        if !continues {
            expected = 1;
        }
        for (range, value) in ordinals {
            if value == 1 {
                expected = 1;
            }
            if value != expected {
                let what = out_of_order(value, expected);
                found.push((
                    index,
                    Finding::new(
                        Rule::Numbering,
                        range,
                        format!(
                            "“一是、二是”序列{what}：这里应为“{}是”",
                            crate::genre::numbering::numeral(expected)
                        ),
                    ),
                ));
            }
            expected = value + 1;
        }
    }
}

fn years(paragraphs: &[ProseParagraph], year: i32, found: &mut Vec<(usize, Finding)>) {
    for (index, paragraph) in paragraphs.iter().enumerate() {
        for (range, mentioned) in years_in(paragraph.text) {
            let message = match paragraph.role {
                Some(Role::Work | Role::Highlights) if mentioned > year => {
                    format!("{year}年的工作情况里出现了之后的年份“{mentioned}年”，请核对")
                }
                Some(Role::Work | Role::Highlights)
                    if mentioned < year && paragraph.text[range.end..].starts_with("以来") =>
                {
                    format!("{year}年的报告里写“{mentioned}年以来”，可能是沿用了往年的文字，请核对")
                }
                Some(Role::Plans) if mentioned == year => format!(
                    "下一年度的打算里出现了本报告年度“{year}年”，可能是沿用了往年的文字，请核对"
                ),
                _ => continue,
            };
            found.push((index, Finding::new(Rule::YearOutOfPlace, range, message)));
        }
    }
}

/// Four-digit years followed by 年: (range of the digits and 年, year).
/// The end of a span of years (2021-2025年) and a year inside a title
/// (《实施方案（2021—2025年）》) name a period, not when a thing happened.
fn years_in(text: &str) -> Vec<(std::ops::Range<usize>, i32)> {
    let mut years = Vec::new();
    for (at, _) in text.match_indices('年') {
        let start = at.saturating_sub(4);
        let Some(digits) = text.get(start..at) else {
            continue;
        };
        let before = &text[..start];
        let standalone = !before.ends_with(|c: char| c.is_ascii_digit() || "-—–~～至".contains(c));
        let in_title = before
            .rfind('《')
            .is_some_and(|open| before.rfind('》').is_none_or(|close| close < open));
        let is_year = digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit());
        if is_year
            && standalone
            && !in_title
            && let Ok(year) = digits.parse()
        {
            years.push((start..at + '年'.len_utf8(), year));
        }
    }
    years
}

/// What is wrong with a number that is not the one expected.
fn out_of_order<N: PartialOrd>(written: N, expected: N) -> &'static str {
    if written < expected {
        "重复或倒退"
    } else {
        "跳号"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(texts: &[&'static str]) -> Vec<ProseParagraph<'static>> {
        texts
            .iter()
            .map(|text| ProseParagraph {
                text,
                role: None,
                typed_numbers: true,
            })
            .collect()
    }

    fn messages(paragraphs: &[ProseParagraph], year: Option<i32>) -> Vec<(usize, String)> {
        check(paragraphs, year)
            .into_iter()
            .map(|(i, f)| (i, f.message))
            .collect()
    }

    #[test]
    fn skipped_and_repeated_heading_numbers() {
        let found = messages(
            &typed(&[
                "一、工作",
                "（一）甲",
                "（三）乙",
                "二、打算",
                "（一）丙",
                "（一）丁",
            ]),
            None,
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, 2);
        assert!(found[0].1.starts_with("序号跳号"));
        assert_eq!(found[1].0, 5);
        assert!(found[1].1.starts_with("序号重复或倒退"));
    }

    #[test]
    fn numbering_restarts_under_each_higher_level() {
        assert!(
            messages(
                &typed(&[
                    "一、甲",
                    "（一）a",
                    "1.x",
                    "2.y",
                    "（二）b",
                    "1.z",
                    "二、乙",
                    "（一）c"
                ]),
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn two_styles_at_the_third_level() {
        let found = messages(&typed(&["1.甲", "2、乙"]), None);
        assert_eq!(
            found,
            [(1, "同一级序号有“.”和“、”两种写法，应统一".to_string())]
        );
    }

    #[test]
    fn run_in_series_in_a_paragraph_and_across_paragraphs() {
        assert!(messages(&typed(&["主要做法是，一是甲。二是乙。三是丙。"]), None).is_empty());
        assert!(messages(&typed(&["一是甲。", "二是乙。", "三是丙。"]), None).is_empty());
        let found = messages(&typed(&["一是甲。三是乙。"]), None);
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("应为“二是”"), "{found:?}");
        assert!(messages(&typed(&["坚持统一是前提，唯一是关键。"]), None).is_empty());
        assert!(
            messages(
                &typed(&["精神。\u{2002}一是甲。二是乙。主要做法是,一是丙。二是丁。"]),
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn numbers_computed_by_zongjie_are_not_checked() {
        let paragraphs = [ProseParagraph {
            text: "（三）甲",
            role: None,
            typed_numbers: false,
        }];
        assert!(messages(&paragraphs, None).is_empty());
    }

    #[test]
    fn years_out_of_place() {
        let paragraphs = [
            ProseParagraph {
                text: "2023年3月，召开会议。",
                role: Some(Role::Work),
                typed_numbers: true,
            },
            ProseParagraph {
                text: "2021年以来，累计办理。",
                role: Some(Role::Work),
                typed_numbers: true,
            },
            ProseParagraph {
                text: "围绕2021年整改方案。",
                role: Some(Role::Work),
                typed_numbers: true,
            },
            ProseParagraph {
                text: "2022年，我们将继续。",
                role: Some(Role::Plans),
                typed_numbers: true,
            },
            ProseParagraph {
                text: "2023年，我们将继续。",
                role: Some(Role::Plans),
                typed_numbers: true,
            },
            ProseParagraph {
                text: "印发《实施方案(2021-2025年)》和2021—2025年规划。",
                role: Some(Role::Work),
                typed_numbers: true,
            },
        ];
        let found = messages(&paragraphs, Some(2022));
        let indexes: Vec<usize> = found.iter().map(|(i, _)| *i).collect();
        assert_eq!(indexes, [0, 1, 3], "{found:?}");
    }
}
