//! Property: whatever text a clerk feeds it (pasted, half-width, broken
//! numbering, stray markers, multi-byte next to digits), lint, import and
//! check give a result or an error, never a panic.

use proptest::prelude::*;

/// Text made of the pieces that trouble the parsers: numbers before 年 and
/// 是, brackets of both widths, markers, colons, line breaks.
fn messy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "一、",
        "（一）",
        "(二)",
        "1.",
        "1、",
        "（1）",
        "一是",
        "二是",
        "十是",
        "2022年",
        "年",
        "是",
        "率",
        "91%",
        "%",
        "占",
        "的",
        "余",
        "多",
        "万",
        "1.2万余人次",
        "288余条",
        "件",
        " 件",
        "，",
        ",",
        "。",
        "；",
        ":",
        "：",
        "“",
        "”",
        "\"",
        "（",
        "）",
        "(",
        ")",
        "《",
        "》",
        "{",
        "}",
        "{受理}",
        "{{",
        " ",
        "　",
        "\n",
        "\r\n",
        "\u{feff}",
        "附件：",
        "某某局",
        "2023年2月2日",
        "现将《报告》印发给你们",
        "各单位：",
        "#",
        "## ",
        ":::",
        "[",
        "]{custom-style=\"署名\"}",
        "\\",
        "工作情况",
        "下一步打算",
        "存在的问题",
        "数据:",
        "  - ",
        "年度: 2022",
        "单位: 甲",
        "类型: 工作总结",
        "开头: ",
        "|",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn lint_never_panics(text in messy_text()) {
        for path in ["report.txt", "report.md", "data.yaml"] {
            if let Ok(linted) = zongjie::lint_source(path, &text) {
                let _ = linted.report.to_string();
                if let Some(fixed) = linted.fixed {
                    let _ = zongjie::lint_source(path, &fixed);
                }
            }
        }
    }

    #[test]
    fn import_never_panics(text in messy_text()) {
        for path in ["report.txt", "report.md"] {
            if let Ok(imported) = zongjie::import(path, text.as_bytes()) {
                let loaded = zongjie::load(&imported.data_file);
                prop_assert!(loaded.report.is_some(), "import wrote a file that does not load:\n{}", imported.data_file);
            }
        }
    }

    #[test]
    fn check_and_render_never_panic(body in messy_text()) {
        let source = format!("单位: 甲县司法局\n年度: 2022\n类型: 工作总结\n{body}");
        let checked = zongjie::check("data.yaml", &source, zongjie::Purpose::Review);
        let _ = checked.diagnostics.to_string();
        let options = zongjie::RenderOptions::default();
        let _ = zongjie::render("data.yaml", &source, zongjie::OutputFormat::Text, &options);
        let _ = zongjie::rollover("data.yaml", &source);
    }
}
