//! What the fuzz targets assert beyond "no panic", shared so that every
//! target holds zongjie's outputs to the same promises:
//!
//! - diagnostics print, and every place they give lies inside the file;
//! - a rendered report is lint-clean as README promises: none of the
//!   errors lint mends (P001 P003 P004 S001) is left, and every other
//!   error lint finds in it is one lint finds in the data file itself or
//!   in the bureau's names and the figures' units, which go into the prose
//!   as written (or F003, a stated rate its filled-in figures contradict);
//! - a data file zongjie writes (import, rollover, merge, the writer)
//!   loads without errors;
//! - outputs stay within a fixed multiple of the input, plus the copy
//!   budget of YAML aliases when the input has any.

use std::collections::BTreeSet;

use zongjie::{Diagnostics, Linted, OutputFormat, RenderOptions, Severity};

/// The rules whose errors lint mends and render must leave none of.
pub const MENDED: &[&str] = &["P001", "P003", "P004", "S001"];

/// Errors render may bring out that the data file's own prose does not
/// show: a stated rate that the figures, once filled in, contradict.
pub const FROM_FIGURES: &[&str] = &["F003"];

/// How much larger than its input an output may be: this many times…
pub const GROWTH: usize = 64;
/// …plus this much (a .docx's styles and page setup, standard headings).
pub const BASE: usize = 256 << 10;
/// …plus this much when the input has YAML aliases, which may copy up to
/// the YAML reader's budget of 16 MiB.
pub const ALIAS_ALLOWANCE: usize = 64 << 20;

/// The text of a fuzz input, when it is UTF-8 (the data file's encoding).
pub fn text(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes).ok()
}

/// Asserts that `output` (what `what` made of `input`) is within the caps.
pub fn assert_within_caps(what: &str, input: &[u8], output: usize) {
    let mut cap = GROWTH * input.len() + BASE;
    if input.contains(&b'*') {
        cap += ALIAS_ALLOWANCE;
    }
    assert!(
        output <= cap,
        "{what}: {output} bytes from {} bytes of input (cap {cap})",
        input.len()
    );
}

/// Prints the diagnostics (as the binary would) and checks their places.
pub fn assert_diagnostics_sane(diagnostics: &Diagnostics) {
    let printed = diagnostics.to_string();
    let _ = diagnostics.summary();
    assert!(
        diagnostics.diagnostics.is_empty() || !printed.is_empty(),
        "diagnostics that print as nothing"
    );
    for diagnostic in &diagnostics.diagnostics {
        assert!(
            !diagnostic.message.is_empty(),
            "a diagnostic with no message"
        );
        if let Some(span) = &diagnostic.span {
            let source = &diagnostics.source;
            assert!(
                span.bytes.start <= span.bytes.end && span.bytes.end <= source.len(),
                "diagnostic “{}” at {:?} outside a {}-byte file",
                diagnostic.message,
                span.bytes,
                source.len()
            );
            assert!(
                source.is_char_boundary(span.bytes.start)
                    && source.is_char_boundary(span.bytes.end),
                "diagnostic “{}” at {:?} splits a character",
                diagnostic.message,
                span.bytes
            );
            assert!(
                span.line >= 1,
                "diagnostic “{}” on line 0",
                diagnostic.message
            );
        }
    }
}

/// The codes of the errors in a lint result.
pub fn error_codes(linted: &Linted) -> BTreeSet<&'static str> {
    linted
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter_map(|d| d.code)
        .collect()
}

/// Asserts that `text` loads as a data file without errors: what every
/// flow that writes a data file promises.
pub fn assert_loads(what: &str, text: &str) {
    let loaded = zongjie::load(text);
    let errors: Vec<&str> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        loaded.report.is_some() && errors.is_empty(),
        "{what} wrote a data file that does not load: {errors:?}\n---\n{text}"
    );
}

/// Asserts that `text` passes `check` without errors.
pub fn assert_checks(what: &str, text: &str) {
    let checked = zongjie::check("out.yaml", text, zongjie::Purpose::Review);
    assert_diagnostics_sane(&checked.diagnostics);
    let errors: Vec<&str> = checked
        .diagnostics
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        checked.report.is_some() && errors.is_empty(),
        "{what} wrote a data file that check refuses: {errors:?}\n---\n{text}"
    );
}

/// Renders `source` in every format and asserts what render promises.
pub fn render_and_check(input: &[u8], source: &str) {
    let options = RenderOptions::default();
    let markdown = match zongjie::render("data.yaml", source, OutputFormat::Markdown, &options) {
        Ok(bytes) => bytes,
        Err(zongjie::Error::Invalid(diagnostics)) => {
            assert!(
                diagnostics.has_errors(),
                "render refused a file without saying why"
            );
            assert_diagnostics_sane(&diagnostics);
            return;
        }
        Err(other) => panic!("render failed on a file check accepts: {other}"),
    };
    assert_within_caps("render (Markdown)", input, markdown.len());
    let markdown = String::from_utf8(markdown).expect("render writes UTF-8 Markdown");
    let mut own = zongjie::lint_source("data.yaml", source)
        .map(|linted| error_codes(&linted))
        .unwrap_or_default();
    // The bureau's names and the figures' units go into the prose as
    // written, and neither check nor lint of the data file reads them as
    // prose (“（湖区司法局”, a unit “人次》，开展”): what lint finds in them is
    // the data file's too.
    if let Some(report) = zongjie::load(source).report {
        let bureau = &report.bureau;
        let names = [&bureau.name, &bureau.self_name, &bureau.scope];
        let mut data: Vec<&str> = names.into_iter().map(String::as_str).collect();
        data.extend(report.figures.iter().map(|f| f.unit.as_str()));
        if let Ok(linted) = zongjie::lint_source("data.txt", &(data.join("\n") + "\n")) {
            own.extend(error_codes(&linted));
        }
        // Numbers the clerk typed into texts (a text that begins （十一）)
        // are the clerk's numbering: what lint finds in the texts read as a
        // document of their own is the data file's too.
        let texts: Vec<&str> = report
            .texts()
            .iter()
            .map(|p| p.text.value.as_str())
            .collect();
        if let Ok(linted) = zongjie::lint_source("texts.txt", &(texts.join("\n") + "\n")) {
            own.extend(error_codes(&linted));
        }
    }
    lint_clean("report.md", &markdown, &own);

    let text = zongjie::render("data.yaml", source, OutputFormat::Text, &options)
        .expect("a file that renders to Markdown renders to text");
    assert_within_caps("render (text)", input, text.len());
    let text = String::from_utf8(text).expect("render writes UTF-8 text");
    lint_clean("report.txt", &text, &own);

    let docx = zongjie::render("data.yaml", source, OutputFormat::Docx, &options)
        .expect("a file that renders to Markdown renders to .docx");
    assert_within_caps("render (.docx)", input, docx.len());
    zongjie::read_docx(&docx).expect("our own .docx reads back");
    let linted = zongjie::lint_bytes("report.docx", &docx)
        .expect("lint reads our own .docx")
        .linted;
    assert_clean("report.docx", &linted, &own, || {
        zongjie::plain_text(&zongjie::read_docx(&docx).unwrap_or_default())
    });
}

/// Lints the rendered report at `path` and asserts that it is lint-clean
/// as README promises, given the error codes of the data file's own lint.
pub fn lint_clean(path: &str, rendered: &str, own: &BTreeSet<&'static str>) -> Linted {
    let linted = zongjie::lint_source(path, rendered).expect("lint reads a rendered report");
    assert_clean(path, &linted, own, || rendered.to_string());
    linted
}

/// Asserts that a rendered report's lint has no error but those the data
/// file's own lint explains, and none of those render mends.
pub fn assert_clean(
    path: &str,
    linted: &Linted,
    own: &BTreeSet<&'static str>,
    rendered: impl Fn() -> String,
) {
    for diagnostic in &linted.report.diagnostics {
        if diagnostic.severity != Severity::Error {
            continue;
        }
        let code = diagnostic.code.unwrap_or("?");
        let mended = MENDED.contains(&code);
        let explained = own.contains(code) || FROM_FIGURES.contains(&code);
        assert!(
            !mended && explained,
            "rendered {path} is not lint-clean: {code} {}\n(data file's own errors: {own:?})\n---\n{}",
            diagnostic.message,
            rendered()
        );
    }
}

/// Reads, imports and lints `bytes` as a .docx, asserting what each flow
/// promises: import's data file passes check; lint's places are paragraph
/// numbers and there is never a fix to write back.
pub fn docx_flows(bytes: &[u8]) {
    if let Ok(blocks) = zongjie::read_docx(bytes) {
        let text: usize = blocks.iter().map(|b| b.text().len()).sum();
        // Text comes from deflated parts: the PART_LIMIT of 256 MiB caps
        // it, far above what a fuzz input can inflate to.
        assert!(text <= 256 << 20, "{text} bytes of text from a .docx");
    }
    match zongjie::import("report.docx", bytes) {
        Ok(imported) => {
            assert_within_caps("import (.docx)", bytes, imported.data_file.len());
            assert_checks("import (.docx)", &imported.data_file);
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
    match zongjie::lint_bytes("report.docx", bytes) {
        Ok(zongjie::LintedFile { linted, .. }) => {
            assert!(linted.by_paragraph, "a .docx is linted by paragraph");
            assert!(linted.fixed.is_none(), "lint would rewrite a .docx");
            assert_diagnostics_sane(&linted.report);
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
}
