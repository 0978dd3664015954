//! `check` for review and for render: every problem printed with places
//! inside the file; what check for review accepts, load accepts; what
//! check for render accepts, check for review accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zongjie::Purpose;
use zongjie_fuzz::{assert_diagnostics_sane, text};

fuzz_target!(|data: &[u8]| {
    let Some(source) = text(data) else {
        return;
    };
    let review = zongjie::check("data.yaml", source, Purpose::Review);
    assert_diagnostics_sane(&review.diagnostics);
    let render = zongjie::check("data.yaml", source, Purpose::Render);
    assert_diagnostics_sane(&render.diagnostics);
    if !review.diagnostics.has_errors() && review.report.is_some() {
        let loaded = zongjie::load(source);
        assert!(
            !loaded.diagnostics.iter().any(|d| d.is_error()),
            "check accepts a file load finds errors in"
        );
    }
    assert_eq!(
        review.report.is_some(),
        render.report.is_some(),
        "check reads a report for one purpose and not the other"
    );
});
