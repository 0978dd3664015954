//! The workbench's request handlers: a structured request (who sends it,
//! which route, the name in its path, its body) built from the fuzz input
//! with `arbitrary`, sent through the whole router (the security guard
//! included) on a folder that holds one example file. What must hold:
//!
//! - no handler panics or answers 5xx;
//! - a refused request answers with a JSON `error.message`, and a request
//!   without the token, from a foreign Host or (for a change) a foreign
//!   Origin is refused and changes nothing in the folder;
//! - every answer carries the security headers;
//! - no file is written outside the folder, whatever the name;
//! - an edit of a file that loads without errors gives one that loads
//!   without errors, or is refused;
//! - answers stay within the caps.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use arbitrary::Arbitrary;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use tower::ServiceExt;
use zongjie_fuzz::{assert_loads, assert_within_caps};

const PORT: u16 = 48200;
const TOKEN: &str = "fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzz";
const HOST: &str = "127.0.0.1:48200";
const EXAMPLE: &str = include_str!("../../examples/nested-summary.yaml");
const FILE: &str = "data.yaml";
/// What an answer may hold beyond the caps of what was sent.
const ASSETS: usize = 1 << 20;

/// The folder, the application on it and the runtime, made once a process
/// (compiling the templates for each input would be most of the time).
struct Bench {
    root: PathBuf,
    folder: PathBuf,
    router: axum::Router,
    runtime: tokio::runtime::Runtime,
}

static BENCH: LazyLock<Bench> = LazyLock::new(|| {
    let root = std::env::temp_dir().join(format!("zongjie-fuzz-workbench-{}", std::process::id()));
    let folder = root.join("folder");
    std::fs::create_dir_all(&folder).expect("the fuzz folder");
    let app: Arc<zongjie::WorkbenchApp> =
        zongjie::workbench_test_app(&folder, PORT, TOKEN).expect("a workbench");
    Bench {
        root,
        folder,
        router: zongjie::workbench_router(app),
        runtime: tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime"),
    }
});

#[derive(Arbitrary, Debug)]
enum Sender {
    /// The workbench's own page: its Host and the token.
    Own,
    /// The page, with its Origin on the request.
    OwnWithOrigin,
    NoToken,
    WrongToken,
    ForeignHost,
    ForeignOrigin,
    /// The token as the cookie the page gets.
    Cookie,
}

#[derive(Arbitrary, Debug)]
enum Name {
    TheFile,
    Other(String),
}

#[derive(Arbitrary, Debug)]
enum Text {
    TheExample,
    /// The example with a fuzzed text in place of a stretch of it.
    Spliced {
        at: u16,
        cut: u8,
        with: String,
    },
    Own(String),
}

#[derive(Arbitrary, Debug)]
enum Route {
    Index,
    Asset(String),
    Ping,
    Folder,
    Create {
        bureau: String,
        year: i32,
        kind: Option<String>,
        circular: bool,
        name: Option<String>,
    },
    Read(Name),
    Save {
        name: Name,
        text: Text,
        base_version: Option<String>,
    },
    Download {
        name: Name,
        format: Option<String>,
    },
    RolloverFile(Name),
    SetReference(Vec<u8>),
    ForgetReference,
    Render(Text),
    Check(Text),
    Edit {
        text: Text,
        edit: EditOp,
    },
    Rollover(Text),
    Docx(Text),
    Diff {
        old: Text,
        new: Text,
    },
    Import {
        name: Option<String>,
        save: bool,
        bytes: Vec<u8>,
    },
    Lint {
        name: Option<String>,
        bytes: Vec<u8>,
    },
    Events,
    /// Any method, path and body.
    Raw {
        method: u8,
        path: String,
        body: Vec<u8>,
    },
}

#[derive(Arbitrary, Debug)]
struct EditOp {
    op: u8,
    role: u8,
    path: Vec<u8>,
    field: u8,
    value: String,
    index: u8,
    delta: i8,
    points: Vec<(String, String)>,
    figure: u8,
}

#[derive(Arbitrary, Debug)]
struct Input {
    sender: Sender,
    route: Route,
}

fn pick<'a>(choices: &[&'a str], n: u8) -> &'a str {
    choices[usize::from(n) % choices.len()]
}

impl EditOp {
    /// The edit as the page sends it; the figure names are the example's.
    fn json(&self) -> Value {
        let role = pick(
            &[
                "work",
                "highlights",
                "shortcomings",
                "plans",
                "duties",
                "other",
                "无",
            ],
            self.role,
        );
        let path: Vec<usize> = self
            .path
            .iter()
            .take(4)
            .map(|&i| usize::from(i % 8))
            .collect();
        let figure = pick(
            &["法律援助受理", "法律援助办结", "调解成功", "新名称", ""],
            self.figure,
        );
        match self.op % 10 {
            0 => {
                json!({"op": "set_top", "field": pick(&["title", "recipient", "signature", "opening"], self.field), "value": self.value})
            }
            1 => {
                json!({"op": "set_section", "role": role, "field": pick(&["heading", "intro"], self.field), "value": self.value})
            }
            2 => {
                json!({"op": "set_part", "role": role, "path": path, "field": pick(&["heading", "text"], self.field), "value": self.value})
            }
            3 => json!({"op": "set_points", "role": role, "path": path,
                "points": self.points.iter().take(6).map(|(h, t)| json!({"heading": h, "text": t})).collect::<Vec<_>>()}),
            4 => {
                json!({"op": "add_part", "role": role, "path": path, "index": self.index % 8, "heading": self.value})
            }
            5 => json!({"op": "delete_part", "role": role, "path": path}),
            6 => json!({"op": "move_part", "role": role, "path": path, "delta": self.delta}),
            7 => json!({"op": "set_figure", "name": figure,
                "field": pick(&["value", "unit", "target", "last_year", "part_of"], self.field), "value": self.value}),
            8 => json!({"op": "add_figure", "name": self.value, "value": figure}),
            _ => json!({"op": "remove_figure", "name": figure}),
        }
    }

    /// Whether the clerk typed the value of a figure, which the file
    /// keeps as typed for check to report (as it would after a hand edit).
    fn types_a_figure(&self) -> bool {
        matches!(self.op % 10, 7 | 8)
    }
}

impl Name {
    fn get(&self) -> &str {
        match self {
            Name::TheFile => FILE,
            Name::Other(name) => name,
        }
    }
}

impl Text {
    fn get(&self) -> String {
        match self {
            Text::TheExample => EXAMPLE.to_string(),
            Text::Spliced { at, cut, with } => {
                let mut start = usize::from(*at) % EXAMPLE.len();
                while !EXAMPLE.is_char_boundary(start) {
                    start -= 1;
                }
                let mut end = (start + usize::from(*cut)).min(EXAMPLE.len());
                while !EXAMPLE.is_char_boundary(end) {
                    end += 1;
                }
                format!("{}{with}{}", &EXAMPLE[..start], &EXAMPLE[end..])
            }
            Text::Own(text) => text.clone(),
        }
    }
}

/// A path segment as the page escapes it (encodeURIComponent).
fn escaped(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn query(pairs: &[(&str, Option<&str>)]) -> String {
    let given: Vec<String> = pairs
        .iter()
        .filter_map(|(key, value)| value.map(|v| format!("{key}={}", escaped(v))))
        .collect();
    if given.is_empty() {
        String::new()
    } else {
        format!("?{}", given.join("&"))
    }
}

/// Method, path and body of the request, and whether it changes files.
fn request_parts(route: &Route) -> (Method, String, Vec<u8>, Option<&EditOp>) {
    let json_body = |value: Value| value.to_string().into_bytes();
    match route {
        Route::Index => (Method::GET, "/".into(), Vec::new(), None),
        Route::Asset(name) => (
            Method::GET,
            format!("/assets/{}", escaped(name)),
            Vec::new(),
            None,
        ),
        Route::Ping => (Method::GET, "/api/ping".into(), Vec::new(), None),
        Route::Folder => (Method::GET, "/api/folder".into(), Vec::new(), None),
        Route::Create {
            bureau,
            year,
            kind,
            circular,
            name,
        } => (
            Method::POST,
            "/api/files".into(),
            json_body(
                json!({"bureau": bureau, "year": year, "kind": kind, "circular": circular, "name": name}),
            ),
            None,
        ),
        Route::Read(name) => (
            Method::GET,
            format!("/api/files/{}", escaped(name.get())),
            Vec::new(),
            None,
        ),
        Route::Save {
            name,
            text,
            base_version,
        } => (
            Method::PUT,
            format!("/api/files/{}", escaped(name.get())),
            json_body(json!({"text": text.get(), "base_version": base_version})),
            None,
        ),
        Route::Download { name, format } => (
            Method::GET,
            format!(
                "/api/files/{}/download{}",
                escaped(name.get()),
                query(&[("format", format.as_deref())])
            ),
            Vec::new(),
            None,
        ),
        Route::RolloverFile(name) => (
            Method::POST,
            format!("/api/files/{}/rollover", escaped(name.get())),
            Vec::new(),
            None,
        ),
        Route::SetReference(bytes) => (Method::PUT, "/api/reference".into(), bytes.clone(), None),
        Route::ForgetReference => (Method::DELETE, "/api/reference".into(), Vec::new(), None),
        Route::Render(text) => (
            Method::POST,
            "/api/render".into(),
            json_body(json!({"text": text.get()})),
            None,
        ),
        Route::Check(text) => (
            Method::POST,
            "/api/check".into(),
            json_body(json!({"text": text.get()})),
            None,
        ),
        Route::Edit { text, edit } => (
            Method::POST,
            "/api/edit".into(),
            json_body(json!({"text": text.get(), "edit": edit.json()})),
            Some(edit),
        ),
        Route::Rollover(text) => (
            Method::POST,
            "/api/rollover".into(),
            json_body(json!({"text": text.get()})),
            None,
        ),
        Route::Docx(text) => (
            Method::POST,
            "/api/docx".into(),
            json_body(json!({"text": text.get()})),
            None,
        ),
        Route::Diff { old, new } => (
            Method::POST,
            "/api/diff".into(),
            json_body(json!({"old": old.get(), "new": new.get()})),
            None,
        ),
        Route::Import { name, save, bytes } => (
            Method::POST,
            format!(
                "/api/import{}",
                query(&[("name", name.as_deref()), ("save", save.then_some("1"))])
            ),
            bytes.clone(),
            None,
        ),
        Route::Lint { name, bytes } => (
            Method::POST,
            format!("/api/lint{}", query(&[("name", name.as_deref())])),
            bytes.clone(),
            None,
        ),
        Route::Events => (Method::GET, "/api/events".into(), Vec::new(), None),
        Route::Raw { method, path, body } => {
            let method = [
                Method::GET,
                Method::POST,
                Method::PUT,
                Method::DELETE,
                Method::HEAD,
            ][usize::from(*method % 5)]
            .clone();
            (method, path.clone(), body.clone(), None)
        }
    }
}

/// Every file under `dir`, with its content.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let content = std::fs::read(&path).unwrap_or_default();
                files.push((path, content));
            }
        }
    }
    files.sort();
    files
}

/// The folder as each input starts it: the example file alone.
fn reset(bench: &Bench) {
    let _ = std::fs::remove_dir_all(&bench.root);
    std::fs::create_dir_all(&bench.folder).expect("the fuzz folder");
    std::fs::write(bench.folder.join(FILE), EXAMPLE).expect("the example file");
}

fuzz_target!(|input: Input| {
    let bench = &*BENCH;
    reset(bench);
    let (method, path, body, edit) = request_parts(&input.route);
    let Ok(uri) = path.parse::<axum::http::Uri>() else {
        return;
    };
    let mut builder = Request::builder().method(method.clone()).uri(uri);
    let mut refused = true;
    builder = match input.sender {
        Sender::Own => {
            refused = false;
            builder
                .header(header::HOST, HOST)
                .header("x-zongjie-token", TOKEN)
        }
        Sender::OwnWithOrigin => {
            refused = false;
            builder
                .header(header::HOST, HOST)
                .header("x-zongjie-token", TOKEN)
                .header(header::ORIGIN, format!("http://{HOST}"))
        }
        Sender::Cookie => {
            refused = false;
            builder
                .header(header::HOST, HOST)
                .header(header::COOKIE, format!("zongjie_token={TOKEN}"))
        }
        Sender::NoToken => builder.header(header::HOST, HOST),
        Sender::WrongToken => builder
            .header(header::HOST, HOST)
            .header("x-zongjie-token", &TOKEN[1..]),
        Sender::ForeignHost => builder
            .header(header::HOST, "evil.example:48200")
            .header("x-zongjie-token", TOKEN),
        Sender::ForeignOrigin => {
            // A page elsewhere may read nothing and change nothing; a GET
            // with its Origin is a plain navigation and is let through.
            refused =
                method != Method::GET && method != Method::HEAD || path.starts_with("/api/events");
            builder
                .header(header::HOST, HOST)
                .header("x-zongjie-token", TOKEN)
                .header(header::ORIGIN, "http://evil.example")
        }
    };
    let is_json = !matches!(
        input.route,
        Route::SetReference(_) | Route::Import { .. } | Route::Lint { .. } | Route::Raw { .. }
    );
    if is_json {
        builder = builder.header(header::CONTENT_TYPE, "application/json");
    }
    let sent = [path.as_bytes(), &body].concat();
    let Ok(request) = builder.body(Body::from(body)) else {
        return;
    };
    // A query token is exchanged for the cookie whoever sends it.
    let token_in_query = path.contains("token=");
    let before = snapshot(&bench.root);
    let events = matches!(input.route, Route::Events) || path.starts_with("/api/events");
    let (status, headers, answer) = bench.runtime.block_on(async {
        let response = bench
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router answers");
        let status = response.status();
        let headers = response.headers().clone();
        // The live channel never ends: its first answer is enough.
        let body = if events && status == StatusCode::OK {
            Vec::new()
        } else {
            axum::body::to_bytes(response.into_body(), 64 << 20)
                .await
                .expect("the body")
                .to_vec()
        };
        (status, headers, body)
    });
    let after = snapshot(&bench.root);

    assert!(
        !status.is_server_error(),
        "{status} for {path}: {}",
        String::from_utf8_lossy(&answer)
    );
    assert!(
        headers.contains_key("x-content-type-options")
            && headers.contains_key("content-security-policy"),
        "{path}: an answer without the security headers: {headers:?}"
    );
    assert!(
        after
            .iter()
            .all(|(file, _)| file.starts_with(&bench.folder)),
        "{path} wrote outside the folder: {:?}",
        after.iter().map(|(f, _)| f).collect::<Vec<_>>()
    );
    if refused && !token_in_query {
        assert!(
            matches!(
                status,
                StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::PAYLOAD_TOO_LARGE
            ),
            "{path} from {:?} answered {status}",
            input.sender
        );
        assert_eq!(
            before, after,
            "{path}: a refused request changed the folder"
        );
    }
    if status.is_client_error()
        && path.starts_with("/api/")
        && status != StatusCode::NOT_FOUND
        && status != StatusCode::METHOD_NOT_ALLOWED
    {
        let value: Value = serde_json::from_slice(&answer).unwrap_or_else(|e| {
            panic!(
                "{status} for {path} is not JSON ({e}): {}",
                String::from_utf8_lossy(&answer)
            )
        });
        let message = value["error"]["message"].as_str().unwrap_or_default();
        assert!(
            !message.is_empty(),
            "{status} for {path} without a message: {value}"
        );
    }
    // The page's assets, a .docx of the example file and the folder's
    // listing are answers to requests of a few bytes.
    assert_within_caps(&path, &sent, answer.len().saturating_sub(ASSETS));
    if let (Some(edit), Route::Edit { text, .. }, StatusCode::OK) = (edit, &input.route, status) {
        let source = text.get();
        let loaded = zongjie::load(&source);
        let clean = loaded.report.is_some() && !loaded.diagnostics.iter().any(|d| d.is_error());
        if clean && !edit.types_a_figure() {
            let value: Value = serde_json::from_slice(&answer).expect("an edit answers JSON");
            assert_loads("edit", value["text"].as_str().expect("the edited text"));
        }
    }
});
