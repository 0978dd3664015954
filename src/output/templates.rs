//! The templates: the built-in ones embedded in the binary, a bureau's own
//! from `--templates DIR` (same name wins; `{% extends %}` works), and
//! `templates --eject` to write the built-ins out as a starting point.

use std::path::{Path, PathBuf};

use tera::Tera;

use crate::base::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::base::error::Error;
use crate::output::files;
use crate::output::filters;

/// The built-in templates, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("base.md", include_str!("../../templates/base.md")),
    ("parts.md", include_str!("../../templates/parts.md")),
    ("circular.md", include_str!("../../templates/circular.md")),
    (
        "work-summary.md",
        include_str!("../../templates/work-summary.md"),
    ),
    (
        "rule-of-law-report.md",
        include_str!("../../templates/rule-of-law-report.md"),
    ),
];

/// A set of templates ready to render, with where each came from.
#[derive(Clone)]
pub struct Templates {
    tera: Tera,
    /// A bureau's own templates: (template name, file it was read from, text).
    files: Vec<(String, PathBuf, String)>,
}

impl Templates {
    /// The built-in templates, overridden by those in `dir` when given.
    pub fn load(dir: Option<&Path>) -> Result<Templates, Error> {
        let files = match dir {
            Some(dir) => custom_files(dir)?,
            None => Vec::new(),
        };
        let builtins = BUILTIN
            .iter()
            .filter(|(name, _)| !files.iter().any(|(custom, _, _)| custom == name))
            .map(|(name, text)| (*name, *text));
        let sources: Vec<(&str, &str)> = builtins
            .chain(
                files
                    .iter()
                    .map(|(name, _, text)| (name.as_str(), text.as_str())),
            )
            .collect();
        let mut tera = Tera::new();
        tera.autoescape_on([".md"]);
        tera.set_escape_fn(escape_markdown);
        filters::register_filters(&mut tera);
        let compiled = tera.add_raw_templates(sources);
        let templates = Templates { tera, files };
        match compiled {
            Ok(()) => Ok(templates),
            Err(error) => Err(templates.template_error(&error)),
        }
    }

    /// The file name a template NAME stands for (`work-summary` → `work-summary.md`).
    pub fn resolve_name(&self, name: &str) -> Result<String, Error> {
        let file_name = if name.ends_with(".md") {
            name.to_string()
        } else {
            format!("{name}.md")
        };
        if self.tera.contains_template(&file_name) {
            return Ok(file_name);
        }
        let mut available: Vec<&str> = self
            .tera
            .get_template_names()
            .map(|n| n.trim_end_matches(".md"))
            .collect();
        available.sort_unstable();
        Err(Error::UnknownTemplate {
            name: name.to_string(),
            available: available.join("、"),
        })
    }

    /// The Tera engine, for registering per-report functions and rendering.
    pub fn engine_mut(&mut self) -> &mut Tera {
        &mut self.tera
    }

    /// Turns a Tera error into ours: a Chinese message (Tera's English in
    /// brackets) at the template's file (a bureau's own file by its path,
    /// a built-in one by its name), line and column, with the line and a
    /// caret.
    pub fn template_error(&self, error: &tera::Error) -> Error {
        if let Some(report) = located(error) {
            return self.error_at(
                report.filename(),
                describe(error, report.message()),
                |source| report_span(source, report.span()),
            );
        }
        if let tera::ErrorKind::Msg(text) = error.kind()
            && let Some(printed) = printed_reports(text).first()
        {
            // Tera 2.4 checks the names a template uses (filters,
            // functions, included templates) when the templates are added,
            // and returns what it finds as printed reports only: their
            // `--> file:line:column` lines are the one place they give.
            let (name, line, column) = printed.place.clone();
            let message = describe(error, &printed.message);
            let word = printed.message.split('`').nth(1).unwrap_or_default();
            return self.error_at(&name, message, |source| {
                let at = crate::base::diagnostic::LineIndex::new(source).at(line, column);
                let end = if source[at..].starts_with(word) {
                    at + word.len()
                } else {
                    at
                };
                Span::from_bytes(source, at..end)
            });
        }
        let name = unlocated_template(error).unwrap_or_default();
        let (path, source) = self.source_of(&name);
        let message = format!("模板错误：{}", describe(error, &error.kind().to_string()));
        Error::Template(Box::new(Diagnostics::new(
            &path,
            &source,
            vec![Diagnostic::error(message, None)],
        )))
    }

    fn error_at(&self, name: &str, message: String, span: impl Fn(&str) -> Span) -> Error {
        let (path, source) = self.source_of(name);
        let diagnostic = Diagnostic::error(format!("模板错误：{message}"), Some(span(&source)));
        Error::Template(Box::new(Diagnostics::new(&path, &source, vec![diagnostic])))
    }

    /// How a template is named in messages, and its text.
    fn source_of(&self, name: &str) -> (String, String) {
        if let Some((_, path, text)) = self.files.iter().find(|(custom, _, _)| custom == name) {
            return (path.display().to_string(), text.clone());
        }
        let builtin = BUILTIN.iter().find(|(builtin, _)| *builtin == name);
        match builtin {
            Some((_, text)) => (format!("内置模板 {name}"), text.to_string()),
            None => (name.to_string(), String::new()),
        }
    }
}

/// The error's place in a template, when Tera knows it.
fn located(error: &tera::Error) -> Option<&tera::ReportError> {
    match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            Some(report)
        }
        _ => None,
    }
}

fn report_span(source: &str, span: &tera::Span) -> Span {
    let range = span.range.start.min(source.len())..span.range.end.min(source.len());
    Span::from_bytes(source, range)
}

/// A report Tera printed: its message and `(template, line, column)`.
struct Printed {
    message: String,
    place: (String, usize, usize),
}

/// The reports in a message of printed ones: `error: …` then ` --> t:l:c`.
fn printed_reports(text: &str) -> Vec<Printed> {
    text.split("\n\n")
        .filter_map(|report| {
            let mut lines = report.lines();
            let message = lines.next()?.strip_prefix("error: ")?.to_string();
            let place = lines.find_map(|l| l.trim().strip_prefix("--> "))?;
            let (rest, column) = place.rsplit_once(':')?;
            let (name, line) = rest.rsplit_once(':')?;
            let place = (name.to_string(), line.parse().ok()?, column.parse().ok()?);
            Some(Printed { message, place })
        })
        .collect()
}

/// The template an error without a place is about, when it names one.
fn unlocated_template(error: &tera::Error) -> Option<String> {
    match error.kind() {
        tera::ErrorKind::MissingParent { current, .. } => Some(current.clone()),
        tera::ErrorKind::CircularExtend { tpl, .. }
        | tera::ErrorKind::CircularInclude { tpl, .. } => Some(tpl.clone()),
        _ => None,
    }
}

/// What went wrong, in Chinese, with Tera's own words (and those of the
/// filter or function that failed) in brackets.
fn describe(error: &tera::Error, english: &str) -> String {
    let mut causes = Vec::new();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        causes.push(cause.to_string());
        source = cause.source();
    }
    let chinese = chinese_summary(english);
    if english.chars().any(crate::genre::typography::is_ideograph) {
        return format!("{chinese}：{english}");
    }
    match causes
        .iter()
        .find(|c| c.chars().any(crate::genre::typography::is_ideograph))
    {
        Some(ours) => format!("{chinese}：{ours}（{english}）"),
        None if causes.is_empty() => format!("{chinese}（{english}）"),
        None => format!("{chinese}（{english}: {}）", causes.join(": ")),
    }
}

/// A Chinese summary of one of Tera's English messages.
fn chinese_summary(english: &str) -> String {
    let quoted = english
        .split('`')
        .nth(1)
        .or_else(|| english.split('\'').nth(1))
        .unwrap_or_default();
    let known: [(&str, &str); 13] = [
        ("Unknown filter", "没有这个过滤器"),
        ("Unknown function", "没有这个函数"),
        ("Unknown template", "找不到要引入的模板"),
        ("Unknown component", "没有这个组件"),
        ("Unknown tag", "没有这个模板标签"),
        ("Variable", "模板里用的变量不存在"),
        ("Field", "模板里用的字段不存在"),
        (
            "Tried to render a variable that is undefined",
            "模板里用的变量不存在",
        ),
        ("Unexpected end of input", "模板在标签中间结束了"),
        ("Unexpected", "模板语法错误"),
        ("Block", "找不到模板块"),
        ("Template", "模板继承出错"),
        ("Missing keyword argument", "缺少参数"),
    ];
    let summary = known
        .iter()
        .find(|(prefix, _)| english.starts_with(prefix))
        .map_or("模板无法生成报告", |(_, chinese)| chinese);
    if quoted.is_empty() || summary.contains("语法") || summary.contains("结束") {
        summary.to_string()
    } else {
        format!("{summary}“{quoted}”")
    }
}

/// The `.md` files directly in `dir`: (name, path, text).
fn custom_files(dir: &Path) -> Result<Vec<(String, PathBuf, String)>, Error> {
    let read_error = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        if path.extension().is_some_and(|e| e == "md") && path.is_file() {
            let text = std::fs::read_to_string(&path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            files.push((name, path, text));
        }
    }
    files.sort();
    Ok(files)
}

/// Writes the built-in templates into `dir`, refusing to replace a file
/// there unless `force`. Returns the paths written.
pub fn eject(dir: &Path, force: bool) -> Result<Vec<PathBuf>, Error> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let paths: Vec<PathBuf> = BUILTIN.iter().map(|(name, _)| dir.join(name)).collect();
    if !force && let Some(existing) = paths.iter().find(|p| p.exists()) {
        return Err(Error::OutputExists(existing.clone()));
    }
    for ((_, text), path) in BUILTIN.iter().zip(&paths) {
        files::write_file(path, text.as_bytes(), force)?;
    }
    Ok(paths)
}

/// Escapes what Markdown (and pandoc's extensions) would read as markup, so
/// that a clerk's text comes out as written.
fn escape_markdown(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    // The marks are all ASCII, and no byte of a multi-byte character is.
    let mut last = 0;
    for (at, byte) in text.bytes().enumerate() {
        if b"\\`*_[]<>#~^$@".contains(&byte) {
            out.write_all(&text.as_bytes()[last..at])?;
            out.write_all(b"\\")?;
            last = at;
        }
    }
    out.write_all(&text.as_bytes()[last..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_load() {
        let templates = Templates::load(None).unwrap();
        assert_eq!(
            templates.resolve_name("work-summary").unwrap(),
            "work-summary.md"
        );
        let error = templates.resolve_name("nope").unwrap_err();
        assert!(error.to_string().contains("rule-of-law-report"), "{error}");
    }

    #[test]
    fn markdown_specials_are_escaped() {
        let mut out = Vec::new();
        escape_markdown("7*24小时，1+1>2，#话题", &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "7\\*24小时，1+1\\>2，\\#话题"
        );
    }
}
