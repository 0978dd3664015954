//! Reading the parts of a .docx package: the zip, relationships, content
//! types and the XML namespaces the readers compare against.

use std::io::{Cursor, Read};

use quick_xml::XmlVersion;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use zip::ZipArchive;

use crate::base::error::DocxError;

/// WordprocessingML, as Word writes it (transitional).
pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// WordprocessingML in strict Office Open XML.
pub const W_NS_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
/// Office relationships, as in `r:id`.
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// Office relationships in strict Office Open XML.
pub const R_NS_STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships";
/// Markup compatibility (`mc:AlternateContent`).
pub const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// No part of a report comes near this; a larger one is refused rather
/// than inflated into memory.
const PART_LIMIT: u64 = 256 * 1024 * 1024;

/// Whether a resolved namespace is WordprocessingML's.
pub fn is_w(namespace: &ResolveResult) -> bool {
    matches!(namespace, ResolveResult::Bound(ns) if ns.0 == W_NS || ns.0 == W_NS_STRICT)
}

/// Whether a resolved namespace is the relationships one.
pub fn is_r(namespace: &ResolveResult) -> bool {
    matches!(namespace, ResolveResult::Bound(ns) if ns.0 == R_NS || ns.0 == R_NS_STRICT)
}

/// Whether a resolved namespace is markup compatibility's.
pub fn is_mc(namespace: &ResolveResult) -> bool {
    matches!(namespace, ResolveResult::Bound(ns) if ns.0 == MC_NS)
}

/// The value of the attribute with this local name (any prefix).
pub fn attribute(element: &BytesStart, local_name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local_name)
        .map(|a| value(&a))
}

/// An attribute's value with references resolved; empty if it has a bad one.
pub fn value(attribute: &Attribute) -> String {
    attribute
        .normalized_value(XmlVersion::default())
        .map(|value| value.into_owned())
        .unwrap_or_default()
}

/// An XML error in `part`.
pub fn xml_error(part: &str, error: impl std::fmt::Display) -> DocxError {
    DocxError::Xml {
        part: part.to_string(),
        detail: error.to_string(),
    }
}

/// A .docx opened for reading.
pub struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
}

/// One relationship of a part.
#[derive(Debug, Clone)]
pub struct Relationship {
    /// `Id`.
    pub id: String,
    /// The last segment of `Type`: `styles`, `footer`, `image`, …
    pub kind: String,
    /// The full `Type` URI.
    pub kind_uri: String,
    /// The target's part name, resolved against the source part; for an
    /// external target, the target as written.
    pub target: String,
    /// Whether the target is outside the package (a hyperlink).
    pub external: bool,
}

impl<'a> Archive<'a> {
    /// Opens `bytes` as a zip archive.
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, DocxError> {
        ZipArchive::new(Cursor::new(bytes))
            .map(|zip| Archive { zip })
            .map_err(|e| DocxError::NotZip(e.to_string()))
    }

    /// The bytes of a part, or `None` when the package has no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let part_error = |detail: String| DocxError::Part {
            part: name.to_string(),
            detail,
        };
        let file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(part_error(e.to_string())),
        };
        let mut bytes = Vec::new();
        file.take(PART_LIMIT + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| part_error(e.to_string()))?;
        if bytes.len() as u64 > PART_LIMIT {
            return Err(part_error("超过 256 MiB".to_string()));
        }
        Ok(Some(bytes))
    }

    /// A part as text (UTF-8, as Word writes every part).
    pub fn read_text(&mut self, name: &str) -> Result<Option<String>, DocxError> {
        let Some(bytes) = self.read(name)? else {
            return Ok(None);
        };
        let text = String::from_utf8(bytes).map_err(|e| xml_error(name, e))?;
        Ok(Some(text.trim_start_matches('\u{feff}').to_string()))
    }

    /// The main document part: the package's officeDocument relationship,
    /// or `word/document.xml`.
    pub fn main_document(&mut self) -> Result<String, DocxError> {
        let package_rels = self.relationships("")?;
        let name = package_rels
            .into_iter()
            .find(|r| r.kind == "officeDocument" && !r.external)
            .map_or_else(|| "word/document.xml".to_string(), |r| r.target);
        if self.zip.index_for_name(&name).is_none() {
            return Err(DocxError::MissingPart(name));
        }
        Ok(name)
    }

    /// The relationships of `part` (`""` for the package's own).
    pub fn relationships(&mut self, part: &str) -> Result<Vec<Relationship>, DocxError> {
        let rels_name = rels_part(part);
        match self.read_text(&rels_name)? {
            Some(xml) => parse_relationships(&xml, &rels_name, directory(part)),
            None => Ok(Vec::new()),
        }
    }
}

/// The relationships part of `part`: `word/_rels/document.xml.rels`.
pub fn rels_part(part: &str) -> String {
    let (directory, file) = match part.rfind('/') {
        Some(slash) => (&part[..=slash], &part[slash + 1..]),
        None => ("", part),
    };
    format!("{directory}_rels/{file}.rels")
}

/// The folder a part is in, with its trailing slash (`word/`).
pub fn directory(part: &str) -> &str {
    part.rfind('/').map_or("", |slash| &part[..=slash])
}

/// A relationship target resolved against `base` (a folder): the part name
/// inside the package, without a leading slash.
pub fn resolve(base: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{base}{target}"),
    };
    let mut segments: Vec<&str> = Vec::new();
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    segments.join("/")
}

fn parse_relationships(xml: &str, part: &str, base: &str) -> Result<Vec<Relationship>, DocxError> {
    let mut reader = NsReader::from_str(xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event().map_err(|e| xml_error(part, e))? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let external = attribute(&e, "TargetMode").is_some_and(|m| m == "External");
                let target = attribute(&e, "Target").unwrap_or_default();
                let kind_uri = attribute(&e, "Type").unwrap_or_default();
                found.push(Relationship {
                    id: attribute(&e, "Id").unwrap_or_default(),
                    kind: kind_uri.rsplit('/').next().unwrap_or_default().to_string(),
                    kind_uri,
                    target: if external {
                        target
                    } else {
                        resolve(base, &target)
                    },
                    external,
                });
            }
            Event::Eof => return Ok(found),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_source_folder() {
        assert_eq!(resolve("word/", "styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve("word/", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve("word/", "/word/footer1.xml"), "word/footer1.xml");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
    }

    #[test]
    fn rels_part_names() {
        assert_eq!(rels_part(""), "_rels/.rels");
        assert_eq!(
            rels_part("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
    }

    #[test]
    fn relationships_are_read_with_their_kind() {
        let xml = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>"#;
        let found = parse_relationships(xml, "x.rels", "word/").unwrap();
        assert_eq!(found[0].kind, "footer");
        assert_eq!(found[0].target, "word/footer1.xml");
        assert!(found[1].external);
        assert_eq!(found[1].target, "https://example.org/");
    }

    #[test]
    fn not_a_zip_is_an_error() {
        assert!(matches!(
            Archive::open(b"plain text").err(),
            Some(DocxError::NotZip(_))
        ));
    }
}
