//! Which teasers a widget shows: the sections it keeps, newest first, at most `limit`.

use crate::model::Item;
use crate::text::fold;

/// The items to show, newest first. Undated items keep feed order, after dated ones.
/// `sections` are folded names (see `text::fold`); empty keeps every item.
pub fn select<'a>(items: &'a [Item], sections: &[String], limit: usize) -> Vec<&'a Item> {
    let mut kept: Vec<(usize, &Item)> = items.iter().enumerate().filter(|(_, i)| keeps(i, sections)).collect();
    // A feed that repeats an id shows the item once (its first): ids key the teasers.
    kept.sort_unstable_by(|(m, a), (n, b)| a.id.cmp(&b.id).then(m.cmp(n)));
    kept.dedup_by(|(_, later), (_, first)| later.id == first.id);
    // Feed order breaks ties; no date sorts after any date.
    kept.sort_unstable_by_key(|&(n, i)| (core::cmp::Reverse(i.date.unwrap_or(i64::MIN)), n));
    kept.truncate(limit);
    kept.into_iter().map(|(_, i)| i).collect()
}

fn keeps(item: &Item, sections: &[String]) -> bool {
    sections.is_empty() || item.section.as_deref().is_some_and(|s| sections.contains(&fold(s)))
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
}
