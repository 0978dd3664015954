//! Citations: the `{名称}` markers by which prose cites a figure or a
//! built-in name (`{年度}`, `{单位}`…), and the resolver that fills them in
//! from a report's figures.

use std::borrow::Cow;
use std::ops::Range;

use crate::base::suggest;
use std::rc::Rc;

use crate::datafile::model::{Figure, FigureIndex, Report};
use crate::genre::numbering;
use rust_decimal::Decimal;

use crate::genre::quantity::{format_change, format_percent, format_year_over_year};

/// Names prose may cite besides figures: `{年度}`, `{单位}`…
pub const BUILTIN_NAMES: &[&str] = &[
    "年度",
    "下一年度",
    "上一年度",
    "单位",
    "自称",
    "范围",
    "项数",
];

/// Why a figure name cannot be used, if it cannot.
pub fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("数据名称不能为空".to_string());
    }
    if let Some(c) = name
        .chars()
        .find(|c| c.is_whitespace() || "{}｛｝./".contains(*c))
    {
        return Some(format!("数据名称“{name}”里不能有“{c}”"));
    }
    if BUILTIN_NAMES.contains(&name) {
        return Some(format!("数据名称“{name}”与内置名称重名，请换一个名称"));
    }
    None
}

/// What a marker in prose asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cite {
    /// `{名称}`: a figure's value, or a built-in name such as `{年度}`.
    Name(String),
    /// `{名称.属性}`: something derived from a figure (`{办结.比率}`).
    Attribute(String, String),
    /// `{甲/乙}`: the ratio of two figures as a percentage.
    Ratio(String, String),
}

/// A marker found in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// Byte range of the whole marker, braces included.
    pub range: Range<usize>,
    /// What it cites.
    pub cite: Cite,
}

/// The attributes a figure marker may ask for, Chinese and English.
pub const ATTRIBUTES: &[(&str, &str)] = &[
    ("值", "value"),
    ("数", "number"),
    ("比率", "rate"),
    ("占比", "share"),
    ("完成率", "completion"),
    ("目标", "target"),
    ("上年", "last_year"),
    ("同比", "yoy"),
    ("增减", "change"),
];

/// Finds the markers in `text`. An opening brace with no closing one is an
/// error at its byte offset; `{{` stands for a literal brace.
pub fn find_markers(text: &str) -> Result<Vec<Marker>, usize> {
    let mut markers = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_open(c) {
            continue;
        }
        if chars.peek().is_some_and(|(_, next)| is_open(*next)) {
            chars.next();
            continue;
        }
        let close = text[start..]
            .char_indices()
            .skip(1)
            .find(|(_, c)| is_close(*c) || is_open(*c) || *c == '\n');
        let Some((offset, closing)) = close.filter(|(_, c)| is_close(*c)) else {
            return Err(start);
        };
        let end = start + offset + closing.len_utf8();
        let inner = text[start + c.len_utf8()..start + offset].trim();
        markers.push(Marker {
            range: start..end,
            cite: parse_cite(inner),
        });
        while chars.peek().is_some_and(|(i, _)| *i < end) {
            chars.next();
        }
    }
    Ok(markers)
}

fn is_open(c: char) -> bool {
    c == '{' || c == '｛'
}

fn is_close(c: char) -> bool {
    c == '}' || c == '｝'
}

fn parse_cite(inner: &str) -> Cite {
    if let Some((a, b)) = inner.split_once('/') {
        Cite::Ratio(a.trim().to_string(), b.trim().to_string())
    } else if let Some((name, attribute)) = inner.split_once('.') {
        Cite::Attribute(name.trim().to_string(), attribute.trim().to_string())
    } else {
        Cite::Name(inner.to_string())
    }
}

/// Why a marker cannot be filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CiteError {
    /// No figure has that name.
    UnknownFigure {
        /// The name cited.
        name: String,
        /// A figure with a similar name.
        suggestion: Option<String>,
    },
    /// The attribute after the dot is not one we know.
    UnknownAttribute(String),
    /// The figure's value is still to be filled in.
    Unfilled(String),
    /// The figure lacks what the attribute needs (a target, a whole…).
    Missing {
        /// The figure.
        name: String,
        /// What it lacks, in Chinese.
        what: &'static str,
    },
    /// A ratio's whole is zero.
    ZeroWhole(String),
    /// `{项数}` used where there is nothing to count.
    NothingToCount,
}

impl CiteError {
    /// The message in Chinese.
    pub fn message(&self) -> String {
        match self {
            CiteError::UnknownFigure { name, suggestion } => {
                let mut message = format!("引用了未定义的数据“{name}”");
                if let Some(s) = suggestion {
                    message.push_str(&format!("；是不是“{s}”？"));
                }
                message
            }
            CiteError::UnknownAttribute(attribute) => {
                let known: Vec<&str> = ATTRIBUTES.iter().map(|(zh, _)| *zh).collect();
                format!(
                    "未知的数据属性“{attribute}”；可用的有：{}",
                    known.join("、")
                )
            }
            CiteError::Unfilled(name) => format!("数据“{name}”还没有填写数值"),
            CiteError::Missing { name, what } => format!("数据“{name}”没有{what}，无法计算"),
            CiteError::ZeroWhole(name) => format!("数据“{name}”为 0，不能作分母"),
            CiteError::NothingToCount => "“{项数}”只能用在有部分或要点的段落里".to_string(),
        }
    }
}

/// Fills in markers for one report.
#[derive(Debug, Clone)]
pub struct Resolver<'r> {
    report: &'r Report,
    /// The figures by name, shared by the copies `counting` makes, so that
    /// a citation costs the same in a report of 20,000 parts as in one.
    figures: Rc<FigureIndex<'r>>,
    /// What `{项数}` counts here: the parts or points of the enclosing part.
    item_count: Option<usize>,
    /// Whether an unfilled figure is shown as a gap to fill (a draft for
    /// the workbench's preview) rather than an error.
    draft: bool,
}

impl<'r> Resolver<'r> {
    /// A resolver for `report`'s figures and built-in names.
    pub fn new(report: &'r Report) -> Resolver<'r> {
        Resolver {
            report,
            figures: Rc::new(report.figure_index()),
            item_count: None,
            draft: false,
        }
    }

    /// A resolver that writes an unfilled figure as a gap to fill,
    /// `〔待填：名称〕`, so that a draft can be read before every figure is in.
    pub fn drafting(report: &'r Report) -> Resolver<'r> {
        Resolver {
            draft: true,
            ..Resolver::new(report)
        }
    }

    /// The same resolver with `{项数}` counting `count` items.
    pub fn counting(&self, count: usize) -> Resolver<'r> {
        Resolver {
            item_count: Some(count),
            ..self.clone()
        }
    }

    /// Replaces every marker in `text` with its value.
    pub fn expand(&self, text: &str) -> Result<String, Vec<(Marker, CiteError)>> {
        if !text.contains(['{', '}', '｛', '｝']) {
            return Ok(text.to_string());
        }
        let markers = find_markers(text).unwrap_or_default();
        let mut out = String::with_capacity(text.len());
        let mut errors = Vec::new();
        let mut last = 0;
        for marker in markers {
            out.push_str(&unescape_braces(&text[last..marker.range.start]));
            match self.resolve(&marker.cite) {
                Ok(value) => out.push_str(&value),
                Err(CiteError::Unfilled(_)) if self.draft => {
                    let written = &text[marker.range.clone()];
                    out.push_str(&gap(written.trim_matches(['{', '}', '｛', '｝'])));
                }
                Err(error) => errors.push((marker.clone(), error)),
            }
            last = marker.range.end;
        }
        out.push_str(&unescape_braces(&text[last..]));
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }

    /// The value a single cite stands for.
    pub fn resolve(&self, cite: &Cite) -> Result<String, CiteError> {
        match cite {
            Cite::Name(name) => self
                .builtin(name)
                .unwrap_or_else(|| self.attribute(name, "值")),
            Cite::Attribute(name, attribute) => self.attribute(name, attribute),
            Cite::Ratio(part, whole) => {
                let part = self.value_of(self.figure(part)?)?;
                let whole_figure = self.figure(whole)?;
                ratio(part, self.value_of(whole_figure)?, &whole_figure.name)
            }
        }
    }

    fn builtin(&self, name: &str) -> Option<Result<String, CiteError>> {
        let report = self.report;
        let value = match name {
            "年度" => report.year.to_string(),
            "下一年度" => (report.year + 1).to_string(),
            "上一年度" => (report.year - 1).to_string(),
            "单位" => report.bureau.name.clone(),
            "自称" => report.bureau.self_name.clone(),
            "范围" => report.bureau.scope.clone(),
            "项数" => {
                return Some(
                    self.item_count
                        .filter(|n| *n > 0)
                        .map(|n| numbering::count(n as u64))
                        .ok_or(CiteError::NothingToCount),
                );
            }
            _ => return None,
        };
        Some(Ok(value))
    }

    fn figure(&self, name: &str) -> Result<&'r Figure, CiteError> {
        self.figures
            .get(name)
            .ok_or_else(|| CiteError::UnknownFigure {
                name: name.to_string(),
                suggestion: self.similar_name(name),
            })
    }

    /// The figure whose name is nearest to a mistyped one, by edit
    /// distance, whatever the order of the figures.
    fn similar_name(&self, name: &str) -> Option<String> {
        let names = self.report.figures.iter().map(|f| f.name.as_str());
        suggest::closest(name, names).map(str::to_string)
    }

    fn value_of(&self, figure: &Figure) -> Result<Decimal, CiteError> {
        figure
            .value
            .map(|q| q.value())
            .ok_or_else(|| CiteError::Unfilled(figure.name.clone()))
    }

    fn attribute(&self, name: &str, attribute: &str) -> Result<String, CiteError> {
        let figure = self.figure(name)?;
        let attribute = ATTRIBUTES
            .iter()
            .find(|(zh, en)| *zh == attribute || *en == attribute)
            .map(|(zh, _)| *zh)
            .ok_or_else(|| CiteError::UnknownAttribute(attribute.to_string()))?;
        let missing = |what| CiteError::Missing {
            name: figure.name.clone(),
            what,
        };
        let value = figure
            .value
            .ok_or_else(|| CiteError::Unfilled(figure.name.clone()));
        match attribute {
            "值" => Ok(value?.with_unit(&figure.unit)),
            "数" => Ok(value?.with_unit("")),
            "比率" | "占比" => {
                let whole_name = figure.part_of.as_ref().ok_or_else(|| missing("“属于”"))?;
                let whole = self.figure(&whole_name.value)?;
                ratio(value?.value(), self.value_of(whole)?, &whole.name)
            }
            "完成率" => {
                let target = figure.target.ok_or_else(|| missing("“目标”"))?;
                ratio(value?.value(), target.value(), &figure.name)
            }
            "目标" => Ok(figure
                .target
                .ok_or_else(|| missing("“目标”"))?
                .with_unit(&figure.unit)),
            "上年" => Ok(figure
                .last_year
                .ok_or_else(|| missing("“上年”"))?
                .with_unit(&figure.unit)),
            "同比" => {
                let last = figure.last_year.ok_or_else(|| missing("“上年”"))?;
                format_year_over_year(value?.value(), last.value())
                    .ok_or_else(|| CiteError::ZeroWhole(format!("{}.上年", figure.name)))
            }
            _ => {
                let last = figure.last_year.ok_or_else(|| missing("“上年”"))?;
                Ok(format_change(&value?, &last, &figure.unit))
            }
        }
    }
}

/// How a draft shows a citation of a figure not yet filled in.
pub fn gap(cited: &str) -> String {
    format!("〔待填：{cited}〕")
}

fn ratio(part: Decimal, whole: Decimal, whole_name: &str) -> Result<String, CiteError> {
    format_percent(part, whole).ok_or_else(|| CiteError::ZeroWhole(whole_name.to_string()))
}

fn unescape_braces(text: &str) -> Cow<'_, str> {
    if !text.contains(['{', '}', '｛', '｝']) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.replace("{{", "{")
            .replace("｛｛", "｛")
            .replace("}}", "}")
            .replace("｝｝", "｝"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datafile::load::load;

    #[test]
    fn markers_are_found_with_their_ranges() {
        let text = "受理{受理}，结案率{办结.比率}，占{民事/受理}，{{字面}}";
        let markers = find_markers(text).unwrap();
        assert_eq!(markers.len(), 3);
        assert_eq!(&text[markers[0].range.clone()], "{受理}");
        assert_eq!(
            markers[1].cite,
            Cite::Attribute("办结".into(), "比率".into())
        );
        assert_eq!(markers[2].cite, Cite::Ratio("民事".into(), "受理".into()));
    }

    #[test]
    fn full_width_braces_are_markers_too() {
        let markers = find_markers("共｛受理｝").unwrap();
        assert_eq!(markers[0].cite, Cite::Name("受理".into()));
    }

    #[test]
    fn unclosed_marker_is_an_error_at_its_brace() {
        assert_eq!(find_markers("共{受理，完成"), Err(3));
    }

    fn sample() -> Report {
        let source = "单位: 长治市司法局\n年度: 2022\n类型: 工作总结\n数据:\n  咨询: {值: 62606, 单位: 人次, 目标: 40000, 上年: 55000}\n  受理: 1899件\n  办结: {值: 1630, 单位: 件, 属于: 受理}\n  待填: {单位: 件}\n";
        load(source).report.unwrap()
    }

    #[test]
    fn prose_cites_figures_and_derived_values() {
        let report = sample();
        let resolver = Resolver::new(&report);
        let text = "{年度}年咨询{咨询}，完成全年任务的{咨询.完成率}，{咨询.同比}；受理{受理}，办结{办结}，结案率{办结.比率}，即{办结/受理}，{{不是标记}}。";
        assert_eq!(
            resolver.expand(text).unwrap(),
            "2022年咨询62606人次，完成全年任务的156.52%，同比增长13.8%；受理1899件，办结1630件，结案率85.83%，即85.83%，{不是标记}。"
        );
    }

    #[test]
    fn citing_problems_are_named() {
        let report = sample();
        let resolver = Resolver::new(&report);
        let errors = resolver
            .expand("{受里}{待填}{受理.比率}{受理.颜色}{项数}")
            .unwrap_err();
        let messages: Vec<String> = errors.iter().map(|(_, e)| e.message()).collect();
        assert_eq!(
            messages,
            [
                "引用了未定义的数据“受里”；是不是“受理”？",
                "数据“待填”还没有填写数值",
                "数据“受理”没有“属于”，无法计算",
                "未知的数据属性“颜色”；可用的有：值、数、比率、占比、完成率、目标、上年、同比、增减",
                "“{项数}”只能用在有部分或要点的段落里",
            ]
        );
    }

    #[test]
    fn item_count_is_a_chinese_numeral() {
        let report = sample();
        let text = Resolver::new(&report)
            .counting(5)
            .expand("做好以下{项数}个方面工作")
            .unwrap();
        assert_eq!(text, "做好以下五个方面工作");
    }

    #[test]
    fn reserved_and_malformed_names_are_refused() {
        assert!(name_problem("年度").unwrap().contains("内置名称"));
        assert!(name_problem("办结.率").unwrap().contains("“.”"));
        assert_eq!(name_problem("法律援助受理"), None);
    }
}
