//! The local JSON API: the one the page uses, documented in README for an
//! OA system on the same machine. Texts go in and out as JSON; uploads
//! are the file's bytes as the body, with its name in `?name=`; a .docx
//! comes back as its bytes. An error is `{"error": {"message", "problems"}}`
//! with a Chinese message, and the places of what is wrong when there are
//! any.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde::Deserialize;
use serde_json::{Value, json};

use super::error::{ApiError, stored_json};
use super::folder::is_data_file_name;
use super::preview;
use super::{App, assets, events};
use crate::base::diagnostic::Diagnostics;
use crate::base::error::Error;
use crate::check::{self, Purpose};
use crate::commands::{diff, import, lint, rollover};
use crate::datafile::edit::{self, Edit};
use crate::datafile::starter::Starter;
use crate::genre::kinds::Kind;
use crate::output::docx::{self, Reference};
use crate::output::render::OutputFormat;

/// The routes, pages and API.
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/", get(assets::index))
        .route("/assets/{name}", get(assets::asset))
        .route("/api/ping", get(ping))
        .route("/api/folder", get(folder))
        .route("/api/files", post(create_file))
        .route("/api/files/{name}", get(read_file).put(save_file))
        .route("/api/files/{name}/download", get(download))
        .route("/api/files/{name}/rollover", post(rollover_file))
        .route(
            "/api/reference",
            put(set_reference).delete(forget_reference),
        )
        .route("/api/render", post(render))
        .route("/api/check", post(check_text))
        .route("/api/edit", post(edit_text))
        .route("/api/rollover", post(rollover_text))
        .route("/api/docx", post(docx_of_text))
        .route("/api/diff", post(diff_texts))
        .route("/api/import", post(import_report))
        .route("/api/lint", post(lint_report))
        .route("/api/events", get(events::stream))
}

type Answer = Result<Response, ApiError>;

fn bad(message: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, message)
}

/// A JSON body, refused with a Chinese message when it is not what the
/// route takes.
pub struct JsonBody<T>(T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(JsonBody(value)),
            Err(JsonRejection::BytesRejection(rejection)) => Err(body_error(rejection)),
            Err(rejection) => Err(bad(format!(
                "请求的内容不是这里要的 JSON（{}）",
                rejection.body_text()
            ))),
        }
    }
}

/// The parameters of the address (`?name=…&save=1`), refused with a
/// Chinese message when they are not what the route takes.
pub struct Params<T>(T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(value)| Params(value))
            .map_err(|rejection| bad(format!("地址中的参数不对（{}）", rejection.body_text())))
    }
}

/// A yes-or-no parameter as an address writes it: `1`, `true`, `yes` or
/// `0`, `false`, `no`.
fn flag<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    let written = String::deserialize(deserializer)?;
    match written.as_str() {
        "1" | "true" | "yes" | "" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        other => Err(serde::de::Error::custom(format!("“{other}”不是 1 或 0"))),
    }
}

/// An uploaded file's bytes, refused with a Chinese message past the cap.
pub struct Upload(Bytes);

impl<S: Send + Sync> FromRequest<S> for Upload {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        Bytes::from_request(request, state)
            .await
            .map(Upload)
            .map_err(body_error)
    }
}

fn body_error(rejection: BytesRejection) -> ApiError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        super::security::too_large()
    } else {
        bad(format!("读不到请求的内容（{}）", rejection.body_text()))
    }
}

fn json_response(value: Value) -> Answer {
    Ok(axum::Json(value).into_response())
}

// ----- the folder and its files -----

async fn ping() -> Answer {
    json_response(json!({ "app": "zongjie", "version": env!("CARGO_PKG_VERSION") }))
}

async fn folder(State(app): State<Arc<App>>) -> Answer {
    let files: Vec<Value> = app
        .folder
        .data_file_names()
        .iter()
        .map(|name| file_summary(&app, name))
        .collect();
    json_response(json!({
        "folder": app.folder.root().display().to_string(),
        "files": files,
        "reference": app.folder.reference().is_some(),
    }))
}

/// A data file as the home page lists it: bureau, year, kind, when it was
/// modified and what check says of it.
fn file_summary(app: &App, name: &str) -> Value {
    let modified = app.folder.modified(name).map(|time| {
        chrono::DateTime::<chrono::Local>::from(time)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    });
    let Ok(stored) = app.folder.read(name) else {
        return json!({ "name": name, "modified": modified, "readable": false });
    };
    let checked = check::check(name, &stored.text, Purpose::Review);
    let report = checked.report.as_ref();
    json!({
        "name": name,
        "modified": modified,
        "readable": true,
        "bureau": report.map(|r| r.bureau.name.clone()),
        "year": report.map(|r| r.year),
        "kind": report.map(|r| r.kind.chinese_name()),
        "errors": checked.diagnostics.error_count(),
        "warnings": checked.diagnostics.warning_count(),
        "summary": checked.diagnostics.summary(),
    })
}

/// What 新建 asks for: init's choices.
#[derive(Deserialize)]
struct NewFile {
    bureau: String,
    year: i32,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    circular: bool,
    #[serde(default)]
    name: Option<String>,
}

async fn create_file(State(app): State<Arc<App>>, JsonBody(new): JsonBody<NewFile>) -> Answer {
    if !crate::genre::dates::YEARS.contains(&new.year) {
        return Err(bad(format!("年度 {} 不在 1949 至 2100 之间", new.year)));
    }
    let bureau = new.bureau.trim();
    if bureau.is_empty() {
        return Err(bad("请填写单位全称"));
    }
    let kind = match new.kind.as_deref() {
        None | Some("") => Kind::WorkSummary,
        Some(name) => {
            Kind::from_name(name).ok_or_else(|| bad(format!("不认识报告类型“{name}”")))?
        }
    };
    let starter = Starter {
        kind,
        bureau: bureau.to_string(),
        year: new.year,
        circular: new.circular,
    };
    let name = match new.name.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => app
            .folder
            .free_name(&format!("{}{}年{}", bureau, new.year, kind.chinese_name())),
    };
    let text = crate::commands::init::starter_file(&starter);
    let saved = app.folder.save(&name, &text, None)?;
    let response = json!({ "name": name, "text": text, "version": saved.version });
    Ok((StatusCode::CREATED, axum::Json(response)).into_response())
}

async fn read_file(State(app): State<Arc<App>>, Path(name): Path<String>) -> Answer {
    let stored = app.folder.read(&name)?;
    let mut value = stored_json(&stored);
    value["name"] = json!(name);
    json_response(value)
}

/// A save: the text, and the version of the file the edit started from.
#[derive(Deserialize)]
struct Save {
    text: String,
    base_version: Option<String>,
}

async fn save_file(
    State(app): State<Arc<App>>,
    Path(name): Path<String>,
    JsonBody(save): JsonBody<Save>,
) -> Answer {
    let saved = app
        .folder
        .save(&name, &save.text, save.base_version.as_deref())?;
    app.events.saved(&name, &saved.version);
    json_response(json!({ "version": saved.version, "backup": saved.backup }))
}

#[derive(Deserialize)]
struct Format {
    format: Option<String>,
}

async fn download(
    State(app): State<Arc<App>>,
    Path(name): Path<String>,
    Params(query): Params<Format>,
) -> Answer {
    let stored = app.folder.read(&name)?;
    let format = match query.format.as_deref().unwrap_or("docx") {
        "docx" => OutputFormat::Docx,
        "md" => OutputFormat::Markdown,
        "txt" => OutputFormat::Text,
        other => {
            return Err(bad(format!("不认识格式“{other}”：可用 docx、md、txt")));
        }
    };
    let bytes = render_as(&app, &name, &stored.text, format)?;
    let stem = name
        .rsplit_once('.')
        .map_or(name.as_str(), |(stem, _)| stem);
    let file_name = format!("{stem}.{}", format.extension());
    Ok(file_response(bytes, format, &file_name))
}

/// The report of `source` in `format`, a .docx with the folder's
/// reference when it has one.
fn render_as(
    app: &App,
    name: &str,
    source: &str,
    format: OutputFormat,
) -> Result<Vec<u8>, ApiError> {
    let mut renderer = app.renderer();
    let rendered = renderer.blocks(name, source)?;
    Ok(match format {
        OutputFormat::Markdown => rendered.markdown.into_bytes(),
        OutputFormat::Text => crate::input::markdown::to_text(&rendered.blocks).into_bytes(),
        OutputFormat::Docx => {
            let reference = match app.folder.reference() {
                Some(bytes) => {
                    Some(Reference::from_bytes(&bytes).map_err(|source| Error::Docx {
                        path: super::folder::REFERENCE_NAME.into(),
                        source,
                    })?)
                }
                None => None,
            };
            docx::write(&rendered.blocks, rendered.layout, reference.as_ref())
                .map_err(Error::DocxWrite)?
        }
    })
}

fn file_response(bytes: Vec<u8>, format: OutputFormat, file_name: &str) -> Response {
    let content_type = match format {
        OutputFormat::Docx => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
        OutputFormat::Markdown => "text/markdown; charset=utf-8",
        OutputFormat::Text => "text/plain; charset=utf-8",
    };
    let encoded = super::url_escape(file_name);
    let disposition = format!(
        "attachment; filename=\"report.{}\"; filename*=UTF-8''{encoded}",
        format.extension()
    );
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

async fn rollover_file(State(app): State<Arc<App>>, Path(name): Path<String>) -> Answer {
    let stored = app.folder.read(&name)?;
    let next = rollover::rollover(&name, &stored.text)?;
    let year = crate::datafile::load::load(&next).report.map(|r| r.year);
    let stem = name
        .rsplit_once('.')
        .map_or(name.as_str(), |(stem, _)| stem);
    let next_stem = match (year, crate::datafile::load::load(&stored.text).report) {
        (Some(new), Some(old)) if stem.contains(&old.year.to_string()) => {
            stem.replace(&old.year.to_string(), &new.to_string())
        }
        (Some(new), _) => format!("{stem}-{new}"),
        _ => format!("{stem}-明年"),
    };
    let new_name = app.folder.free_name(&next_stem);
    let saved = app.folder.save(&new_name, &next, None)?;
    let checked = check::check(&new_name, &next, Purpose::Review);
    json_response(json!({
        "name": new_name,
        "version": saved.version,
        "problems": preview::problems(&checked.diagnostics),
        "summary": checked.diagnostics.summary(),
    }))
}

async fn set_reference(State(app): State<Arc<App>>, Upload(bytes): Upload) -> Answer {
    Reference::from_bytes(&bytes).map_err(|source| Error::Docx {
        path: "参考文件".into(),
        source,
    })?;
    app.folder.set_reference(Some(&bytes))?;
    json_response(json!({ "reference": true }))
}

async fn forget_reference(State(app): State<Arc<App>>) -> Answer {
    app.folder.set_reference(None)?;
    json_response(json!({ "reference": false }))
}

// ----- texts in, answers out -----

/// A data file's text, and the name it goes by in messages.
#[derive(Deserialize)]
struct Source {
    text: String,
    #[serde(default)]
    name: Option<String>,
}

impl Source {
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("数据文件.yaml")
    }
}

async fn render(State(app): State<Arc<App>>, JsonBody(source): JsonBody<Source>) -> Answer {
    let shown = preview::preview(&mut app.renderer(), source.name(), &source.text);
    Ok(axum::Json(shown).into_response())
}

async fn check_text(JsonBody(source): JsonBody<Source>) -> Answer {
    let checked = check::check(source.name(), &source.text, Purpose::Review);
    let diagnostics: &Diagnostics = &checked.diagnostics;
    json_response(json!({
        "ok": !diagnostics.has_errors(),
        "problems": preview::problems(diagnostics),
        "summary": diagnostics.summary(),
    }))
}

#[derive(Deserialize)]
struct EditRequest {
    text: String,
    edit: Edit,
}

async fn edit_text(JsonBody(request): JsonBody<EditRequest>) -> Answer {
    let text =
        edit::apply("数据文件.yaml", &request.text, &request.edit).map_err(
            |error| match error {
                Error::Usage(message) => bad(message),
                other => other.into(),
            },
        )?;
    json_response(json!({ "text": text }))
}

async fn rollover_text(JsonBody(source): JsonBody<Source>) -> Answer {
    let text = rollover::rollover(source.name(), &source.text)?;
    json_response(json!({ "text": text }))
}

async fn docx_of_text(State(app): State<Arc<App>>, JsonBody(source): JsonBody<Source>) -> Answer {
    let bytes = render_as(&app, source.name(), &source.text, OutputFormat::Docx)?;
    Ok(file_response(bytes, OutputFormat::Docx, "报告.docx"))
}

#[derive(Deserialize)]
struct Compare {
    old: String,
    new: String,
}

async fn diff_texts(JsonBody(compare): JsonBody<Compare>) -> Answer {
    let comparison = diff::compare("上一年.yaml", &compare.old, "今年.yaml", &compare.new)?;
    let (header, rows) = comparison.table();
    json_response(json!({
        "header": header,
        "old_year": comparison.old_year,
        "new_year": comparison.new_year,
        "years_reversed": comparison.years_reversed(),
        "rows": rows,
    }))
}

#[derive(Deserialize)]
struct Uploaded {
    name: Option<String>,
    #[serde(default, deserialize_with = "flag")]
    save: bool,
}

async fn import_report(
    State(app): State<Arc<App>>,
    Params(query): Params<Uploaded>,
    Upload(bytes): Upload,
) -> Answer {
    let shown = query.name.clone().unwrap_or_else(|| "报告".to_string());
    let imported = import::import(&shown, &bytes)?;
    let name = if query.save {
        let stem = shown
            .rsplit_once('.')
            .map_or(shown.as_str(), |(stem, _)| stem);
        let name = app.folder.free_name(stem);
        app.folder.save(&name, &imported.data_file, None)?;
        Some(name)
    } else {
        None
    };
    json_response(json!({
        "text": imported.data_file,
        "warnings": imported.warnings,
        "name": name,
    }))
}

async fn lint_report(Params(query): Params<Uploaded>, Upload(bytes): Upload) -> Answer {
    let shown = query.name.unwrap_or_else(|| "报告.txt".to_string());
    if is_data_file_name(&shown) && bytes.is_empty() {
        return Err(bad("上传的文件是空的"));
    }
    let file = lint::lint_bytes(&shown, &bytes)?;
    let report = &file.linted.report;
    json_response(json!({
        "text": report.source,
        "by_paragraph": file.linted.by_paragraph,
        "problems": preview::problems(report),
        "summary": report.summary(),
    }))
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use tower::ServiceExt;

    use super::*;

    const PORT: u16 = 4000;
    const TOKEN: &str = "t";

    async fn post(folder: &std::path::Path, uri: &str, body: &str) -> (StatusCode, Value) {
        let app =
            crate::workbench::router(crate::workbench::test_app(folder, PORT, TOKEN).unwrap());
        let request = Request::post(uri)
            .header(header::HOST, format!("127.0.0.1:{PORT}"))
            .header(super::super::security::TOKEN_HEADER, TOKEN)
            .body(Body::from(body.to_string()))
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    const REPORT: &str = "甲县司法局2025年工作总结\n\n2025年，我局依法履职。\n\n一、2025年工作情况\n\n（一）加强队伍建设。全年培训200人次。\n";

    #[tokio::test]
    async fn an_import_is_saved_with_save_1_as_the_page_asks() {
        let folder = tempfile::tempdir().unwrap();
        let (status, answer) = post(
            folder.path(),
            "/api/import?name=%E6%8A%A5%E5%91%8A.txt&save=1",
            REPORT,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        assert_eq!(answer["name"], json!("报告.yaml"));
        assert!(folder.path().join("报告.yaml").exists());
    }

    #[tokio::test]
    async fn a_wrong_parameter_is_refused_in_chinese() {
        let folder = tempfile::tempdir().unwrap();
        let (status, answer) =
            post(folder.path(), "/api/import?name=a.txt&save=maybe", REPORT).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let message = answer["error"]["message"].as_str().unwrap();
        assert!(message.starts_with("地址中的参数不对"), "{message}");
        assert!(!folder.path().join("a.yaml").exists());
    }
}
