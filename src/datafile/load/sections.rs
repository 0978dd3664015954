//! Sections, parts and points. A section is a paragraph, a list of parts
//! or a mapping; a part is a bare heading or a mapping; a point is a bare
//! sentence or a heading with its text.

use super::{Entries, Loader};
use crate::datafile::keys::{Key, Place};
use crate::datafile::model::{Part, Point, Section};
use crate::genre::kinds::Role;
use crate::input::yaml::{Node, Value};

impl Loader<'_> {
    /// The section written under the top-level key `name`.
    pub(super) fn section(&mut self, node: &Node, name: &str, role: Role) -> Section {
        let section = |body| Section {
            role,
            body,
            thematic: false,
        };
        match &node.value {
            Value::Scalar(_) => section(Part {
                text: self.paragraphs(node, name),
                ..Part::default()
            }),
            Value::Seq(_) => section(Part {
                parts: self.parts(node, name),
                ..Part::default()
            }),
            Value::Map(_) => {
                let place = if role == Role::Work {
                    Place::Work
                } else {
                    Place::Section
                };
                let Some(fields) = self.entries(node, place, name) else {
                    return section(Part::default());
                };
                let thematic = place == Place::Work
                    && self
                        .optional_bool(&fields, Key::Thematic, &format!("{name}.分章"))
                        .unwrap_or(false);
                Section {
                    thematic,
                    ..section(self.part_fields(&fields, name, Key::Intro))
                }
            }
        }
    }

    /// The fields shared by sections and parts; `text_key` is 引言 for a
    /// section and 正文 for a part.
    pub(super) fn part_fields(&mut self, fields: &Entries, what: &str, text_key: Key) -> Part {
        let text_name = if text_key == Key::Intro {
            "引言"
        } else {
            "正文"
        };
        let heading = self.optional_text(fields, Key::Title, &format!("{what}.标题"));
        self.warn_if_empty(&heading, &format!("{what}.标题"));
        Part {
            heading,
            text: fields
                .get(text_key)
                .map(|n| self.paragraphs(n, &format!("{what}.{text_name}")))
                .unwrap_or_default(),
            points: fields
                .get(Key::Points)
                .map(|n| self.points(n, &format!("{what}.要点")))
                .unwrap_or_default(),
            parts: fields
                .get(Key::Parts)
                .map(|n| self.parts(n, &format!("{what}.部分")))
                .unwrap_or_default(),
            run_in: self.optional_bool(fields, Key::RunIn, &format!("{what}.标题接排")),
            points_split: self.optional_bool(fields, Key::PointsSplit, &format!("{what}.要点分段")),
        }
    }

    fn parts(&mut self, node: &Node, what: &str) -> Vec<Part> {
        let Value::Seq(items) = &node.value else {
            self.wrong_type(node, what, "列表（每项以“- ”开头）");
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.part(item, &format!("{what}[{}]", i + 1)))
            .collect()
    }

    fn part(&mut self, node: &Node, what: &str) -> Option<Part> {
        match &node.value {
            Value::Scalar(_) => {
                let heading = self.text(node, what);
                self.warn_if_empty(&heading, what);
                Some(Part {
                    heading: Some(heading?),
                    ..Part::default()
                })
            }
            _ => {
                let fields = self.entries(node, Place::Part, what)?;
                Some(self.part_fields(&fields, what, Key::Text))
            }
        }
    }

    fn points(&mut self, node: &Node, what: &str) -> Vec<Point> {
        let Value::Seq(items) = &node.value else {
            self.wrong_type(node, what, "列表（每项以“- ”开头）");
            return Vec::new();
        };
        let mut points = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let what = format!("{what}[{}]", i + 1);
            if let Some(point) = self.point(item, &what) {
                points.push(point);
            }
        }
        points
    }

    fn point(&mut self, item: &Node, what: &str) -> Option<Point> {
        match &item.value {
            Value::Map(_) => {
                let fields = self.entries(item, Place::Point, what)?;
                Some(Point {
                    heading: self.optional_text(&fields, Key::Title, &format!("{what}.标题")),
                    text: self.optional_text(&fields, Key::Text, &format!("{what}.正文")),
                })
            }
            _ => Some(Point {
                heading: None,
                text: Some(self.text(item, what)?),
            }),
        }
    }
}
