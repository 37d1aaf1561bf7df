//! The search page: one box over everything the viewer may read, with filters and highlighted snippets.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use ward_core::item::{ItemKind, Topic};
use ward_core::org::Language;
use ward_core::search::{Piece, snippet};
use ward_core::tlp::Tlp;

use crate::auth::session::SignedIn;
use crate::error::AppResult;
use crate::i18n::Tr;
use crate::search::{self, SearchParams};
use crate::state::AppState;
use crate::ui::layout::{Errors, Layout, page};
use crate::ui::org::{Choice, choices};
use crate::ui::view::{TlpBadge, contributor_words};

struct ResultRow {
    href: String,
    title: Vec<Piece>,
    kind: String,
    tlp: TlpBadge,
    contributor: String,
    when: String,
    snippet: Vec<Piece>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    layout: Layout,
    params: SearchParams,
    kinds: Vec<Choice>,
    topics: Vec<Choice>,
    tlps: Vec<Choice>,
    languages: Vec<Choice>,
    searched: bool,
    total: i64,
    more: bool,
    rows: Vec<ResultRow>,
    previous: Option<String>,
    next: Option<String>,
    errors: Errors,
}

/// Where an item of a kind is read in the UI.
fn href(kind: ItemKind, id: &str) -> String {
    match kind {
        ItemKind::Announcement => format!("/announcements/{id}"),
        ItemKind::Article => format!("/knowledge/{id}"),
    }
}

/// The value of a filter as chosen, if it names a known code (the form keeps an unknown one visible as an error).
fn chosen<T: std::str::FromStr>(value: Option<&String>) -> Vec<T> {
    value.and_then(|v| v.parse().ok()).into_iter().collect()
}

/// `GET /search`.
pub async fn page_of(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Query(params): Query<SearchParams>,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    let searched = !params.q.trim().is_empty();
    let (found, errors, status) = if searched {
        match params.parse() {
            Ok(s) => (
                Some((search::run(&state, viewer, &s).await?, s)),
                Errors::default(),
                StatusCode::OK,
            ),
            Err(e) => (None, Errors(e), StatusCode::UNPROCESSABLE_ENTITY),
        }
    } else {
        (None, Errors::default(), StatusCode::OK)
    };
    let community = state.settings().await?.community_name;
    let more = found.as_ref().is_some_and(|(f, _)| f.more);
    let (total, rows, previous, next) = match &found {
        Some((f, s)) => {
            let rows = f
                .hits
                .iter()
                .map(|(hit, pieces)| {
                    let item = &hit.item;
                    let id = item.id.to_string();
                    ResultRow {
                        href: href(item.kind, &id),
                        title: snippet(&item.title, &s.text, 1_000),
                        kind: t.get(&format!("item-kind-{}", item.kind.code())),
                        tlp: TlpBadge::of(item.marking.tlp),
                        contributor: contributor_words(item, viewer, t),
                        when: t.datetime(&item.updated_at),
                        snippet: pieces.clone(),
                    }
                })
                .collect::<Vec<_>>();
            let page_link = |offset: u32| with_offset(&params, offset);
            let previous = (s.offset > 0).then(|| page_link(s.offset.saturating_sub(s.limit)));
            let shown = i64::from(s.offset) + i64::try_from(rows.len()).unwrap_or(0);
            let next = ((shown < f.total || f.more) && s.offset + s.limit <= 200)
                .then(|| page_link(s.offset + s.limit));
            (f.total, rows, previous, next)
        }
        None => (0, Vec::new(), None, None),
    };
    let title = if searched {
        t.with1("search-title-for", "q", params.q.trim())
    } else {
        t.get("search-title")
    };
    Ok(page(
        status,
        &SearchPage {
            layout: Layout::signed_in(t, &session, &community, title, "search", "/search"),
            kinds: choices(
                t,
                ItemKind::ALL,
                ItemKind::code,
                "item-kind",
                &chosen(params.kind.as_ref()),
            ),
            topics: choices(
                t,
                Topic::ALL,
                Topic::code,
                "topic",
                &chosen(params.topic.as_ref()),
            ),
            // TLP labels are the same in every language: no message to look up.
            tlps: Tlp::ALL
                .iter()
                .map(|x| Choice {
                    value: x.label().to_owned(),
                    label: x.label().to_owned(),
                    selected: chosen::<Tlp>(params.tlp.as_ref()).contains(x),
                })
                .collect(),
            languages: choices(
                t,
                Language::ALL,
                Language::code,
                "language",
                &chosen(params.language.as_ref()),
            ),
            searched,
            total,
            more,
            rows,
            previous,
            next,
            errors,
            params,
        },
    ))
}

/// The address of the same search at another offset.
fn with_offset(p: &SearchParams, offset: u32) -> String {
    let mut pairs: Vec<(&str, String)> = vec![("q", p.q.clone())];
    for (name, value) in [
        ("kind", &p.kind),
        ("topic", &p.topic),
        ("tlp", &p.tlp),
        ("language", &p.language),
        ("from", &p.from),
        ("until", &p.until),
    ] {
        if let Some(v) = value.as_ref().filter(|v| !v.is_empty()) {
            pairs.push((name, v.clone()));
        }
    }
    pairs.push(("offset", offset.to_string()));
    format!(
        "/search?{}",
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    )
}
