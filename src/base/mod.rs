//! The base every layer reports with: places in a source text, problems
//! found there (diagnostics), and the errors a command can end with.

pub mod diagnostic;
pub mod error;
pub mod suggest;
