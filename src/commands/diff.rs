//! `diff`: every figure of two years side by side with the change, for the
//! clerk to check the numbers before writing; as a Markdown table or CSV.

use rust_decimal::Decimal;

use crate::base::error::Error;
use crate::datafile::load;
use crate::datafile::model::Figure;
use crate::genre::quantity;
use crate::genre::quantity::Quantity;

/// How the comparison is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    /// A Markdown table.
    Markdown,
    /// Comma-separated values with a header row.
    Csv,
}

/// One figure in both years.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The figure's name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Its value in the old file.
    pub old: Option<Quantity>,
    /// Its value in the new file.
    pub new: Option<Quantity>,
    /// What the new file says last year's value was, when that disagrees
    /// with the old file.
    pub mismatched_last_year: Option<Quantity>,
    /// Which files have the figure.
    pub presence: Presence,
}

/// Which of the two files have a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Both years.
    Both,
    /// Last year's file only.
    OldOnly,
    /// This year's file only.
    NewOnly,
}

/// Two years' figures side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The old file's year.
    pub old_year: i32,
    /// The new file's year.
    pub new_year: i32,
    /// Every figure of either file: the new file's in its order, then the
    /// old file's that the new one lacks.
    pub rows: Vec<Row>,
}

/// Compares the figures of two data files.
pub fn compare(
    old_path: &str,
    old_source: &str,
    new_path: &str,
    new_source: &str,
) -> Result<Comparison, Error> {
    let old = load::load_valid(old_path, old_source)?;
    let new = load::load_valid(new_path, new_source)?;
    let (old_figures, new_figures) = (old.figure_index(), new.figure_index());
    let mut rows: Vec<Row> = new
        .figures
        .iter()
        .map(|f| row(old_figures.get(&f.name), Some(f)))
        .collect();
    rows.extend(
        old.figures
            .iter()
            .filter(|f| new_figures.get(&f.name).is_none())
            .map(|f| row(Some(f), None)),
    );
    Ok(Comparison {
        old_year: old.year,
        new_year: new.year,
        rows,
    })
}

fn row(old: Option<&Figure>, new: Option<&Figure>) -> Row {
    let any = new
        .or(old)
        .map_or_else(Default::default, |f| (f.name.clone(), f.unit.clone()));
    let old_value = old.and_then(|f| f.value);
    let stated_last_year = new.and_then(|f| f.last_year);
    let mismatched_last_year = match (old_value, stated_last_year) {
        (Some(o), Some(s)) if o.value() != s.value() => Some(s),
        _ => None,
    };
    Row {
        name: any.0,
        unit: any.1,
        old: old_value,
        new: new.and_then(|f| f.value),
        mismatched_last_year,
        presence: match (old, new) {
            (Some(_), None) => Presence::OldOnly,
            (None, _) => Presence::NewOnly,
            _ => Presence::Both,
        },
    }
}

impl Comparison {
    /// Whether the files were given newer first: the old file's year is
    /// not before the new one's.
    pub fn years_reversed(&self) -> bool {
        self.old_year >= self.new_year
    }

    /// The comparison written out.
    pub fn write(&self, format: DiffFormat) -> String {
        let (header, body) = self.table();
        match format {
            DiffFormat::Markdown => markdown(&header, &body),
            DiffFormat::Csv => csv(&header, &body),
        }
    }

    /// The comparison as a table: its header and a row of cells for each
    /// figure, as the Markdown and CSV have them.
    pub fn table(&self) -> ([String; 7], Vec<[String; 7]>) {
        let (old_year, new_year) = (self.old_year, self.new_year);
        let header = [
            "数据".to_string(),
            "单位".to_string(),
            format!("{old_year}年"),
            format!("{new_year}年"),
            "增减".to_string(),
            "同比".to_string(),
            "核对".to_string(),
        ];
        let body = self.rows.iter().map(|r| cells(r, old_year)).collect();
        (header, body)
    }
}

fn cells(row: &Row, old_year: i32) -> [String; 7] {
    let value = |q: &Option<Quantity>, missing: &str| {
        q.map_or_else(|| missing.to_string(), |q| q.with_unit(""))
    };
    let (change, year_over_year) = match (row.old, row.new) {
        (Some(old), Some(new)) => changes(&old, &new),
        _ => (String::new(), String::new()),
    };
    let note = match (&row.mismatched_last_year, row.presence) {
        (Some(stated), _) => format!(
            "“上年”写的是{}，与{old_year}年文件不一致",
            stated.with_unit(&row.unit)
        ),
        (None, Presence::NewOnly) => "新增".to_string(),
        (None, Presence::OldOnly) => "今年无此项".to_string(),
        (None, Presence::Both) => String::new(),
    };
    [
        row.name.clone(),
        row.unit.clone(),
        value(&row.old, "—"),
        value(&row.new, "待填"),
        change,
        year_over_year,
        note,
    ]
}

/// The change from `old` to `new` in the smaller of their magnitudes
/// (+212.2万), and as a percentage of `old` to one decimal (+2.7%).
fn changes(old: &Quantity, new: &Quantity) -> (String, String) {
    let difference = new.minus(old);
    let sign = if difference.number > Decimal::ZERO {
        "+"
    } else {
        ""
    };
    let percent = (!old.value().is_zero()).then(|| {
        let ratio =
            quantity::rounded_to(difference.value() * Decimal::ONE_HUNDRED / old.value(), 1);
        let sign = if ratio > Decimal::ZERO { "+" } else { "" };
        format!("{sign}{ratio}%")
    });
    (
        format!("{sign}{}", difference.with_unit("")),
        percent.unwrap_or_default(),
    )
}

fn markdown(header: &[String; 7], body: &[[String; 7]]) -> String {
    let line = |cells: &[String]| {
        let escaped: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
        format!("| {} |\n", escaped.join(" | "))
    };
    let mut out = line(header);
    out.push_str("|---|---|--:|--:|--:|--:|---|\n");
    for row in body {
        out.push_str(&line(row));
    }
    out
}

fn csv(header: &[String; 7], body: &[[String; 7]]) -> String {
    let line = |cells: &[String]| {
        let quoted: Vec<String> = cells
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        format!("{}\r\n", quoted.join(","))
    };
    // Excel on Chinese Windows reads a CSV without a byte-order mark as GBK.
    let mut out = format!("\u{feff}{}", line(header));
    for row in body {
        out.push_str(&line(row));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "单位: 甲\n年度: 2022\n类型: 工作总结\n开头: x\n数据:\n  受理: 1000件\n  办结: 900件\n  旧项: 5个\n";
    const NEW: &str = "单位: 甲\n年度: 2023\n类型: 工作总结\n开头: x\n数据:\n  受理: {值: 1123, 单位: 件, 上年: 1000}\n  办结: {值: 864, 单位: 件, 上年: 901}\n  新项: 1.2万余人次\n";

    #[test]
    fn markdown_table_lists_every_figure_with_the_change() {
        let comparison = compare("old.yaml", OLD, "new.yaml", NEW).unwrap();
        assert_eq!(
            comparison.write(DiffFormat::Markdown),
            "| 数据 | 单位 | 2022年 | 2023年 | 增减 | 同比 | 核对 |\n\
             |---|---|--:|--:|--:|--:|---|\n\
             | 受理 | 件 | 1000 | 1123 | +123 | +12.3% |  |\n\
             | 办结 | 件 | 900 | 864 | -36 | -4.0% | “上年”写的是901件，与2022年文件不一致 |\n\
             | 新项 | 人次 | — | 1.2万余 |  |  | 新增 |\n\
             | 旧项 | 个 | 5 | 待填 |  |  | 今年无此项 |\n"
        );
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let rows = vec![Row {
            name: "受理,合计".into(),
            unit: "件".into(),
            old: Some(Quantity::exact(Decimal::ONE)),
            new: None,
            mismatched_last_year: None,
            presence: Presence::OldOnly,
        }];
        let comparison = Comparison {
            old_year: 2022,
            new_year: 2023,
            rows,
        };
        let csv = comparison.write(DiffFormat::Csv);
        assert!(
            csv.starts_with("\u{feff}数据,单位,"),
            "a byte-order mark for Excel: {csv}"
        );
        assert!(
            csv.ends_with("\"受理,合计\",件,1,待填,,,今年无此项\r\n"),
            "{csv}"
        );
    }

    #[test]
    fn a_file_with_errors_is_refused() {
        assert!(compare("old.yaml", "年度: [", "new.yaml", NEW).is_err());
    }
}
