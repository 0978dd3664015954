//! Edits a person makes to a data file through a form rather than its
//! text: a heading, a paragraph, the points of a part, a part added,
//! moved or deleted, a figure's value. Each is applied to the report, and
//! only the top-level block it changes is written again; every other block
//! keeps its text, its comments and its place, and in the block written
//! again the carried-over marks of texts not changed are kept, as are the
//! comments above figures.

use std::collections::HashMap;

use serde::Deserialize;

use crate::base::error::Error;
use crate::datafile::blocks::{blocks, content_of, figure_comments};
use crate::datafile::carried::{fingerprint, mark, parse_mark_note};
use crate::datafile::keys::{self, Key, Place};
use crate::datafile::load;
use crate::datafile::model::{Figure, Part, Point, Report, Section, Text};
use crate::datafile::write::{self, Annotate};
use crate::genre::kinds::Role;
use crate::genre::quantity::{Magnitude, Quantity};
use crate::input::yaml;

/// One edit, as the workbench sends it.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// A text at the top of the report: its title, 主送机关, 署名 or
    /// opening (paragraphs, one a line). Empty removes it.
    SetTop {
        /// Which text.
        field: TopField,
        /// The new text.
        value: String,
    },
    /// A section's own heading or lead-in.
    SetSection {
        /// The section, by role id (`work`, `plans`…).
        role: String,
        /// Which text.
        field: SectionField,
        /// The new text; empty removes it.
        value: String,
    },
    /// A part's heading or text (paragraphs, one a line).
    SetPart {
        /// The section, by role id.
        role: String,
        /// The part: its index in the section, then in each sub-part.
        path: Vec<usize>,
        /// Which text.
        field: PartField,
        /// The new text; empty removes it.
        value: String,
    },
    /// A part's points (一是…二是…), each with its heading if any.
    SetPoints {
        /// The section, by role id.
        role: String,
        /// The part.
        path: Vec<usize>,
        /// The points in order; empty ones are dropped.
        points: Vec<PointText>,
    },
    /// A new part with `heading` at `index` among the parts at `path`
    /// (empty: the section's own parts).
    AddPart {
        /// The section, by role id.
        role: String,
        /// The parent part; empty for the section.
        path: Vec<usize>,
        /// Where among its parts.
        index: usize,
        /// The new part's heading.
        heading: String,
    },
    /// The part at `path` removed.
    DeletePart {
        /// The section, by role id.
        role: String,
        /// The part.
        path: Vec<usize>,
    },
    /// The part at `path` moved up (`-1`) or down (`1`) among its siblings.
    MovePart {
        /// The section, by role id.
        role: String,
        /// The part.
        path: Vec<usize>,
        /// How far, and which way.
        delta: i64,
    },
    /// One field of a figure, as a clerk types it (`8100`, `8100万元`, `件`).
    SetFigure {
        /// The figure.
        name: String,
        /// Which field.
        field: FigureField,
        /// The new value; empty clears it.
        value: String,
    },
    /// A new figure, with its value as written (`1899件`), or none yet.
    AddFigure {
        /// Its name.
        name: String,
        /// Its value, possibly empty.
        value: String,
    },
    /// The figure called `name` removed.
    RemoveFigure {
        /// Its name.
        name: String,
    },
}

/// A text at the top of the report.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TopField {
    /// 标题.
    Title,
    /// 主送机关.
    Recipient,
    /// 署名.
    Signature,
    /// 开头.
    Opening,
}

/// A section's own texts.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SectionField {
    /// 标题.
    Heading,
    /// 引言.
    Intro,
}

/// A part's texts.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PartField {
    /// 标题.
    Heading,
    /// 正文.
    Text,
}

/// One point of a part as a form holds it.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct PointText {
    /// Its heading (抓实理论学习), possibly empty.
    #[serde(default)]
    pub heading: String,
    /// Its text, possibly empty.
    #[serde(default)]
    pub text: String,
}

/// A figure's fields.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FigureField {
    /// 值.
    Value,
    /// 单位.
    Unit,
    /// 目标.
    Target,
    /// 上年.
    LastYear,
    /// 属于.
    PartOf,
}

/// `source` with `edit` made. A file with errors is refused: its text is
/// to be mended first; so is an edit that names nothing in the report.
pub fn apply(path: &str, source: &str, edit: &Edit) -> Result<String, Error> {
    let mut report = load::load_valid(path, source)?;
    let key = change(&mut report, edit)?;
    let root = yaml::parse(source).map_err(|d| {
        Error::Invalid(crate::base::diagnostic::Diagnostics::new(
            path,
            source,
            vec![d],
        ))
    })?;
    let notes = KeepNotes::of(source, &root);
    let written = written_block(&report, key, &notes);
    Ok(replace_block(source, &root, key, &written))
}

/// Makes `edit` on `report`; the top-level key whose block it changes.
fn change(report: &mut Report, edit: &Edit) -> Result<Key, Error> {
    match edit {
        Edit::SetTop { field, value } => Ok(set_top(report, *field, value)),
        Edit::SetSection { role, field, value } => {
            let role = role_of(role)?;
            let body = &mut section(report, role).body;
            match field {
                SectionField::Heading => body.heading = one_line(value),
                SectionField::Intro => body.text = paragraphs(value),
            }
            Ok(Key::of_role(role))
        }
        Edit::SetPart {
            role,
            path,
            field,
            value,
        } => {
            let role = role_of(role)?;
            let part = part_mut(&mut section(report, role).body, path)?;
            match field {
                PartField::Heading => part.heading = one_line(value),
                PartField::Text => part.text = paragraphs(value),
            }
            Ok(Key::of_role(role))
        }
        Edit::SetPoints { role, path, points } => {
            let role = role_of(role)?;
            let part = part_mut(&mut section(report, role).body, path)?;
            part.points = points
                .iter()
                .map(|p| Point {
                    heading: one_line(&p.heading),
                    text: one_line(&p.text),
                })
                .filter(|p| p.heading.is_some() || p.text.is_some())
                .collect();
            Ok(Key::of_role(role))
        }
        Edit::AddPart {
            role,
            path,
            index,
            heading,
        } => {
            let role = role_of(role)?;
            let parent = part_mut(&mut section(report, role).body, path)?;
            let at = (*index).min(parent.parts.len());
            parent.parts.insert(
                at,
                Part {
                    heading: one_line(heading),
                    ..Part::default()
                },
            );
            Ok(Key::of_role(role))
        }
        Edit::DeletePart { role, path } => {
            let role = role_of(role)?;
            let (parent, index) = parent_of(&mut section(report, role).body, path)?;
            parent.parts.remove(index);
            Ok(Key::of_role(role))
        }
        Edit::MovePart { role, path, delta } => {
            let role = role_of(role)?;
            let (parent, index) = parent_of(&mut section(report, role).body, path)?;
            let target = index as i64 + delta;
            if target < 0 || target >= parent.parts.len() as i64 {
                return Err(Error::Usage("这一项已经在最前面或最后面了".into()));
            }
            let part = parent.parts.remove(index);
            parent.parts.insert(target as usize, part);
            Ok(Key::of_role(role))
        }
        Edit::SetFigure { name, field, value } => {
            let figure = figure_mut(report, name)?;
            set_figure(figure, *field, value)?;
            Ok(Key::Figures)
        }
        Edit::AddFigure { name, value } => {
            if let Some(problem) = crate::datafile::cite::name_problem(name.trim()) {
                return Err(Error::Usage(problem));
            }
            if report.figure(name.trim()).is_some() {
                return Err(Error::Usage(format!("已经有名为“{}”的数据", name.trim())));
            }
            let mut figure = Figure {
                name: name.trim().to_string(),
                value: None,
                unit: String::new(),
                magnitude: Magnitude::One,
                target: None,
                last_year: None,
                part_of: None,
                span: None,
                value_span: None,
            };
            if !value.trim().is_empty() {
                let (quantity, unit) = parsed(value)?;
                figure.magnitude = quantity.magnitude;
                figure.unit = unit;
                figure.value = Some(quantity);
            }
            report.figures.push(figure);
            Ok(Key::Figures)
        }
        Edit::RemoveFigure { name } => {
            let before = report.figures.len();
            report.figures.retain(|f| f.name != *name);
            if report.figures.len() == before {
                return Err(no_figure(name));
            }
            Ok(Key::Figures)
        }
    }
}

fn set_top(report: &mut Report, field: TopField, value: &str) -> Key {
    match field {
        TopField::Title => {
            report.title = one_line(value);
            Key::Title
        }
        TopField::Recipient => {
            report.recipient = one_line(value);
            Key::Recipient
        }
        TopField::Signature => {
            report.signature = one_line(value);
            Key::Signature
        }
        TopField::Opening => {
            report.opening = paragraphs(value);
            Key::Opening
        }
    }
}

fn role_of(id: &str) -> Result<Role, Error> {
    Role::from_id(id).ok_or_else(|| Error::Usage(format!("没有“{id}”这一章")))
}

/// The section with `role`, made (empty, in report order) when missing.
fn section(report: &mut Report, role: Role) -> &mut Section {
    if report.section(role).is_none() {
        let at = report
            .sections
            .iter()
            .position(|s| {
                Role::ALL.iter().position(|r| *r == s.role)
                    > Role::ALL.iter().position(|r| *r == role)
            })
            .unwrap_or(report.sections.len());
        report.sections.insert(
            at,
            Section {
                role,
                body: Part::default(),
                thematic: false,
            },
        );
    }
    report
        .sections
        .iter_mut()
        .find(|s| s.role == role)
        .expect("the section was just made")
}

fn part_mut<'p>(body: &'p mut Part, path: &[usize]) -> Result<&'p mut Part, Error> {
    let mut part = body;
    for &index in path {
        part = part.parts.get_mut(index).ok_or_else(no_part)?;
    }
    Ok(part)
}

/// The parent of the part at `path`, and the part's index in it.
fn parent_of<'p>(body: &'p mut Part, path: &[usize]) -> Result<(&'p mut Part, usize), Error> {
    let (&index, parent_path) = path.split_last().ok_or_else(no_part)?;
    let parent = part_mut(body, parent_path)?;
    if index >= parent.parts.len() {
        return Err(no_part());
    }
    Ok((parent, index))
}

fn no_part() -> Error {
    Error::Usage("找不到这一项；文件可能已在别处修改，请重新载入".into())
}

fn no_figure(name: &str) -> Error {
    Error::Usage(format!("没有名为“{name}”的数据"))
}

fn figure_mut<'r>(report: &'r mut Report, name: &str) -> Result<&'r mut Figure, Error> {
    report
        .figures
        .iter_mut()
        .find(|f| f.name == name)
        .ok_or_else(|| no_figure(name))
}

/// A field of a figure as a clerk types it, with the loader's rules: a
/// bare number takes the figure's magnitude, a unit must be the figure's.
fn set_figure(figure: &mut Figure, field: FigureField, value: &str) -> Result<(), Error> {
    let value = value.trim();
    match field {
        FigureField::Unit => {
            let (magnitude, unit) = Magnitude::split_unit(value);
            figure.magnitude = magnitude;
            figure.unit = unit.to_string();
        }
        FigureField::PartOf => figure.part_of = one_line(value),
        FigureField::Value | FigureField::Target | FigureField::LastYear => {
            let quantity = if value.is_empty() {
                None
            } else {
                Some(in_figure(figure, value)?)
            };
            match field {
                FigureField::Value => figure.value = quantity,
                FigureField::Target => figure.target = quantity,
                _ => figure.last_year = quantity,
            }
        }
    }
    Ok(())
}

fn parsed(value: &str) -> Result<(Quantity, String), Error> {
    Quantity::parse(value).map_err(|problem| Error::Usage(format!("“{value}”{problem}")))
}

fn in_figure(figure: &Figure, value: &str) -> Result<Quantity, Error> {
    let (mut quantity, unit) = parsed(value)?;
    if !unit.is_empty() && unit != figure.unit && !figure.unit.is_empty() {
        return Err(Error::Usage(format!(
            "“{value}”的单位“{unit}”与数据“{}”的单位“{}”不一致",
            figure.name,
            figure.unit_with_magnitude()
        )));
    }
    if unit.is_empty() && !value.contains(['万', '亿']) {
        quantity.magnitude = figure.magnitude;
    }
    Ok(quantity)
}

fn one_line(value: &str) -> Option<Text> {
    let value = value.trim();
    (!value.is_empty()).then(|| Text::plain(value))
}

fn paragraphs(value: &str) -> Vec<Text> {
    value
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(Text::plain)
        .collect()
}

/// The block of `key` as the writer makes it, without its help comment.
fn written_block(report: &Report, key: Key, notes: &dyn Annotate) -> String {
    let written = match key {
        Key::Figures => write::figures_block(report, notes),
        key => match key.role() {
            Some(role) => write::section_block(report, role, notes),
            None => write::text_block(report, key, notes),
        },
    };
    if written.trim().is_empty() {
        String::new()
    } else {
        content_of(&written)
    }
}

/// `source` with the body of `key`'s block replaced by `written` (and
/// its comments dropped when nothing is written); a key not yet in the
/// file goes where the data file's order puts it.
fn replace_block(source: &str, root: &yaml::Node, key: Key, written: &str) -> String {
    let blocks = blocks(source, root);
    let (range, written) = match blocks.iter().find(|b| b.key == Some(key)) {
        Some(block) if written.is_empty() => (block.comments.start..block.body.end, ""),
        Some(block) => (block.body.clone(), written),
        None => {
            let order = |key: Key| keys::fields(Place::Top).iter().position(|f| f.key == key);
            let later = blocks
                .iter()
                .find(|b| b.key.is_some_and(|k| order(k) > order(key)));
            let at = later.map_or(source.len(), |b| b.comments.start);
            (at..at, written)
        }
    };
    let mut out = String::with_capacity(source.len() + written.len());
    out.push_str(&source[..range.start]);
    if range.is_empty() && !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(written);
    out.push_str(&source[range.end..]);
    out
}

/// What the block written again keeps of the old file: the marks on texts
/// carried over and not changed, and the comments above figures.
struct KeepNotes {
    /// A mark's note by the fingerprint of each text it covers.
    marks: HashMap<String, String>,
    figure_comments: HashMap<String, String>,
}

impl KeepNotes {
    fn of(source: &str, root: &yaml::Node) -> KeepNotes {
        let mut marks = HashMap::new();
        for line in source.lines() {
            if let Some((prints, note)) = parse_mark_note(line) {
                for print in prints {
                    marks.insert(print.to_string(), note.to_string());
                }
            }
        }
        KeepNotes {
            marks,
            figure_comments: figure_comments(source, root),
        }
    }
}

impl Annotate for KeepNotes {
    fn note(&self, texts: &[&Text]) -> Option<String> {
        let marked: Vec<&Text> = texts
            .iter()
            .copied()
            .filter(|t| self.marks.contains_key(&fingerprint(&t.value)))
            .collect();
        let first = marked.first()?;
        let note = &self.marks[&fingerprint(&first.value)];
        Some(mark(&marked, note))
    }

    fn figure_note(&self, name: &str) -> Option<String> {
        self.figure_comments.get(name).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# 办公室维护\n单位: 甲县司法局\n年度: 2025\n类型: 工作总结\n# 开头由主任审定\n开头: 一年来成效明显。\n工作:\n  部分:\n    - 标题: 加强队伍建设\n      正文: 开展培训{培训}。\n    - 标题: 优化法律服务\n      正文: 受理案件{受理}。\n# 打算待定\n打算:\n  部分:\n    - 推进法治建设\n数据:\n  # 口径含线上\n  培训: 12次\n  受理: {值: 7887.8, 单位: 万元}\n";

    fn edited(edit: Edit) -> String {
        apply("data.yaml", FILE, &edit).unwrap()
    }

    #[test]
    fn a_heading_edit_rewrites_only_its_section() {
        let out = edited(Edit::SetPart {
            role: "work".into(),
            path: vec![1],
            field: PartField::Heading,
            value: "优化公共法律服务".into(),
        });
        assert!(out.contains("    - 标题: 优化公共法律服务\n"), "{out}");
        for kept in [
            "# 办公室维护\n",
            "# 开头由主任审定\n开头: 一年来成效明显。\n",
            "# 打算待定\n打算:\n",
            "  # 口径含线上\n",
        ] {
            assert!(out.contains(kept), "{kept} lost:\n{out}");
        }
        let report = load::load(&out).report.unwrap();
        assert_eq!(report.year, 2025);
    }

    #[test]
    fn parts_move_and_the_file_reads_back() {
        let out = edited(Edit::MovePart {
            role: "work".into(),
            path: vec![1],
            delta: -1,
        });
        let report = load::load(&out).report.unwrap();
        let headings: Vec<String> = report
            .section(Role::Work)
            .unwrap()
            .body
            .parts
            .iter()
            .map(|p| p.heading.as_ref().unwrap().value.clone())
            .collect();
        assert_eq!(headings, ["优化法律服务", "加强队伍建设"]);
        let refused = apply(
            "data.yaml",
            FILE,
            &Edit::MovePart {
                role: "work".into(),
                path: vec![0],
                delta: -1,
            },
        );
        assert!(refused.is_err());
    }

    #[test]
    fn a_bare_value_takes_the_figures_magnitude_and_comments_stay() {
        let out = edited(Edit::SetFigure {
            name: "受理".into(),
            field: FigureField::Value,
            value: "8100".into(),
        });
        let report = load::load(&out).report.unwrap();
        assert_eq!(
            report.figure("受理").unwrap().formatted_value().unwrap(),
            "8100万元"
        );
        assert!(out.contains("  # 口径含线上\n  培训: 12次\n"), "{out}");
        let wrong = apply(
            "data.yaml",
            FILE,
            &Edit::SetFigure {
                name: "受理".into(),
                field: FigureField::Value,
                value: "12人".into(),
            },
        );
        assert!(
            wrong
                .unwrap_err()
                .to_string()
                .contains("单位“人”与数据“受理”的单位“万元”不一致")
        );
    }

    #[test]
    fn a_part_added_to_a_missing_section_makes_the_section() {
        let out = edited(Edit::AddPart {
            role: "highlights".into(),
            path: vec![],
            index: 0,
            heading: "调解进网格".into(),
        });
        let report = load::load(&out).report.unwrap();
        let highlights = report.section(Role::Highlights).unwrap();
        assert_eq!(
            highlights.body.parts[0].heading.as_ref().unwrap().value,
            "调解进网格"
        );
    }

    #[test]
    fn marks_of_unchanged_carried_texts_are_kept() {
        let marked = FILE.replace(
            "    - 标题: 优化法律服务\n",
            &format!(
                "    # {}\n    - 标题: 优化法律服务\n",
                mark(
                    &[
                        &Text::plain("优化法律服务"),
                        &Text::plain("受理案件{受理}。")
                    ],
                    "沿用自2024年的文字"
                )
            ),
        );
        let out = apply(
            "data.yaml",
            &marked,
            &Edit::SetPart {
                role: "work".into(),
                path: vec![0],
                field: PartField::Text,
                value: "开展培训{培训}，成效明显。".into(),
            },
        )
        .unwrap();
        assert!(out.contains("沿用自2024年的文字"), "{out}");
    }

    #[test]
    fn a_new_top_text_goes_in_its_place_and_an_emptied_one_goes_with_its_comments() {
        let out = edited(Edit::SetTop {
            field: TopField::Title,
            value: "甲县司法局2025年工作总结".into(),
        });
        assert!(
            out.contains("类型: 工作总结\n标题: 甲县司法局2025年工作总结\n# 开头由主任审定\n"),
            "{out}"
        );
        let out = edited(Edit::SetTop {
            field: TopField::Opening,
            value: " ".into(),
        });
        assert!(out.contains("类型: 工作总结\n工作:\n"), "{out}");
    }

    #[test]
    fn a_file_with_errors_is_not_edited() {
        let broken = FILE.replace("年度: 2025", "年度: 二〇二五");
        assert!(
            apply(
                "data.yaml",
                &broken,
                &Edit::SetTop {
                    field: TopField::Title,
                    value: "x".into()
                }
            )
            .is_err()
        );
    }
}
