//! `rollover`: a data file accepted is rolled into next year's, which
//! loads without errors and stays within the caps; a refusal prints.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zongjie_fuzz::{assert_loads, assert_within_caps, text};

fuzz_target!(|data: &[u8]| {
    let Some(source) = text(data) else {
        return;
    };
    match zongjie::rollover("data.yaml", source) {
        Ok(next) => {
            assert_within_caps("rollover", data, next.len());
            assert_loads("rollover", &next);
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
});
