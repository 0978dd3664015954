//! Next year's file written by editing this year's in place: each
//! top-level key's stretch of the file is kept, rewritten or replaced by
//! what the writer makes of the new report, so the clerk's comments, key
//! order and blank lines survive.

use super::CarryNotes;
use super::next_year::{Carry, shift_years};
use crate::datafile::blocks::{Block, blocks, content_of, texts_within};
use crate::datafile::keys::Key;
use crate::datafile::model::Report;
use crate::datafile::write;
use crate::genre::kinds::Role;
use crate::input::yaml;

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
