//! The search request both the UI and the API accept, and running it under the access policy.

use serde::{Deserialize, Serialize};
use time::Duration;
use ward_core::ValidationError;
use ward_core::error::collect;
use ward_core::item::{ItemKind, Topic};
use ward_core::org::Language;
use ward_core::search::{Piece, SearchText, snippet};
use ward_core::time::Timestamp;
use ward_core::tlp::Tlp;
use ward_core::viewer::Viewer;
use ward_store::search::{self, Hit, SearchFilter};

use crate::error::AppResult;
use crate::state::AppState;

/// How long a snippet is, in characters.
const SNIPPET_CHARS: usize = 220;
/// The most results on one page.
pub const MAX_LIMIT: u32 = 50;

/// A search as submitted: the words and the filters, as text.
#[derive(Debug, Default, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The words to look for (all must match, each as a word prefix; accents and case do not matter).
    #[serde(default)]
    pub q: String,
    /// Only this kind of item: `announcement` or `article`.
    #[serde(default)]
    pub kind: Option<String>,
    /// Only items with this topic: `supply_chain`, `policy`, `technical`, `ai`, `other`.
    #[serde(default)]
    pub topic: Option<String>,
    /// Only this TLP label, e.g. `AMBER`.
    #[serde(default)]
    pub tlp: Option<String>,
    /// Only this content language: `en`, `nl`, `fr`, `de`.
    #[serde(default)]
    pub language: Option<String>,
    /// Changed on or after this day (`YYYY-MM-DD`, UTC).
    #[serde(default)]
    pub from: Option<String>,
    /// Changed on or before this day (`YYYY-MM-DD`, UTC).
    #[serde(default)]
    pub until: Option<String>,
    /// Results per page, 1–50 (default 20).
    #[serde(default)]
    pub limit: Option<u32>,
    /// Results to skip (default 0, at most 200).
    #[serde(default)]
    pub offset: Option<u32>,
}

/// A checked search.
#[derive(Debug, Clone)]
pub struct Search {
    /// The words.
    pub text: SearchText,
    /// The filters.
    pub filter: SearchFilter,
    /// Page size.
    pub limit: u32,
    /// Results skipped.
    pub offset: u32,
}

/// An empty filter value (an unselected `<select>`) means no filter.
fn given(value: Option<&String>) -> Option<&str> {
    value.map(|v| v.trim()).filter(|v| !v.is_empty())
}

impl SearchParams {
    /// Checks every field, reporting all problems at once.
    ///
    /// # Errors
    /// Lists each field that is not acceptable.
    pub fn parse(&self) -> Result<Search, ValidationError> {
        let mut errors = ValidationError::default();
        let text = match SearchText::parse(&self.q) {
            Ok(t) => Some(t),
            Err(e) => {
                errors.errors.extend(e.errors);
                None
            }
        };
        let kind = given(self.kind.as_ref())
            .and_then(|k| collect(&mut errors, "kind", k.parse::<ItemKind>()));
        let topic = given(self.topic.as_ref())
            .and_then(|k| collect(&mut errors, "topic", k.parse::<Topic>()));
        let tlp =
            given(self.tlp.as_ref()).and_then(|k| collect(&mut errors, "tlp", k.parse::<Tlp>()));
        let language = given(self.language.as_ref())
            .and_then(|k| collect(&mut errors, "language", k.parse::<Language>()));
        let from = given(self.from.as_ref()).and_then(|d| {
            collect(
                &mut errors,
                "from",
                Timestamp::start_of_day(d).map_err(|_| "a day as YYYY-MM-DD"),
            )
        });
        let until = given(self.until.as_ref()).and_then(|d| {
            collect(
                &mut errors,
                "until",
                Timestamp::start_of_day(d)
                    .map(|t| t.plus(Duration::days(1)))
                    .map_err(|_| "a day as YYYY-MM-DD"),
            )
        });
        let limit = self.limit.unwrap_or(20);
        if !(1..=MAX_LIMIT).contains(&limit) {
            errors.push("limit", format!("between 1 and {MAX_LIMIT}"));
        }
        let offset = self.offset.unwrap_or(0);
        if offset > 200 {
            errors.push("offset", "at most 200; narrow the search instead");
        }
        match text {
            Some(text) if errors.is_empty() => Ok(Search {
                text,
                filter: SearchFilter {
                    kind,
                    topic,
                    tlp,
                    language,
                    from,
                    until,
                },
                limit,
                offset,
            }),
            _ => Err(errors),
        }
    }
}

/// A page of results.
pub struct Found {
    /// Readable matches in all, counted up to 200.
    pub total: i64,
    /// Whether there are more than `total`.
    pub more: bool,
    /// This page, with snippets.
    pub hits: Vec<(Hit, Vec<Piece>)>,
}

/// Runs a search for a viewer.
///
/// # Errors
/// On store errors.
pub async fn run(state: &AppState, viewer: &Viewer, s: &Search) -> AppResult<Found> {
    let mut tx = state.store().read().await?;
    let results = search::query(
        &mut tx,
        viewer,
        &s.text,
        s.filter,
        i64::from(s.limit),
        i64::from(s.offset),
    )
    .await?;
    tx.finish().await?;
    Ok(Found {
        total: results.total,
        more: results.more,
        hits: results
            .hits
            .into_iter()
            .map(|h| {
                let pieces = snippet(&h.text, &s.text, SNIPPET_CHARS);
                (h, pieces)
            })
            .collect(),
    })
}

/// A piece of a snippet in JSON.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SnippetPiece {
    /// The text.
    pub text: String,
    /// Whether it is a matching word (to highlight).
    pub hit: bool,
}

impl From<&Piece> for SnippetPiece {
    fn from(p: &Piece) -> Self {
        Self {
            text: p.text.clone(),
            hit: p.hit,
        }
    }
}
