//! `word/document.xml`: one `w:p` a block, its style by id, a run for each
//! stretch of text with its character style, and the section properties.

use std::collections::HashMap;
use std::fmt::Write;

use quick_xml::escape::{escape, partial_escape};

use super::layout::{self, BODY_CHAR};
use crate::input::markdown::{Block, Run};

/// The namespaces Word 2010 and later declare on a document, header or
/// footer: readers that look a prefix up without checking (docx2python's
/// `r`) find each one.
pub const WORD_NAMESPACES: &str = concat!(
    r#"xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:o="urn:schemas-microsoft-com:office:office" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:w10="urn:schemas-microsoft-com:office:word" "#,
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" "#,
    r#"xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" "#,
    r#"xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" "#,
    r#"xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"mc:Ignorable="w14 wp14""#,
);

const DOCUMENT_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n<w:document ",
);
const DOCUMENT_END: &str = "</w:body></w:document>\n";

/// Style names to the ids a styles part gives them. A name it does not
/// list has the id our styles give it.
#[derive(Debug, Clone, Default)]
pub struct StyleIds(HashMap<String, String>);

impl StyleIds {
    /// Ids by name.
    pub fn new(ids: HashMap<String, String>) -> StyleIds {
        StyleIds(ids)
    }

    /// The id of the style named `name`.
    pub fn id<'a>(&'a self, name: &'a str) -> &'a str {
        self.0
            .get(name)
            .map_or_else(|| layout::our_style_id(name), String::as_str)
    }
}

/// The main document part for `blocks`, ending in `section` (a `w:sectPr`).
pub fn document_xml(blocks: &[Block], ids: &StyleIds, section: &str) -> String {
    let text_len: usize = blocks
        .iter()
        .flat_map(|b| &b.runs)
        .map(|r| r.text.len())
        .sum();
    let mut xml = String::with_capacity(text_len + blocks.len() * 160 + 1024);
    xml.push_str(DOCUMENT_START);
    xml.push_str(WORD_NAMESPACES);
    xml.push_str("><w:body>\n");
    for (index, block) in blocks.iter().enumerate() {
        let previous = index.checked_sub(1).map(|i| &blocks[i]);
        let direct = layout::direct_formatting(previous, block, blocks.get(index + 1));
        paragraph(&mut xml, block, &direct, ids);
    }
    xml.push_str(section);
    xml.push_str(DOCUMENT_END);
    xml
}

/// Writes one `w:p`. Children of `w:pPr` in CT_PPrBase's order: pStyle,
/// pageBreakBefore, ind.
fn paragraph(xml: &mut String, block: &Block, direct: &layout::Direct, ids: &StyleIds) {
    let style = layout::paragraph_style(block);
    xml.push_str("<w:p><w:pPr>");
    let _ = write!(xml, "<w:pStyle w:val=\"{}\"/>", escape(ids.id(style)));
    if direct.page_break_before {
        xml.push_str("<w:pageBreakBefore/>");
    }
    if let Some(chars) = direct.right_indent {
        let twips = chars * BODY_CHAR / 100;
        let _ = write!(xml, "<w:ind w:right=\"{twips}\" w:rightChars=\"{chars}\"/>");
    }
    xml.push_str("</w:pPr>");
    for run in &block.runs {
        write_run(xml, run, ids);
    }
    xml.push_str("</w:p>\n");
}

fn write_run(xml: &mut String, run: &Run, ids: &StyleIds) {
    xml.push_str("<w:r>");
    if let Some(style) = &run.style {
        let _ = write!(
            xml,
            "<w:rPr><w:rStyle w:val=\"{}\"/></w:rPr>",
            escape(ids.id(style))
        );
    }
    let mut rest = run.text.as_str();
    while !rest.is_empty() {
        let end = rest.find(['\t', '\n']).unwrap_or(rest.len());
        if end > 0 {
            xml.push_str("<w:t xml:space=\"preserve\">");
            xml.push_str(&partial_escape(xml_chars(&rest[..end]).as_ref()));
            xml.push_str("</w:t>");
        }
        match rest[end..].chars().next() {
            Some('\t') => xml.push_str("<w:tab/>"),
            Some(_) => xml.push_str("<w:br/>"),
            None => {}
        }
        rest = rest.get(end + 1..).unwrap_or_default();
    }
    xml.push_str("</w:r>");
}

/// The text without the control characters XML 1.0 cannot carry.
fn xml_chars(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    if text.chars().all(allowed) {
        text.into()
    } else {
        text.chars()
            .filter(|c| allowed(*c))
            .collect::<String>()
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::markdown;

    fn body(markdown: &str) -> String {
        document_xml(&markdown::parse(markdown), &StyleIds::default(), "")
    }

    #[test]
    fn headings_body_and_run_in_headings() {
        let xml = body(
            "::: {custom-style=\"Title\"}\n标题\n:::\n\n# 一、工作\n\n[（一）接排。]{custom-style=\"二级标题字符\"}正文 & <符号>\n",
        );
        assert!(xml.contains(r#"<w:pStyle w:val="Title"/>"#), "{xml}");
        assert!(xml.contains(r#"<w:pStyle w:val="Heading1"/>"#), "{xml}");
        assert!(xml.contains(
            r#"<w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:rStyle w:val="二级标题字符"/></w:rPr><w:t xml:space="preserve">（一）接排。</w:t></w:r><w:r><w:t xml:space="preserve">正文 &amp; &lt;符号&gt;</w:t></w:r>"#
        ), "{xml}");
    }

    #[test]
    fn every_level_has_word_s_heading_style() {
        let xml = body("### 1.细项\n\n#### （1）细项\n");
        assert!(
            xml.contains(r#"<w:pStyle w:val="Heading3"/></w:pPr>"#),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<w:pStyle w:val="Heading4"/></w:pPr>"#),
            "{xml}"
        );
    }

    #[test]
    fn signature_and_date_get_the_standard_indents() {
        let xml = body(
            "正文。\n\n::: {custom-style=\"署名\"}\n南屿市司法局\n:::\n\n::: {custom-style=\"成文日期\"}\n2026年1月28日\n:::\n",
        );
        assert!(
            xml.contains(r#"<w:pStyle w:val="署名"/><w:ind w:right="1440" w:rightChars="450"/>"#),
            "{xml}"
        );
        assert!(
            xml.contains(
                r#"<w:pStyle w:val="成文日期"/><w:ind w:right="640" w:rightChars="200"/>"#
            ),
            "{xml}"
        );
    }

    #[test]
    fn a_report_after_a_circular_starts_a_new_page() {
        let xml = body(
            "通知正文。\n\n::: {custom-style=\"成文日期\"}\n2026年1月28日\n:::\n\n::: {custom-style=\"Title\"}\n报告\n:::\n",
        );
        assert!(
            xml.contains(r#"<w:pStyle w:val="Title"/><w:pageBreakBefore/>"#),
            "{xml}"
        );
        assert!(!body("::: {custom-style=\"Title\"}\n报告\n:::\n").contains("pageBreakBefore"));
    }

    #[test]
    fn ids_come_from_the_styles_part() {
        let ids = StyleIds::new(HashMap::from([("Normal".to_string(), "a5".to_string())]));
        let xml = document_xml(&markdown::parse("正文。\n"), &ids, "");
        assert!(xml.contains(r#"<w:pStyle w:val="a5"/>"#), "{xml}");
    }

    #[test]
    fn tabs_line_breaks_and_control_characters() {
        let xml = body("甲\t乙\u{1}丙\\\n丁\n");
        assert!(
            xml.contains(
                r#"<w:t xml:space="preserve">甲</w:t><w:tab/><w:t xml:space="preserve">乙丙</w:t><w:br/><w:t xml:space="preserve">丁</w:t></w:r>"#
            ),
            "{xml}"
        );
    }
}
