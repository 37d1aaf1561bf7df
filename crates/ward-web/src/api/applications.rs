//! Membership applications: the public submission, and the coordinator's review.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use ward_community::applications::{self, Application, ApplicationDraft, Filter, NOT_COORDINATOR};
use ward_core::ids::ApplicationId;
use ward_core::membership::ApplicationStatus;
use ward_core::page::Page;
use ward_core::policy;
use ward_core::viewer::Viewer;

use crate::api::{ApiJson, ApiPath, ApiQuery, PageQuery, Problem, created};
use crate::auth::api::ApiCaller;
use crate::error::{AppError, AppResult};
use crate::join::{self, ApprovedApplication, SubmittedApplication};
use crate::net::RequestCtx;
use crate::state::AppState;

fn coordinator_only(viewer: &Viewer) -> AppResult<()> {
    if policy::can_coordinate(viewer) {
        Ok(())
    } else {
        Err(AppError::Forbidden(NOT_COORDINATOR.into()))
    }
}

/// Applies to join the community, without an account. The answer holds the applicant's status page, shown once.
/// Submissions are limited per client address.
#[utoipa::path(post, path = "/applications", tag = "applications", request_body = ApplicationDraft,
    security(()),
    responses((status = 201, body = SubmittedApplication), (status = 409, body = Problem),
        (status = 422, body = Problem), (status = 429, body = Problem)))]
pub async fn submit_application(
    State(state): State<AppState>,
    req: RequestCtx,
    ApiJson(draft): ApiJson<ApplicationDraft>,
) -> AppResult<Response> {
    let submitted = join::submit(&state, &req, &draft).await?;
    Ok(created(submitted.status_url.clone(), &submitted))
}

/// Which applications to list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApplicationQuery {
    /// Only applications with this status: `received`, `approved` or `rejected`.
    pub status: Option<String>,
    /// Entries per page, 1–200 (default 50).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Membership applications, newest first (the coordinator).
#[utoipa::path(get, path = "/applications", tag = "applications", params(ApplicationQuery),
    responses((status = 200, body = Page<Application>), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn list_applications(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiQuery(q): ApiQuery<ApplicationQuery>,
) -> AppResult<Json<Page<Application>>> {
    coordinator_only(&caller.viewer)?;
    let filter = match q.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Filter::Status(
            s.parse::<ApplicationStatus>()
                .map_err(|e| ward_core::ValidationError::field("status", e.to_string()))?,
        ),
        None => Filter::All,
    };
    let request = PageQuery {
        limit: q.limit,
        cursor: q.cursor,
    }
    .request()?;
    let mut tx = state.store().read().await?;
    let page = applications::list(&mut tx, &caller.viewer, filter, &request).await?;
    tx.finish().await?;
    Ok(Json(page))
}

/// One membership application (the coordinator).
#[utoipa::path(get, path = "/applications/{id}", tag = "applications", params(("id" = String, Path)),
    responses((status = 200, body = Application), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_application(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiPath(id): ApiPath<ApplicationId>,
) -> AppResult<Json<Application>> {
    coordinator_only(&caller.viewer)?;
    let mut tx = state.store().read().await?;
    let application = applications::get(&mut tx, &caller.viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.finish().await?;
    Ok(Json(application))
}

/// Approves an application (the coordinator): creates the organization and invites its first administrator. The
/// answer holds the invitation link to pass on; the applicant's status page shows it too while it is open.
#[utoipa::path(post, path = "/applications/{id}/approve", tag = "applications", params(("id" = String, Path)),
    responses((status = 200, body = ApprovedApplication), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem)))]
pub async fn approve_application(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<ApplicationId>,
) -> AppResult<Json<ApprovedApplication>> {
    Ok(Json(join::approve(&state, &caller.viewer, &req, id).await?))
}

/// Why an application is rejected.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct Rejection {
    /// The reason, shown to the applicant on their status page (1–2,000 characters).
    #[serde(default)]
    pub reason: String,
}

/// Rejects an application with a reason (the coordinator).
#[utoipa::path(post, path = "/applications/{id}/reject", tag = "applications", params(("id" = String, Path)),
    request_body = Rejection,
    responses((status = 200, body = Application), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn reject_application(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<ApplicationId>,
    ApiJson(rejection): ApiJson<Rejection>,
) -> AppResult<Json<Application>> {
    Ok(Json(
        join::reject(&state, &caller.viewer, &req, id, &rejection.reason).await?,
    ))
}
