//! The integration tests, linked as one binary: each module runs the real
//! `zongjie` binary (or the library's public surface) on the examples,
//! on files made in the test, and on the seed reports when
//! `ZONGJIE_SEEDS` names them.

mod architecture;
mod common;
mod docx;
mod errors;
mod figures;
mod files;
mod fuzz_regressions;
mod import;
mod lint;
mod merge;
mod ooxml;
mod preview;
mod render;
mod render_examples;
mod robustness;
mod rollover;
mod rollover_property;
mod seed_layout;
mod templates;
mod workbench;
