//! Which teasers a widget shows: the sections, keywords and ages it keeps, each story once,
//! newest first.

use crate::model::{Item, Timestamp};
use crate::text::fold;
use crate::words::{contains_word, fold_words};

/// What a widget keeps of its feeds (`data-sections`, `data-exclude-sections`,
/// `data-keywords`, `data-exclude-keywords`, `data-max-age`). Names and words are folded.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filters<'a> {
    pub sections: &'a [String],
    pub exclude_sections: &'a [String],
    pub keywords: &'a [String],
    pub exclude_keywords: &'a [String],
    /// Items dated before this are dropped; undated ones stay.
    pub since: Option<Timestamp>,
}

impl Filters<'_> {
    fn keeps(&self, item: &Item) -> bool {
        let section = item.section.as_deref().map(fold);
        let in_sections = |names: &[String]| section.as_ref().is_some_and(|s| names.contains(s));
        if (!self.sections.is_empty() && !in_sections(self.sections)) || in_sections(self.exclude_sections) {
            return false;
        }
        if self.since.is_some_and(|since| item.date.is_some_and(|d| d < since)) {
            return false;
        }
        if self.keywords.is_empty() && self.exclude_keywords.is_empty() {
            return true;
        }
        let text = fold_words(&format!("{} {}", item.headline, item.standfirst.as_deref().unwrap_or_default()));
        let any = |words: &[String]| words.iter().any(|w| contains_word(&text, w));
        (self.keywords.is_empty() || any(self.keywords)) && !any(self.exclude_keywords)
    }
}

/// Every item of `feeds` that `filters` keep, with the index of its feed, newest first, each
/// story once: a repeated id, or a link that differs only in scheme, trailing slash or `utm_*`
/// parameters, shows the first of its copies (in the order of `feeds`). Undated items keep
/// feed order, after dated ones.
pub fn choose<'a>(feeds: &[&'a [Item]], filters: &Filters) -> Vec<(usize, &'a Item)> {
    let all = feeds.iter().enumerate().flat_map(|(f, items)| items.iter().map(move |i| (f, i)));
    let mut kept: Vec<(usize, (usize, &Item))> = all.enumerate().filter(|(_, (_, i))| filters.keeps(i)).collect();
    // A feed that repeats an id shows the item once (its first): ids key the teasers.
    kept.sort_unstable_by(|(m, (_, a)), (n, (_, b))| a.id.cmp(&b.id).then(m.cmp(n)));
    kept.dedup_by(|(_, (_, later)), (_, (_, first))| later.id == first.id);
    // Two feeds sharing a story: the same link, written a little differently.
    let mut keyed: Vec<(Option<String>, usize, (usize, &Item))> =
        kept.into_iter().map(|(n, i)| (i.1.link.as_deref().map(link_key), n, i)).collect();
    keyed.sort_unstable_by(|(a, m, _), (b, n, _)| a.cmp(b).then(m.cmp(n)));
    keyed.dedup_by(|(later, ..), (first, ..)| later.is_some() && later == first);
    // Feed order breaks ties; no date sorts after any date.
    keyed.sort_unstable_by_key(|&(_, n, (_, i))| (core::cmp::Reverse(i.date.unwrap_or(i64::MIN)), n));
    keyed.into_iter().map(|(_, _, i)| i).collect()
}

/// The items to show, newest first, at most `limit`. `sections` are folded names (see
/// `text::fold`); empty keeps every item.
pub fn select<'a>(items: &'a [Item], sections: &[String], limit: usize) -> Vec<&'a Item> {
    let mut chosen = choose(&[items], &Filters { sections, ..Filters::default() });
    chosen.truncate(limit);
    chosen.into_iter().map(|(_, i)| i).collect()
}

/// A link as two feeds of one publisher may write it: no scheme, no fragment, no trailing
/// slash, no `utm_*` parameter, the host in lower case.
pub fn link_key(link: &str) -> String {
    let rest = link.trim();
    let rest = rest.split_once("://").map_or(rest, |(_, r)| r);
    let rest = rest.split('#').next().unwrap_or_default();
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = path.split_once('/').unwrap_or((path, ""));
    let mut key = host.to_ascii_lowercase();
    key.push('/');
    key.push_str(path.trim_end_matches('/'));
    let mut separator = '?';
    for parameter in query.split('&').filter(|p| !p.is_empty() && !p.starts_with("utm_")) {
        key.push(separator);
        key.push_str(parameter);
        separator = '&';
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, date: Option<i64>, section: Option<&str>) -> Item {
        Item {
            id: id.into(),
            headline: id.into(),
            section: section.map(Into::into),
            date,
            standfirst: None,
            body: None,
            link: None,
            image: None,
        }
    }

    #[test]
    fn newest_first_and_undated_last_in_feed_order() {
        let items = [item("u1", None, None), item("old", Some(1), None), item("u2", None, None), item("new", Some(9), None)];
        let ids: Vec<_> = select(&items, &[], 10).iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["new", "old", "u1", "u2"]);
    }

    #[test]
    fn repeated_ids_show_once() {
        let items = [item("a", Some(1), None), item("a", Some(2), None)];
        assert_eq!(select(&items, &[], 10).len(), 1);
    }

    #[test]
    fn sections_match_without_case_or_accents_and_limit_applies() {
        let items =
            [item("a", Some(3), Some("Économie")), item("b", Some(2), Some("Sport")), item("c", Some(1), Some("ECONOMIE"))];
        let ids: Vec<_> = select(&items, &["economie".into()], 1).iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a"]);
        assert_eq!(select(&items, &["economie".into()], 5).len(), 2);
    }

    #[test]
    fn a_story_two_feeds_share_shows_once() {
        let mut a = item("a", Some(2), None);
        a.link = Some("https://news.example/story/?utm_source=x&id=3#top".into());
        let mut b = item("b", Some(3), None);
        b.link = Some("http://NEWS.example/story?id=3&utm_medium=y".into());
        let mut c = item("c", Some(1), None);
        c.link = Some("https://news.example/story?id=4".into());
        let (first, second) = ([a, c], [b]);
        let chosen = choose(&[&first, &second], &Filters::default());
        let ids: Vec<_> = chosen.iter().map(|(f, i)| (*f, i.id.as_str())).collect();
        assert_eq!(ids, [(0, "a"), (0, "c")], "the first feed's copy stays");
    }

    #[test]
    fn exclusions_keywords_and_ages() {
        let mut items = [
            item("a", Some(100), Some("Sport")),
            item("b", Some(90), Some("Économie")),
            item("c", Some(10), Some("Culture")),
            item("d", None, Some("Culture")),
        ];
        items[0].headline = "Le Tour de France".into();
        items[1].headline = "La Bourse".into();
        items[1].standfirst = Some("Le tour des marchés".into());
        items[2].headline = "Tour Eiffel".into();
        let ids = |f: &Filters| choose(&[&items], f).iter().map(|(_, i)| i.id.clone()).collect::<Vec<_>>();
        let economy = ["economie".to_owned()];
        assert_eq!(ids(&Filters { exclude_sections: &economy, ..Filters::default() }), ["a", "c", "d"]);
        let tour = ["tour".to_owned()];
        assert_eq!(ids(&Filters { keywords: &tour, ..Filters::default() }), ["a", "b", "c"], "headline or summary");
        assert_eq!(ids(&Filters { exclude_keywords: &tour, ..Filters::default() }), ["d"]);
        assert_eq!(ids(&Filters { since: Some(50), ..Filters::default() }), ["a", "b", "d"], "undated items stay");
    }
}
