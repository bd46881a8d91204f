//! Contract §6 over real sockets: every row and header, caching and revalidation, the stale
//! copy, faults, limits, and a hundred cold clients sharing one upstream request.

mod support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use support::{answer, assert_refused, error_of, header, json_feed, redirect, Relay, Reply, Upstream};

fn config(upstream: &Upstream, extra: &str) -> String {
    format!("feeds = [\"{}\"]\nprivate_networks = true\norigins = [\"https://partner.example\"]\n{extra}", upstream.url("/*"))
}

#[tokio::test]
async fn health_answers_ok_with_the_headers_of_every_answer() {
    let up = Upstream::start(|_, _| json_feed("x")).await;
    let relay = Relay::start(&config(&up, "")).await;
    let r = relay.get("/health").await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "x-content-type-options"), "nosniff");
    assert_eq!(header(&r, "content-security-policy"), "sandbox; default-src 'none'");
    assert_eq!(header(&r, "vary"), "Origin");
    assert!(r.headers().get("set-cookie").is_none());
    assert_eq!(r.text().await.expect("body"), "ok");
}

#[tokio::test]
async fn a_feed_is_relayed_with_its_bytes_type_and_caching_headers() {
    let up = Upstream::start(|path, _| match path {
        "/feed.json" => json_feed("Le Midi"),
        _ => answer(404, "text/plain", "no"),
    })
    .await;
    let relay = Relay::start(&config(&up, "ttl = 300\nstale = 86400")).await;
    let r = relay.feed(&up.url("/feed.json")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "content-type"), "application/feed+json");
    assert_eq!(header(&r, "cache-control"), "public, max-age=300, stale-while-revalidate=300, stale-if-error=86400");
    assert_eq!(header(&r, "cache-status"), "news-widget-relay; fwd=miss; stored");
    assert_eq!(header(&r, "x-content-type-options"), "nosniff");
    assert_eq!(header(&r, "content-security-policy"), "sandbox; default-src 'none'");
    let etag = header(&r, "etag");
    assert!(etag.starts_with('"') && etag.ends_with('"'), "{etag}");
    let body = r.bytes().await.expect("body");
    let Reply::Answer { body: sent, .. } = json_feed("Le Midi") else { unreachable!() };
    assert_eq!(body.as_ref(), sent.as_slice(), "the feed's own bytes");

    let again = relay.feed(&up.url("/feed.json")).await;
    assert!(header(&again, "cache-status").starts_with("news-widget-relay; hit"), "{}", header(&again, "cache-status"));
    assert_eq!(header(&again, "etag"), etag);
    assert_eq!(up.requests().len(), 1, "a fresh copy is served without asking the feed");

    let conditional =
        relay.client.get(relay.feed_url(&up.url("/feed.json"))).header("If-None-Match", &etag).send().await.expect("answer");
    assert_eq!(conditional.status(), 304);
    assert_eq!(header(&conditional, "etag"), etag);

    let head = relay.client.head(relay.feed_url(&up.url("/feed.json"))).send().await.expect("answer");
    assert_eq!(head.status(), 200);
    assert_eq!(head.bytes().await.expect("body").len(), 0);
}

#[tokio::test]
async fn only_listed_origins_may_read_and_every_answer_varies_on_origin() {
    let up = Upstream::start(|_, _| json_feed("x")).await;
    let relay = Relay::start(&config(&up, "")).await;
    let url = relay.feed_url(&up.url("/f"));
    let allowed = relay.client.get(&url).header("Origin", "https://partner.example").send().await.expect("answer");
    assert_eq!(header(&allowed, "access-control-allow-origin"), "https://partner.example");
    assert_eq!(header(&allowed, "vary"), "Origin");
    let other = relay.client.get(&url).header("Origin", "https://evil.example").send().await.expect("answer");
    assert!(other.headers().get("access-control-allow-origin").is_none());
    assert_eq!(header(&other, "vary"), "Origin");
    let refused =
        relay.client.get(relay.feed_url("https://elsewhere.example/")).header("Origin", "https://partner.example").send();
    let refused = refused.await.expect("answer");
    assert_eq!(header(&refused, "access-control-allow-origin"), "https://partner.example", "a page can read why it was refused");

    let any = Relay::start(&format!("feeds = [\"{}\"]\nprivate_networks = true\norigins = [\"*\"]", up.url("/*"))).await;
    let r = any.client.get(any.feed_url(&up.url("/f"))).header("Origin", "https://anyone.example").send().await.expect("answer");
    assert_eq!(header(&r, "access-control-allow-origin"), "*");
    let preflight = any.client.request(reqwest::Method::OPTIONS, any.feed_url(&up.url("/f"))).send().await.expect("answer");
    assert_eq!(preflight.status(), 204);
    assert_eq!(header(&preflight, "access-control-allow-methods"), "GET, HEAD, OPTIONS");
}

#[tokio::test]
async fn malformed_requests_other_paths_and_methods_are_refused_with_a_sentence() {
    let up = Upstream::start(|_, _| json_feed("x")).await;
    let relay = Relay::start(&config(&up, "")).await;
    for (path, status, words) in [
        ("/feed", 400, "?url="),
        ("/feed?url=", 400, "?url="),
        ("/feed?url=not%20a%20url", 400, "not an absolute URL"),
        ("/feed?url=a&url=b", 400, "twice"),
        ("/list?url=https%3A%2F%2Fx.example%2F&limit=0", 400, "`limit`"),
        ("/list?url=https%3A%2F%2Fx.example%2F&limit=many", 400, "`limit`"),
        ("/list?url=https%3A%2F%2Fx.example%2F&lang=%3Cscript%3E", 400, "`lang`"),
        ("/feed?url=https%3A%2F%2Fx.example%2Frss", 403, "not one of the feeds"),
        ("/admin", 404, "/feed?url="),
        ("/", 404, "/health"),
    ] {
        let r = relay.get(path).await;
        assert_eq!(header(&r, "content-type"), "application/json", "{path}");
        assert_eq!(header(&r, "x-content-type-options"), "nosniff");
        assert_refused(r, status, words, path).await;
    }
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let m = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let r = relay.client.request(m, relay.feed_url(&up.url("/f"))).send().await.expect("answer");
        assert_eq!(header(&r, "allow"), "GET, HEAD, OPTIONS");
        let (status, sentence) = error_of(r).await;
        assert_eq!(status, 405, "{method}");
        assert!(sentence.contains("GET, HEAD and OPTIONS"), "{sentence}");
    }
    assert_eq!(up.connections(), 0, "nothing refused reached the feed's server");
}

#[tokio::test]
async fn a_client_over_its_rate_is_told_when_to_come_back() {
    let up = Upstream::start(|_, _| json_feed("x")).await;
    let relay = Relay::start(&config(&up, "rate = 3")).await;
    for _ in 0..3 {
        assert_eq!(relay.feed(&up.url("/f")).await.status(), 200);
    }
    let r = relay.feed(&up.url("/f")).await;
    let retry: u64 = header(&r, "retry-after").parse().expect("Retry-After in seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    let (status, sentence) = error_of(r).await;
    assert_eq!(status, 429);
    assert!(sentence.contains("Too many requests"), "{sentence}");
    assert_eq!(relay.get("/health").await.status(), 200, "health checks are not limited");
}

#[tokio::test]
async fn list_is_an_escaped_fragment_of_the_newest_teasers() {
    let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
        <item><title>&lt;img src=x onerror=alert(1)&gt; Old</title><link>javascript:alert(1)</link><category>Éco</category><pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate></item>
        <item><title>New &amp; "quoted"</title><link>/2026/new</link><pubDate>Tue, 02 Jun 2026 10:00:00 GMT</pubDate></item>
        <item><title>Third</title><pubDate>Sun, 31 May 2026 10:00:00 GMT</pubDate></item>
        </channel></rss>"#;
    let up = Upstream::start(move |_, _| answer(200, "application/rss+xml", rss)).await;
    let relay = Relay::start(&config(&up, "")).await;
    let feed = url::form_urlencoded::byte_serialize(up.url("/rss.xml").as_bytes()).collect::<String>();
    let r = relay.get(&format!("/list?url={feed}&limit=2&lang=fr")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "content-type"), "text/html; charset=utf-8");
    assert!(!header(&r, "etag").is_empty());
    let html = r.text().await.expect("body");
    assert!(html.starts_with("<ul class=\"news-widget-list\" lang=\"fr\">"), "{html}");
    assert_eq!(html.matches("<li>").count(), 2, "{html}");
    let new = html.find("New &amp; &quot;quoted&quot;").expect("the newest first");
    let old = html.find("&lt;img src=x onerror=alert(1)&gt; Old").expect("escaped");
    assert!(new < old);
    assert!(html.contains(&format!("<a href=\"{}\">", up.url("/2026/new"))), "relative links are read against the feed: {html}");
    assert!(!html.contains("javascript:"), "{html}");
    assert!(html.contains("<time datetime=\"2026-06-02T10:00:00Z\">2 juin 2026</time>"), "{html}");
    assert!(html.contains("<span class=\"news-widget-section\">Éco</span>"));
}

#[tokio::test]
async fn faults_are_named_with_their_status() {
    let up = Upstream::start(|path, _| match path {
        "/500" => answer(500, "text/plain", "oops"),
        "/html" => answer(200, "text/html", "<!doctype html><title>Login</title>"),
        "/json" => answer(200, "application/json", r#"{"hello":"world"}"#),
        "/big" => answer(200, "application/feed+json", vec![b' '; 5000]),
        "/cut" => Reply::Cut { declared: 900, body: br#"{"version":"https://jsonfeed.org/version/1.1","items":["#.to_vec() },
        "/slow" => Reply::Silent,
        "/loop" => redirect(302, "/loop"),
        _ => answer(404, "text/plain", "no"),
    })
    .await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("a port").local_addr().expect("bound").port();
    let unreachable = format!("http://127.0.0.1:{closed}/feed.json");
    let relay = Relay::start(&format!(
        "feeds = [\"{}\", \"{unreachable}\"]\nprivate_networks = true\nmax_bytes = 1000\ntimeout = 1",
        up.url("/*")
    ))
    .await;
    for (path, status, words) in [
        (up.url("/500"), 502, "HTTP error 500"),
        (up.url("/missing"), 502, "HTTP error 404"),
        (up.url("/html"), 502, "an HTML page"),
        (up.url("/json"), 502, "not a JSON Feed"),
        (up.url("/big"), 502, "max_bytes"),
        (up.url("/cut"), 502, "broke off"),
        (up.url("/slow"), 504, "within 1 seconds"),
        (up.url("/loop"), 502, "more than 3 times"),
        (unreachable.clone(), 502, "could not be reached"),
    ] {
        assert_refused(relay.feed(&path).await, status, words, &path).await;
    }
    let loops = up.requests().iter().filter(|r| r.starts_with("GET /loop ")).count();
    assert_eq!(loops, 4, "the first request and three redirects, no more");
}

#[tokio::test]
async fn a_failing_feed_is_answered_with_the_last_good_copy_within_stale() {
    let broken = Arc::new(AtomicBool::new(false));
    let b = Arc::clone(&broken);
    let up =
        Upstream::start(move |_, _| if b.load(Ordering::SeqCst) { answer(500, "text/plain", "down") } else { json_feed("Kept") })
            .await;
    let relay = Relay::start(&config(&up, "ttl = 0\nstale = 3600")).await;
    assert_eq!(relay.feed(&up.url("/f")).await.status(), 200);
    broken.store(true, Ordering::SeqCst);
    let r = relay.feed(&up.url("/f")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "cache-status"), "news-widget-relay; fwd=stale; detail=stale-if-error");
    assert!(r.text().await.expect("body").contains("Kept one"));
    assert_eq!(up.requests().len(), 2, "the feed was asked again, and failed");

    let no_stale = Relay::start(&config(&up, "ttl = 0\nstale = 0")).await;
    let (status, _) = error_of(no_stale.feed(&up.url("/g")).await).await;
    assert_eq!(status, 502, "no copy, no stand-in");
}

#[tokio::test]
async fn a_copy_is_revalidated_conditionally() {
    let up = Upstream::start(|_, head| {
        if head.to_ascii_lowercase().contains("if-none-match: \"v1\"") {
            Reply::Answer { status: 304, headers: vec![("ETag".into(), "\"v1\"".into())], body: vec![], delay: Duration::ZERO }
        } else {
            let Reply::Answer { body, .. } = json_feed("Etagged") else { unreachable!() };
            let headers = vec![
                ("Content-Type".into(), "application/feed+json".into()),
                ("ETag".into(), "\"v1\"".into()),
                ("Last-Modified".into(), "Mon, 01 Jun 2026 10:00:00 GMT".into()),
            ];
            Reply::Answer { status: 200, headers, body, delay: Duration::ZERO }
        }
    })
    .await;
    let relay = Relay::start(&config(&up, "ttl = 0")).await;
    let first = relay.feed(&up.url("/f")).await;
    let etag = header(&first, "etag");
    let second = relay.feed(&up.url("/f")).await;
    assert_eq!(second.status(), 200);
    assert_eq!(header(&second, "cache-status"), "news-widget-relay; fwd=stale; stored");
    assert_eq!(header(&second, "etag"), etag, "the same bytes");
    assert!(second.text().await.expect("body").contains("Etagged one"));
    let asked = up.requests();
    assert_eq!(asked.len(), 2);
    let revalidation = asked[1].to_ascii_lowercase();
    assert!(revalidation.contains("if-none-match: \"v1\""), "{revalidation}");
    assert!(revalidation.contains("if-modified-since: mon, 01 jun 2026 10:00:00 gmt"), "{revalidation}");
}

#[tokio::test]
async fn nothing_of_the_client_is_forwarded_and_no_cookie_is_set() {
    let up = Upstream::start(|_, _| {
        let Reply::Answer { body, .. } = json_feed("x") else { unreachable!() };
        let headers = vec![("Content-Type".into(), "application/feed+json".into()), ("Set-Cookie".into(), "track=1".into())];
        Reply::Answer { status: 200, headers, body, delay: Duration::ZERO }
    })
    .await;
    let relay = Relay::start(&config(&up, "")).await;
    let r = relay
        .client
        .get(relay.feed_url(&up.url("/f")))
        .header("Cookie", "session=secret")
        .header("Authorization", "Bearer secret")
        .header("Referer", "https://partner.example/private-page")
        .send()
        .await
        .expect("answer");
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("set-cookie").is_none(), "nothing sets a cookie");
    let asked = up.requests()[0].to_ascii_lowercase();
    for leaked in ["cookie", "authorization", "referer", "secret", "private-page"] {
        assert!(!asked.contains(leaked), "{leaked} forwarded: {asked}");
    }
}

#[tokio::test]
async fn redirects_are_followed_three_times_within_the_feeds() {
    let up = Upstream::start(|path, _| match path {
        "/ok/r1" => redirect(301, "/ok/r2"),
        "/ok/r2" => redirect(302, "r3"),
        "/ok/r3" => redirect(307, "/ok/feed.json"),
        "/ok/feed.json" => json_feed("Moved"),
        "/ok/out" => redirect(302, "/secret"),
        _ => answer(
            200,
            "application/feed+json",
            r#"{"version":"https://jsonfeed.org/version/1","items":[{"id":"s","title":"secret"}]}"#,
        ),
    })
    .await;
    let relay = Relay::start(&format!("feeds = [\"{}\"]\nprivate_networks = true", up.url("/ok/*"))).await;
    let r = relay.feed(&up.url("/ok/r1")).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.expect("body").contains("Moved one"));
    let (status, sentence) = error_of(relay.feed(&up.url("/ok/out")).await).await;
    assert_eq!(status, 403, "{sentence}");
    assert!(sentence.contains("redirected"), "{sentence}");
    assert!(!up.requests().iter().any(|r| r.starts_with("GET /secret")), "the redirect's target was never asked");
}

#[tokio::test]
async fn a_hundred_cold_clients_make_one_upstream_request() {
    let up = Upstream::start(|_, _| {
        let Reply::Answer { status, headers, body, .. } = json_feed("Shared") else { unreachable!() };
        Reply::Answer { status, headers, body, delay: Duration::from_millis(300) }
    })
    .await;
    let relay = Arc::new(Relay::start(&config(&up, "rate = 1000")).await);
    let url = up.url("/cold.json");
    let clients: Vec<_> = (0..100)
        .map(|_| {
            let (relay, url) = (Arc::clone(&relay), url.clone());
            tokio::spawn(async move {
                let r = relay.feed(&url).await;
                (r.status().as_u16(), r.text().await.unwrap_or_default())
            })
        })
        .collect();
    for client in clients {
        let (status, body) = client.await.expect("the client ran");
        assert_eq!(status, 200);
        assert!(body.contains("Shared one"));
    }
    assert_eq!(up.requests().len(), 1, "one request to the feed for a hundred clients");
}
