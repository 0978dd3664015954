//! The words of the genre the namer knows: function words around a
//! count, verbs that only say work was done, actions done to what is
//! counted, places that tell two figures apart, and the parts of speech
//! that start or end no name.

use super::super::words::Word;

/// The longest object a name keeps whole; a longer one keeps its last
/// words up to [`SHORT_OBJECT`] characters (特殊群体法律援助案件 → 法律援助案件).
pub(super) const LONG_OBJECT: usize = 8;
/// See [`LONG_OBJECT`].
pub(super) const SHORT_OBJECT: usize = 7;

/// Characters of a numeral word (两个, 一批): such a word starts no name,
/// but one that ends otherwise (一线, 一级) may.
pub(super) const NUMERAL_CHARS: &str = "零一二三四五六七八九十百千万亿两几多半数每各第个批";

/// Words at the start of a clause that do not name what is counted.
pub(super) const LEADING: &[&str] = &[
    "今年以来",
    "截至目前",
    "全年共",
    "全年",
    "年内",
    "全市",
    "全区",
    "全县",
    "全省",
    "共计",
    "合计",
    "总计",
    "累计",
    "其中",
    "先后",
    "共",
    "已",
    "已经",
    "依法",
    "另",
    "还",
    "又",
    "均",
    "分别",
    "并",
    "同时",
    "目前",
    "现有",
    "我局",
    "本局",
    "市局",
    "区局",
    "县局",
    "我市",
    "我区",
    "我县",
    "有",
    "共有",
    "为",
    "对",
    "向",
    "在",
    "和",
    "及",
    "与",
    "等",
    "了",
    "各",
    "各类",
    "各方",
    "相关",
    "一批",
    "成功",
    "有效",
    "积极",
    "主动",
    "深入",
    "扎实",
    "持续",
    "全面",
    "进一步",
    "两级",
];

/// Words at the end of a clause, between what is counted and the count.
pub(super) const TRAILING: &[&str] = &[
    "达到", "达", "为", "是", "约", "的", "超过", "超", "到", "至", "从", "就有", "有", "共有",
    "共", "累计", "共计", "合计", "总计", "计", "近", "逾", "多达", "了", "分别", "均", "各", "已",
    "仅", "只", "总", "等", "即", "就", "再", "又", "还", "也", "人数", "次数", "件数", "数量",
    "总数", "数", "全部", "全都",
];

/// Verbs of change: kept before a percentage (调解率上升30%), dropped
/// before 到 or 至 (城镇化率提高到65%).
pub(super) const CHANGES: &[&str] = &[
    "上升", "提高", "增长", "下降", "降低", "提升", "增加", "减少", "扩大", "缩小", "增至", "降至",
];

/// Verbs that only say work was done (开展培训12次 → 培训): the object is
/// the name.
pub(super) const GENERIC: &[&str] = &[
    "组织开展",
    "开展",
    "组织",
    "进行",
    "举办",
    "召开",
    "实施",
    "做好",
    "完成",
    "实现",
    "推进",
    "加强",
    "强化",
    "深化",
    "落实",
    "获得",
    "共有",
    "有",
    "参与",
    "获得",
    "参加",
    "形成",
    "达成",
    "完善",
    "协助",
    "促进",
    "推动",
    "吸引",
    "深入",
    "坚持",
    "通过",
];

/// Verbs that say what was done to what is counted, kept in the name
/// after it (法律援助案件受理, 法律援助案件办结).
pub(super) const ACTIONS: &[&str] = &[
    "受理",
    "办结",
    "办理",
    "解答",
    "接待",
    "调解",
    "审核",
    "审查",
    "收到",
    "接收",
    "解除",
    "培训",
    "发放",
    "提出",
    "清理",
    "化解",
    "排查",
    "帮扶",
    "走访",
    "接听",
    "发布",
    "推送",
    "选聘",
    "评查",
    "审结",
    "备案",
    "出具",
    "建成",
    "建立",
    "配备",
    "成立",
    "新增",
    "投入",
    "入驻",
    "培育",
    "处理",
    "录入",
    "聘任",
    "下达",
    "划转",
    "挽回",
    "免收",
    "接访",
    "立案",
    "结案",
    "参加",
    "通过",
    "征集",
    "入选",
    "整改",
    "检查",
    "督察",
    "印发",
    "制定",
    "审议",
    "报送",
    "帮教",
    "推荐",
    "共建",
    "遴选",
    "释放",
    "衔接",
    "申请",
    "发出",
    "收费",
    "解决",
    "收集",
    "培养",
    "开庭",
    "胜诉",
    "撤回",
    "维持",
    "驳回",
    "确认",
    "责令",
    "提请",
    "修订",
    "聘请",
    "派出",
    "协助",
    "救济",
    "筛查",
    "报名",
    "换发",
    "出庭",
    "应诉",
    "会见",
    "宣讲",
    "表彰",
    "命名",
    "创建",
    "签订",
    "移送",
    "交办",
    "督办",
    "答复",
    "纠正",
    "撤销",
    "终止",
    "调处",
    "采用",
    "刊发",
    "播出",
    "转接",
    "回访",
    "考核",
    "抽查",
    "核查",
    "认定",
    "登记",
    "颁发",
    "吸纳",
    "招录",
    "引进",
    "安置",
    "慰问",
    "参训",
    "评选",
    "签约",
    "设立",
    "打造",
    "培树",
    "评定",
    "核发",
    "新建",
    "查处",
    "整治",
    "招聘",
    "旁听",
    "报备",
    "交流",
    "研讨",
    "会商",
    "联审",
    "转办",
    "代理",
    "救助",
    "上报",
    "收听",
    "收看",
    "获评",
    "荣获",
    "命名为",
    "参评",
];

/// Verbs that are things counted when they end an object (复议申请).
pub(super) const NOUN_VERBS: &[&str] = &["申请", "咨询", "投诉", "举报", "建议", "诉求"];

/// Actions written two together, one action (排查化解, 排查走访).
pub(super) const PAIRED: &[&str] = &[
    "排查", "走访", "化解", "调处", "摸排", "帮扶", "帮教", "慰问", "受理", "办结", "审核", "审查",
    "整治", "查处",
];

/// Words that say a count is of those not done: kept with their action
/// (不予受理).
pub(super) const NEGATIONS: &[&str] = &["不予", "未予", "未", "不"];

/// Verbs that are what an action is done to (确认违法, 解除矫正): the name
/// keeps the sentence's order.
pub(super) const VERB_OBJECTS: &[&str] = &["违法", "履行", "矫正", "补正", "违约", "撤诉", "整改"];

/// Words naming a part of the area or of the system, which tell two
/// figures of one name apart (全市, 市本级).
pub(super) const PLACES: &[&str] = &[
    "全市",
    "全区",
    "全县",
    "全省",
    "市本级",
    "区本级",
    "县本级",
    "市级",
    "县级",
    "区级",
    "省级",
    "市县两级",
    "县乡两级",
    "两级",
    "市局",
    "区局",
    "县局",
    "本级",
];

/// Parts of speech that never start a name: adverbs, conjunctions,
/// prepositions, pronouns, particles, numerals, measure words, time and
/// place words.
pub(super) const LEADING_TAGS: &[&str] = &[
    "d", "c", "p", "r", "u", "uj", "ul", "uz", "ug", "uv", "ud", "m", "q", "t", "f", "x", "y", "e",
    "o", "ad",
];

/// Parts of speech that break a name in two: what is counted follows the
/// last of them (防范非法集资等主题宣传活动 → 主题宣传活动).
pub(super) const BREAKING_TAGS: &[&str] = &["c", "p", "u", "uj", "ul", "uz", "ug", "uv", "ud", "x"];

/// Words kept at the start of a name although a pronoun (其他单位).
pub(super) const KEPT_PRONOUNS: &[&str] = &["其他", "其余", "其它"];

/// Parts of speech that never end a name.
pub(super) const TRAILING_TAGS: &[&str] = &[
    "d", "c", "p", "u", "uj", "ul", "uz", "ug", "uv", "ud", "m", "x", "y", "e", "o", "zg",
];

/// Whether a word starts a name no better than it would without it.
pub(super) fn is_leading(word: &Word) -> bool {
    if KEPT_PRONOUNS.contains(&word.text) {
        return false;
    }
    if PLACES.contains(&word.text) || LEADING.contains(&word.text) {
        return true;
    }
    if word.tag == "m" {
        return word
            .text
            .chars()
            .last()
            .is_none_or(|c| NUMERAL_CHARS.contains(c));
    }
    !NEGATIONS.contains(&word.text) && LEADING_TAGS.contains(&word.tag)
}
