//! The public surface has one source of truth, the core's attribute table (`config::ATTRIBUTES`):
//! these tests fail when the config reader, the console sentences, the TypeScript declarations
//! or README's attribute table drift from it.

use news_widget_core::config::{accepted_values, Attribute, Kind, Preset, ATTRIBUTES};
use news_widget_core::i18n::{config_message, unavailable, Lang, LATER};
use news_widget_core::{Config, ConfigIssue};
use std::collections::BTreeSet;

fn read(pairs: &[(&str, &str)]) -> (Config, Vec<ConfigIssue>) {
    Config::from_attributes(|k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| (*v).to_owned()))
}

fn repo_file(path: &str) -> String {
    let full = concat!(env!("CARGO_MANIFEST_DIR"), "/../").to_owned() + path;
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn names() -> BTreeSet<&'static str> {
    ATTRIBUTES.iter().map(|a| a.name).collect()
}

#[test]
fn each_option_is_its_attribute_in_camel_case() {
    for a in ATTRIBUTES {
        let mut camel = String::new();
        let mut upper = false;
        for c in a.name.chars() {
            if c == '-' {
                upper = true;
            } else if upper {
                camel.extend(c.to_uppercase());
                upper = false;
            } else {
                camel.push(c);
            }
        }
        assert_eq!(a.option, camel, "data-{}", a.name);
    }
}

#[test]
fn the_reader_reads_every_attribute_of_the_table_and_no_other() {
    let asked = std::cell::RefCell::new(BTreeSet::new());
    let _ = Config::from_attributes(|k| {
        asked.borrow_mut().insert(k.to_owned());
        None
    });
    let asked: BTreeSet<String> = asked.into_inner();
    assert_eq!(asked, names().into_iter().map(str::to_owned).collect());
}

#[test]
fn each_written_default_is_the_readers_default() {
    let plain = read(&[("feed", "/f.json")]).0;
    for a in ATTRIBUTES {
        let Preset::Value(value) = a.default else { continue };
        let (config, issues) = read(&[("feed", "/f.json"), (a.name, value)]);
        assert!(issues.is_empty(), "data-{}=\"{value}\": {issues:?}", a.name);
        assert_eq!(config, plain, "data-{}=\"{value}\" is what the widget does without it", a.name);
    }
}

#[test]
fn each_choice_is_accepted_and_anything_else_is_reported_with_the_tables_words() {
    for a in ATTRIBUTES {
        let bad = match a.kind {
            Kind::Choice(choices) => {
                for choice in choices {
                    let (_, issues) = read(&[("feed", "/f.json"), (a.name, choice)]);
                    assert!(issues.is_empty(), "data-{}=\"{choice}\" is one of its choices: {issues:?}", a.name);
                }
                "bogus"
            }
            Kind::Flag => "maybe",
            Kind::Number => "lots",
            Kind::LanguageTag => "not a tag!",
            Kind::Url | Kind::List | Kind::Text => continue,
        };
        let (_, issues) = read(&[("feed", "/f.json"), (a.name, bad)]);
        let [issue @ ConfigIssue::Invalid { attribute, .. }] = issues.as_slice() else {
            panic!("data-{}=\"{bad}\": {issues:?}", a.name)
        };
        assert_eq!(*attribute, a.name);
        let sentence = config_message(issue);
        assert!(sentence.contains(a.accepts), "{sentence:?} names what data-{} accepts", a.name);
        if let Preset::Value(default) = a.default {
            assert!(sentence.contains(&format!("(default {default})")), "{sentence:?}");
        }
        assert_eq!(accepted_values(a.name).split(" (default").next(), Some(a.accepts));
    }
}

/// The TypeScript type an option must have, for its kind.
fn typescript(a: &Attribute) -> String {
    match a.kind {
        Kind::Url | Kind::LanguageTag | Kind::Text => "string".to_owned(),
        Kind::Number => "number | string".to_owned(),
        Kind::Flag => "boolean | \"true\" | \"false\"".to_owned(),
        Kind::List => "string[] | string".to_owned(),
        Kind::Choice(choices) => choices.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(" | "),
    }
}

#[test]
fn the_typescript_options_are_the_table() {
    let dts = repo_file("loader/news-widget.d.ts");
    let start = dts.find("export interface NewsWidgetOptions {").expect("NewsWidgetOptions in the declarations");
    let block = &dts[start..start + dts[start..].find("\n}").expect("the interface ends")];
    let declared: Vec<(String, String)> = block
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let (name, ty) = l.strip_suffix(';')?.split_once(": ")?;
            Some((name.trim_end_matches('?').to_owned(), ty.to_owned()))
        })
        .collect();
    let options: Vec<&str> = ATTRIBUTES.iter().map(|a| a.option).collect();
    assert_eq!(declared.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), options, "the options, in the table's order");
    for (a, (name, ty)) in ATTRIBUTES.iter().zip(&declared) {
        assert_eq!(*ty, typescript(a), "{name}");
        let required = a.default == Preset::Required;
        assert_eq!(block.contains(&format!("  {name}: ")), required, "{name} is required exactly when the table says so");
    }
}

#[test]
fn readmes_attribute_table_is_the_table() {
    let readme = repo_file("README.md");
    let rows: Vec<(&str, &str)> = readme
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.strip_prefix("| `data-")?.split(" | ").collect();
            let name = cells.first()?.strip_suffix('`')?;
            Some((name, cells.last()?.trim_end_matches(" |").trim_end_matches('|').trim()))
        })
        .collect();
    let listed: BTreeSet<&str> = rows.iter().map(|(n, _)| *n).collect();
    assert_eq!(listed, names(), "README lists exactly the table's attributes");
    for (name, default) in rows {
        let a = ATTRIBUTES.iter().find(|a| a.name == name).expect("listed above");
        match a.default {
            Preset::Required => assert_eq!(default, "required", "data-{name}"),
            Preset::Value(v) => assert_eq!(default, format!("`{v}`"), "data-{name}"),
            Preset::Described(_) => assert!(!default.is_empty(), "data-{name}"),
        }
    }
}

#[test]
fn the_loaders_sentence_for_a_module_that_cannot_run_is_the_cores() {
    let loader = repo_file("loader/news-widget.js");
    let start = loader.find("var UNAVAILABLE = {").expect("the loader's table of sentences");
    let table = &loader[start..start + loader[start..].find("};").expect("the table ends")];
    for (lang, code) in Lang::ALL {
        assert!(table.contains(&format!("{code}: \"{}\"", unavailable(lang))), "{code} in {table}");
    }
    assert_eq!(table.matches(": \"").count(), Lang::ALL.len(), "one sentence per language of the core");
}

#[test]
fn the_loader_fetches_the_words_part_for_the_languages_in_it() {
    let loader = repo_file("loader/news-widget.js");
    const LIST: &str = "var LATER_WORDS = /^(";
    let start = loader.find(LIST).expect("the loader's list of the words part's languages") + LIST.len();
    let listed: BTreeSet<&str> = loader[start..start + loader[start..].find(")$/").expect("the list ends")].split('|').collect();
    let code = |lang: Lang| Lang::ALL.iter().find(|(l, _)| *l == lang).map(|(_, c)| *c).expect("every language has a code");
    let later: BTreeSet<&str> = LATER.iter().map(|(lang, _)| code(*lang)).collect();
    assert_eq!(listed, later);
}

/// One row of the configurator's attribute table, as `www/configure/configure.js` writes it.
fn configurator_row(a: &Attribute) -> String {
    let kind = match a.kind {
        Kind::Url => "url",
        Kind::Number => "number",
        Kind::LanguageTag => "language",
        Kind::Choice(_) => "choice",
        Kind::Flag => "flag",
        Kind::List => "list",
        Kind::Text => "text",
    };
    let mut fields = vec![format!("name: {:?}", a.name), format!("kind: {kind:?}")];
    if let Kind::Choice(choices) = a.kind {
        fields.push(format!("choices: [{}]", choices.iter().map(|c| format!("{c:?}")).collect::<Vec<_>>().join(", ")));
    }
    fields.push(format!("accepts: {:?}", a.accepts));
    fields.push(match a.default {
        Preset::Required => "required: true".to_owned(),
        Preset::Value(v) => format!("default: {v:?}"),
        Preset::Described(d) => format!("described: {d:?}"),
    });
    format!("  {{ {} }},", fields.join(", "))
}

#[test]
fn the_configurators_controls_are_the_table() {
    let js = repo_file("www/configure/configure.js");
    let start = js.find("const ATTRIBUTES = [\n").expect("the configurator's table") + "const ATTRIBUTES = [\n".len();
    let table = &js[start..start + js[start..].find("\n];").expect("the table ends")];
    let expected = ATTRIBUTES.iter().map(configurator_row).collect::<Vec<_>>().join("\n");
    assert_eq!(table, expected, "www/configure/configure.js's ATTRIBUTES should read:\n{expected}");
}
