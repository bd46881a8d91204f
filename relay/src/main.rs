//! `news-widget-relay --config relay.toml`: reads and checks the configuration, listens, and
//! serves until SIGINT or SIGTERM. A configuration it cannot use stops it at once, with a
//! sentence naming the key and exit status 2; an address it cannot listen on, status 1.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use news_widget_relay::{serve, App, Config};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: news-widget-relay --config relay.toml\n\
    Fetches the feeds relay.toml allows, for news-widget pages that cannot read them (see README: The feed relay).";

fn config_path() -> Result<PathBuf, String> {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--config" | "-c" => path = Some(args.next().ok_or("--config needs a file")?),
            "--help" | "-h" => return Err(String::new()),
            "--version" | "-V" => {
                println!("news-widget-relay {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    path.map(PathBuf::from).ok_or_else(|| "--config is required".to_owned())
}

async fn shutdown() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(term) => term,
            Err(_) => return std::future::pending().await,
        };
        tokio::select! { _ = interrupt => {}, _ = term.recv() => {} }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}

#[tokio::main]
async fn main() -> ExitCode {
    let path = match config_path() {
        Ok(path) => path,
        Err(why) => {
            if !why.is_empty() {
                eprintln!("news-widget-relay: {why}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let config = match Config::load(&path) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("news-widget-relay: {e}");
            return ExitCode::from(2);
        }
    };
    let listen = config.listen;
    let app = match App::new(config) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("news-widget-relay: {e}");
            return ExitCode::from(1);
        }
    };
    let listener = match tokio::net::TcpListener::bind(listen).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("news-widget-relay: cannot listen on {listen} (`listen`): {e}.");
            return ExitCode::from(1);
        }
    };
    let bound = listener.local_addr().map_or_else(|_| listen.to_string(), |a| a.to_string());
    let _ = writeln!(std::io::stdout(), "news-widget-relay listening on http://{bound}");
    match serve(listener, app, shutdown()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("news-widget-relay: {e}");
            ExitCode::from(1)
        }
    }
}
