//! The public join page: an institution that is not a member applies, and follows its application on a status page
//! that only its status link opens.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use ward_community::applications::{self, ApplicantView, ApplicationDraft, InvitationState};
use ward_core::membership::{ApplicationStatus, applicant_kinds};
use ward_core::org::{Language, OrgKind, Region, SizeBand};

use crate::error::{AppError, AppResult};
use crate::forms::PublicForm;
use crate::i18n::Tr;
use crate::join;
use crate::net::RequestCtx;
use crate::state::AppState;
use crate::ui::layout::{Errors, Layout, page};
use crate::ui::org::{Choice, choices};

#[derive(Template)]
#[template(path = "join.html")]
struct JoinPage {
    layout: Layout,
    draft: ApplicationDraft,
    kinds: Vec<Choice>,
    sizes: Vec<Choice>,
    regions: Vec<Choice>,
    languages: Vec<Choice>,
    errors: Errors,
}

/// The form, pre-filled with `draft` (or sensible defaults for the visitor's language).
async fn form_page(
    state: &AppState,
    t: Tr,
    draft: ApplicationDraft,
    errors: Errors,
    status: StatusCode,
    notice: Option<String>,
) -> AppResult<Response> {
    let community = state.settings().await?.community_name;
    let kind = draft
        .kind
        .parse::<OrgKind>()
        .unwrap_or(OrgKind::GeneralHospital);
    let size = draft
        .size_band
        .parse::<SizeBand>()
        .unwrap_or(SizeBand::Medium);
    let region = draft
        .region
        .parse::<Region>()
        .unwrap_or(match t.language() {
            Language::Nl => Region::Flanders,
            Language::Fr => Region::Wallonia,
            _ => Region::Brussels,
        });
    let mut langs: Vec<Language> = draft
        .languages
        .iter()
        .filter_map(|l| l.parse().ok())
        .collect();
    if langs.is_empty() && !errors.any() {
        langs.push(t.language());
    }
    let mut layout = Layout::public(t, &community, t.get("join-title"), "/join");
    if let Some(text) = notice {
        layout = layout.notice("error", text);
    }
    Ok(page(
        status,
        &JoinPage {
            layout,
            kinds: choices(t, &applicant_kinds(), OrgKind::code, "kind", &[kind]),
            sizes: choices(t, SizeBand::ALL, SizeBand::code, "size", &[size]),
            regions: choices(t, Region::ALL, Region::code, "region", &[region]),
            languages: choices(t, Language::ALL, Language::code, "language", &langs),
            draft,
            errors,
        },
    ))
}

/// `GET /join`.
pub async fn form(State(state): State<AppState>, t: Tr) -> AppResult<Response> {
    form_page(
        &state,
        t,
        ApplicationDraft::default(),
        Errors::default(),
        StatusCode::OK,
        None,
    )
    .await
}

/// `POST /join`: on success, the applicant lands on their status page, which shows its own link to keep.
pub async fn submit(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    PublicForm(draft): PublicForm<ApplicationDraft>,
) -> AppResult<Response> {
    match join::submit(&state, &req, &draft).await {
        Ok(submitted) => {
            let path = submitted
                .status_url
                .strip_prefix(&req.origin)
                .unwrap_or(&submitted.status_url)
                .to_owned();
            Ok(Redirect::to(&format!("{path}?new=1")).into_response())
        }
        Err(AppError::Invalid(e)) => {
            form_page(
                &state,
                t,
                draft,
                Errors(e),
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            )
            .await
        }
        Err(AppError::Conflict(m)) => {
            form_page(
                &state,
                t,
                draft,
                Errors(ward_core::ValidationError::field("name", m)),
                StatusCode::CONFLICT,
                None,
            )
            .await
        }
        Err(AppError::TooManyRequests(_)) => {
            form_page(
                &state,
                t,
                draft,
                Errors::default(),
                StatusCode::TOO_MANY_REQUESTS,
                Some(t.get("join-throttled")),
            )
            .await
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "join_status.html")]
struct StatusPage {
    layout: Layout,
    fresh: bool,
    status_link: String,
    org_name: String,
    status: String,
    status_class: &'static str,
    waiting: bool,
    submitted: String,
    decided: String,
    reason: Option<String>,
    invitation_link: Option<String>,
    invitation_expires: String,
    joined: bool,
    invitation_closed: bool,
}

#[derive(Deserialize, Default)]
pub struct StatusQuery {
    #[serde(default)]
    new: Option<String>,
}

/// `GET /join/status/{secret}`: what became of the application; the link of the first administrator's invitation
/// once approved. Unknown links are simply not found.
pub async fn status(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    Path(secret): Path<String>,
    Query(q): Query<StatusQuery>,
) -> AppResult<Response> {
    let mut tx = state.store().read().await?;
    let view = applications::status_of(&mut tx, &secret).await?;
    tx.finish().await?;
    let view: ApplicantView = view.ok_or(AppError::NotFound)?;
    let community = state.settings().await?.community_name;
    let (status, status_class) = match view.status {
        ApplicationStatus::Received => (t.get("application-status-received"), "info"),
        ApplicationStatus::Approved => (t.get("application-status-approved"), "ok"),
        ApplicationStatus::Rejected => (t.get("application-status-rejected"), "off"),
    };
    let (invitation_link, invitation_expires) = match &view.invitation {
        Some(InvitationState::Open { secret, expires_at }) => (
            Some(format!("{}/invite/{secret}", req.origin)),
            t.datetime(expires_at),
        ),
        _ => (None, String::new()),
    };
    Ok(page(
        StatusCode::OK,
        &StatusPage {
            // The language switch returns here, so the page's own path (with its secret) is the way back.
            layout: Layout::public(
                t,
                &community,
                t.get("join-status-title"),
                &format!("/join/status/{secret}"),
            ),
            fresh: q.new.is_some(),
            status_link: join::status_url(&req, &secret),
            org_name: view.org_name,
            status,
            status_class,
            waiting: view.status == ApplicationStatus::Received,
            submitted: t.datetime(&view.submitted_at),
            decided: t.datetime_opt(&view.decided_at),
            reason: view.rejection_reason,
            invitation_link,
            invitation_expires,
            joined: view.invitation == Some(InvitationState::Accepted),
            invitation_closed: view.invitation == Some(InvitationState::Closed),
        },
    ))
}
