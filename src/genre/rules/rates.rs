//! A stated rate or share that none of the counts beside it give. A rate
//! (结案率91%) is checked when the sentence has the count it is a rate of
//! (结案276件) and others of the same kind it could be out of; a share
//! (占受援案件总数的81%) when a count stands right before 占. Anything else
//! is left alone: a rate whose counts are not in the text cannot be judged.

use std::ops::Range;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

use super::{Finding, Rule};
use crate::genre::quantity;

/// A count in the text: its full value, its unit, where it starts and
/// where its number ends (the unit follows).
#[derive(Debug, Clone)]
struct Count {
    value: Decimal,
    unit: String,
    start: usize,
    end: usize,
}

/// A stated percentage and what it claims to be.
struct Stated {
    percent: Decimal,
    decimals: u32,
    range: Range<usize>,
    numerator: Option<Count>,
}

/// Words before a percentage that report a change, not a rate's value.
const CHANGE_WORDS: &[&str] = &[
    "上升", "提高", "增长", "下降", "降低", "提升", "增加", "减少",
];

/// The rate findings in a paragraph.
pub fn check(text: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    for sentence in sentences(text) {
        let counts = counts(text, sentence.clone());
        for stated in stated_rates(text, sentence, &counts) {
            if let Some(finding) = judge(&stated, &counts) {
                found.push(finding);
            }
        }
    }
    found
}

fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if "。！？".contains(c) {
            ranges.push(start..at);
            start = at + c.len_utf8();
        }
    }
    ranges.push(start..text.len());
    ranges
}

/// The counts of the sentence, as the quantity scanner finds them; a
/// percentage is a rate, not a count.
fn counts(text: &str, sentence: Range<usize>) -> Vec<Count> {
    quantity::counts(&text[sentence.clone()])
        .into_iter()
        .filter(|count| count.unit != "%")
        .map(|count| {
            let start = sentence.start + count.range.start;
            let digits = text[start..]
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(0);
            Count {
                value: count.quantity.value(),
                unit: count.unit,
                start,
                end: start + digits,
            }
        })
        .collect()
}

fn stated_rates(text: &str, sentence: Range<usize>, counts: &[Count]) -> Vec<Stated> {
    let part = &text[sentence.clone()];
    let mut stated = Vec::new();
    for (at, _) in part.match_indices('%') {
        let digits_start = part[..at]
            .rfind(|c: char| !(c.is_ascii_digit() || c == '.'))
            .map_or(0, |i| {
                i + part[i..].chars().next().map_or(1, char::len_utf8)
            });
        let number = &part[digits_start..at];
        let Ok(percent) = Decimal::from_str(number) else {
            continue;
        };
        if percent == Decimal::ONE_HUNDRED || percent.is_zero() {
            continue;
        }
        let lead = &part[..digits_start];
        if CHANGE_WORDS
            .iter()
            .any(|w| lead.trim_end_matches(['达', '至', '了']).ends_with(w))
        {
            continue;
        }
        let numerator = numerator_of_rate(lead, sentence.start, counts)
            .or_else(|| numerator_of_share(lead, sentence.start, counts));
        stated.push(Stated {
            percent,
            decimals: percent.scale(),
            range: sentence.start + digits_start..sentence.start + at + 1,
            numerator,
        });
    }
    stated
}

/// For “…结案276件，结案率91%”: the count the rate's stem names.
fn numerator_of_rate(lead: &str, offset: usize, counts: &[Count]) -> Option<Count> {
    let lead = lead.trim_end_matches(['达', '为', '是', '约', '到', '至']);
    let stem_text = lead.strip_suffix('率')?;
    let stem: Vec<char> = stem_text
        .chars()
        .rev()
        .take_while(|c| crate::genre::typography::is_ideograph(*c))
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    (2..=stem.len().min(4)).rev().find_map(|n| {
        let key: String = stem[stem.len() - n..].iter().collect();
        // The rate's own name ends the lead; a count must be named before it.
        let region_end = stem_text.len() - key.len();
        counts
            .iter()
            .rev()
            .find(|count| {
                let (start, end) = (count.start - offset, count.end - offset);
                end <= region_end && names_count(&lead[..start], &key, &lead[end..region_end])
            })
            .cloned()
    })
}

/// Whether `key` (the stem of a rate) names the count between `before`
/// and `after`: right before it (结案276件) or right after its unit
/// (1261人通过).
fn names_count(before: &str, key: &str, after: &str) -> bool {
    let near_before: String = before
        .chars()
        .rev()
        .take(key.chars().count() + 4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let near_after: String = after.chars().take(key.chars().count() + 3).collect();
    near_before.contains(key) || near_after.contains(key)
}

/// For “刑事案件633件，占受援案件总数的81%”: the count right before 占.
fn numerator_of_share(lead: &str, offset: usize, counts: &[Count]) -> Option<Count> {
    let at = lead.rfind('占')?;
    let between = lead[..at].trim_end_matches(['，', ',']);
    counts
        .iter()
        .rev()
        .find(|count| count.end <= offset + at)
        .filter(|count| {
            let unit_end = count.end - offset + count.unit.len();
            unit_end <= between.len() && between[unit_end..].chars().count() <= 1
        })
        .cloned()
}

fn judge(stated: &Stated, counts: &[Count]) -> Option<Finding> {
    let numerator = stated.numerator.as_ref()?;
    let same_kind = |count: &&Count| {
        count.unit.chars().next() == numerator.unit.chars().next()
            && count.value > numerator.value
            && count.start != numerator.start
    };
    let wholes: Vec<&Count> = counts.iter().filter(same_kind).collect();
    if wholes.is_empty() {
        return None;
    }
    let agrees = |whole: &&Count| {
        let actual = numerator.value * Decimal::ONE_HUNDRED / whole.value;
        matches_rounding(actual, stated.percent, stated.decimals)
    };
    if wholes.iter().any(agrees) {
        return None;
    }
    let tried: Vec<String> = wholes
        .iter()
        .map(|w| {
            format!(
                "{}/{}={}",
                quantity::format_number(numerator.value),
                quantity::format_number(w.value),
                quantity::format_percent(numerator.value, w.value).unwrap_or_default()
            )
        })
        .collect();
    Some(Finding::new(
        Rule::RateMismatch,
        stated.range.clone(),
        format!(
            "所述比率{}%与前面的数字对不上（{}）",
            quantity::format_number(stated.percent),
            tried.join("，")
        ),
    ))
}

/// Whether `actual` written with `decimals` decimals, rounded or cut off,
/// gives `stated`.
fn matches_rounding(actual: Decimal, stated: Decimal, decimals: u32) -> bool {
    let rounded = actual.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let truncated = actual.round_dp_with_strategy(decimals, RoundingStrategy::ToZero);
    rounded == stated || truncated == stated
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stated(text: &str) -> Vec<String> {
        check(text)
            .into_iter()
            .map(|f| text[f.range].to_string())
            .collect()
    }

    #[test]
    fn a_rate_none_of_its_counts_give_is_found() {
        let text =
            "市医患纠纷调解处置中心接访334件，立案282件，结案276件，结案率91%，赴现场处置87起";
        assert_eq!(stated(text), ["91%"]);
        let message = &check(text)[0].message;
        assert!(message.contains("276/334=82.63%"), "{message}");
        assert!(message.contains("276/282=97.87%"), "{message}");
    }

    #[test]
    fn rates_their_counts_give_pass() {
        for text in [
            "全市调解组织共调解案件37798件，调解成功37754件，调解成功率达99.88%。",
            "1308人参加考试，1261人通过考试，通过率达96.41%。",
            "出庭1285件，开庭数量1323件，整体出庭率达到97.12%。",
            "受理各类法律援助案件783件；办结712件，结案率91%，其中民事案件150件，占受援案件总数的19%，刑事案件633件，占受援案件总数的81%。",
        ] {
            assert!(stated(text).is_empty(), "{text}: {:?}", check(text));
        }
    }

    #[test]
    fn the_rate_s_own_name_does_not_name_a_count() {
        assert_eq!(stated("结案276件，立案282件，结案率91%。"), ["91%"]);
    }

    #[test]
    fn a_wrong_share_is_found() {
        assert_eq!(
            stated("受理案件783件，其中刑事案件633件，占受援案件总数的70%。"),
            ["70%"]
        );
    }

    #[test]
    fn rates_that_cannot_be_judged_are_left_alone() {
        for text in [
            "共投入人力26606人次，日均1164人次，下沉干部比例达84.2%。",
            "接收行政复议182件，其中调解和解104件，调解率上升30%。",
            "办理应诉案件26件，已开庭17件，行政机关负责人出庭应诉率达100%。",
            "群众满意率98.49%。",
        ] {
            assert!(stated(text).is_empty(), "{text}: {:?}", check(text));
        }
    }

    #[test]
    fn rounding_and_truncation_both_count() {
        let d = |text| Decimal::from_str(text).unwrap();
        assert!(matches_rounding(d("97.1277"), d("97.13"), 2));
        assert!(matches_rounding(d("97.1277"), d("97.12"), 2));
        assert!(!matches_rounding(d("97.1277"), d("97.1"), 2));
        assert!(matches_rounding(d("80.84"), d("81"), 0));
        assert!(matches_rounding(d("80.5"), d("81"), 0));
    }
}
