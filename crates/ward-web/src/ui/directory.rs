//! The member directory for people of member organizations, and each person's choice to be listed in it.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use ward_community::member_directory;

use crate::auth::audit_ctx;
use crate::auth::session::SignedIn;
use crate::error::AppResult;
use crate::forms::UiForm;
use crate::i18n::Tr;
use crate::net::RequestCtx;
use crate::state::AppState;
use crate::ui::layout::{Layout, page};

struct Contact {
    name: String,
    email: String,
    role: String,
}

struct Entry {
    name: String,
    kind: String,
    region: String,
    languages: String,
    contacts: Vec<Contact>,
}

#[derive(Template)]
#[template(path = "directory.html")]
struct DirectoryPage {
    layout: Layout,
    entries: Vec<Entry>,
    listed: bool,
}

/// `GET /directory`: member organizations with the contacts who opted in. Guests are refused.
pub async fn page_for_members(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    let mut tx = state.store().read().await?;
    let entries = member_directory::entries(&mut tx, viewer).await?;
    let listed = match viewer.person_id() {
        Some(p) => member_directory::is_listed(&mut tx, p).await?,
        None => false,
    };
    tx.finish().await?;
    let community = state.settings().await?.community_name;
    Ok(page(
        StatusCode::OK,
        &DirectoryPage {
            layout: Layout::signed_in(
                t,
                &session,
                &community,
                t.get("directory-title"),
                "directory",
                "/directory",
            ),
            entries: entries
                .into_iter()
                .map(|e| Entry {
                    kind: t.get(&format!("kind-{}", e.kind.code())),
                    region: t.get(&format!("region-{}", e.region.code())),
                    languages: e
                        .languages
                        .0
                        .iter()
                        .map(|l| t.get(&format!("language-{}", l.code())))
                        .collect::<Vec<_>>()
                        .join(", "),
                    contacts: e
                        .contacts
                        .into_iter()
                        .map(|c| Contact {
                            role: t.get(&format!("role-{}", c.role.code())),
                            name: c.display_name,
                            email: c.email.to_string(),
                        })
                        .collect(),
                    name: e.name,
                })
                .collect(),
            listed,
        },
    ))
}

#[derive(Deserialize)]
pub struct ListingForm {
    #[serde(default)]
    listed: Option<String>,
}

/// `POST /profile/directory`: the opt-in checkbox (unchecked boxes are not sent, so absence means "not listed").
pub async fn set_listing(
    State(state): State<AppState>,
    req: RequestCtx,
    UiForm(session, form): UiForm<ListingForm>,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    let mut tx = state.store().write(audit_ctx(viewer, &req)).await?;
    member_directory::set_listed(&mut tx, viewer, form.listed.is_some()).await?;
    tx.commit().await?;
    Ok(Redirect::to("/profile?done=saved").into_response())
}
