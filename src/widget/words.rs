//! The sentences of a widget's language. English's are in the module's first part (every
//! language falls back to them); each other language's are a part of their own
//! (`split_words_fr.wasm`, …), so a page downloads the words of its own language only. The
//! loader fetches a widget's part before it mounts it (`wordsFirst`), in parallel with the
//! module, so no reader sees another language first; a widget that gets another language later
//! (an attribute changed, or mounted without the loader) speaks English until its part has
//! come, and English for good should it never come.

use crate::parts;
use news_widget_core::i18n::{self, Lang, Sentences};
use std::cell::RefCell;

thread_local! {
    static LATER: RefCell<Vec<(Lang, &'static Sentences)>> = const { RefCell::new(Vec::new()) };
}

fn fetched(lang: Lang) -> Option<&'static Sentences> {
    LATER.with_borrow(|later| later.iter().find(|(l, _)| *l == lang).map(|(_, s)| *s))
}

/// The sentences of `lang` if they are at hand, else English's.
pub fn sentences(lang: Lang) -> &'static Sentences {
    i18n::first_sentences(lang).or_else(|| fetched(lang)).unwrap_or(&i18n::EN)
}

/// Whether `lang`'s sentences are at hand.
pub fn ready(lang: Lang) -> bool {
    i18n::first_sentences(lang).is_some() || fetched(lang).is_some()
}

/// Fetches the part of `lang` unless it is here; `Err` when it cannot come.
pub async fn fetch(lang: Lang) -> Result<(), parts::Missing> {
    if !ready(lang) {
        let words = parts::later_words(lang).await?;
        LATER.with_borrow_mut(|later| later.push((lang, words)));
    }
    Ok(())
}
