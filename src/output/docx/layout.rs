//! The GB/T 9704-2012 page, and which style each paragraph of the Markdown
//! gets.

use crate::input::markdown::Block;

/// Millimetres to twips (1/1440 inch), rounded to the nearest twip.
pub const fn mm_to_twips(mm: u32) -> u32 {
    tenth_mm_to_twips(mm * 10)
}

/// Tenths of a millimetre to twips, rounded to the nearest twip.
pub const fn tenth_mm_to_twips(tenths: u32) -> u32 {
    (tenths * 1_440 + 127) / 254
}

/// Page size and margins in twips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Paper width.
    pub width: u32,
    /// Paper height.
    pub height: u32,
    /// Top margin (天头).
    pub top: u32,
    /// Bottom margin.
    pub bottom: u32,
    /// Left margin (订口).
    pub left: u32,
    /// Right margin.
    pub right: u32,
    /// Distance from the paper's top edge to the header.
    pub header: u32,
    /// Distance from the paper's bottom edge to the footer's bottom.
    pub footer: u32,
}

/// A4 with a text block of 156 × 225 mm: top 37, bottom 35, left 28,
/// right 26 mm. The page number's 一字线 is 7 mm under the text block
/// (GB/T 9704 7.5), 28 mm above the paper's edge: the footer's distance
/// is where the bottom of its line of 4号 goes, and that puts the dash's
/// stroke 2.7 mm above it (measured on LibreOffice's PDF, with a CJK serif
/// for 宋体), so 25.3 mm.
pub const GB_T_9704: Page = Page {
    width: mm_to_twips(210),
    height: mm_to_twips(297),
    top: mm_to_twips(37),
    bottom: mm_to_twips(35),
    left: mm_to_twips(28),
    right: mm_to_twips(26),
    header: mm_to_twips(15),
    footer: tenth_mm_to_twips(253),
};

/// Lines of body text on a page.
pub const LINES_PER_PAGE: u32 = 22;

/// The body's fixed line pitch in twips: the text block's height over 22
/// lines, rounded down so that 22 lines fit (579, about 28.95 pt).
pub const LINE_PITCH: u32 = (GB_T_9704.height - GB_T_9704.top - GB_T_9704.bottom) / LINES_PER_PAGE;

/// The width of one character of 3号 body text in twips (16 pt).
pub const BODY_CHAR: u32 = 320;

/// The relationship ids of our two page-number footers.
pub const FOOTER_ODD_ID: &str = "rIdFooterOdd";
/// See [`FOOTER_ODD_ID`].
pub const FOOTER_EVEN_ID: &str = "rIdFooterEven";

/// Our section properties: odd and even page-number footers, A4 and the
/// margins, and a line grid of 22 lines, which is what Word's and WPS's
/// page setup shows; 28 characters a line is character spacing in the
/// styles (see the comment on their docDefaults for why not a character
/// grid). Children in CT_SectPr's order.
pub fn section_properties() -> String {
    let page = GB_T_9704;
    format!(
        "<w:sectPr>\
         <w:footerReference w:type=\"default\" r:id=\"{FOOTER_ODD_ID}\"/>\
         <w:footerReference w:type=\"even\" r:id=\"{FOOTER_EVEN_ID}\"/>\
         <w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
         <w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>\
         <w:cols w:space=\"425\"/>\
         <w:docGrid w:type=\"lines\" w:linePitch=\"{LINE_PITCH}\"/>\
         </w:sectPr>",
        page.width,
        page.height,
        page.top,
        page.right,
        page.bottom,
        page.left,
        page.header,
        page.footer
    )
}

/// The paragraph styles a report is written in, by name. The title, the
/// headings and body text are Word's own Title, heading 1 to 5 and
/// Normal, which Chinese Word calls 标题, 标题 1… and 正文 (styles of our
/// own by those names would clash with them there), so that every reader
/// of .docx (pandoc, mammoth, a screen reader) knows them for what they
/// are; the headings carry their Chinese names (一级标题…) as aliases.
pub const PARAGRAPH_STYLES: &[&str] = &[
    "Title",
    "heading 1",
    "heading 2",
    "heading 3",
    "heading 4",
    "heading 5",
    "Normal",
    "主送机关",
    "附件",
    "附件列表",
    "署名",
    "成文日期",
    "附件标识",
    "附件标题",
];

/// The character styles of headings run into their paragraph.
pub const CHARACTER_STYLES: &[&str] = &["一级标题字符", "二级标题字符", "三级标题字符"];

/// Body paragraphs' style (正文 in Chinese Word).
pub const BODY_STYLE: &str = "Normal";

/// The title's style (标题 in Chinese Word).
pub const TITLE_STYLE: &str = "Title";

/// The id of one of our styles: Word's for its built-in ones (heading 1 is
/// Heading1), the name for the others.
pub fn our_style_id(name: &str) -> &str {
    match name {
        "heading 1" => "Heading1",
        "heading 2" => "Heading2",
        "heading 3" => "Heading3",
        "heading 4" => "Heading4",
        "heading 5" => "Heading5",
        other => other,
    }
}

/// The title is Title, 一、 heading 1, （一） heading 2, 1. heading 3,
/// （1） heading 4 (and a level below, heading 5); a styled block its own
/// style; anything else body text.
pub fn paragraph_style(block: &Block) -> &str {
    match block.heading {
        Some(1) => TITLE_STYLE,
        Some(2) => "heading 1",
        Some(3) => "heading 2",
        Some(4) => "heading 3",
        Some(5) => "heading 4",
        Some(_) => "heading 5",
        None => block.style.as_deref().unwrap_or(BODY_STYLE),
    }
}

/// Paragraph properties beside the style's, worked out from neighbours.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Direct {
    /// A report after a covering circular starts on a new page.
    pub page_break_before: bool,
    /// Right indent in hundredths of a character (署名 and 成文日期).
    pub right_indent: Option<u32>,
}

fn style_of(block: Option<&Block>) -> Option<&str> {
    block.and_then(|b| b.style.as_deref())
}

/// The direct formatting of `block` between `previous` and `next`.
pub fn direct_formatting(previous: Option<&Block>, block: &Block, next: Option<&Block>) -> Direct {
    let right_indent = match (style_of(previous), style_of(Some(block)), style_of(next)) {
        (_, Some("署名"), Some("成文日期")) => {
            next.map(|date| signature_indents(&block.text(), &date.text()).0)
        }
        (Some("署名"), Some("成文日期"), _) => {
            previous.map(|signature| signature_indents(&signature.text(), &block.text()).1)
        }
        _ => None,
    };
    Direct {
        page_break_before: block.heading == Some(1)
            && matches!(style_of(previous), Some("署名" | "成文日期")),
        right_indent,
    }
}

/// Right indents of a 署名 and the 成文日期 under it, in hundredths of a
/// character, per GB/T 9704-2012 7.3.5.3 (unsealed): the signature two
/// characters from the right, the date starting two characters right of
/// the signature's start; when that leaves the date less than two
/// characters from the right, the date is two characters in and the
/// signature moves left.
pub fn signature_indents(signature: &str, date: &str) -> (u32, u32) {
    let (signature, date) = (half_widths(signature), half_widths(date));
    let (signature_half, date_half) = if signature >= date + 4 {
        (4, signature - date)
    } else {
        (date + 8 - signature, 4)
    };
    (signature_half * 50, date_half * 50)
}

/// Width in half characters: ASCII (Arabic digits included) is half a
/// character wide in the body font, everything else a whole one.
fn half_widths(text: &str) -> u32 {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::markdown::Run;

    #[test]
    fn margins_in_twips() {
        let page = GB_T_9704;
        assert_eq!((page.width, page.height), (11906, 16838));
        assert_eq!(
            (page.top, page.bottom, page.left, page.right),
            (2098, 1984, 1587, 1474)
        );
        // The text block is 156 × 225 mm, give or take the rounding.
        assert!((page.width - page.left - page.right).abs_diff(mm_to_twips(156)) <= 1);
        assert_eq!(page.height - page.top - page.bottom, mm_to_twips(225));
        assert_eq!(LINE_PITCH, 579);
    }

    fn heading(level: u8) -> Block {
        Block {
            heading: Some(level),
            style: None,
            runs: vec![Run {
                text: "x".into(),
                style: None,
            }],
        }
    }

    #[test]
    fn markdown_levels_map_to_styles() {
        assert_eq!(paragraph_style(&heading(1)), "Title");
        assert_eq!(paragraph_style(&heading(3)), "heading 2");
        assert_eq!(paragraph_style(&heading(5)), "heading 4");
        assert_eq!(our_style_id("heading 4"), "Heading4");
        let mut signature = heading(1);
        signature.heading = None;
        assert_eq!(paragraph_style(&signature), "Normal");
        signature.style = Some("署名".into());
        assert_eq!(paragraph_style(&signature), "署名");
    }

    #[test]
    fn a_date_longer_than_the_signature_sits_two_characters_in() {
        // 南屿市司法局 is 6 characters, 2026年1月28日 6.5.
        assert_eq!(
            signature_indents("南屿市司法局", "2026年1月28日"),
            (450, 200)
        );
    }

    #[test]
    fn a_long_signature_sits_two_characters_in_and_the_date_under_its_third() {
        let signature = "中共某某市委全面依法治市委员会办公室";
        let (signature_indent, date_indent) = signature_indents(signature, "2026年1月28日");
        assert_eq!(signature_indent, 200);
        // Measured from the right: the signature starts 2 + 18 characters
        // in, the date 6.5 + its indent, two characters fewer.
        assert_eq!((signature_indent + 1800) - (date_indent + 650), 200);
    }
}
