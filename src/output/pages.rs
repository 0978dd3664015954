//! The report laid out in pages as the .docx prints: A4 in the GB/T 9704
//! layout, 22 lines of 28 characters, every line on the grid. What the
//! workbench's preview shows, so it must break lines and pages where
//! LibreOffice and WPS do (a test compares it with LibreOffice's PDF of
//! every example).
//!
//! Lines are filled greedily with the widths LibreOffice gives the
//! .docx's fonts (a Chinese character one em less the styles' 0.25 pt of
//! condensing, Latin letters and numerals half an em in the fixed-pitch
//! 仿宋 and 楷体, a little more in 黑体, a fifth of an em of space between
//! the two scripts), keeping closing marks off the start of a line and
//! opening marks off its end; no mark hangs past the margin. Pages follow
//! the styles' spacing (a line before 署名 and 附件, one after the title),
//! keep a heading with the first line of what follows, keep an
//! attachment's lines together, and start a report after its covering
//! circular on a new page.

use crate::input::markdown::{Block, Run};
use crate::output::docx::layout::{self, GB_T_9704, LINES_PER_PAGE};

/// One line on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The paragraph it belongs to, by index in the blocks laid out.
    pub block: usize,
    /// Its text, in runs with their character styles.
    pub runs: Vec<Run>,
    /// Where it starts, in twips from the text block's left edge.
    pub indent: u32,
    /// Its right indent, in twips from the text block's right edge.
    pub right: u32,
    /// Room left after it up to the right margin, in twips (negative when
    /// a closing mark hangs past it).
    pub room: i32,
    /// How it is set.
    pub align: Align,
    /// Whether it is the last line of its paragraph (not spread out when
    /// the paragraph is justified).
    pub last: bool,
}

impl Line {
    /// The line's text without styles.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// How a paragraph's lines are set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Spread to both margins, the last line flush left.
    Justify,
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right, `indent` twips from the right margin.
    Right,
}

/// A page: 22 rows of the grid, each a line or empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The rows from the top, `None` for an empty one (spacing, or the
    /// rest of a page after a break).
    pub rows: Vec<Option<Line>>,
}

impl Page {
    /// The lines on the page, in order.
    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        self.rows.iter().flatten()
    }
}

/// The paragraph's place on the page, from its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Format {
    /// Font size in twips (a full-width character's advance before
    /// condensing).
    size: u32,
    /// Left indent of the first line and of the others, in twips.
    first_indent: u32,
    indent: u32,
    /// Right indent, in twips.
    right_indent: u32,
    align: Align,
    /// Rows of spacing before and after.
    before: usize,
    after: usize,
    keep_next: bool,
    keep_lines: bool,
    /// No spacing before when the paragraph before has the same style.
    contextual: bool,
    page_break_before: bool,
    /// Latin letters and numerals are set in a proportional face (黑体,
    /// the title's 小标宋) rather than the fixed-pitch 仿宋 and 楷体.
    proportional: bool,
}

/// The styles condense every character by 0.25 pt.
const CONDENSED: u32 = 5;
/// Two characters of 3号.
const TWO_CHARACTERS: u32 = 2 * layout::BODY_CHAR;
/// The title is 2号 (22 pt).
const TITLE_SIZE: u32 = 440;

/// The width of the text block in twips.
fn text_width() -> u32 {
    GB_T_9704.width - GB_T_9704.left - GB_T_9704.right
}

fn format_of(block: &Block, direct: &layout::Direct) -> Format {
    let style = layout::paragraph_style(block);
    let body = Format {
        size: layout::BODY_CHAR,
        first_indent: TWO_CHARACTERS,
        indent: 0,
        right_indent: 0,
        align: Align::Justify,
        before: 0,
        after: 0,
        keep_next: false,
        keep_lines: false,
        contextual: false,
        page_break_before: direct.page_break_before,
        proportional: false,
    };
    let flush = Format {
        first_indent: 0,
        ..body
    };
    let format = match style {
        layout::TITLE_STYLE => Format {
            size: TITLE_SIZE,
            align: Align::Center,
            after: 1,
            keep_next: true,
            proportional: true,
            ..flush
        },
        "heading 1" => Format {
            keep_next: true,
            proportional: true,
            ..body
        },
        "heading 2" | "heading 3" | "heading 4" | "heading 5" => Format {
            keep_next: true,
            ..body
        },
        "主送机关" => Format {
            align: Align::Left,
            ..flush
        },
        "附件标识" => Format {
            align: Align::Left,
            keep_next: true,
            page_break_before: true,
            proportional: true,
            ..flush
        },
        "附件标题" => Format {
            size: TITLE_SIZE,
            align: Align::Center,
            after: 1,
            keep_next: true,
            proportional: true,
            ..flush
        },
        "附件" => attachment(1585, 945, flush),
        "附件列表" => attachment(1895, 1255, flush),
        "署名" => Format {
            align: Align::Right,
            right_indent: 1280,
            before: 1,
            keep_next: true,
            ..flush
        },
        "成文日期" => Format {
            align: Align::Right,
            right_indent: 640,
            ..flush
        },
        _ => body,
    };
    match direct.right_indent {
        Some(chars) => Format {
            right_indent: chars * layout::BODY_CHAR / 100,
            ..format
        },
        None => format,
    }
}

/// An attachment line: a line before the first, the name's later lines
/// under its first character, and its lines kept together.
fn attachment(left: u32, hanging: u32, flush: Format) -> Format {
    Format {
        first_indent: left - hanging,
        indent: left,
        align: Align::Left,
        before: 1,
        keep_lines: true,
        contextual: true,
        ..flush
    }
}

/// Marks that may not begin a line.
const CLOSING: &str = "，。、；：？！）〉》」』】〕〗］｝”’…—·%),.;:?!]}";
/// Marks that may not end a line.
const OPENING: &str = "（〈《「『【〔〖［｛“‘([{";

/// The advance of `c` in twips in a paragraph of `format`.
fn advance(c: char, format: &Format) -> u32 {
    let em = format.size;
    let width = if c.is_ascii() {
        if format.proportional {
            em * 11 / 20
        } else {
            em / 2
        }
    } else {
        em
    };
    width - CONDENSED
}

/// The space LibreOffice sets between a Chinese character and a Latin
/// letter or numeral: a fifth of an em (where Word sets a quarter),
/// measured on its PDFs.
fn autospace(format: &Format) -> u32 {
    format.size / 5
}

/// What goes between two neighbouring characters beyond their advances.
/// LibreOffice condenses every character of a stretch in one script and
/// style but its last, so a change of script or run gives back the 0.25
/// pt; a Chinese character beside a Latin letter or numeral adds the
/// autospace.
fn between(before: (char, usize), after: (char, usize), format: &Format) -> u32 {
    let new_stretch = before.0.is_ascii() != after.0.is_ascii() || before.1 != after.1;
    let given_back = if new_stretch { CONDENSED } else { 0 };
    let space = if autospaced(before.0, after.0) {
        autospace(format)
    } else {
        0
    };
    given_back + space
}

/// The width of a stretch of characters set as one line, in twips: its
/// last character is not condensed either.
fn width_of(chars: &[(char, usize)], format: &Format) -> u32 {
    let advances: u32 = chars.iter().map(|&(c, _)| advance(c, format)).sum();
    let betweens: u32 = chars
        .windows(2)
        .map(|pair| between(pair[0], pair[1], format))
        .sum();
    let last = if chars.is_empty() { 0 } else { CONDENSED };
    advances + betweens + last
}

/// Whether a line may break between `before` and `after`: never inside a
/// run of Latin letters, numerals and signs (`1+1>2`), before a closing mark or after an
/// opening one, nor (as LibreOffice's line breaking has it) between a
/// closing mark and a numeral (`、3名`).
fn may_break(before: char, after: char) -> bool {
    let word = |c: char| c.is_ascii_graphic();
    !(CLOSING.contains(after)
        || OPENING.contains(before)
        || word(before) && word(after)
        || !before.is_ascii() && CLOSING.contains(before) && after.is_ascii_digit())
}

/// The characters of a paragraph with their runs' styles.
fn styled_chars(block: &Block) -> Vec<(char, usize)> {
    block
        .runs
        .iter()
        .enumerate()
        .flat_map(|(run, r)| r.text.chars().map(move |c| (c, run)))
        .collect()
}

/// The paragraph broken into lines.
fn break_lines(index: usize, block: &Block, format: &Format) -> Vec<Line> {
    let chars = styled_chars(block);
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() || lines.is_empty() {
        let indent = if lines.is_empty() {
            format.first_indent
        } else {
            format.indent
        };
        let room = text_width().saturating_sub(indent + format.right_indent);
        let (end, next) = line_end(&chars, start, room, format);
        let width = width_of(&chars[start..end], format);
        lines.push(Line {
            block: index,
            runs: runs_of(block, &chars[start..end]),
            indent,
            right: format.right_indent,
            room: room as i32 - width as i32,
            align: format.align,
            last: next >= chars.len(),
        });
        start = next;
    }
    lines
}

/// Where the line starting at `start` ends, and where the next begins
/// (past a forced line break).
fn line_end(chars: &[(char, usize)], start: usize, room: u32, format: &Format) -> (usize, usize) {
    let mut width = 0;
    let mut end = start;
    while end < chars.len() {
        let c = chars[end].0;
        if c == '\n' {
            return (end, end + 1);
        }
        let gap = if end > start {
            between(chars[end - 1], chars[end], format)
        } else {
            0
        };
        let wider = width + gap + advance(c, format);
        if wider + CONDENSED > room {
            break;
        }
        width = wider;
        end += 1;
    }
    if end == chars.len() {
        return (end, end);
    }
    let mut at = end;
    while at > start + 1 && !may_break(chars[at - 1].0, chars[at].0) {
        at -= 1;
    }
    if !may_break(chars[at - 1].0, chars[at].0) {
        at = end.max(start + 1);
    }
    (at, at)
}

/// Whether a space goes between `before` and `after`, as LibreOffice sets
/// one between a Latin letter or numeral and a Chinese character.
fn autospaced(before: char, after: char) -> bool {
    let han = |c: char| matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}');
    let latin = |c: char| c.is_ascii_alphanumeric();
    han(before) && latin(after) || latin(before) && han(after)
}

/// The runs of `block` that `chars` (a stretch of its characters) covers.
fn runs_of(block: &Block, chars: &[(char, usize)]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut current: Option<usize> = None;
    for &(c, run) in chars {
        if current != Some(run) {
            runs.push(Run {
                text: String::new(),
                style: block.runs[run].style.clone(),
            });
            current = Some(run);
        }
        if let Some(last) = runs.last_mut() {
            last.text.push(c);
        }
    }
    runs
}

/// A paragraph ready to be placed: its format and lines.
struct Placed {
    format: Format,
    style: String,
    lines: Vec<Line>,
}

/// `blocks` laid out in pages.
pub fn paginate(blocks: &[Block]) -> Vec<Page> {
    let placed: Vec<Placed> = blocks
        .iter()
        .enumerate()
        .map(|(index, block)| {
            let previous = index.checked_sub(1).map(|i| &blocks[i]);
            let direct = layout::direct_formatting(previous, block, blocks.get(index + 1));
            let format = format_of(block, &direct);
            Placed {
                format,
                style: layout::paragraph_style(block).to_string(),
                lines: break_lines(index, block, &format),
            }
        })
        .collect();
    let mut pages = Pages::default();
    for (index, paragraph) in placed.iter().enumerate() {
        let previous = index.checked_sub(1).map(|i| &placed[i]);
        pages.place(paragraph, previous, kept_with(&placed[index..]));
    }
    pages.finish()
}

/// The rows that must go on the page with the first paragraph of
/// `placed`: all its lines when kept together, and with the first line
/// of the next when it keeps with it, following a chain of headings.
fn kept_with(placed: &[Placed]) -> usize {
    let mut rows = 0;
    for (i, paragraph) in placed.iter().enumerate() {
        let lines = paragraph.lines.len();
        if i > 0 {
            rows += paragraph.format.before;
        }
        if !paragraph.format.keep_next {
            let kept = if paragraph.format.keep_lines {
                lines
            } else {
                1
            };
            return rows + kept;
        }
        rows += lines + paragraph.format.after;
    }
    rows
}

/// Pages being filled.
#[derive(Default)]
struct Pages {
    done: Vec<Page>,
    rows: Vec<Option<Line>>,
}

impl Pages {
    fn room(&self) -> usize {
        LINES_PER_PAGE as usize - self.rows.len()
    }

    fn new_page(&mut self) {
        let mut rows = std::mem::take(&mut self.rows);
        rows.resize(LINES_PER_PAGE as usize, None);
        self.done.push(Page { rows });
    }

    fn push(&mut self, row: Option<Line>) {
        if self.room() == 0 {
            self.new_page();
        }
        self.rows.push(row);
    }

    fn place(&mut self, paragraph: &Placed, previous: Option<&Placed>, kept: usize) {
        let format = &paragraph.format;
        if format.page_break_before && !(self.done.is_empty() && self.rows.is_empty()) {
            self.new_page();
        }
        let same_style = previous.is_some_and(|p| p.style == paragraph.style);
        let before = if format.contextual && same_style {
            0
        } else {
            format.before
        };
        let at_top = self.rows.is_empty();
        let kept = kept + before;
        if !at_top && kept > self.room() && kept <= LINES_PER_PAGE as usize {
            self.new_page();
        }
        if !self.rows.is_empty() {
            for _ in 0..before {
                self.push(None);
            }
        }
        for line in &paragraph.lines {
            self.push(Some(line.clone()));
        }
        for _ in 0..format.after {
            self.push(None);
        }
    }

    fn finish(mut self) -> Vec<Page> {
        if !self.rows.iter().all(Option::is_none) || self.done.is_empty() {
            self.new_page();
        }
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::markdown;

    fn pages(markdown: &str) -> Vec<Page> {
        paginate(&markdown::parse(markdown))
    }

    fn texts(page: &Page) -> Vec<String> {
        page.lines().map(Line::text).collect()
    }

    #[test]
    fn a_full_line_holds_28_characters_after_a_two_character_indent_26() {
        let paragraph = "甲".repeat(60);
        let page = &pages(&format!("{paragraph}\n"))[0];
        let lengths: Vec<usize> = texts(page).iter().map(|t| t.chars().count()).collect();
        assert_eq!(lengths, [26, 28, 6]);
    }

    /// The lines of a paragraph whose first line is 26 characters of 乙,
    /// so that `second` begins a full line.
    fn second_lines(second: &str) -> Vec<String> {
        let lines = texts(&pages(&format!("{}{second}\n", "乙".repeat(26)))[0]);
        lines[1..].to_vec()
    }

    // The cases below were set by LibreOffice the same way.

    #[test]
    fn numerals_are_half_a_character_with_space_around_them_and_not_broken() {
        let jia = |n: usize| "甲".repeat(n);
        let fits = format!("{}6{}", jia(23), jia(4));
        assert_eq!(second_lines(&fits), std::slice::from_ref(&fits));
        let two = format!("{}66{}", jia(24), jia(3));
        assert_eq!(
            second_lines(&two),
            [format!("{}66{}", jia(24), jia(2)), jia(1)]
        );
        assert_eq!(
            second_lines(&format!("{}6666", jia(26))),
            [jia(26), "6666".to_string()]
        );
    }

    #[test]
    fn a_closing_mark_never_starts_a_line_nor_hangs_past_the_margin() {
        let jia = |n: usize| "甲".repeat(n);
        let full = format!("{}、", jia(27));
        assert_eq!(second_lines(&full), std::slice::from_ref(&full));
        assert_eq!(
            second_lines(&format!("{}。", jia(28))),
            [jia(27), "甲。".to_string()]
        );
        assert_eq!(
            second_lines(&format!("{}（社区）”。", jia(24))),
            [format!("{}（社", jia(24)), "区）”。".to_string()]
        );
    }

    #[test]
    fn a_page_holds_22_lines_and_a_heading_goes_with_what_follows() {
        let paragraph = "甲".repeat(26 + 28 * 20);
        let markdown = format!("{paragraph}\n\n# 一、标题\n\n乙乙。\n");
        let pages = pages(&markdown);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].lines().count(), 21);
        assert_eq!(texts(&pages[1]), ["一、标题", "乙乙。"]);
    }

    #[test]
    fn the_title_has_a_line_after_it_and_a_circular_s_report_starts_a_page() {
        let markdown = "::: {custom-style=\"Title\"}\n关于印发\\\n工作总结的通知\n:::\n\n正文。\n\n::: {custom-style=\"成文日期\"}\n2026年1月28日\n:::\n\n::: {custom-style=\"Title\"}\n工作总结\n:::\n\n正文。\n";
        let pages = pages(markdown);
        assert_eq!(pages.len(), 2);
        let first = &pages[0].rows;
        assert_eq!(first[0].as_ref().unwrap().text(), "关于印发");
        assert_eq!(first[1].as_ref().unwrap().text(), "工作总结的通知");
        assert!(first[2].is_none());
        assert_eq!(first[3].as_ref().unwrap().text(), "正文。");
        assert_eq!(texts(&pages[1])[0], "工作总结");
    }
}
