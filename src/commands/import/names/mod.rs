//! A figure's name from its sentence, as a clerk would write it: whole
//! words, the thing counted and the action done to it (受理…法律援助案件
//! 1899件 → 法律援助案件受理), without the function words around it (累计,
//! 共, 达, 超, 到, 就有…) and without a 数 the value already says. Two
//! figures that would get one name are told apart by a word of their
//! sentences that the other's lacks; a number tells them apart only when
//! nothing does.

mod assign;
mod lexicon;

use std::ops::Range;

pub use assign::assign;
use lexicon::{
    ACTIONS, BREAKING_TAGS, CHANGES, GENERIC, LEADING, LEADING_TAGS, LONG_OBJECT, NEGATIONS,
    NOUN_VERBS, PAIRED, PLACES, SHORT_OBJECT, TRAILING, TRAILING_TAGS, VERB_OBJECTS, is_leading,
};

use super::words::{Word, phrase_words};
use crate::genre::quantity::Count;

/// What earlier counts of the same sentence said, for a count that names
/// only its action (受理…案件1899件，办结1630件), a share (刑事案件633件，
/// 占受援案件总数的81%) or the same thing in another unit (13场660人次).
#[derive(Debug, Default, Clone)]
pub struct Memory {
    /// The thing the last count counted (法律援助案件).
    pub object: String,
    /// The last count's name.
    pub name: String,
    /// The places the sentence has named so far (全市, 市本级).
    pub places: Vec<String>,
    /// The last count's unit.
    pub unit: String,
}

/// How a proposal can be made more exact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refinement {
    /// The object it was shortened from, a word longer each time.
    Fuller(String),
    /// A word of its sentence: before the name, or after it (a verb).
    Word {
        /// The word.
        word: String,
        /// Whether it goes after the name.
        after: bool,
    },
}

impl Refinement {
    fn place(word: &str) -> Refinement {
        Refinement::Word {
            word: word.to_string(),
            after: false,
        }
    }

    /// The word it adds, if a word of the sentence.
    fn word(&self) -> Option<&str> {
        match self {
            Refinement::Word { word, .. } => Some(word),
            Refinement::Fuller(_) => None,
        }
    }
}

/// A name proposed for a count, with how it can be told apart from
/// another count proposed the same name.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The name.
    pub name: String,
    /// More exact names, the best first.
    pub refinements: Vec<Refinement>,
}

/// Proposes a name for `count`, a count in `text` (one paragraph) whose
/// own words lie in `region` (from the clause after the count before it
/// to the clause before the count after it).
pub fn propose(text: &str, count: &Count, region: Range<usize>, memory: &mut Memory) -> Proposal {
    let narrow_words = phrase_words(clause_before(text, count.range.start, "，。；：、！？"));
    let (trimmed, qualifiers) = trim(&narrow_words, count.unit == "%");
    let mut refinements = Vec::new();
    let name = if count.unit == "%" {
        rate_name(&narrow_words, &trimmed, memory, &mut refinements)
    } else {
        let after_words = phrase_words(clause_after(text, count.range.end));
        let noun = noun_phrase(&after_words);
        if noun.is_empty() {
            let clause = Clause {
                trimmed: &trimmed,
                words: &narrow_words,
                after: &after_words,
            };
            count_name(text, count, &clause, memory, &mut refinements)
        } else {
            noun_name(text, count, noun, memory)
        }
    };
    let name = if name.is_empty() {
        "数据".to_string()
    } else {
        name
    };
    memory.name = name.clone();
    memory.unit = count.unit.clone();
    refinements.extend(places(&name, qualifiers, memory));
    refinements.extend(region_words(text, count, region, &name));
    Proposal { name, refinements }
}

/// The words around a count that its name is read from.
struct Clause<'c, 't> {
    /// The clause before it, trimmed of what does not name it.
    trimmed: &'c [Word<'t>],
    /// The clause before it, as written.
    words: &'c [Word<'t>],
    /// What follows it, up to a mark.
    after: &'c [Word<'t>],
}

/// The name of a count with a noun right after it (成立5个专项工作组 →
/// 专项工作组成立): the noun, and the action of the clause before it.
fn noun_name(text: &str, count: &Count, noun: String, memory: &mut Memory) -> String {
    let wide_words = phrase_words(clause_before(text, count.range.start, "，。；：！？"));
    let (wide_trimmed, _) = trim(&wide_words, false);
    let action = action_of(&wide_trimmed)
        .map(|(action, _)| action)
        .unwrap_or_default();
    let name = format!("{noun}{action}");
    memory.object = noun;
    name
}

/// The places that may tell this count apart: its clause's own (全市,
/// 市本级), which then stand for the rest of the sentence, else those the
/// sentence named before it.
fn places(name: &str, qualifiers: Vec<String>, memory: &mut Memory) -> Vec<Refinement> {
    if qualifiers.is_empty() {
        return memory
            .places
            .iter()
            .filter(|q| !name.contains(q.as_str()))
            .map(|p| Refinement::place(p))
            .collect();
    }
    let refinements = qualifiers.iter().map(|p| Refinement::place(p)).collect();
    memory.places = qualifiers;
    refinements
}

/// The name of a count that is not a percentage and has no noun after it:
/// its object and action, else what follows it, else what the clause
/// before says, else the count before it in another unit.
fn count_name(
    text: &str,
    count: &Count,
    clause: &Clause,
    memory: &mut Memory,
    refinements: &mut Vec<Refinement>,
) -> String {
    let Clause {
        trimmed,
        words: clause,
        after,
    } = *clause;
    if let Some(name) = from_to(clause, trimmed, memory) {
        return name;
    }
    let follows = verb_phrase(after);
    let has_object = follows.chars().count() > 2;
    if action_of(trimmed).is_none() && has_object {
        // 1261人通过考试: what they did, when the clause before says no action.
        return follows;
    }
    if let Some(name) = object_and_action(trimmed, memory, refinements) {
        return name;
    }
    if !follows.is_empty() {
        return follows;
    }
    let before = text[..count.range.start].trim_end_matches(['（', '(']);
    let adjacent = before.ends_with(memory.unit.as_str()) && !memory.unit.is_empty();
    if adjacent && memory.unit != count.unit && !memory.name.is_empty() {
        // 13场660人次, 87起（140场次）: the same thing as the count before,
        // in another unit.
        return format!("{}{}", memory.name, count.unit);
    }
    if clause.iter().all(|w| !w.is_chinese()) && !memory.name.is_empty() {
        // 金牌调解工作室各2个、12个、39个: the same thing again.
        return memory.name.clone();
    }
    // 做好判前调查，累计238人次: the count is of what the clause before says.
    let Some(end) = text[..count.range.start].rfind(['，', '、']) else {
        return String::new();
    };
    let earlier = phrase_words(clause_before(text, end, "，。；：、！？"));
    let (earlier, _) = trim(&earlier, false);
    object_and_action(&earlier, memory, refinements).unwrap_or_default()
}

/// 事项从原有的31项扩大至43项: the first is the 原有 one, the second the
/// thing itself; 占比从62%提高至86% likewise.
fn from_to(clause: &[Word], trimmed: &[Word], memory: &mut Memory) -> Option<String> {
    let near_end = |at: usize| trimmed[at + 1..].iter().all(|w| w.text.starts_with('原'));
    if let Some(at) = trimmed
        .iter()
        .rposition(|w| w.text == "从")
        .filter(|&at| near_end(at))
    {
        let (stem, _) = object_of(&trimmed[..at]);
        if stem.is_empty() {
            return None;
        }
        memory.object = stem.clone();
        let original = trimmed[at + 1..].iter().any(|w| w.text.starts_with('原'));
        return Some(if original {
            format!("原有{stem}")
        } else {
            format!("原{stem}")
        });
    }
    let to = clause.last().is_some_and(|w| matches!(w.text, "至" | "到"))
        && clause.len() >= 2
        && CHANGES.contains(&clause[clause.len() - 2].text);
    (to && trimmed.is_empty() && !memory.object.is_empty()).then(|| memory.object.clone())
}

/// The action of a trimmed clause: the first action verb after the last
/// verb that only says work was done (or, where the clause does not start
/// with it, the one that ends the clause), with the action paired with it
/// (排查走访) and a negation right before it (不予受理); and where it is.
fn action_of(words: &[Word]) -> Option<(String, Range<usize>)> {
    let from = action_search_start(words);
    let first = (from..words.len()).find(|&i| ACTIONS.contains(&words[i].text))?;
    let last = words.len() - 1;
    let negated = |i: usize| i > from && NEGATIONS.contains(&words[i - 1].text);
    let leads = first == from || (first == from + 1 && negated(first));
    // 市医患纠纷调解处置中心接访334件: a clause that does not start with its
    // action but ends with one is a subject and what it did.
    let ends_with_action =
        ACTIONS.contains(&words[last].text) && !NOUN_VERBS.contains(&words[last].text);
    let first = if !leads && last > first && ends_with_action {
        last
    } else {
        first
    };
    let mut end = first + 1;
    while end < words.len()
        && PAIRED.contains(&words[end - 1].text)
        && PAIRED.contains(&words[end].text)
    {
        end += 1;
    }
    // 个人调解室: an action before a one-character noun is part of the noun.
    if words.len() == end + 1 && words[end].text.chars().count() == 1 {
        return None;
    }
    let start = if first > from && NEGATIONS.contains(&words[first - 1].text) {
        first - 1
    } else {
        first
    };
    let action: String = words[start..end].iter().map(|w| w.text).collect();
    Some((action, start..end))
}

/// Where the action of a clause is looked for: after the last verb that
/// only says work was done and after the last 的 (依法受理的案件现已审结:
/// 审结, not 受理).
fn action_search_start(words: &[Word]) -> usize {
    words
        .iter()
        .rposition(|w| GENERIC.contains(&w.text) || w.text == "的")
        .map_or(0, |g| g + 1)
}

/// Object + action from a trimmed clause (受理法律援助案件 →
/// 法律援助案件受理); a verb alone names what is before it (律师会见), or
/// what the count before it in the sentence counted (办结 →
/// 法律援助案件办结).
fn object_and_action(
    words: &[Word],
    memory: &mut Memory,
    refinements: &mut Vec<Refinement>,
) -> Option<String> {
    if words.is_empty() {
        return None;
    }
    let generic = words.iter().rposition(|w| GENERIC.contains(&w.text));
    let from = generic.map_or(0, |g| g + 1);
    let (action, object_words, subject_words) = match action_of(words) {
        Some((action, range)) => {
            let subject_start = action_search_start(words).max(from);
            (
                action,
                &words[range.end..],
                &words[subject_start..range.start],
            )
        }
        // 一般公共预算收入完成186亿元: a verb of work done ends the clause,
        // and what is before it is what was counted.
        None if generic == Some(words.len() - 1) => {
            (String::new(), &words[..words.len() - 1], &words[..0])
        }
        None => (String::new(), &words[from..], &words[..0]),
    };
    // 确认违法, 责令履行: an object that is itself a verb follows the action.
    let verbal = match object_words {
        [object] => VERB_OBJECTS.contains(&object.text),
        [.., last] => {
            last.tag == "v" && ACTIONS.contains(&last.text) && !NOUN_VERBS.contains(&last.text)
        }
        [] => false,
    };
    if verbal && !action.is_empty() {
        // 撤回申请终止, 交流研讨: what follows the action is what was done.
        let object: String = object_words.iter().map(|w| w.text).collect();
        return Some(format!("{action}{object}"));
    }
    let subject: Vec<Word> = subject_words
        .iter()
        .copied()
        .rev()
        .skip_while(|w| LEADING_TAGS.contains(&w.tag) || TRAILING.contains(&w.text))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let (mut object, mut fuller) = object_of(object_words);
    if !object.is_empty() {
        memory.object = object.clone();
    } else {
        // 律师会见: who did it, which is not what a later count counts.
        (object, fuller) = object_of(&subject);
    }
    if object.is_empty() {
        object = memory.object.clone();
    }
    refinements.extend(
        fuller
            .into_iter()
            .map(|f| Refinement::Fuller(format!("{f}{action}"))),
    );
    let name = format!("{object}{action}");
    (!name.is_empty()).then_some(name)
}

/// The name of a percentage: what the clause before it says it is
/// (通过率, 群众满意率, 调解率上升); a share (占…的81%) is of the count
/// before it, a completion (完成全年任务的156.51%) of what it counted.
fn rate_name(
    clause: &[Word],
    trimmed: &[Word],
    memory: &mut Memory,
    refinements: &mut Vec<Refinement>,
) -> String {
    if clause.iter().any(|w| w.text == "占") && !memory.name.is_empty() {
        return format!("{}占比", memory.name);
    }
    if trimmed.first().is_some_and(|w| w.text == "完成") && !memory.object.is_empty() {
        return format!("{}完成率", memory.object);
    }
    let said: String = trimmed.iter().map(|w| w.text).collect();
    if said.starts_with("同比") && !memory.name.is_empty() {
        // 1899件，同比增长12.4%: the change of the count before.
        return format!("{}同比", memory.name);
    }
    if CHANGES.contains(&said.as_str()) && !memory.name.is_empty() {
        // 地区生产总值3200亿元，增长6.5%: the change of the count before.
        return format!("{}{said}", memory.name);
    }
    if let Some(name) = from_to(clause, trimmed, memory) {
        return name;
    }
    let (object, fuller) = object_of(trimmed);
    refinements.extend(fuller.into_iter().map(Refinement::Fuller));
    object
}

/// Trims a clause's words of what does not name the count: qualifiers
/// and function words at its start, function words (and, unless `rate`,
/// verbs of change) at its end. Gives the words left and the places
/// trimmed that may tell two figures apart (全市, 市本级).
fn trim<'t>(clause: &[Word<'t>], rate: bool) -> (Vec<Word<'t>>, Vec<String>) {
    let mut words: Vec<Word<'t>> = clause
        .iter()
        .copied()
        .filter(|w| w.is_chinese() || w.tag == "nz")
        .collect();
    let mut places = Vec::new();
    while let Some(first) = words.first() {
        if !is_leading(first) {
            break;
        }
        if PLACES.contains(&first.text) {
            places.push(first.text.to_string());
        }
        words.remove(0);
    }
    while let Some(last) = words.last() {
        let to_or_at = matches!(last.text, "到" | "至");
        let change = CHANGES.contains(&last.text);
        let trailing = TRAILING.contains(&last.text) || TRAILING_TAGS.contains(&last.tag);
        let held_at = last.text == "在" && words.len() >= 2 && words[words.len() - 2].is_verb();
        if (to_or_at && words.len() >= 2 && CHANGES.contains(&words[words.len() - 2].text))
            || held_at
        {
            // 城镇化率提高到65%, 失业率控制在3.5%以内: the level, not the verb.
            words.truncate(words.len() - 2);
        } else if trailing || (change && !rate) {
            words.pop();
        } else {
            break;
        }
    }
    (words, places)
}

/// The object a name keeps: what follows the last function word (的, 等,
/// 和…), whole when short, else its last words; and the longer objects
/// it was shortened from, a word more each time.
fn object_of(words: &[Word]) -> (String, Vec<String>) {
    let after_break = words
        .iter()
        .rposition(|w| {
            BREAKING_TAGS.contains(&w.tag) || matches!(w.text, "的" | "等" | "和" | "及" | "与")
        })
        .map_or(words, |at| &words[at + 1..]);
    let words: Vec<&str> = after_break
        .iter()
        .skip_while(|w| is_leading(w))
        .map(|w| w.text)
        .collect();
    let mut length = 0;
    let mut kept: usize = 0;
    for word in words.iter().rev() {
        let n = word.chars().count();
        let fits = length + n <= SHORT_OBJECT || words.concat().chars().count() <= LONG_OBJECT;
        if kept > 0 && !fits {
            break;
        }
        kept += 1;
        length += n;
    }
    // 党组理论学习中心组学习: a shortened object does not start with a verb
    // it ends with too (学习中心组学习 → 中心组学习).
    let tags: Vec<&str> = after_break
        .iter()
        .skip_while(|w| is_leading(w))
        .map(|w| w.tag)
        .collect();
    let lead = words.len().saturating_sub(kept);
    let repeated = kept > 2 && words[lead + 1..].contains(&words[lead]);
    if kept < words.len() && repeated && tags[lead] == "v" {
        kept -= 1;
    }
    let short = words[words.len() - kept..].concat();
    let fuller = (kept + 1..=words.len())
        .map(|n| words[words.len() - n..].concat())
        .filter(|f| f.chars().count() <= 14)
        .collect();
    (short, fuller)
}

/// Whether a word may end a noun phrase.
fn is_nominal(word: &Word) -> bool {
    word.tag.starts_with('n')
        || matches!(word.tag, "vn" | "j" | "b" | "l" | "s")
        || (word.tag == "zg" && !crate::genre::quantity::UNITS.contains(&word.text))
}

/// Whether a word ends a noun phrase before it: a verb that says what was
/// done, a function word, an adjective or adverb.
fn stops_noun_phrase(word: &Word) -> bool {
    ACTIONS.contains(&word.text)
        || GENERIC.contains(&word.text)
        || CHANGES.contains(&word.text)
        || TRAILING.contains(&word.text)
        || is_leading(word)
        || matches!(word.tag, "a" | "ad" | "an" | "vd" | "d")
        || (word.tag == "v" && word.text.chars().count() == 1)
        || (word.tag == "zg" && crate::genre::quantity::UNITS.contains(&word.text))
        || !(word.is_chinese() || word.tag == "nz")
}

/// The noun phrase right after a count (7个集体 → 集体, 8部相关法规规章 →
/// 法规规章): its words up to a verb of the genre, a function word or a
/// mark, ending in a noun.
fn noun_phrase(after: &[Word]) -> String {
    let words: Vec<Word> = after
        .iter()
        .copied()
        .skip_while(|w| w.text == "员")
        .skip_while(|w| {
            (is_leading(w) || matches!(w.tag, "a" | "ad"))
                && !GENERIC.contains(&w.text)
                && !ACTIONS.contains(&w.text)
        })
        .collect();
    let between_nouns =
        |i: usize| words[i].tag == "f" && words.get(i + 1).is_some_and(is_nominal) && i > 0;
    let mut end = (0..words.len())
        .find(|&i| stops_noun_phrase(&words[i]) && !between_nouns(i))
        .unwrap_or(words.len());
    while end > 0 && !is_nominal(&words[end - 1]) {
        end -= 1;
    }
    let (short, _) = object_of(&words[..end]);
    short
}

/// The verb phrase right after a count (1261人通过考试 → 通过考试).
fn verb_phrase(after: &[Word]) -> String {
    let words: Vec<Word> = after
        .iter()
        .copied()
        .skip_while(|w| w.text == "员")
        .filter(Word::is_chinese)
        .collect();
    let Some(start) = words.iter().position(|w| {
        (w.is_verb() || ACTIONS.contains(&w.text) || w.text == "通过")
            && !LEADING.contains(&w.text)
            && !TRAILING.contains(&w.text)
    }) else {
        return String::new();
    };
    let (object, _) = object_of(&words[start + 1..]);
    if GENERIC.contains(&words[start].text) && !matches!(words[start].text, "参加" | "通过") {
        // 336人开展行政执法资格换证工作: what they took part in.
        return object;
    }
    let phrase = format!("{}{object}", words[start].text);
    if phrase.chars().count() <= LONG_OBJECT + 2 {
        phrase
    } else {
        String::new()
    }
}

/// The clause before `at`, back to the last of `marks` or the number of
/// the count before it, without a unit that belongs to that count.
fn clause_before<'t>(text: &'t str, at: usize, marks: &str) -> &'t str {
    let before = &text[..at];
    let start = before
        .rfind(|c: char| marks.contains(c) || c.is_ascii_digit() || c == '%')
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = &before[start..];
    let after_number =
        start > 0 && before[..start].ends_with(|c: char| c.is_ascii_digit() || c == '.');
    if !after_number {
        return clause;
    }
    let unit = crate::genre::quantity::UNITS
        .iter()
        .find(|unit| clause.starts_with(**unit));
    unit.map_or(clause, |unit| &clause[unit.len()..])
}

/// What follows a count, up to the next mark or number.
fn clause_after(text: &str, at: usize) -> &str {
    let after = &text[at..];
    let end = after
        .find(|c: char| "，。；：、！？".contains(c) || c.is_ascii_digit())
        .unwrap_or(after.len());
    &after[..end]
}

/// The words of a count's own stretch of text that may tell it apart:
/// verbs (added after the name) and other content words (before it),
/// the nearest first.
fn region_words(text: &str, count: &Count, region: Range<usize>, name: &str) -> Vec<Refinement> {
    let before = phrase_words(&text[region.start..count.range.start]);
    let after = phrase_words(&text[count.range.end..region.end]);
    let content = |w: &&Word| {
        (w.is_chinese() || w.tag == "nz")
            && w.text.chars().count() >= 2
            && (!is_leading(w) || PLACES.contains(&w.text))
            && !TRAILING.contains(&w.text)
            && (!GENERIC.contains(&w.text) || matches!(w.text, "通过" | "参加" | "获得"))
            && !name.contains(w.text)
    };
    let is_action = |w: &Word| w.is_verb() || ACTIONS.contains(&w.text) || w.text == "通过";
    let mut left = before.iter().rev().filter(content);
    let mut right = after.iter().filter(content);
    let mut near: Vec<&Word> = Vec::new();
    loop {
        let (r, l) = (right.next(), left.next());
        if l.is_none() && r.is_none() {
            break;
        }
        near.extend(r.into_iter().chain(l));
    }
    // What was done tells two figures apart best; then what it was done to.
    near.sort_by_key(|w| !is_action(w));
    near.into_iter()
        .map(|w| Refinement::Word {
            word: w.text.to_string(),
            after: is_action(w),
        })
        .collect()
}
