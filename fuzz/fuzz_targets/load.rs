//! The YAML reader and loader: bytes → a report or diagnostics. The
//! diagnostics print with places inside the file; a report read without
//! errors is written back (`write_data_file`) into a file that loads
//! without errors and writes back the same again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zongjie_fuzz::{assert_diagnostics_sane, assert_loads, assert_within_caps, text};

fuzz_target!(|data: &[u8]| {
    let Some(source) = text(data) else {
        return;
    };
    let loaded = zongjie::load(source);
    let diagnostics = zongjie::Diagnostics::new("data.yaml", source, loaded.diagnostics);
    assert_diagnostics_sane(&diagnostics);
    let Some(report) = loaded.report else {
        return;
    };
    if diagnostics.has_errors() {
        return;
    }
    let written = zongjie::write_data_file(&report);
    assert_within_caps("write_data_file", data, written.len());
    assert_loads("write_data_file", &written);
    let again = zongjie::load(&written)
        .report
        .expect("the written file loads");
    assert_eq!(
        zongjie::write_data_file(&again),
        written,
        "writing the written file back changes it"
    );
});
