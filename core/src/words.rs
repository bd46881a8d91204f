//! Whole-word matching for `data-keywords` and `data-exclude-keywords`: `élection` finds
//! "L'ÉLECTION de dimanche", not "La sélection" nor "Élections".
//!
//! Case and accents are folded as section names are (`text::fold`, Latin, Greek and
//! Cyrillic), Arabic vowel marks and tatweel and Hebrew points are dropped, and a word ends
//! at white space or punctuation. Scripts written without spaces between words (Chinese,
//! Japanese, Thai, Lao, Khmer, Myanmar) have no such ends: there a keyword matches anywhere.
//! Without Unicode's tables (tens of kilobytes in the module), these ranges cover the scripts
//! news is written in.

use crate::text::fold;

/// A keyword or a text folded for [`contains_word`].
pub fn fold_words(s: &str) -> String {
    fold(s).chars().filter(|&c| !is_mark(c)).collect()
}

/// Whether the folded `text` contains the folded `word` (or phrase) as whole words.
pub fn contains_word(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let spaceless = word.chars().any(is_spaceless);
    text.match_indices(word).any(|(at, found)| {
        let before = text.get(..at).and_then(|t| t.chars().next_back());
        let after = text.get(at + found.len()..).and_then(|t| t.chars().next());
        spaceless || (before.is_none_or(ends_word) && after.is_none_or(ends_word))
    })
}

/// Whether `c` ends a word: white space, or punctuation and symbols of the common blocks.
fn ends_word(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c as u32,
            0xA1..=0xBF | 0xD7 | 0xF7 // Latin-1 punctuation and signs
            | 0x2000..=0x2BFF // general punctuation, symbols, arrows, shapes
            | 0x3000..=0x303F // CJK punctuation
            | 0xFE10..=0xFE6F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 // compatibility forms
            | 0x060C | 0x061B | 0x061F | 0x066A..=0x066D | 0x06D4 // Arabic punctuation
            | 0x05BE | 0x05C0 | 0x05C3 | 0x05F3 | 0x05F4 // Hebrew punctuation
            | 0x0964 | 0x0965 // Devanagari danda
            | 0x1F000..=0x1FAFF) // emoji
}

/// Combining marks dropped before matching: Latin combining accents, Hebrew points, Arabic
/// vowel marks and the tatweel.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x0640 | 0x064B..=0x065F | 0x0670)
}

/// Scripts written without spaces between words.
fn is_spaceless(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // kana
        | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF) // CJK ideographs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(text: &str, word: &str) -> bool {
        contains_word(&fold_words(text), &fold_words(word))
    }

    #[test]
    fn whole_words_without_case_or_accents() {
        assert!(has("L'ÉLECTION de dimanche", "election"));
        assert!(has("Élection", "élection"));
        assert!(!has("La sélection du jour", "election"));
        assert!(!has("Elections", "election"));
        assert!(has("Brexit: what now?", "brexit"));
        assert!(has("«Brexit»", "Brexit"));
    }

    #[test]
    fn phrases_match_as_phrases() {
        assert!(has("The climate change summit", "climate change"));
        assert!(!has("climate, change", "climate change"));
    }

    #[test]
    fn other_scripts() {
        assert!(has("Выборы в Москве", "москве"));
        assert!(!has("Выборы в Москвеxx", "москве"));
        assert!(has("Οι ΕΚΛΟΓΕΣ σήμερα", "εκλογεσ"));
        assert!(has("الانتخابات، اليوم", "الانتخابات"), "Arabic comma ends a word");
        assert!(has("الانتِخابات اليوم", "الانتخابات"), "vowel marks are ignored");
        assert!(!has("والانتخابات اليوم", "الانتخابات"), "a longer word is another word");
        assert!(has("東京都の選挙", "選挙"), "Japanese has no spaces: anywhere");
    }

    #[test]
    fn nothing_matches_an_empty_keyword() {
        assert!(!contains_word("text", ""));
    }
}
