//! The workbench's API at the level of requests, without a browser: every
//! route, every security rule (no cookie, wrong token, a foreign Host, a
//! foreign Origin on a change and on the live channel, names out of the
//! folder, an oversize upload) and the save rules (atomic, one `.bak` a
//! session, a change on disk detected, two writers).

use std::io::{BufRead, BufReader};
use std::process::{Command as Process, Stdio};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use futures_util::StreamExt;
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::common::example;

const PORT: u16 = 48123;
const TOKEN: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const HOST: &str = "127.0.0.1:48123";

/// A workbench on a folder of its own.
struct Bench {
    dir: tempfile::TempDir,
    router: Router,
}

/// What came back.
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    fn message(&self) -> String {
        self.json()["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

impl Bench {
    /// A workbench whose folder holds `files`.
    fn with(files: &[(&str, &str)]) -> Bench {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let app = zongjie::workbench_test_app(dir.path(), PORT, TOKEN).unwrap();
        Bench {
            dir,
            router: zongjie::workbench_router(app),
        }
    }

    /// A workbench whose folder holds the largest example as `data.yaml`.
    fn with_example() -> Bench {
        let text = std::fs::read_to_string(example("nested-summary")).unwrap();
        Bench::with(&[("data.yaml", &text)])
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    fn send(&self, request: Request<Body>) -> Answer {
        runtime().block_on(async {
            let response = self.router.clone().oneshot(request).await.unwrap();
            let status = response.status();
            let headers = response.headers().clone();
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap()
                .to_vec();
            Answer {
                status,
                headers,
                body,
            }
        })
    }

    fn get(&self, uri: &str) -> Answer {
        self.send(own(Method::GET, uri).body(Body::empty()).unwrap())
    }

    fn post(&self, uri: &str, body: Value) -> Answer {
        self.send(json_request(Method::POST, uri, &body))
    }

    fn put(&self, uri: &str, body: Value) -> Answer {
        self.send(json_request(Method::PUT, uri, &body))
    }

    fn upload(&self, uri: &str, bytes: Vec<u8>) -> Answer {
        self.send(own(Method::POST, uri).body(Body::from(bytes)).unwrap())
    }

    fn read(&self, name: &str) -> Value {
        let answer = self.get(&format!("/api/files/{}", escape(name)));
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.message());
        answer.json()
    }
}

/// A request as the workbench's own page sends it: its Host and the token.
fn own(method: Method, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, HOST)
        .header("x-zongjie-token", TOKEN)
}

fn json_request(method: Method, uri: &str, body: &Value) -> Request<Body> {
    own(method, uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn escape(name: &str) -> String {
    name.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

// ----- security -----

#[test]
fn the_token_in_the_address_becomes_an_http_only_strict_cookie() {
    let bench = Bench::with_example();
    let request = Request::builder()
        .uri(format!("/?token={TOKEN}"))
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap();
    let exchanged = bench.send(request);
    assert_eq!(exchanged.status, StatusCode::SEE_OTHER);
    assert_eq!(exchanged.header(header::LOCATION), "/");
    let cookie = exchanged.header(header::SET_COOKIE);
    assert!(
        cookie.starts_with(&format!("zongjie_token={TOKEN};")),
        "{cookie}"
    );
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let page = Request::builder()
        .uri("/")
        .header(header::HOST, HOST)
        .header(header::COOKIE, format!("zongjie_token={TOKEN}"))
        .body(Body::empty())
        .unwrap();
    let page = bench.send(page);
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header(header::CONTENT_TYPE).starts_with("text/html"));
    let policy = page.header(header::CONTENT_SECURITY_POLICY);
    assert!(
        policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"),
        "{policy}"
    );
    assert!(page.header(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_empty());
}

#[test]
fn without_the_cookie_or_with_a_wrong_token_nothing_is_served() {
    let bench = Bench::with_example();
    for (cookie, token) in [
        (None, None),
        (Some("zongjie_token=wrong"), None),
        (None, Some("wrong")),
    ] {
        let mut request = Request::builder()
            .uri("/api/files/data.yaml")
            .header(header::HOST, HOST);
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        if let Some(token) = token {
            request = request.header("x-zongjie-token", token);
        }
        let answer = bench.send(request.body(Body::empty()).unwrap());
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert!(answer.message().contains("口令"), "{}", answer.message());
    }
    let wrong_exchange = Request::builder()
        .uri("/?token=wrong")
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap();
    assert_eq!(bench.send(wrong_exchange).status, StatusCode::UNAUTHORIZED);
}

#[test]
fn a_foreign_host_is_refused_against_dns_rebinding() {
    let bench = Bench::with_example();
    for host in ["evil.example:48123", "127.0.0.1:9999", "localhost"] {
        let request = own(Method::GET, "/api/folder")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap();
        let mut request = request;
        request
            .headers_mut()
            .insert(header::HOST, host.parse().unwrap());
        let answer = bench.send(request);
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{host}");
        assert!(answer.message().contains("主机名"), "{}", answer.message());
    }
    let mut localhost = own(Method::GET, "/api/folder").body(Body::empty()).unwrap();
    localhost
        .headers_mut()
        .insert(header::HOST, "localhost:48123".parse().unwrap());
    assert_eq!(bench.send(localhost).status, StatusCode::OK);
}

#[test]
fn a_foreign_origin_may_not_change_anything_nor_listen() {
    let bench = Bench::with_example();
    let text = bench.read("data.yaml");
    let save = json!({ "text": "单位: 甲\n", "base_version": text["version"] });
    let foreign = json_request(Method::PUT, "/api/files/data.yaml", &save);
    let mut foreign = foreign;
    foreign
        .headers_mut()
        .insert(header::ORIGIN, "http://evil.example".parse().unwrap());
    let answer = bench.send(foreign);
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert!(
        answer.message().contains("其他网页"),
        "{}",
        answer.message()
    );
    assert_eq!(
        bench.read("data.yaml")["text"],
        text["text"],
        "the file was changed"
    );
    for method in [Method::POST, Method::DELETE] {
        let mut request = own(method.clone(), "/api/reference")
            .body(Body::empty())
            .unwrap();
        request
            .headers_mut()
            .insert(header::ORIGIN, "http://127.0.0.1:1".parse().unwrap());
        assert_eq!(
            bench.send(request).status,
            StatusCode::FORBIDDEN,
            "{method}"
        );
    }
    let mut listen = own(Method::GET, "/api/events").body(Body::empty()).unwrap();
    listen
        .headers_mut()
        .insert(header::ORIGIN, "http://evil.example".parse().unwrap());
    assert_eq!(bench.send(listen).status, StatusCode::FORBIDDEN);
    let mut own_page = json_request(Method::POST, "/api/check", &json!({ "text": text["text"] }));
    own_page
        .headers_mut()
        .insert(header::ORIGIN, "http://127.0.0.1:48123".parse().unwrap());
    assert_eq!(bench.send(own_page).status, StatusCode::OK);
}

#[test]
fn names_that_leave_the_folder_are_refused() {
    let bench = Bench::with_example();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.yaml"), "单位: 秘密\n").unwrap();
    let absolute = escape(&outside.path().join("secret.yaml").display().to_string());
    for name in [
        "..%2Fsecret.yaml",
        "..%5Csecret.yaml",
        absolute.as_str(),
        "C%3Asecret.yaml",
        ".hidden.yaml",
        "data.txt",
    ] {
        let answer = bench.get(&format!("/api/files/{name}"));
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{name}");
        assert!(
            answer.message().contains("不是工作文件夹里的数据文件名"),
            "{}",
            answer.message()
        );
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outside.path().join("secret.yaml"), bench.path("link.yaml"))
            .unwrap();
        let answer = bench.get("/api/files/link.yaml");
        assert_eq!(answer.status, StatusCode::BAD_REQUEST);
        assert!(!answer.body.windows(6).any(|w| w == "秘密".as_bytes()));
        let listed = bench.get("/api/folder").json();
        assert_eq!(listed["files"].as_array().unwrap().len(), 1, "{listed}");
    }
}

#[test]
fn an_upload_over_20_mib_is_refused_in_chinese() {
    let bench = Bench::with_example();
    let answer = bench.upload("/api/import?name=big.txt", vec![b'a'; (20 << 20) + 1]);
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(answer.message().contains("20 MiB"), "{}", answer.message());
    // Sent without a length, the body is cut off at the cap all the same.
    let stream =
        futures_util::stream::iter((0..21).map(|_| Ok::<_, std::io::Error>(vec![b'a'; 1 << 20])));
    let request = own(Method::POST, "/api/lint?name=big.txt")
        .body(Body::from_stream(stream))
        .unwrap();
    let answer = bench.send(request);
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(answer.message().contains("20 MiB"), "{}", answer.message());
}

// ----- files and saves -----

#[test]
fn the_folder_lists_each_data_file_with_what_check_says() {
    let bad = "单位: 甲县司法局\n年度: 二〇二五\n类型: 工作总结\n";
    let text = std::fs::read_to_string(example("nested-summary")).unwrap();
    let bench = Bench::with(&[("好.yaml", &text), ("坏.yaml", bad), ("说明.txt", "x")]);
    let folder = bench.get("/api/folder").json();
    let files = folder["files"].as_array().unwrap();
    let names: Vec<&str> = files.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["坏.yaml", "好.yaml"]);
    assert_eq!(files[1]["bureau"], "云岭市司法局");
    assert_eq!(files[1]["year"], 2025);
    assert_eq!(files[1]["kind"], "工作总结");
    assert_eq!(files[1]["errors"], 0);
    assert!(files[0]["errors"].as_u64().unwrap() > 0);
    assert_eq!(folder["reference"], false);
}

#[test]
fn a_save_is_atomic_keeps_one_backup_a_session_and_keeps_line_endings() {
    let bench = Bench::with(&[(
        "data.yaml",
        "# 办公室维护\r\n单位: 甲县司法局\r\n年度: 2025\r\n类型: 工作总结\r\n",
    )]);
    let first = bench.read("data.yaml");
    let text = first["text"].as_str().unwrap().replace("2025", "2024");
    let saved = bench.put(
        "/api/files/data.yaml",
        json!({ "text": text, "base_version": first["version"] }),
    );
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.message());
    assert_eq!(saved.json()["backup"], "data.yaml.bak");
    let on_disk = std::fs::read_to_string(bench.path("data.yaml")).unwrap();
    assert!(
        on_disk.contains("年度: 2024\r\n") && on_disk.starts_with("# 办公室维护\r\n"),
        "{on_disk}"
    );
    assert!(
        std::fs::read_to_string(bench.path("data.yaml.bak"))
            .unwrap()
            .contains("2025")
    );
    let again = bench.put(
        "/api/files/data.yaml",
        json!({ "text": text.replace("2024", "2023"), "base_version": saved.json()["version"] }),
    );
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["backup"], Value::Null);
    let mut names: Vec<String> = std::fs::read_dir(bench.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["data.yaml", "data.yaml.bak"],
        "no temporary file is left"
    );
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let bench = Bench::with_example();
    let loaded = bench.read("data.yaml");
    std::fs::write(
        bench.path("data.yaml"),
        "# 别的编辑器改的\n单位: 甲县司法局\n年度: 2025\n类型: 工作总结\n",
    )
    .unwrap();
    let answer = bench.put(
        "/api/files/data.yaml",
        json!({ "text": loaded["text"], "base_version": loaded["version"] }),
    );
    assert_eq!(answer.status, StatusCode::CONFLICT);
    assert!(
        answer.message().contains("别处被修改"),
        "{}",
        answer.message()
    );
    let current = &answer.json()["error"]["current"];
    assert!(
        current["text"]
            .as_str()
            .unwrap()
            .starts_with("# 别的编辑器改的")
    );
    assert!(
        std::fs::read_to_string(bench.path("data.yaml"))
            .unwrap()
            .starts_with("# 别的编辑器改的")
    );
    // Keeping one's own version is a save from the version now on disk.
    let kept = bench.put(
        "/api/files/data.yaml",
        json!({ "text": loaded["text"], "base_version": current["version"] }),
    );
    assert_eq!(kept.status, StatusCode::OK);
    assert_eq!(
        std::fs::read_to_string(bench.path("data.yaml")).unwrap(),
        loaded["text"].as_str().unwrap()
    );
}

#[test]
fn two_writers_on_one_file_do_not_overwrite_each_other() {
    let bench = Bench::with_example();
    let tab_a = bench.read("data.yaml");
    let tab_b = bench.read("data.yaml");
    let text_a = tab_a["text"]
        .as_str()
        .unwrap()
        .replace("云岭市司法局", "云岭市司法局（甲）");
    let text_b = tab_b["text"]
        .as_str()
        .unwrap()
        .replace("云岭市司法局", "云岭市司法局（乙）");
    assert_eq!(
        bench
            .put(
                "/api/files/data.yaml",
                json!({ "text": text_a, "base_version": tab_a["version"] })
            )
            .status,
        StatusCode::OK
    );
    let second = bench.put(
        "/api/files/data.yaml",
        json!({ "text": text_b, "base_version": tab_b["version"] }),
    );
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert!(
        std::fs::read_to_string(bench.path("data.yaml"))
            .unwrap()
            .contains("（甲）")
    );
}

#[test]
fn a_new_file_is_made_from_init_s_choices_and_never_over_another() {
    let bench = Bench::with(&[]);
    let made = bench.post(
        "/api/files",
        json!({ "bureau": "甲县司法局", "year": 2025, "kind": "法治政府建设年度报告" }),
    );
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.message());
    let name = made.json()["name"].as_str().unwrap().to_string();
    assert_eq!(name, "甲县司法局2025年法治政府建设年度报告.yaml");
    let text = std::fs::read_to_string(bench.path(&name)).unwrap();
    assert!(text.contains("类型: 法治政府建设年度报告"), "{text}");
    let again = bench.post(
        "/api/files",
        json!({ "bureau": "甲县司法局", "year": 2025, "kind": "法治政府建设年度报告" }),
    );
    assert_eq!(
        again.json()["name"],
        "甲县司法局2025年法治政府建设年度报告（2）.yaml"
    );
    let named = bench.post(
        "/api/files",
        json!({ "bureau": "甲县司法局", "year": 2025, "name": name }),
    );
    assert_eq!(named.status, StatusCode::CONFLICT);
    let bad_year = bench.post(
        "/api/files",
        json!({ "bureau": "甲县司法局", "year": 1800 }),
    );
    assert_eq!(bad_year.status, StatusCode::BAD_REQUEST);
    assert!(bad_year.message().contains("1949"));
    let not_json = bench.send(
        own(Method::POST, "/api/files")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{"))
            .unwrap(),
    );
    assert_eq!(not_json.status, StatusCode::BAD_REQUEST);
    assert!(
        not_json.message().contains("JSON"),
        "{}",
        not_json.message()
    );
}

#[test]
fn a_missing_file_is_not_found() {
    let bench = Bench::with(&[]);
    let answer = bench.get("/api/files/%E6%B2%A1%E6%9C%89.yaml");
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert!(
        answer.message().contains("没有“没有.yaml”"),
        "{}",
        answer.message()
    );
}

// ----- texts in, answers out -----

#[test]
fn render_gives_pages_outline_figures_or_the_problems_at_their_lines() {
    let bench = Bench::with_example();
    let text = bench.read("data.yaml")["text"]
        .as_str()
        .unwrap()
        .to_string();
    let shown = bench.post("/api/render", json!({ "text": text })).json();
    assert_eq!(shown["ok"], true);
    let pages = shown["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 3);
    assert!(pages[0].as_str().unwrap().contains("— 1 —"));
    assert!(
        shown["text"]
            .as_str()
            .unwrap()
            .contains("云岭市司法局2025年工作总结")
    );
    assert_eq!(shown["outline"]["sections"][0]["number"], "一、");
    assert!(
        shown["figures"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["cited_at"].as_array().is_some_and(|c| !c.is_empty()))
    );
    let broken = text.replacen("年度: 2025", "年度: 二〇二五", 1);
    let shown = bench.post("/api/render", json!({ "text": broken })).json();
    assert_eq!(shown["ok"], false);
    assert!(shown["pages"].as_array().unwrap().is_empty());
    let line = broken.lines().position(|l| l.starts_with("年度:")).unwrap() + 1;
    assert!(
        shown["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["severity"] == "error" && p["line"] == line),
        "{shown}"
    );
}

#[test]
fn check_rollover_and_edit_answer_with_text() {
    let bench = Bench::with_example();
    let text = bench.read("data.yaml")["text"]
        .as_str()
        .unwrap()
        .to_string();
    let checked = bench.post("/api/check", json!({ "text": text })).json();
    assert_eq!(checked["ok"], true);
    assert!(checked["summary"].as_str().unwrap().contains("没有"));
    let next = bench.post("/api/rollover", json!({ "text": text })).json();
    assert!(next["text"].as_str().unwrap().contains("年度: 2026"));
    let moved = bench.post("/api/edit", json!({ "text": text, "edit": { "op": "move_part", "role": "work", "path": [1], "delta": -1 } }));
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.message());
    let moved = moved.json()["text"].as_str().unwrap().to_string();
    assert!(moved.find("聚焦群众需求").unwrap() < moved.find("坚持党建引领").unwrap());
    let refused = bench.post("/api/edit", json!({ "text": text, "edit": { "op": "move_part", "role": "work", "path": [0], "delta": -1 } }));
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        refused.message().contains("最前面"),
        "{}",
        refused.message()
    );
    let unknown = bench.post(
        "/api/edit",
        json!({ "text": text, "edit": { "op": "fly" } }),
    );
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
}

/// A part added with a heading a clerk ends in a full-width colon is
/// written so that it reads back as that heading, not as a mistaken key
/// (the rollover property test found `- 工作：` read back as an error).
#[test]
fn a_heading_ending_in_a_full_width_colon_reads_back() {
    let bench = Bench::with_example();
    let text = bench.read("data.yaml")["text"]
        .as_str()
        .unwrap()
        .to_string();
    let added = bench.post(
        "/api/edit",
        json!({ "text": text, "edit": { "op": "add_part", "role": "work", "path": [], "index": 0, "heading": "工作：" } }),
    );
    assert_eq!(added.status, StatusCode::OK, "{}", added.message());
    let added = added.json()["text"].as_str().unwrap().to_string();
    let checked = bench.post("/api/check", json!({ "text": added })).json();
    assert_eq!(checked["ok"], true, "{checked}");
}

#[test]
fn docx_download_and_the_folder_s_reference() {
    let bench = Bench::with_example();
    let text = bench.read("data.yaml")["text"]
        .as_str()
        .unwrap()
        .to_string();
    let docx = bench.post("/api/docx", json!({ "text": text }));
    assert_eq!(docx.status, StatusCode::OK);
    assert!(docx.body.starts_with(b"PK"));
    assert!(
        docx.header(header::CONTENT_TYPE)
            .contains("wordprocessingml")
    );
    for (format, start) in [
        ("docx", "PK"),
        ("md", "::: {custom-style"),
        ("txt", "云岭市司法局"),
    ] {
        let download = bench.get(&format!("/api/files/data.yaml/download?format={format}"));
        assert_eq!(download.status, StatusCode::OK, "{format}");
        assert!(download.body.starts_with(start.as_bytes()), "{format}");
        assert!(
            download
                .header(header::CONTENT_DISPOSITION)
                .contains(&format!("filename*=UTF-8''data.{format}"))
        );
    }
    assert_eq!(
        bench.get("/api/files/data.yaml/download?format=pdf").status,
        StatusCode::BAD_REQUEST
    );
    let not_docx = bench.send(
        own(Method::PUT, "/api/reference")
            .body(Body::from("不是 Word 文件"))
            .unwrap(),
    );
    assert_eq!(not_docx.status, StatusCode::UNPROCESSABLE_ENTITY);
    let reference = zongjie::reference_docx().unwrap();
    let set = bench.send(
        own(Method::PUT, "/api/reference")
            .body(Body::from(reference))
            .unwrap(),
    );
    assert_eq!(set.status, StatusCode::OK, "{}", set.message());
    assert_eq!(bench.get("/api/folder").json()["reference"], true);
    assert_eq!(
        bench
            .get("/api/files/data.yaml/download?format=docx")
            .status,
        StatusCode::OK
    );
    let forget = bench.send(
        own(Method::DELETE, "/api/reference")
            .body(Body::empty())
            .unwrap(),
    );
    assert_eq!(forget.status, StatusCode::OK);
    assert_eq!(bench.get("/api/folder").json()["reference"], false);
}

#[test]
fn rollover_of_a_file_writes_next_year_s_beside_it() {
    let text = std::fs::read_to_string(example("nested-summary")).unwrap();
    let bench = Bench::with(&[("云岭市2025年.yaml", &text)]);
    let rolled = bench.post(
        "/api/files/%E4%BA%91%E5%B2%AD%E5%B8%822025%E5%B9%B4.yaml/rollover",
        json!({}),
    );
    assert_eq!(rolled.status, StatusCode::OK, "{}", rolled.message());
    let rolled = rolled.json();
    assert_eq!(rolled["name"], "云岭市2026年.yaml");
    assert!(
        std::fs::read_to_string(bench.path("云岭市2026年.yaml"))
            .unwrap()
            .contains("年度: 2026")
    );
    assert!(
        !rolled["problems"].as_array().unwrap().is_empty(),
        "carried text is flagged"
    );
}

#[test]
fn diff_compares_two_years_as_a_table() {
    let bench = Bench::with_example();
    let old = bench.read("data.yaml")["text"]
        .as_str()
        .unwrap()
        .to_string();
    let new = bench.post("/api/rollover", json!({ "text": old })).json()["text"]
        .as_str()
        .unwrap()
        .to_string();
    let table = bench
        .post("/api/diff", json!({ "old": old, "new": new }))
        .json();
    assert_eq!(table["old_year"], 2025);
    assert_eq!(table["new_year"], 2026);
    assert_eq!(table["header"][0], "数据");
    assert!(!table["rows"].as_array().unwrap().is_empty());
}

#[test]
fn import_and_lint_take_an_uploaded_report() {
    let bench = Bench::with_example();
    let docx = crate::docx::render_docx(&example("nested-summary"));
    let imported = bench.upload(
        "/api/import?name=%E5%8E%BB%E5%B9%B4.docx&save=true",
        docx.clone(),
    );
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.message());
    let imported = imported.json();
    assert_eq!(imported["name"], "去年.yaml");
    assert!(
        imported["text"]
            .as_str()
            .unwrap()
            .contains("名称: 云岭市司法局")
    );
    assert!(bench.path("去年.yaml").exists());
    let linted = bench.upload(
        "/api/lint?name=%E6%8A%A5%E5%91%8A.txt",
        "2025年,我局工作取得成效。\n".as_bytes().to_vec(),
    );
    assert_eq!(linted.status, StatusCode::OK, "{}", linted.message());
    let linted = linted.json();
    assert!(
        linted["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["line"] == 1),
        "{linted}"
    );
    let linted_docx = bench.upload("/api/lint?name=r.docx", docx).json();
    assert_eq!(linted_docx["by_paragraph"], true);
    let empty = bench.upload("/api/import?name=x.txt", Vec::new());
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[test]
fn the_live_channel_tells_of_a_save() {
    let bench = Bench::with_example();
    let loaded = bench.read("data.yaml");
    runtime().block_on(async {
        let request = own(Method::GET, "/api/events").body(Body::empty()).unwrap();
        let response = bench.router.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers()[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/event-stream"));
        let save = json_request(
            Method::PUT,
            "/api/files/data.yaml",
            &json!({ "text": "单位: 甲县司法局\n年度: 2025\n类型: 工作总结\n", "base_version": loaded["version"] }),
        );
        let saved = bench.router.clone().oneshot(save).await.unwrap();
        assert_eq!(saved.status(), StatusCode::OK);
        let mut stream = response.into_body().into_data_stream();
        let frame = tokio::time::timeout(Duration::from_secs(5), stream.next())
            .await
            .expect("an event within 5 s")
            .unwrap()
            .unwrap();
        let frame = String::from_utf8_lossy(&frame);
        assert!(frame.contains("event: change") && frame.contains("\"name\":\"data.yaml\""), "{frame}");
    });
}

#[test]
fn serve_refuses_what_is_neither_folder_nor_data_file() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("报告.docx");
    std::fs::write(&report, "x").unwrap();
    let output = crate::common::zongjie()
        .arg("serve")
        .arg(&report)
        .arg("--no-open")
        .env("ZONGJIE_LOCK_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("不是文件夹"));
}

/// The real binary: `serve` prints its address, answers there, and a
/// second start opens the running one instead of starting another.
#[test]
fn a_second_start_opens_the_running_workbench() {
    let folder = tempfile::tempdir().unwrap();
    let lock = tempfile::tempdir().unwrap();
    let binary = assert_cmd::cargo::cargo_bin!("zongjie");
    let mut first = Process::new(binary)
        .arg("serve")
        .arg(folder.path())
        .arg("--no-open")
        .env("ZONGJIE_LOCK_DIR", lock.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(first.stdout.take().unwrap()).lines();
    let address = lines.next().unwrap().unwrap();
    let url = address
        .strip_prefix("zongjie 工作台：")
        .unwrap_or_else(|| panic!("{address}"))
        .to_string();
    assert!(
        url.starts_with("http://127.0.0.1:") && url.contains("/?token="),
        "{url}"
    );
    let second = Process::new(binary)
        .arg("serve")
        .arg(folder.path())
        .arg("--no-open")
        .env("ZONGJIE_LOCK_DIR", lock.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&second.stdout);
    let _ = first.kill();
    let _ = first.wait();
    assert!(second.status.success());
    assert!(said.contains("已经在运行") && said.contains(&url), "{said}");
}
