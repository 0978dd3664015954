//! The embedded package parts and the zip they are written into.

use std::borrow::Cow;
use std::io::{Cursor, Write};

use quick_xml::escape::escape;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::DocxLayout;
use super::body::{self, StyleIds};
use super::layout::{self, BODY_STYLE, FOOTER_EVEN_ID, FOOTER_ODD_ID};
use crate::base::error::DocxError;
use crate::input::markdown::Block;

/// `[Content_Types].xml` without the footers.
pub const CONTENT_TYPES: &str = include_str!("../../../templates/docx/[Content_Types].xml");
/// The package relationships.
pub const PACKAGE_RELS: &str = include_str!("../../../templates/docx/_rels/.rels");
/// The main document's relationships without the footers.
pub const DOCUMENT_RELS: &str =
    include_str!("../../../templates/docx/word/_rels/document.xml.rels");
/// Our styles.
pub const STYLES: &str = include_str!("../../../templates/docx/word/styles.xml");
/// Our settings: odd and even footers, no punctuation compression.
pub const SETTINGS: &str = include_str!("../../../templates/docx/word/settings.xml");
/// The fonts and the names they go by where the GB2312 ones are missing.
pub const FONT_TABLE: &str = include_str!("../../../templates/docx/word/fontTable.xml");
/// The odd pages' page number, on the right.
pub const FOOTER_ODD: &str = include_str!("../../../templates/docx/word/footer1.xml");
/// The even pages' page number, on the left.
pub const FOOTER_EVEN: &str = include_str!("../../../templates/docx/word/footer2.xml");
/// Core properties.
pub const CORE: &str = include_str!("../../../templates/docx/docProps/core.xml");
/// Application properties.
pub const APP: &str = include_str!("../../../templates/docx/docProps/app.xml");

/// Relationship type of a footer.
pub const FOOTER_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
/// Content type of a footer.
pub const FOOTER_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";

/// Heading styles' bold is written off; a bureau that wants bold headings
/// gets it on. The title's weight has no such switch.
const HEADING_NOT_BOLD: &str = r#"<w:b w:val="0"/><w:bCs w:val="0"/>"#;
const HEADING_BOLD: &str = "<w:b/><w:bCs/>";

/// The one line of settings that gives even pages their own footer.
const EVEN_AND_ODD: &str = "<w:evenAndOddHeaders/>";

/// One file in the package.
pub struct Part<'a> {
    /// Its name in the zip.
    pub name: Cow<'a, str>,
    /// Its content.
    pub bytes: Cow<'a, [u8]>,
}

impl<'a> Part<'a> {
    /// A part made of text.
    pub fn text(name: impl Into<Cow<'a, str>>, text: impl Into<Cow<'a, str>>) -> Part<'a> {
        let bytes = match text.into() {
            Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
        };
        Part {
            name: name.into(),
            bytes,
        }
    }
}

/// A .docx of `blocks` with our styles, page setup and footers.
pub fn ours(blocks: &[Block], layout: DocxLayout) -> Result<Vec<u8>, DocxError> {
    let ids = StyleIds::default();
    let styles = with_styles(
        bold_headings(STYLES, layout),
        &missing_styles(blocks, |name| our_style(name).is_some()),
        &ids,
        layout,
    );
    let footers = OurFooters::default();
    package(Contents {
        document: body::document_xml(blocks, &ids, &layout::section_properties()),
        styles,
        settings: SETTINGS.into(),
        relationships: &footers.relationships,
        content_types: &footers.content_types,
        more: footers.parts,
    })
}

/// What one package has that another has not.
pub struct Contents<'a> {
    /// `word/document.xml`.
    pub document: String,
    /// `word/styles.xml`.
    pub styles: Cow<'a, str>,
    /// `word/settings.xml`.
    pub settings: Cow<'a, str>,
    /// `Relationship` elements of the main document beyond styles,
    /// settings and font table: its footers and what else it refers to.
    pub relationships: &'a str,
    /// `[Content_Types].xml` entries for `more`.
    pub content_types: &'a str,
    /// The parts beyond the nine every package has.
    pub more: Vec<Part<'a>>,
}

/// The zip of a .docx: the nine parts every package has (content types,
/// package and document relationships, core and application properties,
/// document, styles, settings, font table), then `contents.more`.
pub fn package(contents: Contents) -> Result<Vec<u8>, DocxError> {
    let mut parts = vec![
        Part::text(
            "[Content_Types].xml",
            insert_before_root_end(CONTENT_TYPES, contents.content_types),
        ),
        Part::text("_rels/.rels", PACKAGE_RELS),
        Part::text("docProps/core.xml", CORE),
        Part::text("docProps/app.xml", APP),
        Part::text("word/document.xml", contents.document),
        Part::text(
            "word/_rels/document.xml.rels",
            insert_before_root_end(DOCUMENT_RELS, contents.relationships),
        ),
        Part::text("word/styles.xml", contents.styles),
        Part::text("word/settings.xml", contents.settings),
        Part::text("word/fontTable.xml", FONT_TABLE),
    ];
    parts.extend(contents.more);
    zip(&parts)
}

/// Our two page-number footers, with what the package needs to find them.
pub struct OurFooters {
    /// `Relationship` elements for the main document.
    pub relationships: String,
    /// `Override` elements for `[Content_Types].xml`.
    pub content_types: String,
    /// The footer parts.
    pub parts: Vec<Part<'static>>,
}

impl Default for OurFooters {
    /// Odd pages' footer as the default one, even pages' as the even one.
    fn default() -> OurFooters {
        let footers = [
            (FOOTER_ODD_ID, "footer1.xml", FOOTER_ODD),
            (FOOTER_EVEN_ID, "footer2.xml", FOOTER_EVEN),
        ];
        OurFooters {
            relationships: footers
                .iter()
                .map(|(id, target, _)| relationship(id, FOOTER_TYPE, target))
                .collect(),
            content_types: footers
                .iter()
                .map(|(_, target, _)| {
                    content_type_override(&format!("/word/{target}"), FOOTER_CONTENT_TYPE)
                })
                .collect(),
            parts: footers
                .iter()
                .map(|(_, target, xml)| Part::text(format!("word/{target}"), *xml))
                .collect(),
        }
    }
}

/// Our settings, without separate even-page footers when the section has
/// none (Word would leave even pages without a page number).
pub fn settings(even_and_odd: bool) -> Cow<'static, str> {
    if even_and_odd {
        SETTINGS.into()
    } else {
        SETTINGS.replace(EVEN_AND_ODD, "").into()
    }
}

/// Our styles with headings bold or not, as the data file says.
pub fn bold_headings(styles: &str, layout: DocxLayout) -> Cow<'_, str> {
    if layout.bold_headings {
        styles.replace(HEADING_NOT_BOLD, HEADING_BOLD).into()
    } else {
        styles.into()
    }
}

/// A style the package needs but its styles part lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// One of ours: its `w:style` element from our styles.
    Ours(&'static str),
    /// A name a custom template made up: a paragraph style based on the
    /// body's, or a character style.
    Named {
        /// The name.
        name: String,
        /// Whether it is a paragraph style.
        paragraph: bool,
    },
}

/// The styles `blocks` use that `has` says the styles part lacks, each
/// name looked up once.
pub fn missing_styles(blocks: &[Block], has: impl Fn(&str) -> bool) -> Vec<Missing> {
    let mut used: Vec<(&str, bool)> = Vec::new();
    for block in blocks {
        let runs = block.runs.iter().filter_map(|run| run.style.as_deref());
        let names =
            std::iter::once((layout::paragraph_style(block), true)).chain(runs.map(|s| (s, false)));
        for (name, paragraph) in names {
            if !used.iter().any(|(seen, _)| *seen == name) {
                used.push((name, paragraph));
            }
        }
    }
    used.into_iter()
        .filter(|(name, _)| !has(name))
        .map(|(name, paragraph)| match our_style(name) {
            Some(xml) => Missing::Ours(xml),
            None => Missing::Named {
                name: name.to_string(),
                paragraph,
            },
        })
        .collect()
}

/// Our `w:style` element for the style named `name`.
pub fn our_style(name: &str) -> Option<&'static str> {
    let marker = format!("<w:name w:val=\"{name}\"/>");
    let at = STYLES.find(&marker)?;
    let start = STYLES[..at].rfind("<w:style ")?;
    let end = at + STYLES[at..].find("</w:style>")? + "</w:style>".len();
    Some(&STYLES[start..end])
}

/// `styles` with `missing` added at its end. Each added element declares
/// the `w` prefix itself, since a styles part made elsewhere may bind
/// another, and refers to other styles by the ids `ids` gives.
pub fn with_styles<'a>(
    styles: Cow<'a, str>,
    missing: &[Missing],
    ids: &StyleIds,
    layout: DocxLayout,
) -> Cow<'a, str> {
    if missing.is_empty() {
        return styles;
    }
    let added: String = missing
        .iter()
        .map(|style| match style {
            Missing::Ours(xml) => with_ids(&bold_headings(xml, layout), ids),
            Missing::Named { name, paragraph } => named_style(name, *paragraph, ids),
        })
        .map(|xml| xml.replacen("<w:style ", &format!("<w:style xmlns:w=\"{}\" ", w_ns()), 1))
        .collect();
    insert_before_root_end(&styles, &added).into()
}

fn w_ns() -> &'static str {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
}

/// One of our styles with the ids it names (its own, the style it links
/// to, the next paragraph's) mapped through `ids`; its name stays.
fn with_ids(xml: &str, ids: &StyleIds) -> String {
    let mut out = xml.to_string();
    for name in layout::PARAGRAPH_STYLES
        .iter()
        .chain(layout::CHARACTER_STYLES)
    {
        let (ours, id) = (layout::our_style_id(name), escape(ids.id(name)));
        if id == ours {
            continue;
        }
        for pattern in [
            "w:styleId=\"{}\"",
            "<w:link w:val=\"{}\"",
            "<w:next w:val=\"{}\"",
        ] {
            out = out.replace(&pattern.replace("{}", ours), &pattern.replace("{}", &id));
        }
    }
    out
}

fn named_style(name: &str, paragraph: bool, ids: &StyleIds) -> String {
    let name_xml = escape(name);
    let id = escape(ids.id(name));
    if paragraph {
        format!(
            "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"{id}\"><w:name w:val=\"{name_xml}\"/><w:basedOn w:val=\"{}\"/><w:qFormat/></w:style>",
            escape(ids.id(BODY_STYLE))
        )
    } else {
        format!(
            "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"{id}\"><w:name w:val=\"{name_xml}\"/><w:qFormat/></w:style>"
        )
    }
}

/// A `Relationship` element.
pub fn relationship(id: &str, kind: &str, target: &str) -> String {
    format!(
        "<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"/>",
        escape(id),
        escape(kind),
        escape(target)
    )
}

/// An `Override` element of `[Content_Types].xml`.
pub fn content_type_override(part_name: &str, content_type: &str) -> String {
    format!(
        "<Override PartName=\"{}\" ContentType=\"{}\"/>",
        escape(part_name),
        escape(content_type)
    )
}

/// `xml` with `insertion` just before the root element's end tag (the last
/// end tag in the document).
pub fn insert_before_root_end(xml: &str, insertion: &str) -> String {
    let at = xml.rfind("</").unwrap_or(xml.len());
    let mut out = String::with_capacity(xml.len() + insertion.len());
    out.push_str(&xml[..at]);
    out.push_str(insertion);
    out.push_str(&xml[at..]);
    out
}

/// The zip of `parts`, in order, each stored as it is and dated
/// 1980-01-01, so that the same report gives the same bytes. Deflating
/// makes a report's 27 KB 8 KB but a render a quarter slower (0.3 to
/// 0.5 ms of some 2 ms, measured in the commit that chose this).
pub fn zip(parts: &[Part]) -> Result<Vec<u8>, DocxError> {
    let size: usize = parts.iter().map(|p| p.bytes.len() + 128).sum();
    let mut writer = ZipWriter::new(Cursor::new(Vec::with_capacity(size)));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let error = |e: zip::result::ZipError| DocxError::Zip(e.to_string());
    for part in parts {
        writer
            .start_file(part.name.as_ref(), options)
            .map_err(error)?;
        writer
            .write_all(&part.bytes)
            .map_err(|e| DocxError::Zip(e.to_string()))?;
    }
    Ok(writer.finish().map_err(error)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::markdown;

    #[test]
    fn the_zip_crate_reads_back_every_part_dated_1980() {
        let long: String = "总结".repeat(5000);
        let parts = [
            Part::text("[Content_Types].xml", "<Types/>"),
            Part::text("word/document.xml", long.as_str()),
            Part::text("word/页脚1.xml", ""),
        ];
        let bytes = zip(&parts).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), parts.len());
        for part in &parts {
            let mut file = archive.by_name(&part.name).unwrap();
            assert_eq!(file.compression(), CompressionMethod::Stored);
            assert_eq!(
                file.last_modified().map(|d| (d.year(), d.month(), d.day())),
                Some((1980, 1, 1))
            );
            let mut content = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut content).unwrap();
            assert_eq!(content, part.bytes.as_ref(), "{}", part.name);
        }
    }

    #[test]
    fn a_part_name_twice_is_an_error() {
        let parts = [Part::text("a.xml", "<a/>"), Part::text("a.xml", "<b/>")];
        assert!(matches!(zip(&parts), Err(DocxError::Zip(_))));
    }

    fn style_has_bold(styles: &str, name: &str) -> bool {
        let marker = format!("<w:name w:val=\"{name}\"/>");
        let at = styles.find(&marker).unwrap();
        let end = at + styles[at..].find("</w:style>").unwrap();
        styles[at..end].contains(HEADING_BOLD)
    }

    #[test]
    fn bold_headings_bolds_the_headings_only() {
        let bold = bold_headings(
            STYLES,
            DocxLayout {
                bold_headings: true,
            },
        );
        for name in [
            "heading 1",
            "heading 2",
            "heading 3",
            "heading 4",
            "二级标题字符",
        ] {
            assert!(style_has_bold(&bold, name), "{name}");
        }
        for name in ["Title", "Normal", "署名", "Body Text"] {
            assert!(!style_has_bold(&bold, name), "{name}");
        }
        assert!(!STYLES.contains(HEADING_BOLD));
    }

    #[test]
    fn every_style_the_writer_names_is_ours() {
        for name in layout::PARAGRAPH_STYLES
            .iter()
            .chain(layout::CHARACTER_STYLES)
        {
            assert!(our_style(name).is_some(), "{name}");
        }
    }

    #[test]
    fn a_template_s_own_style_name_gets_a_style() {
        let blocks = markdown::parse("::: {custom-style=\"落款\"}\n某局\n:::\n");
        let missing = missing_styles(&blocks, |name| our_style(name).is_some());
        assert_eq!(
            missing,
            [Missing::Named {
                name: "落款".into(),
                paragraph: true
            }]
        );
        let styles = with_styles(
            STYLES.into(),
            &missing,
            &StyleIds::default(),
            DocxLayout::default(),
        );
        assert!(
            styles
                .contains(r#"w:styleId="落款"><w:name w:val="落款"/><w:basedOn w:val="Normal"/>"#)
        );
        assert!(styles.trim_end().ends_with("</w:styles>"));
    }

    #[test]
    fn settings_keep_even_footers_only_when_there_are_some() {
        assert!(settings(true).contains(EVEN_AND_ODD));
        assert!(!settings(false).contains(EVEN_AND_ODD));
    }
}
