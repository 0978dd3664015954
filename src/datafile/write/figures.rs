//! The `数据` block: a figure with only a value in the short form
//! (`受理: 1899件`), any other key by key.

use super::{Writer, scalar};
use crate::datafile::keys::{self, Key, Place};
use crate::datafile::model::{Figure, Report};
use crate::genre::quantity::{Magnitude, Quantity};

impl Writer<'_> {
    pub(super) fn figures(&mut self, report: &Report) {
        self.comment(0, &keys::comment(Key::Figures));
        let key = keys::name(Place::Top, Key::Figures);
        if report.figures.is_empty() {
            self.line(0, &format!("# {key}:"));
            let example = keys::field_at(Place::Top, Key::Figures).example;
            self.line(0, &format!("#   {example}"));
            return;
        }
        self.line(0, &format!("{key}:"));
        for figure in &report.figures {
            self.figure(figure);
        }
    }

    fn figure(&mut self, figure: &Figure) {
        if let Some(note) = self.notes.figure_note(&figure.name) {
            self.comment(1, &note);
        }
        let name = scalar(&figure.name);
        let simple =
            figure.target.is_none() && figure.last_year.is_none() && figure.part_of.is_none();
        match figure.value {
            Some(value) if simple => {
                let value = scalar(&value.with_unit(&figure.unit));
                self.line(1, &format!("{name}: {value}"));
            }
            _ => self.figure_fields(&name, figure),
        }
    }

    fn figure_fields(&mut self, name: &str, figure: &Figure) {
        let key = |key| keys::name(Place::Figure, key);
        let number = |value: &Quantity| number(value, figure.magnitude);
        self.line(1, &format!("{name}:"));
        match figure.value {
            Some(value) => self.line(2, &format!("{}: {}", key(Key::Value), number(&value))),
            None => self.line(2, &format!("{}:    # 待填", key(Key::Value))),
        }
        let unit = scalar(&figure.unit_with_magnitude());
        self.line(2, &format!("{}: {unit}", key(Key::Unit)));
        for (field, value) in [
            (Key::Target, figure.target),
            (Key::LastYear, figure.last_year),
        ] {
            if let Some(value) = value {
                self.line(2, &format!("{}: {}", key(field), number(&value)));
            }
        }
        if let Some(whole) = &figure.part_of {
            let whole = scalar(&whole.value);
            self.line(2, &format!("{}: {whole}", key(Key::PartOf)));
        }
    }
}

/// A value as a clerk types it beside the figure's `单位`, in its
/// `magnitude`: exact, the bare number (`7887.8` beside 万元); rounded,
/// with its own magnitude and 余 (`1.2万余`).
pub fn as_typed(value: &Quantity, magnitude: Magnitude) -> String {
    if value.is_rounded() {
        value.with_unit("")
    } else {
        value.in_magnitude(magnitude).number.to_string()
    }
}

/// A value beside `单位` in the figure's `magnitude`: an exact one as the
/// bare number in that magnitude (`上年: 7887.8` beside `单位: 万元`); a
/// rounded one with its own magnitude and 余 (`上年: 1.2万余`), which the
/// loader reads back as written. The loader reads a figure's value as
/// written, so a number needs no quotes.
fn number(value: &Quantity, magnitude: Magnitude) -> String {
    let text = as_typed(value, magnitude);
    if text
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        text
    } else {
        scalar(&text)
    }
}
