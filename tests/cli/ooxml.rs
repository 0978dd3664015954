//! Helpers for looking inside a .docx in tests: its parts, a small XML
//! tree, and the child order ECMA-376 gives properties elements, read from
//! the schema itself.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

/// Every part of a .docx, by name.
pub fn unzip(bytes: &[u8]) -> HashMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (file.name().unwrap().into_owned(), content)
        })
        .collect()
}

/// One part as text.
pub fn part(parts: &HashMap<String, Vec<u8>>, name: &str) -> String {
    let bytes = parts.get(name).unwrap_or_else(|| panic!("no part {name}"));
    String::from_utf8(bytes.clone()).expect("UTF-8 part")
}

/// An XML element with its qualified name as written (`w:pPr`).
#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
}

impl Element {
    /// An attribute's value by qualified name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The first child with this name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// This element and every element under it, in document order, with
    /// its parent's name.
    pub fn walk<'a>(&'a self, parent: &'a str, found: &mut Vec<(&'a str, &'a Element)>) {
        found.push((parent, self));
        for child in &self.children {
            child.walk(&self.name, found);
        }
    }

    /// Every element named `name` under this one.
    pub fn all(&self, name: &str) -> Vec<&Element> {
        let mut found = Vec::new();
        self.walk("", &mut found);
        found
            .into_iter()
            .filter(|(_, e)| e.name == name)
            .map(|(_, e)| e)
            .collect()
    }

    /// The text of every `w:t` under this element.
    pub fn text_content(&self) -> String {
        self.all("w:t").iter().map(|t| t.text.as_str()).collect()
    }
}

/// Parses XML into a tree; text is kept only for leaf elements.
pub fn parse(xml: &str) -> Element {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Element {
        name: String::new(),
        attributes: Vec::new(),
        children: Vec::new(),
        text: String::new(),
    }];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => stack.last_mut().unwrap().children.push(element(&e)),
            Event::End(_) => {
                let done = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(done);
            }
            Event::Text(t) => stack.last_mut().unwrap().text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r)
                        .unwrap()
                        .to_string(),
                };
                stack.last_mut().unwrap().text.push_str(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    stack.pop().unwrap().children.remove(0)
}

fn element(start: &BytesStart) -> Element {
    Element {
        name: start.name().as_ref().to_string(),
        attributes: start
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                let value = a
                    .normalized_value(quick_xml::XmlVersion::default())
                    .unwrap();
                (a.key.as_ref().to_string(), value.into_owned())
            })
            .collect(),
        children: Vec::new(),
        text: String::new(),
    }
}

/// The XML indented, one element a line, for snapshots.
pub fn pretty(xml: &str) -> String {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(true);
    let mut writer = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            event => writer.write_event(event).unwrap(),
        }
    }
    String::from_utf8(writer.into_inner()).unwrap()
}

/// The WordprocessingML schema: `ZONGJIE_OOXML_XSD` (which .ci/run sets),
/// else the copy beside the repository (`../shared`), if there is one.
fn schema_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("ZONGJIE_OOXML_XSD") {
        return Some(PathBuf::from(path));
    }
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/ooxml-xsd/wml.xsd");
    beside.is_file().then_some(beside)
}

/// Child element orders, read from wml.xsd: for each complex type or
/// group, its elements in the order the schema declares them.
pub struct Schema {
    root: Element,
}

impl Schema {
    /// Loads wml.xsd. With no schema to hand, `None` and a note that the
    /// order check is skipped; named by `ZONGJIE_OOXML_XSD` but missing, a
    /// failure, since CI would otherwise pass without checking.
    pub fn load() -> Option<Schema> {
        let Some(path) = schema_path() else {
            eprintln!(
                "note: ZONGJIE_OOXML_XSD is not set and ../shared has no wml.xsd; skipping the element order check"
            );
            return None;
        };
        let xsd = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "the ECMA-376 schema {} is needed to check element order: {e}",
                path.display()
            )
        });
        Some(Schema { root: parse(&xsd) })
    }

    fn definition(&self, kind: &str, name: &str) -> &Element {
        self.root
            .children
            .iter()
            .find(|e| e.name == kind && e.attr("name") == Some(name))
            .unwrap_or_else(|| panic!("{kind} {name} not in wml.xsd"))
    }

    /// The local names of the elements a complex type may contain, in the
    /// schema's order (a base type's first, groups expanded in place).
    pub fn sequence(&self, complex_type: &str) -> Vec<String> {
        let mut names = Vec::new();
        self.collect(self.definition("xsd:complexType", complex_type), &mut names);
        names
    }

    fn collect(&self, element: &Element, names: &mut Vec<String>) {
        for child in &element.children {
            match child.name.as_str() {
                "xsd:element" => names.extend(child.attr("name").map(str::to_string)),
                "xsd:group" => match child.attr("ref") {
                    Some(group) => self.collect(self.definition("xsd:group", group), names),
                    None => self.collect(child, names),
                },
                "xsd:extension" => {
                    if let Some(base) = child.attr("base") {
                        self.collect(self.definition("xsd:complexType", base), names);
                    }
                    self.collect(child, names);
                }
                "xsd:sequence" | "xsd:choice" | "xsd:complexContent" => self.collect(child, names),
                _ => {}
            }
        }
    }
}

/// The schema type whose child order a properties element follows, by its
/// name and its parent's; `None` for elements whose order we do not check.
fn properties_type(name: &str, parent: &str) -> Option<&'static str> {
    match (name, parent) {
        ("w:pPr", _) => Some("CT_PPr"),
        ("w:rPr", "w:pPr") => Some("CT_ParaRPr"),
        ("w:rPr", _) => Some("CT_RPr"),
        ("w:sectPr", _) => Some("CT_SectPr"),
        ("w:style", _) => Some("CT_Style"),
        _ => None,
    }
}

/// Every `w:pPr`, `w:rPr`, `w:sectPr` and `w:style` in `xml` whose children
/// are out of the schema's order or not in it, described.
pub fn order_problems(schema: &Schema, xml: &str) -> Vec<String> {
    let root = parse(xml);
    let mut elements = Vec::new();
    root.walk("", &mut elements);
    let mut sequences: HashMap<&str, Vec<String>> = HashMap::new();
    let mut problems = Vec::new();
    for (parent, element) in elements {
        let Some(schema_type) = properties_type(&element.name, parent) else {
            continue;
        };
        let sequence = sequences
            .entry(schema_type)
            .or_insert_with(|| schema.sequence(schema_type));
        let mut last = 0;
        for child in &element.children {
            let local = child.name.trim_start_matches("w:");
            match sequence.iter().position(|name| name == local) {
                Some(position) if position >= last => last = position,
                Some(_) => problems.push(format!(
                    "{} ({schema_type}): {} is out of order in {:?}",
                    element.name,
                    child.name,
                    element.children.iter().map(|c| &c.name).collect::<Vec<_>>()
                )),
                None => problems.push(format!(
                    "{} ({schema_type}): {} is not in the schema",
                    element.name, child.name
                )),
            }
        }
    }
    problems
}
