//! Feed parsing throughput of the core on the largest real feeds of `shared/feeds/` (MB/s):
//! the JSON Feed mapping (after a JSON parser, as `JSON.parse` does in the browser) and the
//! RSS/Atom mapping (after an XML parser, as `DOMParser` does), each measured apart from the
//! parser so the figure is the core's own work, and also with it.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use news_widget_core::jsonfeed::map_json_feed;
use news_widget_core::select::select;
use news_widget_core::xmlfeed::map_xml_feed;
use std::hint::black_box;
use std::path::PathBuf;

fn shared(path: &str) -> Option<String> {
    let root = std::env::var("NEWS_WIDGET_SHARED").map(PathBuf::from).unwrap_or_else(|_| PathBuf::from("../../../shared"));
    std::fs::read(root.join("feeds").join(path)).ok().map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn json(c: &mut Criterion) {
    let mut g = c.benchmark_group("json feed");
    for path in [
        "jsonfeed/DavidBrunow_brunow.org__feed_651-items.json",
        "jsonfeed/9amirreza6_gesko-theme___site_feed.json",
        "jsonfeed/rsparser__rose.json",
    ] {
        let Some(text) = shared(path) else { continue };
        let value: serde_json::Value = serde_json::from_str(&text).expect("the corpus file is JSON");
        let name = path.rsplit('/').next().unwrap_or(path);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("map+select {name}"), |b| {
            b.iter(|| {
                let feed = map_json_feed(&black_box(&value)).expect("feed");
                black_box(select(&feed.items, &[], 8).len())
            })
        });
        g.bench_function(format!("parse+map {name}"), |b| {
            b.iter(|| {
                let v: serde_json::Value = serde_json::from_str(black_box(&text)).expect("json");
                black_box(map_json_feed(&&v).expect("feed").items.len())
            })
        });
    }
    g.finish();
}

fn xml(c: &mut Criterion) {
    let mut g = c.benchmark_group("rss and atom");
    for path in [
        "atom/rsparser__russcox.atom",
        "atom/rsparser__DaringFireball.rss--content-is-atom.xml",
        "rss/feed-extractor__rss-feed-miss-link.xml",
        "rss/picofeed__rue89_fr.xml",
    ] {
        let Some(text) = shared(path) else { continue };
        let doc = roxmltree::Document::parse(&text).expect("the corpus file is XML");
        let name = path.rsplit('/').next().unwrap_or(path);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("map+select {name}"), |b| {
            b.iter(|| {
                let feed = map_xml_feed(&black_box(doc.root_element())).expect("feed");
                black_box(select(&feed.items, &[], 8).len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, json, xml);
criterion_main!(benches);
