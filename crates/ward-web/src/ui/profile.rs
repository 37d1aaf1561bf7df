//! One's own profile: name and language, password, second factor, API tokens.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use ward_community::member_directory;
use ward_core::auth::mfa_required;
use ward_core::ids::TokenId;
use ward_core::org::Language;
use ward_core::page::PageRequest;
use ward_core::policy;
use ward_store::{people, tokens};

use crate::auth::mfa::{self, Enrolment};
use crate::auth::session::{SignedIn, UiSession};
use crate::error::{AppError, AppResult};
use crate::forms::{NoFields, UiForm};
use crate::i18n::Tr;
use crate::net::RequestCtx;
use crate::ops::{self, PasswordDraft, ProfileDraft, TokenDraft};
use crate::state::AppState;
use crate::ui::home::DoneQuery;
use crate::ui::layout::{Errors, Layout, page};
use crate::ui::org::{Choice, choices};

struct TokenRow {
    id: String,
    name: String,
    scope: String,
    created: String,
    expires: String,
    last_used: String,
    revoked: bool,
}

#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage {
    layout: Layout,
    display_name: String,
    email: String,
    org_name: String,
    role: String,
    languages: Vec<Choice>,
    profile_errors: Errors,
    password_errors: Errors,
    mfa_enabled: bool,
    mfa_required: bool,
    recovery_left: i64,
    tokens: Vec<TokenRow>,
    token_errors: Errors,
    new_token: Option<String>,
    recovery_codes: Vec<String>,
    /// Whether the person is listed in the member directory; `None` for guests, who are not in it.
    directory_listed: Option<bool>,
}

#[derive(Default)]
struct Extras {
    profile_errors: Errors,
    password_errors: Errors,
    token_errors: Errors,
    new_token: Option<String>,
    recovery_codes: Vec<String>,
    status: Option<StatusCode>,
    done: Option<String>,
}

async fn render(
    state: &AppState,
    t: Tr,
    session: &UiSession,
    extras: Extras,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    let p = viewer
        .principal()
        .ok_or(AppError::Unauthorized("sign in first"))?;
    let mut tx = state.store().read().await?;
    let me = people::get(&mut tx, p.person)
        .await?
        .ok_or(AppError::NotFound)?;
    let list = tokens::list(
        &mut tx,
        p.person,
        &PageRequest {
            limit: 100,
            after: None,
        },
    )
    .await?;
    let recovery_left = people::recovery_codes_left(&mut tx, p.person).await?;
    let directory_listed = if policy::can_read_member_directory(viewer) {
        Some(member_directory::is_listed(&mut tx, p.person).await?)
    } else {
        None
    };
    tx.finish().await?;
    let settings = state.settings().await?;
    let template = ProfilePage {
        layout: Layout::signed_in(
            t,
            session,
            &settings.community_name,
            t.get("profile-title"),
            "profile",
            "/profile",
        )
        .done(extras.done.as_deref()),
        display_name: me.display_name.clone(),
        email: me.email.to_string(),
        org_name: me.org_name.clone(),
        role: t.get(&format!("role-{}", me.role.code())),
        languages: choices(
            t,
            &Language::INTERFACE,
            Language::code,
            "language",
            &[me.language],
        ),
        profile_errors: extras.profile_errors,
        password_errors: extras.password_errors,
        mfa_enabled: me.mfa_enabled,
        mfa_required: mfa_required(me.role, me.coordinator, &settings),
        recovery_left,
        tokens: list
            .items
            .iter()
            .map(|tk| TokenRow {
                id: tk.id.to_string(),
                name: tk.name.clone(),
                scope: t.get(&format!("scope-{}", tk.scope.code())),
                created: t.datetime(&tk.created_at),
                expires: tk
                    .expires_at
                    .as_ref()
                    .map_or_else(|| t.get("token-never"), |e| t.datetime(e)),
                last_used: t.datetime_opt(&tk.last_used_at),
                revoked: tk.revoked_at.is_some(),
            })
            .collect(),
        token_errors: extras.token_errors,
        new_token: extras.new_token,
        recovery_codes: extras.recovery_codes,
        directory_listed,
    };
    Ok(page(extras.status.unwrap_or(StatusCode::OK), &template))
}

/// `GET /profile`.
pub async fn show(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Query(q): Query<DoneQuery>,
) -> AppResult<Response> {
    render(
        &state,
        t,
        &session,
        Extras {
            done: q.done,
            ..Extras::default()
        },
    )
    .await
}

/// `POST /profile`.
pub async fn update(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    UiForm(session, draft): UiForm<ProfileDraft>,
) -> AppResult<Response> {
    match ops::update_profile(&state, &session.viewer, &req, &draft).await {
        Ok(_) => Ok(Redirect::to("/profile?done=saved").into_response()),
        Err(AppError::Invalid(e)) => {
            render(
                &state,
                t,
                &session,
                Extras {
                    profile_errors: Errors(e),
                    status: Some(StatusCode::UNPROCESSABLE_ENTITY),
                    ..Extras::default()
                },
            )
            .await
        }
        Err(e) => Err(e),
    }
}

/// `POST /profile/password`.
pub async fn password(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    UiForm(session, draft): UiForm<PasswordDraft>,
) -> AppResult<Response> {
    match ops::change_password(&state, &session.viewer, &req, Some(&session.hash), &draft).await {
        Ok(()) => Ok(Redirect::to("/profile?done=password").into_response()),
        Err(AppError::Invalid(e)) => {
            render(
                &state,
                t,
                &session,
                Extras {
                    password_errors: Errors(e),
                    status: Some(StatusCode::UNPROCESSABLE_ENTITY),
                    ..Extras::default()
                },
            )
            .await
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    expires_days: String,
}

/// `POST /profile/tokens`: creates a token and shows its secret once.
pub async fn create_token(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    UiForm(session, form): UiForm<TokenForm>,
) -> AppResult<Response> {
    let expires_days = match form.expires_days.trim() {
        "" | "0" | "never" => None,
        n => match n.parse::<u32>() {
            Ok(d) => Some(d),
            Err(_) => {
                let e = ward_core::ValidationError::field(
                    "expires_days",
                    "choose how many days the token stays valid",
                );
                return render(
                    &state,
                    t,
                    &session,
                    Extras {
                        token_errors: Errors(e),
                        status: Some(StatusCode::UNPROCESSABLE_ENTITY),
                        ..Extras::default()
                    },
                )
                .await;
            }
        },
    };
    let draft = TokenDraft {
        name: form.name,
        scope: form.scope,
        expires_days,
    };
    match ops::create_token(&state, &session.viewer, &req, &draft).await {
        Ok(issued) => {
            render(
                &state,
                t,
                &session,
                Extras {
                    new_token: Some(issued.secret),
                    ..Extras::default()
                },
            )
            .await
        }
        Err(AppError::Invalid(e)) => {
            render(
                &state,
                t,
                &session,
                Extras {
                    token_errors: Errors(e),
                    status: Some(StatusCode::UNPROCESSABLE_ENTITY),
                    ..Extras::default()
                },
            )
            .await
        }
        Err(e) => Err(e),
    }
}

/// `POST /profile/tokens/{id}/revoke`.
pub async fn revoke_token(
    State(state): State<AppState>,
    req: RequestCtx,
    Path(id): Path<TokenId>,
    UiForm(session, _): UiForm<NoFields>,
) -> AppResult<Response> {
    ops::revoke_token(&state, &session.viewer, &req, id).await?;
    Ok(Redirect::to("/profile?done=revoked").into_response())
}

/// `POST /profile/mfa/recovery`: new recovery codes, shown once.
pub async fn regenerate_recovery(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    UiForm(session, _): UiForm<NoFields>,
) -> AppResult<Response> {
    let codes = mfa::regenerate_recovery_codes(&state, &session.viewer, &req).await?;
    render(
        &state,
        t,
        &session,
        Extras {
            recovery_codes: codes,
            ..Extras::default()
        },
    )
    .await
}

#[derive(Deserialize)]
pub struct DisableForm {
    #[serde(default)]
    current_password: String,
}

/// `POST /profile/mfa/disable`.
pub async fn disable_mfa(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    UiForm(session, form): UiForm<DisableForm>,
) -> AppResult<Response> {
    match mfa::disable(&state, &session.viewer, &req, &form.current_password).await {
        Ok(()) => Ok(Redirect::to("/profile?done=mfa-disabled").into_response()),
        Err(AppError::Invalid(e)) => {
            render(
                &state,
                t,
                &session,
                Extras {
                    password_errors: Errors(e),
                    status: Some(StatusCode::UNPROCESSABLE_ENTITY),
                    ..Extras::default()
                },
            )
            .await
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "mfa.html")]
struct MfaPage {
    layout: Layout,
    enrolment: Option<Enrolment>,
    already: bool,
    error: Option<String>,
    recovery_codes: Vec<String>,
}

async fn mfa_page(
    state: &AppState,
    t: Tr,
    session: &UiSession,
    enrolment: Option<Enrolment>,
    error: Option<String>,
    codes: Vec<String>,
    status: StatusCode,
) -> AppResult<Response> {
    let p = session
        .viewer
        .principal()
        .ok_or(AppError::Unauthorized("sign in first"))?;
    let community = state.settings().await?.community_name;
    let mut layout = Layout::signed_in(
        t,
        session,
        &community,
        t.get("mfa-title"),
        "profile",
        "/profile/mfa",
    );
    if p.must_enrol_mfa && codes.is_empty() {
        layout = layout.notice("warn", t.get("mfa-required-notice"));
    }
    Ok(page(
        status,
        &MfaPage {
            layout,
            enrolment,
            already: p.mfa_enabled || !codes.is_empty(),
            error,
            recovery_codes: codes,
        },
    ))
}

/// `GET /profile/mfa`: starts enrolment (a new secret and its QR code).
pub async fn mfa_start(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
) -> AppResult<Response> {
    let enrolled = session.viewer.principal().is_some_and(|p| p.mfa_enabled);
    let enrolment = if enrolled {
        None
    } else {
        Some(mfa::start(&state, &session.viewer).await?)
    };
    mfa_page(
        &state,
        t,
        &session,
        enrolment,
        None,
        Vec::new(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

/// `POST /profile/mfa`: confirms enrolment with a code and shows the recovery codes once.
pub async fn mfa_confirm(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    UiForm(session, form): UiForm<CodeForm>,
) -> AppResult<Response> {
    match mfa::confirm(&state, &session.viewer, &req, &form.code).await {
        Ok(codes) => mfa_page(&state, t, &session, None, None, codes, StatusCode::OK).await,
        Err(AppError::Invalid(_)) => {
            let enrolment = mfa::pending(&state, &session.viewer).await?;
            mfa_page(
                &state,
                t,
                &session,
                enrolment,
                Some(t.get("mfa-wrong-code")),
                Vec::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}
