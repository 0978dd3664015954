//! A long title in lines of the shape GB/T 9704-2012 7.3.1 asks for: words
//! kept whole, the lines as even as the words allow (梯形 or 菱形), never a
//! line of two characters under a full one.
//!
//! Chinese has no spaces to tell the words by, so a break may fall only
//! where the title's own parts meet: at the ends of the names it contains
//! (the bureau, the signature), after a year (2025年度), around 关于 and
//! 印发, outside 《》, after a mark, and at the ends of the words the genre's
//! titles are made of; inside 《》 only when the name in them does not fit
//! on a line. A title that none of those can break into lines
//! that fit is broken anywhere that splits no number and leaves no mark at
//! the start of a line.

/// A line of 2号 (22 pt, less the 0.25 pt the styles condense) in the
/// 156 mm text block holds 20 characters: 40 half widths.
const LINE_HALVES: u32 = 40;

/// Words the genre's titles are made of; a break may fall at either end.
const WORDS: &[&str] = &[
    "法治政府建设",
    "法治建设",
    "司法行政",
    "工作总结",
    "工作要点",
    "工作",
    "情况",
    "报告",
    "通知",
    "全市",
    "全县",
    "全区",
    "全省",
    "推进",
];

/// Words after which a line may end, and before which a line may start.
const BREAK_AROUND: &[&str] = &["关于", "印发"];

/// Endings of a body's name: a break may follow them.
const NAME_ENDINGS: &[&str] = &["局", "委员会", "办公室", "政府", "委", "院", "厅"];

/// Marks that may not start a line.
const CLOSING: &str = "，。、；：？！）》」』】〕”’…—";
/// Marks that may not end a line.
const OPENING: &str = "（《「『【〔“‘";

/// The title's lines: one when it fits, else the fewest that fit, broken
/// as evenly as its words allow. `names` are names the title may contain
/// (the bureau's, the signature), whose ends are the best places to break.
pub fn title_lines(title: &str, names: &[&str]) -> Vec<String> {
    let chars: Vec<char> = title.chars().collect();
    let total: u32 = chars.iter().map(|c| halves(*c)).sum();
    if total <= LINE_HALVES {
        return vec![title.to_string()];
    }
    let preferred = break_points(&chars, names);
    let anywhere: Vec<Break> = (1..chars.len())
        .filter(|at| may_break(&chars, *at))
        .map(|at| Break { at, penalty: 4 })
        .collect();
    let lines_needed = total.div_ceil(LINE_HALVES) as usize;
    for lines in lines_needed..=MOST_BALANCED_LINES {
        for candidates in [&preferred, &anywhere] {
            if let Some(breaks) = best_breaks(&chars, candidates, lines - 1) {
                return split(&chars, &breaks);
            }
        }
    }
    split(&chars, &filled(&chars, &anywhere))
}

/// Titles of more lines than this (which no report has) are filled line
/// by line instead of balanced: trying every choice of breaks grows with
/// the power of the number of lines.
const MOST_BALANCED_LINES: usize = 3;

/// Breaks that fill each line as far as it goes.
fn filled(chars: &[char], candidates: &[Break]) -> Vec<usize> {
    let mut breaks = Vec::new();
    let (mut start, mut width) = (0, 0);
    for (at, c) in chars.iter().enumerate() {
        width += halves(*c);
        if width > LINE_HALVES {
            let last = candidates
                .iter()
                .rev()
                .map(|b| b.at)
                .find(|b| *b > start && *b <= at)
                .unwrap_or(at);
            breaks.push(last);
            width = chars[last..=at].iter().map(|c| halves(*c)).sum();
            start = last;
        }
    }
    breaks
}

/// A place between two characters where a line may end, and how much
/// worse than a place between the title's parts it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Break {
    /// The index of the character that starts the next line.
    at: usize,
    /// 0 between the title's parts, 1 between words, 4 anywhere else;
    /// 3 more inside 《》.
    penalty: u32,
}

/// Width in half characters: ASCII is half a character in the title font.
fn halves(c: char) -> u32 {
    if c.is_ascii() { 1 } else { 2 }
}

/// Whether a line may end before `chars[at]`: no number or Latin word
/// split, no closing mark at the start of the next line and no opening
/// one at the end of this.
fn may_break(chars: &[char], at: usize) -> bool {
    let (before, after) = (chars[at - 1], chars[at]);
    let splits_a_word = before.is_ascii_alphanumeric() && after.is_ascii_alphanumeric();
    !(splits_a_word || CLOSING.contains(after) || OPENING.contains(before))
}

/// The places between the title's parts and words, each once, with the
/// lowest penalty it has.
fn break_points(chars: &[char], names: &[&str]) -> Vec<Break> {
    let mut points: Vec<Break> = Vec::new();
    let mut add = |at: usize, penalty: u32| {
        if at == 0 || at >= chars.len() || !may_break(chars, at) {
            return;
        }
        match points.iter_mut().find(|b| b.at == at) {
            Some(found) => found.penalty = found.penalty.min(penalty),
            None => points.push(Break { at, penalty }),
        }
    };
    for name in names.iter().filter(|n| n.chars().count() > 1) {
        for (start, end) in occurrences(chars, name) {
            add(start, 0);
            add(end, 0);
        }
    }
    for word in BREAK_AROUND {
        for (start, end) in occurrences(chars, word) {
            add(start, 0);
            add(end, 0);
        }
    }
    for (at, c) in chars.iter().enumerate() {
        let after_year = *c == '年' && at > 0 && chars[at - 1].is_ascii_digit();
        if after_year {
            add(at + 1 + usize::from(chars.get(at + 1) == Some(&'度')), 0);
        }
        if CLOSING.contains(*c) {
            add(at + 1, 0);
        }
        if OPENING.contains(*c) {
            add(at, 0);
        }
    }
    for word in WORDS.iter().chain(NAME_ENDINGS) {
        for (start, end) in occurrences(chars, word) {
            if !NAME_ENDINGS.contains(word) {
                add(start, 1);
            }
            add(end, 1);
        }
    }
    for point in &mut points {
        if inside_book_title(chars, point.at) {
            point.penalty += 3;
        }
    }
    points.sort_by_key(|b| b.at);
    points
}

/// Whether a break before `chars[at]` falls inside 《》: the name of the
/// document a circular sends out is kept on one line when it fits.
fn inside_book_title(chars: &[char], at: usize) -> bool {
    let opened = chars[..at].iter().filter(|c| **c == '《').count();
    let closed = chars[..at].iter().filter(|c| **c == '》').count();
    opened > closed
}

/// Where `word` occurs in `chars`: (start, end) character indices.
fn occurrences(chars: &[char], word: &str) -> Vec<(usize, usize)> {
    let word: Vec<char> = word.chars().collect();
    if word.is_empty() || word.len() > chars.len() {
        return Vec::new();
    }
    (0..=chars.len() - word.len())
        .filter(|start| chars[*start..start + word.len()] == word[..])
        .map(|start| (start, start + word.len()))
        .collect()
}

/// The `count` breaks among `candidates` whose lines all fit and are the
/// most even, a break's penalty weighing as much as three characters of
/// unevenness; `None` when no choice of them fits.
fn best_breaks(chars: &[char], candidates: &[Break], count: usize) -> Option<Vec<usize>> {
    let mut best: Option<(u32, Vec<usize>)> = None;
    let mut chosen = Vec::with_capacity(count);
    choose(chars, candidates, count, 0, &mut chosen, &mut best);
    best.map(|(_, breaks)| breaks.iter().map(|i| candidates[*i].at).collect())
}

/// Tries every increasing choice of `count` more candidates from `from` on.
fn choose(
    chars: &[char],
    candidates: &[Break],
    count: usize,
    from: usize,
    chosen: &mut Vec<usize>,
    best: &mut Option<(u32, Vec<usize>)>,
) {
    if count == 0 {
        if let Some(cost) = cost(chars, candidates, chosen)
            && best.as_ref().is_none_or(|(lowest, _)| cost < *lowest)
        {
            *best = Some((cost, chosen.clone()));
        }
        return;
    }
    for index in from..candidates.len() {
        chosen.push(index);
        choose(chars, candidates, count - 1, index + 1, chosen, best);
        chosen.pop();
    }
}

/// How uneven the lines of a choice of breaks are, in half characters,
/// plus the breaks' penalties; `None` when a line does not fit.
fn cost(chars: &[char], candidates: &[Break], chosen: &[usize]) -> Option<u32> {
    let breaks: Vec<usize> = chosen.iter().map(|i| candidates[*i].at).collect();
    let widths: Vec<u32> = ranges(chars.len(), &breaks)
        .map(|(start, end)| chars[start..end].iter().map(|c| halves(*c)).sum())
        .collect();
    let (longest, shortest) = (*widths.iter().max()?, *widths.iter().min()?);
    if longest > LINE_HALVES {
        return None;
    }
    let penalty: u32 = chosen.iter().map(|i| candidates[*i].penalty).sum();
    Some(longest - shortest + 6 * penalty)
}

/// The (start, end) of each line between `breaks`.
fn ranges(len: usize, breaks: &[usize]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let starts = std::iter::once(0).chain(breaks.iter().copied());
    let ends = breaks.iter().copied().chain(std::iter::once(len));
    starts.zip(ends)
}

fn split(chars: &[char], breaks: &[usize]) -> Vec<String> {
    ranges(chars.len(), breaks)
        .map(|(start, end)| chars[start..end].iter().collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_that_fits_is_one_line() {
        assert_eq!(
            title_lines("云岭市司法局2025年工作总结", &["云岭市司法局"]),
            ["云岭市司法局2025年工作总结"]
        );
    }

    #[test]
    fn the_rule_of_law_title_breaks_after_its_year_not_before_its_last_word() {
        assert_eq!(
            title_lines(
                "白石市司法局2025年度法治政府建设情况的报告",
                &["白石市司法局"]
            ),
            ["白石市司法局2025年度", "法治政府建设情况的报告"]
        );
    }

    #[test]
    fn a_circular_title_breaks_at_a_name_inside_its_book_title_marks() {
        let lines = title_lines(
            "白石市司法局关于印发《白石市司法局2025年度法治政府建设情况的报告》的通知",
            &["白石市司法局"],
        );
        assert_eq!(
            lines,
            [
                "白石市司法局关于印发《白石市司法局",
                "2025年度法治政府建设情况的报告》的通知"
            ]
        );
    }

    #[test]
    fn a_circular_title_keeps_the_name_it_sends_out_on_one_line_when_it_fits() {
        assert_eq!(
            title_lines(
                "南屿市司法局关于印发《2025年全市司法行政工作总结》的通知",
                &["南屿市司法局"]
            ),
            [
                "南屿市司法局关于印发",
                "《2025年全市司法行政工作总结》的通知"
            ]
        );
    }

    #[test]
    fn a_title_without_known_words_breaks_evenly_and_never_before_a_mark() {
        let title = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉，戌亥天地玄黄";
        let lines = title_lines(title, &[]);
        assert_eq!(lines.concat(), title);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| !l.starts_with('，')));
        let widths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
        assert!(widths[0].abs_diff(widths[1]) <= 2, "{lines:?}");
    }

    #[test]
    fn a_very_long_title_takes_three_lines() {
        let title = "中共某某市委全面依法治市委员会办公室关于印发《某某市2025年度法治政府建设工作要点》的通知";
        let lines = title_lines(title, &["中共某某市委全面依法治市委员会办公室"]);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines.concat(), title);
    }

    #[test]
    fn a_title_longer_than_three_lines_is_filled_line_by_line() {
        let title = "法治".repeat(45);
        let lines = title_lines(&title, &[]);
        assert_eq!(lines.concat(), title);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.len(), 5);
    }
}
