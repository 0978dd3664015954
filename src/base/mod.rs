//! The base every layer reports with: places in a source text, problems
//! found there (diagnostics), the errors a command can end with, and where
//! the program runs (how it was started, the default working folder).

pub mod diagnostic;
pub mod error;
pub mod platform;
pub mod suggest;
