//! The page and what it loads, embedded in the binary: plain HTML, CSS and
//! JavaScript written for zongjie, no bundler, nothing from the network.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The files under `assets/workbench/`, by name, with their content type.
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("../../assets/workbench/app.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/app.js"),
    ),
    (
        "icon.svg",
        "image/svg+xml",
        include_str!("../../assets/workbench/icon.svg"),
    ),
];

const INDEX: &str = include_str!("../../assets/workbench/index.html");

/// `GET /`: the page.
pub async fn index() -> Response {
    with_type(INDEX, "text/html; charset=utf-8")
}

/// `GET /assets/{name}`.
pub async fn asset(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(file, _, _)| *file == name) {
        Some((_, content_type, body)) => with_type(body, content_type),
        None => (StatusCode::NOT_FOUND, "没有这个文件").into_response(),
    }
}

fn with_type(body: &'static str, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}
