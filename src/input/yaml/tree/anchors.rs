//! Anchors and aliases: an anchored node kept, an alias copied where it
//! is written (and placed there), every copy charged against a budget so
//! that a small file cannot grow without bound.

use granit_parser::Span as SourceRange;

use super::{BuildError, TreeBuilder};
use crate::base::diagnostic::Span;
use crate::input::yaml::{Node, Value};

/// How much anchors and aliases may copy in all, in bytes of text (and a
/// little for each node), so that a small file of nested anchors or many
/// aliases cannot grow into gigabytes.
pub(super) const COPY_BUDGET: usize = 16 << 20;

/// What a node weighs against [`COPY_BUDGET`].
const NODE_WEIGHT: usize = 16;

impl TreeBuilder<'_> {
    /// Keeps an anchored node for the aliases that copy it.
    pub(super) fn remember(
        &mut self,
        anchor: usize,
        node: &Node,
        span: &SourceRange,
    ) -> Result<(), BuildError> {
        self.charge(node, span)?;
        self.anchors.insert(anchor, node.clone());
        Ok(())
    }

    pub(super) fn alias(&mut self, id: usize, span: &SourceRange) -> Result<Node, BuildError> {
        if self.open_anchors.contains(&id) {
            return Err(self.structure("别名不能出现在它所指的锚点之内 (recursive alias)", span));
        }
        let Some(node) = self.anchors.get(&id) else {
            return Err(self.structure("别名没有对应的锚点 (unknown alias)", span));
        };
        let mut copy = node.clone();
        self.charge(&copy, span)?;
        respan(&mut copy, &self.span(span));
        Ok(copy)
    }

    pub(super) fn charge(&mut self, node: &Node, span: &SourceRange) -> Result<(), BuildError> {
        let weight = weight(node);
        if weight > self.copy_budget {
            return Err(self.structure(
                "锚点和别名复制的内容太多 (anchors and aliases copy too much)",
                span,
            ));
        }
        self.copy_budget -= weight;
        Ok(())
    }
}

/// Places a copy an alias makes at the alias, where a problem in it is to
/// be mended.
fn respan(node: &mut Node, span: &Span) {
    node.span = span.clone();
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|item| respan(item, span)),
        Value::Map(entries) => entries.iter_mut().for_each(|(key, value)| {
            key.span = span.clone();
            respan(value, span);
        }),
        _ => {}
    }
}

fn weight(node: &Node) -> usize {
    NODE_WEIGHT
        + match &node.value {
            Value::Scalar(scalar) => scalar.text.len(),
            Value::Seq(items) => items.iter().map(weight).sum(),
            Value::Map(entries) => entries
                .iter()
                .map(|(key, value)| key.name.len() + weight(value))
                .sum(),
        }
}
