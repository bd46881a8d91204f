//! What the relay's socket tests share: a fake feed server that counts every connection and
//! records every request, a relay on an ephemeral loopback port, and a plain client.
#![allow(dead_code)]

use news_widget_relay::{serve, App, Config};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// How the fake server answers one request.
#[derive(Clone)]
pub enum Reply {
    /// Status, headers, body, after a delay.
    Answer { status: u16, headers: Vec<(String, String)>, body: Vec<u8>, delay: Duration },
    /// Promises `declared` bytes, sends the body, and closes the connection early.
    Cut { declared: usize, body: Vec<u8> },
    /// Accepts and then says nothing at all.
    Silent,
}

pub fn answer(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
    Reply::Answer {
        status,
        headers: vec![("Content-Type".into(), content_type.into())],
        body: body.into(),
        delay: Duration::ZERO,
    }
}

pub fn json_feed(title: &str) -> Reply {
    let body = format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","title":"{title}","items":[{{"id":"1","title":"{title} one","url":"https://news.example/1","date_published":"2026-06-01T10:00:00Z","tags":["Sport"]}}]}}"#
    );
    answer(200, "application/feed+json", body)
}

pub fn redirect(status: u16, location: &str) -> Reply {
    Reply::Answer { status, headers: vec![("Location".into(), location.into())], body: vec![], delay: Duration::ZERO }
}

type Route = dyn Fn(&str, &str) -> Reply + Send + Sync;

/// A feed server on 127.0.0.1 that answers each request with `route(path, head)`.
pub struct Upstream {
    pub port: u16,
    connections: Arc<AtomicUsize>,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Upstream {
    pub async fn start(route: impl Fn(&str, &str) -> Reply + Send + Sync + 'static) -> Upstream {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
        let port = listener.local_addr().expect("bound").port();
        let connections = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let route: Arc<Route> = Arc::new(route);
        let (c, r) = (Arc::clone(&connections), Arc::clone(&requests));
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                c.fetch_add(1, Ordering::SeqCst);
                let (route, requests) = (Arc::clone(&route), Arc::clone(&r));
                tokio::spawn(async move {
                    let mut head = Vec::new();
                    let mut buf = [0u8; 4096];
                    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                        match socket.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => head.extend_from_slice(&buf[..n]),
                        }
                    }
                    let head = String::from_utf8_lossy(&head).into_owned();
                    let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
                    requests.lock().expect("lock").push(head.clone());
                    match route(&path, &head) {
                        Reply::Answer { status, headers, body, delay } => {
                            tokio::time::sleep(delay).await;
                            let mut out =
                                format!("HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
                            for (k, v) in headers {
                                out.push_str(&format!("{k}: {v}\r\n"));
                            }
                            out.push_str("\r\n");
                            let _ = socket.write_all(out.as_bytes()).await;
                            let _ = socket.write_all(&body).await;
                        }
                        Reply::Cut { declared, body } => {
                            let out = format!(
                                "HTTP/1.1 200 OK\r\nContent-Type: application/feed+json\r\nContent-Length: {declared}\r\n\r\n"
                            );
                            let _ = socket.write_all(out.as_bytes()).await;
                            let _ = socket.write_all(&body).await;
                        }
                        Reply::Silent => tokio::time::sleep(Duration::from_secs(30)).await,
                    }
                    let _ = socket.shutdown().await;
                });
            }
        });
        Upstream { port, connections, requests }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().expect("lock").clone()
    }
}

/// A relay with this configuration (its `listen` is replaced by an ephemeral port).
pub struct Relay {
    pub base: String,
    pub client: reqwest::Client,
}

impl Relay {
    pub async fn start(config: &str) -> Relay {
        let config = Config::parse(config).expect("a valid test configuration");
        let app = App::new(config).expect("the relay starts");
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
        let base = format!("http://{}", listener.local_addr().expect("bound"));
        tokio::spawn(serve(listener, app, std::future::pending()));
        let client = reqwest::Client::builder().no_proxy().build().expect("a client");
        Relay { base, client }
    }

    pub fn feed_url(&self, feed: &str) -> String {
        format!("{}/feed?url={}", self.base, url::form_urlencoded::byte_serialize(feed.as_bytes()).collect::<String>())
    }

    pub async fn get(&self, path_and_query: &str) -> reqwest::Response {
        self.client.get(format!("{}{path_and_query}", self.base)).send().await.expect("the relay answers")
    }

    pub async fn feed(&self, feed: &str) -> reqwest::Response {
        self.client.get(self.feed_url(feed)).send().await.expect("the relay answers")
    }
}

/// A response's status, its JSON error sentence (when it has one), and a header.
pub async fn error_of(r: reqwest::Response) -> (u16, String) {
    let status = r.status().as_u16();
    let body: serde_json::Value = serde_json::from_slice(&r.bytes().await.unwrap_or_default()).unwrap_or(serde_json::Value::Null);
    (status, body["error"].as_str().unwrap_or_default().to_owned())
}

/// Asserts that `r` is a refusal with `status` whose sentence says `words`; `what` names the case.
pub async fn assert_refused(r: reqwest::Response, status: u16, words: &str, what: &str) {
    let (got, sentence) = error_of(r).await;
    assert_eq!(got, status, "{what}: {sentence}");
    assert!(sentence.contains(words), "{what}: {sentence}");
}

pub fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}
