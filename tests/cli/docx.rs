//! The .docx a clerk prints as is: every example rendered by the binary,
//! unzipped and checked against GB/T 9704 and the schema's element order;
//! its text read back equals the text output; the optional validators
//! (ooxml-validate, LibreOffice, pandoc) accept it.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command as Process;

use crate::common::{HEAD, examples, scratch_file, stdout_of, zongjie};
use crate::ooxml::{Element, Schema, order_problems, parse, part, pretty, unzip};
use zongjie::{plain_text, read_docx};

type Parts = HashMap<String, Vec<u8>>;

/// The .docx of a data file, written to a pipe.
fn render_docx(data: &Path) -> Vec<u8> {
    let output = zongjie()
        .args(["render", "--format", "docx", "-o", "-"])
        .arg(data)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn render_text(data: &Path) -> String {
    stdout_of(zongjie().args(["render", "--format", "txt"]).arg(data))
}

fn every_example_docx() -> Vec<(String, Parts)> {
    examples()
        .into_iter()
        .map(|(name, path)| (name, unzip(&render_docx(&path))))
        .collect()
}

/// Styles by name.
fn styles(parts: &Parts) -> HashMap<String, Element> {
    parse(&part(parts, "word/styles.xml"))
        .all("w:style")
        .into_iter()
        .map(|style| {
            let name = style.child("w:name").and_then(|n| n.attr("w:val")).unwrap();
            (name.to_string(), style.clone())
        })
        .collect()
}

fn property<'a>(style: &'a Element, properties: &str, name: &str) -> Option<&'a Element> {
    style.child(properties)?.child(name)
}

fn value<'a>(style: &'a Element, properties: &str, name: &str, attribute: &str) -> &'a str {
    property(style, properties, name)
        .and_then(|e| e.attr(attribute))
        .unwrap_or_else(|| panic!("no {properties}/{name}@{attribute}"))
}

#[test]
fn every_example_s_document_xml_is_pinned() {
    for (name, parts) in every_example_docx() {
        insta::assert_snapshot!(
            format!("{name}.document.xml"),
            pretty(&part(&parts, "word/document.xml"))
        );
    }
}

#[test]
fn every_properties_element_follows_the_schema_s_order() {
    let Some(schema) = Schema::load() else { return };
    let reference = unzip(&reference_docx());
    for (name, parts) in every_example_docx()
        .into_iter()
        .chain([("reference".into(), reference)])
    {
        for part_name in [
            "word/document.xml",
            "word/styles.xml",
            "word/footer1.xml",
            "word/footer2.xml",
        ] {
            let problems = order_problems(&schema, &part(&parts, part_name));
            assert!(
                problems.is_empty(),
                "{name} {part_name}:\n{}",
                problems.join("\n")
            );
        }
    }
}

#[test]
fn the_order_check_catches_a_misordered_paragraph() {
    let xml = r#"<w:document xmlns:w="w"><w:p><w:pPr><w:jc w:val="both"/><w:pStyle w:val="正文"/></w:pPr></w:p><w:r><w:rPr><w:sz w:val="32"/><w:rFonts/></w:rPr></w:r></w:document>"#;
    let Some(schema) = Schema::load() else { return };
    let problems = order_problems(&schema, xml);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("w:pStyle is out of order"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("w:rFonts is out of order"),
        "{problems:?}"
    );
}

#[test]
fn the_page_is_a4_with_the_standard_margins_and_odd_even_footers() {
    for (name, parts) in every_example_docx() {
        let document = parse(&part(&parts, "word/document.xml"));
        let body = document.child("w:body").unwrap();
        let section = body.children.last().unwrap();
        assert_eq!(section.name, "w:sectPr", "{name}");
        let size = section.child("w:pgSz").unwrap();
        assert_eq!(
            (size.attr("w:w"), size.attr("w:h")),
            (Some("11906"), Some("16838"))
        );
        let margins = section.child("w:pgMar").unwrap();
        let margin = |side| margins.attr(side).unwrap();
        // 37, 26, 35 and 28 mm at 1440/25.4 twips a millimetre.
        assert_eq!(
            [
                margin("w:top"),
                margin("w:right"),
                margin("w:bottom"),
                margin("w:left")
            ],
            ["2098", "1474", "1984", "1587"],
            "{name}"
        );
        let rels = parse(&part(&parts, "word/_rels/document.xml.rels"));
        let target = |id: &str| {
            rels.all("Relationship")
                .into_iter()
                .find(|r| r.attr("Id") == Some(id))
                .and_then(|r| r.attr("Target"))
                .map(|t| format!("word/{t}"))
                .unwrap()
        };
        let footer = |kind: &str| {
            let reference = section
                .all("w:footerReference")
                .into_iter()
                .find(|f| f.attr("w:type") == Some(kind))
                .unwrap_or_else(|| panic!("{name}: no {kind} footer"));
            parse(&part(&parts, &target(reference.attr("r:id").unwrap())))
        };
        assert_page_number(&footer("default"), "right");
        assert_page_number(&footer("even"), "left");
        assert!(part(&parts, "word/settings.xml").contains("<w:evenAndOddHeaders/>"));
    }
}

/// "— 1 —" with a PAGE field, 4号宋体 (the footer style), one character in.
fn assert_page_number(footer: &Element, side: &str) {
    let paragraph = footer.child("w:p").unwrap();
    let properties = paragraph.child("w:pPr").unwrap();
    assert_eq!(
        properties.child("w:pStyle").unwrap().attr("w:val"),
        Some("Footer")
    );
    assert_eq!(properties.child("w:jc").unwrap().attr("w:val"), Some(side));
    let indent = properties.child("w:ind").unwrap();
    assert_eq!(indent.attr(&format!("w:{side}Chars")), Some("100"));
    assert_eq!(indent.attr(&format!("w:{side}")), Some("280"));
    let instruction: String = footer
        .all("w:instrText")
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(instruction.trim(), "PAGE");
    assert_eq!(footer.text_content(), "— 1 —");
}

#[test]
fn styles_set_the_official_fonts_sizes_and_spacing() {
    let parts = every_example_docx().remove(0).1;
    let styles = styles(&parts);
    for (name, style) in &styles {
        let fonts =
            property(style, "w:rPr", "w:rFonts").unwrap_or_else(|| panic!("{name} sets no fonts"));
        let slots: Vec<_> = ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"]
            .iter()
            .map(|slot| {
                fonts
                    .attr(slot)
                    .unwrap_or_else(|| panic!("{name}: no {slot}"))
            })
            .collect();
        assert!(slots.iter().all(|f| *f == slots[0]), "{name}: {slots:?}");
    }
    let font = |name: &str| value(&styles[name], "w:rPr", "w:rFonts", "w:eastAsia").to_string();
    let size = |name: &str| value(&styles[name], "w:rPr", "w:sz", "w:val").to_string();
    assert_eq!(
        (font("Title"), size("Title")),
        ("方正小标宋简体".into(), "44".into())
    );
    assert_eq!(font("heading 1"), "黑体");
    assert_eq!(font("heading 2"), "楷体_GB2312");
    assert_eq!(font("二级标题字符"), "楷体_GB2312");
    assert_eq!(font("heading 3"), "仿宋_GB2312");
    assert_eq!(font("heading 4"), "仿宋_GB2312");
    for (name, alias) in [
        ("heading 1", "一级标题"),
        ("heading 2", "二级标题"),
        ("heading 3", "三级标题"),
    ] {
        let aliases = styles[name]
            .child("w:aliases")
            .and_then(|a| a.attr("w:val"));
        assert_eq!(aliases, Some(alias), "{name}");
        let id = styles[name].attr("w:styleId").unwrap();
        assert_eq!(id, name.replace("heading ", "Heading"));
    }
    assert_eq!(
        (font("Normal"), size("Normal")),
        ("仿宋_GB2312".into(), "32".into())
    );
    assert_eq!(
        (font("footer"), size("footer")),
        ("宋体".into(), "28".into())
    );
    for name in ["Normal", "heading 1", "heading 2", "heading 3", "heading 4"] {
        let style = &styles[name];
        assert_eq!(
            value(style, "w:pPr", "w:spacing", "w:line"),
            "579",
            "{name}"
        );
        assert_eq!(
            value(style, "w:pPr", "w:spacing", "w:lineRule"),
            "exact",
            "{name}"
        );
        assert_eq!(
            value(style, "w:pPr", "w:ind", "w:firstLineChars"),
            "200",
            "{name}"
        );
        assert_eq!(
            value(style, "w:pPr", "w:ind", "w:firstLine"),
            "640",
            "{name}"
        );
        assert_eq!(value(style, "w:pPr", "w:jc", "w:val"), "both", "{name}");
    }
    for name in ["heading 1", "heading 2", "heading 3", "二级标题字符"] {
        assert_eq!(value(&styles[name], "w:rPr", "w:b", "w:val"), "0", "{name}");
    }
    assert_eq!(value(&styles["Title"], "w:pPr", "w:jc", "w:val"), "center");
    assert!(property(&styles["Title"], "w:rPr", "w:b").is_none());
    assert_eq!(
        value(&styles["Title"], "w:pPr", "w:spacing", "w:after"),
        "579"
    );
    for (name, level) in [
        ("Title", "0"),
        ("heading 1", "1"),
        ("heading 2", "2"),
        ("heading 3", "3"),
        ("heading 4", "4"),
    ] {
        assert_eq!(
            value(&styles[name], "w:pPr", "w:outlineLvl", "w:val"),
            level,
            "{name}"
        );
    }
    assert_eq!(
        value(&styles["heading 2"], "w:pPr", "w:ind", "w:firstLineChars"),
        "200"
    );
    assert_eq!(
        styles["heading 2"].child("w:link").unwrap().attr("w:val"),
        Some("二级标题字符")
    );
    assert_eq!(
        styles["二级标题字符"]
            .child("w:link")
            .unwrap()
            .attr("w:val"),
        Some("Heading2")
    );
    assert_eq!(
        value(&styles["主送机关"], "w:pPr", "w:ind", "w:firstLine"),
        "0"
    );
    assert_eq!(value(&styles["署名"], "w:pPr", "w:jc", "w:val"), "right");
    assert_eq!(
        value(&styles["署名"], "w:pPr", "w:spacing", "w:before"),
        "579"
    );
    assert_eq!(
        value(&styles["署名"], "w:pPr", "w:ind", "w:rightChars"),
        "400"
    );
    assert_eq!(
        value(&styles["成文日期"], "w:pPr", "w:ind", "w:rightChars"),
        "200"
    );
}

#[test]
fn the_font_table_names_fallbacks() {
    let parts = every_example_docx().remove(0).1;
    let table = parse(&part(&parts, "word/fontTable.xml"));
    let fallback = |font: &str| {
        table
            .all("w:font")
            .into_iter()
            .find(|f| f.attr("w:name") == Some(font))
            .and_then(|f| f.child("w:altName"))
            .and_then(|a| a.attr("w:val"))
            .unwrap_or_else(|| panic!("no fallback for {font}"))
            .to_string()
    };
    assert_eq!(fallback("仿宋_GB2312"), "仿宋");
    assert_eq!(fallback("仿宋"), "FangSong");
    assert_eq!(fallback("楷体_GB2312"), "楷体");
    assert_eq!(fallback("楷体"), "KaiTi");
    assert_eq!(fallback("方正小标宋简体"), "宋体");
    assert_eq!(fallback("宋体"), "SimSun");
    assert_eq!(fallback("黑体"), "SimHei");
}

#[test]
fn every_paragraph_and_run_style_is_defined() {
    for (name, parts) in every_example_docx() {
        let ids: Vec<String> = parse(&part(&parts, "word/styles.xml"))
            .all("w:style")
            .iter()
            .map(|s| s.attr("w:styleId").unwrap().to_string())
            .collect();
        let document = parse(&part(&parts, "word/document.xml"));
        for reference in document
            .all("w:pStyle")
            .into_iter()
            .chain(document.all("w:rStyle"))
        {
            let id = reference.attr("w:val").unwrap();
            assert!(
                ids.iter().any(|i| i == id),
                "{name}: style {id} is not defined"
            );
        }
    }
}

#[test]
fn the_text_read_back_equals_the_text_output() {
    for (name, path) in examples() {
        let blocks = read_docx(&render_docx(&path)).unwrap();
        assert_eq!(plain_text(&blocks), render_text(&path), "{name}");
    }
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let (_, path) = examples().remove(0);
    assert_eq!(render_docx(&path), render_docx(&path));
}

const CLOSING: &str = "成文日期: 2026-01-08\n主送机关: 县人民政府\n开头: 一年来工作成效明显。\n\
    附件:\n  - 主要数据统计表\n  - 重点任务完成情况一览表\n";

#[test]
fn recipient_attachments_and_signature_block() {
    let (_dir, path) = scratch_file("data.yaml", &format!("{HEAD}{CLOSING}"));
    let docx = render_docx(&path);
    let document = parse(&part(&unzip(&docx), "word/document.xml"));
    let paragraphs: Vec<(String, String, Option<String>)> = document
        .all("w:p")
        .into_iter()
        .map(|p| {
            let properties = p.child("w:pPr").unwrap();
            let style = properties.child("w:pStyle").unwrap().attr("w:val").unwrap();
            let right = properties
                .child("w:ind")
                .and_then(|i| i.attr("w:rightChars"))
                .map(str::to_string);
            (style.to_string(), p.text_content(), right)
        })
        .collect();
    let expected = [
        ("主送机关", "县人民政府：", None),
        ("附件列表", "附件：1.主要数据统计表", None),
        (
            "附件列表",
            "\u{3000}\u{3000}\u{3000}2.重点任务完成情况一览表",
            None,
        ),
        // 长治市司法局 is 6 characters, 2026年1月8日 6: the date two
        // characters in, the signature two further left.
        ("署名", "长治市司法局", Some("400")),
        ("成文日期", "2026年1月8日", Some("200")),
    ];
    for (style, text, right) in expected {
        let found = paragraphs.iter().find(|(s, t, _)| s == style && t == text);
        let found = found.unwrap_or_else(|| panic!("no {style} {text} in {paragraphs:?}"));
        assert_eq!(found.2.as_deref(), right, "{style}");
    }
    assert_eq!(plain_text(&read_docx(&docx).unwrap()), render_text(&path));
    // A wrapped name goes on under its first character: 附件：and 1. after
    // the two characters' indent; one attachment, which has no number,
    // under the character after 附件：.
    let styles = styles(&unzip(&docx));
    let indent =
        |name: &str, attribute: &str| value(&styles[name], "w:pPr", "w:ind", attribute).to_string();
    assert_eq!(
        (
            indent("附件列表", "w:leftChars"),
            indent("附件列表", "w:hangingChars")
        ),
        ("592".into(), "392".into())
    );
    assert_eq!(
        (
            indent("附件", "w:leftChars"),
            indent("附件", "w:hangingChars")
        ),
        ("495".into(), "295".into())
    );
}

#[test]
fn one_attachment_has_no_number() {
    let data = format!("{HEAD}开头: 一年来。\n附件:\n  - 主要数据统计表\n");
    let (_dir, path) = scratch_file("data.yaml", &data);
    let document = parse(&part(&unzip(&render_docx(&path)), "word/document.xml"));
    let attachment = document
        .all("w:p")
        .into_iter()
        .find(|p| p.text_content().starts_with("附件"))
        .unwrap();
    assert_eq!(attachment.text_content(), "附件：主要数据统计表");
    let style = attachment
        .child("w:pPr")
        .unwrap()
        .child("w:pStyle")
        .unwrap();
    assert_eq!(style.attr("w:val"), Some("附件"));
}

#[test]
fn bold_headings_is_a_per_bureau_option() {
    let (_dir, path) = scratch_file(
        "data.yaml",
        &format!("{HEAD}版式:\n  标题加粗: 是\n工作:\n  - 标题: 队伍建设\n    正文: 加强。\n"),
    );
    let styles = styles(&unzip(&render_docx(&path)));
    for name in ["heading 1", "heading 2", "heading 3", "二级标题字符"] {
        let bold = property(&styles[name], "w:rPr", "w:b").unwrap();
        assert_eq!(bold.attr("w:val"), None, "{name} is bold");
    }
    assert!(property(&styles["Title"], "w:rPr", "w:b").is_none());
}

#[test]
fn the_output_file_s_extension_picks_the_format() {
    let (dir, data) = scratch_file("data.yaml", &format!("{HEAD}开头: 一年来。\n"));
    for (file, starts_with) in [
        ("report.docx", &b"PK"[..]),
        ("report.txt", "长治市".as_bytes()),
        ("report.md", "::: {custom-style=\"Title\"}".as_bytes()),
    ] {
        let out = dir.path().join(file);
        zongjie()
            .arg("render")
            .arg(&data)
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        assert!(
            std::fs::read(&out).unwrap().starts_with(starts_with),
            "{file}"
        );
    }
}

#[test]
fn a_docx_is_not_written_to_a_terminal() {
    if !tool("script") {
        return;
    }
    let (_, example) = examples().remove(0);
    // script(1) gives the command a terminal for its standard output.
    let command = format!(
        "'{}' render '{}' --format docx",
        env!("CARGO_BIN_EXE_zongjie"),
        example.display()
    );
    let output = Process::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(shown.contains("不能把 .docx 输出到屏幕"), "{shown}");
    assert!(!shown.contains("PK"), "{shown}");
}

#[test]
fn a_reference_doc_that_is_not_a_docx_is_bad_input() {
    let (dir, data) = scratch_file("data.yaml", &format!("{HEAD}开头: 一年来。\n"));
    let fake = dir.path().join("bureau.docx");
    std::fs::write(&fake, "not a zip").unwrap();
    let output = zongjie()
        .args(["render", "-f", "docx", "-o", "-", "--reference-doc"])
        .arg(&fake)
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bureau.docx") && stderr.contains("不是 .docx 文件"),
        "{stderr}"
    );
    let output = zongjie()
        .args(["render", "-f", "txt", "--reference-doc"])
        .arg(&fake)
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("只用于 .docx"));
}

#[test]
fn a_bureau_reference_doc_gives_its_look() {
    let (dir, data) = scratch_file("data.yaml", &format!("{HEAD}开头: 一年来。\n"));
    let bureau = dir.path().join("bureau.docx");
    std::fs::write(&bureau, reference_docx()).unwrap();
    let output = zongjie()
        .args(["render", "-o", "-", "-f", "docx", "--reference-doc"])
        .arg(&bureau)
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parts = unzip(&output.stdout);
    assert!(part(&parts, "word/document.xml").contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(part(&parts, "word/_rels/document.xml.rels").contains("/word/footer2.xml"));
    assert_eq!(
        plain_text(&read_docx(&output.stdout).unwrap()),
        render_text(&data)
    );
}

fn reference_docx() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ref.docx");
    zongjie()
        .args(["reference-docx", "-o"])
        .arg(&out)
        .assert()
        .success();
    let refused = zongjie()
        .args(["reference-docx", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2), "an existing file is kept");
    std::fs::read(&out).unwrap()
}

#[test]
fn the_reference_docx_has_the_styles_pandoc_uses_in_our_look() {
    let styles = styles(&unzip(&reference_docx()));
    let font = |name: &str| value(&styles[name], "w:rPr", "w:rFonts", "w:eastAsia").to_string();
    let expected = [
        ("Title", "方正小标宋简体"),
        ("heading 1", "黑体"),
        ("heading 2", "楷体_GB2312"),
        ("heading 3", "仿宋_GB2312"),
        ("heading 4", "仿宋_GB2312"),
        ("Body Text", "仿宋_GB2312"),
        ("First Paragraph", "仿宋_GB2312"),
        ("二级标题字符", "楷体_GB2312"),
        ("署名", "仿宋_GB2312"),
    ];
    for (name, expected_font) in expected {
        assert_eq!(font(name), expected_font, "{name}");
    }
    assert_eq!(value(&styles["Title"], "w:rPr", "w:sz", "w:val"), "44");
    assert_eq!(
        value(&styles["Body Text"], "w:pPr", "w:ind", "w:firstLineChars"),
        "200"
    );
}

/// An optional tool from PATH, or a note that the test is skipped; with
/// `ZONGJIE_REQUIRE_TOOLS` set (as `.ci/run` sets it), a failure instead.
pub(crate) fn tool(name: &str) -> bool {
    let found = Process::new(name).arg("--version").output().is_ok();
    missing_unless(found, name)
}

/// Whether python3 has these modules; a note or a failure as for [`tool`].
fn python_with(modules: &[&str]) -> bool {
    let found = Process::new("python3")
        .arg("-c")
        .arg(format!("import {}", modules.join(", ")))
        .output()
        .is_ok_and(|o| o.status.success());
    missing_unless(found, &format!("python3 with {}", modules.join(", ")))
}

fn missing_unless(found: bool, what: &str) -> bool {
    if !found {
        assert!(
            std::env::var_os("ZONGJIE_REQUIRE_TOOLS").is_none(),
            "{what} is missing and ZONGJIE_REQUIRE_TOOLS is set (scripts/install-test-tools installs it)"
        );
        eprintln!(
            "note: {what} is not installed; skipping (scripts/install-test-tools installs it)"
        );
    }
    found
}

/// Every example and the test data file with every element of the
/// layout, by name.
fn every_data_file() -> Vec<(String, std::path::PathBuf)> {
    let mut files = examples();
    let every = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/every-element.yaml");
    files.push(("every-element".into(), every));
    files
}

/// A helper script of `tests/tools/`, run by python3 on `args`; its report
/// is printed, and it must find nothing wrong.
fn run_python_tool(script: &str, args: &[std::path::PathBuf]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/tools")
        .join(script);
    let output = Process::new("python3")
        .arg(path)
        .args(args)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    println!("{report}");
    assert!(
        output.status.success(),
        "{script}:\n{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn pandoc_with_our_reference_doc_gets_our_look() {
    if !tool("pandoc") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("ref.docx");
    std::fs::write(&reference, reference_docx()).unwrap();
    for (name, path) in every_data_file() {
        let markdown = dir.path().join(format!("{name}.md"));
        let out = dir.path().join(format!("{name}.docx"));
        zongjie()
            .arg("render")
            .arg(&path)
            .arg("-o")
            .arg(&markdown)
            .assert()
            .success();
        let status = Process::new("pandoc")
            .arg(&markdown)
            .arg("--reference-doc")
            .arg(&reference)
            .arg("-o")
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success(), "{name}: pandoc failed");
        let bytes = std::fs::read(&out).unwrap();
        assert_eq!(
            plain_text(&read_docx(&bytes).unwrap()),
            render_text(&path),
            "{name}"
        );
        let parts = unzip(&bytes);
        let styles = styles(&parts);
        let by_id: HashMap<&str, &Element> = styles
            .values()
            .map(|s| (s.attr("w:styleId").unwrap(), s))
            .collect();
        let document = parse(&part(&parts, "word/document.xml"));
        let native = parse(&part(&unzip(&render_docx(&path)), "word/document.xml"));
        assert_eq!(
            closing_indents(&document),
            closing_indents(&native),
            "{name}: 署名 and 成文日期 as ours"
        );
        let page_breaks = document
            .all("w:br")
            .into_iter()
            .filter(|b| b.attr("w:type") == Some("page"))
            .count();
        let circular = native.all("w:pageBreakBefore").len();
        assert_eq!(
            page_breaks, circular,
            "{name}: the report after a circular starts a new page"
        );
        for used in document.all("w:pStyle") {
            let id = used.attr("w:val").unwrap();
            let style = by_id[id];
            let font = value(style, "w:rPr", "w:rFonts", "w:eastAsia");
            assert!(
                ["方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312"].contains(&font),
                "{name}: pandoc's {id} is in {font}"
            );
        }
    }
}

/// The right indents of the 署名 and 成文日期 paragraphs, in order.
fn closing_indents(document: &Element) -> Vec<(String, Option<String>)> {
    document
        .all("w:p")
        .into_iter()
        .filter_map(|p| {
            let properties = p.child("w:pPr")?;
            let style = properties.child("w:pStyle")?.attr("w:val")?;
            let right = properties
                .child("w:ind")
                .and_then(|i| i.attr("w:rightChars"));
            ["署名", "成文日期"]
                .contains(&style)
                .then(|| (style.to_string(), right.map(str::to_string)))
        })
        .collect()
}

#[test]
fn ooxml_validate_accepts_every_example_and_the_reference_docx() {
    let Some(validator) = std::env::var_os("ZONGJIE_OOXML_VALIDATE") else {
        eprintln!("note: ZONGJIE_OOXML_VALIDATE is not set; skipping schema validation");
        return;
    };
    assert!(
        Path::new(&validator).exists(),
        "ZONGJIE_OOXML_VALIDATE={} does not exist",
        validator.to_string_lossy()
    );
    let dir = tempfile::tempdir().unwrap();
    let mut files = vec![dir.path().join("reference.docx")];
    std::fs::write(&files[0], reference_docx()).unwrap();
    for (name, path) in every_data_file() {
        let file = dir.path().join(format!("{name}.docx"));
        std::fs::write(&file, render_docx(&path)).unwrap();
        files.push(file);
    }
    let output = Process::new(&validator).args(&files).output().unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{report}");
    assert!(
        report.contains(&format!("{} parts valid, 0 errors", files.len() * 6)),
        "{report}"
    );
}

/// Runs soffice on `files`, converting to `target` into `out`, with a
/// profile of its own so that it neither needs nor touches the user's, and
/// the GB/T 9704 fonts mapped to installed faces of their metrics.
pub(crate) fn soffice(scratch: &Path, target: &str, out: &Path, files: &[std::path::PathBuf]) {
    let profile = scratch.join("profile");
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/fonts.conf");
    let output = Process::new("soffice")
        .env("HOME", scratch)
        .env("FONTCONFIG_FILE", fonts)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", target, "--outdir"])
        .arg(out)
        .args(files)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// pandoc's .docx of our Markdown of `data`, with our reference .docx.
fn pandoc_docx(dir: &Path, name: &str, data: &Path) -> std::path::PathBuf {
    let reference = dir.join("reference.docx");
    if !reference.exists() {
        std::fs::write(&reference, reference_docx()).unwrap();
    }
    let markdown = dir.join(format!("{name}.md"));
    std::fs::write(&markdown, stdout_of(zongjie().arg("render").arg(data))).unwrap();
    let out = dir.join(format!("pandoc-{name}.docx"));
    let status = Process::new("pandoc")
        .arg(&markdown)
        .arg("--reference-doc")
        .arg(&reference)
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success(), "{name}: pandoc failed");
    out
}

/// Every example and the every-element file printed by LibreOffice (one
/// soffice run) and measured on the PDF by `tests/tools/pdf_layout.py`: 28
/// characters a full line, 22 lines a page, the page number's dash 7 mm
/// under the text block, wrapped attachment names under the name, titles
/// in balanced lines, no character lost. The circulars' .docx by pandoc
/// from our Markdown prints the same, line for line. Each is also saved
/// as .docx by LibreOffice and read back to the same text.
#[test]
fn libreoffice_prints_every_report_to_the_standard_and_saves_it_as_word_would() {
    if !tool("soffice") || !tool("pdftoppm") || !python_with(&["pdfplumber"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (name, path) in every_data_file() {
        let file = dir.path().join(format!("{name}.docx"));
        std::fs::write(&file, render_docx(&path)).unwrap();
        files.push(file);
    }
    let circulars = ["circular-thematic", "every-element"];
    let with_pandoc = tool("pandoc");
    let mut pandoc_files = Vec::new();
    for (name, path) in every_data_file() {
        if with_pandoc && circulars.contains(&name.as_str()) {
            pandoc_files.push(pandoc_docx(dir.path(), &name, &path));
        }
    }
    let (pdf, resaved) = (dir.path().join("pdf"), dir.path().join("resaved"));
    soffice(
        dir.path(),
        "pdf",
        &pdf,
        &[files.clone(), pandoc_files].concat(),
    );
    soffice(dir.path(), "docx:MS Word 2007 XML", &resaved, &files);
    let pdf_of = |name: &str| pdf.join(format!("{name}.pdf"));
    let mut measured = Vec::new();
    for (name, path) in every_data_file() {
        measured.extend([dir.path().join(format!("{name}.docx")), pdf_of(&name)]);
        // A .docx LibreOffice wrote, with its own markup, reads back to
        // the same text: the reader copes with files not written by us.
        let bytes = std::fs::read(resaved.join(format!("{name}.docx"))).unwrap();
        assert_eq!(
            plain_text(&read_docx(&bytes).unwrap()),
            render_text(&path),
            "{name}"
        );
    }
    run_python_tool("pdf_layout.py", &measured);
    if with_pandoc {
        for name in circulars {
            let theirs = pdf_of(&format!("pandoc-{name}"));
            run_python_tool("pdf_layout.py", &["--same".into(), pdf_of(name), theirs]);
        }
    }
}

/// pandoc, python-docx, docx2python and mammoth read every part of every
/// report (`tests/tools/docx_readers.py`): the headings as headings, the
/// page numbers in the footers, no error and no warning about our
/// headings.
#[test]
fn other_readers_read_every_part_and_see_the_headings() {
    if !tool("pandoc") || !python_with(&["docx", "docx2python", "mammoth"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (name, path) in every_data_file() {
        let file = dir.path().join(format!("{name}.docx"));
        std::fs::write(&file, render_docx(&path)).unwrap();
        files.push(file);
    }
    files.push(dir.path().join("reference.docx"));
    std::fs::write(files.last().unwrap(), reference_docx()).unwrap();
    run_python_tool("docx_readers.py", &files);
}

#[test]
fn a_circular_has_the_standard_s_title_unless_the_file_gives_its_own() {
    let circular = |circular: &str| {
        let data = format!("{HEAD}开头: 一年来。\n印发通知:{circular}\n");
        let (_dir, path) = scratch_file("data.yaml", &data);
        render_text(&path)
    };
    let standard = circular(" 是");
    assert!(
        standard.starts_with("长治市司法局关于印发\n《长治市司法局2022年工作总结》的通知\n\n"),
        "{standard}"
    );
    let own = circular("\n  标题: 关于印发年度总结的通知");
    assert!(own.starts_with("关于印发年度总结的通知\n\n"), "{own}");
    let none = circular("\n  标题: \"\"");
    assert!(none.starts_with("\u{3000}\u{3000}现将《"), "{none}");
}

#[test]
fn a_title_breaks_where_the_file_breaks_it_in_every_format() {
    let data = format!("{HEAD}标题: |\n  长治市司法局\n  2022年工作总结\n开头: 一年来。\n");
    let (_dir, path) = scratch_file("data.yaml", &data);
    assert!(render_text(&path).starts_with("长治市司法局\n2022年工作总结\n\n"));
    let markdown = stdout_of(zongjie().arg("render").arg(&path));
    assert!(
        markdown.starts_with("::: {custom-style=\"Title\"}\n长治市司法局\\\n2022年工作总结\n:::\n"),
        "{markdown}"
    );
    let document = part(&unzip(&render_docx(&path)), "word/document.xml");
    assert!(
        document.contains(r#"长治市司法局</w:t><w:br/><w:t xml:space="preserve">2022年工作总结"#),
        "{document}"
    );
}

/// A report printed in any format, titles broken into lines included,
/// imports back to a data file that renders the same text.
#[test]
fn every_report_imports_back_from_each_format_to_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    for (name, path) in every_data_file() {
        let text = render_text(&path);
        for format in ["txt", "md", "docx"] {
            let printed = dir.path().join(format!("{name}.{format}"));
            let data = dir.path().join(format!("{name}-{format}.yaml"));
            zongjie()
                .arg("render")
                .arg(&path)
                .arg("-o")
                .arg(&printed)
                .assert()
                .success();
            zongjie()
                .arg("import")
                .arg(&printed)
                .arg("-o")
                .arg(&data)
                .assert()
                .success();
            assert_eq!(render_text(&data), text, "{name} through {format}");
        }
    }
}
