//! Fetching a feed from its server, safely: every hop of a redirect chain is checked against
//! `feeds` and the address rules before any connection, names are resolved by the relay's own
//! resolver, which refuses forbidden addresses and hands the connector exactly the addresses it
//! checked (no second lookup), and IP literals, which never reach a resolver, are checked here.
//! Nothing of the client's request is forwarded: each request is built from scratch.

use crate::address::forbidden;
use crate::allow::AllowList;
use crate::refusal::Refusal;
use bytes::{Bytes, BytesMut};
use news_widget_core::error::Found;
use news_widget_core::{Feed, FeedError};
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::{HeaderMap, ACCEPT, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, LOCATION};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use url::{Host, Url};

/// Redirects followed before the chain is refused (contract §6).
pub const MAX_REDIRECTS: usize = 3;

/// What the feed's server said last time, to ask again conditionally.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A feed as it arrived: its bytes, checked to be a feed, and what it was read as.
#[derive(Debug, Clone)]
pub struct Answer {
    pub body: Bytes,
    pub content_type: String,
    pub feed: Arc<Feed>,
    pub validators: Validators,
    /// The URL the chain ended at: relative links in the feed are read against it.
    pub url: Url,
}

#[derive(Debug)]
pub enum Fetched {
    Fresh(Answer),
    /// `304`: the copy the relay has is still the feed.
    NotModified(Validators),
}

/// The refusal a resolver hook returns, found again in the error chain of a failed request.
#[derive(Debug)]
struct AddressRefused(String);

impl std::fmt::Display for AddressRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AddressRefused {}

/// Resolves names with the system's resolver and refuses the name when any of its addresses is
/// forbidden (a name that resolves to both a public and a private address is refused: the
/// connector could pick either).
struct GuardedResolver {
    private_networks: bool,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let private_networks = self.private_networks;
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if !private_networks {
                if let Some((ip, kind)) = addrs.iter().find_map(|a| forbidden(a.ip()).map(|k| (a.ip(), k))) {
                    let why = format!("The feed's host {host} is at {ip}, {kind}, which the relay does not fetch from.");
                    return Err(Box::new(AddressRefused(why)) as Box<dyn std::error::Error + Send + Sync>);
                }
            }
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

/// The relay's side of every feed request.
pub struct Fetcher {
    client: reqwest::Client,
    feeds: AllowList,
    private_networks: bool,
    max_bytes: u64,
    timeout: Duration,
}

impl Fetcher {
    pub fn new(feeds: AllowList, private_networks: bool, max_bytes: u64, timeout: Duration) -> Result<Fetcher, String> {
        let client = reqwest::Client::builder()
            .dns_resolver(Arc::new(GuardedResolver { private_networks }))
            .redirect(reqwest::redirect::Policy::none())
            .referer(false)
            // A proxy from the environment would connect for the relay, past its address checks.
            .no_proxy()
            .connect_timeout(timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .user_agent(concat!("news-widget-relay/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("the HTTP client cannot be built: {e}"))?;
        Ok(Fetcher { client, feeds, private_networks, max_bytes, timeout })
    }

    /// Whether the relay may request `url` at all: http(s), no user name, in `feeds`, and (for
    /// an IP literal, which no resolver sees) not on a forbidden address.
    pub fn check(&self, url: &Url) -> Result<(), Refusal> {
        if !url.username().is_empty() || url.password().is_some() {
            return Err(Refusal::Forbidden("A feed URL may not carry a user name or password.".to_owned()));
        }
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Refusal::Forbidden(format!("Only http and https feeds are fetched, not {}:.", url.scheme())));
        }
        if !self.feeds.allows(url) {
            return Err(Refusal::Forbidden(format!("{url} is not one of the feeds this relay may fetch.")));
        }
        let ip = match url.host() {
            Some(Host::Ipv4(v4)) => Some(IpAddr::V4(v4)),
            Some(Host::Ipv6(v6)) => Some(IpAddr::V6(v6)),
            _ => None,
        };
        match ip.and_then(|ip| forbidden(ip).map(|kind| (ip, kind))) {
            Some((ip, kind)) if !self.private_networks => {
                Err(Refusal::Forbidden(format!("{ip} is {kind}, which the relay does not fetch from.")))
            }
            _ => Ok(()),
        }
    }

    /// Fetches `url` within `timeout`, following at most three checked redirects.
    pub async fn fetch(&self, url: &Url, validators: &Validators) -> Result<Fetched, Refusal> {
        let seconds = self.timeout.as_secs();
        tokio::time::timeout(self.timeout, self.follow(url, validators)).await.unwrap_or(Err(Refusal::Timeout { seconds }))
    }

    async fn follow(&self, start: &Url, validators: &Validators) -> Result<Fetched, Refusal> {
        let mut url = start.clone();
        for hop in 0..=MAX_REDIRECTS {
            self.check(&url).map_err(|r| match (hop, r) {
                (0, r) => r,
                (_, Refusal::Forbidden(why)) => {
                    Refusal::Forbidden(format!("The feed redirected to a URL the relay may not fetch: {why}"))
                }
                (_, r) => r,
            })?;
            let mut request = self.client.get(url.clone()).header(
                ACCEPT,
                "application/feed+json, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
            );
            if let Some(etag) = &validators.etag {
                request = request.header(IF_NONE_MATCH, etag);
            }
            if let Some(date) = &validators.last_modified {
                request = request.header(IF_MODIFIED_SINCE, date);
            }
            let response = request.send().await.map_err(|e| unreachable(&url, &e))?;
            let status = response.status();
            if status == reqwest::StatusCode::NOT_MODIFIED {
                return Ok(Fetched::NotModified(read_validators(response.headers(), validators)));
            }
            if status.is_redirection() {
                let location = response.headers().get(LOCATION).and_then(|l| l.to_str().ok());
                url = next_hop(&url, location, status.as_u16())?;
                continue;
            }
            if !status.is_success() {
                return Err(Refusal::BadGateway(format!("The feed answered with HTTP error {}.", status.as_u16())));
            }
            return self.read(response, url).await.map(Fetched::Fresh);
        }
        Err(Refusal::BadGateway(format!("The feed redirected more than {MAX_REDIRECTS} times.")))
    }

    /// Reads at most `max_bytes` of the answer and checks that it is a feed.
    async fn read(&self, mut response: reqwest::Response, url: Url) -> Result<Answer, Refusal> {
        let too_big = || Refusal::BadGateway(format!("The feed's answer is larger than max_bytes ({} bytes).", self.max_bytes));
        if response.content_length().is_some_and(|n| n > self.max_bytes) {
            return Err(too_big());
        }
        let headers = response.headers().clone();
        let mut body = BytesMut::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len() as u64 + chunk.len() as u64 > self.max_bytes {
                        return Err(too_big());
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) if e.is_timeout() => return Err(Refusal::Timeout { seconds: self.timeout.as_secs() }),
                Err(_) => return Err(Refusal::BadGateway("The feed's answer broke off before its end.".to_owned())),
            }
        }
        let body = body.freeze();
        let declared = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        let text = decode(&body, &declared);
        let feed = news_widget_core::read::read_feed(&text).map_err(|e| not_a_feed(&e))?;
        Ok(Answer {
            content_type: feed_content_type(&declared, &text),
            body,
            feed: Arc::new(feed),
            validators: read_validators(&headers, &Validators::default()),
            url,
        })
    }
}

/// Where a redirect leads: its `Location` read against the current URL, never from https
/// to http. The next hop is then checked like the first URL.
fn next_hop(url: &Url, location: Option<&str>, status: u16) -> Result<Url, Refusal> {
    let next = location
        .and_then(|l| url.join(l).ok())
        .ok_or_else(|| Refusal::BadGateway(format!("The feed answered HTTP {status} without a usable Location.")))?;
    if url.scheme() == "https" && next.scheme() == "http" {
        return Err(Refusal::Forbidden(format!("The feed redirected from https to http ({next}), which the relay refuses.")));
    }
    Ok(next)
}

fn read_validators(headers: &HeaderMap, old: &Validators) -> Validators {
    let get = |name| headers.get(name).and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok()).map(str::to_owned);
    Validators {
        etag: get(ETAG).or_else(|| old.etag.clone()),
        last_modified: get(LAST_MODIFIED).or_else(|| old.last_modified.clone()),
    }
}

/// Why a request got no answer: a refused address (from the resolver), a timeout, or a server
/// that could not be reached.
fn unreachable(url: &Url, e: &reqwest::Error) -> Refusal {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        if let Some(refused) = err.downcast_ref::<AddressRefused>() {
            return Refusal::Forbidden(refused.0.clone());
        }
        source = err.source();
    }
    if e.is_timeout() {
        return Refusal::BadGateway(format!(
            "The feed's server {} did not accept a connection in time.",
            url.host_str().unwrap_or("")
        ));
    }
    Refusal::BadGateway(format!("The feed's server {} could not be reached.", url.host_str().unwrap_or("")))
}

fn not_a_feed(e: &FeedError) -> Refusal {
    let what = match e {
        FeedError::NotAFeed(Found::Html) => "an HTML page",
        FeedError::NotAFeed(Found::OtherJson) => "JSON that is not a JSON Feed",
        FeedError::NotAFeed(Found::OtherXml) => "XML that is neither RSS nor Atom",
        FeedError::NotAFeed(Found::Nothing) => "an empty body",
        FeedError::Malformed { format } => return Refusal::BadGateway(format!("The feed's {format} is malformed.")),
        _ => "text that is not a feed",
    };
    Refusal::BadGateway(format!("The feed answered with {what}, not a feed."))
}

/// The body as text, in the encoding it declares (XML declaration, then charset), else UTF-8.
fn decode(body: &[u8], content_type: &str) -> String {
    let head = body.get(..body.len().min(512)).unwrap_or_default();
    let label = news_widget_core::format::declared_encoding(head, content_type);
    let encoding = label.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes())).unwrap_or(encoding_rs::UTF_8);
    encoding.decode(body).0.into_owned()
}

/// The content type a widget is given: the feed's own when it names XML or JSON, else the
/// type of what the body was read as (a feed served as `text/plain` or `text/html`).
fn feed_content_type(declared: &str, text: &str) -> String {
    let essence = declared.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    if essence.ends_with("xml") || essence.ends_with("json") {
        return declared.to_owned();
    }
    let charset = declared.split(';').skip(1).map(str::trim).find(|p| p.to_ascii_lowercase().starts_with("charset="));
    let base = match news_widget_core::format::detect(text) {
        news_widget_core::format::Format::Json => "application/feed+json",
        _ => "application/xml",
    };
    match charset {
        Some(c) => format!("{base}; {c}"),
        None => base.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_never_goes_from_https_to_http() {
        let from = Url::parse("https://news.example/feed").expect("url");
        assert!(matches!(next_hop(&from, Some("http://news.example/feed"), 301), Err(Refusal::Forbidden(_))));
        assert_eq!(next_hop(&from, Some("/v2/feed"), 302).map(String::from).as_deref(), Ok("https://news.example/v2/feed"));
        let plain = Url::parse("http://news.example/feed").expect("url");
        assert!(next_hop(&plain, Some("https://news.example/feed"), 308).is_ok(), "upgrading is fine");
        assert!(matches!(next_hop(&from, None, 302), Err(Refusal::BadGateway(_))));
    }

    #[test]
    fn a_feed_served_as_text_gets_a_feed_type() {
        assert_eq!(feed_content_type("application/rss+xml; charset=utf-8", "<rss/>"), "application/rss+xml; charset=utf-8");
        assert_eq!(feed_content_type("text/plain", "{\"version\":1}"), "application/feed+json");
        assert_eq!(feed_content_type("text/html; charset=ISO-8859-1", "<rss/>"), "application/xml; charset=ISO-8859-1");
        assert_eq!(feed_content_type("", "<feed/>"), "application/xml");
    }

    #[test]
    fn text_is_read_in_its_declared_encoding() {
        assert_eq!(
            decode(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>\xe9</t>", ""),
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>\u{e9}</t>"
        );
        assert_eq!(decode("<t>\u{e9}</t>".as_bytes(), "text/xml"), "<t>\u{e9}</t>");
    }
}
