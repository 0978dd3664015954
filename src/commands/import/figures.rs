//! Counts in imported prose (1899件, 62606人次, 1.2万余人次, 7887.8万元,
//! 96.41%) become named figures, cited from the prose, so the next
//! rollover has baselines. Names come from the sentence ([`super::names`]);
//! a rate, share, completion or year-over-year change the counts beside it
//! give becomes a derived citation ([`super::rates`]), so it is computed
//! again next year.

use std::ops::Range;

use super::found::{Attribute, Found};
use super::names::{self, Memory, Proposal};
use super::rates;
use crate::datafile::model::{Figure, Part, Report, Text};
use crate::genre::quantity::{Count, counts};

/// What extraction found beyond the figures: notes for the clerk.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Names only a number tells apart.
    pub numbered: Vec<String>,
    /// Rates that agree with their counts only as rounded more coarsely
    /// than the formula would print them, kept as written (in Chinese).
    pub notes: Vec<String>,
}

/// Replaces the counts in every piece of prose with `{名称}` markers (or
/// derived ones) and adds the figures they stand for.
pub fn extract(report: &mut Report) -> Extracted {
    escape_braces(report);
    let mut texts = texts(report);
    let escaped: Vec<String> = texts
        .iter()
        .map(|t| t.value.replace('{', "{{").replace('}', "}}"))
        .collect();
    let mut found = find(&escaped);
    let mut extracted = Extracted {
        notes: rates::relate(&escaped, &mut found),
        ..Extracted::default()
    };
    let figures: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].derived.is_none())
        .collect();
    let proposals: Vec<Proposal> = figures.iter().map(|&i| found[i].proposal.clone()).collect();
    let assigned = names::assign(&proposals);
    let mut name_of: Vec<String> = vec![String::new(); found.len()];
    for (&i, (name, numbered)) in figures.iter().zip(&assigned) {
        name_of[i] = name.clone();
        if *numbered {
            extracted.numbered.push(name.clone());
        }
    }
    for (index, text) in texts.iter_mut().enumerate() {
        text.value = cite(&escaped[index], index, &found, &name_of);
    }
    report.figures = figures
        .iter()
        .map(|&i| figure(&found, i, &name_of))
        .collect();
    extracted
}

/// Braces in the texts that carry no counts (the title, headings, the
/// closing lines…) written as `{{` `}}`, so that check does not read them
/// as citations; the prose gets the same in [`extract`].
fn escape_braces(report: &mut Report) {
    let escape = |text: &mut Text| text.value = text.value.replace('{', "{{").replace('}', "}}");
    let top = [
        &mut report.title,
        &mut report.recipient,
        &mut report.signature,
    ];
    top.into_iter().flatten().for_each(escape);
    if let Some(circular) = &mut report.circular {
        let texts = [&mut circular.title, &mut circular.body];
        texts.into_iter().flatten().for_each(escape);
    }
    report.honours.iter_mut().for_each(escape);
    for section in &mut report.sections {
        escape_headings(&mut section.body, &escape);
    }
    for attachment in &mut report.attachments {
        escape(&mut attachment.name);
        attachment.title.iter_mut().for_each(escape);
        if let Some(body) = &mut attachment.body {
            escape_headings(body, &escape);
        }
    }
}

fn escape_headings(part: &mut Part, escape: &impl Fn(&mut Text)) {
    part.heading.iter_mut().for_each(escape);
    for point in &mut part.points {
        point.heading.iter_mut().for_each(escape);
    }
    for child in &mut part.parts {
        escape_headings(child, escape);
    }
}

/// Every piece of prose a figure may be cited from, in report order.
fn texts(report: &mut Report) -> Vec<&mut Text> {
    let mut texts: Vec<&mut Text> = report.opening.iter_mut().collect();
    for section in &mut report.sections {
        part_texts(&mut section.body, &mut texts);
    }
    for attachment in &mut report.attachments {
        if let Some(body) = &mut attachment.body {
            part_texts(body, &mut texts);
        }
    }
    texts
}

fn part_texts<'r>(part: &'r mut Part, texts: &mut Vec<&'r mut Text>) {
    texts.extend(part.text.iter_mut());
    for point in &mut part.points {
        texts.extend(point.text.iter_mut());
    }
    for child in &mut part.parts {
        part_texts(child, texts);
    }
}

/// The counts of every text with the names proposed for them. A length of
/// time that bounds another (8小时外, 24小时内) is not a figure.
fn find(texts: &[String]) -> Vec<Found> {
    let mut found = Vec::new();
    for (index, text) in texts.iter().enumerate() {
        let mut memory = Memory::default();
        let mut last = 0;
        let counts: Vec<Count> = counts(text)
            .into_iter()
            .filter(|c| !text[c.range.end..].starts_with(['外', '内', '前', '后']))
            .collect();
        for (k, count) in counts.iter().enumerate() {
            if text[last..count.range.start].contains(['。', '！', '？']) {
                memory = Memory::default();
            }
            last = count.range.end;
            let region = region(text, &counts, k);
            let proposal = names::propose(text, count, region, &mut memory);
            let count = count.clone();
            found.push(Found {
                text: index,
                count,
                proposal,
                derived: None,
                replaced: None,
                part_of: None,
            });
        }
    }
    found
}

/// The stretch of text whose words are count `k`'s own: from the clause
/// after the count before it (or its sentence's start) to the end of the
/// clause before the count after it (or its sentence's end).
fn region(text: &str, counts: &[Count], k: usize) -> Range<usize> {
    let at = &counts[k].range;
    let sentence_start = text[..at.start]
        .rfind(['。', '！', '？'])
        .map_or(0, |i| i + '。'.len_utf8());
    let sentence_end = text[at.end..]
        .find(['。', '！', '？'])
        .map_or(text.len(), |i| at.end + i);
    let clause_marks = ['，', '；', '、', '：'];
    let start = match k.checked_sub(1).map(|j| counts[j].range.end) {
        Some(previous) if previous > sentence_start => text[previous..at.start]
            .rfind(clause_marks)
            .map_or(previous, |i| previous + i + '，'.len_utf8()),
        _ => sentence_start,
    };
    let end = match counts.get(k + 1).map(|c| c.range.start) {
        Some(next) if next < sentence_end => text[at.end..next]
            .rfind(clause_marks)
            .map_or(next, |i| at.end + i),
        _ => sentence_end,
    };
    start..end.max(at.end)
}

/// A text with its counts replaced by citations.
fn cite(text: &str, index: usize, found: &[Found], name_of: &[String]) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut last = 0;
    for (i, f) in found.iter().enumerate().filter(|(_, f)| f.text == index) {
        let range = f.replaced.clone().unwrap_or(f.count.range.clone());
        if range.start < last {
            continue;
        }
        out.push_str(&text[last..range.start]);
        let marker = match &f.derived {
            None => name_of[i].clone(),
            Some(derived) => format!("{}.{}", name_of[derived.of], derived.attribute.name()),
        };
        out.push_str(&format!("{{{marker}}}"));
        last = range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// The figure a found count stands for, with what is derived from it.
fn figure(found: &[Found], i: usize, name_of: &[String]) -> Figure {
    let count = &found[i].count;
    let mut figure = Figure {
        name: name_of[i].clone(),
        value: Some(count.quantity),
        magnitude: count.quantity.magnitude,
        unit: count.unit.clone(),
        target: None,
        last_year: None,
        part_of: found[i]
            .part_of
            .map(|whole| Text::plain(name_of[whole].clone())),
        span: None,
        value_span: None,
    };
    for other in found {
        let Some(derived) = other.derived.as_ref().filter(|d| d.of == i) else {
            continue;
        };
        match derived.attribute {
            Attribute::Target => figure.target = Some(other.count.quantity),
            Attribute::LastYear => figure.last_year = Some(other.count.quantity),
            Attribute::Change => figure.last_year = derived.value,
            _ => {}
        }
    }
    figure
}

#[cfg(test)]
mod tests;
