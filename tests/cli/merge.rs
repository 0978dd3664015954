//! `merge` from the command line: counties' files summed into a city's,
//! which checks and renders with the totals.

use crate::common::{stdout_of, zongjie};

#[test]
fn counties_sum_into_a_city_file_that_renders() {
    let dir = tempfile::tempdir().unwrap();
    let county = |name: &str, accepted: u32, closed: u32| {
        let path = dir.path().join(format!("{name}.yaml"));
        let text = format!(
            "单位: {name}司法局\n年度: 2025\n类型: 工作总结\n开头: \"{{范围}}受理法律援助案件{{受理}}，办结{{办结}}，结案率{{办结.比率}}。\"\n数据:\n  受理: {accepted}件\n  办结: {{值: {closed}, 单位: 件, 属于: 受理}}\n"
        );
        std::fs::write(&path, text).unwrap();
        path
    };
    let a = county("甲县", 300, 290);
    let b = county("乙县", 200, 180);
    let city = dir.path().join("city.yaml");
    zongjie()
        .arg("merge")
        .arg(&a)
        .arg(&b)
        .args(["--bureau", "丙市司法局", "-o"])
        .arg(&city)
        .assert()
        .success();
    zongjie().arg("check").arg(&city).assert().success();
    let text = stdout_of(zongjie().args(["render", "-f", "txt"]).arg(&city));
    assert!(
        text.contains("全市受理法律援助案件500件，办结470件，结案率94%。"),
        "{text}"
    );
    let merged = std::fs::read_to_string(&city).unwrap();
    assert!(
        merged.contains("# 合计：甲县司法局 300件，乙县司法局 200件"),
        "{merged}"
    );
}

/// Two years in one merge is bad data, not bad usage: exit 1.
#[test]
fn files_of_different_years_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, year: u32| {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            format!("单位: 甲县司法局\n年度: {year}\n类型: 工作总结\n开头: 内容。\n"),
        )
        .unwrap();
        path
    };
    let output = zongjie()
        .arg("merge")
        .arg(write("a.yaml", 2025))
        .arg(write("b.yaml", 2024))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("只能合并同一年度")
    );
}
