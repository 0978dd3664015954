//! Reading what a clerk hands zongjie: YAML text into a tree of nodes with
//! their places, and Markdown into a document of styled paragraphs.

pub mod docx;
pub mod encoding;
pub mod files;
pub mod markdown;
pub mod yaml;
