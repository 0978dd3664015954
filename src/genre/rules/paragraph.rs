//! The checks of Chinese official text that look at one paragraph:
//! punctuation width (GB/T 15834), balanced marks, stray spaces, blank
//! figures, 余 after exact counts, and stated rates that their figures do
//! not give.

use std::ops::Range;

use super::{Finding, Rule};
use crate::genre::numbering::parse_heading_number;
use crate::genre::quantity::UNITS;
use crate::genre::typography::{is_chinese, is_chinese_punctuation, is_ideograph};

/// The full-width form of a half-width mark in Chinese text.
fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

const OPENERS: &str = "“‘（(《【〔〖「『";
const CLOSERS: &str = "”’）)》】〕〗」』";

/// Every paragraph-level finding in `text`.
pub fn check(text: &str) -> Vec<Finding> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    half_width_punctuation(text, &chars, &mut found);
    straight_quotes(text, &chars, &mut found);
    doubled_marks(&chars, &mut found);
    mark_after_heading_number(text, &mut found);
    unbalanced_marks(&chars, &mut found);
    stray_spaces(text, &chars, &mut found);
    blank_figures(text, &chars, &mut found);
    approximate_exact_counts(text, &chars, &mut found);
    found.extend(super::rates::check(text));
    date_line(text, &mut found);
    found.sort_by_key(|f| f.range.start);
    found
}

fn char_len(chars: &[(usize, char)], i: usize) -> Range<usize> {
    let (start, c) = chars[i];
    start..start + c.len_utf8()
}

fn neighbours(chars: &[(usize, char)], i: usize) -> (Option<char>, Option<char>) {
    let before = i.checked_sub(1).map(|j| chars[j].1);
    let after = chars.get(i + 1).map(|(_, c)| *c);
    (before, after)
}

fn half_width_punctuation(text: &str, chars: &[(usize, char)], found: &mut Vec<Finding>) {
    let paired = paired_parentheses(chars);
    for (i, &(_, c)) in chars.iter().enumerate() {
        let Some(wide) = full_width(c) else { continue };
        let chinese_context = match c {
            '(' | ')' => paired
                .iter()
                .find(|(open, close)| *open == i || *close == i)
                .map_or_else(
                    || run_touches_chinese(chars, i),
                    |&(o, cl)| pair_is_chinese(text, chars, o, cl),
                ),
            _ => run_touches_chinese(chars, i),
        };
        if chinese_context {
            found.push(Finding::fixable(
                Rule::HalfWidthPunctuation,
                char_len(chars, i),
                format!("中文里用了半角的“{c}”，应为全角的“{wide}”"),
                wide.to_string(),
            ));
        }
    }
}

/// Whether the run of half-width marks that the mark at `i` is in touches
/// Chinese, so that “，:::” or “（(((” is mended in one pass rather than
/// one mark a pass.
fn run_touches_chinese(chars: &[(usize, char)], i: usize) -> bool {
    let in_run = |j: usize| full_width(chars[j].1).is_some();
    let mut start = i;
    while start > 0 && in_run(start - 1) {
        start -= 1;
    }
    let mut end = i;
    while end + 1 < chars.len() && in_run(end + 1) {
        end += 1;
    }
    touches_chinese(chars, start) || touches_chinese(chars, end)
}

fn touches_chinese(chars: &[(usize, char)], i: usize) -> bool {
    let (before, after) = neighbours(chars, i);
    before.is_some_and(is_chinese) || after.is_some_and(is_chinese)
}

/// ASCII parentheses that pair up, by char index.
fn paired_parentheses(chars: &[(usize, char)]) -> Vec<(usize, usize)> {
    let mut open = Vec::new();
    let mut pairs = Vec::new();
    for (i, &(_, c)) in chars.iter().enumerate() {
        match c {
            '(' => open.push(i),
            ')' => {
                if let Some(o) = open.pop() {
                    pairs.push((o, i));
                }
            }
            _ => {}
        }
    }
    pairs
}

fn pair_is_chinese(text: &str, chars: &[(usize, char)], open: usize, close: usize) -> bool {
    let inside = &text[chars[open].0..chars[close].0];
    inside.chars().any(is_chinese) || touches_chinese(chars, open) || touches_chinese(chars, close)
}

fn straight_quotes(text: &str, chars: &[(usize, char)], found: &mut Vec<Finding>) {
    let quotes: Vec<usize> = (0..chars.len()).filter(|&i| chars[i].1 == '"').collect();
    if quotes.is_empty() || !quotes.iter().any(|&i| touches_chinese(chars, i)) {
        return;
    }
    let mixed = text.contains(['“', '”']);
    let balanced = quotes.len().is_multiple_of(2);
    for (n, &i) in quotes.iter().enumerate() {
        let message = if mixed {
            "中文引号“”与直引号\"混用，应统一为中文引号“”".to_string()
        } else {
            "中文里用了直引号\"，应为中文引号“”".to_string()
        };
        let range = char_len(chars, i);
        found.push(if balanced {
            let curly = if n % 2 == 0 { "“" } else { "”" };
            Finding::fixable(Rule::StraightQuotes, range, message, curly.to_string())
        } else {
            Finding::new(Rule::StraightQuotes, range, message)
        });
    }
}

fn doubled_marks(chars: &[(usize, char)], found: &mut Vec<Finding>) {
    let mut i = 0;
    while i + 1 < chars.len() {
        let c = chars[i].1;
        if "。，；：、！？".contains(c) && chars[i + 1].1 == c {
            let mut end = i + 1;
            while end + 1 < chars.len() && chars[end + 1].1 == c {
                end += 1;
            }
            let range = chars[i].0..char_len(chars, end).end;
            found.push(Finding::fixable(
                Rule::DoubledMarks,
                range,
                format!("标点“{c}”重复了"),
                c.to_string(),
            ));
            i = end;
        }
        i += 1;
    }
}

fn mark_after_heading_number(text: &str, found: &mut Vec<Finding>) {
    let Some((level, _, len)) = parse_heading_number(text) else {
        return;
    };
    if level % 2 == 1 {
        return;
    }
    let Some(mark) = text[len..].chars().next() else {
        return;
    };
    if "、。，．.：:,".contains(mark) {
        found.push(Finding::fixable(
            Rule::MarkAfterHeadingNumber,
            len..len + mark.len_utf8(),
            format!("括号序号后不加标点，“{}”后的“{mark}”应删去", &text[..len]),
            String::new(),
        ));
    }
}

fn unbalanced_marks(chars: &[(usize, char)], found: &mut Vec<Finding>) {
    let partner = |c: char| {
        let index = CLOSERS.chars().position(|x| x == c)?;
        OPENERS.chars().nth(index)
    };
    let same_kind = |open: char, wanted: char| {
        open == wanted || matches!((open, wanted), ('(', '（') | ('（', '('))
    };
    let mut stack: Vec<usize> = Vec::new();
    for (i, &(_, c)) in chars.iter().enumerate() {
        if OPENERS.contains(c) {
            stack.push(i);
        } else if let Some(wanted) = partner(c) {
            match stack.iter().rposition(|&o| same_kind(chars[o].1, wanted)) {
                Some(at) => {
                    for &unclosed in &stack[at + 1..] {
                        found.push(unclosed_finding(chars, unclosed));
                    }
                    stack.truncate(at);
                }
                None => found.push(Finding::new(
                    Rule::Unbalanced,
                    char_len(chars, i),
                    format!("“{c}”前面没有与之对应的“{wanted}”"),
                )),
            }
        }
    }
    for &unclosed in &stack {
        found.push(unclosed_finding(chars, unclosed));
    }
}

fn unclosed_finding(chars: &[(usize, char)], i: usize) -> Finding {
    let c = chars[i].1;
    let close = OPENERS
        .chars()
        .position(|x| x == c)
        .and_then(|index| CLOSERS.chars().nth(index))
        .unwrap_or(c);
    Finding::new(
        Rule::Unbalanced,
        char_len(chars, i),
        format!("“{c}”没有与之对应的“{close}”"),
    )
}

fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

fn stray_spaces(text: &str, chars: &[(usize, char)], found: &mut Vec<Finding>) {
    let mut i = 0;
    while i < chars.len() {
        if !is_space(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_space(chars[i].1) {
            i += 1;
        }
        let (Some(before), Some(after)) = (
            start.checked_sub(1).map(|j| chars[j].1),
            chars.get(i).map(|c| c.1),
        ) else {
            continue;
        };
        let counts = |c: char| is_chinese(c) || c.is_ascii_digit();
        let relevant = counts(before) && counts(after) && (is_chinese(before) || is_chinese(after));
        let split_number = before.is_ascii_digit()
            && after.is_ascii_digit()
            && spaced_digits_touch_chinese(chars, start, i);
        let relevant = relevant || split_number;
        let blank_figure =
            is_ideograph(before) && unit_without_number(&text[chars[i].0..]).is_some();
        if relevant && !blank_figure && !is_phrase_separator(text, chars, start, before, after) {
            let range = chars[start].0..chars.get(i).map_or(text.len(), |c| c.0);
            found.push(Finding::fixable(
                Rule::StraySpace,
                range,
                "中文里多了空格".to_string(),
                String::new(),
            ));
        }
    }
}

/// Whether the run of digits and spaces around the spaces at
/// `start..end` stands beside Chinese text (“1 9 9 8 年”, “受理1 899件”):
/// a number broken by spaces, not two numbers apart.
fn spaced_digits_touch_chinese(chars: &[(usize, char)], start: usize, end: usize) -> bool {
    let in_run = |c: char| c.is_ascii_digit() || is_space(c);
    let left = chars[..start].iter().rev().find(|(_, c)| !in_run(*c));
    let right = chars[end..].iter().find(|(_, c)| !in_run(*c));
    left.is_some_and(|(_, c)| is_chinese(*c)) || right.is_some_and(|(_, c)| is_chinese(*c))
}

/// A space between two phrases of a slogan or title in quotes
/// (“乡村振兴 法治先行”) is a deliberate separator, not a stray space.
fn is_phrase_separator(
    text: &str,
    chars: &[(usize, char)],
    at: usize,
    before: char,
    after: char,
) -> bool {
    if !(is_ideograph(before) && is_ideograph(after)) {
        return false;
    }
    let before_text = &text[..chars[at].0];
    let opened = before_text.rfind(['“', '《']);
    let closed = before_text.rfind(['”', '》']);
    opened.is_some_and(|o| closed.is_none_or(|c| c < o))
}

fn blank_figures(text: &str, chars: &[(usize, char)], found: &mut Vec<Finding>) {
    for (i, &(at, c)) in chars.iter().enumerate() {
        let previous = i.checked_sub(1).map(|j| chars[j].1);
        if (c == '%' || c == '％') && !previous.is_some_and(|p| p.is_ascii_digit() || p == '.') {
            found.push(Finding::new(
                Rule::BlankFigure,
                at..at + c.len_utf8(),
                "“%”前面缺少数字".to_string(),
            ));
        }
        let starts_gap =
            is_space(c) && previous.is_some_and(is_ideograph) && !previous.is_some_and(is_space);
        if !starts_gap {
            continue;
        }
        let rest = text[at..].trim_start_matches(is_space);
        if let Some(unit) = unit_without_number(rest) {
            let unit_start = text.len() - rest.len();
            found.push(Finding::new(
                Rule::BlankFigure,
                at..unit_start + unit.len(),
                format!("“{unit}”前面缺少数字"),
            ));
        }
    }
}

/// The unit `text` starts with, when a mark or the end follows it: what is
/// left of a figure whose number was lost (“业务 件，”).
fn unit_without_number(text: &str) -> Option<&'static str> {
    let unit = UNITS.iter().find(|u| text.starts_with(**u))?;
    let after = text[unit.len()..].chars().next();
    after
        .is_none_or(|a| is_chinese_punctuation(a) || ",;.".contains(a))
        .then_some(*unit)
}

fn approximate_exact_counts(text: &str, chars: &[(usize, char)], found: &mut Vec<Finding>) {
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !(c == '余' || c == '多') || i == 0 || !chars[i - 1].1.is_ascii_digit() {
            continue;
        }
        let mut start = i - 1;
        while start > 0 && (chars[start - 1].1.is_ascii_digit() || chars[start - 1].1 == '.') {
            start -= 1;
        }
        let number = &text[chars[start].0..at];
        let followed_by_unit = chars.get(i + 1).is_some_and(|n| is_ideograph(n.1));
        if followed_by_unit && !number.contains('.') && !number.ends_with('0') {
            found.push(Finding::new(
                Rule::ApproximateExact,
                chars[start].0..at + c.len_utf8(),
                format!(
                    "“{number}”是确数，后面不宜加“{c}”；约数应取整（如“{}余”），确数则删去“{c}”",
                    round_down(number)
                ),
            ));
        }
    }
}

fn round_down(number: &str) -> String {
    let digits = number.len();
    if digits <= 1 {
        return number.to_string();
    }
    format!("{}{}", &number[..digits - 1], "0")
}

fn date_line(text: &str, found: &mut Vec<Finding>) {
    let line = text.trim();
    let Some((year, rest)) = line.split_once('年') else {
        return;
    };
    let Some((month, rest)) = rest.split_once('月') else {
        return;
    };
    let Some(day) = rest.strip_suffix('日') else {
        return;
    };
    let parts = [year, month, day];
    let chinese_numerals = parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| "〇零一二三四五六七八九十".contains(c)));
    let arabic = parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let padded = arabic && (month.starts_with('0') || day.starts_with('0'));
    let range = text.len() - text.trim_start().len()..text.trim_end().len();
    if chinese_numerals {
        found.push(Finding::new(
            Rule::DateFormat,
            range,
            "成文日期应使用阿拉伯数字，如“2023年2月2日”".to_string(),
        ));
    } else if padded {
        found.push(Finding::new(
            Rule::DateFormat,
            range,
            "成文日期的月、日不编虚位，如“2023年2月2日”而非“2023年02月02日”".to_string(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Vec<(Rule, String)> {
        check(text)
            .into_iter()
            .map(|f| (f.rule, text[f.range].to_string()))
            .collect()
    }

    fn fixed(text: &str) -> String {
        super::super::fix_text(text)
    }

    #[test]
    fn half_width_punctuation_in_chinese() {
        assert_eq!(
            rules("接访334件,立案282件;结案率:91%"),
            [
                (Rule::HalfWidthPunctuation, ",".into()),
                (Rule::HalfWidthPunctuation, ";".into()),
                (Rule::HalfWidthPunctuation, ":".into())
            ]
        );
        assert_eq!(
            fixed("(一)突出政治引领,全面学习"),
            "（一）突出政治引领，全面学习"
        );
        assert_eq!(
            fixed("村(社区)和(2020-2025年)"),
            "村（社区）和（2020-2025年）"
        );
    }

    #[test]
    fn half_width_punctuation_between_digits_is_left_alone() {
        assert!(rules("共3,094人，时间8:30，比例1+1>2").is_empty());
        assert!(
            rules("Word (docx) 文件")
                .iter()
                .all(|(r, _)| *r != Rule::HalfWidthPunctuation)
        );
    }

    #[test]
    fn straight_quotes() {
        assert_eq!(fixed("开展\"宣讲四进\"活动"), "开展“宣讲四进”活动");
        let found = rules("开展\"宣讲\"和“学习”活动");
        assert!(
            found.iter().all(|(r, _)| *r == Rule::StraightQuotes) && found.len() == 2,
            "{found:?}"
        );
        assert!(check("开展\"宣讲活动").iter().all(|f| f.fix.is_none()));
    }

    #[test]
    fn doubled_marks() {
        assert_eq!(
            rules("完成。。下一步"),
            [(Rule::DoubledMarks, "。。".into())]
        );
        assert_eq!(fixed("完成。。下一步，，"), "完成。下一步，");
        assert!(rules("此外……还有——").is_empty());
    }

    #[test]
    fn mark_after_heading_number() {
        assert_eq!(
            rules("（一）、加强建设"),
            [(Rule::MarkAfterHeadingNumber, "、".into())]
        );
        assert_eq!(fixed("（1）.加强建设"), "（1）加强建设");
        assert!(rules("（一）加强建设").is_empty());
    }

    #[test]
    fn unbalanced_marks() {
        assert_eq!(
            rules("第九批“全国民主法治示范村（社区）。"),
            [(Rule::Unbalanced, "“".into())]
        );
        assert_eq!(
            rules("示范村）和《条例"),
            [
                (Rule::Unbalanced, "）".into()),
                (Rule::Unbalanced, "《".into())
            ]
        );
        assert!(rules("“全国民主法治示范村（社区）”《条例》【注】〔2023〕").is_empty());
    }

    #[test]
    fn stray_spaces() {
        assert_eq!(
            rules("律师会见2 次，公安 1 次"),
            [
                (Rule::StraySpace, " ".into()),
                (Rule::StraySpace, " ".into()),
                (Rule::StraySpace, " ".into()),
            ]
        );
        assert_eq!(fixed("第一责 任人。  一是加强"), "第一责任人。一是加强");
        assert_eq!(
            fixed("成立于1 9 9 8 年，受理1 899件"),
            "成立于1998年，受理1899件"
        );
        assert_eq!(fixed("version 1 2 ok"), "version 1 2 ok");
        assert_eq!(fixed("精神。\u{2002}\u{2002}一是加强"), "精神。一是加强");
        assert!(rules("开展“乡村振兴 法治先行”活动").is_empty());
        assert!(rules("高速路口LED 屏幕，APP 平台").is_empty());
    }

    #[test]
    fn blank_figures() {
        assert_eq!(
            rules("办理司法鉴定业务 件，办理公证5265件"),
            [(Rule::BlankFigure, " 件".into())]
        );
        assert_eq!(rules("满意度达%。"), [(Rule::BlankFigure, "%".into())]);
        assert!(rules("办理公证5265件，满意度达100%，件件有着落").is_empty());
    }

    #[test]
    fn approximate_exact_counts() {
        assert_eq!(
            rules("提出法律意见288余条"),
            [(Rule::ApproximateExact, "288余".into())]
        );
        assert_eq!(
            rules("挽回损失9794多万元"),
            [(Rule::ApproximateExact, "9794多".into())]
        );
        assert!(rules("服务9600余次，1.2万余人次，300多万元，60余起").is_empty());
    }

    #[test]
    fn date_lines() {
        assert_eq!(
            rules("2023年02月02日"),
            [(Rule::DateFormat, "2023年02月02日".into())]
        );
        assert_eq!(
            rules("二〇二三年二月二日"),
            [(Rule::DateFormat, "二〇二三年二月二日".into())]
        );
        assert!(rules("2023年2月2日").is_empty());
    }
}
