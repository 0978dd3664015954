//! All YAML reading happens here: text → a tree of nodes, each with its
//! place in the file. serde-saphyr does the parsing (maintained, panic-free,
//! with locations); the schema is applied to the tree elsewhere, so that
//! every problem in a file can be reported at once.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{MessageFormatter, Spanned};

use crate::diagnostic::{Diagnostic, LineIndex, Span};

/// A YAML value with its place in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where it is written. For a mapping or sequence, the place of its
    /// first entry.
    pub span: Span,
}

/// The kinds of YAML value the data file uses.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction.
    Float(f64),
    /// Any string.
    Str(String),
    /// A list.
    Seq(Vec<Node>),
    /// A mapping, in file order; keys are strings with their own places.
    Map(Vec<(Key, Node)>),
}

/// A mapping key with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// The key text.
    pub name: String,
    /// Where the key is written.
    pub span: Span,
}

impl Value {
    /// The Chinese name of this kind of value, for messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "空值",
            Value::Bool(_) => "布尔值",
            Value::Int(_) | Value::Float(_) => "数字",
            Value::Str(_) => "文字",
            Value::Seq(_) => "列表",
            Value::Map(_) => "映射",
        }
    }
}

/// Parses `source` into a node tree, or returns the syntax error with its
/// place and a hint for the mistakes clerks make most.
pub fn parse(source: &str) -> Result<Node, Diagnostic> {
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    let offset = source.len() - text.len();
    match serde_saphyr::from_str::<Spanned<RawNode>>(text) {
        Ok(raw) => Ok(resolve(&LineIndex::new(source), offset, raw)),
        Err(error) => Err(syntax_error(source, offset, &error)),
    }
}

fn syntax_error(source: &str, offset: usize, error: &serde_saphyr::Error) -> Diagnostic {
    let detail = serde_saphyr::DefaultMessageFormatter.format_message(error.without_snippet());
    let lines = LineIndex::new(source);
    let span = error.location().map(|loc| {
        let line = loc.line() as usize;
        let column = loc.column() as usize + usize::from(line == 1 && offset > 0);
        let start = lines.at(line, column);
        let end = source[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
        lines.span(start..end)
    });
    let mut diagnostic = Diagnostic::error(format!("YAML 语法错误：{detail}"), span.clone());
    let hint = span.and_then(|s| {
        full_width_colon_hint(source, s.line).or_else(|| brace_start_hint(source, s.line))
    });
    if let Some(hint) = hint {
        diagnostic = diagnostic.with_note(hint);
    }
    diagnostic
}

/// Text that starts with a figure marker reads to YAML as a mapping in
/// braces; it needs quotes.
fn brace_start_hint(source: &str, error_line: usize) -> Option<String> {
    let line = source.lines().nth(error_line.checked_sub(1)?)?;
    let (key, value) = line.split_once(": ")?;
    let value = value.trim_start();
    let marker_first = value.starts_with('{') && !value.starts_with("{值") && value.contains('}');
    marker_first.then(|| {
        format!(
            "以“{{”开头的文字要加引号：{}: \"{}\"",
            key.trim_start_matches(['-', ' ']),
            value.trim_end()
        )
    })
}

/// A key typed with the Chinese input method ends in a full-width colon,
/// which YAML does not read as a key; say so instead of a parser message.
fn full_width_colon_hint(source: &str, error_line: usize) -> Option<String> {
    let lines: Vec<&str> = source.lines().collect();
    let first = error_line.saturating_sub(2);
    let last = error_line.min(lines.len());
    lines.get(first..last)?.iter().find_map(|line| {
        let (key, _) = line.trim_start().split_once('：')?;
        let plausible_key = !key.is_empty() && key.chars().count() <= 8 && !key.contains(' ');
        plausible_key
            .then(|| format!("“{key}：”用了全角冒号；YAML 的键后面要用半角冒号和空格：“{key}: ”"))
    })
}

fn resolve(lines: &LineIndex, offset: usize, raw: Spanned<RawNode>) -> Node {
    let span = location_span(lines, offset, &raw.referenced);
    let value = match raw.value {
        RawNode::Null => Value::Null,
        RawNode::Bool(b) => Value::Bool(b),
        RawNode::Int(i) => Value::Int(i),
        RawNode::Float(f) => Value::Float(f),
        RawNode::Str(s) => Value::Str(s),
        RawNode::Seq(items) => Value::Seq(
            items
                .into_iter()
                .map(|item| resolve(lines, offset, item))
                .collect(),
        ),
        RawNode::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(key, value)| {
                    let key = Key {
                        span: location_span(lines, offset, &key.referenced),
                        name: key.value,
                    };
                    (key, resolve(lines, offset, value))
                })
                .collect(),
        ),
    };
    Node { value, span }
}

/// Where serde-saphyr says a node is: by byte offset when it has one, by
/// line and column otherwise. The parser saw the text without its byte-order
/// mark, which is one character on the first line.
fn location_span(lines: &LineIndex, offset: usize, location: &serde_saphyr::Location) -> Span {
    let span = location.span();
    if let (Some(start), Some(len)) = (span.byte_offset(), span.byte_len()) {
        let start = start as usize + offset;
        return lines.span(start..start + len as usize);
    }
    let line = location.line() as usize;
    let column = location.column() as usize + usize::from(line == 1 && offset > 0);
    let start = lines.at(line, column);
    lines.span(start..start)
}

/// What serde-saphyr gives us before places are turned into [`Span`]s.
enum RawNode {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<RawNode>>),
    Map(Vec<(Spanned<String>, Spanned<RawNode>)>),
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawNode;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }

    fn visit_none<E>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<RawNode, E> {
        Ok(RawNode::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<RawNode, E> {
        Ok(RawNode::Int(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<RawNode, E> {
        Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
    }

    fn visit_f64<E>(self, v: f64) -> Result<RawNode, E> {
        Ok(RawNode::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<RawNode, E> {
        Ok(RawNode::Str(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<RawNode, E> {
        Ok(RawNode::Str(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawNode, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<RawNode>>()? {
            items.push(item);
        }
        Ok(RawNode::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<Spanned<String>, Spanned<RawNode>>()? {
            entries.push(entry);
        }
        Ok(RawNode::Map(entries))
    }
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawNode, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_entries(node: &Node) -> &[(Key, Node)] {
        match &node.value {
            Value::Map(entries) => entries,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn scalars_carry_their_place() {
        let source = "年度: 2022\n单位:\n  名称: 长治市司法局\n";
        let root = parse(source).unwrap();
        let entries = map_entries(&root);
        assert_eq!(entries[0].0.name, "年度");
        assert_eq!(entries[0].1.value, Value::Int(2022));
        assert_eq!((entries[0].1.span.line, entries[0].1.span.column), (1, 5));
        let bureau = map_entries(&entries[1].1);
        let name = &bureau[0].1;
        assert_eq!(&source[name.span.bytes.clone()], "长治市司法局");
        assert_eq!((name.span.line, name.span.column), (3, 7));
    }

    #[test]
    fn block_scalar_span_covers_its_text() {
        let source = "开头: |\n  第一段{受理}\n  第二段\n";
        let root = parse(source).unwrap();
        let opening = &map_entries(&root)[0].1;
        assert!(source[opening.span.bytes.clone()].contains("{受理}"));
        assert_eq!(opening.span.line, 2);
    }

    #[test]
    fn byte_order_mark_and_crlf_are_accepted() {
        let root = parse("\u{feff}年度: 2022\r\n类型: 工作总结\r\n").unwrap();
        let entries = map_entries(&root);
        assert_eq!(entries[1].1.value, Value::Str("工作总结".into()));
        assert_eq!(entries[1].1.span.line, 2);
    }

    #[test]
    fn syntax_error_has_a_place() {
        let error = parse("年度: 2022\n单位:\n  名称: [a, b\n类型: x\n").unwrap_err();
        assert!(
            error.message.starts_with("YAML 语法错误"),
            "{}",
            error.message
        );
        assert!(error.span.is_some());
    }

    #[test]
    fn full_width_colon_gets_a_hint() {
        let error = parse("年度: 2022\n名称：长治\n  x: 1\n").unwrap_err();
        assert!(error.note.unwrap().contains("全角冒号"));
    }

    #[test]
    fn text_starting_with_a_marker_gets_a_hint() {
        let error = parse("年度: 2022\n开头: {年度}年，工作{受理}件。\n").unwrap_err();
        assert_eq!(
            error.note.unwrap(),
            "以“{”开头的文字要加引号：开头: \"{年度}年，工作{受理}件。\""
        );
    }

    #[test]
    fn duplicate_keys_are_an_error() {
        let error = parse("年度: 2022\n年度: 2023\n").unwrap_err();
        assert!(error.message.contains("duplicate"), "{}", error.message);
        assert_eq!(error.span.unwrap().line, 2);
    }
}
