//! A data file as a sequence of top-level blocks: each key with the comment
//! lines right above it, its value, and what follows up to the next key's
//! comments. Flows that change a file (rollover, the workbench's edits)
//! rewrite only the blocks they change, so the clerk's comments, key order
//! and blank lines elsewhere survive.

use std::collections::HashMap;
use std::ops::Range;

use crate::datafile::keys::{self, Key, Place};
use crate::datafile::model::{Report, Text};
use crate::input::yaml::{self, Value};

/// A top-level key's stretch of the file: the comment lines right above
/// it, the key with its value, and what follows up to the next key's
/// comments (blank lines, commented-out keys), which is kept as it is.
pub struct Block {
    /// The key, when it is one of the data file's.
    pub key: Option<Key>,
    /// The comment lines right above the key.
    pub comments: Range<usize>,
    /// The key and its value.
    pub body: Range<usize>,
    /// What follows, up to the next key's comments.
    pub tail: Range<usize>,
}

fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The top-level blocks of `source`, whose tree is `root`.
pub fn blocks(source: &str, root: &yaml::Node) -> Vec<Block> {
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

/// A block as the data-file writer writes it, without its help comment
/// (the file's own comments are kept instead) and the blank line after it.
pub fn content_of(written: &str) -> String {
    let mut rest = written;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    format!("{}\n", rest.trim_end_matches('\n'))
}

/// The texts of `report` written inside `range` of the file, in file order.
pub fn texts_within(report: &Report, range: Range<usize>) -> Vec<&Text> {
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
