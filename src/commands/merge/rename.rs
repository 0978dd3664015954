//! The merged file made the city's: its bureau, level and area word, and
//! the county's words in the fixed phrases (title, signature, recipient,
//! circular) changed to the city's; the same words in free prose are
//! pointed out, not changed, as only the clerk can say what a sentence
//! about the county should say of the city.

use crate::base::diagnostic::{Diagnostic, Span};
use crate::datafile::model::{Report, Text};
use crate::genre::kinds::Level;

use super::MergeOptions;

/// The words a county's text names itself with, and the city's for each.
#[derive(Debug)]
pub struct Renamed {
    words: Vec<(String, String)>,
}

/// Renames the merged report's bureau as `options` say and rewrites its
/// fixed phrases; `None` when the options name no one.
pub fn bureau(report: &mut Report, options: &MergeOptions) -> Option<Renamed> {
    if options.bureau.is_none() && options.level.is_none() && options.scope.is_none() {
        return None;
    }
    let old = report.bureau.clone();
    let name = options.bureau.unwrap_or(&old.name).to_string();
    let level = options.level.unwrap_or_else(|| match options.bureau {
        Some(name) => Level::from_bureau_name(name),
        None => old.level,
    });
    let scope = options.scope.map_or_else(|| level.scope(), str::to_string);
    let renamed = Renamed {
        words: level_words(&old.name, &name, old.level, level, &old.scope, &scope),
    };
    report.bureau.name = name;
    report.bureau.level = level;
    report.bureau.scope = scope;
    let fixed = [
        &mut report.title,
        &mut report.recipient,
        &mut report.signature,
    ];
    for text in fixed.into_iter().flatten() {
        text.value = renamed.apply(&text.value);
    }
    if let Some(circular) = &mut report.circular {
        for text in [&mut circular.title, &mut circular.body]
            .into_iter()
            .flatten()
        {
            text.value = renamed.apply(&text.value);
        }
    }
    Some(renamed)
}

/// Old and new words, longest first so that 县委县政府 goes before 县委.
fn level_words(
    old_name: &str,
    new_name: &str,
    old_level: Level,
    new_level: Level,
    old_scope: &str,
    new_scope: &str,
) -> Vec<(String, String)> {
    let mut words = vec![(old_name.to_string(), new_name.to_string())];
    if old_scope != new_scope {
        words.push((old_scope.to_string(), new_scope.to_string()));
    }
    if old_level != new_level {
        let (o, n) = (old_level.chinese_name(), new_level.chinese_name());
        for pattern in ["{}委{}政府", "{}委、{}政府", "{}委", "{}政府"] {
            words.push((pattern.replace("{}", o), pattern.replace("{}", n)));
        }
    }
    words.retain(|(old, new)| !old.is_empty() && old != new);
    words.sort_by_key(|(old, _)| std::cmp::Reverse(old.chars().count()));
    words
}

impl Renamed {
    /// `text` with every old word the new one.
    fn apply(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (old, new) in &self.words {
            out = out.replace(old.as_str(), new);
        }
        out
    }

    /// The first old word in `text`, with its byte offset, if any.
    fn first_in(&self, text: &str) -> Option<(usize, &str, &str)> {
        self.words
            .iter()
            .filter_map(|(old, new)| {
                text.find(old.as_str())
                    .map(|at| (at, old.as_str(), new.as_str()))
            })
            .min_by_key(|(at, _, _)| *at)
    }
}

/// A warning for each prose text of the merged report that still uses the
/// county's words, placed where the text is in the merged file.
pub fn left_in_prose(report: &Report, renamed: &Renamed, data_file: &str) -> Vec<Diagnostic> {
    let fixed: Vec<&Text> = [&report.title, &report.recipient, &report.signature]
        .into_iter()
        .flatten()
        .collect();
    let mut search_from = 0;
    let mut found = Vec::new();
    for prose in report.texts() {
        let text = prose.text;
        if fixed.iter().any(|f| std::ptr::eq(*f, text)) {
            continue;
        }
        let Some((at, old, new)) = renamed.first_in(&text.value) else {
            continue;
        };
        let place = data_file[search_from..]
            .find(text.value.as_str())
            .map(|offset| {
                search_from += offset;
                let start = search_from + at;
                Span::from_bytes(data_file, start..start + old.len())
            });
        found.push(
            Diagnostic::warning(format!("正文里写的是“{old}”，合并后应是“{new}”"), place)
                .with_note("这是各县文件里的说法，合并文件的正文请按全市的情况改写"),
        );
    }
    found
}
