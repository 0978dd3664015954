//! The Markdown that templates write, read back as a document of styled
//! paragraphs, and the plain text made from it.
//!
//! The dialect is the part of pandoc's Markdown that a report needs: the
//! title in a `::: {custom-style="Title"}` block (a line ending in `\\`
//! breaks it), `#` headings (`#` 一、, `##` （一）, `###` 1., `####` （1）),
//! paragraphs separated by blank lines, `::: {custom-style="署名"}` blocks
//! for paragraphs with a style of their own, and
//! `[（一）标题。]{custom-style="二级标题字符"}` for a heading run into its
//! paragraph. pandoc turns it into a .docx with those style names; our own
//! .docx writer and the text output read it here. Raw openxml blocks
//! (```` ```{=openxml} ````) are pandoc's alone, as pandoc leaves them out
//! of every other format: a paragraph of ours in one (the signature block,
//! with its computed indent) is read as that paragraph, anything else (the
//! page break after a circular, which our writer makes itself) is skipped.

/// A paragraph-level element of a rendered report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// `Some(1)` for the title, `Some(n + 1)` for a heading written with n
    /// `#`s: 2 is 一、, 3 （一）, 4 1., 5 （1）.
    pub heading: Option<u8>,
    /// The paragraph style named by a `custom-style` block.
    pub style: Option<String>,
    /// The text, in runs.
    pub runs: Vec<Run>,
}

/// A stretch of text with an optional character style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The text, unescaped.
    pub text: String,
    /// The character style named by a `custom-style` span.
    pub style: Option<String>,
}

impl Block {
    /// The block's text without styles.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// Paragraph styles that are not indented in text output.
const FLUSH_STYLES: &[&str] = &["主送机关", "署名", "成文日期", "附件标识", "附件标题"];

/// Cleans template output: no trailing spaces, no indentation (which
/// Markdown would read as code), at most one blank line between blocks.
pub fn normalize(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank_run = true;
    for line in markdown.lines() {
        let line = line.trim_matches([' ', '\t', '\r']);
        if line.is_empty() {
            if !blank_run {
                out.push('\n');
            }
            blank_run = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank_run = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Reads rendered Markdown into blocks.
pub fn parse(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut style: Option<String> = None;
    let mut paragraph = String::new();
    let mut raw: Option<String> = None;
    let flush = |paragraph: &mut String, style: &Option<String>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            let title = style.as_deref() == Some(TITLE_STYLE);
            blocks.push(Block {
                heading: title.then_some(1),
                style: if title { None } else { style.clone() },
                runs: parse_inline(paragraph),
            });
            paragraph.clear();
        }
    };
    for line in markdown.lines() {
        let line = line.trim_matches([' ', '\t', '\r']);
        if let Some(xml) = raw.as_mut() {
            if line.starts_with("```") {
                blocks.extend(raw_paragraphs(xml));
                raw = None;
            } else {
                xml.push_str(line);
            }
        } else if line.starts_with("```") {
            flush(&mut paragraph, &style, &mut blocks);
            raw = Some(String::new());
        } else if let Some(rest) = line.strip_prefix(":::") {
            flush(&mut paragraph, &style, &mut blocks);
            style = custom_style(rest);
        } else if let Some((level, text)) = heading(line) {
            flush(&mut paragraph, &style, &mut blocks);
            blocks.push(Block {
                heading: Some(level),
                style: style.clone(),
                runs: parse_inline(text),
            });
        } else if line.is_empty() {
            flush(&mut paragraph, &style, &mut blocks);
        } else {
            paragraph.push_str(line);
            if ends_in_line_break(line) {
                paragraph.push('\n');
            }
        }
    }
    flush(&mut paragraph, &style, &mut blocks);
    blocks
}

/// The style of the title's block; Word's Title, 标题 in Chinese Word.
const TITLE_STYLE: &str = "Title";

/// Whether a line ends in pandoc's line break: a backslash not itself
/// escaped. The backslash and the newline after it read as a newline.
fn ends_in_line_break(line: &str) -> bool {
    line.chars().rev().take_while(|c| *c == '\\').count() % 2 == 1
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let level = line.chars().take_while(|c| *c == '#').count();
    let text = line[level..].strip_prefix(' ')?;
    (1..=5)
        .contains(&level)
        .then_some((level as u8 + 1, text.trim()))
}

/// The paragraphs of ours in a raw openxml block: each `w:p` with a style
/// (`w:pStyle`) and text (its `w:t`s). Other raw paragraphs give nothing.
fn raw_paragraphs(xml: &str) -> Vec<Block> {
    xml.split("</w:p>").filter_map(raw_paragraph).collect()
}

fn raw_paragraph(xml: &str) -> Option<Block> {
    let style = xml.split_once("<w:pStyle w:val='")?.1.split_once('\'')?.0;
    let mut text = String::new();
    for piece in xml.split("<w:t").skip(1) {
        let content = piece.split_once('>')?.1.split_once("</w:t>")?.0;
        text.push_str(&quick_xml::escape::unescape(content).ok()?);
    }
    (!text.is_empty()).then(|| Block {
        heading: None,
        style: Some(style.to_string()),
        runs: vec![Run { text, style: None }],
    })
}

/// The style named in `{custom-style="…"}`, if any.
fn custom_style(attributes: &str) -> Option<String> {
    let rest = attributes.split_once("custom-style=\"")?.1;
    rest.split_once('"').map(|(name, _)| name.to_string())
}

fn parse_inline(text: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some((inner, style, after)) = styled_span(rest) {
            push_run(&mut runs, std::mem::take(&mut plain), None);
            push_run(&mut runs, unescape(inner), Some(style));
            rest = after;
            continue;
        }
        let mut chars = rest.chars();
        match chars.next() {
            Some('\\') => {
                if let Some(escaped) = chars.next() {
                    plain.push(escaped);
                }
            }
            Some(c) => plain.push(c),
            None => {}
        }
        rest = chars.as_str();
    }
    push_run(&mut runs, plain, None);
    runs
}

/// `[text]{custom-style="S"}` at the start of `text`: (text, S, the rest).
fn styled_span(text: &str) -> Option<(&str, String, &str)> {
    let inner_start = text.strip_prefix('[')?;
    let mut escaped = false;
    let close = inner_start.char_indices().find(|(_, c)| {
        let found = *c == ']' && !escaped;
        escaped = *c == '\\' && !escaped;
        found
    })?;
    let inner = &inner_start[..close.0];
    let after = &inner_start[close.0 + 1..];
    let attributes_end = after.strip_prefix('{')?.find('}')? + 1;
    let style = custom_style(&after[1..attributes_end])?;
    Some((inner, style, &after[attributes_end + 1..]))
}

fn push_run(runs: &mut Vec<Run>, text: String, style: Option<String>) {
    if !text.is_empty() {
        runs.push(Run { text, style });
    }
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

/// Plain text for pasting into an OA system: one paragraph a line, body
/// paragraphs and headings indented two full-width spaces, a blank line
/// after the title and before the closing lines.
pub fn to_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous: Option<&Block> = None;
    for block in blocks {
        let is_title = stands_apart(block);
        let closing = matches!(block.style.as_deref(), Some("附件" | "附件列表" | "署名"));
        let after_title = previous.is_some_and(stands_apart);
        let previous_closing = previous.is_some_and(|p| p.style.is_some());
        if previous.is_some() && (is_title || after_title || (closing && !previous_closing)) {
            out.push('\n');
        }
        let flush = is_title || FLUSH_STYLES.contains(&block.style.as_deref().unwrap_or(""));
        if !flush {
            out.push_str("\u{3000}\u{3000}");
        }
        out.push_str(&block.text());
        out.push('\n');
        previous = Some(block);
    }
    out
}

/// Whether a block stands apart between blank lines in text output: the
/// title, and an attachment's label and title.
fn stands_apart(block: &Block) -> bool {
    block.heading == Some(1) || matches!(block.style.as_deref(), Some("附件标识" | "附件标题"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_trims_and_collapses() {
        assert_eq!(
            normalize("\n\n  # 标题  \n\n\n\n正文\n\n"),
            "# 标题\n\n正文\n"
        );
    }

    #[test]
    fn headings_paragraphs_and_styles() {
        let markdown = "::: {custom-style=\"Title\"}\n标题\n:::\n\n# 一、工作\n\n#### （1）细项\n\n第一段\n接续\n\n::: {custom-style=\"署名\"}\n某局\n:::\n";
        let blocks = parse(markdown);
        assert_eq!(blocks.len(), 5);
        assert_eq!(
            (blocks[0].heading, blocks[0].style.as_deref()),
            (Some(1), None)
        );
        assert_eq!(blocks[1].heading, Some(2));
        assert_eq!(blocks[2].heading, Some(5));
        assert_eq!(blocks[3].text(), "第一段接续");
        assert_eq!(blocks[4].style.as_deref(), Some("署名"));
    }

    #[test]
    fn a_backslash_at_the_end_of_a_line_breaks_it() {
        let blocks =
            parse("::: {custom-style=\"Title\"}\n某局2025年度\\\n工作报告\n:::\n\n甲\\\\\n乙\n");
        assert_eq!(blocks[0].text(), "某局2025年度\n工作报告");
        assert_eq!(blocks[1].text(), "甲\\乙");
    }

    #[test]
    fn raw_openxml_is_read_for_our_paragraphs_and_skipped_otherwise() {
        let markdown = "正文。\n\n```{=openxml}\n<w:p><w:r><w:br w:type='page'/></w:r></w:p>\n```\n\n```{=openxml}\n<w:p><w:pPr><w:pStyle w:val='署名'/><w:ind w:right='1440'/></w:pPr><w:r><w:t xml:space='preserve'>甲&amp;乙</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val='成文日期'/></w:pPr><w:r><w:t>2026年1月8日</w:t></w:r></w:p>\n```\n";
        let blocks = parse(markdown);
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[1].style.as_deref(), Some("署名"));
        assert_eq!(blocks[1].text(), "甲&乙");
        assert_eq!(blocks[2].style.as_deref(), Some("成文日期"));
    }

    #[test]
    fn run_in_heading_is_a_styled_run() {
        let blocks = parse("[（一）突出引领。]{custom-style=\"二级标题字符\"}一是加强\\*建设。\n");
        let runs = &blocks[0].runs;
        assert_eq!(runs[0].text, "（一）突出引领。");
        assert_eq!(runs[0].style.as_deref(), Some("二级标题字符"));
        assert_eq!(runs[1].text, "一是加强*建设。");
        assert_eq!(runs[1].style, None);
    }

    #[test]
    fn escaped_brackets_are_not_spans() {
        let blocks = parse("\\[注\\]正文\n");
        assert_eq!(blocks[0].text(), "[注]正文");
    }

    #[test]
    fn text_output_indents_body_not_title_or_signature() {
        let markdown = "::: {custom-style=\"Title\"}\n标题\n:::\n\n# 一、工作\n\n正文。\n\n::: {custom-style=\"署名\"}\n某局\n:::\n\n::: {custom-style=\"成文日期\"}\n2023年2月2日\n:::\n";
        assert_eq!(
            to_text(&parse(markdown)),
            "标题\n\n\u{3000}\u{3000}一、工作\n\u{3000}\u{3000}正文。\n\n某局\n2023年2月2日\n"
        );
    }
}
