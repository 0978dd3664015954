//! The figures: values still to fill in, a part larger than its whole or
//! in another unit, and a rate or share written by hand above 100%.

use rust_decimal::Decimal;

use super::Purpose;
use crate::base::diagnostic::Diagnostic;
use crate::datafile::model::{Figure, FigureIndex, Report, Text};

/// Every problem of the report's figures.
pub fn check(report: &Report, purpose: Purpose, found: &mut Vec<Diagnostic>) {
    let index = report.figure_index();
    for figure in &report.figures {
        let unwritten = figure.value.is_none() && figure.value_span.is_none();
        if unwritten && purpose == Purpose::Review {
            found.push(Diagnostic::warning(
                format!("数据“{}”还没有填写数值", figure.name),
                figure.span.clone(),
            ));
        }
        if let Some(whole_name) = &figure.part_of {
            check_part_of(&index, figure, whole_name, found);
        }
        if purpose == Purpose::Review {
            check_percentage(figure, found);
        }
    }
}

fn check_part_of(
    index: &FigureIndex,
    part: &Figure,
    whole_name: &Text,
    found: &mut Vec<Diagnostic>,
) {
    let Some(whole) = index.get(&whole_name.value) else {
        found.push(Diagnostic::error(
            format!("“{}.属于”指向未定义的数据“{}”", part.name, whole_name.value),
            whole_name.span.clone(),
        ));
        return;
    };
    if whole.unit != part.unit {
        found.push(Diagnostic::error(
            format!(
                "数据“{}”（单位“{}”）属于“{}”（单位“{}”），单位应当相同",
                part.name,
                part.unit_with_magnitude(),
                whole.name,
                whole.unit_with_magnitude()
            ),
            whole_name.span.clone(),
        ));
        return;
    }
    if let (Some(p), Some(w)) = (part.value, whole.value)
        && p.value() > w.value()
    {
        found.push(Diagnostic::error(
            format!(
                "数据“{}”（{}）大于它所属的“{}”（{}），比率会超过100%",
                part.name,
                p.with_unit(&part.unit),
                whole.name,
                w.with_unit(&whole.unit)
            ),
            part.value_span.clone().or_else(|| part.span.clone()),
        ));
    }
}

/// A rate, share or satisfaction written as a percentage cannot pass 100%.
fn check_percentage(figure: &Figure, found: &mut Vec<Diagnostic>) {
    let is_rate = ["率", "满意度", "占比", "比例", "比重"]
        .iter()
        .any(|word| figure.name.contains(word));
    let Some(value) = figure.value else { return };
    if is_rate && figure.unit == "%" && value.value() > Decimal::ONE_HUNDRED {
        found.push(
            Diagnostic::warning(
                format!("“{}”是{}，超过了100%", figure.name, value.with_unit("%")),
                figure.value_span.clone().or_else(|| figure.span.clone()),
            )
            .with_note("比率、占比、满意度不会超过100%；完成目标的程度请用 {名称.完成率}"),
        );
    }
}
