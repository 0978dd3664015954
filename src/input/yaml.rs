//! All YAML reading happens here: text → a tree of nodes, each with its
//! place in the file. granit-parser, the parser beneath serde-saphyr, gives
//! the events with their byte ranges; the tree is built from them directly,
//! as the schema is applied to the tree elsewhere (so that every problem in
//! a file is reported at once) and nothing here needs serde's mapping onto
//! types, which costs more than the parsing itself.

use std::borrow::Cow;
use std::collections::HashMap;

use granit_parser::{
    Event, Marker, Parser, ScalarStyle, ScanError, Span as SourceRange, StrInput, Tag,
};

use crate::base::diagnostic::{Diagnostic, LineIndex, Span};

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

/// Parses `source` into a node tree, or returns the first syntax error
/// with its place and a hint for the mistakes clerks make most.
pub fn parse(source: &str) -> Result<Node, Diagnostic> {
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut builder = TreeBuilder {
        parser: Parser::new_from_str(text),
        lines: LineIndex::new(source),
        offset: source.len() - text.len(),
        source_len: source.len(),
        anchors: HashMap::new(),
        open_anchors: Vec::new(),
        copy_budget: COPY_BUDGET,
    };
    builder.document().map_err(|error| match error {
        BuildError::Syntax(error) => syntax_error(source, &builder, &error),
        BuildError::Structure(diagnostic) => diagnostic,
    })
}

/// How much anchors and aliases may copy in all, in bytes of text (and a
/// little for each node), so that a small file of nested anchors or many
/// aliases cannot grow into gigabytes.
const COPY_BUDGET: usize = 16 << 20;

/// What a node weighs against [`COPY_BUDGET`].
const NODE_WEIGHT: usize = 16;

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

struct TreeBuilder<'a> {
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
            value: Value::Null,
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
        let mut entries: Vec<(Key, Node)> = Vec::new();
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
    fn key(&mut self, event: Event<'a>, span: SourceRange) -> Result<Key, BuildError> {
        let name = match event {
            Event::Scalar(text, _, anchor, _) => {
                let name = text.into_owned();
                if anchor != 0 {
                    let node = Node {
                        value: Value::Str(name.clone()),
                        span: self.span(&span),
                    };
                    self.remember(anchor, &node, &span)?;
                }
                name
            }
            Event::Alias(id) => match self.alias(id, &span)?.value {
                Value::Str(text) => text,
                Value::Int(number) => number.to_string(),
                Value::Float(number) => number.to_string(),
                Value::Bool(truth) => truth.to_string(),
                _ => return Err(self.not_a_key(&span)),
            },
            _ => return Err(self.not_a_key(&span)),
        };
        Ok(Key {
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

    /// Keeps an anchored node for the aliases that copy it.
    fn remember(
        &mut self,
        anchor: usize,
        node: &Node,
        span: &SourceRange,
    ) -> Result<(), BuildError> {
        self.charge(node, span)?;
        self.anchors.insert(anchor, node.clone());
        Ok(())
    }

    fn alias(&mut self, id: usize, span: &SourceRange) -> Result<Node, BuildError> {
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

    fn charge(&mut self, node: &Node, span: &SourceRange) -> Result<(), BuildError> {
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

    /// A tag on a list or mapping may only say what it is.
    fn collection_tag(
        &self,
        tag: Option<&Tag>,
        kind: &str,
        span: &SourceRange,
    ) -> Result<(), BuildError> {
        match tag {
            Some(tag) if tag.core_suffix() != Some(kind) => Err(self.unsupported_tag(tag, span)),
            _ => Ok(()),
        }
    }

    fn unsupported_tag(&self, tag: &Tag, span: &SourceRange) -> BuildError {
        self.structure(
            format!("不支持 YAML 标签 {} (unsupported tag)", tag.original()),
            span,
        )
    }

    fn scalar(
        &self,
        text: Cow<'a, str>,
        style: ScalarStyle,
        tag: Option<&Tag>,
        span: &SourceRange,
    ) -> Result<Node, BuildError> {
        let value = match (tag, tag.and_then(Tag::core_suffix)) {
            (None, _) if style == ScalarStyle::Plain => {
                plain_value(&text).unwrap_or_else(|| Value::Str(text.into_owned()))
            }
            (None, _) | (Some(_), Some("str")) => Value::Str(text.into_owned()),
            (Some(_), Some(kind @ ("null" | "bool" | "int" | "float"))) => {
                match plain_value(&text) {
                    Some(value) if value_matches_tag(&value, kind) => value,
                    _ => {
                        return Err(self.structure(
                            format!("“{text}”不是 !!{kind} 类型的值 (invalid !!{kind})"),
                            span,
                        ));
                    }
                }
            }
            (Some(tag), _) => return Err(self.unsupported_tag(tag, span)),
        };
        Ok(Node {
            value,
            span: self.span(span),
        })
    }

    fn span(&self, span: &SourceRange) -> Span {
        let start = self.byte_offset(&span.start);
        let end = self.byte_offset(&span.end).max(start);
        self.lines.span(start..end)
    }

    fn byte_offset(&self, marker: &Marker) -> usize {
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
            Value::Str(text) => text.len(),
            Value::Seq(items) => items.iter().map(weight).sum(),
            Value::Map(entries) => entries
                .iter()
                .map(|(key, value)| key.name.len() + weight(value))
                .sum(),
            _ => 0,
        }
}

fn value_matches_tag(value: &Value, kind: &str) -> bool {
    matches!(
        (value, kind),
        (Value::Null, "null")
            | (Value::Bool(_), "bool")
            | (Value::Int(_), "int")
            | (Value::Int(_) | Value::Float(_), "float")
    )
}

/// What a plain scalar stands for under YAML 1.2's core schema: null,
/// true/false, a whole number (decimal, 0o octal, 0x hex) or a float; `None`
/// for text. `.inf`, `.nan` and numbers beyond a float's range stay text,
/// since no figure is infinite.
fn plain_value(text: &str) -> Option<Value> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    // Text, the common case, is told from a number by its first character.
    if !text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.')) {
        return None;
    }
    integer(text).or_else(|| float(text))
}

fn integer(text: &str) -> Option<Value> {
    let radix = |prefix: &str, radix: u32| {
        text.strip_prefix(prefix)
            .filter(|digits| !digits.is_empty() && !digits.starts_with(['+', '-']))
            .and_then(|digits| i64::from_str_radix(digits, radix).ok())
    };
    if let Some(value) = radix("0o", 8).or_else(|| radix("0x", 16)) {
        return Some(Value::Int(value));
    }
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match text.parse::<i64>() {
        Ok(value) => Some(Value::Int(value)),
        Err(_) => finite(text),
    }
}

fn float(text: &str) -> Option<Value> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => {
            (!whole.is_empty() || !fraction.is_empty())
                && whole
                    .bytes()
                    .chain(fraction.bytes())
                    .all(|b| b.is_ascii_digit())
        }
        None => !mantissa.is_empty() && mantissa.bytes().all(|b| b.is_ascii_digit()),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    });
    if mantissa_ok && exponent_ok {
        finite(text)
    } else {
        None
    }
}

/// A number too large for a float (1e400) stays text, as `.inf` does.
fn finite(text: &str) -> Option<Value> {
    text.parse::<f64>()
        .ok()
        .filter(|value| value.is_finite())
        .map(Value::Float)
}

fn syntax_error(source: &str, builder: &TreeBuilder, error: &ScanError) -> Diagnostic {
    let marker = error.marker();
    let start = builder.byte_offset(marker).min(source.len());
    let end = source[start..]
        .chars()
        .next()
        .map_or(start, |c| start + c.len_utf8());
    let span = builder.lines.span(start..end);
    let mut diagnostic = Diagnostic::error(
        format!("YAML 语法错误：{}", error.info()),
        Some(span.clone()),
    );
    let hint =
        full_width_colon_hint(source, span.line).or_else(|| brace_start_hint(source, span.line));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Parsing `source` fails with a message that says `words`.
    fn assert_error(source: &str, words: &str) {
        let error = parse(source).unwrap_err();
        assert!(error.message.contains(words), "{}", error.message);
    }

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
    fn duplicate_keys_are_an_error_at_the_second() {
        let error = parse("年度: 2022\n年度: 2023\n").unwrap_err();
        assert_eq!(
            error.message,
            "YAML 结构错误：键“年度”重复，第 1 行已有 (duplicate key)"
        );
        assert_eq!(error.span.unwrap().line, 2);
    }

    fn scalar(text: &str) -> Value {
        let root = parse(&format!("值: {text}\n")).unwrap();
        map_entries(&root)[0].1.value.clone()
    }

    #[test]
    fn plain_scalars_follow_the_yaml_1_2_core_schema() {
        assert_eq!(scalar(""), Value::Null);
        assert_eq!(scalar("~"), Value::Null);
        assert_eq!(scalar("True"), Value::Bool(true));
        assert_eq!(scalar("-12"), Value::Int(-12));
        assert_eq!(scalar("0x1F"), Value::Int(31));
        assert_eq!(scalar("0o17"), Value::Int(15));
        assert_eq!(scalar("012"), Value::Int(12));
        assert_eq!(scalar("1.5"), Value::Float(1.5));
        assert_eq!(scalar(".5"), Value::Float(0.5));
        assert_eq!(scalar("2e3"), Value::Float(2000.0));
        assert_eq!(
            scalar("12345678901234567890"),
            Value::Float(1.2345678901234567e19)
        );
    }

    #[test]
    fn what_is_not_a_core_schema_value_is_text() {
        for text in [
            "yes", "on", "1_000", "1,234", "2022年", "1.2.3", ".inf", ".nan", "0x", "+-1", "1e400",
        ] {
            assert_eq!(scalar(text), Value::Str(text.into()), "{text}");
        }
        assert_eq!(scalar("'12'"), Value::Str("12".into()));
        assert_eq!(scalar("!!str 12"), Value::Str("12".into()));
        assert_eq!(scalar("!!int 12"), Value::Int(12));
    }

    #[test]
    fn a_core_tag_on_the_wrong_value_is_an_error() {
        let error = parse("值: !!int 十二\n").unwrap_err();
        assert_eq!(
            error.message,
            "YAML 结构错误：“十二”不是 !!int 类型的值 (invalid !!int)"
        );
        assert_eq!(error.span.unwrap().line, 1);
    }

    #[test]
    fn an_alias_copies_its_anchor_and_is_placed_where_it_is_written() {
        let root = parse("甲: &数 [1, 2]\n乙: *数\n").unwrap();
        let copy = &map_entries(&root)[1].1;
        let Value::Seq(items) = &copy.value else {
            panic!("not a list: {copy:?}");
        };
        assert_eq!(items[1].value, Value::Int(2));
        assert_eq!((items[1].span.line, items[1].span.column), (2, 4));
    }

    #[test]
    fn aliases_cannot_grow_the_tree_without_bound() {
        let mut source = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..8 {
            let previous = format!("*a{}", level - 1);
            let items = [previous.as_str(); 10].join(", ");
            source.push_str(&format!("a{level}: &a{level} [{items}]\n"));
        }
        assert_error(&source, "复制的内容太多");
    }

    #[test]
    fn aliases_of_a_long_text_are_charged_by_its_length() {
        let text = "长".repeat(100_000);
        let aliases = ["*甲"; 100].join(", ");
        assert_error(
            &format!("甲: &甲 {text}\n乙: [{aliases}]\n"),
            "复制的内容太多",
        );
    }

    #[test]
    fn nested_anchors_are_charged_though_no_alias_copies_them() {
        let depth = 100;
        let mut source = String::from("值: ");
        for level in 0..depth {
            source.push_str(&format!("&a{level} ["));
        }
        source.push_str(&"长".repeat(100_000));
        source.push_str(&"]".repeat(depth));
        assert_error(&source, "复制的内容太多");
    }

    #[test]
    fn an_alias_inside_its_own_anchor_is_an_error() {
        assert_error("单位: &u {上级: *u}\n", "recursive alias");
    }

    #[test]
    fn keys_can_carry_anchors_and_be_aliases() {
        let root = parse("&k 名称: 甲\n乙:\n  *k : 丙\n").unwrap();
        let inner = map_entries(&map_entries(&root)[1].1);
        assert_eq!(inner[0].0.name, "名称");
        assert_eq!(inner[0].1.value, Value::Str("丙".into()));
    }

    #[test]
    fn tags_other_than_the_core_ones_are_errors() {
        for source in [
            "值: !!binary aGk=\n",
            "值: !mine 文字\n",
            "值: !!seq 文字\n",
            "值: !!map [a]\n",
        ] {
            let error = parse(source).unwrap_err();
            assert!(
                error.message.contains("不支持 YAML 标签"),
                "{source}: {}",
                error.message
            );
        }
        assert!(parse("值: !!seq [a]\n").is_ok());
    }

    #[test]
    fn a_second_document_is_an_error() {
        let error = parse("年度: 2022\n---\n年度: 2023\n").unwrap_err();
        assert!(
            error.message.contains("只能有一个 YAML 文档"),
            "{}",
            error.message
        );
        assert_eq!(error.span.unwrap().line, 3);
    }

    #[test]
    fn an_empty_file_is_null() {
        assert_eq!(parse("").unwrap().value, Value::Null);
        assert_eq!(parse("# 只有注释\n").unwrap().value, Value::Null);
    }

    #[test]
    fn a_collection_as_a_key_is_an_error() {
        assert_error("? [a, b]\n: c\n", "键应为文字");
    }
}
