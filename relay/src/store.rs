//! The relay's copies of feeds, in memory (nothing on disk), through moka. moka's
//! `and_compute_with` runs one computation per key at a time: the first of a hundred clients
//! asking for a cold feed fetches it, the other ninety-nine wait and find it fresh. That one
//! lock also carries revalidation (conditional requests when a copy exists) and
//! stale-if-error (the last good copy while the feed fails, for up to `stale` seconds).

use crate::refusal::Refusal;
use crate::upstream::{Answer, Fetched, Fetcher};
use moka::future::Cache;
use moka::ops::compute::{CompResult, Op};
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::time::{Duration, Instant};
use url::Url;

/// Bytes of feeds kept at most, whatever `feeds` allows (the least recently used go first).
pub const CAPACITY_BYTES: u64 = 256 * 1024 * 1024;

/// A last good answer.
#[derive(Debug, Clone)]
pub struct Copy {
    pub answer: Answer,
    /// The relay's own ETag for these bytes (a strong one: same bytes, same tag).
    pub etag: String,
    /// When the feed last confirmed it (a fresh answer or a `304`).
    pub confirmed: Instant,
}

/// How an answer was found, for `Cache-Status` and the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Served {
    /// A fresh copy, without asking the feed.
    Hit,
    /// No copy: the feed was fetched.
    Miss,
    /// A copy past its `ttl`, confirmed (`304`) or replaced by the feed.
    Revalidated,
    /// The feed failed and the last good copy stood in.
    Stale,
}

impl Served {
    pub fn word(self) -> &'static str {
        match self {
            Served::Hit => "hit",
            Served::Miss => "miss",
            Served::Revalidated => "revalidated",
            Served::Stale => "stale",
        }
    }

    /// RFC 9211's `Cache-Status` value.
    pub fn cache_status(self, ttl_left: u64) -> String {
        match self {
            Served::Hit => format!("news-widget-relay; hit; ttl={ttl_left}"),
            Served::Miss => "news-widget-relay; fwd=miss; stored".to_owned(),
            Served::Revalidated => "news-widget-relay; fwd=stale; stored".to_owned(),
            Served::Stale => "news-widget-relay; fwd=stale; detail=stale-if-error".to_owned(),
        }
    }
}

pub struct Store {
    copies: Cache<String, Arc<Copy>>,
    ttl: Duration,
    stale: Duration,
}

fn etag_of(body: &[u8]) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut h);
    format!("\"{:016x}-{:x}\"", h.finish(), body.len())
}

impl Store {
    pub fn new(ttl: Duration, stale: Duration) -> Store {
        let copies = Cache::builder()
            .weigher(|_: &String, c: &Arc<Copy>| u32::try_from(c.answer.body.len()).unwrap_or(u32::MAX))
            .max_capacity(CAPACITY_BYTES)
            .time_to_live(ttl + stale)
            .build();
        Store { copies, ttl, stale }
    }

    /// The answer for `url`: a fresh copy, else the feed's, else (when the feed fails) a copy
    /// younger than `stale`.
    pub async fn get(&self, url: &Url, fetcher: &Fetcher) -> Result<(Arc<Copy>, Served), Refusal> {
        let mut outcome: Option<Result<Served, Refusal>> = None;
        let out = &mut outcome;
        let (ttl, stale) = (self.ttl, self.stale);
        let result = self
            .copies
            .entry(url.as_str().to_owned())
            .and_compute_with(|entry| async move {
                let old = entry.map(|e| e.into_value());
                if old.as_ref().is_some_and(|c| c.confirmed.elapsed() < ttl) {
                    *out = Some(Ok(Served::Hit));
                    return Op::Nop;
                }
                let validators = old.as_ref().map(|c| c.answer.validators.clone()).unwrap_or_default();
                match (fetcher.fetch(url, &validators).await, old) {
                    (Ok(Fetched::Fresh(answer)), old) => {
                        let etag = etag_of(&answer.body);
                        *out = Some(Ok(if old.is_some() { Served::Revalidated } else { Served::Miss }));
                        Op::Put(Arc::new(Copy { answer, etag, confirmed: Instant::now() }))
                    }
                    (Ok(Fetched::NotModified(validators)), Some(old)) => {
                        *out = Some(Ok(Served::Revalidated));
                        let mut copy = Copy::clone(&old);
                        copy.answer.validators = validators;
                        copy.confirmed = Instant::now();
                        Op::Put(Arc::new(copy))
                    }
                    (Ok(Fetched::NotModified(_)), None) => {
                        *out = Some(Err(Refusal::BadGateway(
                            "The feed answered 304 to a request that was not conditional.".to_owned(),
                        )));
                        Op::Nop
                    }
                    (Err(refusal), Some(old)) if refusal.is_feed_failure() && old.confirmed.elapsed() < stale => {
                        *out = Some(Ok(Served::Stale));
                        Op::Nop
                    }
                    (Err(refusal), _) => {
                        *out = Some(Err(refusal));
                        Op::Nop
                    }
                }
            })
            .await;
        let served = outcome.unwrap_or(Err(Refusal::BadGateway("The feed could not be fetched.".to_owned())))?;
        match result {
            CompResult::Inserted(e) | CompResult::ReplacedWith(e) | CompResult::Unchanged(e) => Ok((e.into_value(), served)),
            CompResult::StillNone(_) | CompResult::Removed(_) => {
                Err(Refusal::BadGateway("The feed could not be fetched.".to_owned()))
            }
        }
    }

    /// Seconds a copy stays fresh from now.
    pub fn ttl_left(&self, copy: &Copy) -> u64 {
        self.ttl.saturating_sub(copy.confirmed.elapsed()).as_secs()
    }

    /// Seconds since the feed last confirmed the copy (the `Age` header).
    pub fn age(copy: &Copy) -> u64 {
        copy.confirmed.elapsed().as_secs()
    }

    /// Copies kept, and their bytes (for `/health`'s operators and the load benchmark).
    pub async fn size(&self) -> (u64, u64) {
        self.copies.run_pending_tasks().await;
        (self.copies.entry_count(), self.copies.weighted_size())
    }
}
