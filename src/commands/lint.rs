//! `lint`: the norms of Chinese official writing checked on any file a
//! clerk has (a data file, a text or Markdown report, a .docx), the safe
//! fixes written back with a backup, a summary by rule, and the findings as
//! JSON.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::base::error::Error;
use crate::check::prose::{Linted, SourceKind, lint_as, lint_source};
use crate::input::encoding::{self, TextEncoding};
use crate::input::files::{self, REPORT_LIMIT, TextFile};
use crate::output::files as output;

/// A file linted, with how it is stored, for writing its fixes back.
#[derive(Debug)]
pub struct LintedFile {
    /// The findings and the fixed text.
    pub linted: Linted,
    /// How the file stores its text; `None` for a .docx.
    pub stored: Option<TextFile>,
}

/// Lints the file at `path`: a .docx by its paragraphs, anything else as
/// text in whatever encoding and line endings it is in.
pub fn lint_file(path: &Path) -> Result<LintedFile, Error> {
    let bytes = files::read_limited(path, REPORT_LIMIT)?;
    lint_bytes(&path.display().to_string(), &bytes)
}

/// Lints the file called `shown` whose content is `bytes`, as
/// [`lint_file`] does.
pub fn lint_bytes(shown: &str, bytes: &[u8]) -> Result<LintedFile, Error> {
    if encoding::is_docx(shown, bytes) {
        let blocks = crate::input::docx::read(bytes).map_err(|source| Error::Docx {
            path: PathBuf::from(shown),
            source,
        })?;
        // One line a paragraph, so that places are paragraph numbers; a
        // line break inside a paragraph (a title broken over lines) goes.
        let paragraphs: Vec<String> = blocks.iter().map(|b| b.text().replace('\n', "")).collect();
        let mut linted = lint_as(SourceKind::Text, shown, &(paragraphs.join("\n") + "\n"))?;
        linted.fixed = None;
        linted.by_paragraph = true;
        // A .docx is not rewritten; its fixes are the clerk's, in Word.
        for diagnostic in &mut linted.report.diagnostics {
            diagnostic.note = None;
        }
        return Ok(LintedFile {
            linted,
            stored: None,
        });
    }
    let stored = files::text_file(bytes);
    Ok(LintedFile {
        linted: lint_source(shown, &stored.text)?,
        stored: Some(stored),
    })
}

/// What writing the fixes did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixWritten {
    /// Where the file as it was is kept.
    pub backup: PathBuf,
    /// The encoding the file was in when not UTF-8: it is now UTF-8.
    pub converted_from: Option<TextEncoding>,
}

/// Writes the fixed text over `path` in the file's own line endings, in
/// UTF-8, first keeping the original beside it as `path.bak` (or `.bak.1`,
/// `.bak.2`… if that exists). `None` when there was nothing to fix.
pub fn write_fixed(path: &Path, file: &LintedFile) -> Result<Option<FixWritten>, Error> {
    let (Some(fixed), Some(stored)) = (&file.linted.fixed, &file.stored) else {
        return Ok(None);
    };
    let written = output::write_file(path, stored.with_line_endings(fixed).as_bytes(), true)?;
    let converted_from =
        (!matches!(stored.encoding, TextEncoding::Utf8)).then_some(stored.encoding);
    Ok(written.backup.map(|backup| FixWritten {
        backup,
        converted_from,
    }))
}

/// The findings of several files counted by rule, for the end of a long
/// list: `P001 中文里用了半角标点：12 处` and so on, most first.
pub fn summary_by_rule(results: &[Linted]) -> String {
    let mut counts: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for linted in results {
        for diagnostic in &linted.report.diagnostics {
            let code = diagnostic.code.unwrap_or("—");
            let entry = counts.entry(code).or_insert((0, rule_name(code)));
            entry.0 += 1;
        }
    }
    let mut rows: Vec<(&str, usize, &str)> = counts
        .into_iter()
        .map(|(code, (n, name))| (code, n, name))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let total: usize = rows.iter().map(|(_, n, _)| n).sum();
    let mut out = format!("按规则统计（共 {total} 处）：\n");
    for (code, n, name) in rows {
        out.push_str(&format!("  {code} {name}：{n} 处\n"));
    }
    out
}

/// A rule's name in a few words, for the summary.
fn rule_name(code: &str) -> &'static str {
    match code {
        "P001" => "中文里用了半角标点",
        "P002" => "直引号或引号混用",
        "P003" => "标点重复",
        "P004" => "序号后多了标点",
        "B001" => "引号括号不成对",
        "S001" => "多余的空格",
        "F001" => "单位前缺数字",
        "F002" => "确数后加“余”",
        "F003" => "比率与数字对不上",
        "N001" => "序号跳号或重复",
        "N002" => "同级序号两种写法",
        "D001" => "成文日期写法",
        "D002" => "年份不合时",
        _ => "其他",
    }
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
