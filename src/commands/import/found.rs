//! A count found in imported prose and what it becomes: a figure of its
//! own, or a citation derived from another figure (`{办结.比率}`,
//! `{咨询.目标}`, `{受理.同比}`).

use std::ops::Range;

use super::names::Proposal;
use crate::genre::quantity::{Count, Quantity};

/// A count found in a text, with its proposed name and what it becomes.
#[derive(Debug, Clone)]
pub struct Found {
    /// Which text (in the order [`texts`] visits them).
    pub text: usize,
    /// The count.
    pub count: Count,
    /// The name proposed for it.
    pub proposal: Proposal,
    /// What it becomes: a figure of its own, or derived from another.
    pub derived: Option<Derived>,
    /// The text the citation replaces, when more than the count
    /// (同比增长12.4% for `{受理.同比}`).
    pub replaced: Option<Range<usize>>,
    /// The figure this one is a part of (办结 of 受理), by index.
    pub part_of: Option<usize>,
}

/// What a derived citation asks of its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attribute {
    /// `{x.比率}`: x over the whole it is part of.
    Rate,
    /// `{x.占比}`: the same, worded as a share.
    Share,
    /// `{x.完成率}`: x over its target.
    Completion,
    /// `{x.目标}`: the target itself.
    Target,
    /// `{x.上年}`: last year's value.
    LastYear,
    /// `{x.同比}`: the change over last year, as a percentage.
    Yoy,
    /// `{x.增减}`: the change over last year, in the unit.
    Change,
}

impl Attribute {
    /// The attribute as a citation writes it.
    pub fn name(self) -> &'static str {
        match self {
            Attribute::Rate => "比率",
            Attribute::Share => "占比",
            Attribute::Completion => "完成率",
            Attribute::Target => "目标",
            Attribute::LastYear => "上年",
            Attribute::Yoy => "同比",
            Attribute::Change => "增减",
        }
    }
}

/// A count that is cited as derived from another figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// The figure it is derived from, by index among the found counts.
    pub of: usize,
    /// What is asked of that figure.
    pub attribute: Attribute,
    /// The value it sets on that figure, when not the count's own
    /// (last year's, worked out from a change).
    pub value: Option<Quantity>,
}
