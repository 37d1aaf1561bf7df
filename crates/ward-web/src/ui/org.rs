//! An organization's page: its people, their roles, invitations. Administrators manage their own organization; the
//! coordinator manages every organization and also edits its details.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use ward_core::ids::{InvitationId, OrgId, PersonId};
use ward_core::org::{Language, OrgKind, OrgRole, PersonStatus, Region, SizeBand};
use ward_core::page::PageRequest;
use ward_core::policy;
use ward_store::invitations::Invitation;
use ward_store::orgs::Organization;
use ward_store::people::Person;
use ward_store::{invitations, orgs, people};

use crate::auth::session::{SignedIn, UiSession, safe_next};
use crate::error::{AppError, AppResult};
use crate::forms::UiForm;
use crate::i18n::Tr;
use crate::net::RequestCtx;
use crate::ops::{self, InvitationDraft, OrgDraft};
use crate::state::AppState;
use crate::ui::home::DoneQuery;
use crate::ui::layout::{Errors, Layout, page};

/// A choice in a select box.
#[derive(Clone, Debug)]
pub struct Choice {
    /// The submitted value.
    pub value: String,
    /// The shown text.
    pub label: String,
    /// Whether it is selected.
    pub selected: bool,
}

/// The choices of an enumeration, labelled through `prefix-<code>` messages.
pub fn choices<T: Copy + PartialEq>(
    t: Tr,
    all: &[T],
    code: fn(T) -> &'static str,
    prefix: &str,
    selected: &[T],
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            value: code(*v).to_owned(),
            label: t.get(&format!("{prefix}-{}", code(*v))),
            selected: selected.contains(v),
        })
        .collect()
}

fn role_choices(t: Tr, selected: OrgRole) -> Vec<Choice> {
    choices(t, OrgRole::ALL, OrgRole::code, "role", &[selected])
}

struct PersonRow {
    id: String,
    name: String,
    email: String,
    role: String,
    roles: Vec<Choice>,
    active: bool,
    coordinator: bool,
    mfa: bool,
    last_login: String,
    is_me: bool,
}

struct InvitationRow {
    id: String,
    email: String,
    role: String,
    expires: String,
    state: String,
    open: bool,
}

#[derive(Template)]
#[template(path = "org.html")]
struct OrgPage {
    layout: Layout,
    org: OrgSummary,
    people: Vec<PersonRow>,
    invitations: Vec<InvitationRow>,
    can_manage: bool,
    coordinator_edit: Option<OrgEdit>,
    invite_roles: Vec<Choice>,
    new_link: Option<String>,
    invite_errors: Errors,
    return_to: String,
    more_people: bool,
}

struct OrgSummary {
    id: String,
    name: String,
    kind: String,
    size: String,
    region: String,
    languages: String,
    suspended: bool,
}

/// The form to edit an organization's details.
pub struct OrgEdit {
    /// Name as entered.
    pub name: String,
    /// Kinds.
    pub kinds: Vec<Choice>,
    /// Sizes.
    pub sizes: Vec<Choice>,
    /// Regions.
    pub regions: Vec<Choice>,
    /// Languages.
    pub languages: Vec<Choice>,
    /// Statuses.
    pub statuses: Vec<Choice>,
    /// Problems.
    pub errors: Errors,
}

impl OrgEdit {
    /// The form for an organization (or a new one).
    #[must_use]
    pub fn of(t: Tr, org: Option<&Organization>, errors: Errors) -> Self {
        let kind = org.map(|o| o.kind).unwrap_or(OrgKind::GeneralHospital);
        let size = org.map(|o| o.size_band).unwrap_or(SizeBand::Medium);
        let region = org.map(|o| o.region).unwrap_or(Region::Flanders);
        let langs = org
            .map(|o| o.languages.0.clone())
            .unwrap_or_else(|| vec![Language::Nl]);
        let status = org
            .map(|o| o.status)
            .unwrap_or(ward_core::org::OrgStatus::Active);
        Self {
            name: org.map(|o| o.name.clone()).unwrap_or_default(),
            kinds: choices(t, OrgKind::ALL, OrgKind::code, "kind", &[kind]),
            sizes: choices(t, SizeBand::ALL, SizeBand::code, "size", &[size]),
            regions: choices(t, Region::ALL, Region::code, "region", &[region]),
            languages: choices(t, Language::ALL, Language::code, "language", &langs),
            statuses: choices(
                t,
                ward_core::org::OrgStatus::ALL,
                ward_core::org::OrgStatus::code,
                "org-status",
                &[status],
            ),
            errors,
        }
    }
}

#[derive(Default)]
struct Extras {
    new_link: Option<String>,
    invite_errors: Errors,
    edit_errors: Option<Errors>,
    status: Option<StatusCode>,
    done: Option<String>,
}

async fn render(
    state: &AppState,
    t: Tr,
    session: &UiSession,
    org_id: OrgId,
    path: &str,
    extras: Extras,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    if !ops::can_see_people_of(viewer, org_id) {
        return Err(AppError::NotFound);
    }
    let mut tx = state.store().read().await?;
    let org = orgs::get(&mut tx, org_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let members = people::list_by_org(
        &mut tx,
        org_id,
        &PageRequest {
            limit: 200,
            after: None,
        },
    )
    .await?;
    let can_manage = policy::can_manage_org(viewer, org_id);
    let invites = if can_manage {
        invitations::list(
            &mut tx,
            org_id,
            &PageRequest {
                limit: 50,
                after: None,
            },
        )
        .await?
        .items
    } else {
        Vec::new()
    };
    let now = tx.now();
    tx.finish().await?;
    let me = viewer.person_id();
    let person_row = |p: &Person| PersonRow {
        id: p.id.to_string(),
        name: p.display_name.clone(),
        email: p.email.to_string(),
        role: t.get(&format!("role-{}", p.role.code())),
        roles: role_choices(t, p.role),
        active: p.status == PersonStatus::Active,
        coordinator: p.coordinator,
        mfa: p.mfa_enabled,
        last_login: t.datetime_opt(&p.last_login_at),
        is_me: Some(p.id) == me,
    };
    let invitation_row = |i: &Invitation| InvitationRow {
        id: i.id.to_string(),
        email: i
            .email
            .as_ref()
            .map_or_else(|| "—".to_owned(), ToString::to_string),
        role: t.get(&format!("role-{}", i.role.code())),
        expires: t.datetime(&i.expires_at),
        state: if i.accepted_at.is_some() {
            t.get("invitation-accepted")
        } else if i.revoked_at.is_some() {
            t.get("invitation-revoked")
        } else if i.is_open(now) {
            t.get("invitation-open")
        } else {
            t.get("invitation-expired")
        },
        open: i.is_open(now),
    };
    let community = state.settings().await?.community_name;
    let coordinator_view = policy::can_coordinate(viewer) && path.starts_with("/community/");
    let section = if coordinator_view { "community" } else { "org" };
    let layout = Layout::signed_in(t, session, &community, org.name.clone(), section, path)
        .done(extras.done.as_deref());
    let template = OrgPage {
        layout,
        org: OrgSummary {
            id: org.id.to_string(),
            name: org.name.clone(),
            kind: t.get(&format!("kind-{}", org.kind.code())),
            size: t.get(&format!("size-{}", org.size_band.code())),
            region: t.get(&format!("region-{}", org.region.code())),
            languages: org
                .languages
                .0
                .iter()
                .map(|l| t.get(&format!("language-{}", l.code())))
                .collect::<Vec<_>>()
                .join(", "),
            suspended: org.status == ward_core::org::OrgStatus::Suspended,
        },
        people: members.items.iter().map(person_row).collect(),
        more_people: members.next_cursor.is_some(),
        invitations: invites.iter().map(invitation_row).collect(),
        can_manage,
        coordinator_edit: coordinator_view
            .then(|| OrgEdit::of(t, Some(&org), extras.edit_errors.unwrap_or_default())),
        invite_roles: role_choices(t, OrgRole::Reader),
        new_link: extras.new_link,
        invite_errors: extras.invite_errors,
        return_to: path.to_owned(),
    };
    Ok(page(extras.status.unwrap_or(StatusCode::OK), &template))
}

/// `GET /org`: the viewer's own organization.
pub async fn mine(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Query(q): Query<DoneQuery>,
) -> AppResult<Response> {
    let org = session.viewer.org_id().ok_or(AppError::NotFound)?;
    render(
        &state,
        t,
        &session,
        org,
        "/org",
        Extras {
            done: q.done,
            ..Extras::default()
        },
    )
    .await
}

/// `GET /community/organizations/{id}`: any organization, for the coordinator.
pub async fn any(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Path(id): Path<OrgId>,
    Query(q): Query<DoneQuery>,
) -> AppResult<Response> {
    if !policy::can_coordinate(&session.viewer) {
        return Err(AppError::NotFound);
    }
    render(
        &state,
        t,
        &session,
        id,
        &format!("/community/organizations/{id}"),
        Extras {
            done: q.done,
            ..Extras::default()
        },
    )
    .await
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    role: String,
    #[serde(default)]
    return_to: Option<String>,
}

/// `POST /organizations/{id}/invitations`: creates an invitation and shows its link once.
pub async fn invite(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    Path(org): Path<OrgId>,
    UiForm(session, form): UiForm<InviteForm>,
) -> AppResult<Response> {
    let back = safe_next(form.return_to.as_deref());
    let draft = InvitationDraft {
        email: form.email.clone(),
        role: form.role.clone(),
    };
    match ops::invite(&state, &session.viewer, &req, org, &draft).await {
        Ok(issued) => {
            render(
                &state,
                t,
                &session,
                org,
                &back,
                Extras {
                    new_link: Some(issued.link),
                    ..Extras::default()
                },
            )
            .await
        }
        Err(AppError::Invalid(errors)) => {
            render(
                &state,
                t,
                &session,
                org,
                &back,
                Extras {
                    invite_errors: Errors(errors),
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
pub struct BackForm {
    #[serde(default)]
    return_to: Option<String>,
}

fn back_with(return_to: Option<&str>, done: &str) -> Response {
    let back = safe_next(return_to);
    let sep = if back.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{back}{sep}done={done}")).into_response()
}

/// `POST /invitations/{id}/revoke`.
pub async fn revoke_invitation(
    State(state): State<AppState>,
    req: RequestCtx,
    Path(id): Path<InvitationId>,
    UiForm(session, form): UiForm<BackForm>,
) -> AppResult<Response> {
    ops::revoke_invitation(&state, &session.viewer, &req, id).await?;
    Ok(back_with(form.return_to.as_deref(), "revoked"))
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    return_to: Option<String>,
}

/// `POST /people/{id}/role`.
pub async fn set_role(
    State(state): State<AppState>,
    req: RequestCtx,
    Path(id): Path<PersonId>,
    UiForm(session, form): UiForm<RoleForm>,
) -> AppResult<Response> {
    ops::set_role(&state, &session.viewer, &req, id, &form.role).await?;
    Ok(back_with(form.return_to.as_deref(), "role"))
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    return_to: Option<String>,
}

/// `POST /people/{id}/status`.
pub async fn set_status(
    State(state): State<AppState>,
    req: RequestCtx,
    Path(id): Path<PersonId>,
    UiForm(session, form): UiForm<StatusForm>,
) -> AppResult<Response> {
    ops::set_status(&state, &session.viewer, &req, id, &form.status).await?;
    Ok(back_with(form.return_to.as_deref(), "status"))
}

/// `POST /community/organizations/{id}`: the coordinator edits an organization.
pub async fn update(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    Path(id): Path<OrgId>,
    UiForm(session, draft): UiForm<OrgDraft>,
) -> AppResult<Response> {
    let path = format!("/community/organizations/{id}");
    match ops::update_org(&state, &session.viewer, &req, id, &draft).await {
        Ok(_) => Ok(Redirect::to(&format!("{path}?done=saved")).into_response()),
        Err(AppError::Invalid(errors)) => {
            render(
                &state,
                t,
                &session,
                id,
                &path,
                Extras {
                    edit_errors: Some(Errors(errors)),
                    status: Some(StatusCode::UNPROCESSABLE_ENTITY),
                    ..Extras::default()
                },
            )
            .await
        }
        Err(AppError::Conflict(message)) => {
            render(
                &state,
                t,
                &session,
                id,
                &path,
                Extras {
                    edit_errors: Some(Errors(ward_core::ValidationError::field("name", message))),
                    status: Some(StatusCode::CONFLICT),
                    ..Extras::default()
                },
            )
            .await
        }
        Err(e) => Err(e),
    }
}
