//! The binary as an operator runs it: a configuration it cannot use stops it at once with a
//! sentence naming the key and a non-zero exit; a good one serves until SIGTERM.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

const RELAY: &str = env!("CARGO_BIN_EXE_news-widget-relay");

fn run_with(config: Option<&str>) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("relay-test-{}-{}", std::process::id(), config.map_or(0, str::len)));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let path = dir.join("relay.toml");
    match config {
        Some(text) => std::fs::write(&path, text).expect("written"),
        None => {
            let _ = std::fs::remove_file(&path);
        }
    }
    let out = Command::new(RELAY).arg("--config").arg(&path).output().expect("the relay runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_configuration_it_cannot_use_stops_it_with_a_sentence() {
    for (config, words) in [
        (None, "cannot be read"),
        (Some("listen = \"127.0.0.1:0\""), "`feeds` is required"),
        (Some("feeds = []"), "`feeds` is required"),
        (Some("feeds = [\"https://x.example/*\"]\nlisten = \"nowhere\""), "`listen`"),
        (Some("feeds = [\"https://x.example/*\"]\nmax_bytes = \"big\""), "max_bytes"),
    ] {
        let (code, stderr) = run_with(config);
        assert_ne!(code, 0, "{config:?}");
        assert!(stderr.contains(words), "{config:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "one sentence: {stderr}");
    }
    let busy = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = busy.local_addr().expect("bound").port();
    let (code, stderr) = run_with(Some(&format!("feeds = [\"https://x.example/*\"]\nlisten = \"127.0.0.1:{port}\"")));
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot listen on"), "{stderr}");
    let out = Command::new(RELAY).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: news-widget-relay --config relay.toml"));
}

/// A relay started from a file with a minimal configuration on an ephemeral port: the process,
/// its standard output after the first line, and the address that line names.
fn serving(name: &str) -> (std::process::Child, BufReader<std::process::ChildStdout>, String) {
    let dir = std::env::temp_dir().join(format!("relay-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let path = dir.join("relay.toml");
    std::fs::write(&path, "listen = \"127.0.0.1:0\"\nfeeds = [\"https://x.example/*\"]\n").expect("written");
    let mut child = Command::new(RELAY).arg("--config").arg(&path).stdout(Stdio::piped()).spawn().expect("starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("a line");
    let addr = line.trim().rsplit("http://").next().expect("an address").to_owned();
    (child, stdout, addr)
}

#[test]
fn it_serves_and_says_where() {
    let (mut child, _stdout, addr) = serving("serve");
    let mut socket = std::net::TcpStream::connect(&addr).expect("it listens");
    socket.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").expect("sent");
    let mut answer = String::new();
    let _ = std::io::Read::read_to_string(&mut socket, &mut answer);
    let _ = child.kill();
    let _ = child.wait();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.ends_with("ok"), "{answer}");
}

#[test]
fn a_log_nobody_reads_never_stalls_requests() {
    // The first line is read, then standard output is left full: a pipe holds about 64 KiB,
    // some 1,500 log lines; three thousand requests must all be answered regardless.
    let (mut child, stdout, addr) = serving("log");
    let mut socket = std::net::TcpStream::connect(&addr).expect("it listens");
    socket.set_read_timeout(Some(std::time::Duration::from_secs(20))).expect("a timeout");
    let requests = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n".repeat(3000);
    let mut answered = 0;
    let mut seen = Vec::new();
    let mut buf = [0u8; 65536];
    let writer = {
        let mut s = socket.try_clone().expect("a second handle");
        std::thread::spawn(move || s.write_all(requests.as_bytes()))
    };
    while answered < 3000 {
        match std::io::Read::read(&mut socket, &mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                seen.extend_from_slice(&buf[..n]);
                answered = seen.windows(6).filter(|w| w == b"\r\n\r\nok").count();
            }
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let _ = writer.join();
    drop(stdout);
    assert_eq!(answered, 3000, "every request answered while the log was not read");
}
