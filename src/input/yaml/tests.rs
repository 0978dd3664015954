//! The tree builder on small files: places, anchors, tags, errors.

use super::*;

/// Parsing `source` fails with a message that says `words`.
fn assert_error(source: &str, words: &str) {
    let error = parse(source).unwrap_err();
    assert!(error.message.contains(words), "{}", error.message);
}

fn map_entries(node: &Node) -> &[(EntryKey, Node)] {
    match &node.value {
        Value::Map(entries) => entries,
        other => panic!("not a map: {other:?}"),
    }
}

#[test]
fn scalars_carry_their_place() {
    let source = "年度: 2022\n单位:\n  名称: 长治市司法局\n";
    let root = parse(source).unwrap();
    let entries = map_entries(&root);
    assert_eq!(entries[0].0.name, "年度");
    assert_eq!(entries[0].1.value, Value::plain("2022"));
    assert_eq!((entries[0].1.span.line, entries[0].1.span.column), (1, 5));
    let bureau = map_entries(&entries[1].1);
    let name = &bureau[0].1;
    assert_eq!(&source[name.span.bytes.clone()], "长治市司法局");
    assert_eq!((name.span.line, name.span.column), (3, 7));
}

#[test]
fn block_scalar_span_covers_its_text() {
    let source = "开头: |\n  第一段{受理}\n  第二段\n";
    let root = parse(source).unwrap();
    let opening = &map_entries(&root)[0].1;
    assert!(source[opening.span.bytes.clone()].contains("{受理}"));
    assert_eq!(opening.span.line, 2);
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let root = parse("\u{feff}年度: 2022\r\n类型: 工作总结\r\n").unwrap();
    let entries = map_entries(&root);
    assert_eq!(entries[1].1.value, Value::plain("工作总结"));
    assert_eq!(entries[1].1.span.line, 2);
}

#[test]
fn syntax_error_has_a_place() {
    let error = parse("年度: 2022\n单位:\n  名称: [a, b\n类型: x\n").unwrap_err();
    assert!(
        error.message.starts_with("YAML 语法错误"),
        "{}",
        error.message
    );
    assert!(error.span.is_some());
}

#[test]
fn full_width_colons_are_all_reported_and_the_rest_is_read() {
    let read = read(
        "年度： 2022\n单位:\n  名称：长治\n类型: 工作总结\n",
        &|_| false,
    );
    let messages: Vec<&str> = read
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages.iter().all(|m| m.contains("全角冒号")),
        "{messages:?}"
    );
    let root = read.root.expect("mended and read");
    let entries = map_entries(&root);
    assert_eq!(entries[0].1.value, Value::plain("2022"));
    assert_eq!(entries[2].1.value, Value::plain("工作总结"));
}

#[test]
fn a_full_width_colon_after_a_known_key_is_a_mistake_though_yaml_reads_it() {
    let source = "要点:\n  - 标题：加强建设\n  - （：引文\n";
    assert!(read(source, &|_| false).diagnostics.is_empty());
    let read = read(source, &|name| name == "标题");
    assert_eq!(read.diagnostics.len(), 1, "{:?}", read.diagnostics);
    assert_eq!(read.diagnostics[0].span.as_ref().unwrap().line, 2);
}

#[test]
fn a_mistake_that_cannot_be_mended_stops_the_reading_and_says_so() {
    let read = read("工作:\n\t部分: x\n", &|_| false);
    assert!(read.root.is_none());
    assert!(
        read.diagnostics[0]
            .note
            .as_deref()
            .unwrap()
            .contains("停止读取")
    );
}

#[test]
fn text_starting_with_a_marker_gets_a_hint() {
    let error = parse("年度: 2022\n开头: {年度}年，工作{受理}件。\n").unwrap_err();
    assert_eq!(
        error.note.unwrap(),
        "以“{”开头的文字要加引号：开头: \"{年度}年，工作{受理}件。\""
    );
}

#[test]
fn duplicate_keys_are_an_error_at_the_second() {
    let error = parse("年度: 2022\n年度: 2023\n").unwrap_err();
    assert_eq!(
        error.message,
        "YAML 结构错误：键“年度”重复，第 1 行已有 (duplicate key)"
    );
    assert_eq!(error.span.unwrap().line, 2);
}

fn scalar(text: &str) -> Scalar {
    let root = parse(&format!("值: {text}\n")).unwrap();
    match &map_entries(&root)[0].1.value {
        Value::Scalar(scalar) => scalar.clone(),
        other => panic!("not a scalar: {other:?}"),
    }
}

#[test]
fn scalars_keep_the_text_they_were_written_with() {
    for text in ["0x1F", "3.10", "1e3", "012", "true", "2024年", "~"] {
        assert_eq!(scalar(text).text, text);
        assert_eq!(scalar(text).style, Style::Plain);
    }
    assert_eq!(scalar("'0x1F'").style, Style::Quoted);
    assert_eq!(scalar("'0x1F'").meaning(), Meaning::Text);
    assert_eq!(scalar("0x1F").meaning(), Meaning::Int(31));
    assert_eq!(scalar("|\n  3.10\n").style, Style::Block);
    assert_eq!(scalar("!!str 12").style, Style::Quoted);
    assert_eq!(scalar("!!int 12").meaning(), Meaning::Int(12));
    assert!(scalar("~").is_null() && scalar("").is_null());
    assert!(!scalar("'~'").is_null());
}

#[test]
fn a_core_tag_on_the_wrong_value_is_an_error() {
    let error = parse("值: !!int 十二\n").unwrap_err();
    assert_eq!(
        error.message,
        "YAML 结构错误：“十二”不是 !!int 类型的值 (invalid !!int)"
    );
    assert_eq!(error.span.unwrap().line, 1);
}

#[test]
fn an_alias_copies_its_anchor_and_is_placed_where_it_is_written() {
    let root = parse("甲: &数 [1, 2]\n乙: *数\n").unwrap();
    let copy = &map_entries(&root)[1].1;
    let Value::Seq(items) = &copy.value else {
        panic!("not a list: {copy:?}");
    };
    assert_eq!(items[1].value, Value::plain("2"));
    assert_eq!((items[1].span.line, items[1].span.column), (2, 4));
}

#[test]
fn aliases_cannot_grow_the_tree_without_bound() {
    let mut source = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..8 {
        let previous = format!("*a{}", level - 1);
        let items = [previous.as_str(); 10].join(", ");
        source.push_str(&format!("a{level}: &a{level} [{items}]\n"));
    }
    assert_error(&source, "复制的内容太多");
}

#[test]
fn aliases_of_a_long_text_are_charged_by_its_length() {
    let text = "长".repeat(100_000);
    let aliases = ["*甲"; 100].join(", ");
    assert_error(
        &format!("甲: &甲 {text}\n乙: [{aliases}]\n"),
        "复制的内容太多",
    );
}

#[test]
fn nested_anchors_are_charged_though_no_alias_copies_them() {
    let depth = 100;
    let mut source = String::from("值: ");
    for level in 0..depth {
        source.push_str(&format!("&a{level} ["));
    }
    source.push_str(&"长".repeat(100_000));
    source.push_str(&"]".repeat(depth));
    assert_error(&source, "复制的内容太多");
}

#[test]
fn an_alias_inside_its_own_anchor_is_an_error() {
    assert_error("单位: &u {上级: *u}\n", "recursive alias");
}

#[test]
fn keys_can_carry_anchors_and_be_aliases() {
    let root = parse("&k 名称: 甲\n乙:\n  *k : 丙\n").unwrap();
    let inner = map_entries(&map_entries(&root)[1].1);
    assert_eq!(inner[0].0.name, "名称");
    assert_eq!(inner[0].1.value, Value::plain("丙"));
}

#[test]
fn tags_other_than_the_core_ones_are_errors() {
    for source in [
        "值: !!binary aGk=\n",
        "值: !mine 文字\n",
        "值: !!seq 文字\n",
        "值: !!map [a]\n",
    ] {
        let error = parse(source).unwrap_err();
        assert!(
            error.message.contains("不支持 YAML 标签"),
            "{source}: {}",
            error.message
        );
    }
    assert!(parse("值: !!seq [a]\n").is_ok());
}

#[test]
fn a_second_document_is_an_error() {
    let error = parse("年度: 2022\n---\n年度: 2023\n").unwrap_err();
    assert!(
        error.message.contains("只能有一个 YAML 文档"),
        "{}",
        error.message
    );
    assert_eq!(error.span.unwrap().line, 3);
}

#[test]
fn an_empty_file_is_null() {
    assert!(parse("").unwrap().value.is_null());
    assert!(parse("# 只有注释\n").unwrap().value.is_null());
}

#[test]
fn a_collection_as_a_key_is_an_error() {
    assert_error("? [a, b]\n: c\n", "键应为文字");
}
