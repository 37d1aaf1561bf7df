//! Announcements.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use ward_community::announcements::{self, AnnouncementDraft, AnnouncementView};
use ward_core::ids::ItemId;
use ward_core::page::Page;

use crate::api::{ApiJson, ApiPath, ApiQuery, PageQuery, Problem, audience_conflict, created};
use crate::auth::api::ApiCaller;
use crate::auth::audit_ctx;
use crate::error::{AppError, AppResult};
use crate::net::RequestCtx;
use crate::state::AppState;

/// The announcements the caller may read, newest first, with their full text. Returning AMBER, AMBER+STRICT or RED
/// announcements is recorded in the audit trail, as reading them one by one is.
#[utoipa::path(get, path = "/announcements", tag = "items", params(PageQuery),
    responses((status = 200, body = Page<AnnouncementView>)))]
pub async fn list_announcements(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> AppResult<Json<Page<AnnouncementView>>> {
    let request = q.request()?;
    let mut tx = state.store().read().await?;
    let page = announcements::list(&mut tx, &caller.viewer, &request).await?;
    tx.finish().await?;
    crate::ops::record_reads(
        &state,
        &caller.viewer,
        &req,
        page.items.iter().map(|a| &a.item),
    )
    .await?;
    Ok(Json(page.map(|a| AnnouncementView::of(&a, &caller.viewer))))
}

/// Publishes an announcement for the caller's organization.
#[utoipa::path(post, path = "/announcements", tag = "items", request_body = AnnouncementDraft,
    responses((status = 201, body = AnnouncementView), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_announcement(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiJson(draft): ApiJson<AnnouncementDraft>,
) -> AppResult<Response> {
    let input = draft.parse()?;
    let viewer = &caller.viewer;
    let mut tx = state.store().write(audit_ctx(viewer, &req)).await?;
    let id = announcements::create(&mut tx, viewer, &input)
        .await
        .map_err(audience_conflict)?;
    let a = announcements::get(&mut tx, viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(created(
        format!("/api/v1/announcements/{id}"),
        &AnnouncementView::of(&a, viewer),
    ))
}

/// One announcement. Reading an AMBER, AMBER+STRICT or RED one is recorded in the audit trail.
#[utoipa::path(get, path = "/announcements/{id}", tag = "items", params(("id" = String, Path)),
    responses((status = 200, body = AnnouncementView), (status = 404, body = Problem)))]
pub async fn get_announcement(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<ItemId>,
) -> AppResult<Json<AnnouncementView>> {
    let mut tx = state.store().read().await?;
    let a = announcements::get(&mut tx, &caller.viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.finish().await?;
    crate::ops::record_reads(&state, &caller.viewer, &req, [&a.item]).await?;
    Ok(Json(AnnouncementView::of(&a, &caller.viewer)))
}

/// An announcement's new content, with the version it was based on.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct AnnouncementUpdate {
    /// The new content.
    #[serde(flatten)]
    pub draft: AnnouncementDraft,
    /// The version this change is based on; a newer stored version makes the update fail with 409.
    #[serde(default)]
    pub version: Option<i64>,
}

/// Replaces an announcement. Anyone who may edit may narrow its marking; only the contributing organization may
/// widen it.
#[utoipa::path(put, path = "/announcements/{id}", tag = "items", params(("id" = String, Path)), request_body = AnnouncementUpdate,
    responses((status = 200, body = AnnouncementView), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update_announcement(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<ItemId>,
    ApiJson(body): ApiJson<AnnouncementUpdate>,
) -> AppResult<Json<AnnouncementView>> {
    let input = body.draft.parse()?;
    let viewer = &caller.viewer;
    let mut tx = state.store().write(audit_ctx(viewer, &req)).await?;
    let a = announcements::update(&mut tx, viewer, id, body.version, &input)
        .await
        .map_err(audience_conflict)?;
    tx.commit().await?;
    Ok(Json(AnnouncementView::of(&a, viewer)))
}

/// Deletes an announcement.
#[utoipa::path(delete, path = "/announcements/{id}", tag = "items", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn delete_announcement(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<ItemId>,
) -> AppResult<Response> {
    let mut tx = state.store().write(audit_ctx(&caller.viewer, &req)).await?;
    announcements::delete(&mut tx, &caller.viewer, id).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
