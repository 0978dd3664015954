//! Each example, rendered as text, has the layout of the seed report it
//! models: the same kinds of heading, numbering, run-in style, fixed
//! phrases and figure formats. The seeds are read at run time from
//! `ZONGJIE_SEEDS`; none of their text is in this repository.

use std::collections::BTreeSet;

use crate::common::{example, seed_path, seeds_dir, stdout_of, zongjie};

/// Which example models which seed, and whether their 一、 headings should
/// read the same once years are set aside (thematic headings are content).
const PAIRS: [(usize, &str, bool); 5] = [
    (0, "nested-summary", true),
    (1, "rule-of-law-report", true),
    (2, "next-steps-summary", true),
    (3, "circular-thematic", false),
    (4, "rule-of-law-points", true),
];

const NUMERALS: &str = "一二三四五六七八九十";

/// Lines with indentation and white space removed and ASCII punctuation
/// folded to full width, as the seeds were published with ASCII marks.
fn normalized_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            line.chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| match c {
                    ',' => '，',
                    ';' => '；',
                    ':' => '：',
                    '(' => '（',
                    ')' => '）',
                    c => c,
                })
                .collect::<String>()
        })
        .filter(|line| !line.is_empty())
        .collect()
}

/// The numeral a line starts with, for `一、` (level 1) or `（一）` (level 2).
fn leading_number(line: &str, level: u8) -> Option<String> {
    let rest = if level == 1 {
        line
    } else {
        line.strip_prefix('（')?
    };
    let numeral: String = rest.chars().take_while(|c| NUMERALS.contains(*c)).collect();
    let close = if level == 1 { '、' } else { '）' };
    (!numeral.is_empty() && rest[numeral.len()..].starts_with(close)).then_some(numeral)
}

fn features(text: &str) -> BTreeSet<&'static str> {
    let lines = normalized_lines(text);
    let mut found = BTreeSet::new();
    for (i, line) in lines.iter().enumerate() {
        if leading_number(line, 2).is_some() {
            let after_heading = line.split_once('）').map_or("", |(_, rest)| rest);
            match after_heading.find('。') {
                None => found.insert("（一）标题单独成行"),
                Some(_) => found.insert("（一）标题与正文接排"),
            };
        }
        if line.contains("一是") && line.contains("二是") {
            found.insert("一是二是接排在一段");
        }
        if line.starts_with("一是")
            && lines
                .get(i + 1)
                .is_some_and(|next| next.starts_with("二是"))
        {
            found.insert("一是二是各自成段");
        }
        if line.contains("以下") && line.contains("个方面") {
            found.insert("以下N个方面");
        }
        if line.starts_with("现将《") {
            found.insert("印发通知");
        }
    }
    found
}

fn level_one_headings(text: &str) -> Vec<String> {
    normalized_lines(text)
        .into_iter()
        .filter(|line| leading_number(line, 1).is_some())
        .map(|line| {
            let without_years: String = line
                .chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .collect();
            without_years.replace("####", "YYYY")
        })
        .collect()
}

fn render_text(stem: &str) -> String {
    stdout_of(zongjie().args(["render", "-f", "txt"]).arg(example(stem)))
}

#[test]
fn examples_have_their_seeds_layout() {
    let Some(dir) = seeds_dir() else { return };
    for (number, stem, same_headings) in PAIRS {
        let seed = std::fs::read_to_string(seed_path(&dir, number)).unwrap();
        let rendered = render_text(stem);
        assert_eq!(
            features(&rendered),
            features(&seed),
            "{stem} against seed {number:03}"
        );
        if same_headings {
            assert_eq!(
                level_one_headings(&rendered),
                level_one_headings(&seed),
                "{stem} against seed {number:03}"
            );
        }
    }
}

#[test]
fn numbering_is_consecutive_at_every_level() {
    for (_, stem, _) in PAIRS {
        let mut expected = [1usize, 1];
        for line in normalized_lines(&render_text(stem)) {
            if let Some(numeral) = leading_number(&line, 1) {
                assert_eq!(numeral, cn(expected[0]), "{stem}: {line}");
                expected = [expected[0] + 1, 1];
            } else if let Some(numeral) = leading_number(&line, 2) {
                assert_eq!(numeral, cn(expected[1]), "{stem}: {line}");
                expected[1] += 1;
            }
        }
    }
}

/// The Chinese numeral of `n`, up to the ninety-nine a heading can reach.
fn cn(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match (n / 10, n % 10) {
        (0, ones) => DIGITS[ones].to_string(),
        (1, ones) => format!("十{}", DIGITS[ones]),
        (tens, ones) => format!("{}十{}", DIGITS[tens], DIGITS[ones]),
    }
}

#[test]
fn figures_are_written_as_the_seeds_write_them() {
    let Some(dir) = seeds_dir() else { return };
    let seeds: String = (0..5)
        .flat_map(|n| normalized_lines(&std::fs::read_to_string(seed_path(&dir, n)).unwrap()))
        .collect();
    let rendered: String = PAIRS.iter().map(|(_, stem, _)| render_text(stem)).collect();
    for pattern in ["万余人次", "万元", "%，", "件，", "余件", "达100%"] {
        assert!(seeds.contains(pattern), "seeds lack {pattern}");
        assert!(rendered.contains(pattern), "examples lack {pattern}");
    }
    let spaced_unit = rendered.lines().find(|line| {
        let chars: Vec<char> = line.chars().collect();
        chars
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == ' ' && !w[2].is_ascii())
    });
    assert_eq!(spaced_unit, None, "a figure with a space before its unit");
}
