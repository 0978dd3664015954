//! Tags and scalars: a core tag must agree with what the text says (`!!int
//! 12`), `!!str` makes any text text, any other tag is refused; a scalar
//! keeps its text and the style it was written in.

use std::borrow::Cow;

use granit_parser::{ScalarStyle, Span as SourceRange, Tag};

use super::{BuildError, TreeBuilder};
use crate::input::yaml::scalar::{Meaning, plain_meaning};
use crate::input::yaml::{Node, Scalar, Style, Value};

impl<'a> TreeBuilder<'a> {
    /// A tag on a list or mapping may only say what it is.
    pub(super) fn collection_tag(
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

    pub(super) fn unsupported_tag(&self, tag: &Tag, span: &SourceRange) -> BuildError {
        self.structure(
            format!("不支持 YAML 标签 {} (unsupported tag)", tag.original()),
            span,
        )
    }

    /// A scalar as written. A core tag (`!!int 12`) must agree with what
    /// the text says; `!!str` makes any text text.
    pub(super) fn scalar(
        &self,
        text: Cow<'a, str>,
        style: ScalarStyle,
        tag: Option<&Tag>,
        span: &SourceRange,
    ) -> Result<Node, BuildError> {
        let written = match style {
            ScalarStyle::Plain => Style::Plain,
            ScalarStyle::Literal | ScalarStyle::Folded => Style::Block,
            _ => Style::Quoted,
        };
        let style = match (tag, tag.and_then(Tag::core_suffix)) {
            (None, _) => written,
            (Some(_), Some("str")) => Style::Quoted,
            (Some(_), Some(kind @ ("null" | "bool" | "int" | "float"))) => {
                if !meaning_matches_tag(plain_meaning(&text), kind) {
                    return Err(self.structure(
                        format!("“{text}”不是 !!{kind} 类型的值 (invalid !!{kind})"),
                        span,
                    ));
                }
                Style::Plain
            }
            (Some(tag), _) => return Err(self.unsupported_tag(tag, span)),
        };
        Ok(Node {
            value: Value::Scalar(Scalar {
                text: text.into_owned(),
                style,
            }),
            span: self.span(span),
        })
    }
}

fn meaning_matches_tag(meaning: Meaning, kind: &str) -> bool {
    matches!(
        (meaning, kind),
        (Meaning::Null, "null")
            | (Meaning::Bool(_), "bool")
            | (Meaning::Int(_), "int")
            | (Meaning::Int(_) | Meaning::Float(_), "float")
    )
}
