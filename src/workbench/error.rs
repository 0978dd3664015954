//! The workbench's errors as answers: a status, a Chinese message and the
//! places of what is wrong, as `{"error": {"message", "problems"}}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::folder::{Refused, Stored};
use super::preview::{self, Problem};
use crate::base::error::Error;

/// An answer that is an error: its status, a Chinese message and the
/// places of what is wrong.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
    problems: Vec<Problem>,
    extra: Option<(&'static str, Value)>,
}

impl ApiError {
    /// An error with `status` and `message`.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            problems: Vec::new(),
            extra: None,
        }
    }

    /// The same error with `value` beside the message, as `key`.
    pub fn with(mut self, key: &'static str, value: Value) -> ApiError {
        self.extra = Some((key, value));
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut error = json!({ "message": self.message, "problems": self.problems });
        if let Some((key, value)) = self.extra {
            error[key] = value;
        }
        (self.status, axum::Json(json!({ "error": error }))).into_response()
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        let status = match &error {
            Error::Read { .. } | Error::Write { .. } | Error::Serve(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
            Error::OutputExists(_) => StatusCode::CONFLICT,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        let problems = match &error {
            Error::Invalid(found) => preview::problems(found),
            Error::Template(found) => preview::problems(found),
            _ => Vec::new(),
        };
        let message = match &error {
            Error::Invalid(found) => found.summary(),
            Error::Template(_) => "模板出错".to_string(),
            other => other.to_string(),
        };
        ApiError {
            status,
            message,
            problems,
            extra: None,
        }
    }
}

impl From<Refused> for ApiError {
    fn from(refused: Refused) -> ApiError {
        match refused {
            Refused::BadName(message) => ApiError::new(StatusCode::BAD_REQUEST, message),
            Refused::Missing(message) => ApiError::new(StatusCode::NOT_FOUND, message),
            Refused::Changed(current) => ApiError::new(
                StatusCode::CONFLICT,
                "文件在别处被修改过了：请选择重新载入，或保留这里的版本 (changed on disk)",
            )
            .with("current", stored_json(&current)),
            Refused::Failed(error) => error.into(),
        }
    }
}

/// A stored file as JSON: its text, version and encoding.
pub fn stored_json(stored: &Stored) -> Value {
    json!({ "text": stored.text, "version": stored.version, "encoding": stored.file.encoding.name() })
}
