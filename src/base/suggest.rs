//! The nearest of some names to a mistyped one, for “是不是…？”.

/// The candidate nearest to `written` by edit distance, if one is near
/// enough to be what was meant: at most half the typed name's characters
/// differ (one at least). Ties go to the first candidate.
pub fn closest<'a>(
    written: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (written.chars().count() / 2).max(1);
    candidates
        .into_iter()
        .map(|candidate| (candidate, edit_distance(written, candidate)))
        .filter(|(_, distance)| *distance <= limit)
        .min_by_key(|(_, distance)| *distance)
        .map(|(candidate, _)| candidate)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_name_wins_whatever_the_order() {
        let names = ["援助办结", "援助受理", "受理"];
        assert_eq!(closest("援助受里", names), Some("援助受理"));
        let reversed = ["受理", "援助受理", "援助办结"];
        assert_eq!(closest("援助受里", reversed), Some("援助受理"));
        assert_eq!(closest("完全无关的名称", names), None);
    }

    #[test]
    fn distance_counts_characters() {
        assert_eq!(edit_distance("标体", "标题"), 1);
        assert_eq!(edit_distance("headng", "heading"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
