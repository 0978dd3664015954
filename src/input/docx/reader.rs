//! A .docx read back as the blocks the Markdown gives: each paragraph's
//! text in runs with their character styles, headings by outline level or
//! "Heading N" style, and the name of any other paragraph style.
//!
//! It reads Word files not written by us too: paragraphs in tables and
//! text boxes come in document order, tabs and line breaks become `\t`
//! and `\n`, fields show their result, and deleted text, field codes and
//! the fallback copies of drawings are left out. Empty paragraphs, which
//! Word uses for spacing, are dropped.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::archive::{Archive, attribute, is_mc, is_w, xml_error};
use crate::base::error::DocxError;
use crate::input::markdown::{Block, Run};

/// Paragraph style names that mean body text, as a plain Markdown
/// paragraph does.
const BODY_STYLE_NAMES: &[&str] = &["Normal", "正文", "Body Text", "First Paragraph"];

/// Reads the paragraphs of a .docx.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, DocxError> {
    let mut archive = Archive::open(bytes)?;
    let main = archive.main_document()?;
    let document = archive
        .read_text(&main)?
        .ok_or_else(|| DocxError::MissingPart(main.clone()))?;
    let styles_part = archive
        .relationships(&main)?
        .into_iter()
        .find(|r| r.kind == "styles" && !r.external)
        .map_or_else(|| "word/styles.xml".to_string(), |r| r.target);
    let styles = match archive.read_text(&styles_part)? {
        Some(xml) => Styles::parse(&xml, &styles_part)?,
        None => Styles::default(),
    };
    paragraphs(&document, &main, &styles)
}

/// What the reader needs to know of a style.
#[derive(Debug, Clone, Default)]
pub struct Style {
    /// `w:name`; the id when the style has none.
    pub name: String,
    /// `paragraph`, `character`, `table` or `numbering`.
    pub kind: String,
    /// `w:basedOn`.
    pub based_on: Option<String>,
    /// `w:outlineLvl` of its own paragraph properties.
    pub outline_level: Option<u8>,
    /// Whether it is the default of its kind.
    pub default: bool,
}

/// The styles of a styles part, by id.
#[derive(Debug, Clone, Default)]
pub struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    /// Reads a styles part.
    pub fn parse(xml: &str, part: &str) -> Result<Styles, DocxError> {
        let mut reader = NsReader::from_str(xml);
        let mut path: Vec<String> = Vec::new();
        let mut current: Option<(String, Style)> = None;
        let mut by_id = HashMap::new();
        loop {
            let (namespace, event) = reader
                .read_resolved_event()
                .map_err(|e| xml_error(part, e))?;
            let w = is_w(&namespace);
            match event {
                Event::Start(e) => {
                    style_property(&mut current, &path, &e, w);
                    path.push(if w {
                        e.local_name().as_ref().to_string()
                    } else {
                        String::new()
                    });
                }
                Event::Empty(e) => {
                    style_property(&mut current, &path, &e, w);
                    if path.len() == 1 {
                        by_id.extend(current.take());
                    }
                }
                Event::End(_) => {
                    path.pop();
                    if path.len() == 1 {
                        by_id.extend(current.take());
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(Styles { by_id })
    }

    /// The style with id `id`.
    pub fn get(&self, id: &str) -> Option<&Style> {
        self.by_id.get(id)
    }

    /// Ids by style name.
    pub fn ids_by_name(&self) -> HashMap<String, String> {
        self.by_id
            .iter()
            .map(|(id, style)| (style.name.clone(), id.clone()))
            .collect()
    }

    /// Every style's id.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.by_id.keys().map(String::as_str)
    }

    /// The outline level of a style or of the first style it is based on
    /// that has one.
    fn outline_level(&self, id: &str) -> Option<u8> {
        let mut style = self.by_id.get(id)?;
        for _ in 0..16 {
            if style.outline_level.is_some() {
                return style.outline_level;
            }
            style = self.by_id.get(style.based_on.as_deref()?)?;
        }
        None
    }

    /// The default paragraph style's id.
    fn default_paragraph(&self) -> Option<&str> {
        self.by_id
            .iter()
            .find(|(_, s)| s.default && s.kind == "paragraph")
            .map(|(id, _)| id.as_str())
    }
}

/// Records what `element` (under `path`) says about the style being read.
fn style_property(
    current: &mut Option<(String, Style)>,
    path: &[String],
    element: &BytesStart,
    w: bool,
) {
    if !w {
        return;
    }
    let parent = path.last().map(String::as_str);
    let value = || attribute(element, "val");
    match (element.local_name().as_ref(), parent) {
        ("style", Some("styles")) => {
            let id = attribute(element, "styleId").unwrap_or_default();
            let style = Style {
                name: id.clone(),
                kind: attribute(element, "type").unwrap_or_else(|| "paragraph".into()),
                default: attribute(element, "default").is_some_and(|d| on(&d)),
                ..Style::default()
            };
            *current = Some((id, style));
        }
        ("name", Some("style")) => {
            if let (Some((_, style)), Some(name)) = (current.as_mut(), value()) {
                style.name = name;
            }
        }
        ("basedOn", Some("style")) => {
            if let Some((_, style)) = current.as_mut() {
                style.based_on = value();
            }
        }
        ("outlineLvl", Some("pPr")) if path.len() >= 2 && path[path.len() - 2] == "style" => {
            if let Some((_, style)) = current.as_mut() {
                style.outline_level = value().and_then(|v| v.parse().ok());
            }
        }
        _ => {}
    }
}

fn on(value: &str) -> bool {
    matches!(value, "1" | "true" | "on")
}

/// The element a reader is inside, as far as the reader cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Paragraph,
    ParagraphProperties,
    Run,
    RunProperties,
    Text,
    Other,
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct OpenParagraph {
    style: Option<String>,
    outline_level: Option<u8>,
    runs: Vec<Run>,
}

impl OpenParagraph {
    fn push(&mut self, text: &str, style: &Option<String>) {
        match self.runs.last_mut() {
            Some(last) if last.style == *style => last.text.push_str(text),
            _ => self.runs.push(Run {
                text: text.to_string(),
                style: style.clone(),
            }),
        }
    }
}

/// The state of reading a document part.
struct BodyReader<'s> {
    styles: &'s Styles,
    path: Vec<Tag>,
    open: Vec<OpenParagraph>,
    run_style: Option<String>,
    /// One entry a field being read: whether its result has begun.
    fields: Vec<bool>,
    /// Depth inside an element whose content is not text of the document.
    skipping: usize,
    blocks: Vec<Block>,
}

/// Elements whose content is not the document's visible text, or is a
/// copy of it: tracked changes' old properties, field codes, the fallback
/// of a drawing, notes' references.
fn skipped(namespace: &ResolveResult, local_name: &str) -> bool {
    if is_mc(namespace) {
        return local_name == "Fallback";
    }
    is_w(namespace)
        && matches!(
            local_name,
            "pPrChange" | "rPrChange" | "instrText" | "delText" | "del" | "moveFrom"
        )
}

fn paragraphs(xml: &str, part: &str, styles: &Styles) -> Result<Vec<Block>, DocxError> {
    let mut reader = NsReader::from_str(xml);
    let mut state = BodyReader {
        styles,
        path: Vec::new(),
        open: Vec::new(),
        run_style: None,
        fields: Vec::new(),
        skipping: 0,
        blocks: Vec::new(),
    };
    loop {
        let (namespace, event) = reader
            .read_resolved_event()
            .map_err(|e| xml_error(part, e))?;
        match event {
            Event::Start(e) => state.start(&namespace, &e),
            Event::Empty(e) if state.skipping == 0 && is_w(&namespace) => state.leaf(&e),
            Event::End(_) => state.end(),
            Event::Text(text) if state.in_text() => {
                state.text(&text.xml10_content());
            }
            Event::GeneralRef(reference) if state.in_text() => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&reference)
                        .unwrap_or_default()
                        .to_string(),
                };
                state.text(&resolved);
            }
            Event::Eof => return Ok(state.blocks),
            _ => {}
        }
    }
}

impl BodyReader<'_> {
    fn start(&mut self, namespace: &ResolveResult, element: &BytesStart) {
        let local_name = element.local_name();
        if self.skipping > 0 || skipped(namespace, local_name.as_ref()) {
            self.skipping += 1;
            return;
        }
        let tag = if is_w(namespace) {
            match local_name.as_ref() {
                "p" => Tag::Paragraph,
                "pPr" => Tag::ParagraphProperties,
                "r" => Tag::Run,
                "rPr" => Tag::RunProperties,
                "t" => Tag::Text,
                _ => Tag::Other,
            }
        } else {
            Tag::Other
        };
        match tag {
            Tag::Paragraph => self.open.push(OpenParagraph::default()),
            Tag::Run => self.run_style = None,
            _ => {}
        }
        if is_w(namespace) {
            self.leaf(element);
        }
        self.path.push(tag);
    }

    fn end(&mut self) {
        if self.skipping > 0 {
            self.skipping -= 1;
            return;
        }
        if self.path.pop() == Some(Tag::Paragraph)
            && let Some(paragraph) = self.open.pop()
        {
            self.finish(paragraph);
        }
    }

    fn parent(&self) -> Option<Tag> {
        self.path.last().copied()
    }

    fn grandparent(&self) -> Option<Tag> {
        self.path.len().checked_sub(2).map(|i| self.path[i])
    }

    fn in_text(&self) -> bool {
        self.skipping == 0 && self.parent() == Some(Tag::Text)
    }

    /// An element with no content of its own (or the start of one whose
    /// attributes matter): style references, tabs, breaks, fields.
    fn leaf(&mut self, element: &BytesStart) {
        let parent = self.parent();
        let value = || attribute(element, "val");
        match (element.local_name().as_ref(), parent) {
            ("pStyle", Some(Tag::ParagraphProperties))
                if self.grandparent() == Some(Tag::Paragraph) =>
            {
                if let Some(paragraph) = self.open.last_mut() {
                    paragraph.style = value();
                }
            }
            ("outlineLvl", Some(Tag::ParagraphProperties))
                if self.grandparent() == Some(Tag::Paragraph) =>
            {
                if let Some(paragraph) = self.open.last_mut() {
                    paragraph.outline_level = value().and_then(|v| v.parse().ok());
                }
            }
            ("rStyle", Some(Tag::RunProperties)) if self.grandparent() == Some(Tag::Run) => {
                self.run_style = value();
            }
            ("tab", Some(Tag::Run)) => self.text("\t"),
            ("br", Some(Tag::Run))
                if !matches!(
                    attribute(element, "type").as_deref(),
                    Some("page" | "column")
                ) =>
            {
                self.text("\n");
            }
            ("cr", Some(Tag::Run)) => self.text("\n"),
            ("noBreakHyphen", Some(Tag::Run)) => self.text("-"),
            ("sym", Some(Tag::Run)) => {
                let symbol = attribute(element, "char")
                    .and_then(|hex| u32::from_str_radix(&hex, 16).ok())
                    .and_then(char::from_u32);
                if let Some(symbol) = symbol {
                    self.text(&symbol.to_string());
                }
            }
            ("fldChar", _) => self.field_char(attribute(element, "fldCharType").as_deref()),
            _ => {}
        }
    }

    fn field_char(&mut self, kind: Option<&str>) {
        match kind {
            Some("begin") => self.fields.push(false),
            Some("separate") => {
                if let Some(result) = self.fields.last_mut() {
                    *result = true;
                }
            }
            Some("end") => {
                self.fields.pop();
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.fields.iter().any(|in_result| !in_result) {
            return;
        }
        let style = self.run_style_name();
        if let Some(paragraph) = self.open.last_mut() {
            paragraph.push(text, &style);
        }
    }

    /// The current run's character style by name; none for the default.
    fn run_style_name(&self) -> Option<String> {
        let id = self.run_style.as_deref()?;
        let name = self.styles.get(id).map_or(id, |s| s.name.as_str());
        (name != "Default Paragraph Font").then(|| name.to_string())
    }

    fn finish(&mut self, paragraph: OpenParagraph) {
        if paragraph.runs.iter().all(|r| r.text.trim().is_empty()) {
            return;
        }
        let heading = self.heading_level(&paragraph);
        let style = match heading {
            Some(_) => None,
            None => self.style_name(paragraph.style.as_deref()),
        };
        self.blocks.push(Block {
            heading,
            style,
            runs: paragraph.runs,
        });
    }

    /// 1 for the title, 2 for 一、 …: the paragraph's own outline level,
    /// else its style's, else a "heading N" or "Title" style name.
    fn heading_level(&self, paragraph: &OpenParagraph) -> Option<u8> {
        let id = paragraph.style.as_deref();
        let level = paragraph
            .outline_level
            .or_else(|| id.and_then(|id| self.styles.outline_level(id)));
        if let Some(level) = level {
            return (level < 6).then(|| level + 1);
        }
        let name = self.styles.get(id?)?.name.to_lowercase();
        if name == "title" {
            return Some(1);
        }
        let level: u8 = name.strip_prefix("heading ")?.parse().ok()?;
        (1..=6).contains(&level).then_some(level)
    }

    /// The paragraph style's name, unless it means plain body text.
    fn style_name(&self, id: Option<&str>) -> Option<String> {
        let id = id.or_else(|| self.styles.default_paragraph())?;
        let style = self.styles.get(id);
        let name = style.map_or(id, |s| s.name.as_str());
        let is_default = style.is_some_and(|s| s.default);
        (!is_default && !BODY_STYLE_NAMES.contains(&name)).then(|| name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn styles() -> Styles {
        let xml = format!(
            r#"<w:styles {W}>
            <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/></w:style>
            <w:style w:type="paragraph" w:styleId="x1"><w:name w:val="我的一级"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="x2"><w:name w:val="我的派生"/><w:basedOn w:val="x1"/></w:style>
            <w:style w:type="paragraph" w:styleId="s"><w:name w:val="署名"/></w:style>
            <w:style w:type="character" w:styleId="c"><w:name w:val="二级标题字符"/></w:style>
            </w:styles>"#
        );
        Styles::parse(&xml, "styles.xml").unwrap()
    }

    fn read_body(body: &str) -> Vec<Block> {
        let xml = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        paragraphs(&xml, "document.xml", &styles()).unwrap()
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks.iter().map(Block::text).collect()
    }

    #[test]
    fn headings_from_style_names_and_outline_levels() {
        let blocks = read_body(
            r#"<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>标题</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="x2"/></w:pPr><w:r><w:t>一、工作</w:t></w:r></w:p>
            <w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>（一）直接</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="a"/></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="s"/></w:pPr><w:r><w:t>某局</w:t></w:r></w:p>"#,
        );
        let levels: Vec<_> = blocks.iter().map(|b| b.heading).collect();
        assert_eq!(levels, [Some(1), Some(2), Some(3), None, None]);
        assert_eq!(blocks[3].style, None);
        assert_eq!(blocks[4].style.as_deref(), Some("署名"));
    }

    #[test]
    fn runs_keep_their_character_styles_and_merge() {
        let blocks = read_body(
            r#"<w:p><w:r><w:rPr><w:rStyle w:val="c"/></w:rPr><w:t>（一）</w:t></w:r><w:r><w:rPr><w:rStyle w:val="c"/></w:rPr><w:t>标题。</w:t></w:r><w:r><w:t xml:space="preserve">正文 &amp; &#x4E00;</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            blocks[0].runs,
            [
                Run {
                    text: "（一）标题。".into(),
                    style: Some("二级标题字符".into())
                },
                Run {
                    text: "正文 & 一".into(),
                    style: None
                }
            ]
        );
    }

    #[test]
    fn tabs_breaks_and_fields() {
        let blocks = read_body(
            r#"<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:br w:type="page"/></w:r>
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
        );
        assert_eq!(texts(&blocks), ["甲\t乙\n丙7"]);
    }

    #[test]
    fn tables_text_boxes_and_what_is_not_text() {
        let blocks = read_body(
            r#"<w:p><w:r><w:t>前</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>格一</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>格二</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>外</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>
            <w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p><w:p/>"#,
        );
        assert_eq!(texts(&blocks), ["前", "格一", "格二", "框", "外"]);
    }

    #[test]
    fn tracked_old_properties_do_not_count() {
        let blocks = read_body(
            r#"<w:p><w:pPr><w:pPrChange><w:pPr><w:pStyle w:val="1"/></w:pPr></w:pPrChange><w:rPr><w:rStyle w:val="c"/></w:rPr></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>"#,
        );
        assert_eq!(blocks[0].heading, None);
        assert_eq!(blocks[0].runs[0].style, None);
    }

    #[test]
    fn not_a_docx() {
        assert!(matches!(read(b"PK but not"), Err(DocxError::NotZip(_))));
        let empty_zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()))
            .finish()
            .unwrap()
            .into_inner();
        assert!(matches!(
            read(&empty_zip),
            Err(DocxError::MissingPart(part)) if part == "word/document.xml"
        ));
    }
}
