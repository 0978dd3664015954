//! `lint` of a text, Markdown or data file (the first byte picks which).
//! Places lie inside the file; `--fix` is repeatable (fixing the fixed
//! text changes nothing more); and fixing a data file that loads without
//! errors leaves one that still does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zongjie_fuzz::{assert_diagnostics_sane, assert_within_caps, text};

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let Some(source) = text(rest) else {
        return;
    };
    let path = ["report.txt", "report.md", "data.yaml", "报告"][usize::from(choice & 3)];
    let Ok(linted) = zongjie::lint_source(path, source) else {
        return;
    };
    assert_diagnostics_sane(&linted.report);
    let Some(fixed) = linted.fixed else {
        return;
    };
    assert_within_caps("lint --fix", rest, fixed.len());
    let again = zongjie::lint_source(path, &fixed).expect("lint reads its own fix");
    assert_diagnostics_sane(&again.report);
    if let Some(refixed) = &again.fixed {
        assert_eq!(
            refixed, &fixed,
            "lint --fix run twice changes the text again"
        );
    }
    if path == "data.yaml" {
        let before = zongjie::load(source);
        if before.report.is_some() && !before.diagnostics.iter().any(|d| d.is_error()) {
            zongjie_fuzz::assert_loads("lint --fix", &fixed);
        }
    }
});
