//! zongjie (总结) writes the annual reports of Chinese government bureaus
//! from a YAML data file: it checks the file, renders it through Tera
//! templates in the house style of a 年度工作总结 or a 法治政府建设年度报告,
//! and starts next year's file from this year's.
//!
//! The library is built in layers; each uses only the layers listed
//! before it here, never one after it:
//!
//! | layer | what it knows |
//! |---|---|
//! | `base` | places in a text, diagnostics, the error type, where the program runs |
//! | `input` | bytes into text, YAML into nodes, Markdown and .docx into paragraphs |
//! | `genre` | numbering, typography and the norms of official text, quantities, kinds of report, dates |
//! | `datafile` | the data file: its keys, the report it describes, citations, loading and writing |
//! | `check` | everything wrong with a data file, and the prose of any file |
//! | `output` | templates, rendering to Markdown, text and .docx, safe file writing |
//! | `commands` | the flows: init, import, lint, rollover, merge, diff |
//! | `workbench` | the local browser workbench: its server, API and page |
//!
//! `ARCHITECTURE.md` says where each flow lives. What the binary, the
//! benchmarks and the workbench use is re-exported here.

#![warn(missing_docs)]

mod base;
mod check;
mod commands;
mod datafile;
mod genre;
mod input;
mod output;
mod workbench;

pub use base::diagnostic::{Diagnostic, Diagnostics, Severity, Span};
pub use base::error::DocxError;
pub use base::error::Error;
pub use base::platform::{Start, default_work_dir, how_started, wait_for_key};
pub use check::prose::{Linted, lint_source};
pub use check::{Checked, Purpose, check};
pub use commands::diff::{Comparison, DiffFormat, compare};
pub use commands::import::{Imported, import};
pub use commands::init::starter_file;
pub use commands::lint::{
    FixWritten, LintedFile, lint_bytes, lint_file, summary_by_rule as lint_summary,
    to_json as lint_json, write_fixed,
};
pub use commands::merge::{MergeInput, MergeOptions, Merged, merge};
pub use commands::rollover::rollover;
pub use datafile::load::{Loaded, load};
pub use datafile::model::{
    Attachment, Bureau, Circular, Figure, Layout, Part, Point, Report, Section, Text,
};
pub use datafile::starter::Starter;
pub use datafile::write::plain_data_file as write_data_file;
pub use genre::dates::{YEARS, default_year};
pub use genre::kinds::{Kind, Level, Role};
pub use genre::quantity::{Magnitude, Quantity, Rounded};
pub use input::docx::read as read_docx;
pub use input::encoding::TextEncoding;
pub use input::files::{TextFile, read_data_file};
pub use input::markdown::{Block, Run, to_text as plain_text};
pub use output::docx::{Reference as DocxReference, reference_docx};
pub use output::files::{Destination, Written, write as write_output};
pub use output::pages::{Align, Line, Page, paginate};
pub use output::render::{OutputFormat, RenderOptions, Rendered, Renderer, render};
pub use output::templates::{BUILTIN as BUILTIN_TEMPLATES, Templates, eject as eject_templates};
pub use rust_decimal::Decimal;
pub use workbench::{
    App as WorkbenchApp, Preview, ServeOptions, preview as workbench_preview,
    router as workbench_router, serve, test_app as workbench_test_app,
};

/// A .docx of `blocks` in our own layout: the styles, page setup and
/// footers of GB/T 9704.
pub fn write_docx(blocks: &[Block]) -> Result<Vec<u8>, DocxError> {
    output::docx::write(blocks, output::docx::DocxLayout::default(), None)
}

/// The bytes of a report or a reference .docx at `path`, refused past
/// 64 MiB or when it is not a regular file.
pub fn read_report_file(path: &std::path::Path) -> Result<Vec<u8>, Error> {
    input::files::read_limited(path, input::files::REPORT_LIMIT)
}
