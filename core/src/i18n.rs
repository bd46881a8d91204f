//! Every sentence the widget writes, in English, French and German; other languages fall back
//! to English. Dates are not here: `Intl` words them in any language.

use crate::config::{accepted_values, ConfigIssue};
use crate::error::{FeedError, Found};

/// The languages the widget's own sentences are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    De,
}

impl Lang {
    /// The language for a BCP 47 tag: `fr-CA` is French, `pt` falls back to English.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Lang::Fr,
            "de" => Lang::De,
            _ => Lang::En,
        }
    }
}

/// Whether a language is written right to left.
pub fn is_rtl(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    matches!(primary.as_str(), "ar" | "he" | "iw" | "fa" | "ur" | "ps" | "sd" | "ug" | "yi" | "dv" | "ckb")
}

/// Fixed labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Loading,
    Empty,
    ReadMore,
    Close,
    NewTab,
}

pub fn label(lang: Lang, l: Label) -> &'static str {
    use Label::*;
    match (lang, l) {
        (Lang::En, Loading) => "Loading the latest news…",
        (Lang::Fr, Loading) => "Chargement des dernières actualités…",
        (Lang::De, Loading) => "Die neuesten Nachrichten werden geladen…",
        (Lang::En, Empty) => "No news to show right now.",
        (Lang::Fr, Empty) => "Aucune actualité à afficher pour le moment.",
        (Lang::De, Empty) => "Zurzeit gibt es keine Nachrichten.",
        (Lang::En, ReadMore) => "Read the full article",
        (Lang::Fr, ReadMore) => "Lire l’article complet",
        (Lang::De, ReadMore) => "Ganzen Artikel lesen",
        (Lang::En, Close) => "Close",
        (Lang::Fr, Close) => "Fermer",
        (Lang::De, Close) => "Schließen",
        (Lang::En, NewTab) => "(opens in a new tab)",
        (Lang::Fr, NewTab) => "(s’ouvre dans un nouvel onglet)",
        (Lang::De, NewTab) => "(öffnet in neuem Tab)",
    }
}

/// The note shown over a kept copy when the feed cannot be fetched: `age` is already worded
/// by `Intl` ("3 hours ago").
pub fn stale_note(lang: Lang, age: &str) -> String {
    match lang {
        Lang::En => format!("The feed cannot be reached right now; showing the copy saved {age}."),
        Lang::Fr => format!("Le flux est injoignable pour le moment ; voici la copie enregistrée {age}."),
        Lang::De => format!("Der Feed ist gerade nicht erreichbar; gezeigt wird die Kopie von {age}."),
    }
}

/// A configuration issue in a sentence that names the attribute and its accepted values.
/// It is for the site owner, so it is always English (and goes to the console as well).
pub fn config_message(issue: &ConfigIssue) -> String {
    match issue {
        ConfigIssue::MissingFeed => {
            "The data-feed attribute is missing: set it to the URL of a JSON Feed, RSS or Atom feed.".to_owned()
        }
        ConfigIssue::InvalidFeed { value } => {
            format!("data-feed=\"{value}\" is not a usable address: set it to the http(s) URL of a JSON Feed, RSS or Atom feed.")
        }
        ConfigIssue::Invalid { attribute, value } => {
            format!("data-{attribute}=\"{value}\" is not valid: use {}. The default is used instead.", accepted_values(attribute))
        }
    }
}

/// A feed error in a plain sentence for the reader, with what the site owner can do.
pub fn error_message(lang: Lang, e: &FeedError, host: &str) -> String {
    match (lang, e) {
        (_, FeedError::Config(issue)) => config_message(issue),
        (Lang::Fr, FeedError::Http { status }) => format!(
            "Le flux a répondu par une erreur HTTP {status}. Vérifiez l’adresse indiquée dans data-feed."
        ),
        (Lang::De, FeedError::Http { status }) => format!(
            "Der Feed antwortete mit dem HTTP-Fehler {status}. Bitte die Adresse in data-feed prüfen."
        ),
        (_, FeedError::Http { status }) => format!(
            "The feed answered with HTTP error {status}. Check the address in data-feed."
        ),
        (Lang::Fr, FeedError::Network { cross_origin: true }) => format!(
            "Le flux de {host} n’a pas pu être chargé : ce serveur doit autoriser cette page avec l’en-tête CORS Access-Control-Allow-Origin, ou être injoignable."
        ),
        (Lang::De, FeedError::Network { cross_origin: true }) => format!(
            "Der Feed von {host} konnte nicht geladen werden: Der Server muss diese Seite per CORS-Header Access-Control-Allow-Origin erlauben, oder er ist nicht erreichbar."
        ),
        (_, FeedError::Network { cross_origin: true }) => format!(
            "The feed at {host} could not be loaded: that server must allow this page with the CORS header Access-Control-Allow-Origin, or it cannot be reached."
        ),
        (Lang::Fr, FeedError::Network { .. }) => "Le flux est injoignable. Vérifiez la connexion et l’adresse indiquée dans data-feed.".to_owned(),
        (Lang::De, FeedError::Network { .. }) => "Der Feed ist nicht erreichbar. Bitte Verbindung und die Adresse in data-feed prüfen.".to_owned(),
        (_, FeedError::Network { .. }) => "The feed cannot be reached. Check the connection and the address in data-feed.".to_owned(),
        (Lang::Fr, FeedError::Timeout { seconds }) => format!("Le flux n’a pas répondu en {seconds} secondes. Réessayez plus tard."),
        (Lang::De, FeedError::Timeout { seconds }) => format!("Der Feed hat nicht innerhalb von {seconds} Sekunden geantwortet. Später erneut versuchen."),
        (_, FeedError::Timeout { seconds }) => format!("The feed did not answer within {seconds} seconds. Try again later."),
        (lang, FeedError::NotAFeed(found)) => not_a_feed(lang, *found),
        (Lang::Fr, FeedError::Malformed { format }) => format!("Le flux n’est pas un {format} valide : il est peut-être tronqué ou mal formé."),
        (Lang::De, FeedError::Malformed { format }) => format!("Der Feed ist kein gültiges {format}: Er ist abgeschnitten oder fehlerhaft."),
        (_, FeedError::Malformed { format }) => format!("The feed is not valid {format}: it may be cut short or malformed."),
    }
}

fn not_a_feed(lang: Lang, found: Found) -> String {
    let what = match (lang, found) {
        (Lang::Fr, Found::Html) => "une page HTML",
        (Lang::Fr, Found::OtherJson) => "du JSON qui n’est pas un JSON Feed",
        (Lang::Fr, Found::OtherXml) => "du XML qui n’est ni RSS ni Atom",
        (Lang::Fr, Found::Nothing) => "une réponse vide",
        (Lang::Fr, Found::Text) => "un contenu inconnu",
        (Lang::De, Found::Html) => "eine HTML-Seite",
        (Lang::De, Found::OtherJson) => "JSON, aber keinen JSON Feed",
        (Lang::De, Found::OtherXml) => "XML, aber weder RSS noch Atom",
        (Lang::De, Found::Nothing) => "eine leere Antwort",
        (Lang::De, Found::Text) => "unbekannten Inhalt",
        (_, Found::Html) => "an HTML page",
        (_, Found::OtherJson) => "JSON that is not a JSON Feed",
        (_, Found::OtherXml) => "XML that is neither RSS nor Atom",
        (_, Found::Nothing) => "an empty answer",
        (_, Found::Text) => "something that is not a feed",
    };
    match lang {
        Lang::Fr => format!("L’adresse de data-feed a renvoyé {what}, pas un flux. Indiquez l’adresse d’un flux JSON Feed, RSS ou Atom."),
        Lang::De => format!("Die Adresse in data-feed lieferte {what}, keinen Feed. Bitte die Adresse eines JSON-Feed-, RSS- oder Atom-Feeds angeben."),
        Lang::En => format!("The address in data-feed returned {what}, not a feed. Point data-feed at a JSON Feed, RSS or Atom feed."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_fall_back_to_english() {
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag("pt-BR"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert!(is_rtl("ar-EG") && is_rtl("he") && is_rtl("ur") && !is_rtl("fr"));
    }

    #[test]
    fn config_sentences_name_the_attribute_and_the_accepted_values() {
        let m = config_message(&ConfigIssue::Invalid { attribute: "limit", value: "abc".into() });
        assert!(m.contains("data-limit") && m.contains("1 to 50"), "{m}");
        assert!(config_message(&ConfigIssue::MissingFeed).contains("data-feed"));
    }

    #[test]
    fn a_cors_failure_names_cors() {
        let m = error_message(Lang::En, &FeedError::Network { cross_origin: true }, "other.example");
        assert!(m.contains("CORS") && m.contains("other.example"), "{m}");
    }
}
