//! The flows a clerk runs, each built on the layers below: a starter file,
//! importing a published report, linting text, next year's file, merging
//! offices' files and comparing two years.

pub mod diff;
pub mod import;
pub mod init;
pub mod lint;
pub mod merge;
pub mod rollover;
