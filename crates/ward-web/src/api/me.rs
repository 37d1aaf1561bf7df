//! The caller's own account: profile, password, second factor, API tokens, dashboard.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use ward_core::auth::TokenScope;
use ward_core::email::Email;
use ward_core::ids::{OrgId, PersonId, TokenId};
use ward_core::org::{Language, OrgKind, OrgRole};
use ward_core::page::Page;
use ward_store::people::Person;
use ward_store::tokens::{self, ApiToken};

use crate::api::{ApiJson, ApiPath, ApiQuery, PageQuery, Problem, created};
use crate::auth::api::ApiCaller;
use crate::auth::mfa::{self, Enrolment};
use crate::error::{AppError, AppResult};
use crate::net::RequestCtx;
use crate::ops::{self, Dashboard, IssuedToken, PasswordDraft, ProfileDraft, TokenDraft};
use crate::state::AppState;

/// The caller, as the access policy sees them.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Me {
    /// Person id.
    pub id: PersonId,
    /// Organization id.
    pub org_id: OrgId,
    /// Organization name.
    pub org_name: String,
    /// Organization kind.
    pub org_kind: OrgKind,
    /// Whether the organization is a member (not a guest).
    pub member: bool,
    /// Sign-in address.
    pub email: Email,
    /// Shown name.
    pub display_name: String,
    /// Role.
    pub role: OrgRole,
    /// Community coordinator?
    pub coordinator: bool,
    /// Interface language.
    pub language: Language,
    /// Second factor enrolled?
    pub mfa_enabled: bool,
    /// What the token used for this call may do.
    pub token_scope: TokenScope,
}

/// Who the caller is.
#[utoipa::path(get, path = "/me", tag = "me", responses((status = 200, body = Me), (status = 401, body = Problem)))]
pub async fn get_me(caller: ApiCaller) -> AppResult<Json<Me>> {
    let p = caller
        .viewer
        .principal()
        .ok_or(AppError::Unauthorized("sign in first"))?;
    Ok(Json(Me {
        id: p.person,
        org_id: p.org,
        org_name: p.org_name.clone(),
        org_kind: p.org_kind,
        member: p.is_member(),
        email: p.email.clone(),
        display_name: p.display_name.clone(),
        role: p.role,
        coordinator: p.coordinator,
        language: p.language,
        mfa_enabled: p.mfa_enabled,
        token_scope: caller.scope,
    }))
}

/// Changes the caller's name or interface language.
#[utoipa::path(patch, path = "/me", tag = "me", request_body = ProfileDraft,
    responses((status = 200, body = Person), (status = 422, body = Problem)))]
pub async fn update_me(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiJson(draft): ApiJson<ProfileDraft>,
) -> AppResult<Json<Person>> {
    Ok(Json(
        ops::update_profile(&state, &caller.viewer, &req, &draft).await?,
    ))
}

/// Changes the caller's password (all their sessions end).
#[utoipa::path(post, path = "/me/password", tag = "me", request_body = PasswordDraft,
    responses((status = 204), (status = 422, body = Problem)))]
pub async fn change_password(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiJson(draft): ApiJson<PasswordDraft>,
) -> AppResult<StatusCode> {
    ops::change_password(&state, &caller.viewer, &req, None, &draft).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Starts enrolling a TOTP second factor: returns the secret and the `otpauth://` URI for the app. Needs the
/// current password.
#[utoipa::path(post, path = "/me/mfa", tag = "me", request_body = PasswordBody,
    responses((status = 200, body = Enrolment), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn start_mfa(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiJson(body): ApiJson<PasswordBody>,
) -> AppResult<Json<Enrolment>> {
    ops::reauthenticate(&state, &caller.viewer, &req, &body.current_password).await?;
    Ok(Json(mfa::start(&state, &caller.viewer).await?))
}

/// A code from the authenticator app.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct CodeBody {
    /// The six digits the app shows now.
    pub code: String,
}

/// New recovery codes (shown once).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RecoveryCodes {
    /// Each works once instead of a code from the app.
    pub recovery_codes: Vec<String>,
}

/// Confirms the enrolment with a current code; returns the recovery codes once.
#[utoipa::path(post, path = "/me/mfa/confirm", tag = "me", request_body = CodeBody,
    responses((status = 200, body = RecoveryCodes), (status = 422, body = Problem)))]
pub async fn confirm_mfa(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiJson(body): ApiJson<CodeBody>,
) -> AppResult<Json<RecoveryCodes>> {
    let codes = mfa::confirm(&state, &caller.viewer, &req, &body.code).await?;
    Ok(Json(RecoveryCodes {
        recovery_codes: codes,
    }))
}

/// The current password, to confirm a sensitive change.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct PasswordBody {
    /// The current password.
    pub current_password: String,
}

/// Removes the second factor (refused when the caller's role requires one).
#[utoipa::path(post, path = "/me/mfa/disable", tag = "me", request_body = PasswordBody,
    responses((status = 204), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn disable_mfa(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiJson(body): ApiJson<PasswordBody>,
) -> AppResult<StatusCode> {
    mfa::disable(&state, &caller.viewer, &req, &body.current_password).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replaces the recovery codes with new ones (shown once). Needs the current password.
#[utoipa::path(post, path = "/me/mfa/recovery-codes", tag = "me", request_body = PasswordBody,
    responses((status = 200, body = RecoveryCodes), (status = 422, body = Problem)))]
pub async fn recovery_codes(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiJson(body): ApiJson<PasswordBody>,
) -> AppResult<Json<RecoveryCodes>> {
    ops::reauthenticate(&state, &caller.viewer, &req, &body.current_password).await?;
    let codes = mfa::regenerate_recovery_codes(&state, &caller.viewer, &req).await?;
    Ok(Json(RecoveryCodes {
        recovery_codes: codes,
    }))
}

/// The dashboard figures, counted under the access policy.
#[utoipa::path(get, path = "/dashboard", tag = "me", responses((status = 200, body = Dashboard)))]
pub async fn dashboard(
    State(state): State<AppState>,
    caller: ApiCaller,
) -> AppResult<Json<Dashboard>> {
    Ok(Json(ops::dashboard(&state, &caller.viewer).await?))
}

/// The caller's API tokens, newest first.
#[utoipa::path(get, path = "/tokens", tag = "me", params(PageQuery), responses((status = 200, body = Page<ApiToken>)))]
pub async fn list_tokens(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> AppResult<Json<Page<ApiToken>>> {
    let person = caller
        .viewer
        .person_id()
        .ok_or(AppError::Unauthorized("sign in first"))?;
    let mut tx = state.store().read().await?;
    let page = tokens::list(&mut tx, person, &q.request()?).await?;
    tx.finish().await?;
    Ok(Json(page))
}

/// A token request through the API, which must repeat the password.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ApiTokenRequest {
    /// The token wanted.
    #[serde(flatten)]
    pub draft: TokenDraft,
    /// The caller's current password: a token alone cannot mint more tokens.
    #[serde(default)]
    pub current_password: String,
}

/// Creates an API token; the secret is in the answer and nowhere else. Needs the current password.
#[utoipa::path(post, path = "/tokens", tag = "me", request_body = ApiTokenRequest,
    responses((status = 201, body = IssuedToken), (status = 422, body = Problem)))]
pub async fn create_token(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiJson(body): ApiJson<ApiTokenRequest>,
) -> AppResult<Response> {
    ops::reauthenticate(&state, &caller.viewer, &req, &body.current_password).await?;
    let draft = body.draft;
    let issued = ops::create_token(&state, &caller.viewer, &req, &draft).await?;
    Ok(created(
        format!("/api/v1/tokens/{}", issued.token.id),
        &issued,
    ))
}

/// Revokes one of the caller's tokens.
#[utoipa::path(delete, path = "/tokens/{id}", tag = "me", params(("id" = String, Path, description = "Token id")),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn revoke_token(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<TokenId>,
) -> AppResult<Response> {
    ops::revoke_token(&state, &caller.viewer, &req, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
