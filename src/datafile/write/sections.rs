//! Sections, parts and points as a written data file holds them: a part
//! that is only a heading as a bare list item, otherwise a mapping whose
//! first key follows the dash.

use super::{Writer, item, paragraph_block, paragraph_lines, scalar, yes_no};
use crate::datafile::keys::{self, Key, Place};
use crate::datafile::model::{Attachment, Part, Point, Report, Section, Text};
use crate::genre::kinds::Role;

/// The Chinese name of a key of an attachment.
fn attachment_key(key: Key) -> &'static str {
    keys::name(Place::Attachment, key)
}

/// The Chinese name of a key of a part.
fn part_key(key: Key) -> &'static str {
    keys::name(Place::Part, key)
}

impl Writer<'_> {
    pub(super) fn section(&mut self, report: &Report, role: Role) {
        let key = Key::of_role(role);
        let field = keys::field_at(Place::Top, key);
        if report.section(role).is_none() && !field.kinds.include(report.kind) {
            return;
        }
        self.comment(0, &keys::comment(key));
        let name = field.chinese;
        let stub = [
            format!("# {}:", part_key(Key::Parts)),
            format!("#   - {}: ……", part_key(Key::Title)),
            format!("#     {}: ……", part_key(Key::Text)),
        ];
        match report.section(role) {
            Some(section) if section.body.has_content() => self.section_body(name, section),
            Some(section) => {
                self.section_body(name, section);
                stub.iter().for_each(|line| self.line(1, line));
            }
            None => {
                self.line(0, &format!("# {name}:"));
                stub[1..].iter().for_each(|line| self.line(0, line));
            }
        }
        self.blank();
    }

    fn section_body(&mut self, name: &str, section: &Section) {
        let body = &section.body;
        let key = |key| keys::name(Place::Work, key);
        self.line(0, &format!("{name}:"));
        if let Some(heading) = &body.heading {
            self.scalar(1, key(Key::Title), heading);
        }
        if section.thematic {
            self.line(1, &format!("{}: 是", key(Key::Thematic)));
        }
        self.part_flags(1, body);
        if !body.text.is_empty() {
            self.paragraphs(1, key(Key::Intro), &body.text);
        }
        self.points(1, &body.points);
        self.parts(1, &body.parts);
    }

    fn part_flags(&mut self, depth: usize, part: &Part) {
        for (key, flag) in [
            (Key::RunIn, part.run_in),
            (Key::PointsSplit, part.points_split),
        ] {
            if let Some(flag) = flag {
                self.line(depth, &format!("{}: {}", part_key(key), yes_no(flag)));
            }
        }
    }

    fn parts(&mut self, depth: usize, parts: &[Part]) {
        if parts.is_empty() {
            return;
        }
        self.line(depth, &format!("{}:", part_key(Key::Parts)));
        for part in parts {
            self.part(depth + 1, part);
        }
    }

    /// A part as a list item: a bare string when it is only a heading,
    /// otherwise a mapping whose first key follows the dash.
    fn part(&mut self, depth: usize, part: &Part) {
        let heading_only = part.text.is_empty()
            && part.points.is_empty()
            && part.parts.is_empty()
            && part.run_in.is_none()
            && part.points_split.is_none();
        let texts: Vec<&Text> = part.heading.iter().chain(&part.text).collect();
        self.note_for(depth, &texts);
        if let (Some(heading), true) = (&part.heading, heading_only) {
            self.line(depth, &format!("- {}", item(&heading.value)));
            return;
        }
        let entries = part_entries(depth, part);
        for (i, entry) in entries.iter().enumerate() {
            let prefix = if i == 0 { "- " } else { "  " };
            let mut lines = entry.lines();
            if let Some(first) = lines.next() {
                self.line(depth, &format!("{prefix}{first}"));
            }
            for line in lines {
                self.out.push_str(line);
                self.out.push('\n');
            }
        }
        self.points(depth + 1, &part.points);
        self.parts(depth + 1, &part.parts);
    }

    /// An attachment as a list item: its name alone, or a mapping with
    /// its name, title and content.
    pub(super) fn attachment(&mut self, depth: usize, attachment: &Attachment) {
        self.note_for(depth, &[&attachment.name]);
        let name = scalar(&attachment.name.value);
        if attachment.title.is_none() && attachment.body.is_none() {
            self.line(depth, &format!("- {}", item(&attachment.name.value)));
            return;
        }
        self.line(depth, &format!("- {}: {name}", attachment_key(Key::Name)));
        if let Some(title) = &attachment.title {
            let title = scalar(&title.value);
            self.line(depth, &format!("  {}: {title}", attachment_key(Key::Title)));
        }
        let Some(body) = &attachment.body else {
            return;
        };
        let untitled = Part {
            heading: None,
            ..body.clone()
        };
        let entries = part_entries(depth, &untitled);
        for entry in entries.iter().filter(|e| !e.ends_with(": ~")) {
            let mut lines = entry.lines();
            if let Some(first) = lines.next() {
                self.line(depth, &format!("  {first}"));
            }
            for line in lines {
                self.out.push_str(line);
                self.out.push('\n');
            }
        }
        self.points(depth + 1, &body.points);
        self.parts(depth + 1, &body.parts);
    }

    fn points(&mut self, depth: usize, points: &[Point]) {
        if points.is_empty() {
            return;
        }
        let key = |key| keys::name(Place::Point, key);
        self.line(depth, &format!("{}:", part_key(Key::Points)));
        for point in points {
            match (&point.heading, &point.text) {
                (Some(heading), Some(text)) => {
                    self.note_for(depth + 1, &[heading, text]);
                    let heading = scalar(&heading.value);
                    self.line(depth + 1, &format!("- {}: {heading}", key(Key::Title)));
                    let text = scalar(&text.value);
                    self.line(depth + 1, &format!("  {}: {text}", key(Key::Text)));
                }
                (Some(only), None) | (None, Some(only)) => {
                    self.note_for(depth + 1, &[only]);
                    self.line(depth + 1, &format!("- {}", item(&only.value)));
                }
                (None, None) => {}
            }
        }
    }
}

/// The entries of a part written as a mapping, before its points and
/// sub-parts: heading, layout flags, text (a block may span lines).
fn part_entries(depth: usize, part: &Part) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    entries.extend(
        part.heading
            .iter()
            .map(|h| format!("{}: {}", part_key(Key::Title), scalar(&h.value))),
    );
    for (key, flag) in [
        (Key::RunIn, part.run_in),
        (Key::PointsSplit, part.points_split),
    ] {
        entries.extend(flag.map(|f| format!("{}: {}", part_key(key), yes_no(f))));
    }
    if !part.text.is_empty() {
        let block = paragraph_block(&part.text);
        let lines = paragraph_lines(depth + 2, &part.text);
        let text = format!("{}:{block}\n{lines}", part_key(Key::Text));
        entries.push(text.trim_end().to_string());
    }
    if entries.is_empty() {
        entries.push(format!("{}: ~", part_key(Key::Title)));
    }
    entries
}
