//! A .docx built from fuzzed parts (structure-aware): the zip is written
//! with the zip crate from parts that are each standard, missing, raw
//! fuzzed bytes, or generated WordprocessingML from fuzzed paragraphs,
//! runs, fields, styles and outline levels, so the fuzzer reaches the XML
//! readers through a valid container. Then read, import and lint, as
//! `zongjie_fuzz::docx_flows` asserts.
#![no_main]

use std::fmt::Write as _;
use std::io::Write as _;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

#[derive(Arbitrary, Debug)]
enum Part {
    Standard,
    Missing,
    Raw(Vec<u8>),
}

#[derive(Arbitrary, Debug)]
struct Package {
    content_types: Part,
    package_rels: Part,
    /// Where the package's officeDocument relationship points.
    main_name: MainName,
    document: Generated<Document>,
    document_rels: Part,
    styles: Generated<Vec<StyleDef>>,
    extra: Vec<(String, Vec<u8>)>,
    deflate: bool,
    /// Cut the zip short (a truncated download): after a quarter of this
    /// many bytes, when it is a multiple of 4.
    truncate: Option<u16>,
}

#[derive(Arbitrary, Debug)]
enum MainName {
    Standard,
    Other(String),
}

#[derive(Arbitrary, Debug)]
enum Generated<T> {
    Made(T),
    Part(Part),
}

#[derive(Arbitrary, Debug)]
struct Document {
    strict: bool,
    blocks: Vec<BodyBlock>,
    /// Raw XML after the body's content, inside `w:body`.
    tail: Option<String>,
}

#[derive(Arbitrary, Debug)]
enum BodyBlock {
    Paragraph(Paragraph),
    /// A table of rows of cells of paragraphs.
    Table(Vec<Vec<Vec<Paragraph>>>),
    /// A paragraph in a text box inside `mc:AlternateContent`, with a
    /// fallback copy.
    TextBox(Paragraph, bool),
}

#[derive(Arbitrary, Debug)]
struct Paragraph {
    style: Option<StyleRef>,
    outline: Option<u8>,
    runs: Vec<RunPiece>,
    property_change: bool,
}

#[derive(Arbitrary, Debug)]
enum StyleRef {
    Heading(u8),
    Title,
    Named(String),
}

#[derive(Arbitrary, Debug)]
enum RunPiece {
    Text(String),
    Styled(String, String),
    Deleted(String),
    Tab,
    Break(Option<String>),
    Field(String, String),
    Sym(String),
    NoBreakHyphen,
    /// Raw, unescaped XML inside a run.
    Raw(String),
}

#[derive(Arbitrary, Debug)]
struct StyleDef {
    id: String,
    name: Option<String>,
    kind: u8,
    based_on: Option<String>,
    outline: Option<u8>,
    default: bool,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn paragraph(out: &mut String, p: &Paragraph) {
    out.push_str("<w:p>");
    if p.style.is_some() || p.outline.is_some() || p.property_change {
        out.push_str("<w:pPr>");
        match &p.style {
            Some(StyleRef::Heading(n)) => {
                let _ = write!(out, "<w:pStyle w:val=\"Heading{}\"/>", n % 10);
            }
            Some(StyleRef::Title) => out.push_str("<w:pStyle w:val=\"Title\"/>"),
            Some(StyleRef::Named(name)) => {
                let _ = write!(out, "<w:pStyle w:val=\"{}\"/>", escape(name));
            }
            None => {}
        }
        if let Some(level) = p.outline {
            let _ = write!(out, "<w:outlineLvl w:val=\"{level}\"/>");
        }
        if p.property_change {
            out.push_str("<w:pPrChange w:id=\"1\"><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr></w:pPrChange>");
        }
        out.push_str("</w:pPr>");
    }
    for piece in &p.runs {
        match piece {
            RunPiece::Text(text) => {
                let _ = write!(
                    out,
                    "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                    escape(text)
                );
            }
            RunPiece::Styled(style, text) => {
                let _ = write!(
                    out,
                    "<w:r><w:rPr><w:rStyle w:val=\"{}\"/></w:rPr><w:t>{}</w:t></w:r>",
                    escape(style),
                    escape(text)
                );
            }
            RunPiece::Deleted(text) => {
                let _ = write!(
                    out,
                    "<w:del w:id=\"2\"><w:r><w:delText>{}</w:delText></w:r></w:del>",
                    escape(text)
                );
            }
            RunPiece::Tab => out.push_str("<w:r><w:tab/></w:r>"),
            RunPiece::Break(kind) => match kind {
                Some(kind) => {
                    let _ = write!(out, "<w:r><w:br w:type=\"{}\"/></w:r>", escape(kind));
                }
                None => out.push_str("<w:r><w:br/><w:cr/></w:r>"),
            },
            RunPiece::Field(code, result) => {
                let _ = write!(
                    out,
                    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>{}</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>{}</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
                    escape(code),
                    escape(result)
                );
            }
            RunPiece::Sym(ch) => {
                let _ = write!(out, "<w:r><w:sym w:char=\"{}\"/></w:r>", escape(ch));
            }
            RunPiece::NoBreakHyphen => out.push_str("<w:r><w:noBreakHyphen/></w:r>"),
            RunPiece::Raw(xml) => {
                let _ = write!(out, "<w:r>{xml}</w:r>");
            }
        }
    }
    out.push_str("</w:p>");
}

fn document(d: &Document) -> Vec<u8> {
    let ns = if d.strict { W_STRICT } else { W };
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{ns}\" xmlns:mc=\"{MC}\" xmlns:r=\"{REL}\"><w:body>"
    );
    for block in &d.blocks {
        match block {
            BodyBlock::Paragraph(p) => paragraph(&mut out, p),
            BodyBlock::Table(rows) => {
                out.push_str("<w:tbl>");
                for row in rows {
                    out.push_str("<w:tr>");
                    for cell in row {
                        out.push_str("<w:tc>");
                        for p in cell {
                            paragraph(&mut out, p);
                        }
                        out.push_str("</w:tc>");
                    }
                    out.push_str("</w:tr>");
                }
                out.push_str("</w:tbl>");
            }
            BodyBlock::TextBox(p, fallback) => {
                out.push_str("<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>");
                paragraph(&mut out, p);
                out.push_str("</w:txbxContent></w:drawing></mc:Choice>");
                if *fallback {
                    out.push_str("<mc:Fallback><w:pict><w:txbxContent>");
                    paragraph(&mut out, p);
                    out.push_str("</w:txbxContent></w:pict></mc:Fallback>");
                }
                out.push_str("</mc:AlternateContent></w:r></w:p>");
            }
        }
    }
    if let Some(tail) = &d.tail {
        out.push_str(tail);
    }
    out.push_str("</w:body></w:document>");
    out.into_bytes()
}

fn styles(defs: &[StyleDef]) -> Vec<u8> {
    let mut out = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"{W}\">");
    for def in defs {
        let kind = ["paragraph", "character", "table", "numbering"][usize::from(def.kind % 4)];
        let _ = write!(
            out,
            "<w:style w:type=\"{kind}\" w:styleId=\"{}\"{}>",
            escape(&def.id),
            if def.default { " w:default=\"1\"" } else { "" }
        );
        if let Some(name) = &def.name {
            let _ = write!(out, "<w:name w:val=\"{}\"/>", escape(name));
        }
        if let Some(base) = &def.based_on {
            let _ = write!(out, "<w:basedOn w:val=\"{}\"/>", escape(base));
        }
        if let Some(level) = def.outline {
            let _ = write!(out, "<w:pPr><w:outlineLvl w:val=\"{level}\"/></w:pPr>");
        }
        out.push_str("</w:style>");
    }
    out.push_str("</w:styles>");
    out.into_bytes()
}

fn part(part: &Part, standard: impl FnOnce() -> Vec<u8>) -> Option<Vec<u8>> {
    match part {
        Part::Standard => Some(standard()),
        Part::Missing => None,
        Part::Raw(bytes) => Some(bytes.clone()),
    }
}

fn generated<T>(
    g: &Generated<T>,
    make: impl Fn(&T) -> Vec<u8>,
    standard: impl FnOnce() -> Vec<u8>,
) -> Option<Vec<u8>> {
    match g {
        Generated::Made(value) => Some(make(value)),
        Generated::Part(p) => part(p, standard),
    }
}

fn zip_of(package: &Package) -> Vec<u8> {
    let main = match &package.main_name {
        MainName::Standard => "word/document.xml".to_string(),
        MainName::Other(name) => name.clone(),
    };
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    if let Some(bytes) = part(&package.content_types, || {
        b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_vec()
    }) {
        parts.push(("[Content_Types].xml".into(), bytes));
    }
    if let Some(bytes) = part(&package.package_rels, || {
        format!("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"{}\"/></Relationships>", escape(&main)).into_bytes()
    }) {
        parts.push(("_rels/.rels".into(), bytes));
    }
    let empty = Document {
        strict: false,
        blocks: Vec::new(),
        tail: None,
    };
    if let Some(bytes) = generated(&package.document, document, || document(&empty)) {
        parts.push((main.clone(), bytes));
    }
    let rels_name = match main.rfind('/') {
        Some(slash) => format!("{}_rels/{}.rels", &main[..=slash], &main[slash + 1..]),
        None => format!("_rels/{main}.rels"),
    };
    if let Some(bytes) = part(&package.document_rels, || {
        format!("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL}/styles\" Target=\"styles.xml\"/></Relationships>").into_bytes()
    }) {
        parts.push((rels_name, bytes));
    }
    if let Some(bytes) = generated(&package.styles, |defs| styles(defs), || styles(&[])) {
        parts.push(("word/styles.xml".into(), bytes));
    }
    parts.extend(package.extra.iter().cloned());

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if package.deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in &parts {
        // Two parts of one name, or a name zip refuses: leave it out.
        if zip.start_file(name.as_str(), options).is_err() {
            continue;
        }
        let _ = zip.write_all(bytes);
    }
    let mut bytes = zip.finish().map(|c| c.into_inner()).unwrap_or_default();
    if let Some(at) = package.truncate.filter(|at| at % 4 == 0) {
        bytes.truncate(usize::from(at / 4));
    }
    bytes
}

fuzz_target!(|package: Package| {
    let bytes = zip_of(&package);
    zongjie_fuzz::docx_flows(&bytes);
});
