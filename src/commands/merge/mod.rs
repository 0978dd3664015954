//! `merge`: several offices' data files → one with their figures summed, a
//! city's 全市 figures from its counties' files. The first file gives the
//! structure and prose; every figure of the same name is added up across
//! the files, and each summed figure notes what it is the sum of.

use std::collections::HashMap;

mod rename;

use crate::base::diagnostic::Diagnostic;
use crate::base::error::Error;
use crate::check::{self, Purpose};
use crate::datafile::model::{Figure, Report, Text};
use crate::datafile::write::{self, Annotate};
use crate::genre::kinds::Level;
use crate::genre::quantity::Quantity;

/// One input: its path and text.
#[derive(Debug, Clone)]
pub struct MergeInput<'a> {
    /// The path as the user gave it.
    pub path: &'a str,
    /// The file's text.
    pub source: &'a str,
}

/// Who the merged file is for: a city's name, level and area word for its
/// counties' sum. Without a name the first file's bureau stays, which the
/// warnings say.
#[derive(Debug, Clone, Default)]
pub struct MergeOptions<'a> {
    /// The merged file's bureau (`--bureau`).
    pub bureau: Option<&'a str>,
    /// Its level, when the name does not tell it (`--level`).
    pub level: Option<Level>,
    /// Its area word, when not the level's (`--scope`, 全市).
    pub scope: Option<&'a str>,
}

/// The merged data file, and what the clerk should look at in it.
#[derive(Debug)]
pub struct Merged {
    /// The data file's text.
    pub data_file: String,
    /// Warnings, placed in the merged file's text (a county's wording left
    /// in its prose, the first county's name kept…).
    pub warnings: Vec<Diagnostic>,
}

/// Merges `inputs`, the first giving structure and prose. Every input is
/// checked first, as `check` does; one with an error is refused with its
/// problems.
pub fn merge(inputs: &[MergeInput], options: &MergeOptions) -> Result<Merged, Error> {
    let reports = checked_reports(inputs)?;
    let Some(first) = reports.first() else {
        return Err(Error::Usage("merge 至少需要一个数据文件".into()));
    };
    let mut warnings = Vec::new();
    for (input, report) in inputs.iter().zip(&reports).skip(1) {
        if report.year != first.year {
            return Err(Error::Mismatch(format!(
                "“{}”是 {} 年的，“{}”是 {} 年的；只能合并同一年度的数据文件",
                input.path, report.year, inputs[0].path, first.year
            )));
        }
        if report.kind != first.kind {
            warnings.push(Diagnostic::warning(
                format!(
                    "“{}”的报告类型与“{}”不同，按后者合并",
                    input.path, inputs[0].path
                ),
                None,
            ));
        }
    }
    let (figures, sources) = summed_figures(inputs, &reports)?;
    let mut merged = first.clone();
    merged.figures = figures;
    let renamed = rename::bureau(&mut merged, options);
    let data_file = write::data_file(&merged, &SumNotes { sources });
    match &renamed {
        Some(renamed) => warnings.extend(rename::left_in_prose(&merged, renamed, &data_file)),
        None => warnings.push(
            Diagnostic::warning(
                format!(
                    "合并后的文件仍以“{}”为单位，正文里的“{}”等说法也是它的",
                    first.bureau.name, first.bureau.scope
                ),
                None,
            )
            .with_note("用 --bureau 写上合并后的单位，如 --bureau 某某市司法局"),
        ),
    }
    Ok(Merged {
        data_file,
        warnings,
    })
}

/// Every input loaded and checked as `check` checks it; the first with an
/// error is refused with all its problems, at their places.
fn checked_reports(inputs: &[MergeInput]) -> Result<Vec<Report>, Error> {
    inputs
        .iter()
        .map(|input| {
            let checked = check::check(input.path, input.source, Purpose::Review);
            match checked.report {
                Some(report) if !checked.diagnostics.has_errors() => Ok(report),
                _ => {
                    let mut diagnostics = checked.diagnostics;
                    diagnostics.diagnostics.retain(Diagnostic::is_error);
                    Err(Error::Invalid(diagnostics))
                }
            }
        })
        .collect()
}

/// For each figure, what it was summed from: (bureau, value as written).
type Sources = HashMap<String, Vec<(String, String)>>;

/// Every figure name of the inputs, in order of first appearance, with its
/// values added up; a name with different units in two files is an error.
fn summed_figures(
    inputs: &[MergeInput],
    reports: &[Report],
) -> Result<(Vec<Figure>, Sources), Error> {
    let mut figures: Vec<Figure> = Vec::new();
    let mut sources: Sources = HashMap::new();
    for (input, report) in inputs.iter().zip(reports) {
        for figure in &report.figures {
            let written = figure
                .value
                .map_or_else(|| "待填".to_string(), |q| q.with_unit(&figure.unit));
            sources
                .entry(figure.name.clone())
                .or_default()
                .push((report.bureau.name.clone(), written));
            match figures.iter_mut().find(|f| f.name == figure.name) {
                None => figures.push(Figure {
                    span: None,
                    value_span: None,
                    ..figure.clone()
                }),
                Some(total) if total.unit != figure.unit => {
                    return Err(Error::Mismatch(format!(
                        "数据“{}”在“{}”中的单位是“{}”，与前面文件的“{}”不同，不能相加",
                        figure.name, input.path, figure.unit, total.unit
                    )));
                }
                Some(total) => {
                    total.magnitude = total.magnitude.min(figure.magnitude);
                    total.value = add(total.value, figure.value);
                    total.target = add(total.target, figure.target);
                    total.last_year = add(total.last_year, figure.last_year);
                }
            }
        }
    }
    Ok((figures, sources))
}

/// The sum of two values, by the quantity rules; unknown when either is.
fn add(a: Option<Quantity>, b: Option<Quantity>) -> Option<Quantity> {
    Some(a?.plus(&b?))
}

/// Notes each summed figure with what it is the sum of.
struct SumNotes {
    sources: Sources,
}

impl Annotate for SumNotes {
    fn note(&self, _: &[&Text]) -> Option<String> {
        None
    }

    fn figure_note(&self, name: &str) -> Option<String> {
        let parts = self.sources.get(name).filter(|p| p.len() > 1)?;
        let listed: Vec<String> = parts
            .iter()
            .map(|(bureau, value)| format!("{bureau} {value}"))
            .collect();
        Some(format!("合计：{}", listed.join("，")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datafile::load;

    fn named(bureau: &str) -> MergeOptions<'_> {
        MergeOptions {
            bureau: Some(bureau),
            ..MergeOptions::default()
        }
    }

    const COUNTY_A: &str = "单位: 甲县司法局\n年度: 2025\n类型: 工作总结\n开头: 全县受理{受理}。\n数据:\n  受理: {值: 120, 单位: 件, 上年: 100}\n  咨询: 1.2万余人次\n";
    const COUNTY_B: &str = "单位: 乙县司法局\n年度: 2025\n类型: 工作总结\n开头: 全县受理{受理}。\n数据:\n  受理: {值: 80, 单位: 件, 上年: 90}\n  咨询: 3000人次\n  调解: 40件\n";

    fn inputs() -> Vec<MergeInput<'static>> {
        vec![
            MergeInput {
                path: "a.yaml",
                source: COUNTY_A,
            },
            MergeInput {
                path: "b.yaml",
                source: COUNTY_B,
            },
        ]
    }

    #[test]
    fn figures_are_summed_by_name() {
        let merged = merge(&inputs(), &named("某市司法局")).unwrap();
        let report = load::load(&merged.data_file).report.unwrap();
        assert_eq!(report.bureau.name, "某市司法局");
        assert_eq!(report.bureau.scope, "全市");
        let value = |name| {
            let f = report.figure(name).unwrap();
            f.formatted_value().unwrap()
        };
        assert_eq!(value("受理"), "200件");
        assert_eq!(value("咨询"), "15000余人次");
        assert_eq!(value("调解"), "40件");
        let last_year = report.figure("受理").unwrap().last_year.unwrap();
        assert_eq!(last_year.with_unit("件"), "190件");
        assert!(
            merged
                .data_file
                .contains("# 合计：甲县司法局 120件，乙县司法局 80件"),
            "{}",
            merged.data_file
        );
    }

    #[test]
    fn different_units_or_years_are_refused() {
        let other_unit = COUNTY_B
            .replace("调解: 40件", "受理2: 1人")
            .replace("受理: {值: 80, 单位: 件", "受理: {值: 80, 单位: 人");
        let refused = merge(
            &[
                inputs()[0].clone(),
                MergeInput {
                    path: "b.yaml",
                    source: &other_unit,
                },
            ],
            &MergeOptions::default(),
        );
        assert!(refused.unwrap_err().to_string().contains("不能相加"));
        let other_year = COUNTY_B.replace("2025", "2024");
        let refused = merge(
            &[
                inputs()[0].clone(),
                MergeInput {
                    path: "b.yaml",
                    source: &other_year,
                },
            ],
            &MergeOptions::default(),
        );
        assert!(
            refused
                .unwrap_err()
                .to_string()
                .contains("只能合并同一年度")
        );
    }
}
