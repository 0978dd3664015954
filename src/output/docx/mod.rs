//! Native .docx in the GB/T 9704-2012 layout.
//!
//! The package parts that do not depend on the report (styles, settings,
//! font table, page-number footers, content types, relationships) are XML
//! files under `templates/docx/`, embedded in the binary; only the body
//! (`word/document.xml`) is generated. Word is strict about the order of
//! the children of `w:pPr`, `w:rPr`, `w:sectPr` and `w:style`, so every
//! element we write follows the ECMA-376 sequence (`tests/docx.rs` checks
//! it against the schema).
//!
//! | what | module |
//! |---|---|
//! | page size, margins, which paragraph gets which style | [`layout`] |
//! | `word/document.xml` | [`body`] |
//! | the embedded parts, and the zip they are written into | [`package`] |
//! | a bureau's own styles, page setup and footers (`--reference-doc`) | [`reference`](mod@reference) |

mod body;
pub mod layout;
mod package;
mod reference;

use crate::base::error::DocxError;
use crate::input::markdown::{Block, Run};

pub use reference::Reference;

/// Per-report layout choices that the data file makes.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocxLayout {
    /// Headings in bold (`版式.标题加粗`); the standard has them regular.
    pub bold_headings: bool,
}

/// Writes `blocks` as a .docx: our styles and page setup, or a bureau's
/// when `reference` is given.
pub fn write(
    blocks: &[Block],
    layout: DocxLayout,
    reference: Option<&Reference>,
) -> Result<Vec<u8>, DocxError> {
    match reference {
        None => package::ours(blocks, layout),
        Some(reference) => reference.package(blocks, layout),
    }
}

/// The reference document of `zongjie reference-docx`: our styles, page
/// setup and footers, with a sample paragraph in each style, for
/// `pandoc --reference-doc` or for a clerk to restyle in Word.
pub fn reference_docx() -> Result<Vec<u8>, DocxError> {
    package::ours(&sample_blocks(), DocxLayout::default())
}

/// One paragraph in each of our styles, as the Markdown would give them.
fn sample_blocks() -> Vec<Block> {
    let plain = |text: &str| vec![run(text, None)];
    let block = |heading: Option<u8>, style: Option<&str>, runs: Vec<Run>| Block {
        heading,
        style: style.map(str::to_string),
        runs,
    };
    vec![
        block(Some(1), None, plain("标题：2号方正小标宋简体，居中")),
        block(None, Some("主送机关"), plain("主送机关：顶格")),
        block(
            None,
            None,
            plain("正文：3号仿宋_GB2312，首行缩进二字，每页22行，每行28字。"),
        ),
        block(Some(2), None, plain("一、标题 1（一级标题）：黑体")),
        block(
            Some(3),
            None,
            plain("（一）标题 2（二级标题）：楷体_GB2312"),
        ),
        block(Some(4), None, plain("1.标题 3（三级标题）：仿宋_GB2312")),
        block(Some(5), None, plain("（1）标题 4（四级标题）：仿宋_GB2312")),
        block(
            None,
            None,
            vec![
                run("（二）接排的二级标题。", Some("二级标题字符")),
                run("正文接在标题之后。", None),
            ],
        ),
        block(None, Some("附件"), plain("附件：一个附件的名称")),
        block(None, Some("附件列表"), plain("附件：1.几个附件的第一个")),
        block(
            None,
            Some("附件列表"),
            plain("\u{3000}\u{3000}\u{3000}2.第二个"),
        ),
        block(None, Some("署名"), plain("某某市司法局")),
        block(None, Some("成文日期"), plain("2026年1月28日")),
        block(None, Some("附件标识"), plain("附件1")),
        block(None, Some("附件标题"), plain("附件标题：居中，另起一页")),
    ]
}

fn run(text: &str, style: Option<&str>) -> Run {
    Run {
        text: text.to_string(),
        style: style.map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_document_reads_back_as_its_samples() {
        let bytes = reference_docx().unwrap();
        assert_eq!(crate::input::docx::read(&bytes).unwrap(), sample_blocks());
    }

    #[test]
    fn writing_is_deterministic() {
        let blocks = sample_blocks();
        let first = write(&blocks, DocxLayout::default(), None).unwrap();
        let second = write(&blocks, DocxLayout::default(), None).unwrap();
        assert_eq!(first, second);
    }
}
