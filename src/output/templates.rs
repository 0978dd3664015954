//! The templates: the built-in ones embedded in the binary, a bureau's own
//! from `--templates DIR` (same name wins; `{% extends %}` works), and
//! `templates --eject` to write the built-ins out as a starting point.

use std::path::{Path, PathBuf};

use tera::Tera;

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
pub struct Templates {
    tera: Tera,
    /// (template name, file it was read from) for a bureau's own templates.
    files: Vec<(String, PathBuf)>,
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
        let templates = Templates {
            tera,
            files: files
                .into_iter()
                .map(|(name, path, _)| (name, path))
                .collect(),
        };
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

    /// Turns a Tera error into ours: Chinese headline with the template's
    /// file (a bureau's own file by its path), line and column, then Tera's
    /// own report with the source line and caret.
    pub fn template_error(&self, error: &tera::Error) -> Error {
        let mut detail = full_message(error);
        for (name, path) in &self.files {
            detail = detail.replace(&format!("--> {name}:"), &format!("--> {}:", path.display()));
        }
        let headline = detail.lines().next().unwrap_or_default();
        let message = headline.strip_prefix("error: ").unwrap_or(headline);
        let place = detail
            .lines()
            .find_map(|line| line.trim().strip_prefix("--> "));
        match place.and_then(split_location) {
            Some((file, line, column)) => {
                let is_builtin = BUILTIN.iter().any(|(name, _)| *name == file);
                let file = if is_builtin {
                    format!("内置模板 {file}")
                } else {
                    file.to_string()
                };
                Error::Template(format!(
                    "{file} 第 {line} 行第 {column} 列：{message}\n{detail}"
                ))
            }
            None => Error::Template(detail),
        }
    }
}

/// `path:line:column` → its parts; the path may itself hold colons.
fn split_location(place: &str) -> Option<(&str, &str, &str)> {
    let (rest, column) = place.rsplit_once(':')?;
    let (file, line) = rest.rsplit_once(':')?;
    let numeric = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    (numeric(line) && numeric(column)).then_some((file, line, column))
}

/// Tera's message with its causes, which carry what a filter said.
fn full_message(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(&format!("\n{cause}"));
        source = cause.source();
    }
    message
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
