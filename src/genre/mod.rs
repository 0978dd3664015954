//! The knowledge of the genre, free of any file format: Chinese numbering,
//! the typography and the norms of official text (with their safe fixes),
//! quantities as reports write them, the kinds of report and their parts,
//! dates and years.

pub mod dates;
pub mod kinds;
pub mod numbering;
pub mod quantity;
pub mod rules;
pub mod title;
pub mod typography;
