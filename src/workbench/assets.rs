//! The page and what it loads, embedded in the binary: plain HTML, CSS and
//! JavaScript written for zongjie, no bundler, nothing from the network.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The files under `assets/workbench/`, by name, with their content type:
/// the style, the icon, and the script as ES modules (`main.js` imports the
/// others).
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("../../assets/workbench/app.css"),
    ),
    (
        "icon.svg",
        "image/svg+xml",
        include_str!("../../assets/workbench/icon.svg"),
    ),
    (
        "main.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/main.js"),
    ),
    (
        "shell.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/shell.js"),
    ),
    (
        "dom.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/dom.js"),
    ),
    (
        "api.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/api.js"),
    ),
    (
        "home.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/home.js"),
    ),
    (
        "lint.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/lint.js"),
    ),
    (
        "editor.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/editor.js"),
    ),
    (
        "outline.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/outline.js"),
    ),
    (
        "fields.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/fields.js"),
    ),
    (
        "figures.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/figures.js"),
    ),
    (
        "yamlpane.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/yamlpane.js"),
    ),
    (
        "preview.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/preview.js"),
    ),
    (
        "problems.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/problems.js"),
    ),
    (
        "saving.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/saving.js"),
    ),
    (
        "banners.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/banners.js"),
    ),
    (
        "tabs.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/tabs.js"),
    ),
    (
        "actions.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/workbench/actions.js"),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of `assets/workbench/` is served, and every module a
    /// script imports is one of them.
    #[test]
    fn every_asset_is_embedded_and_every_import_is_an_asset() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/workbench");
        let mut on_disk: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .filter(|name| name != "index.html")
            .collect();
        on_disk.sort();
        let mut served: Vec<String> = ASSETS.iter().map(|(name, _, _)| name.to_string()).collect();
        served.sort();
        assert_eq!(on_disk, served);
        for (name, _, body) in ASSETS {
            for imported in body.lines().filter_map(|line| {
                let from = line
                    .trim()
                    .strip_prefix("import ")?
                    .split(" from './")
                    .nth(1)?;
                from.split('\'').next()
            }) {
                assert!(
                    ASSETS.iter().any(|(file, _, _)| *file == imported),
                    "{name} imports {imported}, which is not served"
                );
            }
        }
        assert!(INDEX.contains("src=\"/assets/main.js\""));
    }
}
