//! The sentences of a widget's language. English, French and German are in the module's first
//! part; Spanish, Italian, Portuguese, Dutch and Arabic come with the `words` part, so a page
//! downloads the words of its own language only. The loader fetches the part before it mounts
//! a widget in one of them (`wordsFirst`), so no reader sees another language first; a widget
//! that gets such a language later (an attribute changed, or mounted without the loader)
//! speaks English until the part has come, and English for good should it never come.

use crate::parts;
use news_widget_core::i18n::{self, Lang, Sentences};
use std::cell::Cell;

thread_local! {
    static LATER: Cell<Option<&'static [(Lang, &'static Sentences)]>> = const { Cell::new(None) };
}

/// The sentences of `lang` if they are at hand, else English's.
pub fn sentences(lang: Lang) -> &'static Sentences {
    i18n::first_sentences(lang)
        .or_else(|| LATER.get().and_then(|later| later.iter().find(|(l, _)| *l == lang).map(|(_, s)| *s)))
        .unwrap_or(&i18n::EN)
}

/// Whether `lang`'s sentences are at hand.
pub fn ready(lang: Lang) -> bool {
    i18n::first_sentences(lang).is_some() || LATER.get().is_some()
}

/// Fetches the `words` part unless it is here; `Err` when it cannot come.
pub async fn fetch() -> Result<(), parts::Missing> {
    if LATER.get().is_none() {
        LATER.set(Some(parts::later_words().await?));
    }
    Ok(())
}
