//! Linear cost (`cargo bench --bench scaling`): lint on a seed-sized report
//! repeated 1, 10 and 50 times, and check on data files of 1,000, 4,000
//! and 20,000 parts. A report of the project's own (every example rendered
//! to text, about the size of a seed) stands in for the seeds, whose text
//! stays out of the repository.

use std::path::PathBuf;

use divan::Bencher;
use zongjie::{OutputFormat, Purpose, RenderOptions};

fn main() {
    divan::main();
}

/// Every example rendered to plain text, one after the other.
fn seed_sized_report() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples directory")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let source = std::fs::read_to_string(path).expect("example");
            let shown = path.display().to_string();
            let bytes = zongjie::render(
                &shown,
                &source,
                OutputFormat::Text,
                &RenderOptions::default(),
            )
            .expect("render");
            String::from_utf8(bytes).expect("text")
        })
        .collect()
}

/// A data file whose work has `parts` parts, each citing a figure of its own.
fn data_file(parts: usize) -> String {
    let mut text = String::from(
        "单位: 甲县司法局\n年度: 2025\n类型: 工作总结\n开头: 一年来成效明显。\n工作:\n  部分:\n",
    );
    for i in 0..parts {
        text.push_str(&format!(
            "    - 标题: 加强第{i}项工作\n      正文: 全年开展活动{{活动{i}}}，群众满意。\n"
        ));
    }
    text.push_str("数据:\n");
    for i in 0..parts {
        text.push_str(&format!("  活动{i}: {}次\n", i + 1));
    }
    text
}

#[divan::bench(args = [1, 10, 50])]
fn lint_report_repeated(bencher: Bencher, times: usize) {
    let report = seed_sized_report().repeat(times);
    bencher.bench(|| zongjie::lint_source("report.txt", &report).expect("lint"));
}

#[divan::bench(args = [1000, 4000, 20000], sample_count = 10)]
fn check_data_file_of_parts(bencher: Bencher, parts: usize) {
    let source = data_file(parts);
    bencher.bench(|| zongjie::check("data.yaml", &source, Purpose::Review));
}
