//! Problems found in a user's file, with their place, rendered in Chinese
//! with the source line and a caret under the spot.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something the clerk should look at; the file still renders.
    Warning,
    /// The file cannot be used until this is fixed.
    Error,
}

/// A place in a source text: 1-based line and character column, and the
/// byte range it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Byte range in the source text.
    pub bytes: Range<usize>,
}

impl Span {
    /// The span of `bytes` in `source`, with its line and column computed.
    pub fn from_bytes(source: &str, bytes: Range<usize>) -> Span {
        let start = floor_char_boundary(source, bytes.start.min(source.len()));
        let end = floor_char_boundary(source, bytes.end.clamp(start, source.len()));
        let before = &source[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = source[line_start..start].chars().count() + 1;
        Span {
            line,
            column,
            bytes: start..end,
        }
    }
}

/// The start of every line of a text, to turn many byte ranges into lines
/// and columns without scanning the text from the top each time.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the lines of `source`.
    pub fn new(source: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { source, starts }
    }

    /// The byte offset of a 1-based line and character column, clamped to
    /// the line and the text.
    pub fn at(&self, line: usize, column: usize) -> usize {
        let Some(&line_start) = self.starts.get(line.saturating_sub(1)) else {
            return self.source.len();
        };
        let line_text = self.source[line_start..].split('\n').next().unwrap_or("");
        line_start + byte_index_of_char(line_text, column.saturating_sub(1))
    }

    /// The text indexed.
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The span of `bytes`, as [`Span::from_bytes`] gives it.
    pub fn span(&self, bytes: Range<usize>) -> Span {
        let source = self.source;
        let start = floor_char_boundary(source, bytes.start.min(source.len()));
        let end = floor_char_boundary(source, bytes.end.clamp(start, source.len()));
        let line = self.starts.partition_point(|&s| s <= start);
        let line_start = self.starts[line - 1];
        Span {
            line,
            column: source[line_start..start].chars().count() + 1,
            bytes: start..end,
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn byte_index_of_char(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(index, _)| index)
}

/// One problem in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in Chinese.
    pub message: String,
    /// Where, when there is a place.
    pub span: Option<Span>,
    /// A hint or the underlying English detail.
    pub note: Option<String>,
    /// The lint rule's code (P001…), for findings of a rule.
    pub code: Option<&'static str>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(message: impl Into<String>, span: Option<Span>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span,
            note: None,
            code: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(message: impl Into<String>, span: Option<Span>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message, span)
        }
    }

    /// The same diagnostic with a rule code.
    pub fn with_code(mut self, code: &'static str) -> Diagnostic {
        self.code = Some(code);
        self
    }

    /// The same diagnostic with a note added.
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.note = Some(note.into());
        self
    }

    /// Whether this is an error rather than a warning.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A file's text with the problems found in it, printable as a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics {
    /// The path as the user gave it.
    pub path: String,
    /// The whole text of the file.
    pub source: String,
    /// Problems, in the order of their place in the file.
    pub diagnostics: Vec<Diagnostic>,
}

impl Diagnostics {
    /// A report on `source`, with diagnostics sorted by place.
    pub fn new(path: &str, source: &str, mut diagnostics: Vec<Diagnostic>) -> Diagnostics {
        diagnostics.sort_by_key(|d| d.span.as_ref().map(|s| (s.line, s.column)));
        Diagnostics {
            path: path.to_string(),
            source: source.to_string(),
            diagnostics,
        }
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// One line on the file: its path and how many errors and warnings.
    pub fn summary(&self) -> String {
        match (self.error_count(), self.warning_count()) {
            (0, 0) => format!("{}：没有发现问题", self.path),
            (0, w) => format!("{}：没有错误，{w} 个警告", self.path),
            (e, w) => format!("{}：{e} 个错误，{w} 个警告", self.path),
        }
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let renderer = Renderer::plain();
        for diagnostic in &self.diagnostics {
            let level = match diagnostic.severity {
                Severity::Error => Level::ERROR.with_name("错误"),
                Severity::Warning => Level::WARNING.with_name("警告"),
            };
            let mut title = level.primary_title(diagnostic.message.as_str());
            if let Some(code) = diagnostic.code {
                title = title.id(code);
            }
            let mut group = match &diagnostic.span {
                Some(span) => {
                    let lines = lines_of(&self.source, span);
                    let caret = caret_range(span);
                    title.element(
                        Snippet::source(&self.source[lines.clone()])
                            .line_start(span.line)
                            .path(self.path.as_str())
                            .annotation(
                                AnnotationKind::Primary
                                    .span(caret.start - lines.start..caret.end - lines.start),
                            ),
                    )
                }
                None => title.element(annotate_snippets::Origin::path(self.path.as_str())),
            };
            if let Some(note) = &diagnostic.note {
                group = group.element(Level::NOTE.with_name("说明").message(note.as_str()));
            }
            writeln!(f, "{}\n", renderer.render(&[group]))?;
        }
        Ok(())
    }
}

/// The whole lines `span` is on: the snippet a message shows. Giving
/// annotate-snippets the whole file instead makes it scan the file for
/// every message, which a file with thousands of findings pays squared.
fn lines_of(source: &str, span: &Span) -> Range<usize> {
    let start = source[..span.bytes.start].rfind('\n').map_or(0, |i| i + 1);
    let end = source[span.bytes.end..]
        .find('\n')
        .map_or(source.len(), |i| span.bytes.end + i);
    start..end
}

/// A caret needs at least one character to point at.
fn caret_range(span: &Span) -> Range<usize> {
    if span.bytes.is_empty() {
        span.bytes.start..span.bytes.start
    } else {
        span.bytes.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_from_bytes_counts_characters_not_bytes() {
        let source = "年度: 2022\n单位: 长治\n";
        let at = source.find("长治").unwrap();
        let span = Span::from_bytes(source, at..at + "长治".len());
        assert_eq!((span.line, span.column), (2, 5));
    }

    #[test]
    fn line_index_agrees_with_scanning() {
        let source = "年度: 2022\n单位:\n  名称: 长治\n\n末行";
        let index = LineIndex::new(source);
        for start in (0..=source.len()).filter(|&i| source.is_char_boundary(i)) {
            assert_eq!(
                index.span(start..start),
                Span::from_bytes(source, start..start),
                "{start}"
            );
        }
    }

    #[test]
    fn line_index_finds_a_line_and_column() {
        let source = "a: 1\n名称：长治\n";
        let index = LineIndex::new(source);
        let at = index.at(2, 3);
        assert_eq!(&source[at..at + "：".len()], "：");
        assert_eq!(index.at(9, 1), source.len());
    }

    #[test]
    fn report_shows_path_line_column_and_caret() {
        let source = "年度: 1800\n";
        let at = source.find("1800").unwrap();
        let span = Span::from_bytes(source, at..at + 4);
        let report = Diagnostics::new(
            "a.yaml",
            source,
            vec![Diagnostic::error("年度超出范围", Some(span))],
        );
        let text = report.to_string();
        assert!(text.contains("错误: 年度超出范围"), "{text}");
        assert!(text.contains("a.yaml:1:5"), "{text}");
        assert!(text.contains("^^^^"), "{text}");
    }

    #[test]
    fn rule_codes_are_shown() {
        let source = "共3,094人";
        let report = Diagnostics::new(
            "a.txt",
            source,
            vec![Diagnostic::error("半角", Some(Span::from_bytes(source, 4..5))).with_code("P001")],
        );
        assert!(report.to_string().contains("错误[P001]: 半角"), "{report}");
    }

    #[test]
    fn diagnostics_are_sorted_by_place() {
        let source = "a\nb\n";
        let report = Diagnostics::new(
            "x",
            source,
            vec![
                Diagnostic::error("second", Some(Span::from_bytes(source, 2..3))),
                Diagnostic::error("first", Some(Span::from_bytes(source, 0..1))),
            ],
        );
        assert_eq!(report.diagnostics[0].message, "first");
    }
}
