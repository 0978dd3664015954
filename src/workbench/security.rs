//! Who may talk to the workbench. It listens on 127.0.0.1 only, but any
//! page open in the clerk's browser could send it requests, so:
//!
//! - a random token, in the address the workbench opens, is exchanged for
//!   an HttpOnly, SameSite=Strict cookie; every request needs the cookie,
//!   or the token in an `X-Zongjie-Token` header (for an OA system on the
//!   same machine);
//! - a `Host` other than `127.0.0.1:PORT` or `localhost:PORT` is refused,
//!   so a site that rebinds its name to 127.0.0.1 gets nothing;
//! - a request that changes something (POST, PUT, DELETE), and the live
//!   channel, are refused when they come from a page of another origin;
//! - no CORS headers are sent, and every response forbids framing and
//!   loading anything from elsewhere (`Content-Security-Policy`).

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::sync::Arc;

use super::App;
use super::error::ApiError;

/// The cookie that carries the token.
pub const COOKIE: &str = "zongjie_token";
/// The header that carries the token for API clients.
pub const TOKEN_HEADER: &str = "x-zongjie-token";
/// The largest upload or request body, 20 MiB.
pub const UPLOAD_LIMIT: usize = 20 << 20;

/// A new random token: 32 bytes from the system's generator, as hex.
pub fn new_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares without returning early, so timing tells nothing of the token.
fn same_token(given: &str, token: &str) -> bool {
    given.len() == token.len()
        && given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

/// The origins the workbench's own pages have.
fn own_origins(port: u16) -> [String; 2] {
    [
        format!("http://127.0.0.1:{port}"),
        format!("http://localhost:{port}"),
    ]
}

/// Every request passes here first.
pub async fn guard(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let mut response = match check(&app, &request) {
        Ok(None) => next.run(request).await,
        Ok(Some(response)) => response,
        Err(error) => error.into_response(),
    };
    add_security_headers(response.headers_mut());
    response
}

/// `Ok(None)` to go on to the route, `Ok(Some(..))` for a response of our
/// own (the token exchanged for the cookie), or why the request is refused.
fn check(app: &App, request: &Request) -> Result<Option<Response>, ApiError> {
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origins = own_origins(app.port);
    if !host.is_some_and(|h| origins.iter().any(|o| o.strip_prefix("http://") == Some(h))) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            format!(
                "不接受主机名“{}”：请用 http://127.0.0.1:{} 打开工作台 (wrong Host header)",
                host.unwrap_or(""),
                app.port
            ),
        ));
    }
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD);
    let live = request.uri().path() == "/api/events";
    let foreign = headers.get(header::ORIGIN).is_some_and(|origin| {
        !origin
            .to_str()
            .is_ok_and(|o| origins.iter().any(|mine| mine == o))
    });
    if (changes || live) && foreign {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "来自其他网页的请求被拒绝 (cross-origin request refused)",
        ));
    }
    let length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|l| l.to_str().ok()?.parse::<usize>().ok());
    if length.is_some_and(|length| length > UPLOAD_LIMIT) {
        return Err(too_large());
    }
    if query_token(request).is_some_and(|given| same_token(&given, &app.token)) {
        return Ok(Some(exchange_for_cookie(&app.token)));
    }
    if authorized(headers, &app.token) {
        Ok(None)
    } else {
        Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "请从 zongjie 打开的浏览器窗口进入工作台：地址中带有本次运行的口令 (missing or wrong token)",
        ))
    }
}

/// The upload that is over the limit.
pub fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!("上传的文件超过了 {} MiB 的上限", UPLOAD_LIMIT >> 20),
    )
}

fn query_token(request: &Request) -> Option<String> {
    let query = request.uri().query()?;
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == "token").then(|| value.to_string())
    })
}

/// The token's cookie set, and the browser sent on to the same address
/// without the token (it stays out of the history and of bookmarks).
fn exchange_for_cookie(token: &str) -> Response {
    let cookie = format!("{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/");
    let mut response = Redirect::to("/").into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

fn authorized(headers: &HeaderMap, token: &str) -> bool {
    let by_header = headers
        .get(TOKEN_HEADER)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| same_token(v, token));
    let by_cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(name, value)| name == COOKIE && same_token(value, token));
    by_header || by_cookie
}

fn add_security_headers(headers: &mut HeaderMap) {
    let fixed = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_compared_whole() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert!(same_token(&a, &a.clone()));
        assert!(!same_token(&a, &b));
        assert!(!same_token(&a[..63], &a));
    }
}
