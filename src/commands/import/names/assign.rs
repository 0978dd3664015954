//! Unique names: a name several counts would share is made fuller where
//! it was shortened, then told apart by a word of each one's sentence
//! that the others' lack; only where nothing differs does a number follow.

use std::collections::HashSet;

use super::{Proposal, Refinement};
use crate::datafile::cite::name_problem;

/// Names for every proposal, unique: a name several proposals share is
/// made fuller where it was shortened, then told apart by a word of each
/// one's sentence that the others' lack; where none is, a number follows
/// the name. A built-in name (单位, 年度…) is refined the same way. Gives
/// each name and whether only a number tells it apart.
pub fn assign(proposals: &[Proposal]) -> Vec<(String, bool)> {
    let mut names: Vec<String> = proposals.iter().map(|p| p.name.clone()).collect();
    for fuller_only in [true, true, false, false] {
        let groups = clashes(&names);
        if groups.is_empty() {
            break;
        }
        for group in groups {
            tell_apart(&group, proposals, &mut names, fuller_only);
        }
    }
    number_the_rest(names)
}

/// The groups of indices that share a name, and each one whose name is
/// not allowed.
fn clashes(names: &[String]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        match groups.iter_mut().find(|g| names[g[0]] == *name) {
            Some(group) => group.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups.retain(|g| g.len() > 1 || name_problem(&names[g[0]]).is_some());
    groups
}

/// Gives each member of a group sharing a name its next fuller name, or
/// (unless `fuller_only`) the nearest word of its sentence the others'
/// lack.
fn tell_apart(group: &[usize], proposals: &[Proposal], names: &mut [String], fuller_only: bool) {
    let taken: HashSet<String> = names.iter().cloned().collect();
    let mut renamed: Vec<(usize, String)> = Vec::new();
    for &i in group {
        let others: HashSet<&str> = group
            .iter()
            .filter(|&&j| j != i)
            .flat_map(|&j| proposals[j].refinements.iter())
            .filter_map(Refinement::word)
            .collect();
        let current = &names[i];
        let next = proposals[i]
            .refinements
            .iter()
            .filter_map(|r| match r {
                Refinement::Fuller(name) if name.len() > current.len() => Some(name.clone()),
                Refinement::Word { word, after }
                    if !fuller_only
                        && !others.contains(word.as_str())
                        && !current.contains(word.as_str()) =>
                {
                    Some(if *after {
                        format!("{current}{word}")
                    } else {
                        format!("{word}{current}")
                    })
                }
                _ => None,
            })
            .find(|name| !taken.contains(name) && name.chars().count() <= 16);
        if let Some(name) = next {
            renamed.push((i, name));
        }
    }
    for (i, name) in renamed {
        names[i] = name;
    }
}

/// Numbers the names still shared (增长, 增长2…) and any not allowed.
fn number_the_rest(names: Vec<String>) -> Vec<(String, bool)> {
    let mut used: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let mut candidate = name.clone();
        let mut n = 2;
        while used.contains(&candidate) || name_problem(&candidate).is_some() {
            candidate = format!("{name}{n}");
            n += 1;
        }
        used.insert(candidate.clone());
        let numbered = candidate != name;
        out.push((candidate, numbered));
    }
    out
}
