//! The characters and sentence ends of Chinese official text: which
//! characters are Chinese, and a heading written as a sentence (run into
//! its paragraph) or as a heading (on its own line).

/// Characters of Chinese text: ideographs and full-width punctuation.
pub fn is_chinese(c: char) -> bool {
    is_ideograph(c) || is_chinese_punctuation(c)
}

/// CJK ideographs, 〇 included.
pub fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}' | '〇')
}

/// Full-width punctuation and the marks Chinese text uses (— … “ ” ·).
pub fn is_chinese_punctuation(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
        | '—' | '…' | '“' | '”' | '‘' | '’' | '·')
}

/// The heading number a paragraph starts with — 一、 （一） 1. （1） — as
/// Punctuation that may end a sentence or a heading.
const ENDING_MARKS: &[char] = &['。', '！', '？', '；', '：', '…', '.', '!', '?', ';', ':'];

/// The text with a full stop appended unless it already ends with an end
/// mark, as a heading needs when it runs into its paragraph.
pub fn as_sentence(text: &str) -> String {
    let trimmed = text.trim_end();
    let ends_closed = trimmed
        .trim_end_matches(['”', '’', '）', ')', '》', '」'])
        .ends_with(ENDING_MARKS);
    if trimmed.is_empty() || ends_closed {
        trimmed.to_string()
    } else {
        format!("{trimmed}。")
    }
}

/// The text with a closing end mark (and a trailing comma or the like)
/// removed, as a heading on its own line is written.
pub fn as_heading(text: &str) -> String {
    text.trim_end()
        .trim_end_matches(['。', '，', '；', ',', ';', '.'])
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_headings() {
        let cases = [
            ("突出政治引领", "突出政治引领。"),
            ("突出政治引领。", "突出政治引领。"),
            ("围绕中心工作：", "围绕中心工作："),
            ("打造“新铁军”", "打造“新铁军”。"),
            ("是否到位？”", "是否到位？”"),
        ];
        for (text, expected) in cases {
            assert_eq!(as_sentence(text), expected, "{text}");
        }
        assert_eq!(as_heading("加强统筹协调。"), "加强统筹协调");
        assert_eq!(as_heading("打造“新铁军”"), "打造“新铁军”");
    }
}
