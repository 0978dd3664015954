//! The workbench in a browser, as a clerk uses it: the real `zongjie
//! serve` on a copy of an example, driven in headless Chromium. Skipped
//! with a note when chromedriver is missing, never in CI
//! (`ZONGJIE_REQUIRE_TOOLS`).

mod harness;

use std::time::{Duration, Instant};

use fantoccini::key::Key;
use harness::{Browser, Workbench, browser, one_at_a_time, text, until_on_disk};
use serde_json::json;

const EXAMPLE: &str = "nested-summary.yaml";

/// The workbench on a copy of the largest example, and a browser; `None`
/// when the browser tests are skipped.
async fn start() -> Option<(Workbench, Browser)> {
    let browser = browser().await?;
    Some((
        Workbench::on_examples(&[EXAMPLE, "rule-of-law-report.yaml"]),
        browser,
    ))
}

#[tokio::test(flavor = "current_thread")]
async fn the_home_page_lists_the_folder_and_opens_a_report() {
    let _one = one_at_a_time();
    let Some((workbench, browser)) = start().await else {
        return;
    };
    browser.open(&workbench, "").await;
    let listed = browser
        .until("the file list", "document.querySelector('.file-list table') && document.querySelector('.file-list').innerText")
        .await;
    let listed = text(listed);
    assert!(listed.contains("云岭市司法局"), "{listed}");
    assert!(listed.contains("法治政府建设年度报告"), "{listed}");
    browser.screenshot("home.png").await;
    browser
        .js("[...document.querySelectorAll('.file-bureau')].find(a => a.textContent === '云岭市司法局').click();", vec![])
        .await;
    browser.preview_shows("云岭市司法局2025年工作总结").await;
    let sheets = browser
        .js("return document.querySelectorAll('.sheet').length;", vec![])
        .await;
    assert_eq!(sheets, json!(3));
    let problems = text(
        browser
            .js(
                "return document.querySelector('.problems-pane').innerText;",
                vec![],
            )
            .await,
    );
    assert!(problems.contains("没有发现问题"), "{problems}");
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_figure_changed_in_the_table_changes_the_preview_and_its_rate() {
    let _one = one_at_a_time();
    let Some((workbench, browser)) = start().await else {
        return;
    };
    browser.edit(&workbench, EXAMPLE).await;
    browser.preview_shows("办结1391件，结案率91.15%").await;
    browser.tab("数据").await;
    browser
        .type_into("input[aria-label='援助办结的值']", "1400")
        .await;
    browser.preview_shows("办结1400件，结案率91.74%").await;
    let share = browser
        .until("the recomputed share in the table", "(document.querySelector('tr[data-name=\"援助办结\"] .computed.share') || {}).textContent === '91.74%'")
        .await;
    assert_eq!(share, json!(true));
    browser.close().await;
}
