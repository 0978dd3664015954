//! `rollover`: next year's starting file from this year's. The year moves
//! on; figures keep their names and units, with this year's values as last
//! year's; this year's plans become next year's work checklist; text
//! carried over is marked until a person edits it. The file is edited in
//! place where it can be, so the clerk's comments and key order survive.

use std::collections::HashMap;
use std::ops::Range;

use crate::base::diagnostic::Diagnostics;
use crate::base::error::Error;
use crate::datafile::carried::mark;
use crate::datafile::cite::{self, Cite};
use crate::datafile::keys::{self, Key, Place};
use crate::datafile::load;
use crate::datafile::model::{Figure, Part, Point, Report, Section, Text};
use crate::datafile::write::{self, Annotate};
use crate::genre::kinds::Role;
use crate::genre::typography;
use crate::input::yaml::{self, Value};

/// Writes next year's data file from this year's `source`. Refuses a file
/// with errors, which `check` lists.
pub fn rollover(path: &str, source: &str) -> Result<String, Error> {
    let old = load::load_valid(path, source)?;
    let root =
        yaml::parse(source).map_err(|d| Error::Invalid(Diagnostics::new(path, source, vec![d])))?;
    let new = next_year(&old);
    let mut figure_comments = figure_comments(source, &root);
    for figure in old.figures.iter().filter(|f| f.target.is_some()) {
        let note = format!("目标沿用{}年的，请按{}年的任务核对", old.year, new.year);
        let entry = figure_comments.entry(figure.name.clone()).or_default();
        *entry = if entry.is_empty() {
            note
        } else {
            format!("{entry}\n{note}")
        };
    }
    let notes = CarryNotes {
        from: old.year,
        to: new.year,
        figure_comments,
    };
    let mut out = String::with_capacity(source.len() + 1024);
    let blocks = blocks(source, &root);
    out.push_str(&source[..blocks.first().map_or(source.len(), |b| b.comments.start)]);
    for block in &blocks {
        out.push_str(&roll_block(source, block, &old, &new, &notes));
        out.push_str(&source[block.tail.clone()]);
    }
    Ok(out)
}

/// The report a year on, as [`rollover`] writes it.
pub fn next_year(old: &Report) -> Report {
    let year = old.year + 1;
    let shift = |text: &Text| Text {
        value: shift_years(&text.value, old.year),
        span: text.span.clone(),
    };
    let sections = Role::ALL
        .iter()
        .filter_map(|&role| match role {
            Role::Work => Some(next_work(old)),
            Role::Highlights | Role::Shortcomings | Role::Plans => {
                old.section(role).map(|s| cleared(s, old.year))
            }
            Role::Duties | Role::Other => old.section(role).cloned(),
        })
        .collect();
    Report {
        year,
        year_span: None,
        date: None,
        title: old.title.as_ref().map(shift),
        circular: old
            .circular
            .as_ref()
            .map(|c| crate::datafile::model::Circular {
                title: c.title.as_ref().map(shift),
                body: c.body.as_ref().map(shift),
            }),
        honours: Vec::new(),
        sections,
        figures: old.figures.iter().map(next_year_figure).collect(),
        ..old.clone()
    }
}

/// A figure a year on: its value to fill, this year's as last year's; a
/// target carries over (most are set anew at a similar level) with a note
/// to check it.
fn next_year_figure(figure: &Figure) -> Figure {
    Figure {
        value: None,
        last_year: figure.value,
        span: None,
        value_span: None,
        ..figure.clone()
    }
}

/// A section whose content is next year's to write: its heading and
/// layout stay, its content goes.
fn cleared(section: &Section, old_year: i32) -> Section {
    let body = &section.body;
    Section {
        body: Part {
            heading: body
                .heading
                .as_ref()
                .map(|h| Text::plain(shift_years(&h.value, old_year))),
            run_in: body.run_in,
            points_split: body.points_split,
            ..Part::default()
        },
        ..section.clone()
    }
}

/// The work a year on: a stub for each of this year's plans to report
/// against, a checklist of this year's shortcomings to say how each was
/// addressed, then this year's work carried over to rewrite, each figure
/// it cites first followed by its year-over-year change.
fn next_work(old: &Report) -> Section {
    let figures_with_values: Vec<&str> = old
        .figures
        .iter()
        .filter(|f| f.value.is_some())
        .map(|f| f.name.as_str())
        .collect();
    let carry = |text: &Text| Text {
        value: add_year_over_year(&text.value, &figures_with_values),
        span: text.span.clone(),
    };
    let old_work = old.section(Role::Work);
    let mut parts = plan_stubs(old);
    parts.extend(shortcoming_checklist(old));
    let body = old_work.map(|w| &w.body);
    if let Some(body) = body {
        parts.extend(body.parts.iter().map(|p| carry_part(p, &carry)));
    }
    Section {
        role: Role::Work,
        thematic: old_work.is_some_and(|w| w.thematic),
        body: Part {
            heading: body
                .and_then(|b| b.heading.as_ref())
                .map(|h| Text::plain(shift_years(&h.value, old.year))),
            text: body
                .map(|b| b.text.iter().map(carry).collect())
                .unwrap_or_default(),
            points: body
                .map(|b| b.points.iter().map(|p| carry_point(p, &carry)).collect())
                .unwrap_or_default(),
            parts,
            run_in: body.and_then(|b| b.run_in),
            points_split: body.and_then(|b| b.points_split),
        },
    }
}

fn carry_part(part: &Part, carry: &dyn Fn(&Text) -> Text) -> Part {
    Part {
        heading: part.heading.clone(),
        text: part.text.iter().map(carry).collect(),
        points: part.points.iter().map(|p| carry_point(p, carry)).collect(),
        parts: part.parts.iter().map(|p| carry_part(p, carry)).collect(),
        ..part.clone()
    }
}

fn carry_point(point: &Point, carry: &dyn Fn(&Text) -> Text) -> Point {
    Point {
        heading: point.heading.clone(),
        text: point.text.as_ref().map(carry),
    }
}

/// Each of this year's plans as a work part with its heading only.
fn plan_stubs(old: &Report) -> Vec<Part> {
    let Some(plans) = old.section(Role::Plans) else {
        return Vec::new();
    };
    let from_parts = plans
        .body
        .parts
        .iter()
        .filter_map(|p| p.heading.clone().or_else(|| p.text.first().cloned()));
    let from_points = plans
        .body
        .points
        .iter()
        .filter_map(|p| p.heading.clone().or_else(|| p.text.clone()));
    from_parts
        .chain(from_points)
        .map(|heading| Part {
            heading: Some(heading),
            ..Part::default()
        })
        .collect()
}

/// This year's shortcomings, as the points of a part on how each was
/// addressed.
fn shortcoming_checklist(old: &Report) -> Option<Part> {
    let shortcomings = old.section(Role::Shortcomings)?;
    let body = &shortcomings.body;
    let from_parts = body.parts.iter().filter_map(|part| {
        let heading = part.heading.as_ref()?;
        let mut value = typography::as_sentence(&heading.value);
        for text in &part.text {
            value.push_str(&text.value);
        }
        Some(Text {
            value,
            span: heading.span.clone(),
        })
    });
    let from_points = body
        .points
        .iter()
        .filter_map(|p| p.text.clone().or_else(|| p.heading.clone()));
    let points: Vec<Point> = from_parts
        .chain(from_points)
        .map(|text| Point {
            heading: None,
            text: Some(text),
        })
        .collect();
    (!points.is_empty()).then(|| Part {
        heading: Some(Text::plain(format!("{}年存在问题整改情况", old.year))),
        points,
        ..Part::default()
    })
}

/// Moves the years of a title or fixed phrase on by one: the report year
/// becomes the next, and the next year the one after.
pub fn shift_years(text: &str, old_year: i32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('年') {
        let (before, after) = rest.split_at(at);
        let digits_start = before.len().saturating_sub(4);
        let year = before
            .get(digits_start..)
            .filter(|d| d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()))
            .filter(|_| !before[..digits_start].ends_with(|c: char| c.is_ascii_digit()))
            .and_then(|d| d.parse::<i32>().ok());
        match year {
            Some(year) if year == old_year || year == old_year + 1 => {
                out.push_str(&before[..digits_start]);
                out.push_str(&(year + 1).to_string());
            }
            _ => out.push_str(before),
        }
        out.push('年');
        rest = &after['年'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// After the first figure a text cites, its year-over-year change:
/// “受理{援助受理}，” → “受理{援助受理}，{援助受理.同比}，”.
pub fn add_year_over_year(text: &str, figures_with_values: &[&str]) -> String {
    let Ok(markers) = cite::find_markers(text) else {
        return text.to_string();
    };
    let first = markers.iter().find(|marker| {
        let cites_figure = matches!(&marker.cite, Cite::Name(name) if figures_with_values.contains(&name.as_str()));
        cites_figure && text[marker.range.end..].starts_with(['，', '；', '。'])
    });
    let Some(marker) = first else {
        return text.to_string();
    };
    let Cite::Name(name) = &marker.cite else {
        return text.to_string();
    };
    let mut out = text.to_string();
    out.insert_str(marker.range.end, &format!("，{{{name}.同比}}"));
    out
}

/// Marks carried-over text (text that came from the old file keeps its
/// place there) and keeps the comments the clerk wrote above figures.
struct CarryNotes {
    from: i32,
    to: i32,
    figure_comments: HashMap<String, String>,
}

impl Annotate for CarryNotes {
    fn note(&self, texts: &[&Text]) -> Option<String> {
        let carried: Vec<&Text> = texts.iter().copied().filter(|t| t.span.is_some()).collect();
        (!carried.is_empty()).then(|| mark(&carried, self.from, self.to))
    }

    fn figure_note(&self, name: &str) -> Option<String> {
        self.figure_comments.get(name).cloned()
    }
}

/// A top-level key's stretch of the file: the comment lines right above
/// it, the key with its value, and what follows up to the next key's
/// comments (blank lines, commented-out keys), which is kept as it is.
struct Block {
    key: Option<Key>,
    comments: Range<usize>,
    body: Range<usize>,
    tail: Range<usize>,
}

fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn blocks(source: &str, root: &yaml::Node) -> Vec<Block> {
    let Value::Map(entries) = &root.value else {
        return Vec::new();
    };
    let starts = line_starts(source);
    let lines = starts.len();
    let line_text = |line: usize| {
        let end = starts.get(line).copied().unwrap_or(source.len());
        &source[starts[line - 1]..end]
    };
    let offset = |line: usize| starts.get(line - 1).copied().unwrap_or(source.len());
    let key_lines: Vec<usize> = entries.iter().map(|(key, _)| key.span.line).collect();
    let first_lines: Vec<usize> = key_lines
        .iter()
        .map(|&key_line| {
            let mut first = key_line;
            while first > 1 && line_text(first - 1).starts_with('#') {
                first -= 1;
            }
            first
        })
        .collect();
    entries
        .iter()
        .enumerate()
        .map(|(i, (key, _))| {
            let key_line = key_lines[i];
            let next_first = first_lines.get(i + 1).copied().unwrap_or(lines + 1);
            let mut last = key_line;
            for line in key_line + 1..next_first.min(lines + 1) {
                let text = line_text(line);
                if text.starts_with([' ', '\t']) && !text.trim().is_empty() {
                    last = line;
                }
            }
            Block {
                key: keys::lookup(Place::Top, &key.name).map(|field| field.key),
                comments: offset(first_lines[i])..offset(key_line),
                body: offset(key_line)..offset(last + 1),
                tail: offset(last + 1)..offset(next_first),
            }
        })
        .collect()
}

/// The comment lines and body of a block, rolled over; the tail is added
/// by the caller as it was.
fn roll_block(
    source: &str,
    block: &Block,
    old: &Report,
    new: &Report,
    notes: &CarryNotes,
) -> String {
    let comments = &source[block.comments.clone()];
    let body = &source[block.body.clone()];
    match block.key {
        Some(Key::Year) => format!(
            "{comments}{}",
            body.replacen(&old.year.to_string(), &new.year.to_string(), 1)
        ),
        Some(Key::Date) => {
            format!("{comments}成文日期:    # 待填，如 {}-01-15\n", new.year + 1)
        }
        Some(Key::Title | Key::Circular | Key::Recipient | Key::Signature) => {
            shift_years(&format!("{comments}{body}"), old.year)
        }
        Some(Key::Opening | Key::Duties | Key::Other) => {
            let carried = texts_within(old, block.body.clone());
            if carried.is_empty() {
                return format!("{comments}{body}");
            }
            format!("{comments}# {}\n{body}", mark(&carried, old.year, new.year))
        }
        Some(Key::Honours) => format!("{comments}# 荣誉:\n#   - ……（{}年获得的表彰）\n", new.year),
        Some(key @ (Key::Work | Key::Highlights | Key::Shortcomings | Key::Plans)) => {
            let role = key.role().unwrap_or(Role::Work);
            let written = write::section_block(new, role, notes);
            format!("{comments}{}", content_of(&written))
        }
        Some(Key::Figures) => {
            let written = write::figures_block(new, notes);
            format!("{comments}{}", content_of(&written))
        }
        _ => format!("{comments}{body}"),
    }
}

/// A block as the data-file writer writes it, without its help comment
/// (the file's own comments are kept instead) and the blank line after it.
fn content_of(written: &str) -> String {
    let mut rest = written;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    format!("{}\n", rest.trim_end_matches('\n'))
}

/// The texts of `report` written inside `range` of the file, in file order.
fn texts_within(report: &Report, range: Range<usize>) -> Vec<&Text> {
    let mut texts: Vec<&Text> = report
        .texts()
        .into_iter()
        .map(|p| p.text)
        .filter(|t| {
            t.span
                .as_ref()
                .is_some_and(|s| range.contains(&s.bytes.start))
        })
        .collect();
    texts.sort_by_key(|t| t.span.as_ref().map(|s| s.bytes.start));
    texts
}

/// Comments written directly above each figure in the `数据` block.
fn figure_comments(source: &str, root: &yaml::Node) -> HashMap<String, String> {
    let Value::Map(entries) = &root.value else {
        return HashMap::new();
    };
    let Some((_, figures)) = entries.iter().find(|(key, _)| {
        keys::lookup(Place::Top, &key.name).is_some_and(|f| f.key == Key::Figures)
    }) else {
        return HashMap::new();
    };
    let Value::Map(figures) = &figures.value else {
        return HashMap::new();
    };
    let lines: Vec<&str> = source.lines().collect();
    figures
        .iter()
        .filter_map(|(key, _)| {
            let mut first = key.span.line - 1;
            while first > 0
                && lines[first - 1].trim_start().starts_with('#')
                && lines[first - 1].starts_with(' ')
            {
                first -= 1;
            }
            let comments: Vec<&str> = lines[first..key.span.line - 1]
                .iter()
                .map(|l| l.trim_start().trim_start_matches('#').trim_start())
                .collect();
            (!comments.is_empty()).then(|| (key.name.trim().to_string(), comments.join("\n")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_shift_by_one_in_titles_and_fixed_phrases() {
        let cases = [
            ("2022年全市司法行政工作总结", "2023年全市司法行政工作总结"),
            ("做好2023年各项工作", "做好2024年各项工作"),
            (
                "（2021-2025年）规划和2022年度报告",
                "（2021-2025年）规划和2023年度报告",
            ),
            ("12022年", "12022年"),
            ("做好{下一年度}年工作", "做好{下一年度}年工作"),
        ];
        for (text, expected) in cases {
            assert_eq!(shift_years(text, 2022), expected, "{text}");
        }
    }

    #[test]
    fn year_over_year_follows_the_first_cited_figure() {
        let figures = ["受理", "办结"];
        assert_eq!(
            add_year_over_year("受理{受理}，办结{办结}，结案率{办结.比率}。", &figures),
            "受理{受理}，{受理.同比}，办结{办结}，结案率{办结.比率}。"
        );
        assert_eq!(
            add_year_over_year("共{受理}。", &figures),
            "共{受理}，{受理.同比}。"
        );
        assert_eq!(add_year_over_year("共{其他}。", &figures), "共{其他}。");
    }
}
