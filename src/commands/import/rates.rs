//! Rates, shares, completion and year-over-year change whose counts are
//! beside them become derived citations, so they are computed again when
//! the counts change: 受理783件，办结712件，结案率90.93% → `{办结.比率}` with
//! 办结 `属于` 受理; 完成全年目标40000人次的156.52% → `{咨询.完成率}` with a
//! `目标`; 1899件，上年1690件，同比增长12.4% → `{受理.同比}` with a `上年`.
//! A stated value becomes a citation only where the formula prints it as
//! written; one that agrees only as rounded more coarsely stays as written
//! with a note, and one that agrees with nothing gets lint's F003 warning.

use std::ops::Range;

use rust_decimal::Decimal;

use super::found::{Attribute, Derived, Found};
use crate::genre::quantity::{format_change, format_percent, format_year_over_year};
use crate::genre::rules::{Rule, paragraph};

/// Words before a percentage that report a change, not a rate's value.
const CHANGE_WORDS: &[&str] = &[
    "上升", "提高", "增长", "下降", "降低", "提升", "增加", "减少",
];

/// Finds the rates, shares, completions and changes among the counts and
/// marks them derived; gives notes for the clerk on what stays as written.
pub fn relate(texts: &[String], found: &mut [Found]) -> Vec<String> {
    let mut notes = Vec::new();
    for i in 0..found.len() {
        if found[i].count.unit != "%" || found[i].derived.is_some() {
            continue;
        }
        let text = &texts[found[i].text];
        let window = window(text, &found[i].count.range);
        let lead = &text[window.start..found[i].count.range.start];
        if let Some(note) = year_over_year(text, lead, i, found)
            .or_else(|| completion(text, lead, i, found))
            .or_else(|| rate(text, lead, &window, i, found))
        {
            notes.push(note);
        }
    }
    for i in 0..found.len() {
        change(texts, i, found);
    }
    notes.extend(mismatches(texts, found));
    notes
}

/// The sentence holding `range` and the one before it.
fn window(text: &str, range: &Range<usize>) -> Range<usize> {
    let stops = ['。', '！', '？'];
    let own = text[..range.start].rfind(stops);
    let start = own
        .and_then(|at| text[..at].rfind(stops).map(|p| p + '。'.len_utf8()))
        .unwrap_or(0);
    let end = text[range.end..]
        .find(stops)
        .map_or(text.len(), |at| range.end + at);
    start..end
}

/// The counts of the same text in `window` before `before`, nearest first,
/// that are figures in their own right and not percentages.
fn counts_before(found: &[Found], i: usize, window: &Range<usize>) -> Vec<usize> {
    let me = &found[i];
    let mut indices: Vec<usize> = (0..found.len())
        .filter(|&j| {
            let f = &found[j];
            f.text == me.text
                && f.count.unit != "%"
                && f.derived.is_none()
                && f.count.range.start >= window.start
                && f.count.range.end <= me.count.range.start
        })
        .collect();
    indices.reverse();
    indices
}

fn same_unit(a: &Found, b: &Found) -> bool {
    a.count.unit == b.count.unit
}

/// A rate (结案率97.87%) or a share (占受援案件总数的19.16%) that two
/// counts before it give exactly as written.
fn rate(
    text: &str,
    lead: &str,
    window: &Range<usize>,
    i: usize,
    found: &mut [Found],
) -> Option<String> {
    let clause = lead.rsplit(['，', '；', '：']).next().unwrap_or(lead);
    if CHANGE_WORDS.iter().any(|w| {
        clause
            .trim_end_matches(['达', '至', '了', '到'])
            .ends_with(w)
    }) {
        return None;
    }
    let share = clause.contains('占');
    let rate = clause.contains('率') || clause.contains("比例") || share;
    if !rate {
        return None;
    }
    let stated = written(text, &found[i].count.range);
    let before = counts_before(found, i, window);
    let mut coarse = None;
    for (n, &part) in before.iter().enumerate() {
        if share && n > 0 {
            break;
        }
        for &whole in &before[n + 1..] {
            if !same_unit(&found[part], &found[whole]) {
                continue;
            }
            let (p, w) = (value(&found[part]), value(&found[whole]));
            if p >= w {
                continue;
            }
            let computed = format_percent(p, w).unwrap_or_default();
            if computed == stated {
                let attribute = if share {
                    Attribute::Share
                } else {
                    Attribute::Rate
                };
                found[i].derived = Some(Derived {
                    of: part,
                    attribute,
                    value: None,
                });
                if found[part].part_of.is_none() {
                    found[part].part_of = Some(whole);
                }
                return None;
            }
            if coarse.is_none() && agrees_coarsely(p, w, stated) {
                coarse = Some(computed);
            }
        }
    }
    coarse.map(|computed| {
        format!(
            "“{}”中的{stated}与前面的数字相符（算出为{computed}），保留原文；要随数字更新，可改为 {{名称.比率}}",
            preview(text, &found[i].count.range)
        )
    })
}

/// A completion against a target the sentence states (完成全年目标任务
/// 40000人次的156.52%): the count before the target gets it.
fn completion(text: &str, lead: &str, i: usize, found: &mut [Found]) -> Option<String> {
    if !lead.contains("完成") {
        return None;
    }
    let window = window(text, &found[i].count.range);
    let before = counts_before(found, i, &window);
    let target = *before.first()?;
    let target_lead = &text[window.start.max(
        text[..found[target].count.range.start]
            .rfind(['，', '；'])
            .map_or(0, |p| p + '，'.len_utf8()),
    )..found[target].count.range.start];
    if !(target_lead.contains("目标") || target_lead.contains("任务")) {
        return None;
    }
    let figure = *before
        .iter()
        .skip(1)
        .find(|&&j| same_unit(&found[j], &found[target]))?;
    let stated = written(text, &found[i].count.range);
    let computed = format_percent(value(&found[figure]), value(&found[target]))?;
    if computed != stated {
        return None;
    }
    found[target].derived = Some(Derived {
        of: figure,
        attribute: Attribute::Target,
        value: None,
    });
    found[i].derived = Some(Derived {
        of: figure,
        attribute: Attribute::Completion,
        value: None,
    });
    None
}

/// 同比增长12.4% beside this year's count and last year's (上年1690件):
/// `{x.同比}`, with last year's count cited as `{x.上年}`.
fn year_over_year(text: &str, lead: &str, i: usize, found: &mut [Found]) -> Option<String> {
    let phrase_start = ["同比增长", "同比下降"]
        .iter()
        .find_map(|w| lead.strip_suffix(w).map(|rest| rest.len()))?;
    let window = window(text, &found[i].count.range);
    let start = window.start + phrase_start;
    let before = counts_before(found, i, &window);
    let sentence_end = window.end;
    let last_year = (0..found.len()).find(|&j| {
        let f = &found[j];
        f.text == found[i].text
            && f.count.unit != "%"
            && f.count.range.start >= window.start
            && f.count.range.end <= sentence_end
            && says_last_year(text, &f.count.range)
    })?;
    let current = *before
        .iter()
        .find(|&&j| j != last_year && same_unit(&found[j], &found[last_year]))?;
    let phrase = &text[start..found[i].count.range.end];
    let computed = format_year_over_year(value(&found[current]), value(&found[last_year]))?;
    if computed != phrase {
        return None;
    }
    found[last_year].derived = Some(Derived {
        of: current,
        attribute: Attribute::LastYear,
        value: None,
    });
    found[i].derived = Some(Derived {
        of: current,
        attribute: Attribute::Yoy,
        value: None,
    });
    found[i].replaced = Some(start..found[i].count.range.end);
    None
}

/// Whether a count is last year's: 上年, 去年 or 上年同期 right before it.
fn says_last_year(text: &str, range: &Range<usize>) -> bool {
    let before = &text[..range.start];
    let near: String = before
        .chars()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    ["上年", "去年", "上年同期", "上一年"].iter().any(|w| {
        near.trim_end_matches(['为', '是', '的', '：', '（'])
            .ends_with(w)
    })
}

/// 较上年增加199件 after a count: `{x.增减}`, last year's value worked out.
fn change(texts: &[String], i: usize, found: &mut [Found]) {
    if found[i].count.unit == "%" || found[i].derived.is_some() {
        return;
    }
    let text = &texts[found[i].text];
    let start = found[i].count.range.start;
    let Some(phrase_start) = ["较上年增加", "较上年减少"]
        .iter()
        .find_map(|w| text[..start].strip_suffix(w).map(|rest| rest.len()))
    else {
        return;
    };
    let Some(current) = (0..i).rev().find(|&j| {
        found[j].text == found[i].text
            && found[j].derived.is_none()
            && same_unit(&found[j], &found[i])
            && text
                .get(found[j].count.range.end..phrase_start)
                .is_some_and(|between| between.chars().count() <= 2)
    }) else {
        return;
    };
    let now = found[current].count.quantity;
    let difference = found[i].count.quantity;
    let last = if text[phrase_start..].starts_with("较上年增加") {
        now.minus(&difference)
    } else {
        now.plus(&difference)
    };
    let last = crate::genre::quantity::Quantity {
        number: last.number,
        magnitude: last.magnitude,
        rounded: None,
    };
    let phrase = &text[phrase_start..found[i].count.range.end];
    if format_change(&now, &last, &found[i].count.unit) != phrase {
        return;
    }
    found[i].derived = Some(Derived {
        of: current,
        attribute: Attribute::Change,
        value: Some(last),
    });
    found[i].replaced = Some(phrase_start..found[i].count.range.end);
}

/// lint's F003 findings on the texts, for the rates left as written.
fn mismatches(texts: &[String], found: &[Found]) -> Vec<String> {
    let mut notes = Vec::new();
    for (index, text) in texts.iter().enumerate() {
        for finding in paragraph::check(text) {
            if finding.rule != Rule::RateMismatch {
                continue;
            }
            let derived = found.iter().any(|f| {
                f.text == index && f.derived.is_some() && f.count.range.end == finding.range.end
            });
            if !derived {
                notes.push(format!(
                    "“{}”：{}（{}），保留原文，请核对",
                    preview(text, &finding.range),
                    finding.message,
                    Rule::RateMismatch.code()
                ));
            }
        }
    }
    notes
}

/// The full value of a count.
fn value(found: &Found) -> Decimal {
    found.count.quantity.value()
}

/// The count as written in the text.
fn written<'t>(text: &'t str, range: &Range<usize>) -> &'t str {
    &text[range.clone()]
}

/// Whether `part` over `whole` gives `stated` as rounded (or cut) to the
/// decimals it is written with.
fn agrees_coarsely(part: Decimal, whole: Decimal, stated: &str) -> bool {
    let Ok(percent) = stated.trim_end_matches('%').parse::<Decimal>() else {
        return false;
    };
    let actual = part * Decimal::ONE_HUNDRED / whole;
    let places = percent.scale();
    let rounded =
        actual.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let cut = actual.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::ToZero);
    rounded == percent || cut == percent
}

/// The words before a stretch of text, to point at it in a note.
fn preview(text: &str, range: &Range<usize>) -> String {
    let start = text[..range.start]
        .rfind(['，', '。', '；'])
        .map_or(0, |at| at + '，'.len_utf8());
    let start = text[start..range.start]
        .char_indices()
        .rev()
        .nth(11)
        .map_or(start, |(at, _)| start + at);
    text[start..range.end].replace("{{", "{").replace("}}", "}")
}
