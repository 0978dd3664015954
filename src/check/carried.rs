//! Text carried over from last year and not edited since: each rollover
//! mark names the fingerprints of the texts that follow it, and a text that
//! still has its fingerprint is warned about.

use crate::base::diagnostic::Diagnostic;
use crate::datafile::carried::{fingerprint, parse_mark};
use crate::datafile::model::{Report, Text};

/// Warnings for carried-over text still as it was carried.
pub fn unchanged_carried_texts(source: &str, report: &Report) -> Vec<Diagnostic> {
    let mut texts: Vec<&Text> = report
        .texts()
        .into_iter()
        .map(|p| p.text)
        .filter(|t| t.span.is_some())
        .collect();
    texts.sort_by_key(|t| t.span.as_ref().map(|s| s.bytes.start));
    texts.dedup_by_key(|t| t.span.as_ref().map(|s| s.bytes.start));
    let line_of = |text: &&Text| text.span.as_ref().map_or(0, |s| s.line);
    let mut found = Vec::new();
    for (index, line) in source.lines().enumerate() {
        let Some(prints) = parse_mark(line) else {
            continue;
        };
        let first_after = texts.partition_point(|t| line_of(t) <= index + 1);
        for (text, print) in texts[first_after..].iter().zip(prints) {
            if fingerprint(&text.value) == print {
                found.push(
                    Diagnostic::warning("这段文字沿用自上一年，还没有修改", text.span.clone())
                        .with_note("按今年的情况改写；如确认沿用，删去上方的“[沿用 …]”注释行"),
                );
            }
        }
    }
    found
}
