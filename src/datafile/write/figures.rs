//! The `数据` block: a figure with only a value in the short form
//! (`受理: 1899件`), any other key by key.

use super::{Writer, scalar};
use crate::datafile::keys::{self, Key, Place};
use crate::datafile::model::{Figure, Report};
use crate::genre::quantity::Quantity;

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
        self.line(1, &format!("{name}:"));
        match figure.value {
            Some(value) => self.line(2, &format!("{}: {}", key(Key::Value), number(&value))),
            None => self.line(2, &format!("{}:    # 待填", key(Key::Value))),
        }
        self.line(2, &format!("{}: {}", key(Key::Unit), scalar(&figure.unit)));
        for (field, value) in [
            (Key::Target, figure.target),
            (Key::LastYear, figure.last_year),
        ] {
            if let Some(value) = value {
                self.line(2, &format!("{}: {}", key(field), number(&value)));
            }
        }
        if let Some(whole) = &figure.part_of {
            self.line(
                2,
                &format!("{}: {}", key(Key::PartOf), scalar(&whole.value)),
            );
        }
    }
}

/// A value without its unit (`1899`, `1.2万余`), bare: the loader reads a
/// figure's value as written, so a number needs no quotes.
fn number(value: &Quantity) -> String {
    let text = value.with_unit("");
    if text
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        text
    } else {
        scalar(&text)
    }
}
