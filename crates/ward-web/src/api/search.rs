//! Search over every item the caller may read.

use axum::Json;
use axum::extract::State;
use serde::Serialize;

use crate::api::items::ItemView;
use crate::api::{ApiQuery, Problem};
use crate::auth::api::ApiCaller;
use crate::error::AppResult;
use crate::search::{self, SearchParams, SnippetPiece};
use crate::state::AppState;

/// One result.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SearchResult {
    /// The item's envelope, as the caller may see it.
    pub item: ItemView,
    /// The text around the first match, matching words marked.
    pub snippet: Vec<SnippetPiece>,
}

/// A page of results.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SearchPage {
    /// Readable matches in all (never counting what the caller may not read), counted up to 200.
    pub total: i64,
    /// Whether there are more readable matches than `total` (counting stops at 200).
    pub more: bool,
    /// Results skipped.
    pub offset: u32,
    /// Page size.
    pub limit: u32,
    /// This page, best first.
    pub results: Vec<SearchResult>,
}

/// Searches titles, texts and tags of every item the caller may read, best matches first.
#[utoipa::path(get, path = "/search", tag = "items", params(SearchParams),
    responses((status = 200, body = SearchPage), (status = 422, body = Problem)))]
pub async fn search_items(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiQuery(params): ApiQuery<SearchParams>,
) -> AppResult<Json<SearchPage>> {
    let s = params.parse()?;
    let found = search::run(&state, &caller.viewer, &s).await?;
    Ok(Json(SearchPage {
        total: found.total,
        more: found.more,
        offset: s.offset,
        limit: s.limit,
        results: found
            .hits
            .iter()
            .map(|(hit, pieces)| SearchResult {
                item: ItemView::of(&hit.item, &caller.viewer),
                snippet: pieces.iter().map(SnippetPiece::from).collect(),
            })
            .collect(),
    }))
}
