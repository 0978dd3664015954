//! The mark on text carried over from last year's file: a comment line
//! above it holding a fingerprint of each text it covers, which rollover
//! writes and `check` reads, warning until the text no longer matches its
//! fingerprint (a person has edited it).

use crate::datafile::model::Text;

/// A short, stable fingerprint of a text (FNV-1a), kept in the mark on
/// carried-over text so `check` can tell whether it was edited.
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    format!("{hash:08x}")
}

/// How a mark comment begins, after its `#`.
const MARK_START: &str = "[沿用 ";

/// The mark for `texts` as a comment line's text: their fingerprints,
/// then `note`, which says what to do with them.
pub fn mark(texts: &[&Text], note: &str) -> String {
    let prints: Vec<String> = texts.iter().map(|t| fingerprint(&t.value)).collect();
    format!("{MARK_START}{}] {note}", prints.join(" "))
}

/// The fingerprints in a mark comment line, if it is one.
pub fn parse_mark(line: &str) -> Option<Vec<&str>> {
    parse_mark_note(line).map(|(prints, _)| prints)
}

/// The fingerprints in a mark comment line and the note after them.
pub fn parse_mark_note(line: &str) -> Option<(Vec<&str>, &str)> {
    let rest = line
        .trim_start()
        .strip_prefix('#')?
        .trim_start()
        .strip_prefix(MARK_START)?;
    let (prints, note) = rest.split_once(']')?;
    Some((prints.split_whitespace().collect(), note.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(fingerprint(""), "811c9dc5");
        assert_eq!(fingerprint("a"), "e40c292c");
        assert_ne!(fingerprint("一年来"), fingerprint("一年来。"));
    }

    #[test]
    fn marks_parse_back() {
        let text = Text::plain("一年来");
        let line = format!("  # {}", mark(&[&text], "沿用自2022年的文字"));
        assert_eq!(
            parse_mark(&line),
            Some(vec![fingerprint("一年来").as_str()])
        );
        assert_eq!(parse_mark("# 普通注释"), None);
    }
}
