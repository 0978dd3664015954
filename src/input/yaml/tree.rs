//! Parser events into the node tree: mappings, sequences and scalars with
//! their places, duplicate keys refused, one document a file. Anchors and
//! aliases are in `anchors`, tags and scalars in `tags`.

use std::collections::HashMap;

use granit_parser::{Event, Marker, Parser, ScanError, Span as SourceRange, StrInput};

mod anchors;
mod tags;

use super::errors::syntax_error;
use super::{EntryKey, Node, Value};
use crate::base::diagnostic::{Diagnostic, LineIndex, Span};

/// Builds the tree of `text`, or the first error with its place; places
/// are given in `source`, of which `text` is a same-length mend.
pub fn build(text: &str, source: &str) -> Result<Node, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut builder = TreeBuilder {
        parser: Parser::new_from_str(text),
        lines: LineIndex::new(source),
        offset: source.len() - text.len(),
        source_len: source.len(),
        anchors: HashMap::new(),
        open_anchors: Vec::new(),
        copy_budget: anchors::COPY_BUDGET,
    };
    builder.document().map_err(|error| match error {
        BuildError::Syntax(error) => {
            syntax_error(source, builder.byte_offset(error.marker()), &error)
        }
        BuildError::Structure(diagnostic) => diagnostic,
    })
}

enum BuildError {
    Syntax(ScanError),
    Structure(Diagnostic),
}

impl From<ScanError> for BuildError {
    fn from(error: ScanError) -> BuildError {
        BuildError::Syntax(error)
    }
}

/// A parser event with the source range it covers.
type Located<'a> = (Event<'a>, SourceRange);

pub(super) struct TreeBuilder<'a> {
    parser: Parser<'a, StrInput<'a>>,
    lines: LineIndex<'a>,
    /// Bytes of the byte-order mark the parser did not see.
    offset: usize,
    source_len: usize,
    /// Anchored nodes by the parser's anchor id, for aliases to copy.
    anchors: HashMap<usize, Node>,
    /// Anchors on the collections being read, which an alias inside them
    /// cannot copy.
    open_anchors: Vec<usize>,
    /// How much more anchors and aliases may copy.
    copy_budget: usize,
}

impl<'a> TreeBuilder<'a> {
    /// The one document of the file; an empty file is a null at its start.
    fn document(&mut self) -> Result<Node, BuildError> {
        let mut root = None;
        while let Some((event, span)) = self.next()? {
            match event {
                Event::StreamStart | Event::DocumentStart(..) | Event::DocumentEnd => {}
                Event::StreamEnd => break,
                _ if root.is_some() => {
                    return Err(self.structure(
                        "一个数据文件只能有一个 YAML 文档 (only one YAML document is allowed)",
                        &span,
                    ));
                }
                event => root = Some(self.node(event, span)?),
            }
        }
        Ok(root.unwrap_or_else(|| Node {
            value: Value::plain(""),
            span: self.lines.span(self.offset..self.offset),
        }))
    }

    fn next(&mut self) -> Result<Option<Located<'a>>, BuildError> {
        loop {
            match self.parser.next_event().transpose()? {
                Some((Event::Anchor(..), _)) => continue,
                other => return Ok(other),
            }
        }
    }

    /// The next event inside a collection. The parser reports a file that
    /// ends inside one as a syntax error, so running out here is a file cut
    /// short in a way it did not see.
    fn next_node_event(&mut self) -> Result<Located<'a>, BuildError> {
        self.next()?.ok_or_else(|| {
            let end = self.lines.span(self.source_len..self.source_len);
            BuildError::Structure(Diagnostic::error(
                "YAML 语法错误：文件在列表或映射中间结束 (unexpected end of input)",
                Some(end),
            ))
        })
    }

    fn node(&mut self, event: Event<'a>, span: SourceRange) -> Result<Node, BuildError> {
        let (node, anchor) = match event {
            Event::Scalar(text, style, anchor, tag) => {
                (self.scalar(text, style, tag.as_deref(), &span)?, anchor)
            }
            Event::SequenceStart(_, anchor, tag) => {
                self.collection_tag(tag.as_deref(), "seq", &span)?;
                self.open_anchors.push(anchor);
                let node = self.sequence(&span)?;
                self.open_anchors.pop();
                (node, anchor)
            }
            Event::MappingStart(_, anchor, tag) => {
                self.collection_tag(tag.as_deref(), "map", &span)?;
                self.open_anchors.push(anchor);
                let node = self.mapping(&span)?;
                self.open_anchors.pop();
                (node, anchor)
            }
            Event::Alias(id) => return self.alias(id, &span),
            _ => return Err(self.structure("这里应有一个值 (expected a value)", &span)),
        };
        if anchor != 0 {
            self.remember(anchor, &node, &span)?;
        }
        Ok(node)
    }

    fn sequence(&mut self, span: &SourceRange) -> Result<Node, BuildError> {
        let mut items = Vec::new();
        loop {
            match self.next_node_event()? {
                (Event::SequenceEnd, _) => break,
                (event, span) => items.push(self.node(event, span)?),
            }
        }
        Ok(Node {
            value: Value::Seq(items),
            span: point(self.span(span)),
        })
    }

    fn mapping(&mut self, span: &SourceRange) -> Result<Node, BuildError> {
        let mut entries: Vec<(EntryKey, Node)> = Vec::new();
        let mut lines_by_name: HashMap<String, usize> = HashMap::new();
        loop {
            let key = match self.next_node_event()? {
                (Event::MappingEnd, _) => break,
                (event, span) => self.key(event, span)?,
            };
            if let Some(first_line) = lines_by_name.insert(key.name.clone(), key.span.line) {
                let message = format!(
                    "YAML 结构错误：键“{}”重复，第 {first_line} 行已有 (duplicate key)",
                    key.name
                );
                return Err(BuildError::Structure(Diagnostic::error(
                    message,
                    Some(key.span),
                )));
            }
            let (event, span) = self.next_node_event()?;
            let value = self.node(event, span)?;
            entries.push((key, value));
        }
        Ok(Node {
            value: Value::Map(entries),
            span: point(self.span(span)),
        })
    }

    /// A mapping key: a scalar as written, or an alias of one.
    fn key(&mut self, event: Event<'a>, span: SourceRange) -> Result<EntryKey, BuildError> {
        let name = match event {
            Event::Scalar(text, _, anchor, _) => {
                let name = text.into_owned();
                if anchor != 0 {
                    let node = Node {
                        value: Value::plain(name.clone()),
                        span: self.span(&span),
                    };
                    self.remember(anchor, &node, &span)?;
                }
                name
            }
            Event::Alias(id) => match self.alias(id, &span)?.value {
                Value::Scalar(scalar) => scalar.text,
                _ => return Err(self.not_a_key(&span)),
            },
            _ => return Err(self.not_a_key(&span)),
        };
        Ok(EntryKey {
            name,
            span: self.span(&span),
        })
    }

    fn not_a_key(&self, span: &SourceRange) -> BuildError {
        self.structure(
            "键应为文字，不能是列表或映射 (a mapping key must be a scalar)",
            span,
        )
    }

    fn span(&self, span: &SourceRange) -> Span {
        let start = self.byte_offset(&span.start);
        let end = self.byte_offset(&span.end).max(start);
        self.lines.span(start..end)
    }

    pub(super) fn byte_offset(&self, marker: &Marker) -> usize {
        match marker.byte_offset() {
            Some(offset) => offset + self.offset,
            None => {
                // The parser's columns on the first line do not count the
                // byte-order mark, which is one character.
                let mark = usize::from(marker.line() == 1 && self.offset > 0);
                self.lines.at(marker.line(), marker.col() + 1 + mark)
            }
        }
    }

    fn structure(&self, message: impl Into<String>, span: &SourceRange) -> BuildError {
        BuildError::Structure(Diagnostic::error(
            format!("YAML 结构错误：{}", message.into()),
            Some(self.span(span)),
        ))
    }
}

/// Where `span` starts, as an empty span: a collection's place.
fn point(span: Span) -> Span {
    Span {
        bytes: span.bytes.start..span.bytes.start,
        ..span
    }
}
