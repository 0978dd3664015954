//! Next year's file written by editing this year's in place: each
//! top-level key's stretch of the file is kept, rewritten or replaced by
//! what the writer makes of the new report, so the clerk's comments, key
//! order and blank lines survive.

use std::collections::HashMap;
use std::ops::Range;

use super::CarryNotes;
use super::next_year::{Carry, shift_years};
use crate::datafile::keys::{self, Key, Place};
use crate::datafile::model::{Report, Text};
use crate::datafile::write;
use crate::genre::kinds::Role;
use crate::input::yaml::{self, Value};

/// `source` rolled from `old` to `new`, block by block.
pub fn rewrite(
    source: &str,
    root: &yaml::Node,
    old: &Report,
    new: &Report,
    notes: &CarryNotes,
) -> String {
    let mut out = String::with_capacity(source.len() + 1024);
    let blocks = blocks(source, root);
    out.push_str(&source[..blocks.first().map_or(source.len(), |b| b.comments.start)]);
    for block in &blocks {
        out.push_str(&roll_block(source, block, old, new, notes));
        out.push_str(&source[block.tail.clone()]);
    }
    out
}

/// A top-level key's stretch of the file: the comment lines right above
/// it, the key with its value, and what follows up to the next key's
/// comments (blank lines, commented-out keys), which is kept as it is.
struct Block {
    key: Option<Key>,
    comments: Range<usize>,
    body: Range<usize>,
    tail: Range<usize>,
}

fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn blocks(source: &str, root: &yaml::Node) -> Vec<Block> {
    let Value::Map(entries) = &root.value else {
        return Vec::new();
    };
    let starts = line_starts(source);
    let lines = starts.len();
    let line_text = |line: usize| {
        let end = starts.get(line).copied().unwrap_or(source.len());
        &source[starts[line - 1]..end]
    };
    let offset = |line: usize| starts.get(line - 1).copied().unwrap_or(source.len());
    let key_lines: Vec<usize> = entries.iter().map(|(key, _)| key.span.line).collect();
    let first_lines: Vec<usize> = key_lines
        .iter()
        .map(|&key_line| {
            let mut first = key_line;
            while first > 1 && line_text(first - 1).starts_with('#') {
                first -= 1;
            }
            first
        })
        .collect();
    entries
        .iter()
        .enumerate()
        .map(|(i, (key, _))| {
            let key_line = key_lines[i];
            let next_first = first_lines.get(i + 1).copied().unwrap_or(lines + 1);
            let mut last = key_line;
            for line in key_line + 1..next_first.min(lines + 1) {
                let text = line_text(line);
                if text.starts_with([' ', '\t']) && !text.trim().is_empty() {
                    last = line;
                }
            }
            Block {
                key: keys::lookup(Place::Top, &key.name).map(|field| field.key),
                comments: offset(first_lines[i])..offset(key_line),
                body: offset(key_line)..offset(last + 1),
                tail: offset(last + 1)..offset(next_first),
            }
        })
        .collect()
}

/// The comment lines and body of a block, rolled over; the tail is added
/// by the caller as it was.
fn roll_block(
    source: &str,
    block: &Block,
    old: &Report,
    new: &Report,
    notes: &CarryNotes,
) -> String {
    let comments = &source[block.comments.clone()];
    let body = &source[block.body.clone()];
    match block.key {
        Some(Key::Year) => format!(
            "{comments}{}",
            body.replacen(&old.year.to_string(), &new.year.to_string(), 1)
        ),
        Some(Key::Date) => {
            format!("{comments}成文日期:    # 待填，如 {}-01-15\n", new.year + 1)
        }
        Some(Key::Title | Key::Circular | Key::Recipient | Key::Signature) => {
            shift_years(&format!("{comments}{body}"), old.year)
        }
        Some(Key::Opening | Key::Duties | Key::Other) => {
            let carried = texts_within(old, block.body.clone());
            if carried.is_empty() {
                return format!("{comments}{body}");
            }
            format!("{comments}# {}\n{body}", notes.mark(&carried, Carry::Draft))
        }
        Some(Key::Honours) => format!("{comments}# 荣誉:\n#   - ……（{}年获得的表彰）\n", new.year),
        Some(key @ (Key::Work | Key::Highlights | Key::Shortcomings | Key::Plans)) => {
            let role = key.role().unwrap_or(Role::Work);
            let written = write::section_block(new, role, notes);
            format!("{comments}{}", content_of(&written))
        }
        Some(Key::Figures) => {
            let written = write::figures_block(new, notes);
            format!("{comments}{}", content_of(&written))
        }
        _ => format!("{comments}{body}"),
    }
}

/// A block as the data-file writer writes it, without its help comment
/// (the file's own comments are kept instead) and the blank line after it.
fn content_of(written: &str) -> String {
    let mut rest = written;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    format!("{}\n", rest.trim_end_matches('\n'))
}

/// The texts of `report` written inside `range` of the file, in file order.
fn texts_within(report: &Report, range: Range<usize>) -> Vec<&Text> {
    let mut texts: Vec<&Text> = report
        .texts()
        .into_iter()
        .map(|p| p.text)
        .filter(|t| {
            t.span
                .as_ref()
                .is_some_and(|s| range.contains(&s.bytes.start))
        })
        .collect();
    texts.sort_by_key(|t| t.span.as_ref().map(|s| s.bytes.start));
    texts
}

/// Comments written directly above each figure in the `数据` block.
pub fn figure_comments(source: &str, root: &yaml::Node) -> HashMap<String, String> {
    let Value::Map(entries) = &root.value else {
        return HashMap::new();
    };
    let Some((_, figures)) = entries.iter().find(|(key, _)| {
        keys::lookup(Place::Top, &key.name).is_some_and(|f| f.key == Key::Figures)
    }) else {
        return HashMap::new();
    };
    let Value::Map(figures) = &figures.value else {
        return HashMap::new();
    };
    let lines: Vec<&str> = source.lines().collect();
    figures
        .iter()
        .filter_map(|(key, _)| {
            let mut first = key.span.line - 1;
            while first > 0
                && lines[first - 1].trim_start().starts_with('#')
                && lines[first - 1].starts_with(' ')
            {
                first -= 1;
            }
            let comments: Vec<&str> = lines[first..key.span.line - 1]
                .iter()
                .map(|l| l.trim_start().trim_start_matches('#').trim_start())
                .collect();
            (!comments.is_empty()).then(|| (key.name.trim().to_string(), comments.join("\n")))
        })
        .collect()
}
