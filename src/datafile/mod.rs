//! The data file: the report it describes (the model), how prose cites
//! figures, reading a node tree into a report, and writing a report back
//! out as a commented data file.

pub mod blocks;
pub mod carried;
pub mod cite;
pub mod edit;
pub mod keys;
pub mod load;
pub mod model;
pub mod starter;
pub mod write;
