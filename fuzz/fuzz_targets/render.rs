//! `render` to Markdown, plain text and .docx from a fuzzed data file: a
//! refusal says why; a rendered report is lint-clean (see the crate's
//! doc), its .docx reads back, and no output outgrows the caps.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zongjie_fuzz::{render_and_check, text};

fuzz_target!(|data: &[u8]| {
    if let Some(source) = text(data) {
        render_and_check(data, source);
    }
});
