//! Accepting an invitation: the invitee chooses their name and password and is signed in.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use ward_core::org::Language;

use crate::auth::session::{clear_session_cookies, session_cookie};
use crate::error::{AppError, AppResult};
use crate::forms::PublicForm;
use crate::i18n::Tr;
use crate::net::RequestCtx;
use crate::ops::{self, AcceptDraft};
use crate::state::AppState;
use crate::ui::layout::{Errors, Layout, page};
use crate::ui::org::{Choice, choices};

#[derive(Template)]
#[template(path = "invite.html")]
struct InvitePage {
    layout: Layout,
    intro: String,
    fixed_email: Option<String>,
    display_name: String,
    email: String,
    languages: Vec<Choice>,
    errors: Errors,
    action: String,
}

async fn render(
    state: &AppState,
    t: Tr,
    secret: &str,
    draft: &AcceptDraft,
    errors: Errors,
    status: StatusCode,
) -> AppResult<Response> {
    let invitation = ops::open_invitation(state, secret).await?;
    let community = state.settings().await?.community_name;
    let lang = draft.language.parse::<Language>().unwrap_or(t.language());
    Ok(page(
        status,
        &InvitePage {
            layout: Layout::public(t, &community, t.get("invite-accept-title"), "/login"),
            intro: t.with(
                "invite-accept-intro",
                &[
                    ("org", invitation.org_name.clone()),
                    ("role", t.get(&format!("role-{}", invitation.role.code()))),
                ],
            ),
            fixed_email: invitation.email.as_ref().map(ToString::to_string),
            display_name: draft.display_name.clone(),
            email: draft.email.clone(),
            languages: choices(t, &Language::INTERFACE, Language::code, "language", &[lang]),
            errors,
            action: format!("/invite/{secret}"),
        },
    ))
}

/// `GET /invite/{secret}`.
pub async fn form(
    State(state): State<AppState>,
    t: Tr,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    render(
        &state,
        t,
        &secret,
        &AcceptDraft::default(),
        Errors::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /invite/{secret}`.
pub async fn accept(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    headers: HeaderMap,
    jar: CookieJar,
    Path(secret): Path<String>,
    PublicForm(draft): PublicForm<AcceptDraft>,
) -> AppResult<Response> {
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    match ops::accept_invitation(&state, &req, agent, &secret, &draft).await {
        Ok(issued) => {
            let jar = clear_session_cookies(jar).add(session_cookie(issued.secret, req.secure));
            Ok((jar, Redirect::to("/")).into_response())
        }
        Err(AppError::Invalid(e)) => {
            render(
                &state,
                t,
                &secret,
                &draft,
                Errors(e),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}
