//! Every sentence the widget writes, in English, French, German, Spanish, Italian,
//! Portuguese, Dutch and Arabic (one [`Sentences`] each); other languages fall back to
//! English. The words are the ones news sites in each language use ("Lire l’article complet",
//! "Leer más", "Lees verder": read, close, more, new). Dates are not here: `Intl` words them in any language.

use crate::config::{accepted_values, ConfigIssue};
use crate::error::{FeedError, Found};

/// The languages the widget's own sentences are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    De,
    Es,
    It,
    Pt,
    Nl,
    Ar,
}

impl Lang {
    /// Every language the widget writes, with its primary subtag.
    pub const ALL: [(Lang, &'static str); 8] = [
        (Lang::En, "en"),
        (Lang::Fr, "fr"),
        (Lang::De, "de"),
        (Lang::Es, "es"),
        (Lang::It, "it"),
        (Lang::Pt, "pt"),
        (Lang::Nl, "nl"),
        (Lang::Ar, "ar"),
    ];

    /// The language for a BCP 47 tag: `fr-CA` is French, `ru` falls back to English.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Lang::ALL.iter().find(|(_, code)| *code == primary).map_or(Lang::En, |(lang, _)| *lang)
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
    /// The button under the list that shows more teasers.
    pub more: &'static str,
    /// The link to the publisher's news page.
    pub all: &'static str,
    /// On a teaser published since the reader's previous visit.
    pub fresh: &'static str,
    /// The button over the list when a refresh brought stories, by `Intl.PluralRules` category
    /// (`other` is required; the others where the language has them); `{n}`: the count.
    pub updates: &'static [(&'static str, &'static str)],
    /// What an in-place widget says when its module cannot run (the loader's copy, see [`unavailable`]).
    pub unavailable: &'static str,
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
    more: "More news",
    all: "All news",
    fresh: "New",
    updates: &[("one", "{n} new story"), ("other", "{n} new stories")],
    unavailable: "The news cannot be shown on this page.",
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
    more: "Plus d’actualités",
    all: "Toutes les actualités",
    fresh: "Nouveau",
    updates: &[("one", "{n} nouvel article"), ("other", "{n} nouveaux articles")],
    unavailable: "Les actualités ne peuvent pas être affichées sur cette page.",
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
    more: "Weitere Nachrichten",
    all: "Alle Nachrichten",
    fresh: "Neu",
    updates: &[("one", "{n} neuer Artikel"), ("other", "{n} neue Artikel")],
    unavailable: "Die Nachrichten können auf dieser Seite nicht angezeigt werden.",
};

pub static ES: Sentences = Sentences {
    loading: "Cargando las últimas noticias…",
    empty: "No hay noticias que mostrar por ahora.",
    read_more: "Leer el artículo completo",
    close: "Cerrar",
    new_tab: "(se abre en una pestaña nueva)",
    stale: "No se puede acceder al feed en este momento; se muestra la copia guardada {age}.",
    http: "El feed respondió con el error HTTP {status}. Compruebe la dirección indicada en data-feed.",
    cors: "No se pudo cargar el feed de {host}: ese servidor debe autorizar esta página con la cabecera CORS Access-Control-Allow-Origin, o no está accesible. Un relé de feeds indicado en data-proxy puede obtenerlo para esta página.",
    network: "No se puede acceder al feed. Compruebe la conexión y la dirección indicada en data-feed.",
    relay_unreachable: "No se pudo cargar el feed a través del relé {relay}: no está accesible, o sus origins no incluyen esta página. Compruebe data-proxy y la configuración del relé.",
    relay_refused: "El relé {relay} no pudo cargar el feed (HTTP {status}): {reason}",
    timeout: "El feed no respondió en {seconds} segundos. Inténtelo de nuevo más tarde.",
    malformed: "El feed no es {format} válido: puede estar incompleto o mal formado.",
    not_a_feed: "La dirección de data-feed devolvió {what}, no un feed. Indique la dirección de un feed JSON Feed, RSS o Atom.",
    found: FoundWords {
        html: "una página HTML",
        other_json: "JSON que no es un JSON Feed",
        other_xml: "XML que no es ni RSS ni Atom",
        nothing: "una respuesta vacía",
        text: "un contenido que no es un feed",
    },
    more: "Más noticias",
    all: "Todas las noticias",
    fresh: "Nuevo",
    updates: &[("one", "{n} noticia nueva"), ("other", "{n} noticias nuevas")],
    unavailable: "Las noticias no se pueden mostrar en esta página.",
};

pub static IT: Sentences = Sentences {
    loading: "Caricamento delle ultime notizie…",
    empty: "Nessuna notizia da mostrare al momento.",
    read_more: "Leggi l’articolo completo",
    close: "Chiudi",
    new_tab: "(si apre in una nuova scheda)",
    stale: "Al momento il feed non è raggiungibile; viene mostrata la copia salvata {age}.",
    http: "Il feed ha risposto con l’errore HTTP {status}. Verificare l’indirizzo indicato in data-feed.",
    cors: "Impossibile caricare il feed di {host}: quel server deve autorizzare questa pagina con l’intestazione CORS Access-Control-Allow-Origin, oppure non è raggiungibile. Un relay di feed indicato in data-proxy può recuperarlo per questa pagina.",
    network: "Il feed non è raggiungibile. Verificare la connessione e l’indirizzo indicato in data-feed.",
    relay_unreachable: "Impossibile caricare il feed tramite il relay {relay}: non è raggiungibile, oppure le sue origins non includono questa pagina. Verificare data-proxy e la configurazione del relay.",
    relay_refused: "Il relay {relay} non è riuscito a caricare il feed (HTTP {status}): {reason}",
    timeout: "Il feed non ha risposto entro {seconds} secondi. Riprovare più tardi.",
    malformed: "Il feed non è {format} valido: potrebbe essere troncato o malformato.",
    not_a_feed: "L’indirizzo in data-feed ha restituito {what}, non un feed. Indicare l’indirizzo di un feed JSON Feed, RSS o Atom.",
    found: FoundWords {
        html: "una pagina HTML",
        other_json: "JSON che non è un JSON Feed",
        other_xml: "XML che non è né RSS né Atom",
        nothing: "una risposta vuota",
        text: "un contenuto che non è un feed",
    },
    more: "Altre notizie",
    all: "Tutte le notizie",
    fresh: "Nuovo",
    updates: &[("one", "{n} nuovo articolo"), ("other", "{n} nuovi articoli")],
    unavailable: "Le notizie non possono essere mostrate in questa pagina.",
};

pub static PT: Sentences = Sentences {
    loading: "Carregando as últimas notícias…",
    empty: "Nenhuma notícia para mostrar no momento.",
    read_more: "Ler o artigo completo",
    close: "Fechar",
    new_tab: "(abre em uma nova aba)",
    stale: "Não é possível acessar o feed agora; mostrando a cópia salva {age}.",
    http: "O feed respondeu com o erro HTTP {status}. Verifique o endereço indicado em data-feed.",
    cors: "Não foi possível carregar o feed de {host}: esse servidor deve autorizar esta página com o cabeçalho CORS Access-Control-Allow-Origin, ou não está acessível. Um relay de feeds indicado em data-proxy pode buscá-lo para esta página.",
    network: "Não é possível acessar o feed. Verifique a conexão e o endereço indicado em data-feed.",
    relay_unreachable: "Não foi possível carregar o feed pelo relay {relay}: ele não está acessível, ou suas origins não incluem esta página. Verifique data-proxy e a configuração do relay.",
    relay_refused: "O relay {relay} não conseguiu carregar o feed (HTTP {status}): {reason}",
    timeout: "O feed não respondeu em {seconds} segundos. Tente novamente mais tarde.",
    malformed: "O feed não é um {format} válido: pode estar incompleto ou malformado.",
    not_a_feed: "O endereço em data-feed retornou {what}, não um feed. Indique o endereço de um feed JSON Feed, RSS ou Atom.",
    found: FoundWords {
        html: "uma página HTML",
        other_json: "JSON que não é um JSON Feed",
        other_xml: "XML que não é RSS nem Atom",
        nothing: "uma resposta vazia",
        text: "um conteúdo que não é um feed",
    },
    more: "Mais notícias",
    all: "Todas as notícias",
    fresh: "Novo",
    updates: &[("one", "{n} notícia nova"), ("other", "{n} notícias novas")],
    unavailable: "As notícias não podem ser exibidas nesta página.",
};

pub static NL: Sentences = Sentences {
    loading: "Het laatste nieuws wordt geladen…",
    empty: "Er is op dit moment geen nieuws.",
    read_more: "Lees het hele artikel",
    close: "Sluiten",
    new_tab: "(opent in een nieuw tabblad)",
    stale: "De feed is nu niet bereikbaar; dit is de kopie van {age}.",
    http: "De feed antwoordde met HTTP-fout {status}. Controleer het adres in data-feed.",
    cors: "De feed van {host} kon niet worden geladen: die server moet deze pagina toestaan met de CORS-header Access-Control-Allow-Origin, of is niet bereikbaar. Een feed-relay in data-proxy kan hem voor deze pagina ophalen.",
    network: "De feed is niet bereikbaar. Controleer de verbinding en het adres in data-feed.",
    relay_unreachable: "De feed kon niet worden geladen via de relay {relay}: die is niet bereikbaar, of de origins ervan staan deze pagina niet toe. Controleer data-proxy en de configuratie van de relay.",
    relay_refused: "De relay {relay} kon de feed niet laden (HTTP {status}): {reason}",
    timeout: "De feed antwoordde niet binnen {seconds} seconden. Probeer het later opnieuw.",
    malformed: "De feed is geen geldige {format}: hij is mogelijk afgebroken of onjuist opgemaakt.",
    not_a_feed: "Het adres in data-feed gaf {what}, geen feed. Geef het adres van een JSON Feed-, RSS- of Atom-feed op.",
    found: FoundWords {
        html: "een HTML-pagina",
        other_json: "JSON die geen JSON Feed is",
        other_xml: "XML die geen RSS of Atom is",
        nothing: "een leeg antwoord",
        text: "iets wat geen feed is",
    },
    more: "Meer nieuws",
    all: "Al het nieuws",
    fresh: "Nieuw",
    updates: &[("one", "{n} nieuw artikel"), ("other", "{n} nieuwe artikelen")],
    unavailable: "Het nieuws kan op deze pagina niet worden getoond.",
};

pub static AR: Sentences = Sentences {
    loading: "جارٍ تحميل آخر الأخبار…",
    empty: "لا توجد أخبار لعرضها حاليًا.",
    read_more: "اقرأ المقال كاملًا",
    close: "إغلاق",
    new_tab: "(يُفتح في علامة تبويب جديدة)",
    stale: "تعذّر الوصول إلى الخلاصة حاليًا؛ تُعرض النسخة المحفوظة {age}.",
    http: "ردّت الخلاصة بالخطأ HTTP {status}. تحقّق من العنوان في data-feed.",
    cors: "تعذّر تحميل الخلاصة من {host}: يجب أن يسمح ذلك الخادم لهذه الصفحة بترويسة CORS المسماة Access-Control-Allow-Origin، أو أنه غير متاح. يمكن لمُرحِّل خلاصات محدد في data-proxy جلبها لهذه الصفحة.",
    network: "تعذّر الوصول إلى الخلاصة. تحقّق من الاتصال ومن العنوان في data-feed.",
    relay_unreachable: "تعذّر تحميل الخلاصة عبر المُرحِّل {relay}: لا يمكن الوصول إليه، أو أن قائمة origins الخاصة به لا تتضمن هذه الصفحة. تحقّق من data-proxy ومن إعدادات المُرحِّل.",
    relay_refused: "تعذّر على المُرحِّل {relay} تحميل الخلاصة (HTTP {status}): {reason}",
    timeout: "لم تردّ الخلاصة خلال {seconds} ثانية. حاول مرة أخرى لاحقًا.",
    malformed: "الخلاصة ليست {format} صالحًا: ربما تكون مقطوعة أو تالفة.",
    not_a_feed: "أعاد العنوان في data-feed {what}، وليس خلاصة. وجّه data-feed إلى خلاصة JSON Feed أو RSS أو Atom.",
    found: FoundWords {
        html: "صفحة HTML",
        other_json: "بيانات JSON ليست JSON Feed",
        other_xml: "بيانات XML ليست RSS ولا Atom",
        nothing: "ردًّا فارغًا",
        text: "محتوى ليس خلاصة",
    },
    more: "المزيد من الأخبار",
    all: "كل الأخبار",
    fresh: "جديد",
    updates: &[
        ("zero", "لا مقالات جديدة"),
        ("one", "مقال جديد واحد"),
        ("two", "مقالان جديدان"),
        ("few", "{n} مقالات جديدة"),
        ("many", "{n} مقالًا جديدًا"),
        ("other", "{n} مقال جديد"),
    ],
    unavailable: "لا يمكن عرض الأخبار في هذه الصفحة.",
};

/// The sentences of `lang`.
pub fn sentences(lang: Lang) -> &'static Sentences {
    first_sentences(lang).unwrap_or_else(|| later_sentences(lang))
}

/// The sentences the module's first part carries: English's, every other language's fallback.
/// The widget takes each other language's from a later part of its own ([`LATER`]), so a page
/// pays only for its own language.
pub fn first_sentences(lang: Lang) -> Option<&'static Sentences> {
    match lang {
        Lang::En => Some(&EN),
        _ => None,
    }
}

/// The sentences of the languages [`first_sentences`] does not carry, each a part of the module.
pub static LATER: [(Lang, &Sentences); 7] =
    [(Lang::Fr, &FR), (Lang::De, &DE), (Lang::Es, &ES), (Lang::It, &IT), (Lang::Pt, &PT), (Lang::Nl, &NL), (Lang::Ar, &AR)];

/// The sentences of a language [`first_sentences`] does not carry (English for those it does).
pub fn later_sentences(lang: Lang) -> &'static Sentences {
    LATER.iter().find(|(l, _)| *l == lang).map_or(&EN, |(_, s)| *s)
}

/// The sentence an in-place widget shows when its WebAssembly module cannot run. The loader
/// writes it (no WebAssembly runs then), so it is kept out of [`Sentences`], which the module
/// carries; the loader's copy is checked against this one (`tests/surface.rs`).
pub fn unavailable(lang: Lang) -> &'static str {
    sentences(lang).unavailable
}

/// The updates button's words for `n` stories, given `n`'s plural category in the language
/// (`Intl.PluralRules`): "3 nouveaux articles".
pub fn updates(s: &Sentences, category: &str, n: usize) -> String {
    let forms = s.updates;
    let form = forms.iter().find(|(c, _)| *c == category).or_else(|| forms.iter().find(|(c, _)| *c == "other"));
    form.map_or("{n}", |(_, text)| text).replace("{n}", &n.to_string())
}

/// The note shown over a kept copy when the feed cannot be fetched: `age` is already worded
/// by `Intl` ("3 hours ago").
pub fn stale_note(s: &Sentences, age: &str) -> String {
    s.stale.replace("{age}", age)
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
pub fn error_message(s: &Sentences, e: &FeedError, host: &str) -> String {
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
        FeedError::Unavailable => s.unavailable.to_owned(),
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
        assert_eq!(Lang::from_tag("pt-BR"), Lang::Pt);
        assert_eq!(Lang::from_tag("AR-eg"), Lang::Ar);
        assert_eq!(Lang::from_tag("ru"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert!(is_rtl("ar-EG") && is_rtl("he") && is_rtl("ur") && !is_rtl("fr"));
    }

    #[test]
    fn each_language_is_in_one_part() {
        for (lang, _) in Lang::ALL {
            let later = LATER.iter().any(|(l, _)| *l == lang);
            assert_ne!(first_sentences(lang).is_some(), later, "{lang:?}");
        }
        assert!(std::ptr::eq(later_sentences(Lang::Ar), &AR) && std::ptr::eq(later_sentences(Lang::En), &EN));
        assert!(std::ptr::eq(sentences(Lang::Es), &ES) && std::ptr::eq(sentences(Lang::Fr), &FR));
    }

    #[test]
    fn config_sentences_name_the_attribute_and_the_accepted_values() {
        let m = config_message(&ConfigIssue::Invalid { attribute: "limit", value: "abc".into() });
        assert!(m.contains("data-limit") && m.contains("1 to 50"), "{m}");
        assert!(config_message(&ConfigIssue::MissingFeed).contains("data-feed"));
    }

    #[test]
    fn a_cors_failure_names_cors() {
        let m = error_message(sentences(Lang::En), &FeedError::Network { cross_origin: true }, "other.example");
        assert!(m.contains("CORS") && m.contains("other.example"), "{m}");
    }

    #[test]
    fn a_relay_failure_names_the_relay_and_says_why() {
        let m = error_message(sentences(Lang::En), &FeedError::Network { cross_origin: true }, "other.example");
        assert!(m.contains("data-proxy"), "without a relay, the sentence tells of one: {m}");
        let down = FeedError::Relay { relay: "relay.example".into(), status: None, reason: String::new() };
        assert!(error_message(sentences(Lang::En), &down, "x").contains("relay at relay.example"));
        let refused =
            FeedError::Relay { relay: "relay.example".into(), status: Some(403), reason: "Not one of the feeds.".into() };
        assert_eq!(
            error_message(sentences(Lang::Fr), &refused, "x"),
            "Le relais relay.example n’a pas pu charger le flux (HTTP 403) : Not one of the feeds."
        );
    }

    #[test]
    fn every_placeholder_of_every_language_is_the_englishs() {
        let marks =
            |t: &str| t.match_indices('{').map(|(i, _)| t[i..].split('}').next().unwrap_or("").to_owned()).collect::<Vec<_>>();
        for s in [&FR, &DE, &ES, &IT, &PT, &NL, &AR] {
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
            error_message(sentences(Lang::Fr), &FeedError::Http { status: 503 }, "x"),
            "Le flux a répondu par une erreur HTTP 503. Vérifiez l’adresse indiquée dans data-feed."
        );
        assert!(error_message(sentences(Lang::De), &FeedError::NotAFeed(Found::Html), "x").contains("eine HTML-Seite"));
        assert!(!stale_note(sentences(Lang::En), "3 hours ago").contains('{'));
    }

    #[test]
    fn updates_are_worded_by_plural_category() {
        assert_eq!(updates(sentences(Lang::Fr), "one", 1), "1 nouvel article");
        assert_eq!(updates(sentences(Lang::Fr), "other", 3), "3 nouveaux articles");
        assert_eq!(updates(sentences(Lang::Fr), "many", 1_000_000), "1000000 nouveaux articles", "a missing form is `other`");
        assert_eq!(updates(sentences(Lang::Ar), "two", 2), "مقالان جديدان");
        for (lang, _) in Lang::ALL {
            let s = sentences(lang);
            assert!(s.updates.iter().any(|(c, t)| *c == "other" && t.contains("{n}")), "{lang:?}");
            for text in [s.loading, s.empty, s.read_more, s.close, s.more, s.all, s.fresh, s.unavailable] {
                assert!(!text.trim().is_empty() && !text.contains('{'), "{lang:?}: {text:?}");
            }
        }
    }
}
