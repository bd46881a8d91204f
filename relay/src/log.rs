//! One line per request on standard output, written by a thread of its own. A request never
//! waits for the log: when stdout is a pipe nobody reads fast enough (a stalled journal, a
//! paused terminal), lines are dropped and counted rather than blocking the workers that
//! serve requests. (tracing with tracing-appender's non-blocking writer does the same, with
//! levels and spans this relay has no use for.)

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::OnceLock;

/// Lines waiting to be written before new ones are dropped.
const BACKLOG: usize = 8192;

static LINES: OnceLock<SyncSender<String>> = OnceLock::new();
static DROPPED: AtomicU64 = AtomicU64::new(0);

fn writer() -> Option<&'static SyncSender<String>> {
    if let Some(tx) = LINES.get() {
        return Some(tx);
    }
    let (tx, rx) = sync_channel::<String>(BACKLOG);
    let spawned = std::thread::Builder::new().name("log".into()).spawn(move || {
        let mut out = std::io::stdout();
        for line in rx {
            let dropped = DROPPED.swap(0, Ordering::Relaxed);
            if dropped > 0 {
                let _ = writeln!(out, "({dropped} log lines dropped: standard output was not read fast enough)");
            }
            // Closed or broken: the lines are lost, the relay goes on.
            let _ = writeln!(out, "{line}");
        }
    });
    spawned.ok()?;
    let _ = LINES.set(tx);
    LINES.get()
}

/// Queues a line for standard output.
pub fn line(text: String) {
    match writer().map(|tx| tx.try_send(text)) {
        Some(Ok(())) => {}
        Some(Err(TrySendError::Full(_))) | None => {
            DROPPED.fetch_add(1, Ordering::Relaxed);
        }
        Some(Err(TrySendError::Disconnected(_))) => {}
    }
}
