//! A bureau's own look (`--reference-doc`): styles, page setup and headers
//! and footers taken from its Word file, as pandoc does, with our style
//! names kept: a style of ours its file lacks is added.

use std::collections::{HashMap, HashSet};

use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::NsReader;

use super::DocxLayout;
use super::body::{self, StyleIds};
use super::layout;
use super::package::{self, Contents, OurFooters, Part};
use crate::base::error::DocxError;
use crate::input::docx::archive::{self, Archive, Relationship, attribute, is_r, is_w, xml_error};
use crate::input::docx::reader::Styles;
use crate::input::markdown::Block;

/// The parts of a bureau's .docx that a report takes its look from.
#[derive(Debug, Clone)]
pub struct Reference {
    /// Its styles part (ours when it has none).
    styles: String,
    /// Style ids by name in that part.
    ids: HashMap<String, String>,
    /// Every id in that part.
    taken_ids: HashSet<String>,
    /// Its last section's properties, relationship ids renumbered; `None`
    /// when it has none, and ours are used.
    section: Option<String>,
    /// Whether its settings give even pages their own header and footer.
    even_and_odd: bool,
    /// Headers, footers, the theme, and the parts they refer to.
    parts: Vec<(String, Vec<u8>)>,
    /// `Relationship` elements for the main document.
    relationships: String,
    /// `[Content_Types].xml` entries for `parts`.
    content_types: String,
}

/// The relationship types a report takes over from the reference: the
/// header and footer parts its section names, and the theme its styles'
/// theme fonts refer to. Without a section of its own, a reference gives
/// no headers or footers, and ours are used.
fn taken(kind: &str, has_section: bool) -> bool {
    kind == "theme" || (has_section && matches!(kind, "header" | "footer"))
}

impl Reference {
    /// Reads what a report needs of a bureau's .docx.
    pub fn from_bytes(bytes: &[u8]) -> Result<Reference, DocxError> {
        let mut archive = Archive::open(bytes)?;
        let main = archive.main_document()?;
        let document = archive
            .read_text(&main)?
            .ok_or_else(|| DocxError::MissingPart(main.clone()))?;
        let main_rels = archive.relationships(&main)?;
        let find = |kind: &str| main_rels.iter().find(|r| r.kind == kind && !r.external);
        let styles = match find("styles") {
            Some(rel) => archive.read_text(&rel.target)?,
            None => None,
        }
        .unwrap_or_else(|| package::STYLES.to_string());
        let parsed = Styles::parse(&styles, "styles.xml")?;
        let even_and_odd = match find("settings") {
            Some(rel) => match archive.read_text(&rel.target)? {
                Some(settings) => even_and_odd_headers(&settings, &rel.target)?,
                None => false,
            },
            None => false,
        };
        let section = last_section(&document, &main)?;
        let mut reference = Reference {
            ids: parsed.ids_by_name(),
            taken_ids: parsed.ids().map(str::to_string).collect(),
            styles,
            section: None,
            even_and_odd: section.is_none() || even_and_odd,
            parts: Vec::new(),
            relationships: String::new(),
            content_types: String::new(),
        };
        let content_types = ContentTypes::parse(
            &archive
                .read_text("[Content_Types].xml")?
                .unwrap_or_default(),
        )?;
        let mut renumbered = HashMap::new();
        for (index, rel) in main_rels
            .iter()
            .filter(|r| !r.external && taken(&r.kind, section.is_some()))
            .enumerate()
        {
            if reference.take_part(&mut archive, rel, &content_types)? {
                let id = format!("rIdReference{}", index + 1);
                reference.relationships.push_str(&package::relationship(
                    &id,
                    &rel.kind_uri,
                    &format!("/{}", rel.target),
                ));
                renumbered.insert(rel.id.clone(), id);
            }
        }
        reference.section = section.map(|s| s.rewrite(&renumbered));
        Ok(reference)
    }

    /// Copies a part, its relationships and the parts they name; `false`
    /// when the package does not have it. A part two relationships name
    /// (one footer for odd and even pages) is copied once.
    fn take_part(
        &mut self,
        archive: &mut Archive,
        rel: &Relationship,
        content_types: &ContentTypes,
    ) -> Result<bool, DocxError> {
        if self.has_part(&rel.target) {
            return Ok(true);
        }
        let Some(bytes) = archive.read(&rel.target)? else {
            return Ok(false);
        };
        match known_content_type(&rel.kind) {
            Some(content_type) if !content_types.overrides.contains_key(&rel.target) => {
                self.content_types.push_str(&package::content_type_override(
                    &format!("/{}", rel.target),
                    content_type,
                ));
                self.parts.push((rel.target.clone(), bytes));
            }
            _ => self.add_part(&rel.target, bytes, content_types),
        }
        let rels_name = archive::rels_part(&rel.target);
        if let Some(rels) = archive.read(&rels_name)? {
            self.add_part(&rels_name, rels, content_types);
            for inner in archive.relationships(&rel.target)? {
                if inner.external || self.has_part(&inner.target) {
                    continue;
                }
                if let Some(bytes) = archive.read(&inner.target)? {
                    self.add_part(&inner.target, bytes, content_types);
                }
            }
        }
        Ok(true)
    }

    fn has_part(&self, name: &str) -> bool {
        self.parts.iter().any(|(taken, _)| taken == name)
    }

    fn add_part(&mut self, name: &str, bytes: Vec<u8>, content_types: &ContentTypes) {
        self.content_types
            .push_str(&content_types.entry_for(name, &self.content_types));
        self.parts.push((name.to_string(), bytes));
    }

    /// A .docx of `blocks` in this reference's look.
    pub(super) fn package(
        &self,
        blocks: &[Block],
        layout: DocxLayout,
    ) -> Result<Vec<u8>, DocxError> {
        let ids = self.style_ids(blocks);
        let missing = package::missing_styles(blocks, |name| self.ids.contains_key(name));
        let styles = package::with_styles(self.styles.as_str().into(), &missing, &ids, layout);
        let section = self
            .section
            .clone()
            .unwrap_or_else(layout::section_properties);
        let mut relationships = self.relationships.clone();
        let mut content_types = self.content_types.clone();
        let mut more = Vec::new();
        if self.section.is_none() {
            let ours = OurFooters::default();
            relationships.push_str(&ours.relationships);
            content_types.push_str(&ours.content_types);
            more = ours.parts;
        }
        more.extend(self.parts.iter().map(|(name, bytes)| Part {
            name: name.as_str().into(),
            bytes: bytes.as_slice().into(),
        }));
        package::package(Contents {
            document: body::document_xml(blocks, &ids, &section),
            styles,
            settings: package::settings(self.even_and_odd),
            relationships: &relationships,
            content_types: &content_types,
            more,
        })
    }

    /// Ids for every style `blocks` use: the reference's for the names it
    /// has, and for the styles we add, their names, or a fresh id when the
    /// reference uses that one for another style.
    fn style_ids(&self, blocks: &[Block]) -> StyleIds {
        let mut ids = self.ids.clone();
        let mut taken = self.taken_ids.clone();
        let names = layout_names().chain(blocks.iter().flat_map(block_style_names));
        for name in names {
            if ids.contains_key(&name) {
                continue;
            }
            let ours = layout::our_style_id(&name).to_string();
            let mut id = ours.clone();
            let mut counter = 1;
            while taken.contains(&id) {
                id = format!("{ours}{counter}");
                counter += 1;
            }
            taken.insert(id.clone());
            ids.insert(name, id);
        }
        StyleIds::new(ids)
    }
}

fn layout_names() -> impl Iterator<Item = String> {
    layout::PARAGRAPH_STYLES
        .iter()
        .chain(layout::CHARACTER_STYLES)
        .map(|name| name.to_string())
}

fn block_style_names(block: &Block) -> Vec<String> {
    let mut names = vec![layout::paragraph_style(block).to_string()];
    names.extend(block.runs.iter().filter_map(|r| r.style.clone()));
    names
}

fn even_and_odd_headers(settings: &str, part: &str) -> Result<bool, DocxError> {
    let mut reader = NsReader::from_str(settings);
    loop {
        let (namespace, event) = reader
            .read_resolved_event()
            .map_err(|e| xml_error(part, e))?;
        match event {
            Event::Start(e) | Event::Empty(e)
                if is_w(&namespace) && e.local_name().as_ref() == "evenAndOddHeaders" =>
            {
                return Ok(!matches!(
                    attribute(&e, "val").as_deref(),
                    Some("0" | "false" | "off")
                ));
            }
            Event::Eof => return Ok(false),
            _ => {}
        }
    }
}

/// The content type of a part we take, for a package that does not say.
fn known_content_type(kind: &str) -> Option<&'static str> {
    match kind {
        "header" => {
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml")
        }
        "footer" => Some(package::FOOTER_CONTENT_TYPE),
        "theme" => Some("application/vnd.openxmlformats-officedocument.theme+xml"),
        _ => None,
    }
}

/// A `w:sectPr` as events, to be written again with our prefixes.
#[derive(Debug, Clone)]
struct Section {
    /// Elements and end tags, in order.
    items: Vec<SectionItem>,
}

#[derive(Debug, Clone)]
enum SectionItem {
    Start {
        name: String,
        attributes: Vec<(String, String)>,
        empty: bool,
    },
    End(String),
}

/// The body's own (last) section properties, if any. Elements of other
/// namespaces (Word's extensions) are left out.
fn last_section(document: &str, part: &str) -> Result<Option<Section>, DocxError> {
    let mut reader = NsReader::from_str(document);
    let mut path: Vec<String> = Vec::new();
    let mut section: Option<Section> = None;
    // Open elements inside the section, and inside a left-out element.
    let (mut inside, mut skipping) = (0usize, 0usize);
    loop {
        let (namespace, event) = reader
            .read_resolved_event()
            .map_err(|e| xml_error(part, e))?;
        let w = is_w(&namespace);
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(_) if skipping > 0 || (inside > 0 && !w) => skipping += 1,
            Event::Empty(_) if skipping > 0 || (inside > 0 && !w) => {}
            Event::Start(e) | Event::Empty(e) => {
                let local = e.local_name().as_ref().to_string();
                let at_body = path.last().is_some_and(|p| p == "body");
                if inside == 0 && w && local == "sectPr" && at_body {
                    section = Some(Section { items: Vec::new() });
                }
                if section.is_some() && (inside > 0 || (local == "sectPr" && at_body)) {
                    push_start(&mut section, &e, &reader, empty);
                    inside += usize::from(!empty);
                }
                if !empty {
                    path.push(if w { local } else { String::new() });
                }
            }
            Event::End(e) => {
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                path.pop();
                if inside > 0 {
                    inside -= 1;
                    let name = format!("w:{}", e.local_name().as_ref());
                    if let Some(section) = section.as_mut() {
                        section.items.push(SectionItem::End(name));
                    }
                }
            }
            Event::Eof => return Ok(section),
            _ => {}
        }
    }
}

fn push_start(
    section: &mut Option<Section>,
    element: &BytesStart,
    reader: &NsReader<&[u8]>,
    empty: bool,
) {
    let Some(section) = section.as_mut() else {
        return;
    };
    let mut attributes = Vec::new();
    for attr in element.attributes().flatten() {
        let (namespace, local) = reader.resolver().resolve_attribute(attr.key);
        let prefix = if is_w(&namespace) {
            "w"
        } else if is_r(&namespace) {
            "r"
        } else {
            continue;
        };
        let value = archive::value(&attr);
        attributes.push((format!("{prefix}:{}", local.as_ref()), value));
    }
    section.items.push(SectionItem::Start {
        name: format!("w:{}", element.local_name().as_ref()),
        attributes,
        empty,
    });
}

impl Section {
    /// The XML with `r:id`s renumbered; header and footer references to a
    /// part that was not taken are left out.
    fn rewrite(&self, renumbered: &HashMap<String, String>) -> String {
        let mut xml = String::new();
        for item in &self.items {
            match item {
                SectionItem::Start {
                    name,
                    attributes,
                    empty,
                } => {
                    let reference = name == "w:headerReference" || name == "w:footerReference";
                    let id = attributes.iter().find(|(key, _)| key == "r:id");
                    if reference && id.is_none_or(|(_, id)| !renumbered.contains_key(id)) {
                        continue;
                    }
                    xml.push('<');
                    xml.push_str(name);
                    for (key, value) in attributes {
                        let value = match key.as_str() {
                            "r:id" => renumbered.get(value).unwrap_or(value),
                            _ => value,
                        };
                        xml.push_str(&format!(" {key}=\"{}\"", escape(value.as_str())));
                    }
                    xml.push_str(if *empty { "/>" } else { ">" });
                }
                SectionItem::End(name) => {
                    xml.push_str(&format!("</{name}>"));
                }
            }
        }
        xml
    }
}

/// The content types a package gives its parts.
#[derive(Debug, Default)]
struct ContentTypes {
    defaults: HashMap<String, String>,
    overrides: HashMap<String, String>,
}

impl ContentTypes {
    fn parse(xml: &str) -> Result<ContentTypes, DocxError> {
        let mut types = ContentTypes::default();
        let mut reader = NsReader::from_str(xml);
        loop {
            match reader
                .read_event()
                .map_err(|e| xml_error("[Content_Types].xml", e))?
            {
                Event::Start(e) | Event::Empty(e) => {
                    let content_type = attribute(&e, "ContentType").unwrap_or_default();
                    match e.local_name().as_ref() {
                        "Default" => {
                            let extension = attribute(&e, "Extension").unwrap_or_default();
                            types
                                .defaults
                                .insert(extension.to_lowercase(), content_type);
                        }
                        "Override" => {
                            let part = attribute(&e, "PartName").unwrap_or_default();
                            types
                                .overrides
                                .insert(part.trim_start_matches('/').to_string(), content_type);
                        }
                        _ => {}
                    }
                }
                Event::Eof => return Ok(types),
                _ => {}
            }
        }
    }

    /// The entry that gives `part` its content type in our package, unless
    /// ours (or `already`) covers it.
    fn entry_for(&self, part: &str, already: &str) -> String {
        if let Some(content_type) = self.overrides.get(part) {
            return package::content_type_override(&format!("/{part}"), content_type);
        }
        let extension = part.rsplit('.').next().unwrap_or_default().to_lowercase();
        let ours_cover = matches!(extension.as_str(), "xml" | "rels");
        let marker = format!("Extension=\"{}\"", escape(extension.as_str()));
        match self.defaults.get(&extension) {
            Some(content_type) if !ours_cover && !already.contains(&marker) => format!(
                "<Default Extension=\"{}\" ContentType=\"{}\"/>",
                escape(extension.as_str()),
                escape(content_type.as_str())
            ),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::markdown;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

    /// A bureau's file: Letter paper, one footer, a Title style under its
    /// own id, and the id Normal used by a style of another name.
    fn bureau_docx() -> Vec<u8> {
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer7.xml"/></Relationships>"#;
        let document = format!(
            r#"<w:document {W}><w:body><w:p><w:pPr><w:sectPr><w:pgSz w:w="1"/></w:sectPr></w:pPr></w:p><w:sectPr><w:footerReference w:type="default" r:id="rId9"/><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>"#
        );
        let styles = format!(
            r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="a1"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Body"/></w:style></w:styles>"#
        );
        let footer = format!(r#"<w:ftr {W}><w:p><w:r><w:t>页脚</w:t></w:r></w:p></w:ftr>"#);
        package::zip(&[
            Part::text("[Content_Types].xml", package::CONTENT_TYPES),
            Part::text("_rels/.rels", package::PACKAGE_RELS),
            Part::text("word/document.xml", document),
            Part::text("word/_rels/document.xml.rels", rels),
            Part::text("word/styles.xml", styles),
            Part::text("word/footer7.xml", footer),
        ])
        .unwrap()
    }

    fn part(docx: &[u8], name: &str) -> String {
        Archive::open(docx)
            .unwrap()
            .read_text(name)
            .unwrap()
            .unwrap_or_else(|| panic!("no {name}"))
    }

    #[test]
    fn takes_the_bureau_s_page_and_footer_and_adds_our_missing_styles() {
        let reference = Reference::from_bytes(&bureau_docx()).unwrap();
        let blocks = markdown::parse("::: {custom-style=\"Title\"}\n报告\n:::\n\n正文。\n");
        let docx = reference.package(&blocks, DocxLayout::default()).unwrap();
        let document = part(&docx, "word/document.xml");
        assert!(document.contains(r#"<w:pStyle w:val="a1"/>"#), "{document}");
        assert!(
            document.contains(r#"<w:pStyle w:val="Normal1"/>"#),
            "{document}"
        );
        assert!(
            document.ends_with(r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdReference1"/><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>
"#),
            "{document}"
        );
        let rels = part(&docx, "word/_rels/document.xml.rels");
        assert!(rels.contains(r#"Id="rIdReference1""#) && rels.contains("/word/footer7.xml"));
        assert!(part(&docx, "[Content_Types].xml").contains("/word/footer7.xml"));
        assert_eq!(part(&docx, "word/footer7.xml").matches("页脚").count(), 1);
        let styles = part(&docx, "word/styles.xml");
        assert!(
            styles.contains(r#"w:styleId="Normal1"><w:name w:val="Normal"/>"#),
            "{styles}"
        );
        assert!(
            !styles.contains(r#"<w:name w:val="Title"/><w:next"#),
            "ours replaced theirs"
        );
        assert!(!part(&docx, "word/settings.xml").contains("evenAndOddHeaders"));
    }

    #[test]
    fn one_footer_for_odd_and_even_pages_is_copied_once() {
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;
        let document = format!(
            r#"<w:document {W}><w:body><w:sectPr><w:footerReference w:type="default" r:id="rId1"/><w:footerReference w:type="even" r:id="rId2"/></w:sectPr></w:body></w:document>"#
        );
        let footer = format!(r#"<w:ftr {W}><w:p/></w:ftr>"#);
        let bureau = package::zip(&[
            Part::text("word/document.xml", document),
            Part::text("word/_rels/document.xml.rels", rels),
            Part::text("word/footer1.xml", footer),
        ])
        .unwrap();
        let reference = Reference::from_bytes(&bureau).unwrap();
        let docx = reference
            .package(&markdown::parse("正文。\n"), DocxLayout::default())
            .unwrap();
        let rels = part(&docx, "word/_rels/document.xml.rels");
        assert_eq!(rels.matches("/word/footer1.xml").count(), 2, "{rels}");
        assert_eq!(
            part(&docx, "[Content_Types].xml")
                .matches("/word/footer1.xml")
                .count(),
            1
        );
    }

    #[test]
    fn a_reference_without_a_section_keeps_our_page_and_footers() {
        let reference = Reference::from_bytes(
            &package::zip(&[Part::text(
                "word/document.xml",
                format!("<w:document {W}><w:body/></w:document>"),
            )])
            .unwrap(),
        )
        .unwrap();
        let docx = reference
            .package(&markdown::parse("正文。\n"), DocxLayout::default())
            .unwrap();
        assert!(part(&docx, "word/document.xml").contains(&layout::section_properties()));
        assert!(part(&docx, "word/footer2.xml").contains("PAGE"));
        assert!(part(&docx, "word/settings.xml").contains("evenAndOddHeaders"));
    }

    #[test]
    fn a_file_that_is_not_a_docx_is_an_error() {
        assert!(matches!(
            Reference::from_bytes(b"not a zip"),
            Err(DocxError::NotZip(_))
        ));
    }
}
