//! Counts in imported prose (1899件, 62606人次, 1.2万余人次, 7887.8万元,
//! 96.41%) become named figures, cited from the prose, so the next
//! rollover has baselines. A name is made from what the sentence says the
//! count is (受理…法律援助案件1899件 → 法律援助案件受理数); names are unique
//! and a clerk can rename them.

use std::collections::HashSet;

use crate::datafile::cite::name_problem;
use crate::datafile::model::{Figure, Part, Report, Text};
use crate::genre::quantity::{Count, counts};
use crate::genre::typography::is_ideograph;

/// Units that count things named right after them (7个集体, 33家单位).
const CLASSIFIERS: &[&str] = &[
    "个", "名", "家", "所", "项", "部", "处", "批", "户", "本", "封",
];

/// Verbs that say what was done to what a count counts.
const VERBS: &[&str] = &[
    "受理", "办结", "办理", "解答", "接待", "调解", "审核", "审查", "开展", "组织", "收到", "接收",
    "解除", "培训", "发放", "提出", "清理", "举办", "召开", "化解", "排查", "帮扶", "走访", "接听",
    "发布", "推送", "选聘", "评查", "审结", "备案", "完成", "出具", "建成", "建立", "配备", "成立",
    "新增", "投入", "入驻", "培育", "处理", "录入", "聘任", "下达", "划转", "落实", "挽回", "免收",
    "接访", "立案", "结案", "参加", "通过", "征集", "入选", "整改", "检查", "督察", "印发", "制定",
    "审议", "报送", "走访", "帮教", "接收", "推荐", "共建", "遴选", "释放", "衔接", "申请", "发出",
    "办件", "收费", "解决", "收集", "培养", "开庭", "胜诉", "撤回", "维持", "驳回", "确认", "责令",
    "涉及", "提请", "修订", "审修", "聘请", "派出", "协助", "促进", "救济", "筛查", "报名", "换发",
];

/// Words at the start of a clause that do not name what is counted.
const QUALIFIERS: &[&str] = &[
    "今年以来",
    "全年共",
    "全年",
    "全市",
    "全区",
    "全县",
    "共计",
    "合计",
    "累计",
    "其中",
    "先后",
    "共",
    "已",
    "依法",
    "另",
    "还",
    "又",
    "均",
    "分别",
    "市县两级",
    "市本级",
];

/// Replaces the counts in every piece of prose with `{名称}` markers and
/// adds the figures they stand for.
pub fn extract(report: &mut Report) {
    escape_braces(report);
    let mut namer = Namer::default();
    let mut figures = Vec::new();
    let mut visit =
        |text: &mut Text| text.value = cite_counts(&text.value, &mut namer, &mut figures);
    report.opening.iter_mut().for_each(&mut visit);
    for section in &mut report.sections {
        visit_part(&mut section.body, &mut visit);
    }
    report.figures = figures;
}

/// Braces in the texts that carry no counts (the title, headings, the
/// closing lines…) written as `{{` `}}`, so that check does not read them
/// as citations; the prose gets the same in [`cite_counts`].
fn escape_braces(report: &mut Report) {
    let escape = |text: &mut Text| text.value = text.value.replace('{', "{{").replace('}', "}}");
    let top = [
        &mut report.title,
        &mut report.recipient,
        &mut report.signature,
    ];
    top.into_iter().flatten().for_each(escape);
    if let Some(circular) = &mut report.circular {
        let texts = [&mut circular.title, &mut circular.body];
        texts.into_iter().flatten().for_each(escape);
    }
    report.honours.iter_mut().for_each(escape);
    report.attachments.iter_mut().for_each(escape);
    fn headings(part: &mut Part, escape: &impl Fn(&mut Text)) {
        part.heading.iter_mut().for_each(escape);
        for point in &mut part.points {
            point.heading.iter_mut().for_each(escape);
        }
        for child in &mut part.parts {
            headings(child, escape);
        }
    }
    for section in &mut report.sections {
        headings(&mut section.body, &escape);
    }
}

fn visit_part(part: &mut Part, visit: &mut impl FnMut(&mut Text)) {
    part.text.iter_mut().for_each(&mut *visit);
    for point in &mut part.points {
        point.text.iter_mut().for_each(&mut *visit);
    }
    for child in &mut part.parts {
        visit_part(child, visit);
    }
}

/// Makes names unique and remembers what the last count of a sentence
/// was of, for a count that names only its verb (受理…案件1899件，办结1630件).
#[derive(Default)]
struct Namer {
    taken: HashSet<String>,
    last_object: String,
}

impl Namer {
    fn unique(&mut self, name: String) -> String {
        let base = if name.is_empty() {
            "数据".to_string()
        } else {
            name
        };
        let mut candidate = base.clone();
        let mut n = 2;
        while self.taken.contains(&candidate) || name_problem(&candidate).is_some() {
            candidate = format!("{base}{n}");
            n += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }
}

fn cite_counts(text: &str, namer: &mut Namer, figures: &mut Vec<Figure>) -> String {
    let escaped = text.replace('{', "{{").replace('}', "}}");
    let mut out = String::with_capacity(escaped.len() + 32);
    let mut last = 0;
    namer.last_object.clear();
    for count in counts(&escaped) {
        if escaped[last..count.range.start].contains('。') {
            namer.last_object.clear();
        }
        let proposed = name_for(&escaped, &count, &mut namer.last_object);
        let name = namer.unique(proposed);
        out.push_str(&escaped[last..count.range.start]);
        out.push_str(&format!("{{{name}}}"));
        last = count.range.end;
        figures.push(Figure {
            name,
            value: Some(count.quantity),
            magnitude: count.quantity.magnitude,
            unit: count.unit,
            target: None,
            last_year: None,
            part_of: None,
            span: None,
            value_span: None,
        });
    }
    out.push_str(&escaped[last..]);
    out
}

/// A name for a count from the words around it.
fn name_for(text: &str, count: &Count, last_object: &mut String) -> String {
    let mut clause = clause_before(text, count.range.start);
    if !clause.is_empty() && says_nothing(&clause) {
        // 做好判前调查，累计238人次: the count is of what the clause before says.
        let earlier =
            previous_clause_end(text, count.range.start).map(|end| clause_before(text, end));
        clause = earlier.filter(|c| !c.is_empty()).unwrap_or(clause);
    }
    let clause = clause
        .trim_end_matches(['达', '为', '是', '约', '的'])
        .trim_end_matches("达到");
    if count.unit == "%" {
        return shorten(clause);
    }
    let after = words_after(&text[count.range.end..]);
    if CLASSIFIERS.contains(&count.unit.as_str()) && !after.is_empty() {
        return format!("{}数", shorten(&after));
    }
    let clause = strip_qualifiers(clause);
    let verb = VERBS
        .iter()
        .filter_map(|verb| clause.rfind(verb).map(|at| (at, *verb)))
        .max_by_key(|(at, _)| *at);
    match verb {
        Some((at, verb)) => {
            let object = clause[at + verb.len()..].trim_start_matches(['了', '各', '类']);
            let object = match (object.is_empty(), last_object.is_empty()) {
                (false, _) => shorten(object),
                (true, false) => last_object.clone(),
                (true, true) => shorten(&after),
            };
            *last_object = object.clone();
            format!("{object}{verb}数")
        }
        None if clause.is_empty() && !after.is_empty() => format!("{}数", shorten(&after)),
        None => shorten(clause),
    }
}

/// The clause before `at`, back to the last mark or number, without the
/// quotation and title marks inside it.
fn clause_before(text: &str, at: usize) -> String {
    let before = &text[..at];
    let start = before
        .rfind(|c: char| "，。；：、,;:!?！？".contains(c) || c.is_ascii_digit())
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    before[start..]
        .chars()
        .filter(|c| is_ideograph(*c))
        .collect()
}

/// Whether a clause is only qualifiers (累计, 其中…), naming nothing.
fn says_nothing(clause: &str) -> bool {
    let mut rest = clause;
    while let Some(qualifier) = QUALIFIERS.iter().find(|q| rest.starts_with(**q)) {
        rest = &rest[qualifier.len()..];
    }
    rest.chars().count() < 2
}

/// Where the clause before the one holding `at` ends (at its mark).
fn previous_clause_end(text: &str, at: usize) -> Option<usize> {
    text[..at].rfind(['，', '、', ','])
}

fn strip_qualifiers(clause: &str) -> &str {
    let mut clause = clause;
    while let Some(qualifier) = QUALIFIERS
        .iter()
        .find(|q| clause.starts_with(**q) && clause.len() > q.len())
    {
        clause = &clause[qualifier.len()..];
    }
    clause
}

/// The words right after a count, up to a mark or a function word
/// (7个集体 → 集体, 1261人通过考试 → 通过考试).
fn words_after(text: &str) -> String {
    text.trim_start_matches('员')
        .chars()
        .take_while(|c| {
            is_ideograph(*c) && !"的和及与等获在为被均已并共有加实完开进推受办得达".contains(*c)
        })
        .take(6)
        .collect()
}

/// A name of readable length: what follows the last 的, whole up to nine
/// characters, else its last six (特殊群体法律援助案件 → 法律援助案件).
fn shorten(text: &str) -> String {
    let text = text.rsplit('的').next().unwrap_or(text);
    let count = text.chars().count();
    if count <= 9 {
        text.to_string()
    } else {
        text.chars().skip(count - 6).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(text: &str) -> (String, Vec<(String, String)>) {
        let mut namer = Namer::default();
        let mut figures = Vec::new();
        let out = cite_counts(text, &mut namer, &mut figures);
        let found = figures
            .iter()
            .map(|f| (f.name.clone(), f.formatted_value().unwrap()))
            .collect();
        (out, found)
    }

    #[test]
    fn counts_are_named_from_their_sentence() {
        let (out, found) =
            cited("全市累计受理特殊群体法律援助案件1899件，完成全年任务111.16%；办结1630件。");
        assert_eq!(
            out,
            "全市累计受理特殊群体法律援助案件{法律援助案件受理数}，完成全年任务{完成全年任务}；办结{法律援助案件办结数}。"
        );
        assert_eq!(
            found,
            [
                ("法律援助案件受理数".to_string(), "1899件".to_string()),
                ("完成全年任务".to_string(), "111.16%".to_string()),
                ("法律援助案件办结数".to_string(), "1630件".to_string()),
            ]
        );
    }

    #[test]
    fn rounded_and_large_figures_keep_their_form() {
        let (_, found) =
            cited("接待、解答当事人法律咨询1.2万余人次，公证收费7887.8万元，通过率达96.41%。");
        let values: Vec<&str> = found.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ["1.2万余人次", "7887.8万元", "96.41%"]);
        assert_eq!(found[2].0, "通过率");
    }

    #[test]
    fn classifiers_take_the_noun_after_them() {
        let (out, found) = cited("共有7个集体、7名同志获得表彰。");
        assert_eq!(out, "共有{集体数}集体、{同志数}同志获得表彰。");
        assert_eq!(found[0].1, "7个");
    }

    #[test]
    fn years_dates_ordinals_and_formulas_are_not_figures() {
        let (out, found) = cited("2022年9月，第108次会议，7*24小时，“6+6+6+6”模式，12348热线。");
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(
            out,
            "2022年9月，第108次会议，7*24小时，“6+6+6+6”模式，12348热线。"
        );
    }

    #[test]
    fn names_come_from_quoted_words_and_from_what_follows() {
        let (out, _) = cited(
            "累计培育“法律明白人”5075人，1308人报名考试，1261人通过考试，浏览量达576万余人次。",
        );
        assert_eq!(
            out,
            "累计培育“法律明白人”{法律明白人培育数}，{报名考试数}报名考试，{通过考试数}通过考试，浏览量达{浏览量}。"
        );
    }

    #[test]
    fn a_count_with_no_words_of_its_own_takes_the_clause_before() {
        let (out, _) = cited("做好判前调查，累计238人次。");
        assert_eq!(out, "做好判前调查，累计{做好判前调查}。");
    }

    #[test]
    fn names_are_unique() {
        let (out, _) = cited("受理案件10件；受理案件20件。");
        assert_eq!(out, "受理案件{案件受理数}；受理案件{案件受理数2}。");
    }

    #[test]
    fn braces_in_the_text_stay_literal() {
        let (out, _) = cited("见{附表}。");
        assert_eq!(out, "见{{附表}}。");
    }
}
