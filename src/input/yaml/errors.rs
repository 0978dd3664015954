//! A YAML syntax error said in Chinese at the place of the mistake, with
//! a hint for the mistakes clerks make most.

use granit_parser::ScanError;

use crate::base::diagnostic::{Diagnostic, Span};

/// The parser's error at byte `at` of `source`, in Chinese, with a hint
/// for the mistakes clerks make most.
pub fn syntax_error(source: &str, at: usize, error: &ScanError) -> Diagnostic {
    let start = at.min(source.len());
    let end = source[start..]
        .chars()
        .next()
        .map_or(start, |c| start + c.len_utf8());
    let span = Span::from_bytes(source, start..end);
    let mut diagnostic = Diagnostic::error(
        format!("YAML 语法错误：{}", error.info()),
        Some(span.clone()),
    );
    let hint =
        full_width_colon_hint(source, span.line).or_else(|| brace_start_hint(source, span.line));
    if let Some(hint) = hint {
        diagnostic = diagnostic.with_note(hint);
    }
    diagnostic
}

/// Text that starts with a figure marker reads to YAML as a mapping in
/// braces; it needs quotes.
fn brace_start_hint(source: &str, error_line: usize) -> Option<String> {
    let line = source.lines().nth(error_line.checked_sub(1)?)?;
    let (key, value) = line.split_once(": ")?;
    let value = value.trim_start();
    let marker_first = value.starts_with('{') && !value.starts_with("{值") && value.contains('}');
    marker_first.then(|| {
        format!(
            "以“{{”开头的文字要加引号：{}: \"{}\"",
            key.trim_start_matches(['-', ' ']),
            value.trim_end()
        )
    })
}

/// A key typed with the Chinese input method ends in a full-width colon,
/// which YAML does not read as a key; say so instead of a parser message.
fn full_width_colon_hint(source: &str, error_line: usize) -> Option<String> {
    let lines: Vec<&str> = source.lines().collect();
    let first = error_line.saturating_sub(2);
    let last = error_line.min(lines.len());
    lines.get(first..last)?.iter().find_map(|line| {
        let (key, _) = line.trim_start().split_once('：')?;
        let plausible_key = !key.is_empty() && key.chars().count() <= 8 && !key.contains(' ');
        plausible_key
            .then(|| format!("“{key}：”用了全角冒号；YAML 的键后面要用半角冒号和空格：“{key}: ”"))
    })
}
