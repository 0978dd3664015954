//! Rendering the largest example through the library, to Markdown, to
//! plain text and to .docx (`cargo bench`).

use std::path::PathBuf;

use divan::Bencher;
use zongjie::{OutputFormat, RenderOptions};

fn main() {
    divan::main();
}

/// The largest example data file: its path and its text.
fn largest_example() -> (String, String) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    std::fs::read_dir(&dir)
        .expect("examples directory")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("example");
            (path.display().to_string(), text)
        })
        .max_by_key(|(_, text)| text.len())
        .expect("an example")
}

fn bench_format(bencher: Bencher, format: OutputFormat) {
    let (path, source) = largest_example();
    bencher.bench(|| {
        zongjie::render(&path, &source, format, &RenderOptions::default()).expect("render")
    });
}

#[divan::bench]
fn markdown(bencher: Bencher) {
    bench_format(bencher, OutputFormat::Markdown);
}

#[divan::bench]
fn text(bencher: Bencher) {
    bench_format(bencher, OutputFormat::Text);
}

#[divan::bench]
fn docx(bencher: Bencher) {
    bench_format(bencher, OutputFormat::Docx);
}

/// Reading and checking the data file, the first step of every render.
#[divan::bench]
fn check(bencher: Bencher) {
    let (path, source) = largest_example();
    bencher.bench(|| zongjie::check(&path, &source, zongjie::Purpose::Render));
}

/// Compiling the built-in templates, done once per render.
#[divan::bench]
fn templates(bencher: Bencher) {
    bencher.bench(|| zongjie::Templates::load(None).expect("templates"));
}
