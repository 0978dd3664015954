//! What zongjie writes: the templates and their filters, the report
//! rendered to Markdown, plain text or .docx, and files written safely.

pub mod context;
pub mod docx;
pub mod files;
pub mod filters;
pub mod pages;
pub mod render;
pub mod templates;
