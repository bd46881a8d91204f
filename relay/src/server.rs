//! The relay's HTTP side: one handler that routes `/feed`, `/list` and `/health`, the headers
//! every answer carries (CORS for the allowed origins, `nosniff`, a sandboxing CSP, never a
//! cookie), per-client rate limits through governor, and one log line per request.

use crate::config::Config;
use crate::list::fragment;
use crate::refusal::Refusal;
use crate::store::{Copy, Served, Store};
use crate::upstream::Fetcher;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::{Duration, Instant};
use url::Url;

/// Teasers `/list` gives when `limit` is not said, and at most (the widget's own limits).
const LIST_DEFAULT: usize = 8;
const LIST_MAX: usize = 50;

pub struct App {
    config: Config,
    fetcher: Fetcher,
    store: Store,
    limiter: DefaultKeyedRateLimiter<IpAddr>,
}

impl App {
    pub fn new(config: Config) -> Result<Arc<App>, String> {
        let fetcher = Fetcher::new(config.feeds.clone(), config.private_networks, config.max_bytes, config.timeout)?;
        let store = Store::new(config.ttl, config.stale);
        let rate = NonZeroU32::new(config.rate).unwrap_or(NonZeroU32::MIN);
        let limiter = RateLimiter::keyed(Quota::per_minute(rate));
        Ok(Arc::new(App { config, fetcher, store, limiter }))
    }

    /// Forgets clients whose limits have refilled, so the limiter's memory stays bounded.
    pub fn forget_idle_clients(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }
}

pub fn router(app: Arc<App>) -> Router {
    // A panic (there should be none) answers 500 to its request; the relay goes on serving.
    Router::new().fallback(handle).with_state(app).layer(tower_http::catch_panic::CatchPanicLayer::new())
}

/// What the log line says of a request besides its status.
#[derive(Default)]
struct Note {
    host: Option<String>,
    served: Option<Served>,
}

async fn handle(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let started = Instant::now();
    let path = uri.path().to_owned();
    let mut note = Note::default();
    let mut response =
        route(&app, peer.ip(), &method, &uri, &headers, &mut note).await.unwrap_or_else(IntoResponse::into_response);
    let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
    decorate(response.headers_mut(), app.config.origins.allow(origin));
    crate::log::line(format!(
        "{} {method} {path} feed={} cache={} {}ms",
        response.status().as_u16(),
        note.host.as_deref().unwrap_or("-"),
        note.served.map_or("-", Served::word),
        started.elapsed().as_millis()
    ));
    response
}

/// The headers of every answer (contract §6).
fn decorate(headers: &mut HeaderMap, allow_origin: Option<String>) {
    if let Some(value) = allow_origin.and_then(|o| HeaderValue::from_str(&o).ok()) {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
        headers.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("Cache-Status, ETag, Age"));
    }
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox; default-src 'none'"));
    headers.remove(header::SET_COOKIE);
}

async fn route(
    app: &App,
    client: IpAddr,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    note: &mut Note,
) -> Result<Response, Refusal> {
    let path = uri.path();
    let known = matches!(path, "/feed" | "/list" | "/health");
    match method {
        &Method::GET | &Method::HEAD => {}
        &Method::OPTIONS if known => return Ok(preflight()),
        _ if known => return Err(Refusal::Method),
        _ => return Err(Refusal::NotFound),
    }
    if path == "/health" {
        return Ok(
            (StatusCode::OK, [(header::CONTENT_TYPE, "text/plain"), (header::CACHE_CONTROL, "no-store")], "ok").into_response()
        );
    }
    if !known {
        return Err(Refusal::NotFound);
    }
    if let Err(not_until) = app.limiter.check_key(&client) {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        return Err(Refusal::TooMany { retry_after: wait.as_secs() + u64::from(wait.subsec_nanos() > 0) });
    }
    let query = Query::read(uri.query().unwrap_or_default())?;
    note.host = query.url.host_str().map(str::to_owned);
    app.fetcher.check(&query.url)?;
    let (copy, served) = app.store.get(&query.url, &app.fetcher).await?;
    note.served = Some(served);
    let ttl_left = if served == Served::Stale { 0 } else { app.store.ttl_left(&copy) };
    let (body, content_type, etag) = if path == "/list" {
        let html = fragment(&copy.answer.feed, &copy.answer.url, query.limit, &query.lang);
        let etag = format!("\"l{}-{}-{}\"", copy.etag.trim_matches('"'), query.limit, query.lang.len());
        (axum::body::Bytes::from(html), "text/html; charset=utf-8".to_owned(), etag)
    } else {
        (copy.answer.body.clone(), copy.answer.content_type.clone(), copy.etag.clone())
    };
    let mut response = if matches(headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut r = (StatusCode::OK, body).into_response();
        if let Ok(v) = HeaderValue::from_str(&content_type) {
            r.headers_mut().insert(header::CONTENT_TYPE, v);
        }
        r
    };
    feed_headers(response.headers_mut(), &app.config, &copy, &etag, served, ttl_left);
    Ok(response)
}

fn feed_headers(headers: &mut HeaderMap, config: &Config, copy: &Copy, etag: &str, served: Served, ttl_left: u64) {
    let cache_control = format!(
        "public, max-age={0}, stale-while-revalidate={0}, stale-if-error={1}",
        config.ttl.as_secs(),
        config.stale.as_secs()
    );
    let values = [
        (header::CACHE_CONTROL, cache_control),
        (header::ETAG, etag.to_owned()),
        (header::AGE, Store::age(copy).to_string()),
        (header::HeaderName::from_static("cache-status"), served.cache_status(ttl_left)),
    ];
    for (name, value) in values {
        if let Ok(v) = HeaderValue::from_str(&value) {
            headers.insert(name, v);
        }
    }
}

/// Whether `If-None-Match` names this ETag (or `*`); weak tags compare by their value.
fn matches(headers: &HeaderMap, etag: &str) -> bool {
    let Some(list) = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) else { return false };
    list.split(',').map(str::trim).any(|t| t == "*" || t.trim_start_matches("W/") == etag)
}

fn preflight() -> Response {
    let mut r = StatusCode::NO_CONTENT.into_response();
    let h = r.headers_mut();
    h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, HEAD, OPTIONS"));
    h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
    h.insert(header::ALLOW, HeaderValue::from_static("GET, HEAD, OPTIONS"));
    r
}

/// `/feed` and `/list`'s query, read strictly.
struct Query {
    url: Url,
    limit: usize,
    lang: String,
}

impl Query {
    fn read(query: &str) -> Result<Query, Refusal> {
        let (mut url, mut limit, mut lang) = (None, None, None);
        for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
            let slot = match key.as_ref() {
                "url" => &mut url,
                "limit" => &mut limit,
                "lang" => &mut lang,
                _ => continue,
            };
            if slot.replace(value.into_owned()).is_some() {
                return Err(Refusal::BadRequest(format!("`{key}` is given twice.")));
            }
        }
        let url = url
            .filter(|u| !u.trim().is_empty())
            .ok_or_else(|| Refusal::BadRequest("Give the feed's URL, percent-encoded, as ?url=https%3A%2F%2F...".to_owned()))?;
        let url = Url::parse(url.trim()).map_err(|e| Refusal::BadRequest(format!("\"{url}\" is not an absolute URL ({e}).")))?;
        let limit = match limit {
            None => LIST_DEFAULT,
            Some(l) => l.parse::<usize>().ok().filter(|n| (1..=LIST_MAX).contains(n)).ok_or_else(|| {
                Refusal::BadRequest(format!("`limit` must be a whole number from 1 to {LIST_MAX}; it is \"{l}\"."))
            })?,
        };
        let lang = lang.unwrap_or_else(|| "en".to_owned());
        if lang.is_empty() || lang.len() > 35 || !lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(Refusal::BadRequest(format!(
                "`lang` must be a BCP 47 tag such as \"fr\" or \"en-GB\"; it is \"{lang}\"."
            )));
        }
        Ok(Query { url, limit, lang })
    }
}

/// Serves until `shutdown` resolves; clients idle for a minute are forgotten by the limiter.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let sweeper = Arc::clone(&app);
    let sweep = tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            sweeper.forget_idle_clients();
        }
    });
    let service = router(app).into_make_service_with_connect_info::<SocketAddr>();
    let served = axum::serve(listener, service).with_graceful_shutdown(shutdown).await;
    sweep.abort();
    served
}
