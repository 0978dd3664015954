//! The workbench's paged preview against LibreOffice: for every example,
//! the pages the preview lays out are the pages of LibreOffice's PDF of
//! the rendered .docx, each beginning with the same words, and set in the
//! same lines; so are the seed reports, imported.

use std::path::Path;
use std::process::Command as Process;

use crate::common::{seed_path, seeds_dir, zongjie};
use crate::docx::{every_data_file, python_with, render_docx, soffice, tool};
use zongjie::{Page, RenderOptions, Renderer};

/// The preview's pages of the data file at `path`, as lines of text.
fn preview_pages(path: &Path) -> Vec<Vec<String>> {
    let source = std::fs::read_to_string(path).unwrap();
    let mut renderer = Renderer::new(&RenderOptions::default()).unwrap();
    let rendered = renderer.blocks("data.yaml", &source).unwrap();
    zongjie::paginate(&rendered.blocks)
        .iter()
        .map(|page: &Page| page.lines().map(|line| line.text()).collect())
        .collect()
}

/// Each seed report imported into a data file in `dir`, when the seeds
/// are at hand: real reports, longer than the examples.
fn imported_seeds(dir: &Path) -> Vec<(String, std::path::PathBuf)> {
    let Some(seeds) = seeds_dir() else {
        return Vec::new();
    };
    (0..5)
        .map(|number| imported(dir, &format!("seed-{number}"), &seed_path(&seeds, number)))
        .collect()
}

/// The report at `report` imported into `dir` as `name`.yaml.
fn imported(dir: &Path, name: &str, report: &Path) -> (String, std::path::PathBuf) {
    let data = dir.join(format!("{name}.yaml"));
    zongjie()
        .arg("import")
        .arg(report)
        .arg("-o")
        .arg(&data)
        .assert()
        .success();
    (name.to_string(), data)
}

/// The lines of each page of each PDF, read by `tests/tools/pdf_lines.py`.
fn pdf_pages(pdfs: &[std::path::PathBuf]) -> Vec<Vec<Vec<String>>> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/pdf_lines.py");
    let output = Process::new("python3")
        .arg(script)
        .args(pdfs)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The first few characters of a page, what a reader checks it by.
fn first_words(page: &[String]) -> String {
    page.first()
        .map(|line| line.chars().take(8).collect())
        .unwrap_or_default()
}

#[test]
fn the_preview_breaks_pages_where_libreoffice_does() {
    if !tool("soffice") || !python_with(&["pdfplumber"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = every_data_file();
    files.push(imported(
        dir.path(),
        "two-attachments",
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/two-attachments.txt"),
    ));
    files.extend(imported_seeds(dir.path()));
    let docx: Vec<_> = files
        .iter()
        .map(|(name, path)| {
            let file = dir.path().join(format!("{name}.docx"));
            std::fs::write(&file, render_docx(path)).unwrap();
            file
        })
        .collect();
    let pdf = dir.path().join("pdf");
    soffice(dir.path(), "pdf", &pdf, &docx);
    let pdfs: Vec<_> = files
        .iter()
        .map(|(name, _)| pdf.join(format!("{name}.pdf")))
        .collect();
    let printed = pdf_pages(&pdfs);
    let mut pages_differing = Vec::new();
    let mut lines_differing = Vec::new();
    for ((name, path), printed) in files.iter().zip(printed) {
        let preview = preview_pages(path);
        let starts =
            |pages: &[Vec<String>]| pages.iter().map(|p| first_words(p)).collect::<Vec<_>>();
        if starts(&preview) != starts(&printed) {
            pages_differing.push(format!(
                "{name}: preview {:?}, LibreOffice {:?}",
                starts(&preview),
                starts(&printed)
            ));
        }
        for (number, (ours, theirs)) in preview.iter().zip(&printed).enumerate() {
            for (line, (a, b)) in ours.iter().zip(theirs).enumerate() {
                if a != b {
                    lines_differing.push(format!(
                        "{name} p{} l{}: {a} | {b}",
                        number + 1,
                        line + 1
                    ));
                }
            }
        }
    }
    assert!(
        pages_differing.is_empty() && lines_differing.is_empty(),
        "pages that begin differently:\n{}\nlines set differently:\n{}",
        pages_differing.join("\n"),
        lines_differing.join("\n")
    );
}
