//! `merge` of two fuzzed data files. The input is the two files, and
//! optionally the merged bureau's name, scope and level, separated by
//! lines `#%%`. The merged file loads without errors and stays within
//! the caps of both inputs together.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zongjie::{Level, MergeInput, MergeOptions};
use zongjie_fuzz::{assert_diagnostics_sane, assert_loads, assert_within_caps, text};

const SEPARATOR: &str = "\n#%%\n";

fuzz_target!(|data: &[u8]| {
    let Some(source) = text(data) else {
        return;
    };
    let mut parts = source.splitn(3, SEPARATOR);
    let first = parts.next().unwrap_or_default();
    let second = parts.next().unwrap_or_default();
    let mut options = MergeOptions::default();
    let mut lines = parts.next().map(str::lines).into_iter().flatten();
    options.bureau = lines.next().filter(|l| !l.is_empty());
    options.scope = lines.next().filter(|l| !l.is_empty());
    options.level = match lines.next() {
        Some("省") => Some(Level::Province),
        Some("市") => Some(Level::City),
        Some("县") => Some(Level::County),
        Some("区") => Some(Level::District),
        _ => None,
    };
    let inputs = [
        MergeInput {
            path: "a.yaml",
            source: first,
        },
        MergeInput {
            path: "b.yaml",
            source: second,
        },
    ];
    match zongjie::merge(&inputs, &options) {
        Ok(merged) => {
            assert_within_caps("merge", data, merged.data_file.len());
            assert_loads("merge", &merged.data_file);
            for warning in &merged.warnings {
                assert!(!warning.message.is_empty(), "a warning with no message");
            }
        }
        Err(zongjie::Error::Invalid(diagnostics)) => assert_diagnostics_sane(&diagnostics),
        Err(error) => {
            let _ = error.to_string();
        }
    }
});
