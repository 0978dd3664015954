//! The figures of `数据`: short (`受理: 1899件`) or key by key (值, 单位,
//! 目标, 上年, 属于), every value read as a clerk writes it.

use super::{Entries, Loader};
use crate::datafile::cite;
use crate::datafile::keys::{Key, Place};
use crate::datafile::model::Figure;
use crate::genre::quantity::{self, Quantity};
use crate::input::yaml::{EntryKey, Node, Value};

impl Loader<'_> {
    pub(super) fn figures(&mut self, node: &Node) -> Vec<Figure> {
        let Value::Map(pairs) = &node.value else {
            self.wrong_type(node, "数据", "映射（名称: 数值）");
            return Vec::new();
        };
        pairs
            .iter()
            .filter_map(|(key, value)| self.figure(key, value))
            .collect()
    }

    fn figure(&mut self, key: &EntryKey, node: &Node) -> Option<Figure> {
        let mut figure = Figure {
            name: key.name.trim().to_string(),
            value: None,
            unit: String::new(),
            target: None,
            last_year: None,
            part_of: None,
            span: Some(key.span.clone()),
            value_span: None,
        };
        if let Some(problem) = cite::name_problem(&figure.name) {
            self.error(problem, &key.span);
            return None;
        }
        let what = format!("数据.{}", figure.name);
        match &node.value {
            Value::Map(_) => {
                let fields = self.entries(node, Place::Figure, &what)?;
                self.figure_fields(&mut figure, &fields, &what);
            }
            value if value.is_null() => {}
            _ => {
                figure.value_span = Some(node.span.clone());
                let (quantity, unit) = self.quantity(node, &what)?;
                figure.value = Some(quantity);
                figure.unit = unit;
            }
        }
        Some(figure)
    }

    /// A figure written out key by key: 值, 单位, 目标, 上年, 属于.
    fn figure_fields(&mut self, figure: &mut Figure, fields: &Entries, what: &str) {
        let unit = self
            .optional_text(fields, Key::Unit, &format!("{what}.单位"))
            .map(|t| t.value);
        match fields.get(Key::Value) {
            Some(value) => {
                figure.value_span = Some(value.span.clone());
                if let Some((quantity, written_unit)) = self.quantity(value, &format!("{what}.值"))
                {
                    figure.value = Some(quantity);
                    figure.unit = self.reconcile_unit(unit.as_deref(), written_unit, value, what);
                }
            }
            None => figure.unit = unit.unwrap_or_default(),
        }
        figure.target = self.companion_value(fields, Key::Target, &figure.unit, what);
        figure.last_year = self.companion_value(fields, Key::LastYear, &figure.unit, what);
        figure.part_of = self.optional_text(fields, Key::PartOf, &format!("{what}.属于"));
    }

    /// A target or last year's value, which must share the figure's unit.
    fn companion_value(
        &mut self,
        fields: &Entries,
        key: Key,
        unit: &str,
        what: &str,
    ) -> Option<Quantity> {
        let node = fields.get(key)?;
        let name = crate::datafile::keys::name(Place::Figure, key);
        let (quantity, written_unit) = self.quantity(node, &format!("{what}.{name}"))?;
        if !written_unit.is_empty() && written_unit != unit {
            self.error(
                format!("“{what}.{name}”的单位“{written_unit}”与“值”的单位“{unit}”不一致"),
                &node.span,
            );
        }
        Some(quantity)
    }

    fn reconcile_unit(
        &mut self,
        declared: Option<&str>,
        written: String,
        node: &Node,
        what: &str,
    ) -> String {
        match declared {
            Some(declared) if !written.is_empty() && written != declared => {
                self.error(
                    format!("“{what}”的值带单位“{written}”，与“单位: {declared}”不一致"),
                    &node.span,
                );
                declared.to_string()
            }
            Some(declared) => declared.to_string(),
            None => written,
        }
    }

    fn quantity(&mut self, node: &Node, what: &str) -> Option<(Quantity, String)> {
        let Value::Scalar(scalar) = &node.value else {
            self.wrong_type(node, what, "数值（如 1899件、1.2万余人次）");
            return None;
        };
        match quantity::parse_quantity(&scalar.text) {
            Ok(value) => Some(value),
            Err(problem) => {
                self.error(format!("“{what}”{problem}"), &node.span);
                None
            }
        }
    }
}
