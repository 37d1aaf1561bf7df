//! The coordinator's review of membership applications: the list (pending first, with counts), one application,
//! approving and rejecting.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use ward_community::applications::{self, Application, ApplicationCounts, Filter};
use ward_core::ids::ApplicationId;
use ward_core::membership::ApplicationStatus;
use ward_core::page::PageRequest;
use ward_core::policy;
use ward_core::time::Timestamp;

use crate::auth::session::{SignedIn, UiSession};
use crate::error::{AppError, AppResult};
use crate::forms::{NoFields, UiForm};
use crate::i18n::Tr;
use crate::join;
use crate::net::RequestCtx;
use crate::state::AppState;
use crate::ui::layout::{Errors, Layout, page};

fn coordinator_only(session: &UiSession) -> AppResult<()> {
    if policy::can_coordinate(&session.viewer) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// An application in a list.
struct Row {
    id: String,
    org_name: String,
    kind: String,
    region: String,
    contact: String,
    submitted: String,
    status: String,
    status_class: &'static str,
}

fn status_words(t: Tr, status: ApplicationStatus) -> (String, &'static str) {
    match status {
        ApplicationStatus::Received => (t.get("application-status-received"), "info"),
        ApplicationStatus::Approved => (t.get("application-status-approved"), "ok"),
        ApplicationStatus::Rejected => (t.get("application-status-rejected"), "off"),
    }
}

impl Row {
    fn of(a: &Application, t: Tr) -> Self {
        let (status, status_class) = status_words(t, a.status);
        Self {
            id: a.id.to_string(),
            org_name: a.org_name.clone(),
            kind: t.get(&format!("kind-{}", a.kind.code())),
            region: t.get(&format!("region-{}", a.region.code())),
            contact: format!("{} · {}", a.contact_name, a.contact_role),
            submitted: t.datetime(&a.submitted_at),
            status,
            status_class,
        }
    }
}

#[derive(Template)]
#[template(path = "applications.html")]
struct ListPage {
    layout: Layout,
    counts: ApplicationCounts,
    pending: Vec<Row>,
    more_pending: bool,
    decided: Vec<Row>,
    next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    cursor: Option<String>,
}

/// `GET /community/applications`: waiting applications first, then the decided ones, newest first.
pub async fn list(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    coordinator_only(&session)?;
    let decided_page = PageRequest::<Timestamp>::parse(Some(25), q.cursor.as_deref())?;
    let mut tx = state.store().read().await?;
    let counts = applications::counts(&mut tx, &session.viewer).await?;
    let pending = applications::list(
        &mut tx,
        &session.viewer,
        Filter::Status(ApplicationStatus::Received),
        &PageRequest {
            limit: 200,
            after: None,
        },
    )
    .await?;
    let decided =
        applications::list(&mut tx, &session.viewer, Filter::Decided, &decided_page).await?;
    tx.finish().await?;
    let community = state.settings().await?.community_name;
    Ok(page(
        StatusCode::OK,
        &ListPage {
            layout: Layout::signed_in(
                t,
                &session,
                &community,
                t.get("applications-title"),
                "community",
                "/community/applications",
            ),
            counts,
            pending: pending.items.iter().map(|a| Row::of(a, t)).collect(),
            more_pending: pending.next_cursor.is_some(),
            decided: decided.items.iter().map(|a| Row::of(a, t)).collect(),
            next: decided.next_cursor,
        },
    ))
}

#[derive(Template)]
#[template(path = "application.html")]
struct DetailPage {
    layout: Layout,
    id: String,
    org_name: String,
    kind: String,
    size: String,
    region: String,
    languages: String,
    contact_name: String,
    contact_email: String,
    contact_role: String,
    motivation: String,
    submitted: String,
    decided: String,
    status: String,
    status_class: &'static str,
    undecided: bool,
    rejection_reason: Option<String>,
    org_id: Option<String>,
    invitation_link: Option<String>,
    reason: String,
    errors: Errors,
}

/// How the detail page is shown: fresh, after approving (with the link), or with a form's errors.
#[derive(Default)]
struct Extras {
    invitation_link: Option<String>,
    reason: String,
    errors: Errors,
    notice: Option<(&'static str, String)>,
    status: Option<StatusCode>,
}

async fn detail_page(
    state: &AppState,
    t: Tr,
    session: &UiSession,
    id: ApplicationId,
    extras: Extras,
) -> AppResult<Response> {
    let mut tx = state.store().read().await?;
    let a = applications::get(&mut tx, &session.viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.finish().await?;
    let community = state.settings().await?.community_name;
    let (status, status_class) = status_words(t, a.status);
    let mut layout = Layout::signed_in(
        t,
        session,
        &community,
        a.org_name.clone(),
        "community",
        &format!("/community/applications/{id}"),
    );
    if let Some((kind, text)) = extras.notice {
        layout = layout.notice(kind, text);
    }
    Ok(page(
        extras.status.unwrap_or(StatusCode::OK),
        &DetailPage {
            layout,
            id: a.id.to_string(),
            kind: t.get(&format!("kind-{}", a.kind.code())),
            size: t.get(&format!("size-{}", a.size_band.code())),
            region: t.get(&format!("region-{}", a.region.code())),
            languages: a
                .languages
                .0
                .iter()
                .map(|l| t.get(&format!("language-{}", l.code())))
                .collect::<Vec<_>>()
                .join(", "),
            contact_email: a.contact_email.to_string(),
            submitted: t.datetime(&a.submitted_at),
            decided: t.datetime_opt(&a.decided_at),
            status,
            status_class,
            undecided: !a.status.is_decided(),
            org_id: a.org_id.map(|o| o.to_string()),
            invitation_link: extras.invitation_link,
            reason: extras.reason,
            errors: extras.errors,
            org_name: a.org_name,
            contact_name: a.contact_name,
            contact_role: a.contact_role,
            motivation: a.motivation,
            rejection_reason: a.rejection_reason,
        },
    ))
}

#[derive(Deserialize, Default)]
pub struct DetailQuery {
    #[serde(default)]
    done: Option<String>,
}

/// `GET /community/applications/{id}`.
pub async fn show(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Path(id): Path<ApplicationId>,
    Query(q): Query<DetailQuery>,
) -> AppResult<Response> {
    coordinator_only(&session)?;
    let notice =
        (q.done.as_deref() == Some("rejected")).then(|| ("ok", t.get("application-rejected-done")));
    detail_page(
        &state,
        t,
        &session,
        id,
        Extras {
            notice,
            ..Extras::default()
        },
    )
    .await
}

/// The detail page again, with a conflict explained at the top.
async fn conflict_page(
    state: &AppState,
    t: Tr,
    session: &UiSession,
    id: ApplicationId,
    message: String,
) -> AppResult<Response> {
    detail_page(
        state,
        t,
        session,
        id,
        Extras {
            notice: Some(("error", message)),
            status: Some(StatusCode::CONFLICT),
            ..Extras::default()
        },
    )
    .await
}

/// `POST /community/applications/{id}/approve`: shows the first administrator's invitation link once.
pub async fn approve(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    Path(id): Path<ApplicationId>,
    UiForm(session, _): UiForm<NoFields>,
) -> AppResult<Response> {
    coordinator_only(&session)?;
    match join::approve(&state, &session.viewer, &req, id).await {
        Ok(approved) => {
            detail_page(
                &state,
                t,
                &session,
                id,
                Extras {
                    invitation_link: Some(approved.invitation_link),
                    ..Extras::default()
                },
            )
            .await
        }
        Err(AppError::Conflict(m)) => conflict_page(&state, t, &session, id, m).await,
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct RejectForm {
    #[serde(default)]
    reason: String,
}

/// `POST /community/applications/{id}/reject`.
pub async fn reject(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    Path(id): Path<ApplicationId>,
    UiForm(session, form): UiForm<RejectForm>,
) -> AppResult<Response> {
    coordinator_only(&session)?;
    match join::reject(&state, &session.viewer, &req, id, &form.reason).await {
        Ok(_) => Ok(
            Redirect::to(&format!("/community/applications/{id}?done=rejected")).into_response(),
        ),
        Err(AppError::Invalid(e)) => {
            detail_page(
                &state,
                t,
                &session,
                id,
                Extras {
                    reason: form.reason,
                    errors: Errors(e),
                    status: Some(StatusCode::UNPROCESSABLE_ENTITY),
                    ..Extras::default()
                },
            )
            .await
        }
        Err(AppError::Conflict(m)) => conflict_page(&state, t, &session, id, m).await,
        Err(e) => Err(e),
    }
}
