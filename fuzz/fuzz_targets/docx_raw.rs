//! A .docx as raw bytes (the zip container and everything in it, seeded
//! with .docx files zongjie wrote): read, import and lint, as
//! `zongjie_fuzz::docx_flows` asserts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    zongjie_fuzz::docx_flows(data);
});
