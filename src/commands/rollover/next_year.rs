//! The report a year on. The year moves on; figures keep their names,
//! units and magnitudes, with this year's values as last year's. The work
//! of next year starts from what this year promised: each plan with its
//! text, to report against; then this year's problems, to say how each was
//! addressed; then this year's work as a draft, each first-cited figure
//! with its year-over-year change. The highlights come over as a draft;
//! the shortcomings and plans are next year's to write. Every text that
//! came over is recorded with how it came, for its mark.

use std::collections::HashMap;

use crate::datafile::cite::{self, Cite};
use crate::datafile::model::{Circular, Figure, Part, Point, Report, Section, Text};
use crate::genre::kinds::Role;
use crate::genre::typography;

/// How a text came over from last year's file, which decides its mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carry {
    /// Last year's text, to rewrite for this year.
    Draft,
    /// Last year's plan, to report against.
    Promise,
    /// Last year's problem, to say how it was addressed.
    Problem,
}

/// The texts of the new report that came from the old file, by where they
/// start in it, with how they came.
pub type Carried = HashMap<usize, Carry>;

/// The report a year on, and what in it came from the old one.
pub fn next_year(old: &Report) -> (Report, Carried) {
    let mut next = NextYear {
        old,
        carried: HashMap::new(),
        figures_with_values: old
            .figures
            .iter()
            .filter(|f| f.value.is_some())
            .map(|f| f.name.as_str())
            .collect(),
    };
    let report = next.report();
    (report, next.carried)
}

struct NextYear<'a> {
    old: &'a Report,
    carried: Carried,
    figures_with_values: Vec<&'a str>,
}

impl NextYear<'_> {
    fn report(&mut self) -> Report {
        let old = self.old;
        let shift = |text: &Text| Text {
            value: shift_years(&text.value, old.year),
            span: text.span.clone(),
        };
        let sections = Role::ALL
            .iter()
            .filter_map(|&role| match role {
                Role::Work => Some(self.work()),
                Role::Highlights => old.section(role).map(|s| self.draft(s)),
                Role::Shortcomings | Role::Plans => old.section(role).map(|s| cleared(s, old.year)),
                Role::Duties | Role::Other => old.section(role).cloned(),
            })
            .collect();
        Report {
            year: old.year + 1,
            year_span: None,
            date: None,
            date_span: None,
            title: old.title.as_ref().map(shift),
            circular: old.circular.as_ref().map(|c| Circular {
                title: c.title.as_ref().map(shift),
                body: c.body.as_ref().map(shift),
            }),
            honours: Vec::new(),
            sections,
            figures: old.figures.iter().map(next_year_figure).collect(),
            ..old.clone()
        }
    }

    /// A text carried over: recorded, and for a draft, its first-cited
    /// figure followed by its change on the year.
    fn carry(&mut self, text: &Text, how: Carry) -> Text {
        if let Some(span) = &text.span {
            self.carried.insert(span.bytes.start, how);
        }
        let value = match how {
            Carry::Draft => add_year_over_year(&text.value, &self.figures_with_values),
            Carry::Promise | Carry::Problem => text.value.clone(),
        };
        Text {
            value,
            span: text.span.clone(),
        }
    }

    fn carry_part(&mut self, part: &Part, how: Carry) -> Part {
        Part {
            heading: part.heading.as_ref().map(|h| self.carry(h, how)),
            text: part.text.iter().map(|t| self.carry(t, how)).collect(),
            points: part
                .points
                .iter()
                .map(|p| self.carry_point(p, how))
                .collect(),
            parts: part.parts.iter().map(|p| self.carry_part(p, how)).collect(),
            ..part.clone()
        }
    }

    fn carry_point(&mut self, point: &Point, how: Carry) -> Point {
        Point {
            heading: point.heading.as_ref().map(|h| self.carry(h, how)),
            text: point.text.as_ref().map(|t| self.carry(t, how)),
        }
    }

    /// A section carried over as a draft to rewrite, its heading's years
    /// moved on.
    fn draft(&mut self, section: &Section) -> Section {
        let mut body = self.carry_part(&section.body, Carry::Draft);
        body.heading = section
            .body
            .heading
            .as_ref()
            .map(|h| Text::plain(shift_years(&h.value, self.old.year)));
        Section {
            body,
            ..section.clone()
        }
    }

    /// The work a year on: the plans to report against, the problems to
    /// say how each was addressed, then this year's work as a draft.
    fn work(&mut self) -> Section {
        let old_work = self.old.section(Role::Work);
        let mut parts = self.plan_stubs();
        parts.extend(self.shortcoming_checklist());
        let mut section = match old_work {
            Some(work) => self.draft(work),
            None => Section {
                role: Role::Work,
                body: Part::default(),
                thematic: false,
            },
        };
        parts.append(&mut section.body.parts);
        section.body.parts = parts;
        section
    }

    /// Each of this year's plans as a work part, with the plan's own text
    /// to report against.
    fn plan_stubs(&mut self) -> Vec<Part> {
        let Some(plans) = self.old.section(Role::Plans) else {
            return Vec::new();
        };
        let mut stubs: Vec<Part> = plans
            .body
            .parts
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| Part {
                run_in: None,
                points_split: None,
                ..self.carry_part(p, Carry::Promise)
            })
            .collect();
        for point in &plans.body.points {
            let point = self.carry_point(point, Carry::Promise);
            let (heading, text) = match (point.heading, point.text) {
                (Some(heading), text) => (heading, text),
                (None, Some(text)) => (text, None),
                (None, None) => continue,
            };
            stubs.push(Part {
                heading: Some(heading),
                text: text.into_iter().collect(),
                ..Part::default()
            });
        }
        stubs
    }

    /// This year's shortcomings, as the points of a part on how each was
    /// addressed.
    fn shortcoming_checklist(&mut self) -> Option<Part> {
        let shortcomings = self.old.section(Role::Shortcomings)?;
        let body = &shortcomings.body;
        let mut problems: Vec<Text> = body
            .parts
            .iter()
            .filter_map(|part| {
                let heading = part.heading.as_ref()?;
                let mut value = typography::as_sentence(&heading.value);
                for text in &part.text {
                    value.push_str(&text.value);
                }
                Some(Text {
                    value,
                    span: heading.span.clone(),
                })
            })
            .collect();
        problems.extend(
            body.points
                .iter()
                .filter_map(|p| p.text.clone().or_else(|| p.heading.clone())),
        );
        let points: Vec<Point> = problems
            .iter()
            .map(|text| Point {
                heading: None,
                text: Some(self.carry(text, Carry::Problem)),
            })
            .collect();
        (!points.is_empty()).then(|| Part {
            heading: Some(Text::plain(format!("{}年存在问题整改情况", self.old.year))),
            points,
            ..Part::default()
        })
    }
}

/// A figure a year on: its value to fill, this year's as last year's, in
/// the same unit and magnitude; a target carries over (most are set anew at
/// a similar level) with a note to check it.
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
/// “受理{援助受理}，” → “受理{援助受理}，{援助受理.同比}，”. A figure whose
/// change the text already cites gets none; last year's change written
/// out after the figure (“，同比增长6.8%”) is replaced by the computed one,
/// never left beside it.
pub fn add_year_over_year(text: &str, figures_with_values: &[&str]) -> String {
    let Ok(markers) = cite::find_markers(text) else {
        return text.to_string();
    };
    let changes_cited: Vec<&str> = markers
        .iter()
        .filter_map(|m| match &m.cite {
            Cite::Attribute(name, attribute) if is_change(attribute) => Some(name.as_str()),
            _ => None,
        })
        .collect();
    let first = markers.iter().find_map(|marker| match &marker.cite {
        Cite::Name(name)
            if figures_with_values.contains(&name.as_str())
                && !changes_cited.contains(&name.as_str())
                && text[marker.range.end..].starts_with(['，', '；', '。']) =>
        {
            Some((marker.range.end, name))
        }
        _ => None,
    });
    let Some((end, name)) = first else {
        return text.to_string();
    };
    let (written, attribute) = match written_change(&text[end..]) {
        Some((length, attribute)) => (length, attribute),
        None => (0, "同比"),
    };
    let mut out = text.to_string();
    out.replace_range(end..end + written, &format!("，{{{name}.{attribute}}}"));
    out
}

fn is_change(attribute: &str) -> bool {
    matches!(attribute, "同比" | "yoy" | "增减" | "change")
}

/// Last year's change written out at the start of `rest` (“，同比增长6.8%”,
/// “，较上年增加12件”, “，与上年持平”): its length in bytes and the
/// attribute that computes it.
fn written_change(rest: &str) -> Option<(usize, &'static str)> {
    let after_comma = rest.strip_prefix('，')?;
    let comma = rest.len() - after_comma.len();
    if let Some(tail) = after_comma.strip_prefix("与上年持平") {
        return Some((rest.len() - tail.len(), "同比"));
    }
    let words = [
        ("同比增长", "同比"),
        ("同比下降", "同比"),
        ("同比上升", "同比"),
        ("同比减少", "同比"),
        ("较上年增加", "增减"),
        ("较上年减少", "增减"),
        ("比上年增加", "增减"),
        ("比上年减少", "增减"),
    ];
    let (word, attribute) = words.iter().find(|(w, _)| after_comma.starts_with(*w))?;
    let number = &after_comma[word.len()..];
    let digits = number
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(number.len());
    if digits == 0 {
        return None;
    }
    let unit_end = match attribute {
        &"同比" => number[digits..].strip_prefix('%').map(|_| digits + 1)?,
        _ => {
            digits
                + number[digits..]
                    .chars()
                    .take_while(|c| typography::is_ideograph(*c) && !"，。；".contains(*c))
                    .take(2)
                    .map(char::len_utf8)
                    .sum::<usize>()
        }
    };
    Some((comma + word.len() + unit_end, attribute))
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
    fn year_over_year_follows_the_first_cited_figure_once() {
        let figures = ["受理", "办结"];
        let cases = [
            (
                "受理{受理}，办结{办结}，结案率{办结.比率}。",
                "受理{受理}，{受理.同比}，办结{办结}，结案率{办结.比率}。",
            ),
            ("共{受理}。", "共{受理}，{受理.同比}。"),
            ("共{其他}。", "共{其他}。"),
            (
                "受理{受理}，{受理.同比}，办结{办结}。",
                "受理{受理}，{受理.同比}，办结{办结}，{办结.同比}。",
            ),
            ("受理{受理}，{受理.增减}。", "受理{受理}，{受理.增减}。"),
            (
                "受理{受理}，同比增长6.8%，办结{办结}。",
                "受理{受理}，{受理.同比}，办结{办结}。",
            ),
            ("受理{受理}，较上年增加12件。", "受理{受理}，{受理.增减}。"),
            ("受理{受理}，与上年持平。", "受理{受理}，{受理.同比}。"),
        ];
        for (text, expected) in cases {
            assert_eq!(add_year_over_year(text, &figures), expected, "{text}");
        }
    }
}
