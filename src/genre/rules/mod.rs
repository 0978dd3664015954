//! `lint`: the norms of Chinese official writing checked on a data file, a
//! rendered report or any report (text, Markdown, .docx), and the fixes
//! that cannot change the meaning.
//!
//! | code | rule | severity | fixable |
//! |---|---|---|---|
//! | P001 | half-width , ; : ? ! ( ) in Chinese text | error | yes |
//! | P002 | straight quotes " in Chinese text, or mixed with “ ” | warning | when paired |
//! | P003 | doubled marks (。。 ，，) | error | yes |
//! | P004 | a mark right after （一） or （1） | error | yes |
//! | B001 | unclosed or unopened “ ” ‘ ’ （ ） 《 》 【 】 〔 〕 | error | no |
//! | S001 | spaces inside Chinese text or between Chinese and digits | error | yes |
//! | F001 | a unit or % with no number before it | error | no |
//! | F002 | 余 or 多 after an exact count | warning | no |
//! | F003 | a stated rate or share its figures do not give | error | no |
//! | N001 | a skipped or repeated number (一、 （一） 1. （1） 一是) | error | no |
//! | N002 | two numbering styles at one level (1. and 1、) | warning | no |
//! | D001 | a 成文日期 zero-padded or in Chinese numerals | error | no |
//! | D002 | a year out of place for the report's year | warning | no |

mod document;
pub mod paragraph;
mod rates;

use std::ops::Range;

pub use document::ProseParagraph;

use crate::base::diagnostic::Severity;

/// A lint rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// P001.
    HalfWidthPunctuation,
    /// P002.
    StraightQuotes,
    /// P003.
    DoubledMarks,
    /// P004.
    MarkAfterHeadingNumber,
    /// B001.
    Unbalanced,
    /// S001.
    StraySpace,
    /// F001.
    BlankFigure,
    /// F002.
    ApproximateExact,
    /// F003.
    RateMismatch,
    /// N001.
    Numbering,
    /// N002.
    NumberingStyle,
    /// D001.
    DateFormat,
    /// D002.
    YearOutOfPlace,
}

impl Rule {
    /// The rule's code, as findings print it.
    pub fn code(self) -> &'static str {
        match self {
            Rule::HalfWidthPunctuation => "P001",
            Rule::StraightQuotes => "P002",
            Rule::DoubledMarks => "P003",
            Rule::MarkAfterHeadingNumber => "P004",
            Rule::Unbalanced => "B001",
            Rule::StraySpace => "S001",
            Rule::BlankFigure => "F001",
            Rule::ApproximateExact => "F002",
            Rule::RateMismatch => "F003",
            Rule::Numbering => "N001",
            Rule::NumberingStyle => "N002",
            Rule::DateFormat => "D001",
            Rule::YearOutOfPlace => "D002",
        }
    }

    /// How serious a finding of this rule is.
    pub fn severity(self) -> Severity {
        match self {
            Rule::StraightQuotes
            | Rule::ApproximateExact
            | Rule::NumberingStyle
            | Rule::YearOutOfPlace => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One thing a rule found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// Byte range in the paragraph.
    pub range: Range<usize>,
    /// What is wrong, in Chinese.
    pub message: String,
    /// The replacement for `range` that fixes it, when that cannot change
    /// the meaning.
    pub fix: Option<String>,
}

impl Finding {
    /// A finding with no safe fix.
    pub fn new(rule: Rule, range: Range<usize>, message: String) -> Finding {
        Finding {
            rule,
            range,
            message,
            fix: None,
        }
    }

    /// A finding with a safe fix.
    pub fn fixable(rule: Rule, range: Range<usize>, message: String, fix: String) -> Finding {
        Finding {
            fix: Some(fix),
            ..Finding::new(rule, range, message)
        }
    }
}

/// Every finding in a report's paragraphs, by paragraph index.
pub fn check_paragraphs(paragraphs: &[ProseParagraph], year: Option<i32>) -> Vec<(usize, Finding)> {
    let mut found: Vec<(usize, Finding)> = paragraphs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| paragraph::check(p.text).into_iter().map(move |f| (i, f)))
        .collect();
    found.extend(document::check(paragraphs, year));
    found.sort_by_key(|(i, f)| (*i, f.range.start));
    found
}

/// Applies the safe fixes to a text until none is left: the punctuation
/// width, doubled marks, stray spaces. Render applies it to every text, so
/// reports come out clean whatever a clerk pasted.
pub fn fix_text(text: &str) -> String {
    if !may_need_fixing(text) {
        return text.to_string();
    }
    let mut current = text.to_string();
    // Every fix shortens the text or makes a mark full-width, so this
    // ends; the bound only guards against a fix that changes nothing.
    for _ in 0..=text.len() {
        let edits: Vec<(Range<usize>, String)> = paragraph::check(&current)
            .into_iter()
            .filter_map(|f| f.fix.map(|fix| (f.range, fix)))
            .collect();
        if edits.is_empty() {
            break;
        }
        let next = apply_edits(&current, edits);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// Whether a text has anything a safe fix could touch: half-width marks,
/// white space, a doubled mark, or a bracketed number at its start. Most
/// rendered text has none, and this is much cheaper than the rules.
fn may_need_fixing(text: &str) -> bool {
    let mut previous = None;
    for c in text.chars() {
        let half_width = matches!(c, ',' | ';' | ':' | '?' | '!' | '(' | ')' | '"');
        let doubled =
            previous == Some(c) && matches!(c, '。' | '，' | '；' | '：' | '、' | '！' | '？');
        if half_width || doubled || c.is_whitespace() {
            return true;
        }
        previous = Some(c);
    }
    text.starts_with('（')
}

/// Applies non-overlapping edits (later overlapping ones are dropped).
pub fn apply_edits(text: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, replacement) in edits {
        if range.start < last {
            continue;
        }
        out.push_str(&text[last..range.start]);
        out.push_str(&replacement);
        last = range.end;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fix_text_is_idempotent_and_leaves_no_fixable_finding() {
        let pasted = "(一)律师会见2 次,公安 1 次。。开展\"法律六进\"活动, 效果好";
        let once = fix_text(pasted);
        assert_eq!(
            once,
            "（一）律师会见2次，公安1次。开展“法律六进”活动，效果好"
        );
        assert_eq!(fix_text(&once), once);
        assert!(paragraph::check(&once).iter().all(|f| f.fix.is_none()));
    }

    #[test]
    fn clean_text_is_left_as_it_is() {
        let clean = "全年受理法律援助案件1899件，结案率85.83%。";
        assert!(!may_need_fixing(clean));
        assert_eq!(fix_text(clean), clean);
        for messy in ["a, b", "甲 乙", "完成。。", "（一）、甲"] {
            assert!(may_need_fixing(messy), "{messy}");
        }
    }

    #[test]
    fn overlapping_edits_keep_the_first() {
        let edits = vec![(0..2, "x".to_string()), (1..3, "y".to_string())];
        assert_eq!(apply_edits("abcd", edits), "xcd");
    }

    #[test]
    fn codes_are_unique() {
        let rules = [
            Rule::HalfWidthPunctuation,
            Rule::StraightQuotes,
            Rule::DoubledMarks,
            Rule::MarkAfterHeadingNumber,
            Rule::Unbalanced,
            Rule::StraySpace,
            Rule::BlankFigure,
            Rule::ApproximateExact,
            Rule::RateMismatch,
            Rule::Numbering,
            Rule::NumberingStyle,
            Rule::DateFormat,
            Rule::YearOutOfPlace,
        ];
        let codes: std::collections::BTreeSet<&str> = rules.iter().map(|r| r.code()).collect();
        assert_eq!(codes.len(), rules.len());
    }
}
