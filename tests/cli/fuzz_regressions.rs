//! What the fuzz targets under `fuzz/` found (issue 17), each a test of
//! the public surface so that the fix holds without the fuzzer. Each test
//! names the target that found it; `fuzz/README.md` lists them all.

use zongjie::{OutputFormat, Purpose, RenderOptions, Severity};

/// The errors of a check for review, by message.
fn check_errors(source: &str) -> Vec<String> {
    let checked = zongjie::check("out.yaml", source, Purpose::Review);
    checked
        .diagnostics
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.clone())
        .collect()
}

/// The report `source` renders to, as text in `format` (Markdown or text).
fn rendered_as(source: &str, format: OutputFormat) -> String {
    let bytes =
        zongjie::render("data.yaml", source, format, &RenderOptions::default()).expect("renders");
    String::from_utf8(bytes).expect("render writes UTF-8")
}

/// The codes of the errors lint finds that `--fix` could have mended.
fn mendable_errors(path: &str, text: &str) -> Vec<&'static str> {
    let linted = zongjie::lint_source(path, text).expect("lint reads the text");
    linted
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter_map(|d| d.code)
        .filter(|code| ["P001", "P003", "P004", "S001"].contains(code))
        .collect()
}

/// import_text: a report whose opening is two paragraphs, one holding a
/// control character (U+001A, as a copy from an old system leaves), was
/// written as a literal block with the character raw, which YAML refuses.
#[test]
fn import_writes_control_characters_in_paragraphs_so_the_file_loads() {
    let report = "某某县司法局2023年工作总结\n2023年，我局\u{1a}扎实推进各项工作。\n全年成效明显。\n一、2023年工作情况\n（一）加强队伍建设。全年开展培训12次。\n";
    let imported = zongjie::import("report.txt", report.as_bytes()).expect("import");
    assert_eq!(
        check_errors(&imported.data_file),
        Vec::<String>::new(),
        "{}",
        imported.data_file
    );
    let loaded = zongjie::load(&imported.data_file);
    let opening = &loaded.report.expect("the file loads").opening;
    assert!(
        opening.iter().any(|t| t.value.contains('\u{1a}')),
        "the character is kept: {opening:?}"
    );
}

/// load: the same through the writer, from a file whose paragraphs are a
/// list of double-quoted texts with an escaped control character.
#[test]
fn a_written_data_file_with_control_characters_loads_back() {
    let source =
        "单位: 甲县司法局\n年度: 2022\n类型: 工作总结\n开头: [\"甲\\u001a乙。\", \"丙。\"]\n";
    let loaded = zongjie::load(source);
    let report = loaded.report.expect("loads");
    let written = zongjie::write_data_file(&report);
    let again = zongjie::load(&written);
    assert!(
        again.report.is_some() && !again.diagnostics.iter().any(|d| d.is_error()),
        "{written}"
    );
    assert_eq!(zongjie::write_data_file(&again.report.unwrap()), written);
}

/// lint_text: a run of half-width colons after a Chinese mark was mended
/// one colon a pass, so `--fix` stopped with some left (P001, P003).
#[test]
fn lint_fix_mends_a_run_of_half_width_marks_at_once() {
    for path in ["report.md", "report.txt"] {
        let text = "办结90件,::::::::: 结案率90%。\n";
        let fixed = zongjie::lint_source(path, text)
            .expect("lint")
            .fixed
            .expect("a fix");
        assert_eq!(mendable_errors(path, &fixed), Vec::<&str>::new(), "{fixed}");
        assert!(
            zongjie::lint_source(path, &fixed).unwrap().fixed.is_none(),
            "a second --fix changes {fixed}"
        );
    }
}

/// render: the same run pasted into a data file came out of render with
/// errors lint would mend, against README's promise.
#[test]
fn render_mends_a_run_of_half_width_marks() {
    let source =
        "单位: 甲县司法局\n年度: 2022\n类型: 工作总结\n开头: \"办结90件,::::::::: 结案率90%。\"\n";
    for (format, path) in [
        (OutputFormat::Markdown, "report.md"),
        (OutputFormat::Text, "report.txt"),
    ] {
        let rendered = zongjie::render("data.yaml", source, format, &RenderOptions::default())
            .expect("renders");
        let rendered = String::from_utf8(rendered).unwrap();
        assert_eq!(
            mendable_errors(path, &rendered),
            Vec::<&str>::new(),
            "{rendered}"
        );
    }
}

/// docx_parts: a .docx with no text (and a text file with none) was
/// imported into a data file that check refuses as having no content;
/// import now says so instead of writing it.
#[test]
fn import_of_a_report_without_content_is_refused() {
    let empty_docx = zongjie::write_docx(&[]).expect("an empty .docx");
    for (path, bytes) in [
        ("report.docx", empty_docx.as_slice()),
        ("report.txt", b"".as_slice()),
        ("report.txt", "\n\n　\n".as_bytes()),
        ("report.txt", "某某县司法局2023年工作总结\n".as_bytes()),
    ] {
        match zongjie::import(path, bytes) {
            Ok(imported) => panic!(
                "{path}: imported into a file check refuses: {:?}",
                check_errors(&imported.data_file)
            ),
            Err(error) => assert!(error.to_string().contains("没有"), "{path}: {error}"),
        }
    }
}

/// rollover: a file with lone carriage returns for line ends (as old Mac
/// editors and some OA exports write) made the in-place rewrite, which
/// counted lines by `\n` while YAML counts `\r` too, panic on a byte range
/// or write a key twice.
#[test]
fn rollover_reads_lone_carriage_returns_as_line_ends() {
    let minimized = "单位:\r 吀\r年度: 2\r类型: 工作总结";
    let _ = zongjie::rollover("data.yaml", minimized);
    let example = std::fs::read_to_string(crate::common::example("nested-summary")).unwrap();
    for newline in ["\r", "\r\n"] {
        let source = example.replace('\n', newline);
        let next = zongjie::rollover("data.yaml", &source).expect("rolls over");
        let loaded = zongjie::load(&next);
        let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert!(errors.is_empty(), "{errors:?}\n{next}");
        assert_eq!(loaded.report.expect("loads").year, 2026);
    }
}

/// lint_text (long run): runs of half-width commas and parentheses next to
/// Chinese were mended one mark a pass too, and `--fix` and render stopped
/// after four passes, so a second `--fix` changed the text again and a
/// rendered report kept P001.
#[test]
fn fixes_go_on_until_nothing_is_left_to_mend() {
    let texts = [
        "展人，（，（,,,,,,,,,,\n",
        "x，《，（（（(((((((((((((((((((((((((((((((,,, 援助个\n",
        "成效明显((((((((((((((((((((((((((((((((((((((((((\n",
    ];
    for path in ["report.md", "report.txt"] {
        for text in texts {
            let fixed = zongjie::lint_source(path, text)
                .expect("lint")
                .fixed
                .expect("a fix");
            assert_eq!(mendable_errors(path, &fixed), Vec::<&str>::new(), "{fixed}");
            assert!(
                zongjie::lint_source(path, &fixed).unwrap().fixed.is_none(),
                "a second --fix changes {fixed}"
            );
        }
    }
    for text in texts {
        let source = format!(
            "单位: 甲县司法局\n年度: 2022\n类型: 工作总结\n开头: \"{}。\"\n",
            text.trim_end()
        );
        let rendered = zongjie::render(
            "data.yaml",
            &source,
            OutputFormat::Text,
            &RenderOptions::default(),
        )
        .expect("renders");
        let rendered = String::from_utf8(rendered).unwrap();
        assert_eq!(
            mendable_errors("report.txt", &rendered),
            Vec::<&str>::new(),
            "{rendered}"
        );
    }
}

/// import_text (long run): control characters in the text of a （一）
/// part or a point went raw into the literal blocks the section writer
/// makes, which YAML refuses.
#[test]
fn import_writes_control_characters_in_parts_so_the_file_loads() {
    let report = "某某县司法局2023年工作总结\n2023年，我局扎实推进各项工作。\n一、2023年工作情况\n（一）加强队伍建设\n全年开展培训\u{0}12次。\n一是\u{1b}加强学习。\n\u{11}二是加强管理。\n（二）优化法律服务\n受理法律援助案件320件。\n";
    let imported = zongjie::import("report.txt", report.as_bytes()).expect("import");
    assert_eq!(
        check_errors(&imported.data_file),
        Vec::<String>::new(),
        "{}",
        imported.data_file
    );
}

/// import_text (long run): a brace in the title or a heading of the
/// report was written as is, and check then read it as the start of a
/// citation (`{名称}`).
#[test]
fn import_escapes_braces_in_titles_and_headings() {
    let reports = [
        "# 某某县司法局2023年{工作}总结\n\n2023年，我局扎实推进各项工作。\n\n## 一、2023年工作情况\n\n### （一）加强队伍建设\n\n全年开展培训12次。\n",
        "x::: {custom-style=\"Title\"}\n某某县司法局2023年工作总结\n:::\n\n2023年，我局扎实推进各项工作。\n\n## 一、2023年工作情况\n\n### （一）加强队伍建设\n\n全年开展培训12次。\n",
    ];
    for (report, kept) in reports.into_iter().zip(["{工作}", "{custom-style="]) {
        let imported = zongjie::import("report.md", report.as_bytes()).expect("import");
        assert_eq!(
            check_errors(&imported.data_file),
            Vec::<String>::new(),
            "{}",
            imported.data_file
        );
        let rendered = zongjie::render(
            "data.yaml",
            &imported.data_file,
            OutputFormat::Markdown,
            &RenderOptions::default(),
        )
        .expect("renders");
        let rendered = String::from_utf8(rendered).unwrap();
        assert!(rendered.contains(kept), "{rendered}");
    }
}

/// render (long run): a circular's title too long for one line is broken
/// into lines inside its 《》, with pandoc's line break (`\` at the end of
/// a line) in the Markdown; lint read each line as a paragraph and found
/// an unclosed 《 (B001) in a report render had written.
#[test]
fn lint_reads_a_title_broken_over_lines_as_one_paragraph() {
    let source = "单位: 南屿市司法局\n年度: 2025\n类型: 工作总结\n印发通知:\n  标题: 南屿市司法局关于印发《2025年全市司法行政系统法治建设暨全面依法治市工作总结》的通知\n开头: 成效明显。\n";
    let markdown = rendered_as(source, OutputFormat::Markdown);
    assert!(markdown.contains("\\\n"), "the title is broken: {markdown}");
    let linted = zongjie::lint_source("report.md", &markdown).expect("lint");
    assert!(!linted.report.has_errors(), "{}", linted.report);
    // A mark really left open on a broken line is still found.
    let open = "::: {custom-style=\"Title\"}\n关于印发《2025年\\\n工作总结的通知\n:::\n";
    let linted = zongjie::lint_source("report.md", open).expect("lint");
    let codes: Vec<_> = linted
        .report
        .diagnostics
        .iter()
        .filter_map(|d| d.code)
        .collect();
    assert_eq!(codes, ["B001"], "{}", linted.report);
}

/// render (long run): in plain text the same title is two lines, which
/// lint read as two paragraphs, the first with an unclosed 《 (B001). A
/// line that leaves 《 or “ open now goes on into the next that closes it;
/// one left open for good is still found, and does not swallow the lines
/// after it.
#[test]
fn lint_reads_a_plain_text_title_broken_over_lines_as_one_paragraph() {
    let source = "单位: 南屿市司法局\n年度: 2025\n类型: 工作总结\n印发通知:\n  标题: 南屿市司法局关于印发《2025年全市司法行政系统法治建设暨全面依法治市工作总结》的通知\n开头: 成效明显。\n";
    let text = rendered_as(source, OutputFormat::Text);
    assert!(
        text.lines()
            .any(|line| line.contains('《') && !line.contains('》')),
        "the title is broken inside 《》: {text}"
    );
    let linted = zongjie::lint_source("report.txt", &text).expect("lint");
    assert!(!linted.report.has_errors(), "{}", linted.report);
    let open = "关于印发《2025年工作总结的通知\n一、工作情况\n全年受理案件100件。\n";
    let linted = zongjie::lint_source("report.txt", open).expect("lint");
    let places: Vec<_> = linted
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Some("B001"))
        .filter_map(|d| d.span.as_ref().map(|s| s.line))
        .collect();
    assert_eq!(places, [1], "{}", linted.report);
}

/// render (long run): the same title in the .docx is one paragraph with
/// line breaks in it, which lint of a .docx split into lines: an unclosed
/// 《 (B001), and the paragraph numbers after it one off.
#[test]
fn lint_reads_a_docx_paragraph_with_line_breaks_as_one() {
    let source = "单位: 南屿市司法局\n年度: 2025\n类型: 工作总结\n印发通知:\n  标题: 南屿市司法局关于印发《2025年全市司法行政系统法治建设暨全面依法治市工作总结》的通知\n开头: 成效明显,群众满意。\n";
    let docx = zongjie::render(
        "data.yaml",
        source,
        OutputFormat::Docx,
        &RenderOptions::default(),
    )
    .expect("renders");
    let blocks = zongjie::read_docx(&docx).expect("reads back");
    assert!(blocks[0].text().contains('\n'), "{:?}", blocks[0]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.docx");
    std::fs::write(&path, &docx).unwrap();
    let linted = zongjie::lint_file(&path).expect("lint").linted;
    assert!(!linted.report.has_errors(), "{}", linted.report);
    // A finding is placed at its paragraph's number.
    let mut blocks = blocks;
    let last = blocks.len();
    blocks[last - 1].runs[0]
        .text
        .push_str("办理司法鉴定业务 件");
    std::fs::write(&path, zongjie::write_docx(&blocks).unwrap()).unwrap();
    let linted = zongjie::lint_file(&path).expect("lint").linted;
    let lines: Vec<usize> = linted
        .report
        .diagnostics
        .iter()
        .filter_map(|d| d.span.as_ref().map(|s| s.line))
        .collect();
    assert!(
        !lines.is_empty() && lines.iter().all(|&l| l == last),
        "{lines:?} ≠ {last}: {}",
        linted.report
    );
}

/// render (long run): a space pasted into the bureau's name went as is
/// into the standard title, the signature and the circular's title, which
/// render makes from the name, against README's promise that stray spaces
/// are mended on the way out (S001).
#[test]
fn render_mends_the_bureau_name_in_what_it_makes_of_it() {
    let source = "单位:\n  名称: 东　湖区司法局\n  级别: 区\n年度: 2025\n类型: 工作总结\n成文日期: 2026-01-15\n印发通知: 是\n开头: 成效明显。\n";
    for (format, path) in [
        (OutputFormat::Markdown, "report.md"),
        (OutputFormat::Text, "report.txt"),
    ] {
        let rendered = zongjie::render("data.yaml", source, format, &RenderOptions::default())
            .expect("renders");
        let rendered = String::from_utf8(rendered).unwrap();
        assert_eq!(
            mendable_errors(path, &rendered),
            Vec::<&str>::new(),
            "{rendered}"
        );
        assert!(rendered.contains("东湖区司法局"), "{rendered}");
    }
}

/// merge (long run): a control character in the bureau's name (written
/// as an escape in a quoted YAML string) went raw into the comments the
/// writer makes of the name (the file's first line, the example of
/// 标题 and 署名), which YAML refuses; a lone `\r` there would even end
/// the comment and start a line of YAML.
#[test]
fn comments_made_of_the_name_hold_no_control_characters() {
    let source =
        "单位: \"甲\\u0000乙\\r丙: 1县司法局\"\n年度: 2022\n类型: 工作总结\n开头: 成效明显。\n";
    let report = zongjie::load(source).report.expect("loads");
    let written = zongjie::write_data_file(&report);
    let again = zongjie::load(&written);
    let errors: Vec<_> = again.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}\n{written}");
    assert_eq!(again.report.expect("loads").bureau.name, report.bureau.name);
    let inputs = [zongjie::MergeInput {
        path: "a.yaml",
        source,
    }];
    let merged = zongjie::merge(&inputs, &zongjie::MergeOptions::default()).expect("merges");
    assert_eq!(check_errors(&merged.data_file), Vec::<String>::new());
}

/// docx_parts (long run): a paragraph whose outline level is 255 (the
/// largest `w:outlineLvl` a byte holds) made the reader add 1 to it before
/// checking it, an overflow that panics where overflow is checked.
#[test]
fn a_docx_with_an_outline_level_of_255_reads() {
    use std::io::{Read, Write};
    let paragraph = zongjie::Block {
        heading: None,
        style: None,
        runs: vec![zongjie::Run {
            text: "成效明显。".to_string(),
            style: None,
        }],
    };
    let docx = zongjie::write_docx(&[paragraph]).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        if name == "word/document.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            let xml = xml.replacen(
                "<w:p>",
                "<w:p><w:pPr><w:outlineLvl w:val=\"255\"/></w:pPr>",
                1,
            );
            assert!(xml.contains("w:val=\"255\""), "{xml}");
            bytes = xml.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    let docx = out.finish().unwrap().into_inner();
    let blocks = zongjie::read_docx(&docx).expect("reads");
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks[0].heading, None);
}

/// render (long run): a part's text that ends without a mark, followed by
/// its points run in (正文: 主要做法是, then 要点), came out as
/// “主要做法是一是加强学习。二是…”, which lint does not read as the start of
/// a 一是 series (N001 on a report render wrote); a lead-in ending in a
/// word now takes a colon before the series.
#[test]
fn run_in_points_after_an_open_lead_in_are_a_series_lint_reads() {
    let source = "单位: 甲县司法局\n年度: 2022\n类型: 工作总结\n工作:\n  部分:\n    - 标题: 加强建设\n      正文: 主要做法是\n      要点:\n        - 加强学习。\n        - 加强管理。\n    - 标题: 优化服务\n      正文: 主要做法是，\n      要点:\n        - 便民。\n        - 利企。\n";
    let rendered = rendered_as(source, OutputFormat::Markdown);
    assert!(
        rendered.contains("主要做法是：一是加强学习。二是加强管理。"),
        "{rendered}"
    );
    assert!(
        rendered.contains("主要做法是，一是便民。二是利企。"),
        "{rendered}"
    );
    let linted = zongjie::lint_source("report.md", &rendered).expect("lint");
    assert!(!linted.report.has_errors(), "{}", linted.report);
}

/// import_text (long run): libFuzzer stopped a job at 512 MiB on this
/// mangled Markdown report. Alone it imports in a fraction of a second
/// (143 MiB at most under AddressSanitizer, most of it the segmenter's
/// dictionary; 56 MiB for the release binary), so the limit was the job's
/// memory over many inputs; what must hold for it, holds: the data file is
/// small and checks without errors.
#[test]
fn a_mangled_markdown_report_imports_into_a_small_file_that_checks() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/fuzz/import-oom.md"
    ))
    .unwrap();
    let imported = zongjie::import("report.md", &bytes).expect("imports");
    assert!(
        imported.data_file.len() < 64 * bytes.len(),
        "{} bytes from {}",
        imported.data_file.len(),
        bytes.len()
    );
    assert_eq!(check_errors(&imported.data_file), Vec::<String>::new());
}
