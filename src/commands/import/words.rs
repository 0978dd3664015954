//! Words of a sentence, so that a figure's name starts and ends where a
//! word does. The segmenter is jieba's (`jieba-rs`, its own dictionary of
//! about 350 000 words with their parts of speech), taught the terms of
//! the genre it splits wrongly (中心组, 法律明白人…); it is built once, the
//! first time an import needs it.

use std::sync::LazyLock;

use jieba_rs::Jieba;

/// Terms of the genre the dictionary does not hold whole.
const GENRE_TERMS: &[&str] = &[
    "中心组",
    "法律明白人",
    "人民调解员",
    "人民调解",
    "司法所",
    "社区矫正",
    "社矫对象",
    "出庭应诉",
    "负责人",
    "行政复议",
    "行政诉讼",
    "行政应诉",
    "法律援助",
    "法律咨询",
    "司法鉴定",
    "公证",
    "普法",
    "结案",
    "办结",
    "审结",
    "受援人",
    "示范村",
    "合法性审核",
    "规范性文件",
    "行政执法",
    "执法证件",
    "刑满释放人员",
    "安置帮教",
    "调解成功",
    "检案量",
    "点击量",
    "浏览量",
    "满意率",
    "满意度",
    "通过率",
    "结案率",
    "出庭率",
    "参考率",
    "知晓率",
    "覆盖率",
    "城镇化率",
    "可支配收入",
    "意见建议",
    "法治宣传",
    "法律服务",
    "纠纷",
    "律所",
    "法律服务所",
    "主题党日",
    "调解和解",
    "工单",
    "三会一课",
    "一线",
    "新时代",
    "举措",
    "考生",
    "阅读量",
    "人民调解组织",
    "调解组织",
    "调解工作室",
    "调解室",
    "调解委员会",
    "调解中心",
    "调解团队",
    "审核意见",
    "审查意见",
    "法律意见",
];

/// Terms that must win over a longer word of the dictionary that swallows
/// a verb (化解矛盾 + 纠纷 → 化解 + 矛盾纠纷).
const STRONG_TERMS: &[&str] = &["矛盾纠纷"];

/// Place words of the genre, one word each and told as such.
const PLACE_TERMS: &[&str] = &["市本级", "区本级", "县本级", "市县两级", "县乡两级"];

static SEGMENTER: LazyLock<Jieba> = LazyLock::new(|| {
    let mut jieba = Jieba::new();
    for term in GENRE_TERMS {
        jieba.add_word(term, None, Some("n"));
    }
    for term in STRONG_TERMS {
        jieba.add_word(term, Some(100_000), Some("n"));
    }
    for term in PLACE_TERMS {
        jieba.add_word(term, None, Some("s"));
    }
    jieba
});

/// A word of a text, with its part of speech as jieba tags it (n noun,
/// v verb, d adverb, p preposition, m numeral…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'t> {
    /// The word as written.
    pub text: &'t str,
    /// Its part of speech.
    pub tag: &'t str,
}

impl Word<'_> {
    /// Whether the word is a verb.
    pub fn is_verb(&self) -> bool {
        matches!(self.tag, "v" | "vn" | "vd")
    }

    /// Whether the word is Chinese text (not a mark, digit or Latin).
    pub fn is_chinese(&self) -> bool {
        self.text
            .chars()
            .all(crate::genre::typography::is_ideograph)
    }
}

/// The words of `text`, in order; together they are the text.
pub fn words(text: &str) -> Vec<Word<'_>> {
    SEGMENTER
        .tag(text, false)
        .into_iter()
        .map(|tag| Word {
            text: tag.word,
            tag: tag.tag,
        })
        .collect()
}

/// The longest quoted phrase kept as one word; a longer one (a slogan, a
/// title) is split into its words.
const QUOTED_WHOLE: usize = 8;

/// The words of a phrase as a name may use them: what is in quotation
/// or title marks (up to [`QUOTED_WHOLE`] characters) is one word (“法律明白人”, 《民法典》), what is in
/// brackets is left out (示范村（社区） → 示范村), and the marks themselves
/// are not words.
pub fn phrase_words(text: &str) -> Vec<Word<'_>> {
    let mut out: Vec<Word> = Vec::new();
    let mut depth = 0usize;
    let mut quote_start: Option<usize> = None;
    let mut at = 0;
    for word in words(text) {
        let start = at;
        at += word.text.len();
        match word.text {
            "（" | "(" => depth += 1,
            "）" | ")" => depth = depth.saturating_sub(1),
            "“" | "《" | "‘" | "「" if depth == 0 => quote_start = Some(at),
            "”" | "》" | "’" | "」" if depth == 0 => {
                if let Some(inner) = quote_start.take().filter(|&q| q < start) {
                    let quoted = &text[inner..start];
                    let end = quoted.find(['（', '(']).unwrap_or(quoted.len());
                    let quoted = &quoted[..end];
                    if quoted.chars().count() <= QUOTED_WHOLE {
                        out.push(Word {
                            text: quoted,
                            tag: "nz",
                        });
                    } else {
                        out.extend(words(quoted));
                    }
                }
            }
            _ if depth > 0 || quote_start.is_some() => {}
            _ => out.push(word),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        words(text).iter().map(|w| w.text).collect()
    }

    #[test]
    fn genre_terms_are_whole_words() {
        assert_eq!(
            split("开展党组理论学习中心组学习"),
            ["开展", "党组", "理论", "学习", "中心组", "学习"]
        );
        assert!(split("培育法律明白人").contains(&"法律明白人"));
    }

    #[test]
    fn words_cover_the_text() {
        let text = "全市累计受理法律援助案件1899件，办结1630件。";
        assert_eq!(split(text).concat(), text);
    }

    #[test]
    fn quoted_words_are_one_and_brackets_are_left_out() {
        let found: Vec<&str> = phrase_words("推荐“民主法治示范村（社区）”和“一趟不用跑”事项")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            found,
            ["推荐", "民主法治示范村", "和", "一趟不用跑", "事项"]
        );
        let found: Vec<&str> = phrase_words("示范村（社区）4个")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(found, ["示范村", "4", "个"]);
    }
}
