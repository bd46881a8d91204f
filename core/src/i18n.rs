//! Every sentence the widget writes, in English, French and German (one [`Sentences`] each);
//! other languages fall back to English. Dates are not here: `Intl` words them in any language.

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

/// Every sentence the widget writes for readers, in one language. Each language is one
/// `static` of this struct, so a missing translation does not compile, and adding a language
/// is adding one block (and its arm in [`sentences`]). `{name}` marks where a value goes.
#[derive(Debug)]
pub struct Sentences {
    pub loading: &'static str,
    pub empty: &'static str,
    pub read_more: &'static str,
    pub close: &'static str,
    pub new_tab: &'static str,
    /// Over a kept copy the feed cannot refresh; `{age}` is worded by `Intl` ("3 hours ago").
    pub stale: &'static str,
    /// `{status}`: the HTTP status.
    pub http: &'static str,
    /// A cross-origin request refused (or the server down); `{host}`: the feed's server.
    pub cors: &'static str,
    pub network: &'static str,
    /// The relay (`data-proxy`) cannot be reached, or does not let this page read it; `{relay}`: its host.
    pub relay_unreachable: &'static str,
    /// The relay answered with an error; `{relay}`: its host, `{status}`, `{reason}`: its own sentence.
    pub relay_refused: &'static str,
    /// `{seconds}`: the time allowed.
    pub timeout: &'static str,
    /// `{format}`: JSON, XML.
    pub malformed: &'static str,
    /// `{what}`: one of `found`.
    pub not_a_feed: &'static str,
    pub found: FoundWords,
}

/// What came back instead of a feed, as the object of [`Sentences::not_a_feed`].
#[derive(Debug)]
pub struct FoundWords {
    pub html: &'static str,
    pub other_json: &'static str,
    pub other_xml: &'static str,
    pub nothing: &'static str,
    pub text: &'static str,
}

pub static EN: Sentences = Sentences {
    loading: "Loading the latest news…",
    empty: "No news to show right now.",
    read_more: "Read the full article",
    close: "Close",
    new_tab: "(opens in a new tab)",
    stale: "The feed cannot be reached right now; showing the copy saved {age}.",
    http: "The feed answered with HTTP error {status}. Check the address in data-feed.",
    cors: "The feed at {host} could not be loaded: that server must allow this page with the CORS header Access-Control-Allow-Origin, or it cannot be reached. A feed relay set in data-proxy can fetch it for this page.",
    network: "The feed cannot be reached. Check the connection and the address in data-feed.",
    relay_unreachable: "The feed could not be loaded through the relay at {relay}: it cannot be reached, or its origins do not list this page. Check data-proxy and the relay's configuration.",
    relay_refused: "The relay at {relay} could not load the feed (HTTP {status}): {reason}",
    timeout: "The feed did not answer within {seconds} seconds. Try again later.",
    malformed: "The feed is not valid {format}: it may be cut short or malformed.",
    not_a_feed: "The address in data-feed returned {what}, not a feed. Point data-feed at a JSON Feed, RSS or Atom feed.",
    found: FoundWords {
        html: "an HTML page",
        other_json: "JSON that is not a JSON Feed",
        other_xml: "XML that is neither RSS nor Atom",
        nothing: "an empty answer",
        text: "something that is not a feed",
    },
};

pub static FR: Sentences = Sentences {
    loading: "Chargement des dernières actualités…",
    empty: "Aucune actualité à afficher pour le moment.",
    read_more: "Lire l’article complet",
    close: "Fermer",
    new_tab: "(s’ouvre dans un nouvel onglet)",
    stale: "Le flux est injoignable pour le moment ; voici la copie enregistrée {age}.",
    http: "Le flux a répondu par une erreur HTTP {status}. Vérifiez l’adresse indiquée dans data-feed.",
    cors: "Le flux de {host} n’a pas pu être chargé : ce serveur doit autoriser cette page avec l’en-tête CORS Access-Control-Allow-Origin, ou être injoignable. Un relais de flux indiqué dans data-proxy peut le récupérer pour cette page.",
    network: "Le flux est injoignable. Vérifiez la connexion et l’adresse indiquée dans data-feed.",
    relay_unreachable: "Le flux n’a pas pu être chargé par le relais {relay} : il est injoignable, ou ses origins ne comprennent pas cette page. Vérifiez data-proxy et la configuration du relais.",
    relay_refused: "Le relais {relay} n’a pas pu charger le flux (HTTP {status}) : {reason}",
    timeout: "Le flux n’a pas répondu en {seconds} secondes. Réessayez plus tard.",
    malformed: "Le flux n’est pas un {format} valide : il est peut-être tronqué ou mal formé.",
    not_a_feed: "L’adresse de data-feed a renvoyé {what}, pas un flux. Indiquez l’adresse d’un flux JSON Feed, RSS ou Atom.",
    found: FoundWords {
        html: "une page HTML",
        other_json: "du JSON qui n’est pas un JSON Feed",
        other_xml: "du XML qui n’est ni RSS ni Atom",
        nothing: "une réponse vide",
        text: "un contenu inconnu",
    },
};

pub static DE: Sentences = Sentences {
    loading: "Die neuesten Nachrichten werden geladen…",
    empty: "Zurzeit gibt es keine Nachrichten.",
    read_more: "Ganzen Artikel lesen",
    close: "Schließen",
    new_tab: "(öffnet in neuem Tab)",
    stale: "Der Feed ist gerade nicht erreichbar; gezeigt wird die Kopie von {age}.",
    http: "Der Feed antwortete mit dem HTTP-Fehler {status}. Bitte die Adresse in data-feed prüfen.",
    cors: "Der Feed von {host} konnte nicht geladen werden: Der Server muss diese Seite per CORS-Header Access-Control-Allow-Origin erlauben, oder er ist nicht erreichbar. Ein in data-proxy angegebenes Feed-Relay kann ihn für diese Seite abrufen.",
    network: "Der Feed ist nicht erreichbar. Bitte Verbindung und die Adresse in data-feed prüfen.",
    relay_unreachable: "Der Feed konnte über das Relay {relay} nicht geladen werden: Es ist nicht erreichbar, oder seine origins erlauben diese Seite nicht. Bitte data-proxy und die Konfiguration des Relays prüfen.",
    relay_refused: "Das Relay {relay} konnte den Feed nicht laden (HTTP {status}): {reason}",
    timeout: "Der Feed hat nicht innerhalb von {seconds} Sekunden geantwortet. Später erneut versuchen.",
    malformed: "Der Feed ist kein gültiges {format}: Er ist abgeschnitten oder fehlerhaft.",
    not_a_feed: "Die Adresse in data-feed lieferte {what}, keinen Feed. Bitte die Adresse eines JSON-Feed-, RSS- oder Atom-Feeds angeben.",
    found: FoundWords {
        html: "eine HTML-Seite",
        other_json: "JSON, aber keinen JSON Feed",
        other_xml: "XML, aber weder RSS noch Atom",
        nothing: "eine leere Antwort",
        text: "unbekannten Inhalt",
    },
};

/// The sentences of `lang`.
pub fn sentences(lang: Lang) -> &'static Sentences {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::De => &DE,
    }
}

/// The sentence an in-place widget shows when its WebAssembly module cannot run. The loader
/// writes it (no WebAssembly runs then), so it is kept out of [`Sentences`], which the module
/// carries; the loader's copy is checked against this one (`tests/surface.rs`).
pub fn unavailable(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The news cannot be shown on this page.",
        Lang::Fr => "Les actualités ne peuvent pas être affichées sur cette page.",
        Lang::De => "Die Nachrichten können auf dieser Seite nicht angezeigt werden.",
    }
}

/// The note shown over a kept copy when the feed cannot be fetched: `age` is already worded
/// by `Intl` ("3 hours ago").
pub fn stale_note(lang: Lang, age: &str) -> String {
    sentences(lang).stale.replace("{age}", age)
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
    let s = sentences(lang);
    match e {
        FeedError::Config(issue) => config_message(issue),
        FeedError::Http { status } => s.http.replace("{status}", &status.to_string()),
        FeedError::Network { cross_origin: true } => s.cors.replace("{host}", host),
        FeedError::Network { .. } => s.network.to_owned(),
        FeedError::Relay { relay, status: None, .. } => s.relay_unreachable.replace("{relay}", relay),
        FeedError::Relay { relay, status: Some(status), reason } => {
            s.relay_refused.replace("{relay}", relay).replace("{status}", &status.to_string()).replace("{reason}", reason)
        }
        FeedError::Timeout { seconds } => s.timeout.replace("{seconds}", &seconds.to_string()),
        FeedError::Malformed { format } => s.malformed.replace("{format}", format),
        FeedError::NotAFeed(found) => {
            let what = match found {
                Found::Html => s.found.html,
                Found::OtherJson => s.found.other_json,
                Found::OtherXml => s.found.other_xml,
                Found::Nothing => s.found.nothing,
                Found::Text => s.found.text,
            };
            s.not_a_feed.replace("{what}", what)
        }
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

    #[test]
    fn a_relay_failure_names_the_relay_and_says_why() {
        let m = error_message(Lang::En, &FeedError::Network { cross_origin: true }, "other.example");
        assert!(m.contains("data-proxy"), "without a relay, the sentence tells of one: {m}");
        let down = FeedError::Relay { relay: "relay.example".into(), status: None, reason: String::new() };
        assert!(error_message(Lang::En, &down, "x").contains("relay at relay.example"));
        let refused =
            FeedError::Relay { relay: "relay.example".into(), status: Some(403), reason: "Not one of the feeds.".into() };
        assert_eq!(
            error_message(Lang::Fr, &refused, "x"),
            "Le relais relay.example n’a pas pu charger le flux (HTTP 403) : Not one of the feeds."
        );
    }

    #[test]
    fn every_placeholder_of_every_language_is_the_englishs() {
        let marks =
            |t: &str| t.match_indices('{').map(|(i, _)| t[i..].split('}').next().unwrap_or("").to_owned()).collect::<Vec<_>>();
        for s in [&FR, &DE] {
            for (en, other) in [
                (EN.stale, s.stale),
                (EN.http, s.http),
                (EN.cors, s.cors),
                (EN.relay_unreachable, s.relay_unreachable),
                (EN.relay_refused, s.relay_refused),
                (EN.timeout, s.timeout),
                (EN.malformed, s.malformed),
                (EN.not_a_feed, s.not_a_feed),
            ] {
                assert_eq!(marks(en), marks(other), "{other}");
            }
        }
    }

    #[test]
    fn sentences_are_filled_in_each_language() {
        assert_eq!(
            error_message(Lang::Fr, &FeedError::Http { status: 503 }, "x"),
            "Le flux a répondu par une erreur HTTP 503. Vérifiez l’adresse indiquée dans data-feed."
        );
        assert!(error_message(Lang::De, &FeedError::NotAFeed(Found::Html), "x").contains("eine HTML-Seite"));
        assert!(!stale_note(Lang::En, "3 hours ago").contains('{'));
    }
}
