//! The relay's configuration (contract §6): a TOML file in which only `feeds` is required.
//! It is read and checked once, at start; a mistake stops the relay with a sentence that names
//! the key, because a relay that starts with a half-understood allow-list is worse than none.

use crate::allow::AllowList;
use serde::Deserialize;
use std::net::SocketAddr;
use std::time::Duration;

/// The file as written. Unknown keys are refused: a misspelt `privat_networks` must not be
/// silently ignored.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    listen: Option<String>,
    feeds: Option<Vec<String>>,
    origins: Option<Vec<String>>,
    private_networks: Option<bool>,
    max_bytes: Option<u64>,
    timeout: Option<u64>,
    ttl: Option<u64>,
    stale: Option<u64>,
    rate: Option<u32>,
}

/// Who may read the relay's answers from a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origins {
    Any,
    /// Origins as browsers send them (`https://partner.example`), lower-cased.
    Listed(Vec<String>),
}

impl Origins {
    /// The `Access-Control-Allow-Origin` value for a request's `Origin`, if it may read.
    pub fn allow(&self, origin: Option<&str>) -> Option<String> {
        match self {
            Origins::Any => Some("*".to_owned()),
            Origins::Listed(list) => origin.filter(|o| list.iter().any(|l| l.eq_ignore_ascii_case(o))).map(str::to_owned),
        }
    }
}

/// The configuration, checked, with every default applied.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub feeds: AllowList,
    pub origins: Origins,
    pub private_networks: bool,
    pub max_bytes: u64,
    pub timeout: Duration,
    pub ttl: Duration,
    pub stale: Duration,
    /// Requests a minute from one client address.
    pub rate: u32,
}

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8787";
pub const DEFAULT_MAX_BYTES: u64 = 2_000_000;
pub const DEFAULT_TIMEOUT: u64 = 10;
pub const DEFAULT_TTL: u64 = 300;
pub const DEFAULT_STALE: u64 = 86_400;
pub const DEFAULT_RATE: u32 = 120;

/// Why the relay will not start, in a sentence that names the key or the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

fn bad(message: impl Into<String>) -> ConfigError {
    ConfigError(message.into())
}

impl Config {
    /// Reads and checks the file at `path`.
    pub fn load(path: &std::path::Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| bad(format!("The configuration file {} cannot be read: {e}.", path.display())))?;
        Config::parse(&text).map_err(|e| bad(format!("{}: {}", path.display(), e.0)))
    }

    /// Checks a configuration's text.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let file: File = toml::from_str(text).map_err(|e| {
            // The line at fault names the key: `ttl = -1`.
            let line = e.span().and_then(|s| text.get(..s.start)).map(|before| before.matches('\n').count() + 1);
            let written = line.and_then(|n| text.lines().nth(n - 1)).map(str::trim).unwrap_or_default();
            bad(format!("line {} (`{written}`) is not valid: {}.", line.unwrap_or(1), e.message().trim_end_matches('.')))
        })?;
        let listen = file.listen.as_deref().unwrap_or(DEFAULT_LISTEN);
        let listen = listen.parse::<SocketAddr>().map_err(|_| {
            bad(format!(
                "`listen` must be an address and a port, such as \"127.0.0.1:8787\" or \"[::]:8787\"; it is \"{listen}\"."
            ))
        })?;
        let feeds = file.feeds.unwrap_or_default();
        if feeds.is_empty() {
            return Err(bad(
                "`feeds` is required and must list at least one feed the relay may fetch (an exact URL, or a prefix ending in \"*\"): there is no open mode.",
            ));
        }
        let feeds = AllowList::new(&feeds).map_err(|e| bad(format!("`feeds`: {e}")))?;
        let origins = match file.origins {
            None => Origins::Listed(Vec::new()),
            Some(list) if list.iter().any(|o| o == "*") => Origins::Any,
            Some(list) => Origins::Listed(list.iter().map(|o| check_origin(o)).collect::<Result<_, _>>()?),
        };
        let seconds = |key: &str, value: Option<u64>, default: u64, min: u64| match value.unwrap_or(default) {
            v if v < min => Err(bad(format!("`{key}` must be at least {min} (seconds); it is {v}."))),
            v => Ok(Duration::from_secs(v)),
        };
        let max_bytes = file.max_bytes.unwrap_or(DEFAULT_MAX_BYTES);
        if max_bytes == 0 {
            return Err(bad("`max_bytes` must be at least 1 (bytes); it is 0."));
        }
        let rate = file.rate.unwrap_or(DEFAULT_RATE);
        if rate == 0 {
            return Err(bad("`rate` must be at least 1 (requests a minute from one client address); it is 0."));
        }
        Ok(Config {
            listen,
            feeds,
            origins,
            private_networks: file.private_networks.unwrap_or(false),
            max_bytes,
            timeout: seconds("timeout", file.timeout, DEFAULT_TIMEOUT, 1)?,
            ttl: seconds("ttl", file.ttl, DEFAULT_TTL, 0)?,
            stale: seconds("stale", file.stale, DEFAULT_STALE, 0)?,
            rate,
        })
    }
}

/// An origin as a browser sends it: scheme, host and port, nothing else.
fn check_origin(origin: &str) -> Result<String, ConfigError> {
    let parsed = url::Url::parse(origin).ok().filter(|u| matches!(u.scheme(), "http" | "https"));
    match parsed {
        Some(u) if u.path() == "/" && !origin.ends_with('/') && u.query().is_none() && u.username().is_empty() => {
            Ok(u.origin().ascii_serialization())
        }
        _ => Err(bad(format!(
            "`origins`: \"{origin}\" is not an origin; write a scheme, a host and an optional port, such as \"https://partner.example\", or \"*\" for any page."
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_feeds_is_required_and_every_default_is_the_contracts() {
        let c = Config::parse(r#"feeds = ["https://www.example.com/rss.xml"]"#).expect("valid");
        assert_eq!(c.listen.to_string(), "127.0.0.1:8787");
        assert_eq!(c.origins, Origins::Listed(vec![]));
        assert!(!c.private_networks);
        assert_eq!(
            (c.max_bytes, c.timeout.as_secs(), c.ttl.as_secs(), c.stale.as_secs(), c.rate),
            (2_000_000, 10, 300, 86_400, 120)
        );
    }

    #[test]
    fn each_mistake_names_its_key() {
        let cases = [
            ("", "`feeds` is required"),
            ("feeds = []", "`feeds` is required"),
            ("feeds = [\"ftp://x.example/a\"]", "`feeds`"),
            ("feeds = [\"https://x.example/*\"]\nlisten = \"localhost\"", "`listen`"),
            ("feeds = [\"https://x.example/*\"]\norigins = [\"https://a.example/path\"]", "`origins`"),
            ("feeds = [\"https://x.example/*\"]\ntimeout = 0", "`timeout`"),
            ("feeds = [\"https://x.example/*\"]\nrate = 0", "`rate`"),
            ("feeds = [\"https://x.example/*\"]\nmax_bytes = 0", "`max_bytes`"),
            ("feeds = [\"https://x.example/*\"]\nprivat_networks = true", "privat_networks"),
            ("feeds = [\"https://x.example/*\"]\nttl = -1", "ttl"),
            ("feeds = \"https://x.example/\"", "feeds"),
        ];
        for (text, key) in cases {
            let e = Config::parse(text).expect_err(text);
            assert!(e.0.contains(key), "{text:?}: {e}");
        }
    }

    #[test]
    fn origins_answer_only_themselves_or_any() {
        let c = Config::parse("feeds = [\"https://x.example/*\"]\norigins = [\"https://Partner.example\"]").expect("valid");
        assert_eq!(c.origins.allow(Some("https://partner.example")).as_deref(), Some("https://partner.example"));
        assert_eq!(c.origins.allow(Some("https://evil.example")), None);
        assert_eq!(c.origins.allow(None), None);
        let any = Config::parse("feeds = [\"https://x.example/*\"]\norigins = [\"*\"]").expect("valid");
        assert_eq!(any.origins.allow(None).as_deref(), Some("*"));
    }
}
