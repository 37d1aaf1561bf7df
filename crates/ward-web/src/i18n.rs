//! Interface translations (Fluent message files in `locales/`, compiled into the binary), language choice, and
//! how dates are shown.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};
use ward_core::org::Language;
use ward_core::time::Timestamp;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static IDS: LazyLock<[(Language, LanguageIdentifier); 3]> = LazyLock::new(|| {
    [
        (Language::En, fluent_templates::langid!("en")),
        (Language::Nl, fluent_templates::langid!("nl")),
        (Language::Fr, fluent_templates::langid!("fr")),
    ]
});

/// The name of the cookie that remembers the interface language of someone not signed in.
pub const LANG_COOKIE: &str = "ward_lang";

/// Translations in one interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr {
    lang: Language,
}

impl Tr {
    /// Translations for `lang`, or English when the interface does not speak it.
    #[must_use]
    pub fn new(lang: Language) -> Self {
        Self {
            lang: if lang.is_interface_language() {
                lang
            } else {
                Language::En
            },
        }
    }

    /// The language.
    #[must_use]
    pub const fn language(&self) -> Language {
        self.lang
    }

    /// The language code, for `<html lang>`.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.lang.code()
    }

    fn id(&self) -> &'static LanguageIdentifier {
        let ids: &'static [(Language, LanguageIdentifier); 3] = &IDS;
        ids.iter()
            .find(|(l, _)| *l == self.lang)
            .map_or(&ids[0].1, |(_, id)| id)
    }

    /// The message for `key`; the key itself when it is missing (a test keeps that from happening).
    #[must_use]
    pub fn get(&self, key: &str) -> String {
        LOCALES
            .try_lookup(self.id(), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message for `key` with named arguments.
    #[must_use]
    pub fn with(&self, key: &str, args: &[(&'static str, String)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        LOCALES
            .try_lookup_with_args(self.id(), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message for `key` with one argument.
    #[must_use]
    pub fn with1(&self, key: &str, name: &'static str, value: impl ToString) -> String {
        self.with(key, &[(name, value.to_string())])
    }

    /// A message that varies with a number (`{ $count -> [one] … *[other] … }`).
    #[must_use]
    pub fn count(&self, key: &str, n: impl Count) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> =
            [(Cow::Borrowed("count"), FluentValue::from(n.number()))].into();
        LOCALES
            .try_lookup_with_args(self.id(), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }

    /// A date and time as people in Belgium read it: `2026-11-29 22:18` in Europe/Brussels time.
    #[must_use]
    pub fn datetime(&self, at: &Timestamp) -> String {
        brussels(at).map_or_else(
            || at.to_fixed_string(),
            |z| z.strftime("%Y-%m-%d %H:%M").to_string(),
        )
    }

    /// An optional date and time, or a dash.
    #[must_use]
    pub fn datetime_opt(&self, at: &Option<Timestamp>) -> String {
        at.as_ref()
            .map_or_else(|| "—".to_owned(), |t| self.datetime(t))
    }
}

/// A number a plural message can take (templates hand over values and references alike).
pub trait Count {
    /// The number.
    fn number(self) -> i64;
}

impl Count for i64 {
    fn number(self) -> i64 {
        self
    }
}

impl Count for &i64 {
    fn number(self) -> i64 {
        *self
    }
}

impl Count for i32 {
    fn number(self) -> i64 {
        i64::from(self)
    }
}

impl Count for usize {
    fn number(self) -> i64 {
        i64::try_from(self).unwrap_or(i64::MAX)
    }
}

fn brussels(at: &Timestamp) -> Option<jiff::ZonedDateTime> {
    let tz = jiff::tz::db().get("Europe/Brussels").ok()?;
    let ts = jiff::Timestamp::from_second(at.unix_seconds()).ok()?;
    Some(ts.to_zoned_datetime(tz))
}

/// The first interface language in an `Accept-Language` header, by preference.
#[must_use]
pub fn from_accept_language(header: &str) -> Option<Language> {
    let mut choices: Vec<(f32, Language)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let primary = tag.split('-').next()?.to_ascii_lowercase();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let lang = Language::from_code(&primary).filter(|l| l.is_interface_language())?;
            Some((q, lang))
        })
        .collect();
    choices.sort_by(|a, b| b.0.total_cmp(&a.0));
    choices.first().map(|(_, l)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: &str) -> BTreeSet<String> {
        let path = format!("{}/locales/{lang}/ward.ftl", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        text.lines()
            .filter(|l| !l.starts_with(' ') && !l.starts_with('#') && !l.starts_with('-'))
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_owned()))
            .filter(|k| !k.is_empty())
            .collect()
    }

    #[test]
    fn every_language_has_every_message() {
        let en = keys("en");
        assert!(en.len() > 50, "the English file looks empty");
        for lang in ["nl", "fr"] {
            let other = keys(lang);
            let missing: Vec<_> = en.difference(&other).collect();
            let extra: Vec<_> = other.difference(&en).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has unknown {extra:?}");
        }
    }

    #[test]
    fn every_message_used_in_templates_and_code_exists() {
        let en = keys("en");
        let mut used = BTreeSet::new();
        let dirs = ["templates", "src", "src/ui", "src/api", "src/auth"];
        for dir in dirs {
            let path = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
            for entry in std::fs::read_dir(path).unwrap() {
                let entry = entry.unwrap();
                if !entry.file_type().unwrap().is_file() {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).unwrap();
                for pattern in ["t.get(\"", "t.with(\"", "t.with1(\"", "t.count(\""] {
                    for piece in text.split(pattern).skip(1) {
                        if let Some(key) = piece.split('"').next() {
                            used.insert(key.to_owned());
                        }
                    }
                }
            }
        }
        let missing: Vec<_> = used.iter().filter(|k| !en.contains(*k)).collect();
        assert!(
            missing.is_empty(),
            "messages used but not defined: {missing:?}"
        );
    }

    #[test]
    fn accept_language_picks_the_preferred_interface_language() {
        assert_eq!(
            from_accept_language("fr-BE,fr;q=0.9,en;q=0.8"),
            Some(Language::Fr)
        );
        assert_eq!(from_accept_language("de-DE,nl;q=0.5"), Some(Language::Nl));
        assert_eq!(from_accept_language("de"), None);
        assert_eq!(
            from_accept_language("en;q=0.2, nl-BE;q=0.9"),
            Some(Language::Nl)
        );
    }

    #[test]
    fn messages_translate() {
        assert_eq!(Tr::new(Language::Nl).get("nav-home"), "Overzicht");
        assert_eq!(Tr::new(Language::Fr).get("nav-home"), "Accueil");
        assert_eq!(Tr::new(Language::De).code(), "en");
    }

    #[test]
    fn plurals_follow_the_number() {
        let en = Tr::new(Language::En);
        assert_eq!(en.count("audience-people-n", 1), "1 person");
        assert_eq!(en.count("audience-people-n", 3), "3 people");
        assert_eq!(Tr::new(Language::Fr).count("days-n", 1), "1 jour");
    }

    #[test]
    fn times_are_shown_in_brussels() {
        let t = Timestamp::parse_rfc3339("2026-07-01T10:00:00Z").unwrap();
        assert_eq!(Tr::new(Language::En).datetime(&t), "2026-07-01 12:00");
        let w = Timestamp::parse_rfc3339("2026-01-01T10:00:00Z").unwrap();
        assert_eq!(Tr::new(Language::En).datetime(&w), "2026-01-01 11:00");
    }
}
