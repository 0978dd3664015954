//! YAML mistakes said in Chinese at the place of the mistake itself, with
//! the fix. The mistakes clerks make most are found on the lines before
//! the parser is asked (a tab used for indentation, a full-width colon or
//! no space after a key's colon), so each is reported where it is, and
//! several at once; the parser's own errors are translated, with its words
//! in brackets, and a line whose indentation disagrees is compared with the
//! line it should line up with.

use std::ops::Not;

use granit_parser::ScanError;

use crate::base::diagnostic::{Diagnostic, Span};

/// A mistake found on the lines of the file, before parsing.
#[derive(Debug, Clone)]
pub struct LineMistake {
    /// The key the mistake follows, when it is at a key.
    pub key: Option<String>,
    /// The diagnostic, at the mistake.
    pub diagnostic: Diagnostic,
    /// The same-length text that mends it (`: ` and a space for `：`), when
    /// the rest of the file can be read with the mend in place.
    pub mend: Option<(std::ops::Range<usize>, &'static str)>,
}

/// The mistakes on the lines of `source`: tabs in indentation, full-width
/// colons after keys, keys with no space after the colon. Lines inside a
/// `|` or `>` block are prose and are left alone.
pub fn line_mistakes(source: &str) -> Vec<LineMistake> {
    let mut found = Vec::new();
    let mut block_indent: Option<usize> = None;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start_matches([' ', '\t']).len();
        if let Some(block) = block_indent {
            if content.trim().is_empty() || indent > block {
                continue;
            }
            block_indent = None;
        }
        if content.trim_start().starts_with('#') {
            continue;
        }
        found.extend(tab_in_indentation(source, start, content));
        if let Some(key) = key_at(content) {
            found.extend(colon_mistake(source, start, &key));
            if key.opens_block {
                block_indent = Some(key.indent);
            }
        }
    }
    found
}

/// A key at the start of a line: where it is and what follows it.
struct LineKey<'a> {
    /// Indentation of the line, dash included.
    indent: usize,
    /// The key's text.
    name: &'a str,
    /// Byte offset of the colon in the line.
    colon: usize,
    /// The colon as written: `:` or `：`.
    colon_char: char,
    /// Whether the value is `|` or `>`: the lines below are prose.
    opens_block: bool,
    /// Whether a character other than a space follows a `:`.
    glued: bool,
}

/// The key a line starts with (after indentation and an optional `- `), if
/// the line looks like one: a short run of characters without spaces or
/// quotes, then a colon.
fn key_at(content: &str) -> Option<LineKey<'_>> {
    let indent = content.len() - content.trim_start_matches(' ').len();
    let rest = &content[indent..];
    let (dash, rest) = match rest.strip_prefix("- ") {
        Some(after) => (2, after),
        None => (0, rest),
    };
    let colon_at = rest.find([':', '：'])?;
    let name = &rest[..colon_at];
    let plausible = !name.is_empty()
        && name.chars().count() <= 12
        && !name.contains([' ', '"', '\'', '{', '[', '#', '\t'])
        && !name.starts_with("http");
    if !plausible {
        return None;
    }
    let colon_char = rest[colon_at..].chars().next()?;
    let after = &rest[colon_at + colon_char.len_utf8()..];
    let value = after.trim();
    Some(LineKey {
        indent: indent + dash,
        name,
        colon: indent + dash + colon_at,
        colon_char,
        opens_block: value.starts_with('|') || value.starts_with('>'),
        glued: colon_char == ':' && !after.is_empty() && !after.starts_with([' ', '\t']),
    })
}

/// Whether `line` reads as a key followed by a full-width colon or by a
/// colon with no space: text the writer must quote so that it is not
/// taken for such a mistake (`- 工作：` as a list item).
pub fn looks_like_mistaken_key(line: &str) -> bool {
    key_at(line).is_some_and(|key| key.colon_char == '：' || key.glued)
}

fn colon_mistake(source: &str, line_start: usize, key: &LineKey) -> Option<LineMistake> {
    let at = line_start + key.colon;
    let name = key.name;
    if key.colon_char == '：' {
        let span = Span::from_bytes(source, at..at + '：'.len_utf8());
        let diagnostic = Diagnostic::error(
            format!("“{name}：”用了全角冒号：YAML 的键后面要用半角冒号和空格"),
            Some(span),
        )
        .with_note(format!(
            "改为“{name}: ”（用英文输入法输入冒号，后面加一个空格）"
        ));
        return Some(LineMistake {
            key: Some(name.to_string()),
            diagnostic,
            mend: Some((at..at + '：'.len_utf8(), ":  ")),
        });
    }
    if key.glued {
        let span = Span::from_bytes(source, at..at + 1);
        let value_start = &source[at + 1..];
        let value: String = value_start.chars().take_while(|c| *c != '\n').collect();
        let diagnostic = Diagnostic::error(
            format!("“{name}:”后面少了一个空格：YAML 的键和值之间要有空格"),
            Some(span),
        )
        .with_note(format!("改为“{name}: {}”", value.trim_end_matches('\r')));
        return Some(LineMistake {
            key: Some(name.to_string()),
            diagnostic,
            mend: None,
        });
    }
    None
}

fn tab_in_indentation(source: &str, line_start: usize, content: &str) -> Option<LineMistake> {
    let leading = content.len() - content.trim_start_matches([' ', '\t']).len();
    let tab = content[..leading].find('\t')?;
    let at = line_start + tab;
    let diagnostic = Diagnostic::error(
        "这一行用 Tab 键缩进了：YAML 只能用空格缩进",
        Some(Span::from_bytes(source, at..at + 1)),
    )
    .with_note("把行首的 Tab 换成空格，与上下同一层的行对齐（通常每层两个空格）");
    Some(LineMistake {
        key: None,
        diagnostic,
        mend: None,
    })
}

/// The parser's error at byte `at` of `source`, in Chinese with the
/// parser's words in brackets, and a hint when the line's indentation or a
/// brace explains it.
pub fn syntax_error(source: &str, at: usize, error: &ScanError) -> Diagnostic {
    let english = &error.info();
    let bracket = unclosed_bracket(source, at.min(source.len()), english);
    let start = bracket.map_or(at.min(source.len()), |(at, _)| at);
    let end = source[start..]
        .chars()
        .next()
        .filter(|c| *c != '\n')
        .map_or(start, |c| start + c.len_utf8());
    let span = Span::from_bytes(source, start..end);
    let message = format!("YAML 语法错误：{}（{english}）", chinese(english));
    let mut diagnostic = Diagnostic::error(message, Some(span.clone()));
    let bracket_hint = bracket.map(|(_, open)| {
        let close = if open == '[' { ']' } else { '}' };
        format!("这里的“{open}”没有对应的“{close}”；文字以“{open}”开头时要加引号")
    });
    let hint = bracket_hint
        .or_else(|| indentation_hint(source, span.line, english))
        .or_else(|| brace_start_hint(source, span.line))
        .or_else(|| colon_in_value_hint(source, span.line, english));
    if let Some(hint) = hint {
        diagnostic = diagnostic.with_note(hint);
    }
    diagnostic
}

/// For the parser's complaints about brackets, the last `[` or `{` before
/// `at` that no `]` or `}` closes (outside quotes): the mistake itself,
/// which the parser only notices later.
fn unclosed_bracket(source: &str, at: usize, english: &str) -> Option<(usize, char)> {
    let about_brackets = [
        "illegal placement of ':'",
        "expected ',' or ']'",
        "expected ',' or '}'",
    ]
    .iter()
    .any(|words| english.contains(words));
    if !about_brackets {
        return None;
    }
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut quote = None;
    for (i, c) in source[..at].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => open.push((i, c)),
            (None, ']' | '}') => {
                open.pop();
            }
            (None, '\n') => quote = None,
            _ => {}
        }
    }
    open.last().copied()
}

/// A Chinese reading of the parser's message.
fn chinese(english: &str) -> &'static str {
    const KNOWN: &[(&str, &str)] = &[
        (
            "unclosed quote",
            "引号没有闭合：从这里开始的引号到文件末尾都没有结束",
        ),
        ("tab", "用了 Tab 键：YAML 只能用空格缩进"),
        (
            "did not find expected '-' indicator",
            "列表这一项的缩进与上面的项对不齐",
        ),
        (
            "did not find expected key",
            "这一行的缩进与上面同一层的键对不齐",
        ),
        (
            "mapping values are not allowed",
            "这里不能再写“键: 值”：缩进不对，或文字里的“: ”需要加引号",
        ),
        (
            "did not find expected <document start>",
            "这一行的缩进与文件开头的键对不齐",
        ),
        ("simple key expected ':'", "这一行缺少键后面的冒号"),
        (
            "block scalar, did not find expected comment",
            "“|”或“>”后面不能接文字，文字从下一行开始写",
        ),
        (
            "wrongly indented line in block scalar",
            "多行文字里这一行的缩进比第一行少",
        ),
        (
            "did not find expected ',' or ']'",
            "方括号 [ ] 没有成对，或项之间少了逗号",
        ),
        (
            "did not find expected ',' or '}'",
            "花括号 { } 没有成对，或项之间少了逗号",
        ),
        (
            "illegal placement of ':'",
            "冒号的位置不对：可能是方括号或花括号没有闭合",
        ),
        (
            "unknown escape character",
            "双引号里的反斜杠“\\”后面不能接这个字符；要写反斜杠本身请写“\\\\”，或改用单引号",
        ),
        ("unknown anchor", "“*”后面的名称没有对应的“&”锚点"),
        (
            "unexpected character",
            "这个字符不能用在值的开头：以 @ ` 等开头的文字要加引号",
        ),
        ("did not find expected node content", "这里应有一个值"),
    ];
    KNOWN
        .iter()
        .find(|(words, _)| english.contains(words))
        .map_or("文件的写法不符合 YAML 格式", |(_, chinese)| {
            chinese
        })
}

/// For the parser's complaints about structure, the line's indentation
/// against the line above it that it should line up with.
fn indentation_hint(source: &str, error_line: usize, english: &str) -> Option<String> {
    let about_structure = [
        "did not find expected key",
        "did not find expected '-' indicator",
        "mapping values are not allowed",
        "did not find expected <document start>",
    ]
    .iter()
    .any(|words| english.contains(words));
    if !about_structure {
        return None;
    }
    let lines: Vec<&str> = source.lines().collect();
    let line = *lines.get(error_line.checked_sub(1)?)?;
    let indent = indentation(line);
    let (above_number, above_line) = lines[..error_line - 1]
        .iter()
        .enumerate()
        .rev()
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, l)| (i + 1, *l))?;
    let above = key_at(above_line);
    let above_indent = above.as_ref().map_or(indentation(above_line), |k| k.indent);
    if indent == above_indent {
        return None;
    }
    let named = match &above {
        Some(key) => format!("第 {above_number} 行的“{}”", key.name),
        None => format!("第 {above_number} 行"),
    };
    let has_value = above_line.trim_end().ends_with(':').not();
    Some(if indent > above_indent && has_value {
        format!(
            "第 {error_line} 行缩进了 {indent} 个空格，比{named}（{above_indent} 个空格）多；它已经有值，下面不能再缩进一层；要与它同一层，请缩进 {above_indent} 个空格"
        )
    } else {
        format!(
            "第 {error_line} 行缩进了 {indent} 个空格，与{named}（{above_indent} 个空格）对不齐；同一层的键要缩进相同的空格数"
        )
    })
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Text that starts with a figure marker reads to YAML as a mapping in
/// braces; it needs quotes.
fn brace_start_hint(source: &str, error_line: usize) -> Option<String> {
    let line = source.lines().nth(error_line.checked_sub(1)?)?;
    let (key, value) = line.split_once(": ")?;
    let value = value.trim_start();
    let marker_first = value.starts_with('{') && !value.starts_with("{值") && value.contains('}');
    marker_first.then(|| {
        format!(
            "以“{{”开头的文字要加引号：{}: \"{}\"",
            key.trim_start_matches(['-', ' ']),
            value.trim_end()
        )
    })
}

/// A value holding “: ” on the line of the error reads to YAML as a second
/// key; it needs quotes.
fn colon_in_value_hint(source: &str, error_line: usize, english: &str) -> Option<String> {
    if !english.contains("mapping values are not allowed") {
        return None;
    }
    let line = source.lines().nth(error_line.checked_sub(1)?)?;
    let (key, value) = line.split_once(": ")?;
    value.contains(": ").then(|| {
        format!(
            "文字里有“: ”，要加引号：{}: \"{}\"",
            key.trim_start_matches(['-', ' ']),
            value.trim()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(source: &str) -> Vec<(String, usize, usize)> {
        line_mistakes(source)
            .into_iter()
            .map(|m| {
                let span = m.diagnostic.span.unwrap();
                (m.diagnostic.message, span.line, span.column)
            })
            .collect()
    }

    #[test]
    fn every_full_width_colon_after_a_key_is_found_at_the_colon() {
        let found = messages("年度： 2025\n工作:\n  部分:\n    - 标题：加强\n      正文：内容\n");
        let places: Vec<(usize, usize)> = found.iter().map(|(_, l, c)| (*l, *c)).collect();
        assert_eq!(places, [(1, 3), (4, 9), (5, 9)]);
        assert!(found[1].0.starts_with("“标题：”用了全角冒号"), "{found:?}");
    }

    #[test]
    fn prose_in_a_block_is_not_taken_for_keys() {
        let source = "开头: |\n  主要做法：一是加强。\n  时间:2025年\n年度： 2025\n";
        let found = messages(source);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].1, found[0].2), (4, 3));
    }

    #[test]
    fn a_tab_in_indentation_is_found_at_the_tab() {
        let found = messages("工作:\n  部分:\n\t- 标题: a\n");
        assert_eq!(
            found,
            [(
                "这一行用 Tab 键缩进了：YAML 只能用空格缩进".to_string(),
                3,
                1
            )]
        );
    }

    #[test]
    fn a_key_with_no_space_after_its_colon_is_found() {
        let found = messages("年度:2025\n开头: 会议时间:9时。\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].0,
            "“年度:”后面少了一个空格：YAML 的键和值之间要有空格"
        );
    }

    #[test]
    fn mends_keep_every_byte_in_place() {
        let source = "年度： 2025\n";
        let mend = line_mistakes(source)[0].mend.clone().unwrap();
        assert_eq!(source[mend.0.clone()].len(), mend.1.len());
    }
}
