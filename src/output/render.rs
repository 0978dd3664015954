//! `render`: a checked report → the context templates see → Markdown →
//! plain text or .docx. A [`Renderer`] compiles the templates once, for a
//! batch of files or the workbench's previews.

use std::path::Path;
use std::sync::Arc;

use crate::base::diagnostic::{Diagnostic, Diagnostics};
use crate::base::error::Error;
use crate::check;
use crate::datafile::model::Report;
use crate::input::markdown::{self, Block};
use crate::output::context::context;
use crate::output::docx;
use crate::output::filters;
use crate::output::templates::Templates;

/// What `render` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// docx-ready Markdown (pandoc's dialect, with our style names).
    Markdown,
    /// Plain text with two-character indents, for an OA system.
    Text,
    /// A Word document in the GB/T 9704 layout.
    Docx,
}

impl OutputFormat {
    /// The file extension that names the format.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Markdown => "md",
            OutputFormat::Text => "txt",
            OutputFormat::Docx => "docx",
        }
    }

    /// The format a file extension names, if it names one.
    pub fn from_extension(extension: &str) -> Option<OutputFormat> {
        match extension.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(OutputFormat::Markdown),
            "txt" => Some(OutputFormat::Text),
            "docx" => Some(OutputFormat::Docx),
            _ => None,
        }
    }
}

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions<'a> {
    /// A template name instead of the kind's own (`--template`).
    pub template: Option<&'a str>,
    /// A directory of a bureau's own templates (`--templates`).
    pub templates_dir: Option<&'a Path>,
    /// A bureau's own Word file whose styles, page setup and footers a
    /// .docx takes (`--reference-doc`).
    pub reference_doc: Option<&'a docx::Reference>,
}

/// A report rendered to styled paragraphs, before any file format.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The Markdown the templates wrote.
    pub markdown: String,
    /// The paragraphs it reads as.
    pub blocks: Vec<Block>,
    /// The layout choices a .docx needs.
    pub layout: docx::DocxLayout,
}

/// Templates compiled once, rendering any number of data files; a clone
/// renders on another thread without compiling them again.
#[derive(Clone)]
pub struct Renderer<'a> {
    templates: Templates,
    options: RenderOptions<'a>,
}

impl<'a> Renderer<'a> {
    /// Compiles the built-in templates, and a bureau's own when given.
    pub fn new(options: &RenderOptions<'a>) -> Result<Renderer<'a>, Error> {
        Ok(Renderer {
            templates: Templates::load(options.templates_dir)?,
            options: options.clone(),
        })
    }

    /// Checks the data file at `path` and renders it to paragraphs.
    /// Refuses, with every problem listed, when the file has errors or
    /// cites a figure that is not filled in yet.
    pub fn blocks(&mut self, path: &str, source: &str) -> Result<Rendered, Error> {
        let report = checked_report(path, source, check::Purpose::Render)?;
        self.render_report(path, source, report, false)
    }

    /// Renders the data file at `path` to paragraphs as a draft: a cited
    /// figure not yet filled in is written as a gap, `〔待填：名称〕`, so the
    /// workbench can show the pages while the clerk fills the figures.
    /// Refuses, as [`Renderer::blocks`] does, a file with errors.
    pub fn draft(&mut self, path: &str, source: &str) -> Result<Rendered, Error> {
        let report = checked_report(path, source, check::Purpose::Review)?;
        self.render_report(path, source, report, true)
    }

    fn render_report(
        &mut self,
        path: &str,
        source: &str,
        report: Report,
        draft: bool,
    ) -> Result<Rendered, Error> {
        let layout = docx::DocxLayout {
            bold_headings: report.layout.bold_headings,
        };
        let kind_template = report.kind.template_name();
        let name = self
            .templates
            .resolve_name(self.options.template.unwrap_or(kind_template))?;
        let context = context(&report, draft)
            .map_err(|d| Error::Invalid(Diagnostics::new(path, source, d)))?;
        let mut tera_context = tera::Context::new();
        tera_context.insert("report", &context);
        let engine = self.templates.engine_mut();
        filters::register_functions(engine, Arc::new(report), draft);
        let rendered = engine
            .render(&name, &tera_context)
            .map_err(|e| self.templates.template_error(&e))?;
        let markdown = markdown::normalize(&rendered);
        let blocks = markdown::parse(&markdown);
        Ok(Rendered {
            markdown,
            blocks,
            layout,
        })
    }

    /// Renders the data file at `path` in `format`: the text of Markdown or
    /// plain text, or the bytes of a .docx.
    pub fn render(
        &mut self,
        path: &str,
        source: &str,
        format: OutputFormat,
    ) -> Result<Vec<u8>, Error> {
        let rendered = self.blocks(path, source)?;
        Ok(match format {
            OutputFormat::Markdown => rendered.markdown.into_bytes(),
            OutputFormat::Text => markdown::to_text(&rendered.blocks).into_bytes(),
            OutputFormat::Docx => docx::write(
                &rendered.blocks,
                rendered.layout,
                self.options.reference_doc,
            )
            .map_err(Error::DocxWrite)?,
        })
    }
}

/// Renders the data file at `path` in `format`, compiling the templates
/// for this one file.
pub fn render(
    path: &str,
    source: &str,
    format: OutputFormat,
    options: &RenderOptions,
) -> Result<Vec<u8>, Error> {
    Renderer::new(options)?.render(path, source, format)
}

/// The report, if the file has no errors for rendering.
fn checked_report(path: &str, source: &str, purpose: check::Purpose) -> Result<Report, Error> {
    let checked = check::check(path, source, purpose);
    match checked.report {
        Some(report) if !checked.diagnostics.has_errors() => Ok(report),
        _ => {
            let mut diagnostics = checked.diagnostics;
            diagnostics.diagnostics.retain(Diagnostic::is_error);
            Err(Error::Invalid(diagnostics))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_txt(source: &str) -> String {
        let bytes = render(
            "t.yaml",
            source,
            OutputFormat::Text,
            &RenderOptions::default(),
        )
        .unwrap();
        String::from_utf8(bytes).unwrap()
    }

    const HEAD: &str =
        "单位: 长治市司法局\n年度: 2022\n类型: 工作总结\n开头: 一年来，{范围}工作成效明显。\n";

    #[test]
    fn minimal_report_renders_title_and_opening() {
        assert_eq!(
            render_txt(HEAD),
            "长治市司法局2022年工作总结\n\n\u{3000}\u{3000}一年来，全市工作成效明显。\n"
        );
    }

    #[test]
    fn pasted_half_width_punctuation_comes_out_full_width() {
        let source = format!("{HEAD}工作: 律师会见2 次,公安1次(含视频会见)。\n");
        assert!(render_txt(&source).contains("律师会见2次，公安1次（含视频会见）。"));
    }

    #[test]
    fn plans_without_intro_get_a_counted_one() {
        let source = format!("{HEAD}打算:\n  - 强化理论武装\n  - 推进法治建设\n  - 加强队伍建设\n");
        let text = render_txt(&source);
        assert!(text.contains("一、2023年工作打算"), "{text}");
        assert!(
            text.contains("2023年，我局将重点做好以下三个方面工作："),
            "{text}"
        );
        assert!(text.contains("（三）加强队伍建设"), "{text}");
    }

    #[test]
    fn unfilled_cited_figure_refuses_render() {
        let source = format!(
            "{HEAD}工作: 受理{{受理}}。\n数据:\n  受理: {{单位: 件}}\n  备用: {{单位: 件}}\n"
        );
        let error = render(
            "t.yaml",
            &source,
            OutputFormat::Text,
            &RenderOptions::default(),
        )
        .unwrap_err();
        let Error::Invalid(report) = error else {
            panic!("{error}")
        };
        assert_eq!(report.diagnostics.len(), 1, "{report}");
        assert_eq!(report.diagnostics[0].message, "数据“受理”还没有填写数值");
    }
}
