//! Server-side request forgery, over real sockets: every vector is answered 403 with a sentence,
//! and the fake server that a vector points at (when it points at one) sees no connection.

mod support;

use support::{assert_refused, error_of, json_feed, Relay, Upstream};

/// Every spelling of a forbidden address, each allowed by `feeds` so that only the address
/// rules stand between the request and the connection. `{p}` is a live server's port.
const ADDRESSES: [&str; 34] = [
    "http://127.0.0.1:{p}/feed.json",
    "http://127.0.0.2:{p}/feed.json",
    "http://localhost:{p}/feed.json",
    "http://2130706433:{p}/feed.json",
    "http://0x7f000001:{p}/feed.json",
    "http://0177.0.0.1:{p}/feed.json",
    "http://0x7f.0.0.1:{p}/feed.json",
    "http://127.1:{p}/feed.json",
    "http://127.0.1:{p}/feed.json",
    "http://0:{p}/feed.json",
    "http://0.0.0.0:{p}/feed.json",
    "http://[::1]:{p}/feed.json",
    "http://[::]:{p}/feed.json",
    "http://[::ffff:127.0.0.1]:{p}/feed.json",
    "http://[::ffff:7f00:1]:{p}/feed.json",
    "http://[0:0:0:0:0:ffff:127.0.0.1]:{p}/feed.json",
    "http://[::127.0.0.1]:{p}/feed.json",
    "http://10.0.0.1/feed.json",
    "http://172.16.0.1/feed.json",
    "http://192.168.1.1/feed.json",
    "http://169.254.169.254/latest/meta-data/",
    "http://2852039166/latest/meta-data/",
    "http://0xa9fea9fe/latest/meta-data/",
    "http://[::ffff:a9fe:a9fe]/latest/meta-data/",
    "http://[fd00:ec2::254]/latest/meta-data/",
    "http://100.64.0.1/feed.json",
    "http://[fc00::1]/feed.json",
    "http://[fe80::1]/feed.json",
    "http://224.0.0.1/feed.json",
    "http://255.255.255.255/feed.json",
    "http://[ff02::1]/feed.json",
    "http://[64:ff9b::7f00:1]/feed.json",
    "http://[2002:7f00:1::]/feed.json",
    "http://192.0.2.1/feed.json",
];

#[tokio::test]
async fn every_spelling_of_a_forbidden_address_is_refused_before_connecting() {
    let target = Upstream::start(|_, _| json_feed("secret")).await;
    let vectors: Vec<String> = ADDRESSES.iter().map(|v| v.replace("{p}", &target.port.to_string())).collect();
    let feeds = vectors.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(", ");
    let relay = Relay::start(&format!("feeds = [{feeds}]\nrate = 1000")).await;
    for vector in &vectors {
        assert_refused(relay.feed(vector).await, 403, "does not fetch from", vector).await;
    }
    assert_eq!(target.connections(), 0, "no vector reached the server it points at");
}

#[tokio::test]
async fn what_the_feeds_do_not_cover_is_refused_before_connecting() {
    let target = Upstream::start(|_, _| json_feed("secret")).await;
    let p = target.port;
    let relay = Relay::start(&format!(
        "feeds = [\"http://127.0.0.1:{p}/ok/*\", \"http://127.0.0.1:{p}/exact.json\"]\nprivate_networks = true\nrate = 1000"
    ))
    .await;
    for vector in [
        format!("http://127.0.0.1:{p}/ok/../secret"),
        format!("http://127.0.0.1:{p}/ok/%2e%2e/secret"),
        format!("http://127.0.0.1:{p}/ok/%2E%2E/secret"),
        format!("http://127.0.0.1:{p}/ok/..%2fsecret"),
        format!("http://127.0.0.1:{p}/ok/..%5Csecret"),
        format!("http://127.0.0.1:{p}/ok\\..\\secret"),
        format!("http://127.0.0.1:{p}/okay"),
        format!("http://127.0.0.1:{p}/ok"),
        format!("http://127.0.0.1:{p}/exact.json?x=1"),
        format!("http://127.0.0.1:{p}/exact.json/"),
        format!("http://user:pw@127.0.0.1:{p}/ok/feed.json"),
        format!("http://evil.example/?http://127.0.0.1:{p}/ok/feed.json"),
        format!("https://127.0.0.1:{p}/ok/feed.json"),
        "file:///etc/passwd".to_owned(),
        format!("gopher://127.0.0.1:{p}/ok/feed.json"),
        format!("ftp://127.0.0.1:{p}/ok/feed.json"),
    ] {
        let (status, sentence) = error_of(relay.feed(&vector).await).await;
        assert_eq!(status, 403, "{vector}: {sentence}");
        assert!(!sentence.is_empty());
    }
    assert_eq!(target.connections(), 0, "nothing outside the feeds reached the server");
}

#[tokio::test]
async fn a_redirect_to_a_forbidden_address_or_outside_the_feeds_is_refused() {
    let inside = Upstream::start(|_, _| json_feed("secret")).await;
    let outside = Upstream::start(|_, _| json_feed("secret")).await;
    let (i, o) = (inside.port, outside.port);
    let first = Upstream::start(move |path, _| match path {
        "/to-outside" => support::redirect(302, &format!("http://127.0.0.1:{o}/feed.json")),
        "/to-metadata" => support::redirect(302, "http://169.254.169.254/latest/meta-data/"),
        "/to-localhost" => support::redirect(301, &format!("http://localhost:{i}/feed.json")),
        _ => support::redirect(302, &format!("http://[::ffff:127.0.0.1]:{i}/feed.json")),
    })
    .await;
    // The first hop is on loopback, so private networks are allowed for it, but not the rest.
    let relay = Relay::start(&format!("feeds = [\"{}\"]\nprivate_networks = true\nrate = 1000", first.url("/*"))).await;
    for path in ["/to-outside", "/to-metadata", "/to-localhost", "/to-mapped"] {
        assert_refused(relay.feed(&first.url(path)).await, 403, "redirected", path).await;
    }
    assert_eq!((inside.connections(), outside.connections()), (0, 0), "no redirect's target was reached");
}
