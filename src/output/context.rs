//! The report as templates see it: every text with its markers filled in
//! and its punctuation put right, the kind's standard headings and lead-ins
//! supplied, the layout settings passed down the parts.

use serde::Serialize;

use crate::base::diagnostic::Diagnostic;
use crate::datafile::cite::Resolver;
use crate::datafile::model::{Part, Point, Report, Text};
use crate::genre::kinds::Role;
use crate::genre::kinds::standard_plans_intro;
use crate::genre::numbering;
use crate::genre::rules;
use crate::genre::typography;
use crate::output::docx;

/// The report as templates see it, as `report`.
#[derive(Debug, Serialize)]
pub struct ReportContext {
    /// `work-summary` or `rule-of-law-report`.
    pub kind: &'static str,
    /// 工作总结 or 法治政府建设年度报告.
    pub kind_name: &'static str,
    /// The title: the kind's standard one when the file gives none, and
    /// none at all when the file gives an empty one.
    pub title: Option<String>,
    /// The title in the lines it is printed in: as the file breaks it, or
    /// broken into balanced lines when it is too long for one.
    pub title_lines: Vec<String>,
    /// The report year.
    pub year: i32,
    /// The year after it, which the plans are for.
    pub next_year: i32,
    /// 成文日期 as 2023-02-02; the `document_date` filter writes it out.
    pub date: Option<String>,
    /// 主送机关, without its closing colon.
    pub recipient: Option<String>,
    /// 署名: as given, or the bureau's name when there is a date.
    pub signature: Option<String>,
    /// The right indent of 署名 over 成文日期, when there are both.
    pub signature_indent: Option<Indent>,
    /// The right indent of 成文日期 under 署名, when there are both.
    pub date_indent: Option<Indent>,
    /// The covering circular, when the report is sent out with one.
    pub circular: Option<CircularContext>,
    /// The bureau.
    pub bureau: BureauContext,
    /// Opening paragraphs, honours included.
    pub opening: Vec<String>,
    /// The 一、 sections that have content, in order.
    pub sections: Vec<PartContext>,
    /// Attachment names, for the list after the text.
    pub attachments: Vec<String>,
    /// The attachments whose content the report carries, printed after
    /// the signature, each on a page of its own.
    pub attached: Vec<AttachedContext>,
    /// Every figure, formatted.
    pub figures: Vec<FigureContext>,
    /// Whether headings are bold.
    pub bold_headings: bool,
}

/// The bureau, as templates see it.
#[derive(Debug, Serialize)]
pub struct BureauContext {
    /// 名称.
    pub name: String,
    /// 市, 县, 区 or 省.
    pub level: &'static str,
    /// 自称.
    pub self_name: String,
    /// 范围.
    pub scope: String,
}

/// A right indent, as Word writes it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Indent {
    /// In hundredths of a character (`w:rightChars`).
    pub chars: u32,
    /// In twips (`w:right`).
    pub twips: u32,
}

impl Indent {
    fn of_chars(chars: u32) -> Indent {
        Indent {
            chars,
            twips: chars * docx::layout::BODY_CHAR / 100,
        }
    }
}

/// The covering circular, as templates see it.
#[derive(Debug, Serialize)]
pub struct CircularContext {
    /// Its title: 署名关于印发《报告标题》的通知 unless the file gives
    /// another, none when it gives an empty one.
    pub title: Option<String>,
    /// The title in the lines it is printed in.
    pub title_lines: Vec<String>,
    /// The covering paragraph.
    pub body: String,
}

/// A part at any level, as templates see it.
#[derive(Debug, Serialize)]
pub struct PartContext {
    /// For a 一、 section: work, highlights, shortcomings, duties, plans or other.
    pub role: Option<&'static str>,
    /// The heading, without its number.
    pub heading: Option<String>,
    /// The prose paragraphs.
    pub paragraphs: Vec<String>,
    /// The run-in points, without their 一是.
    pub points: Vec<String>,
    /// The paragraphs to print: prose with the points joined in as a 一是…
    /// series, or one paragraph a point when they are split.
    pub body: Vec<String>,
    /// Whether the heading runs into the first paragraph.
    pub run_in: bool,
    /// Whether each point is its own paragraph.
    pub points_split: bool,
    /// Sub-parts with content, one level down.
    pub parts: Vec<PartContext>,
}

/// An attachment with its content, as templates see it.
#[derive(Debug, Serialize)]
pub struct AttachedContext {
    /// 附件1, 附件2… as the list numbers it; 附件 when there is one.
    pub label: String,
    /// The title at its top.
    pub title: String,
    /// Its content: `body` paragraphs, then `parts`, its own 一、 parts.
    pub content: PartContext,
}

/// A figure, as templates see it.
#[derive(Debug, Serialize)]
pub struct FigureContext {
    /// Its name.
    pub name: String,
    /// The full value (1.2万 → 12000), if filled in.
    pub value: Option<f64>,
    /// Its unit.
    pub unit: String,
    /// The value as the report writes it (1.2万余人次).
    pub display: Option<String>,
    /// The target's full value.
    pub target: Option<f64>,
    /// Last year's full value.
    pub last_year: Option<f64>,
}

/// Builds the template context; fails only if a marker cannot be filled in,
/// which a checked report does not have.
pub fn context(report: &Report, draft: bool) -> Result<ReportContext, Vec<Diagnostic>> {
    let resolver = if draft {
        Resolver::drafting(report)
    } else {
        Resolver::new(report)
    };
    let mut builder = Builder {
        resolver,
        problems: Vec::new(),
    };
    let context = builder.report(report);
    if builder.problems.is_empty() {
        Ok(context)
    } else {
        Err(builder.problems)
    }
}

struct Builder<'r> {
    resolver: Resolver<'r>,
    problems: Vec<Diagnostic>,
}

impl Builder<'_> {
    /// The text with its markers filled in and its punctuation and spacing
    /// put right (lint's safe fixes), so the report is clean whatever was
    /// pasted into the file.
    fn expand(&mut self, text: &Text, count: usize) -> String {
        match self.resolver.counting(count).expand(&text.value) {
            Ok(expanded) => rules::fix_text(&expanded),
            Err(errors) => {
                for (_, error) in errors {
                    self.problems
                        .push(Diagnostic::error(error.message(), text.span.clone()));
                }
                text.value.clone()
            }
        }
    }

    fn expand_all(&mut self, texts: &[Text], count: usize) -> Vec<String> {
        texts.iter().map(|t| self.expand(t, count)).collect()
    }

    /// A title as the file breaks it into lines, each line filled in.
    fn title(&mut self, title: &Text) -> Vec<String> {
        title
            .value
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(|line| {
                let line = Text {
                    value: line.to_string(),
                    span: title.span.clone(),
                };
                self.expand(&line, 0)
            })
            .collect()
    }

    fn report(&mut self, report: &Report) -> ReportContext {
        // The name goes into the texts made of it (the standard title, the
        // signature, the circular's title) mended as the file's texts are.
        let bureau_name = rules::fix_text(&report.bureau.name);
        let given_lines = match &report.title {
            Some(title) => self.title(title),
            None => vec![report.kind.standard_title(&bureau_name, report.year)],
        };
        let title = (!given_lines.is_empty()).then(|| given_lines.concat());
        let mut opening = self.expand_all(&report.opening, 0);
        let honours: String = report
            .honours
            .iter()
            .map(|h| typography::as_sentence(&self.expand(h, 0)))
            .collect();
        let sections = self.sections(report, &mut opening);
        append_to_last(&mut opening, honours);
        let signature = match &report.signature {
            Some(signature) => Some(self.expand(signature, 0)),
            None if report.date.is_some() || report.circular.is_some() => Some(bureau_name.clone()),
            None => None,
        };
        let names = [Some(bureau_name.as_str()), signature.as_deref()];
        let names: Vec<&str> = names.into_iter().flatten().collect();
        let title_lines = printed_lines(given_lines, &names);
        let circular = report.circular.as_ref().map(|c| {
            let given_lines = match &c.title {
                Some(own) => self.title(own),
                None => vec![format!(
                    "{}关于印发《{}》的通知",
                    signature.as_deref().unwrap_or(&bureau_name),
                    title.as_deref().unwrap_or_default()
                )],
            };
            CircularContext {
                title: (!given_lines.is_empty()).then(|| given_lines.concat()),
                title_lines: printed_lines(given_lines, &names),
                body: match &c.body {
                    Some(body) => self.expand(body, 0),
                    None => format!(
                        "现将《{}》印发给你们，请结合实际认真贯彻落实。",
                        title.as_deref().unwrap_or_default()
                    ),
                },
            }
        });
        let indents = match (&signature, report.date) {
            (Some(signature), Some(date)) => Some(docx::layout::signature_indents(
                signature,
                &crate::genre::dates::document_date(date),
            )),
            _ => None,
        };
        ReportContext {
            kind: report.kind.template_name(),
            kind_name: report.kind.chinese_name(),
            year: report.year,
            next_year: report.year + 1,
            date: report.date.map(|d| d.format("%Y-%m-%d").to_string()),
            recipient: report
                .recipient
                .as_ref()
                .map(|r| self.expand(r, 0).trim_end_matches(['：', ':']).to_string()),
            signature,
            signature_indent: indents.map(|(signature, _)| Indent::of_chars(signature)),
            date_indent: indents.map(|(_, date)| Indent::of_chars(date)),
            circular,
            bureau: BureauContext {
                name: bureau_name.clone(),
                level: report.bureau.level.chinese_name(),
                self_name: report.bureau.self_name.clone(),
                scope: report.bureau.scope.clone(),
            },
            title,
            title_lines,
            opening,
            sections,
            attachments: report
                .attachments
                .iter()
                .map(|a| self.expand(&a.name, 0))
                .collect(),
            attached: self.attached(report),
            figures: report.figures.iter().map(figure_context).collect(),
            bold_headings: report.layout.bold_headings,
        }
    }

    /// The 一、 sections: thematic work becomes one section per theme, and
    /// its lead-in joins the opening.
    fn sections(&mut self, report: &Report, opening: &mut Vec<String>) -> Vec<PartContext> {
        let inherited = Inherited {
            run_in: report.layout.run_in,
            points_split: report.layout.points_split,
        };
        let mut sections = Vec::new();
        for section in report.sections.iter().filter(|s| s.body.has_content()) {
            if section.thematic {
                let lead = self.expand_all(&section.body.text, section.body.item_count());
                opening.extend(lead);
                let inherited = inherited.under(&section.body);
                for theme in section.body.parts.iter().filter(|p| !p.is_empty()) {
                    sections.push(self.part(theme, Some(section.role), inherited));
                }
            } else {
                let mut context = self.part(&section.body, Some(section.role), inherited);
                if context.heading.is_none() {
                    context.heading = Some(report.kind.standard_heading(section.role, report.year));
                }
                if section.role == Role::Plans
                    && context.paragraphs.is_empty()
                    && !context.parts.is_empty()
                {
                    let count = numbering::count(context.parts.len() as u64);
                    let intro =
                        standard_plans_intro(report.year + 1, &report.bureau.self_name, &count);
                    context.body.insert(0, intro.clone());
                    context.paragraphs.push(intro);
                }
                sections.push(context);
            }
        }
        sections
    }

    /// The attachments with content, labelled as the list numbers them.
    fn attached(&mut self, report: &Report) -> Vec<AttachedContext> {
        let inherited = Inherited {
            run_in: report.layout.run_in,
            points_split: report.layout.points_split,
        };
        let several = report.attachments.len() > 1;
        let mut attached = Vec::new();
        for (i, attachment) in report.attachments.iter().enumerate() {
            let Some(body) = attachment.body.as_ref().filter(|b| b.has_content()) else {
                continue;
            };
            attached.push(AttachedContext {
                label: if several {
                    format!("附件{}", i + 1)
                } else {
                    "附件".to_string()
                },
                title: self.expand(attachment.printed_title(), 0),
                content: self.part(body, None, inherited),
            });
        }
        attached
    }

    fn part(&mut self, part: &Part, role: Option<Role>, inherited: Inherited) -> PartContext {
        let own = inherited.under(part);
        let count = part.item_count();
        let paragraphs = self.expand_all(&part.text, count);
        let points: Vec<String> = part.points.iter().map(|p| self.point(p)).collect();
        let body = combine(&paragraphs, &points, own.points_split);
        PartContext {
            role: role.map(Role::id),
            heading: part.heading.as_ref().map(|h| self.expand(h, count)),
            paragraphs,
            points,
            body,
            run_in: own.run_in,
            points_split: own.points_split,
            parts: part
                .parts
                .iter()
                .filter(|p| !p.is_empty())
                .map(|p| self.part(p, None, own))
                .collect(),
        }
    }

    fn point(&mut self, point: &Point) -> String {
        let heading = point.heading.as_ref().map(|h| self.expand(h, 0));
        let text = point.text.as_ref().map(|t| self.expand(t, 0));
        match (heading, text) {
            (Some(h), Some(t)) => format!("{}{t}", typography::as_sentence(&h)),
            (Some(only), None) | (None, Some(only)) => only,
            (None, None) => String::new(),
        }
    }
}

/// A title's printed lines: the file's own, or, when it gives one line,
/// that line broken into balanced lines if it is too long (`names` are
/// the names in it whose ends are good places to break).
fn printed_lines(given: Vec<String>, names: &[&str]) -> Vec<String> {
    match given.as_slice() {
        [one] => crate::genre::title::title_lines(one, names),
        _ => given,
    }
}

/// Layout settings passed down the tree; a part's own setting wins.
#[derive(Debug, Clone, Copy)]
struct Inherited {
    run_in: bool,
    points_split: bool,
}

impl Inherited {
    fn under(self, part: &Part) -> Inherited {
        Inherited {
            run_in: part.run_in.unwrap_or(self.run_in),
            points_split: part.points_split.unwrap_or(self.points_split),
        }
    }
}

/// Prose and points as printed: the series runs on in the last paragraph,
/// or each point is a paragraph of its own.
fn combine(paragraphs: &[String], points: &[String], split: bool) -> Vec<String> {
    let mut body = paragraphs.to_vec();
    if points.is_empty() {
        return body;
    }
    if split {
        body.extend(points.iter().enumerate().map(|(i, p)| {
            format!(
                "{}{}",
                numbering::series_ordinal(i as u64 + 1),
                typography::as_sentence(p)
            )
        }));
    } else {
        // A lead-in that ends in a word (主要做法是) takes a colon, so the
        // series reads as one (主要做法是：一是…).
        if let Some(last) = body.last_mut()
            && !last.is_empty()
            && !last.ends_with(['。', '，', '；', '：', '！', '？', '、', '…', '—'])
        {
            last.push('：');
        }
        append_to_last(&mut body, numbering::series(points));
    }
    body
}

fn append_to_last(paragraphs: &mut Vec<String>, text: String) {
    if text.is_empty() {
        return;
    }
    match paragraphs.last_mut() {
        Some(last) => last.push_str(&text),
        None => paragraphs.push(text),
    }
}

fn figure_context(figure: &crate::datafile::model::Figure) -> FigureContext {
    FigureContext {
        name: figure.name.clone(),
        value: figure.value.map(|q| q.to_f64()),
        unit: figure.unit.clone(),
        display: figure.formatted_value(),
        target: figure.target.map(|q| q.to_f64()),
        last_year: figure.last_year.map(|q| q.to_f64()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_join_the_last_paragraph_or_stand_alone() {
        let paragraphs = vec!["主要做法是，".to_string()];
        let points = vec!["场所对接".to_string(), "经费对接。".to_string()];
        assert_eq!(
            combine(&paragraphs, &points, false),
            ["主要做法是，一是场所对接。二是经费对接。"]
        );
        assert_eq!(
            combine(&[], &points, true),
            ["一是场所对接。", "二是经费对接。"]
        );
    }
}
