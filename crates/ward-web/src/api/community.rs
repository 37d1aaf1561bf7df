//! Sharing groups, community settings and the audit trail.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use ward_core::audit::AuditView;
use ward_core::ids::{GroupId, OrgId};
use ward_core::page::{Cursor, Page};
use ward_core::policy;
use ward_core::settings::CommunitySettings;
use ward_store::audit::{self, AuditScope};
use ward_store::groups::{self, SharingGroup};
use ward_store::orgs::Organization;

use crate::api::{ApiJson, ApiPath, ApiQuery, PageQuery, Problem, created};
use crate::auth::api::ApiCaller;
use crate::error::{AppError, AppResult};
use crate::net::RequestCtx;
use crate::ops::{self, GroupDraft};
use crate::state::AppState;

/// Sharing groups by name (visible to members; guests see none).
#[utoipa::path(get, path = "/sharing-groups", tag = "community", params(PageQuery),
    responses((status = 200, body = Page<SharingGroup>)))]
pub async fn list_groups(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> AppResult<Json<Page<SharingGroup>>> {
    let request = q.request::<String>()?;
    let all = if caller.viewer.is_member() {
        let mut tx = state.store().read().await?;
        let all = groups::all(&mut tx).await?;
        tx.finish().await?;
        all
    } else {
        Vec::new()
    };
    // Groups are few: page through the sorted list in memory with the same keyset cursor as everywhere else.
    let rows: Vec<SharingGroup> = all
        .into_iter()
        .filter(|g| {
            request
                .after
                .as_ref()
                .is_none_or(|c| (g.name.as_str(), g.id.as_uuid()) > (c.key.as_str(), c.id))
        })
        .take(request.limit as usize + 1)
        .collect();
    Ok(Json(Page::from_rows(rows, request.limit, |g| Cursor {
        key: g.name.clone(),
        id: g.id.as_uuid(),
    })))
}

/// A sharing group with its member organizations.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct GroupWithMembers {
    /// The group.
    #[serde(flatten)]
    pub group: SharingGroup,
    /// Its organizations.
    pub members: Vec<Organization>,
}

/// Creates a sharing group (the coordinator).
#[utoipa::path(post, path = "/sharing-groups", tag = "community", request_body = GroupDraft,
    responses((status = 201, body = SharingGroup), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn create_group(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiJson(draft): ApiJson<GroupDraft>,
) -> AppResult<Response> {
    let group = ops::create_group(&state, &caller.viewer, &req, &draft).await?;
    Ok(created(
        format!("/api/v1/sharing-groups/{}", group.id),
        &group,
    ))
}

/// One sharing group and its members (members of the community).
#[utoipa::path(get, path = "/sharing-groups/{id}", tag = "community", params(("id" = String, Path)),
    responses((status = 200, body = GroupWithMembers), (status = 404, body = Problem)))]
pub async fn get_group(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiPath(id): ApiPath<GroupId>,
) -> AppResult<Json<GroupWithMembers>> {
    if !caller.viewer.is_member() {
        return Err(AppError::NotFound);
    }
    let mut tx = state.store().read().await?;
    let group = groups::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let members = groups::members(&mut tx, id).await?;
    tx.finish().await?;
    Ok(Json(GroupWithMembers { group, members }))
}

/// Renames or re-describes a sharing group (the coordinator).
#[utoipa::path(put, path = "/sharing-groups/{id}", tag = "community", params(("id" = String, Path)), request_body = GroupDraft,
    responses((status = 200, body = SharingGroup), (status = 403, body = Problem)))]
pub async fn update_group(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<GroupId>,
    ApiJson(draft): ApiJson<GroupDraft>,
) -> AppResult<Json<SharingGroup>> {
    Ok(Json(
        ops::update_group(&state, &caller.viewer, &req, id, &draft).await?,
    ))
}

/// Adds an organization to a sharing group (the coordinator).
#[utoipa::path(put, path = "/sharing-groups/{id}/members/{org_id}", tag = "community",
    params(("id" = String, Path), ("org_id" = String, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn add_group_member(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath((id, org)): ApiPath<(GroupId, OrgId)>,
) -> AppResult<Response> {
    ops::set_group_member(&state, &caller.viewer, &req, id, org, true).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Removes an organization from a sharing group (the coordinator).
#[utoipa::path(delete, path = "/sharing-groups/{id}/members/{org_id}", tag = "community",
    params(("id" = String, Path), ("org_id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn remove_group_member(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath((id, org)): ApiPath<(GroupId, OrgId)>,
) -> AppResult<Response> {
    ops::set_group_member(&state, &caller.viewer, &req, id, org, false).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The community settings (the coordinator).
#[utoipa::path(get, path = "/settings", tag = "community", responses((status = 200, body = CommunitySettings), (status = 403, body = Problem)))]
pub async fn get_settings(
    State(state): State<AppState>,
    caller: ApiCaller,
) -> AppResult<Json<CommunitySettings>> {
    if !policy::can_coordinate(&caller.viewer) {
        return Err(AppError::Forbidden(
            "only the community coordinator can do this".into(),
        ));
    }
    Ok(Json(state.settings().await?))
}

/// Replaces the community settings (the coordinator).
#[utoipa::path(put, path = "/settings", tag = "community", request_body = CommunitySettings,
    responses((status = 200, body = CommunitySettings), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn update_settings(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiJson(new): ApiJson<CommunitySettings>,
) -> AppResult<Json<CommunitySettings>> {
    Ok(Json(
        ops::update_settings(&state, &caller.viewer, &req, &new).await?,
    ))
}

/// The audit trail, newest first: an administrator's organization, or everything for the coordinator.
#[utoipa::path(get, path = "/audit", tag = "audit", params(PageQuery),
    responses((status = 200, body = Page<AuditView>), (status = 403, body = Problem)))]
pub async fn list_audit(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> AppResult<Json<Page<AuditView>>> {
    let viewer = &caller.viewer;
    let org = viewer
        .org_id()
        .ok_or(AppError::Unauthorized("sign in first"))?;
    let scope = if policy::can_coordinate(viewer) {
        AuditScope::All
    } else if policy::can_read_audit(viewer, Some(org)) {
        AuditScope::Org(org)
    } else {
        return Err(AppError::Forbidden(
            "only administrators and the coordinator read the audit trail".into(),
        ));
    };
    let request = q.request()?;
    let mut tx = state.store().read().await?;
    let page = audit::list(&mut tx, scope, &request).await?;
    tx.finish().await?;
    Ok(Json(page.map(|r| policy::audit_view(viewer, &r))))
}
