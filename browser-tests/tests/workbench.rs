//! The workbench in a browser, as a clerk uses it: the real `zongjie
//! serve` on a copy of an example, driven in headless Chromium. Skipped
//! with a note when chromedriver is missing, never in CI
//! (`ZONGJIE_REQUIRE_TOOLS`).

mod harness;

use std::time::Duration;

use fantoccini::key::Key;
use harness::{Browser, Workbench, browser, one_at_a_time, text, until_on_disk};
use serde_json::json;

const EXAMPLE: &str = "nested-summary.yaml";

/// Runs `scenario` on the workbench serving a copy of the largest example
/// (and of a rule-of-law report), in a browser; skipped when there is no
/// chromedriver.
fn run(scenario: impl AsyncFnOnce(&Workbench, &Browser)) {
    let _one = one_at_a_time();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let Some(browser) = browser().await else {
            return;
        };
        let workbench = Workbench::on_examples(&[EXAMPLE, "rule-of-law-report.yaml"]);
        scenario(&workbench, &browser).await;
    });
}

#[test]
fn the_home_page_lists_the_folder_and_opens_a_report() {
    run(async |workbench, browser| {
        browser.open(workbench, "").await;
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
    });
}

/// Renders the example `name` of the working folder to a .docx at `path`, with the binary.
fn render_docx(workbench: &Workbench, name: &str, path: &std::path::Path) {
    let rendered = std::process::Command::new(harness::zongjie())
        .arg("render")
        .arg(workbench.path(name))
        .arg("-o")
        .arg(path)
        .status()
        .unwrap();
    assert!(rendered.success());
}

#[test]
fn a_new_report_is_made_from_the_home_page() {
    run(async |workbench, browser| {
        browser.open(workbench, "").await;
        let last_year = browser
            .js(
                "return document.querySelector('#new-year').value == new Date().getFullYear() - 1;",
                vec![],
            )
            .await;
        assert_eq!(last_year, json!(true), "the year is last year's by default");
        browser.type_into("#new-bureau", "青禾县司法局").await;
        browser.type_into("#new-year", "2025").await;
        browser
            .js(
                "document.querySelector('#new-kind').value = '法治政府建设年度报告';",
                vec![],
            )
            .await;
        browser.click_button(".form", "新建").await;
        let name = "青禾县司法局2025年法治政府建设年度报告.yaml";
        browser
            .until("the new file to open", &format!("decodeURIComponent(location.hash) === '#/edit/{name}' && document.querySelector('.doc-title').textContent.includes('青禾县司法局')"))
            .await;
        let made = workbench.read(name);
        assert!(
            made.contains("青禾县司法局") && made.contains("2025"),
            "{made}"
        );
    });
}

#[test]
fn a_reference_docx_is_kept_for_the_folder_and_removed() {
    run(async |workbench, browser| {
        let template = workbench.folder.path().join("uploads");
        std::fs::create_dir(&template).unwrap();
        let template = template.join("单位模板.docx");
        render_docx(workbench, EXAMPLE, &template);
        browser.open(workbench, "").await;
        browser
            .until(
                "the reference shown as missing",
                "document.querySelector('.reference-status').textContent.includes('未上传')",
            )
            .await;
        upload(browser, "input[aria-label='上传模板…']", &template).await;
        browser
            .until(
                "the reference shown as present",
                "document.querySelector('.reference-status').textContent.includes('已上传')",
            )
            .await;
        let kept = workbench.path(".zongjie-reference.docx");
        assert_eq!(
            std::fs::read(&kept).unwrap(),
            std::fs::read(&template).unwrap()
        );
        browser.click_button(".reference-status", "删除模板").await;
        browser
            .until(
                "the reference shown as missing again",
                "document.querySelector('.reference-status').textContent.includes('未上传')",
            )
            .await;
        assert!(!kept.exists());
    });
}

#[test]
fn a_figure_changed_in_the_table_changes_the_preview_and_its_rate() {
    run(async |workbench, browser| {
        browser.edit(workbench, EXAMPLE).await;
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
    });
}

#[test]
fn a_part_moved_up_is_renumbered_in_the_preview() {
    run(async |workbench, browser| {
        browser.edit(workbench, EXAMPLE).await;
        browser
            .preview_shows("（二）聚焦群众需求，提供便捷高效法律服务。")
            .await;
        let up = browser.find("button[aria-label='上移：（二）']").await;
        up.send_keys(&Key::Enter.to_string())
            .await
            .expect("Enter on the button");
        browser
            .preview_shows("（一）聚焦群众需求，提供便捷高效法律服务。")
            .await;
        browser
            .preview_shows("（二）坚持党建引领，筑牢队伍思想根基。")
            .await;
        let focused = browser
            .until(
                "the focus to stay on the moved part",
                "document.activeElement.closest('.ol-part') && document.activeElement.closest('.ol-part').querySelector('.part-heading').value",
            )
            .await;
        assert_eq!(focused, json!("聚焦群众需求，提供便捷高效法律服务"));
        let numbers = browser
            .js("return [...document.querySelectorAll('[data-role=\"work\"] > .ol-parts-wrap > .ol-parts > .ol-part > .ol-part-head > .num')].map(n => n.textContent).join(' ');", vec![])
            .await;
        assert_eq!(numbers, json!("（一） （二） （三） （四）"));
        until_on_disk("the move saved", || {
            let saved = workbench.read(EXAMPLE);
            saved.find("聚焦群众需求") < saved.find("坚持党建引领")
        })
        .await;
    });
}

#[test]
fn parts_and_points_are_added_edited_and_deleted_in_the_outline() {
    run(async |workbench, browser| {
        browser.edit(workbench, EXAMPLE).await;
        browser
            .click_button("[data-role='work'] > .ol-parts-wrap", "＋ 添加一项")
            .await;
        browser.preview_shows("（五）新的一项").await;
        let selected = browser
            .until(
                "the new heading to be selected",
                "document.activeElement.matches('.part-heading') && document.activeElement.selectionEnd - document.activeElement.selectionStart",
            )
            .await;
        assert_eq!(
            selected,
            json!(4),
            "typing replaces the placeholder heading"
        );
        let heading = browser.client.active_element().await.unwrap();
        heading.send_keys("加强人民调解").await.unwrap();
        browser.preview_shows("（五）加强人民调解").await;

        let point = "[data-key-part='part:work:1'] .point-text";
        browser
            .js(
                "const text = document.querySelector(arguments[0]); text.focus(); text.setSelectionRange(0, 8);",
                vec![json!(point)],
            )
            .await;
        browser
            .client
            .active_element()
            .await
            .unwrap()
            .send_keys("法律援助扩面增效")
            .await
            .unwrap();
        browser
            .preview_shows("一是法律援助扩面增效。全年免费解答")
            .await;

        let delete = browser.find("button[aria-label='删除：（五）']").await;
        delete.click().await.unwrap();
        let asked = browser.client.get_alert_text().await.unwrap();
        assert!(asked.contains("（五）加强人民调解"), "{asked}");
        browser.client.accept_alert().await.unwrap();
        browser
            .until(
                "the part to go",
                "!document.querySelector('.sheets').textContent.includes('（五）加强人民调解')",
            )
            .await;
        until_on_disk("the edits saved", || {
            let saved = workbench.read(EXAMPLE);
            saved.contains("- 法律援助扩面增效。全年免费解答")
                && !saved.contains("标题: 加强人民调解")
        })
        .await;
    });
}

#[test]
fn figures_are_added_and_removed_in_the_table_and_citations_show_their_values() {
    run(async |workbench, browser| {
        browser.edit(workbench, EXAMPLE).await;
        let chip = browser
            .until(
                "the citation's chip",
                "[...document.querySelectorAll('.chip')].map(c => c.textContent).find(t => t.startsWith('援助办结.比率'))",
            )
            .await;
        assert_eq!(chip, json!("援助办结.比率91.15%"));
        browser.tab("数据").await;
        browser.type_into("#new-figure-name", "调解案件").await;
        browser.type_into("#new-figure-value", "1899件").await;
        browser.click_button(".add-figure", "添加").await;
        let added = browser
            .until("the new figure's row", "document.querySelector('tr[data-name=\"调解案件\"] input.value') && document.querySelector('tr[data-name=\"调解案件\"] input.value').value")
            .await;
        assert_eq!(added, json!("1899"));
        until_on_disk("the figure saved", || {
            workbench.read(EXAMPLE).contains("调解案件: 1899件")
        })
        .await;

        browser
            .js(
                "document.querySelector('button[aria-label=\"删除数据“调解案件”\"]').click();",
                vec![],
            )
            .await;
        browser.client.accept_alert().await.unwrap();
        browser
            .until(
                "the row to go",
                "!document.querySelector('tr[data-name=\"调解案件\"]')",
            )
            .await;
        until_on_disk("the removal saved", || {
            !workbench.read(EXAMPLE).contains("调解案件")
        })
        .await;
    });
}

/// Selects `wanted` in the YAML tab's text, as a clerk selects it with the mouse.
async fn select_in_yaml(browser: &Browser, wanted: &str) {
    browser
        .js(
            "const text = document.querySelector('.yaml-text'); const at = text.value.indexOf(arguments[0]); text.focus(); text.setSelectionRange(at, at + arguments[0].length); return at;",
            vec![json!(wanted)],
        )
        .await;
}

#[test]
fn an_error_typed_in_the_yaml_is_shown_on_its_line_and_the_last_good_preview_stays() {
    run(async |workbench, browser| {
        browser.edit(workbench, EXAMPLE).await;
        browser.tab("YAML").await;
        let line = workbench
            .read(EXAMPLE)
            .lines()
            .position(|l| l.trim() == "值: 1391")
            .expect("援助办结's value")
            + 1;
        select_in_yaml(browser, "值: 1391").await;
        let yaml = browser.find(".yaml-text").await;
        yaml.send_keys("值: [1400").await.expect("typed");
        let problem = browser
            .until(
                "the error in the problems",
                "[...document.querySelectorAll('.problem.error')].map(p => p.innerText).join('\\n')",
            )
            .await;
        assert!(
            text(problem.clone()).contains(&format!("第 {line} 行")),
            "{problem}"
        );
        let banner = browser
            .until("the stale banner", "!document.querySelector('.stale-banner').hidden && document.querySelector('.stale-banner').textContent")
            .await;
        assert!(text(banner).contains("预览停在上次正确的版本"));
        let mark = browser
            .js(
                "return document.querySelectorAll('.yaml-gutter .ln')[arguments[0] - 1].className;",
                vec![json!(line)],
            )
            .await;
        assert_eq!(mark, json!("ln error"));
        assert!(
            browser
                .preview_text()
                .await
                .contains("办结1391件，结案率91.15%")
        );
        assert_eq!(
            browser
                .js("return document.querySelectorAll('.sheet').length;", vec![])
                .await,
            json!(3)
        );
        browser.tab("结构").await;
        browser.click_button(".problem-list", "错误").await;
        let at = browser
            .until(
                "the problem's line in the YAML",
                "document.activeElement.matches('.yaml-text') && document.activeElement.value.slice(0, document.activeElement.selectionStart).split('\\n').length",
            )
            .await;
        assert_eq!(at, json!(line), "a click on the problem goes to its line");

        select_in_yaml(browser, "[").await;
        yaml.send_keys(&Key::Backspace.to_string())
            .await
            .expect("typed");
        browser.preview_shows("办结1400件，结案率91.74%").await;
        browser
            .until(
                "the stale banner to go",
                "document.querySelector('.stale-banner').hidden",
            )
            .await;
    });
}

/// Whether closing the tab now would ask the clerk first.
async fn leaving_warns(browser: &Browser) -> serde_json::Value {
    browser
        .js("const leaving = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(leaving); return leaving.defaultPrevented;", vec![])
        .await
}

#[test]
fn edits_are_saved_keeping_comments_and_one_backup() {
    run(async |workbench, browser| {
        let original = workbench.read(EXAMPLE);
        browser.edit(workbench, EXAMPLE).await;
        browser.tab("数据").await;
        browser
            .type_into("input[aria-label='援助办结的值']", "1400")
            .await;
        assert_eq!(
            leaving_warns(browser).await,
            json!(true),
            "closing the tab with an unsaved edit warns"
        );
        let status = browser.saved().await;
        assert_eq!(leaving_warns(browser).await, json!(false));
        assert!(status.contains("已保存"), "{status}");
        assert!(
            status.contains(&format!("原文件另存为 {EXAMPLE}.bak")),
            "{status}"
        );
        let saved = workbench.read(EXAMPLE);
        assert!(saved.contains("    值: 1400\n"), "{saved}");
        assert!(
            saved.contains("# 示例：市级司法局年度工作总结。"),
            "the comments are kept"
        );
        assert_eq!(
            saved.replace("值: 1400", "值: 1391"),
            original,
            "only the figure changed"
        );
        assert_eq!(workbench.read(&format!("{EXAMPLE}.bak")), original);

        browser
            .type_into("input[aria-label='党组会议的值']", "30")
            .await;
        until_on_disk("the second edit saved", || {
            workbench.read(EXAMPLE).contains("党组会议: 30次")
        })
        .await;
        assert_eq!(
            workbench.read(&format!("{EXAMPLE}.bak")),
            original,
            "the backup is of the file as it was"
        );
        let backups: Vec<_> = std::fs::read_dir(workbench.folder.path())
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| name.contains(".bak"))
            .collect();
        assert_eq!(backups, [format!("{EXAMPLE}.bak")]);
    });
}

/// Waits for the offer to reload or keep, and returns what it says.
async fn conflict_offered(browser: &Browser) -> String {
    text(
        browser
            .until(
                "the offer to reload or keep",
                "!document.querySelector('.conflict-box').hidden && document.querySelector('.conflict-box').innerText",
            )
            .await,
    )
}

#[test]
fn a_file_changed_by_another_editor_is_reloaded_or_kept_as_the_clerk_chooses() {
    run(async |workbench, browser| {
        browser.edit(workbench, EXAMPLE).await;
        let path = workbench.path(EXAMPLE);
        let elsewhere = workbench
            .read(EXAMPLE)
            .replace("党组会议: 28次", "党组会议: 30次");
        std::fs::write(&path, &elsewhere).unwrap();
        let offer = conflict_offered(browser).await;
        assert!(
            offer.contains("重新载入") && offer.contains("保留我的版本"),
            "{offer}"
        );
        browser.click_button(".conflict-box", "重新载入").await;
        browser.preview_shows("召开党组会议30次").await;
        assert_eq!(
            workbench.read(EXAMPLE),
            elsewhere,
            "reloading writes nothing"
        );

        browser.tab("数据").await;
        browser
            .type_into("input[aria-label='党组会议的值']", "32")
            .await;
        browser.saved().await;
        std::fs::write(
            &path,
            workbench
                .read(EXAMPLE)
                .replace("党组会议: 32次", "党组会议: 31次"),
        )
        .unwrap();
        conflict_offered(browser).await;
        browser
            .type_into("input[aria-label='中心组学习的值']", "15")
            .await;
        browser.preview_shows("中心组学习15次").await;
        tokio::time::sleep(Duration::from_millis(1600)).await;
        let on_disk = workbench.read(EXAMPLE);
        assert!(
            on_disk.contains("党组会议: 31次") && on_disk.contains("中心组学习: 14次"),
            "not overwritten while the clerk has not chosen:\n{on_disk}"
        );
        browser.click_button(".conflict-box", "保留我的版本").await;
        until_on_disk("this version kept", || {
            let kept = workbench.read(EXAMPLE);
            kept.contains("党组会议: 32次") && kept.contains("中心组学习: 15次")
        })
        .await;
    });
}

#[test]
fn two_tabs_on_one_file_do_not_overwrite_each_other() {
    run(async |workbench, browser| {
        browser.edit(workbench, EXAMPLE).await;
        let first = browser.client.window().await.unwrap();
        let second = browser.client.new_window(true).await.unwrap().handle;
        browser
            .client
            .switch_to_window(second.clone())
            .await
            .unwrap();
        browser
            .client
            .goto(&format!("{}/#/edit/{EXAMPLE}", workbench.base()))
            .await
            .unwrap();
        browser.preview_shows("召开党组会议28次").await;

        browser
            .client
            .switch_to_window(first.clone())
            .await
            .unwrap();
        browser.tab("数据").await;
        browser
            .type_into("input[aria-label='党组会议的值']", "40")
            .await;
        browser.saved().await;
        assert!(workbench.read(EXAMPLE).contains("党组会议: 40次"));

        browser.client.switch_to_window(second).await.unwrap();
        conflict_offered(browser).await;
        browser.tab("数据").await;
        browser
            .type_into("input[aria-label='中心组学习的值']", "20")
            .await;
        browser.preview_shows("中心组学习20次").await;
        tokio::time::sleep(Duration::from_millis(1600)).await;
        let on_disk = workbench.read(EXAMPLE);
        assert!(
            on_disk.contains("党组会议: 40次") && on_disk.contains("中心组学习: 14次"),
            "the second tab did not save over the first:\n{on_disk}"
        );
        browser.click_button(".conflict-box", "重新载入").await;
        browser.preview_shows("召开党组会议40次").await;
    });
}

/// Uploads `path` through the file input `css`, as a clerk picks a file.
async fn upload(browser: &Browser, css: &str, path: &std::path::Path) {
    let input = browser.find(css).await;
    input
        .send_keys(&path.display().to_string())
        .await
        .expect("the file is picked");
}

#[test]
fn an_uploaded_report_is_imported_and_opens_as_a_new_data_file() {
    run(async |workbench, browser| {
        let report = workbench.folder.path().join("uploads");
        std::fs::create_dir(&report).unwrap();
        let docx = report.join("东湖区司法局2025年法治政府建设年度报告.docx");
        render_docx(workbench, "rule-of-law-report.yaml", &docx);
        browser.open(workbench, "").await;
        upload(browser, "input[aria-label='选择报告文件…']", &docx).await;
        browser
            .until(
                "the imported file to open",
                "location.hash.startsWith('#/edit/') && document.querySelector('.sheet')",
            )
            .await;
        let note = text(browser.until("the import's note", "!document.querySelector('.note-box').hidden && document.querySelector('.note-box').innerText").await);
        assert!(
            note.contains("已从“东湖区司法局2025年法治政府建设年度报告.docx”导入"),
            "{note}"
        );
        let name = "东湖区司法局2025年法治政府建设年度报告.yaml";
        assert!(workbench.read(name).contains("东湖区司法局"));
        browser
            .preview_shows("一、2025年推进法治政府建设的主要举措和成效")
            .await;
    });
}

#[test]
fn the_downloaded_docx_is_valid_office_open_xml() {
    run(async |workbench, browser| {
        browser.edit(workbench, EXAMPLE).await;
        browser.tab("数据").await;
        browser
            .type_into("input[aria-label='援助办结的值']", "1400")
            .await;
        browser.click_button(".editor-actions", ".docx").await;
        let file = browser.downloads.path().join("nested-summary.docx");
        until_on_disk("the download", || file.exists()).await;
        assert!(
            workbench.read(EXAMPLE).contains("值: 1400"),
            "saved before the download"
        );
        let bytes = std::fs::read(&file).unwrap();
        assert!(bytes.starts_with(b"PK"), "a .docx is a zip");
        let Some(validate) = std::env::var_os("ZONGJIE_OOXML_VALIDATE") else {
            eprintln!("note: ZONGJIE_OOXML_VALIDATE is not set; the .docx was not validated");
            return;
        };
        let checked = std::process::Command::new(validate)
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            checked.status.success(),
            "{}{}",
            String::from_utf8_lossy(&checked.stdout),
            String::from_utf8_lossy(&checked.stderr)
        );
    });
}

#[test]
fn rollover_opens_next_years_file_with_its_warnings() {
    run(async |workbench, browser| {
        browser.edit(workbench, EXAMPLE).await;
        browser
            .click_button(".editor-actions", "生成明年的文件")
            .await;
        let hash = text(
            browser
                .until("next year's file to open", "location.hash !== '#/edit/nested-summary.yaml' && document.querySelector('.note-box:not([hidden])') && decodeURIComponent(location.hash)")
                .await,
        );
        let name = hash.trim_start_matches("#/edit/");
        assert!(workbench.read(name).contains("年度: 2026"), "{name}");
        let note = text(
            browser
                .js(
                    "return document.querySelector('.note-box').innerText;",
                    vec![],
                )
                .await,
        );
        assert!(note.contains("生成明年的文件"), "{note}");
        let warnings = browser
            .until(
                "its warnings in the problems",
                "document.querySelectorAll('.problem.warning').length",
            )
            .await;
        assert!(warnings.as_u64().unwrap() > 0);
        let title = text(
            browser
                .js(
                    "return document.querySelector('.doc-title').textContent;",
                    vec![],
                )
                .await,
        );
        assert_eq!(title, "云岭市司法局2026年工作总结");
        let gaps = browser
            .until(
                "the draft's gaps for the figures to fill in",
                "document.querySelectorAll('.sheet .gap').length",
            )
            .await;
        assert!(
            gaps.as_u64().unwrap() > 0,
            "the preview shows where figures are still to fill"
        );
        let gap = text(
            browser
                .js(
                    "return document.querySelector('.sheet .gap').textContent;",
                    vec![],
                )
                .await,
        );
        assert!(gap.starts_with("〔待填："), "{gap}");
        browser.tab("数据").await;
        let unfilled = browser
            .until(
                "the figures to fill in",
                "document.querySelectorAll('.figures tr.unfilled').length",
            )
            .await;
        assert_eq!(
            unfilled,
            json!(21),
            "every figure is to be filled in next year"
        );
        browser.tab("结构").await;
        browser
            .js(
                "[...document.querySelectorAll('.problem.warning')].find(p => p.textContent.includes('数据“党组会议”还没有填写数值')).click();",
                vec![],
            )
            .await;
        let focused = browser
            .until(
                "the figure to fill in",
                "document.activeElement.getAttribute('aria-label')",
            )
            .await;
        assert_eq!(
            focused,
            json!("党组会议的值"),
            "a click on the warning goes to the figure"
        );
        browser
            .type_into("input[aria-label='党组会议的值']", "30")
            .await;
        until_on_disk("the figure filled in", || {
            workbench.read(name).contains("党组会议:\n    值: 30")
        })
        .await;
    });
}

#[test]
fn a_report_checked_by_upload_shows_each_finding_at_its_line() {
    run(async |workbench, browser| {
        let report = workbench.folder.path().join("报告.txt");
        std::fs::write(
            &report,
            "关于2025年工作的总结\n\n一、工作情况\n(一)加强队伍建设。全年培训 200人次。\n",
        )
        .unwrap();
        browser.open(workbench, "").await;
        upload(browser, "input[aria-label='选择要检查的文件…']", &report).await;
        let line = text(
            browser
                .until("the findings", "document.querySelectorAll('.lint-line')[3] && document.querySelectorAll('.lint-line')[3].innerText")
                .await,
        );
        assert!(line.contains("中文里用了半角的“(”"), "{line}");
        assert!(line.contains("中文里多了空格"), "{line}");
        let clean = text(
            browser
                .js(
                    "return document.querySelectorAll('.lint-line')[0].className;",
                    vec![],
                )
                .await,
        );
        assert_eq!(clean, "lint-line");
    });
}

/// Clicks the preview's first row that contains `words`.
async fn click_preview_row(browser: &Browser, words: &str) {
    let rows = browser
        .client
        .find_all(fantoccini::Locator::Css(".sheet .row[data-line]"))
        .await
        .unwrap();
    for row in rows {
        if row.text().await.unwrap().contains(words) {
            row.click().await.expect("the row is clicked");
            return;
        }
    }
    panic!("no row of the preview has “{words}”");
}

#[test]
fn a_paragraph_clicked_in_the_preview_is_found_in_the_outline_or_the_yaml() {
    run(async |workbench, browser| {
        browser.edit(workbench, EXAMPLE).await;
        click_preview_row(browser, "聚焦群众需求").await;
        let found = browser
            .until(
                "the part in the outline",
                "document.activeElement.closest('.ol-part') && document.activeElement.closest('.ol-part').querySelector('.part-heading').value",
            )
            .await;
        assert_eq!(found, json!("聚焦群众需求，提供便捷高效法律服务"));
        let picked = browser
            .js("return [...document.querySelectorAll('.row.picked')].map(r => r.textContent).join('');", vec![])
            .await;
        assert!(text(picked).starts_with("（二）聚焦群众需求"));

        browser.tab("YAML").await;
        click_preview_row(browser, "坚持党建引领").await;
        let line = workbench
            .read(EXAMPLE)
            .lines()
            .position(|l| l.contains("标题: 坚持党建引领"))
            .unwrap();
        let selected = browser
            .until(
                "the line in the YAML",
                "document.activeElement.matches('.yaml-text') && document.activeElement.value.slice(0, document.activeElement.selectionStart).split('\\n').length",
            )
            .await;
        assert_eq!(selected, json!(line + 1));
    });
}

/// The median and the 95th percentile of `times`.
fn median_and_p95(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let at = |share: f64| times[((times.len() - 1) as f64 * share).round() as usize];
    (at(0.5), at(0.95))
}

/// Loads `hash` afresh and returns the page's own first-load time, in ms.
async fn first_load(workbench: &Workbench, browser: &Browser, hash: &str) -> f64 {
    browser.client.goto("about:blank").await.unwrap();
    browser
        .client
        .goto(&format!("{}/{hash}", workbench.base()))
        .await
        .unwrap();
    browser
        .until(
            "the first load",
            "window.__zongjie && window.__zongjie.firstLoad",
        )
        .await
        .as_f64()
        .unwrap()
}

#[test]
fn the_preview_repaints_quickly_after_an_edit_and_screenshots_are_taken() {
    run(async |workbench, browser| {
        browser.edit(workbench, EXAMPLE).await;
        let home = first_load(workbench, browser, "#/").await;
        let editor = first_load(workbench, browser, &format!("#/edit/{EXAMPLE}")).await;
        browser.preview_shows("办结1391件").await;
        browser.tab("数据").await;
        let mut times = Vec::new();
        for value in 1300..1320 {
            let before = browser
                .js("return window.__zongjie.renders.length;", vec![])
                .await;
            browser
                .type_into("input[aria-label='援助办结的值']", &value.to_string())
                .await;
            browser.preview_shows(&format!("办结{value}件")).await;
            let time = browser
                .until(
                    "the render's time",
                    &format!("window.__zongjie.renders.length > {before} && window.__zongjie.lastRender.ms"),
                )
                .await;
            times.push(time.as_f64().unwrap());
        }
        let (median, p95) = median_and_p95(&mut times);
        let report = format!(
            "workbench timings (headless Chromium, debug build, {EXAMPLE})\n\
             first load: home page {home:.0} ms, editor with its preview {editor:.0} ms\n\
             end of the debounce to the repainted preview, {} edits of a figure: median {median:.0} ms, p95 {p95:.0} ms\n",
            times.len()
        );
        eprint!("{report}");
        std::fs::write(harness::target_dir().join("workbench-timings.txt"), &report).unwrap();

        browser.client.set_window_size(1400, 1000).await.unwrap();
        browser.saved().await;
        browser.tab("结构").await;
        click_preview_row(browser, "聚焦群众需求").await;
        // The part found flashes for 1.6 s; the screenshot is of the calm page.
        tokio::time::sleep(Duration::from_millis(1800)).await;
        browser.screenshot("editor-outline.png").await;
        browser.tab("数据").await;
        browser.screenshot("editor-figures.png").await;
        browser.tab("YAML").await;
        browser.screenshot("editor-yaml.png").await;
        browser
            .js("document.querySelector('.preview-scroll').scrollTop = document.querySelectorAll('.frame')[1].offsetTop - 20;", vec![])
            .await;
        browser.screenshot("preview.png").await;
    });
}
