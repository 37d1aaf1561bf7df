//! The knowledge base and comments on any item.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use ward_community::comments::{self, CommentDraft, CommentView};
use ward_community::diff::{self, DiffLine};
use ward_community::knowledge::{
    self, ArticleDraft, ArticleFilter, ArticleView, VersionInfo, VersionText,
};
use ward_core::ValidationError;
use ward_core::error::collect;
use ward_core::ids::{CommentId, ItemId};
use ward_core::item::{ArticleCategory, Topic};
use ward_core::page::Page;
use ward_store::items;

use crate::api::{ApiJson, ApiPath, ApiQuery, Problem, audience_conflict, created};
use crate::auth::api::ApiCaller;
use crate::auth::audit_ctx;
use crate::error::{AppError, AppResult};
use crate::net::RequestCtx;
use crate::state::AppState;

/// Filters and paging of the article list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ArticleQuery {
    /// Only this category: `playbook`, `lessons_learned`, `exercise_kit` or `guide`.
    pub category: Option<String>,
    /// Only articles with this topic: `supply_chain`, `policy`, `technical`, `ai` or `other`.
    pub topic: Option<String>,
    /// Entries per page, 1–200 (default 50).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The articles the caller may read, newest first, without their text.
#[utoipa::path(get, path = "/articles", tag = "knowledge", params(ArticleQuery),
    responses((status = 200, body = Page<ArticleView>), (status = 422, body = Problem)))]
pub async fn list_articles(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiQuery(q): ApiQuery<ArticleQuery>,
) -> AppResult<Json<Page<ArticleView>>> {
    let mut errors = ValidationError::default();
    let category = q
        .category
        .as_deref()
        .and_then(|c| collect(&mut errors, "category", c.parse::<ArticleCategory>()));
    let topic = q
        .topic
        .as_deref()
        .and_then(|x| collect(&mut errors, "topic", x.parse::<Topic>()));
    let request = match ward_core::page::PageRequest::parse(q.limit, q.cursor.as_deref()) {
        Ok(r) => Some(r),
        Err(e) => {
            errors.errors.extend(e.errors);
            None
        }
    };
    let request = match request {
        Some(r) if errors.is_empty() => r,
        _ => return Err(AppError::Invalid(errors)),
    };
    let mut tx = state.store().read().await?;
    let page = knowledge::list(
        &mut tx,
        &caller.viewer,
        ArticleFilter { category, topic },
        &request,
    )
    .await?;
    tx.finish().await?;
    Ok(Json(page.map(|a| ArticleView::head(&a, &caller.viewer))))
}

/// Publishes an article for the caller's organization. Its text passes the personal-data guard first.
#[utoipa::path(post, path = "/articles", tag = "knowledge", request_body = ArticleDraft,
    responses((status = 201, body = ArticleView), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_article(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiJson(draft): ApiJson<ArticleDraft>,
) -> AppResult<Response> {
    let input = draft.parse()?;
    let viewer = &caller.viewer;
    let mut tx = state.store().write(audit_ctx(viewer, &req)).await?;
    let id = knowledge::create(&mut tx, viewer, &input)
        .await
        .map_err(audience_conflict)?;
    let a = knowledge::get(&mut tx, viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(created(
        format!("/api/v1/articles/{id}"),
        &ArticleView::full(&a, viewer),
    ))
}

/// One article with its text. Reading an AMBER, AMBER+STRICT or RED article is recorded in the audit trail.
#[utoipa::path(get, path = "/articles/{id}", tag = "knowledge", params(("id" = String, Path)),
    responses((status = 200, body = ArticleView), (status = 404, body = Problem)))]
pub async fn get_article(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<ItemId>,
) -> AppResult<Json<ArticleView>> {
    let mut tx = state.store().read().await?;
    let a = knowledge::get(&mut tx, &caller.viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.finish().await?;
    crate::ops::record_reads(&state, &caller.viewer, &req, [&a.head.item]).await?;
    Ok(Json(ArticleView::full(&a, &caller.viewer)))
}

/// An article's new content, with the version it was based on.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ArticleUpdate {
    /// The new content.
    #[serde(flatten)]
    pub draft: ArticleDraft,
    /// The version this change is based on; a newer stored version makes the update fail with 409.
    #[serde(default)]
    pub version: Option<i64>,
}

/// Saves a new version of an article. Anyone who may edit may narrow its marking; only the contributing
/// organization may widen it.
#[utoipa::path(put, path = "/articles/{id}", tag = "knowledge", params(("id" = String, Path)), request_body = ArticleUpdate,
    responses((status = 200, body = ArticleView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update_article(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<ItemId>,
    ApiJson(body): ApiJson<ArticleUpdate>,
) -> AppResult<Json<ArticleView>> {
    let input = body.draft.parse()?;
    let viewer = &caller.viewer;
    let mut tx = state.store().write(audit_ctx(viewer, &req)).await?;
    let a = knowledge::update(&mut tx, viewer, id, body.version, &input)
        .await
        .map_err(audience_conflict)?;
    tx.commit().await?;
    Ok(Json(ArticleView::full(&a, viewer)))
}

/// Deletes an article with its history and comments.
#[utoipa::path(delete, path = "/articles/{id}", tag = "knowledge", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn delete_article(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<ItemId>,
) -> AppResult<Response> {
    let mut tx = state.store().write(audit_ctx(&caller.viewer, &req)).await?;
    knowledge::delete(&mut tx, &caller.viewer, id).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// An article's saved versions, newest first. Editors are named only where the contributor may be known.
#[utoipa::path(get, path = "/articles/{id}/versions", tag = "knowledge", params(("id" = String, Path)),
    responses((status = 200, body = Vec<VersionInfo>), (status = 404, body = Problem)))]
pub async fn list_versions(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiPath(id): ApiPath<ItemId>,
) -> AppResult<Json<Vec<VersionInfo>>> {
    let mut tx = state.store().read().await?;
    let a = knowledge::get(&mut tx, &caller.viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let versions = knowledge::versions(&mut tx, &caller.viewer, &a.head).await?;
    tx.finish().await?;
    Ok(Json(versions))
}

/// The text of one saved version.
#[utoipa::path(get, path = "/articles/{id}/versions/{version}", tag = "knowledge",
    params(("id" = String, Path), ("version" = i64, Path)),
    responses((status = 200, body = VersionText), (status = 404, body = Problem)))]
pub async fn get_version(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath((id, number)): ApiPath<(ItemId, i64)>,
) -> AppResult<Json<VersionText>> {
    let mut tx = state.store().read().await?;
    let a = knowledge::get(&mut tx, &caller.viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let v = knowledge::version(&mut tx, &a.head, number)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.finish().await?;
    crate::ops::record_reads(&state, &caller.viewer, &req, [&a.head.item]).await?;
    Ok(Json(v))
}

/// Which versions to compare.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffQuery {
    /// The older version.
    pub from: i64,
    /// The newer version.
    pub to: i64,
    /// Unchanged lines kept around each change (default 3, at most 50).
    pub context: Option<usize>,
}

/// The line-by-line difference between two versions of an article's text.
#[utoipa::path(get, path = "/articles/{id}/diff", tag = "knowledge", params(("id" = String, Path), DiffQuery),
    responses((status = 200, body = Vec<DiffLine>), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn diff_versions(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<ItemId>,
    ApiQuery(q): ApiQuery<DiffQuery>,
) -> AppResult<Json<Vec<DiffLine>>> {
    let context = q.context.unwrap_or(3);
    if context > 50 {
        return Err(AppError::Invalid(ValidationError::field(
            "context",
            "at most 50 lines of context",
        )));
    }
    let mut tx = state.store().read().await?;
    let a = knowledge::get(&mut tx, &caller.viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let from = knowledge::version(&mut tx, &a.head, q.from).await?;
    let to = knowledge::version(&mut tx, &a.head, q.to).await?;
    tx.finish().await?;
    let (Some(from), Some(to)) = (from, to) else {
        return Err(AppError::NotFound);
    };
    crate::ops::record_reads(&state, &caller.viewer, &req, [&a.head.item]).await?;
    Ok(Json(diff::lines(&from.body, &to.body, context)))
}

/// The comments on an item the caller may read, oldest first.
#[utoipa::path(get, path = "/items/{id}/comments", tag = "items", params(("id" = String, Path)),
    responses((status = 200, body = Vec<CommentView>), (status = 404, body = Problem)))]
pub async fn list_comments(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiPath(id): ApiPath<ItemId>,
) -> AppResult<Json<Vec<CommentView>>> {
    let mut tx = state.store().read().await?;
    let item = items::get_for(&mut tx, &caller.viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let thread = comments::list(&mut tx, &caller.viewer, &item).await?;
    tx.finish().await?;
    Ok(Json(thread))
}

/// Comments on an item the caller may read; the comment is readable by exactly the item's readers. Its text
/// passes the personal-data guard first.
#[utoipa::path(post, path = "/items/{id}/comments", tag = "items", params(("id" = String, Path)), request_body = CommentDraft,
    responses((status = 201, body = CommentView), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_comment(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<ItemId>,
    ApiJson(draft): ApiJson<CommentDraft>,
) -> AppResult<Response> {
    let body = draft.parse()?;
    let viewer = &caller.viewer;
    let mut tx = state.store().write(audit_ctx(viewer, &req)).await?;
    let view = comments::add(&mut tx, viewer, id, &body).await?;
    tx.commit().await?;
    Ok(created(
        format!("/api/v1/items/{id}/comments/{}", view.id),
        &view,
    ))
}

/// Deletes a comment: its author, the item's editors and the coordinator may.
#[utoipa::path(delete, path = "/items/{id}/comments/{comment}", tag = "items",
    params(("id" = String, Path), ("comment" = String, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn delete_comment(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath((id, comment)): ApiPath<(ItemId, CommentId)>,
) -> AppResult<Response> {
    let mut tx = state.store().write(audit_ctx(&caller.viewer, &req)).await?;
    comments::delete(&mut tx, &caller.viewer, id, comment).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
