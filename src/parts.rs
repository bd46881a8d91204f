//! The module's later parts: code that the first teasers of a JSON Feed do not need, split
//! off by wasm-split (the mechanism of Leptos's `#[lazy]`) and fetched when first called, or
//! earlier when the browser is idle after `ready` ([`prefetch`]). Every call here can fail
//! (offline, a part refused by the host's CSP): [`Missing`] then, never a panic.

use crate::browser::html::{sanitize, Options};
use crate::browser::json::Js;
use news_widget_core::dates::parse_date;
use news_widget_core::i18n::{Lang, Sentences};
use news_widget_core::jsonfeed::raw_dates;
use news_widget_core::model::Timestamp;
use news_widget_core::{Feed, FeedError, Target};
use std::cell::Cell;
use wasm_bindgen_futures::spawn_local;
use web_sys::DocumentFragment;

/// A later part of the module could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missing;

impl From<wasm_split_helpers::SplitLoaderError> for Missing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Missing
    }
}

/// A split point: with the `split` feature, `$name` lives in the part `$part`, loaded when first
/// called; without it, the same body runs in place. Either way the caller awaits a
/// `Result<_, Missing>`. Several functions may share a part; one of them names its `$preload`.
macro_rules! part {
    ($part:ident $(, $preload:ident)?: $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($part, fallible $(, preload($preload))?)]
        pub fn $name($($arg: $ty),*) -> Result<$ret, Missing> {
            Ok($body)
        }
        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, Missing> {
            Ok($body)
        }
        $(
        #[cfg(not(feature = "split"))]
        #[allow(dead_code, reason = "a part nobody prefetches")]
        async fn $preload() -> Result<(), wasm_split_helpers::SplitLoaderError> {
            Ok(())
        }
        )?
    };
}

part!(xml, preload_xml:
    /// RSS and Atom: the XML parser and its mapper.
    fn xml_feed(text: String) -> Result<Feed, FeedError> {
        crate::browser::xml::parse_xml_feed(&text)
    }
);

part!(xml:
    /// Dates written in words (`Thu, 16 Oct 2025 09:30:00 GMT`, `16 octobre 2025`) in a JSON
    /// Feed, which asks for RFC 3339: the dates of `items`, each tried in JSON Feed's order. Their
    /// reader is RSS and Atom's, so it lives in their part.
    fn written_dates(items: Vec<Js>) -> Vec<Option<Timestamp>> {
        items.iter().map(|item| raw_dates(item).iter().flatten().find_map(|d| parse_date(d))).collect()
    }
);

part!(article, preload_article:
    /// An open article's HTML body: the sanitizer, which copies what the allow-list keeps.
    fn article_body(html: String, base: String, target: Target) -> Option<DocumentFragment> {
        sanitize(&html, &Options { base: &base, target }).ok()
    }
);

part!(pictures:
    /// The scan of an item's body for its picture (`data-thumbnails`; `crate::widget::optional`).
    fn body_images_code() -> crate::widget::optional::BodyImages {
        news_widget_core::thumbnail::body_images
    }
);

part!(links:
    /// The parameters added to links (`data-link-params`; `crate::widget::optional`).
    fn with_params_code() -> crate::widget::optional::WithParams {
        news_widget_core::link_params::with_params
    }
);

/// One part per language but English (every language's fallback, in the first part): a page
/// downloads the sentences of its own language only.
macro_rules! words {
    ($($part:ident: $lang:ident => $sentences:ident),*) => {
        $(part!($part:
            /// The sentences of one language (`crate::widget::words`).
            fn $part() -> &'static Sentences {
                &news_widget_core::i18n::$sentences
            }
        );)*

        /// The sentences of `lang` from its part; English's are in the first part.
        pub async fn later_words(lang: Lang) -> Result<&'static Sentences, Missing> {
            match lang {
                $(Lang::$lang => $part().await,)*
                Lang::En => Ok(&news_widget_core::i18n::EN),
            }
        }
    };
}

words!(words_fr: Fr => FR, words_de: De => DE, words_es: Es => ES, words_it: It => IT, words_pt: Pt => PT,
    words_nl: Nl => NL, words_ar: Ar => AR);

thread_local! {
    static PREFETCHED: Cell<bool> = const { Cell::new(false) };
}

/// Fetches the part an opened article needs once the browser is idle after the page's first
/// `ready`, so that opening an article waits for nothing. (A part that fails to come is fetched
/// again when it is called.) Parts a page's feeds do not need (`xml`) are never fetched.
pub fn prefetch() {
    if PREFETCHED.replace(true) {
        return;
    }
    spawn_local(async {
        crate::browser::timers::idle().await;
        let _ = preload_article().await;
    });
}
