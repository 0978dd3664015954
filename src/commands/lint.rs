//! `lint`: the norms of Chinese official writing checked on any file a
//! clerk has (a data file, a text or Markdown report, a .docx), the safe
//! fixes written back with a backup, and the findings as JSON.

use std::path::{Path, PathBuf};

use crate::base::error::Error;
use crate::check::prose::{Linted, SourceKind, lint_as, lint_source};
use crate::input::encoding;
use crate::output::files;

/// Lints the file at `path`: a .docx by its paragraphs, anything else as
/// text in whatever encoding it is in.
pub fn lint_file(path: &std::path::Path) -> Result<Linted, Error> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if encoding::is_docx(&shown, &bytes) {
        let blocks = crate::input::docx::read(&bytes).map_err(|source| Error::Docx {
            path: path.to_path_buf(),
            source,
        })?;
        // One line a paragraph, so that places are paragraph numbers; a
        // line break inside a paragraph (a title broken over lines) goes.
        let paragraphs: Vec<String> = blocks.iter().map(|b| b.text().replace('\n', "")).collect();
        let mut linted = lint_as(SourceKind::Text, &shown, &(paragraphs.join("\n") + "\n"))?;
        linted.fixed = None;
        linted.by_paragraph = true;
        return Ok(linted);
    }
    lint_source(&shown, &encoding::decode(&bytes))
}

/// Writes the fixed text over `path`, first keeping the original beside it
/// as `path.bak` (or `.bak.1`, `.bak.2`… if that exists). Returns the
/// backup's path.
pub fn write_fixed(path: &Path, fixed: &str) -> Result<PathBuf, Error> {
    let original = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let backup = (0..)
        .map(|n| match n {
            0 => path.with_file_name(format!("{name}.bak")),
            n => path.with_file_name(format!("{name}.bak.{n}")),
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| path.with_file_name(format!("{name}.bak")));
    files::write_file(&backup, &original, false)?;
    files::write_file(path, fixed.as_bytes(), true)?;
    Ok(backup)
}

/// The findings of several files as JSON, for programs.
pub fn to_json(results: &[Linted]) -> String {
    let files: Vec<serde_json::Value> = results
        .iter()
        .map(|linted| {
            let report = &linted.report;
            let findings: Vec<serde_json::Value> = report
                .diagnostics
                .iter()
                .map(|d| {
                    let place = if linted.by_paragraph {
                        "paragraph"
                    } else {
                        "line"
                    };
                    serde_json::json!({
                        "rule": d.code,
                        "severity": if d.is_error() { "error" } else { "warning" },
                        "message": d.message,
                        place: d.span.as_ref().map(|s| s.line),
                        "column": d.span.as_ref().map(|s| s.column),
                        "fixable": d.note.is_some(),
                    })
                })
                .collect();
            serde_json::json!({
                "file": report.path,
                "errors": report.error_count(),
                "warnings": report.warning_count(),
                "findings": findings,
            })
        })
        .collect();
    serde_json::Value::Array(files).to_string()
}
