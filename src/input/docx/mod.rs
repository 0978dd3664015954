//! A .docx read back as styled paragraphs: the zip and its XML parts
//! (`archive`), and the body with its styles (`reader`).

pub mod archive;
pub mod reader;

pub use reader::read;
