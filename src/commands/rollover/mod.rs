//! `rollover`: next year's starting file from this year's. What changes
//! is worked out on the report (`next_year`); the file is then edited in
//! place (`in_place`), so the clerk's comments and key order survive, and
//! each text that came over is marked, saying what to do with it, until a
//! person edits it.

mod in_place;
mod next_year;

use std::collections::HashMap;

use crate::base::diagnostic::Diagnostics;
use crate::base::error::Error;
use crate::datafile::carried::mark;
use crate::datafile::load;
use crate::datafile::model::Text;
use crate::datafile::write::Annotate;
use crate::input::yaml;
use next_year::{Carried, Carry};

/// Writes next year's data file from this year's `source`. Refuses a file
/// with errors, which `check` lists.
pub fn rollover(path: &str, source: &str) -> Result<String, Error> {
    // YAML ends a line at a lone \r too, and the in-place rewrite counts
    // lines by \n: a file written with lone \r is read with \n instead.
    let lone_cr = lone_carriage_returns_as_line_feeds(source);
    let source = lone_cr.as_deref().unwrap_or(source);
    let old = load::load_valid(path, source)?;
    let root =
        yaml::parse(source).map_err(|d| Error::Invalid(Diagnostics::new(path, source, vec![d])))?;
    let (new, carried) = next_year::next_year(&old);
    let mut figure_comments = crate::datafile::blocks::figure_comments(source, &root);
    for figure in old.figures.iter().filter(|f| f.target.is_some()) {
        let note = format!("目标沿用{}年的，请按{}年的任务核对", old.year, new.year);
        let entry = figure_comments.entry(figure.name.clone()).or_default();
        *entry = if entry.is_empty() {
            note
        } else {
            format!("{entry}\n{note}")
        };
    }
    let notes = CarryNotes {
        from: old.year,
        to: new.year,
        carried,
        figure_comments,
    };
    Ok(in_place::rewrite(source, &root, &old, &new, &notes))
}

/// Marks carried-over text, saying what to do with it, and keeps the
/// comments the clerk wrote above figures.
struct CarryNotes {
    from: i32,
    to: i32,
    carried: Carried,
    figure_comments: HashMap<String, String>,
}

impl CarryNotes {
    /// How the first of `texts` that came over did, if any did.
    fn how(&self, texts: &[&Text]) -> Option<Carry> {
        texts
            .iter()
            .filter_map(|t| t.span.as_ref())
            .find_map(|span| self.carried.get(&span.bytes.start).copied())
    }

    /// The mark above `texts`, which came over as `how`.
    fn mark(&self, texts: &[&Text], how: Carry) -> String {
        let (from, to) = (self.from, self.to);
        let note = match how {
            Carry::Draft => {
                format!("沿用自{from}年的文字，请按{to}年的情况修改；改好或确认后删去本行")
            }
            Carry::Promise => {
                format!("{from}年的打算：请改写为{to}年的落实情况；写好后删去本行")
            }
            Carry::Problem => {
                format!("{from}年的问题：请写明{to}年是怎样整改的；写好后删去本行")
            }
        };
        mark(texts, &note)
    }
}

impl Annotate for CarryNotes {
    fn note(&self, texts: &[&Text]) -> Option<String> {
        let how = self.how(texts)?;
        let carried: Vec<&Text> = texts
            .iter()
            .copied()
            .filter(|t| {
                t.span
                    .as_ref()
                    .is_some_and(|s| self.carried.contains_key(&s.bytes.start))
            })
            .collect();
        Some(self.mark(&carried, how))
    }

    fn figure_note(&self, name: &str) -> Option<String> {
        self.figure_comments.get(name).cloned()
    }
}

/// `source` with each \r that no \n follows made a \n, when it has any.
fn lone_carriage_returns_as_line_feeds(source: &str) -> Option<String> {
    let bytes = source.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
        return None;
    }
    let mut out = String::with_capacity(source.len());
    for (i, c) in source.char_indices() {
        out.push(if lone(i) { '\n' } else { c });
    }
    Some(out)
}
