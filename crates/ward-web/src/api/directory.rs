//! Organizations, people and invitations.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use ward_core::ids::{InvitationId, OrgId, PersonId};
use ward_core::page::{Cursor, Page};
use ward_store::invitations::{self, Invitation};
use ward_store::orgs::{self, Organization};
use ward_store::people::{self, Person};

use crate::api::{ApiJson, ApiPath, ApiQuery, PageQuery, Problem, created};
use crate::auth::api::ApiCaller;
use crate::error::{AppError, AppResult};
use crate::net::RequestCtx;
use crate::ops::{self, InvitationDraft, IssuedInvitation, OrgDraft};
use crate::state::AppState;

/// Organizations by name. Members see the whole community; a supplier guest sees only their own organization.
#[utoipa::path(get, path = "/organizations", tag = "community", params(PageQuery),
    responses((status = 200, body = Page<Organization>)))]
pub async fn list_orgs(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> AppResult<Json<Page<Organization>>> {
    let request = q.request::<String>()?;
    let mut tx = state.store().read().await?;
    let page = if caller.viewer.is_member() {
        orgs::list(&mut tx, &request).await?
    } else {
        let own = match caller.viewer.org_id() {
            Some(id) => orgs::get(&mut tx, id).await?,
            None => None,
        };
        let rows: Vec<Organization> = own
            .into_iter()
            .filter(|o| {
                request
                    .after
                    .as_ref()
                    .is_none_or(|c| (o.name.as_str(), o.id.as_uuid()) > (c.key.as_str(), c.id))
            })
            .collect();
        Page::from_rows(rows, request.limit, |o| Cursor {
            key: o.name.clone(),
            id: o.id.as_uuid(),
        })
    };
    tx.finish().await?;
    Ok(Json(page))
}

/// Creates an organization (the coordinator).
#[utoipa::path(post, path = "/organizations", tag = "community", request_body = OrgDraft,
    responses((status = 201, body = Organization), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_org(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiJson(draft): ApiJson<OrgDraft>,
) -> AppResult<Response> {
    let org = ops::create_org(&state, &caller.viewer, &req, &draft).await?;
    Ok(created(format!("/api/v1/organizations/{}", org.id), &org))
}

/// One organization.
#[utoipa::path(get, path = "/organizations/{id}", tag = "community", params(("id" = String, Path)),
    responses((status = 200, body = Organization), (status = 404, body = Problem)))]
pub async fn get_org(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiPath(id): ApiPath<OrgId>,
) -> AppResult<Json<Organization>> {
    if !ops::can_see_org(&caller.viewer, id) {
        return Err(AppError::NotFound);
    }
    let mut tx = state.store().read().await?;
    let org = orgs::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    tx.finish().await?;
    Ok(Json(org))
}

/// Replaces an organization's details, including suspending it (the coordinator).
#[utoipa::path(put, path = "/organizations/{id}", tag = "community", params(("id" = String, Path)), request_body = OrgDraft,
    responses((status = 200, body = Organization), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn update_org(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<OrgId>,
    ApiJson(draft): ApiJson<OrgDraft>,
) -> AppResult<Json<Organization>> {
    Ok(Json(
        ops::update_org(&state, &caller.viewer, &req, id, &draft).await?,
    ))
}

/// An organization's people (its own people and the coordinator).
#[utoipa::path(get, path = "/organizations/{id}/people", tag = "community", params(("id" = String, Path), PageQuery),
    responses((status = 200, body = Page<Person>), (status = 404, body = Problem)))]
pub async fn list_people(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiPath(id): ApiPath<OrgId>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> AppResult<Json<Page<Person>>> {
    if !ops::can_see_people_of(&caller.viewer, id) {
        return Err(AppError::NotFound);
    }
    let request = q.request::<String>()?;
    let mut tx = state.store().read().await?;
    orgs::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let page = people::list_by_org(&mut tx, id, &request).await?;
    tx.finish().await?;
    Ok(Json(page))
}

/// Changes to a person.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct PersonChanges {
    /// New role: `org_admin`, `security_officer`, `contributor` or `reader`.
    #[serde(default)]
    pub role: Option<String>,
    /// New status: `active` or `disabled`.
    #[serde(default)]
    pub status: Option<String>,
}

/// Changes someone's role or status (administrators of their organization, the coordinator).
#[utoipa::path(patch, path = "/people/{id}", tag = "community", params(("id" = String, Path)), request_body = PersonChanges,
    responses((status = 200, body = Person), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn update_person(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<PersonId>,
    ApiJson(changes): ApiJson<PersonChanges>,
) -> AppResult<Json<Person>> {
    if changes.role.is_none() && changes.status.is_none() {
        return Err(AppError::Invalid(ward_core::ValidationError::field(
            "role",
            "send a role or a status to change",
        )));
    }
    let mut person = None;
    if let Some(role) = &changes.role {
        person = Some(ops::set_role(&state, &caller.viewer, &req, id, role).await?);
    }
    if let Some(status) = &changes.status {
        person = Some(ops::set_status(&state, &caller.viewer, &req, id, status).await?);
    }
    person.map(Json).ok_or(AppError::NotFound)
}

/// An organization's invitations, newest first (its administrators, the coordinator).
#[utoipa::path(get, path = "/organizations/{id}/invitations", tag = "community", params(("id" = String, Path), PageQuery),
    responses((status = 200, body = Page<Invitation>), (status = 404, body = Problem)))]
pub async fn list_invitations(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiPath(id): ApiPath<OrgId>,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> AppResult<Json<Page<Invitation>>> {
    if !ward_core::policy::can_manage_org(&caller.viewer, id) {
        return Err(AppError::NotFound);
    }
    let request = q.request()?;
    let mut tx = state.store().read().await?;
    let page = invitations::list(&mut tx, id, &request).await?;
    tx.finish().await?;
    Ok(Json(page))
}

/// Invites someone to an organization; the answer holds the link, shown once.
#[utoipa::path(post, path = "/organizations/{id}/invitations", tag = "community", params(("id" = String, Path)),
    request_body = InvitationDraft,
    responses((status = 201, body = IssuedInvitation), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_invitation(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<OrgId>,
    ApiJson(draft): ApiJson<InvitationDraft>,
) -> AppResult<Response> {
    let issued = ops::invite(&state, &caller.viewer, &req, id, &draft).await?;
    Ok(created(
        format!("/api/v1/organizations/{id}/invitations"),
        &issued,
    ))
}

/// Revokes an open invitation.
#[utoipa::path(delete, path = "/invitations/{id}", tag = "community", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn revoke_invitation(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<InvitationId>,
) -> AppResult<Response> {
    ops::revoke_invitation(&state, &caller.viewer, &req, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
