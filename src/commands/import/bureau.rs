//! The bureau that wrote a report: from its 署名, else its title, else its
//! opening, in that order of trust; never from the 主送机关, which names
//! the bureaus it is sent to. Where two of them name different bureaus,
//! the more trusted one is taken and the clerk is told.

use super::SourceParagraph;
use super::words::words;
use crate::genre::typography::is_ideograph;

/// What a bureau's name ends with, longest first.
const SUFFIXES: &[&str] = &[
    "司法局",
    "人民政府",
    "委员会",
    "办公室",
    "司法厅",
    "局",
    "委",
    "办",
    "厅",
];

/// The bureau's name, and warnings where the sources disagree. A report
/// that names none gets 某某司法局 for the clerk to replace.
pub fn name(
    signature: Option<&str>,
    title: Option<&str>,
    opening: &[&SourceParagraph],
) -> (String, Vec<String>) {
    let from_signature = signature.map(str::trim).filter(|s| is_bureau(s));
    let from_title = title.and_then(in_title);
    let from_opening = opening.iter().take(3).find_map(|p| in_prose(&p.text));
    let sources = [
        ("署名", from_signature.map(str::to_string)),
        ("标题", from_title),
        ("开头", from_opening),
    ];
    let mut found = sources
        .iter()
        .filter_map(|(place, name)| name.as_ref().map(|n| (*place, n.as_str())));
    let Some((place, chosen)) = found.next() else {
        return ("某某司法局".to_string(), Vec::new());
    };
    let warnings = found
        .filter(|(_, other)| !chosen.ends_with(other) && !other.ends_with(chosen))
        .map(|(other_place, other)| {
            format!(
                "{place}中的单位“{chosen}”与{other_place}中的“{other}”不一致，已用“{chosen}”，请核对“单位.名称”"
            )
        })
        .take(1)
        .collect();
    (chosen.to_string(), warnings)
}

/// Whether a line reads as a bureau's name.
fn is_bureau(text: &str) -> bool {
    text.chars().count() >= 3
        && text.chars().all(is_ideograph)
        && SUFFIXES.iter().any(|s| text.ends_with(s))
}

/// The bureau a title starts with (长治市司法局2022年工作总结, 某局关于…).
fn in_title(title: &str) -> Option<String> {
    let end = title
        .find(|c: char| c.is_ascii_digit())
        .into_iter()
        .chain(title.find("关于"))
        .min()?;
    let name = title[..end].trim();
    is_bureau(name).then(|| name.to_string())
}

/// The first bureau named in prose: a place and a bureau's suffix
/// (2022年，长治市司法局在… → 长治市司法局).
fn in_prose(text: &str) -> Option<String> {
    let words = words(text);
    words.iter().enumerate().find_map(|(i, word)| {
        let suffix = SUFFIXES[..5].iter().find(|s| word.text.ends_with(**s))?;
        let place = if word.text.len() > suffix.len() {
            word.text.to_string()
        } else {
            let before = words[..i].last()?;
            let is_place =
                before.tag == "ns" || before.text.ends_with(['市', '县', '区', '省', '州', '旗']);
            if !is_place {
                return None;
            }
            // 某某/市/司法局: a one-character 市 takes the place's name before it.
            let name_before = (before.text.chars().count() == 1 && i >= 2)
                .then(|| words[i - 2])
                .filter(|w| matches!(w.tag, "ns" | "nr" | "nz") || w.text == "某某")
                .map(|w| w.text)
                .unwrap_or_default();
            format!("{name_before}{}{}", before.text, word.text)
        };
        is_bureau(&place).then_some(place)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::import::Hint;

    fn paragraph(text: &str) -> SourceParagraph {
        SourceParagraph {
            text: text.to_string(),
            place: 1,
            hint: Hint::None,
        }
    }

    #[test]
    fn the_signature_is_trusted_first_and_disagreement_is_told() {
        let opening = paragraph("2022年，某某市司法局坚持……");
        let (found, warnings) = name(
            Some("福州市司法局"),
            Some("2022年全市司法行政工作总结"),
            &[&opening],
        );
        assert_eq!(found, "福州市司法局");
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].contains("福州市司法局") && warnings[0].contains("某某市司法局"),
            "{warnings:?}"
        );
    }

    #[test]
    fn the_title_then_the_opening() {
        let (found, warnings) = name(None, Some("长治市司法局2022年工作总结"), &[]);
        assert_eq!((found.as_str(), warnings.len()), ("长治市司法局", 0));
        let opening = paragraph("一年来，上高县司法局在县委县政府的领导下扎实工作。");
        assert_eq!(
            name(None, Some("2024年工作总结"), &[&opening]).0,
            "上高县司法局"
        );
        assert_eq!(name(None, None, &[]).0, "某某司法局");
    }
}
