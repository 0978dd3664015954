//! The kinds of report and what they are made of: the two kinds and their
//! standard titles, the roles their 一、 sections play with each role's
//! standard heading, and the administrative levels of the bureaus that
//! write them.

/// The two kinds of annual report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 年度工作总结.
    WorkSummary,
    /// 法治政府建设年度报告.
    RuleOfLaw,
}

impl Kind {
    /// The name of the built-in template for this kind.
    pub fn template_name(self) -> &'static str {
        match self {
            Kind::WorkSummary => "work-summary",
            Kind::RuleOfLaw => "rule-of-law-report",
        }
    }

    /// The Chinese name written in the data file.
    pub fn chinese_name(self) -> &'static str {
        match self {
            Kind::WorkSummary => "工作总结",
            Kind::RuleOfLaw => "法治政府建设年度报告",
        }
    }

    /// Reads a kind from its Chinese or English name.
    pub fn from_name(name: &str) -> Option<Kind> {
        match name.trim() {
            "工作总结" | "年度工作总结" | "work-summary" => Some(Kind::WorkSummary),
            "法治政府建设年度报告" | "法治政府建设报告" | "rule-of-law-report" => {
                Some(Kind::RuleOfLaw)
            }
            _ => None,
        }
    }
}

/// The administrative level of a bureau.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// 省级.
    Province,
    /// 市级.
    City,
    /// 县级.
    County,
    /// 区级.
    District,
}

impl Level {
    /// Reads a level from its one-character Chinese name (市, 县, 区, 省).
    pub fn from_name(name: &str) -> Option<Level> {
        match name.trim().trim_end_matches('级') {
            "省" => Some(Level::Province),
            "市" => Some(Level::City),
            "县" => Some(Level::County),
            "区" => Some(Level::District),
            _ => None,
        }
    }

    /// Guesses the level from a bureau's name (长治市司法局 → 市).
    pub fn from_bureau_name(name: &str) -> Level {
        let place = name.split("司法").next().unwrap_or(name);
        match place.chars().last() {
            Some('省') => Level::Province,
            Some('县') => Level::County,
            Some('区') => Level::District,
            _ => Level::City,
        }
    }

    /// The character for this level.
    pub fn chinese_name(self) -> &'static str {
        match self {
            Level::Province => "省",
            Level::City => "市",
            Level::County => "县",
            Level::District => "区",
        }
    }

    /// How the text names the whole area (全市, 全县…).
    pub fn scope(self) -> String {
        format!("全{}", self.chinese_name())
    }
}

/// The roles the top-level parts of a report play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 工作情况 / 主要举措和成效.
    Work,
    /// 亮点工作.
    Highlights,
    /// 存在的问题和不足.
    Shortcomings,
    /// 党政主要负责人履行推进法治建设第一责任人职责情况.
    Duties,
    /// 工作打算 / 主要安排.
    Plans,
    /// 其他需要报告的情况.
    Other,
}

impl Role {
    /// Every role, in the order the parts appear in a report.
    pub const ALL: [Role; 6] = [
        Role::Work,
        Role::Highlights,
        Role::Shortcomings,
        Role::Duties,
        Role::Plans,
        Role::Other,
    ];

    /// What a 一、 heading says the section is, from its words: 工作打算 is
    /// the plans, 存在的不足 the shortcomings… A heading that names none
    /// (a theme of the work) gives `None`.
    pub fn from_heading(heading: &str) -> Option<Role> {
        const KEYWORDS: [(&[&str], Role); 6] = [
            (&["第一责任人"], Role::Duties),
            (
                &["打算", "安排", "下一步", "工作计划", "工作思路"],
                Role::Plans,
            ),
            (&["不足", "存在的问题", "短板"], Role::Shortcomings),
            (&["亮点", "特色工作"], Role::Highlights),
            (&["其他需要报告"], Role::Other),
            (
                &[
                    "工作情况",
                    "举措",
                    "成效",
                    "基本情况",
                    "开展情况",
                    "主要工作",
                    "工作总结",
                ],
                Role::Work,
            ),
        ];
        KEYWORDS
            .iter()
            .find(|(words, _)| words.iter().any(|w| heading.contains(w)))
            .map(|(_, role)| *role)
    }

    /// The name templates see (`s.role`).
    pub fn id(self) -> &'static str {
        match self {
            Role::Work => "work",
            Role::Highlights => "highlights",
            Role::Shortcomings => "shortcomings",
            Role::Duties => "duties",
            Role::Plans => "plans",
            Role::Other => "other",
        }
    }
}

impl Role {
    /// The role whose [`Role::id`] is `id`.
    pub fn from_id(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.id() == id)
    }
}

impl Kind {
    /// The title a report of this kind has when the file gives none.
    pub fn standard_title(self, bureau: &str, year: i32) -> String {
        match self {
            Kind::WorkSummary => format!("{bureau}{year}年工作总结"),
            Kind::RuleOfLaw => format!("{bureau}{year}年度法治政府建设情况的报告"),
        }
    }

    /// The heading a section has when the file gives none: the standard
    /// wording of the kind, with the report year or the year after it.
    pub fn standard_heading(self, role: Role, year: i32) -> String {
        let next = year + 1;
        match (self, role) {
            (Kind::WorkSummary, Role::Work) => format!("{year}年工作情况"),
            (Kind::WorkSummary, Role::Highlights) => format!("{year}年亮点工作"),
            (Kind::WorkSummary, Role::Shortcomings) => "存在的问题和不足".to_string(),
            (Kind::WorkSummary, Role::Plans) => format!("{next}年工作打算"),
            (Kind::RuleOfLaw, Role::Work) => format!("{year}年推进法治政府建设的主要举措和成效"),
            (Kind::RuleOfLaw, Role::Highlights) => format!("{year}年法治政府建设亮点工作"),
            (Kind::RuleOfLaw, Role::Shortcomings) => {
                format!("{year}年度推进法治政府建设存在的不足和原因")
            }
            (Kind::RuleOfLaw, Role::Plans) => format!("{next}年度推进法治政府建设的主要安排"),
            (_, Role::Duties) => format!(
                "{year}年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
            ),
            (_, Role::Other) => "其他需要报告的情况".to_string(),
        }
    }
}

impl Kind {
    /// The sections a report of this kind must have: for the rule-of-law
    /// report, the four parts 《法治政府建设与责任落实督察工作规定》 sets; a
    /// work summary has no fixed parts.
    pub fn required_roles(self) -> &'static [Role] {
        match self {
            Kind::WorkSummary => &[],
            Kind::RuleOfLaw => &[Role::Work, Role::Shortcomings, Role::Duties, Role::Plans],
        }
    }
}

/// The plans' lead-in when the file gives none; it counts the plans.
pub fn standard_plans_intro(next_year: i32, self_name: &str, count: &str) -> String {
    format!("{next_year}年，{self_name}将重点做好以下{count}个方面工作：")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_from_chinese_and_english_names() {
        assert_eq!(Kind::from_name("工作总结"), Some(Kind::WorkSummary));
        assert_eq!(Kind::from_name("rule-of-law-report"), Some(Kind::RuleOfLaw));
        assert_eq!(Kind::from_name("总结"), None);
    }

    #[test]
    fn level_is_guessed_from_the_bureau_name() {
        assert_eq!(Level::from_bureau_name("长治市司法局"), Level::City);
        assert_eq!(Level::from_bureau_name("上高县司法局"), Level::County);
        assert_eq!(Level::from_bureau_name("峄城区司法局"), Level::District);
        assert_eq!(Level::District.scope(), "全区");
    }

    #[test]
    fn roles_are_read_from_headings() {
        let cases = [
            ("一、2022年工作情况", Some(Role::Work)),
            ("二、2022年亮点工作", Some(Role::Highlights)),
            ("三、2023年工作打算", Some(Role::Plans)),
            ("二、下一步的打算", Some(Role::Plans)),
            ("四、2023年度推进法治政府建设的主要安排", Some(Role::Plans)),
            (
                "二、2022年度推进法治政府建设存在的不足和原因",
                Some(Role::Shortcomings),
            ),
            (
                "三、党政主要负责人履行推进法治建设第一责任人职责情况",
                Some(Role::Duties),
            ),
            (
                "一、2022年推进法治政府建设的主要举措和成效",
                Some(Role::Work),
            ),
            ("五、其他需要报告的情况", Some(Role::Other)),
            ("三、加强法治建设统筹谋划，法治福州建设迈出坚实步伐", None),
        ];
        for (heading, role) in cases {
            assert_eq!(Role::from_heading(heading), role, "{heading}");
        }
    }
}
