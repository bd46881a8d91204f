//! Every answer that is not a feed: a status and one sentence saying why, as the JSON body
//! `{"error": "..."}` (contract §6). A refusal is a value, never a panic.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// 400: a malformed request or URL.
    BadRequest(String),
    /// 403: a URL, redirect or address the relay was not told to allow.
    Forbidden(String),
    /// 404: another path.
    NotFound,
    /// 405: a method other than GET, HEAD or OPTIONS.
    Method,
    /// 429: over `rate`; the client may try again after this many seconds.
    TooMany { retry_after: u64 },
    /// 502: the feed answered with an error, something that is not a feed, or too much.
    BadGateway(String),
    /// 504: the feed did not answer within `timeout` seconds.
    Timeout { seconds: u64 },
}

impl Refusal {
    pub fn status(&self) -> StatusCode {
        match self {
            Refusal::BadRequest(_) => StatusCode::BAD_REQUEST,
            Refusal::Forbidden(_) => StatusCode::FORBIDDEN,
            Refusal::NotFound => StatusCode::NOT_FOUND,
            Refusal::Method => StatusCode::METHOD_NOT_ALLOWED,
            Refusal::TooMany { .. } => StatusCode::TOO_MANY_REQUESTS,
            Refusal::BadGateway(_) => StatusCode::BAD_GATEWAY,
            Refusal::Timeout { .. } => StatusCode::GATEWAY_TIMEOUT,
        }
    }

    pub fn sentence(&self) -> String {
        match self {
            Refusal::BadRequest(s) | Refusal::Forbidden(s) | Refusal::BadGateway(s) => s.clone(),
            Refusal::NotFound => "There is nothing here: the relay answers /feed?url=..., /list?url=... and /health.".to_owned(),
            Refusal::Method => "The relay answers GET, HEAD and OPTIONS only.".to_owned(),
            Refusal::TooMany { retry_after } => {
                format!("Too many requests from this address: try again in {retry_after} seconds.")
            }
            Refusal::Timeout { seconds } => format!("The feed did not answer within {seconds} seconds."),
        }
    }

    /// Whether a last good copy may stand in for this answer (the feed failed; the request
    /// itself was fine and allowed).
    pub fn is_feed_failure(&self) -> bool {
        matches!(self, Refusal::BadGateway(_) | Refusal::Timeout { .. })
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.sentence() }).to_string();
        let mut response = (self.status(), [(header::CONTENT_TYPE, "application/json")], body).into_response();
        let headers = response.headers_mut();
        match self {
            Refusal::Method => {
                headers.insert(header::ALLOW, HeaderValue::from_static("GET, HEAD, OPTIONS"));
            }
            Refusal::TooMany { retry_after } => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
            }
            _ => {}
        }
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}
