//! The figures of `数据`: short (`受理: 1899件`) or key by key (值, 单位,
//! 目标, 上年, 属于), every value read as a clerk writes it.

use super::{Entries, Loader};
use crate::datafile::cite;
use crate::datafile::keys::{Key, Place};
use crate::datafile::model::Figure;
use crate::genre::quantity::{Magnitude, Quantity};
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
            magnitude: Magnitude::One,
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
                // A value that cannot be read is reported; the figure stays,
                // so that prose citing it is not also called wrong.
                figure.value_span = Some(node.span.clone());
                if let Some(written) = self.written(node, &what) {
                    figure.magnitude = written.quantity.magnitude;
                    figure.unit = written.unit;
                    figure.value = Some(written.quantity);
                }
            }
        }
        Some(figure)
    }

    /// A figure written out key by key: 值, 单位, 目标, 上年, 属于. A value
    /// written as a bare number is in the magnitude of 单位 (`单位: 万元`
    /// makes `值: 8100` 8100万元); one written with its own magnitude or
    /// unit keeps it.
    fn figure_fields(&mut self, figure: &mut Figure, fields: &Entries, what: &str) {
        let declared = self
            .optional_text(fields, Key::Unit, &format!("{what}.单位"))
            .map(|t| t.value);
        let (declared_magnitude, declared_unit) = match &declared {
            Some(unit) => {
                let (magnitude, unit) = Magnitude::split_unit(unit);
                (Some(magnitude), Some(unit.to_string()))
            }
            None => (None, None),
        };
        let value = fields
            .get(Key::Value)
            .and_then(|node| Some((node, self.written(node, &format!("{what}.值"))?)));
        figure.unit = declared_unit.clone().unwrap_or_default();
        figure.magnitude = declared_magnitude.unwrap_or_default();
        if let Some((node, written)) = value {
            figure.value_span = Some(node.span.clone());
            if declared_magnitude.is_none_or(|m| m == Magnitude::One) && !written.is_bare() {
                figure.magnitude = written.quantity.magnitude;
            }
            if declared_unit.is_none() {
                figure.unit = written.unit.clone();
            }
            figure.value = Some(self.in_figure(figure, written, node, what, "值"));
        }
        figure.target = self.companion_value(fields, Key::Target, figure, what);
        figure.last_year = self.companion_value(fields, Key::LastYear, figure, what);
        figure.part_of = self.optional_text(fields, Key::PartOf, &format!("{what}.属于"));
    }

    /// A target or last year's value, in the figure's unit.
    fn companion_value(
        &mut self,
        fields: &Entries,
        key: Key,
        figure: &Figure,
        what: &str,
    ) -> Option<Quantity> {
        let node = fields.get(key)?;
        let name = crate::datafile::keys::name(Place::Figure, key);
        let written = self.written(node, &format!("{what}.{name}"))?;
        Some(self.in_figure(figure, written, node, what, name))
    }

    /// A value of the figure: a bare number takes the figure's magnitude;
    /// a unit other than the figure's is an error.
    fn in_figure(
        &mut self,
        figure: &Figure,
        written: Written,
        node: &Node,
        what: &str,
        key: &str,
    ) -> Quantity {
        if !written.unit.is_empty() && written.unit != figure.unit {
            let unit = figure.unit_with_magnitude();
            let message = if key == "值" {
                format!(
                    "“{what}”的值带单位“{}”，与“单位: {unit}”不一致",
                    written.unit
                )
            } else {
                format!(
                    "“{what}.{key}”的单位“{}”与“值”的单位“{unit}”不一致",
                    written.unit
                )
            };
            self.error(message, &node.span);
        }
        let mut quantity = written.quantity;
        if written.is_bare() {
            quantity.magnitude = figure.magnitude;
        }
        quantity
    }

    /// A value as written, with its unit (without magnitude) and whether a
    /// magnitude was written.
    fn written(&mut self, node: &Node, what: &str) -> Option<Written> {
        let Value::Scalar(scalar) = &node.value else {
            self.wrong_type(node, what, "数值（如 1899件、1.2万余人次）");
            return None;
        };
        match Quantity::parse(&scalar.text) {
            Ok((quantity, unit)) => Some(Written {
                quantity,
                unit,
                text: scalar.text.clone(),
            }),
            Err(problem) => {
                self.error(format!("“{what}”{problem}"), &node.span);
                None
            }
        }
    }
}

/// A value as the clerk wrote it.
struct Written {
    quantity: Quantity,
    unit: String,
    text: String,
}

impl Written {
    /// Whether it is a bare number (maybe with 余), with neither magnitude
    /// nor unit.
    fn is_bare(&self) -> bool {
        self.unit.is_empty() && !self.text.contains(['万', '亿'])
    }
}
