//! zongjie (总结) writes the annual reports of Chinese government bureaus
//! from a YAML data file: it checks the file, renders it through Tera
//! templates in the house style of a 年度工作总结 or a 法治政府建设年度报告,
//! and starts next year's file from this year's.
//!
//! Each flow lives in its own module:
//!
//! | flow | module |
//! |---|---|
//! | YAML text → node tree | [`yaml`] |
//! | node tree → report (schema) | [`load`] |
//! | the report as data | [`model`] |
//! | whole-report checks | [`check`] |
//! | figures, derived values, `{名称}` markers | [`figures`] |
//! | numbering and dates | [`chinese`] |
//! | Tera filters and functions | [`filters`] |
//! | built-in and custom templates | [`templates`] |
//! | report → Markdown / text | [`render`], [`markup`] |
//! | report → .docx, and .docx read back | [`docx`] |
//! | starter data files | [`init`] |
//! | writing a data file back out | [`datafile`] |
//! | Chinese official-text checks | [`lint`] |
//! | next year's file, carried-over marks | [`rollover`] |
//! | two years' figures side by side | [`diff`] |
//! | a published report → a data file | [`import`] |
//! | several offices' files → one with figures summed | [`merge`] |
//! | writing results safely | [`output`] |
//! | how it was started, the default working folder | [`platform`] |

pub mod check;
pub mod chinese;
pub mod datafile;
pub mod diagnostic;
pub mod diff;
pub mod docx;
pub mod error;
pub mod figures;
pub mod filters;
pub mod import;
pub mod init;
pub mod lint;
pub mod load;
pub mod markup;
pub mod merge;
pub mod model;
pub mod output;
pub mod platform;
pub mod render;
pub mod rollover;
pub mod templates;
pub mod yaml;

pub use error::Error;
