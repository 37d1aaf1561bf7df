//! The coordinator's pages: member organizations, sharing groups and community settings.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use ward_core::ids::{GroupId, OrgId};
use ward_core::org::Standing;
use ward_core::policy;
use ward_core::settings::CommunitySettings;
use ward_store::{groups, orgs, people};

use crate::auth::session::{SignedIn, UiSession};
use crate::error::{AppError, AppResult};
use crate::forms::{NoFields, UiForm};
use crate::i18n::Tr;
use crate::net::RequestCtx;
use crate::ops::{self, GroupDraft, OrgDraft};
use crate::state::AppState;
use crate::ui::home::DoneQuery;
use crate::ui::layout::{Errors, Layout, page};
use crate::ui::org::OrgEdit;

fn coordinator_only(session: &UiSession) -> AppResult<()> {
    if policy::can_coordinate(&session.viewer) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

struct OrgRow {
    id: String,
    name: String,
    kind: String,
    region: String,
    people: i64,
    suspended: bool,
    guest: bool,
}

#[derive(Template)]
#[template(path = "community_orgs.html")]
struct OrgsPage {
    layout: Layout,
    orgs: Vec<OrgRow>,
    edit: OrgEdit,
}

async fn orgs_page(
    state: &AppState,
    t: Tr,
    session: &UiSession,
    edit: OrgEdit,
    status: StatusCode,
    done: Option<&str>,
) -> AppResult<Response> {
    let mut tx = state.store().read().await?;
    let all = orgs::all(&mut tx).await?;
    let mut rows = Vec::with_capacity(all.len());
    for o in &all {
        rows.push(OrgRow {
            id: o.id.to_string(),
            name: o.name.clone(),
            kind: t.get(&format!("kind-{}", o.kind.code())),
            region: t.get(&format!("region-{}", o.region.code())),
            people: people::count_active(&mut tx, Some(o.id)).await?,
            suspended: o.status == ward_core::org::OrgStatus::Suspended,
            guest: o.kind.standing() == Standing::Guest,
        });
    }
    tx.finish().await?;
    let community = state.settings().await?.community_name;
    Ok(page(
        status,
        &OrgsPage {
            layout: Layout::signed_in(
                t,
                session,
                &community,
                t.get("community-orgs-title"),
                "community",
                "/community/organizations",
            )
            .done(done),
            orgs: rows,
            edit,
        },
    ))
}

/// `GET /community/organizations`.
pub async fn list_orgs(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Query(q): Query<DoneQuery>,
) -> AppResult<Response> {
    coordinator_only(&session)?;
    orgs_page(
        &state,
        t,
        &session,
        OrgEdit::of(t, None, Errors::default()),
        StatusCode::OK,
        q.done.as_deref(),
    )
    .await
}

/// `POST /community/organizations`.
pub async fn create_org(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    UiForm(session, draft): UiForm<OrgDraft>,
) -> AppResult<Response> {
    coordinator_only(&session)?;
    let refill = |errors: ward_core::ValidationError| {
        let mut edit = OrgEdit::of(t, None, Errors(errors));
        edit.name.clone_from(&draft.name);
        edit
    };
    match ops::create_org(&state, &session.viewer, &req, &draft).await {
        Ok(org) => Ok(
            Redirect::to(&format!("/community/organizations/{}?done=created", org.id))
                .into_response(),
        ),
        Err(AppError::Invalid(e)) => {
            orgs_page(
                &state,
                t,
                &session,
                refill(e),
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            )
            .await
        }
        Err(AppError::Conflict(m)) => {
            orgs_page(
                &state,
                t,
                &session,
                refill(ward_core::ValidationError::field("name", m)),
                StatusCode::CONFLICT,
                None,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

struct GroupRow {
    id: String,
    name: String,
    description: String,
    members: i64,
}

#[derive(Template)]
#[template(path = "community_groups.html")]
struct GroupsPage {
    layout: Layout,
    groups: Vec<GroupRow>,
    name: String,
    description: String,
    errors: Errors,
}

async fn groups_page(
    state: &AppState,
    t: Tr,
    session: &UiSession,
    draft: &GroupDraft,
    errors: Errors,
    status: StatusCode,
    done: Option<&str>,
) -> AppResult<Response> {
    let mut tx = state.store().read().await?;
    let all = groups::all(&mut tx).await?;
    tx.finish().await?;
    let community = state.settings().await?.community_name;
    Ok(page(
        status,
        &GroupsPage {
            layout: Layout::signed_in(
                t,
                session,
                &community,
                t.get("community-groups-title"),
                "community",
                "/community/groups",
            )
            .done(done),
            groups: all
                .into_iter()
                .map(|g| GroupRow {
                    id: g.id.to_string(),
                    name: g.name,
                    description: g.description,
                    members: g.member_count,
                })
                .collect(),
            name: draft.name.clone(),
            description: draft.description.clone(),
            errors,
        },
    ))
}

/// `GET /community/groups`.
pub async fn list_groups(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Query(q): Query<DoneQuery>,
) -> AppResult<Response> {
    coordinator_only(&session)?;
    groups_page(
        &state,
        t,
        &session,
        &GroupDraft::default(),
        Errors::default(),
        StatusCode::OK,
        q.done.as_deref(),
    )
    .await
}

/// `POST /community/groups`.
pub async fn create_group(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    UiForm(session, draft): UiForm<GroupDraft>,
) -> AppResult<Response> {
    coordinator_only(&session)?;
    match ops::create_group(&state, &session.viewer, &req, &draft).await {
        Ok(g) => {
            Ok(Redirect::to(&format!("/community/groups/{}?done=created", g.id)).into_response())
        }
        Err(AppError::Invalid(e)) => {
            groups_page(
                &state,
                t,
                &session,
                &draft,
                Errors(e),
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            )
            .await
        }
        Err(AppError::Conflict(m)) => {
            groups_page(
                &state,
                t,
                &session,
                &draft,
                Errors(ward_core::ValidationError::field("name", m)),
                StatusCode::CONFLICT,
                None,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

struct Member {
    id: String,
    name: String,
    kind: String,
}

#[derive(Template)]
#[template(path = "community_group.html")]
struct GroupPage {
    layout: Layout,
    id: String,
    name: String,
    description: String,
    members: Vec<Member>,
    candidates: Vec<Member>,
    errors: Errors,
}

/// How the group page is shown: fresh, after an action, or with a form's errors.
#[derive(Default)]
struct GroupView<'a> {
    draft: Option<&'a GroupDraft>,
    errors: Errors,
    status: Option<StatusCode>,
    done: Option<&'a str>,
}

async fn group_page(
    state: &AppState,
    t: Tr,
    session: &UiSession,
    id: GroupId,
    view: GroupView<'_>,
) -> AppResult<Response> {
    let GroupView {
        draft,
        errors,
        status,
        done,
    } = view;
    let status = status.unwrap_or(StatusCode::OK);
    let mut tx = state.store().read().await?;
    let group = groups::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let members = groups::members(&mut tx, id).await?;
    let all = orgs::all(&mut tx).await?;
    tx.finish().await?;
    let member_ids: Vec<OrgId> = members.iter().map(|o| o.id).collect();
    let row = |o: &ward_store::orgs::Organization| Member {
        id: o.id.to_string(),
        name: o.name.clone(),
        kind: t.get(&format!("kind-{}", o.kind.code())),
    };
    let community = state.settings().await?.community_name;
    let path = format!("/community/groups/{id}");
    Ok(page(
        status,
        &GroupPage {
            layout: Layout::signed_in(
                t,
                session,
                &community,
                group.name.clone(),
                "community",
                &path,
            )
            .done(done),
            id: group.id.to_string(),
            name: draft.map_or_else(|| group.name.clone(), |d| d.name.clone()),
            description: draft.map_or_else(|| group.description.clone(), |d| d.description.clone()),
            members: members.iter().map(row).collect(),
            candidates: all
                .iter()
                .filter(|o| !member_ids.contains(&o.id) && o.kind.standing() == Standing::Member)
                .map(row)
                .collect(),
            errors,
        },
    ))
}

/// `GET /community/groups/{id}`.
pub async fn show_group(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Path(id): Path<GroupId>,
    Query(q): Query<DoneQuery>,
) -> AppResult<Response> {
    coordinator_only(&session)?;
    let view = GroupView {
        done: q.done.as_deref(),
        ..GroupView::default()
    };
    group_page(&state, t, &session, id, view).await
}

/// `POST /community/groups/{id}`.
pub async fn update_group(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    Path(id): Path<GroupId>,
    UiForm(session, draft): UiForm<GroupDraft>,
) -> AppResult<Response> {
    coordinator_only(&session)?;
    match ops::update_group(&state, &session.viewer, &req, id, &draft).await {
        Ok(_) => Ok(Redirect::to(&format!("/community/groups/{id}?done=saved")).into_response()),
        Err(AppError::Invalid(e)) => {
            let view = GroupView {
                draft: Some(&draft),
                errors: Errors(e),
                status: Some(StatusCode::UNPROCESSABLE_ENTITY),
                done: None,
            };
            group_page(&state, t, &session, id, view).await
        }
        Err(AppError::Conflict(m)) => {
            let view = GroupView {
                draft: Some(&draft),
                errors: Errors(ward_core::ValidationError::field("name", m)),
                status: Some(StatusCode::CONFLICT),
                done: None,
            };
            group_page(&state, t, &session, id, view).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    org: String,
}

/// `POST /community/groups/{id}/members`.
pub async fn add_member(
    State(state): State<AppState>,
    req: RequestCtx,
    Path(id): Path<GroupId>,
    UiForm(session, form): UiForm<MemberForm>,
) -> AppResult<Response> {
    let org: OrgId = form
        .org
        .parse()
        .map_err(|_| AppError::BadRequest("choose an organization".into()))?;
    ops::set_group_member(&state, &session.viewer, &req, id, org, true).await?;
    Ok(Redirect::to(&format!("/community/groups/{id}?done=member-added")).into_response())
}

/// `POST /community/groups/{id}/members/{org}/remove`.
pub async fn remove_member(
    State(state): State<AppState>,
    req: RequestCtx,
    Path((id, org)): Path<(GroupId, OrgId)>,
    UiForm(session, _): UiForm<NoFields>,
) -> AppResult<Response> {
    ops::set_group_member(&state, &session.viewer, &req, id, org, false).await?;
    Ok(Redirect::to(&format!("/community/groups/{id}?done=member-removed")).into_response())
}

#[derive(Template)]
#[template(path = "community_settings.html")]
struct SettingsPage {
    layout: Layout,
    s: CommunitySettings,
    errors: Errors,
}

/// `GET /community/settings`.
pub async fn settings_page(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Query(q): Query<DoneQuery>,
) -> AppResult<Response> {
    coordinator_only(&session)?;
    let s = state.settings().await?;
    Ok(page(
        StatusCode::OK,
        &SettingsPage {
            layout: Layout::signed_in(
                t,
                &session,
                &s.community_name,
                t.get("community-settings-title"),
                "community",
                "/community/settings",
            )
            .done(q.done.as_deref()),
            s,
            errors: Errors::default(),
        },
    ))
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    community_name: String,
    #[serde(default)]
    require_mfa_for_admins: Option<String>,
    #[serde(default)]
    coordinator_sees_anonymous: Option<String>,
    #[serde(default)]
    session_idle_minutes: String,
    #[serde(default)]
    session_absolute_hours: String,
    #[serde(default)]
    invitation_valid_days: String,
}

/// `POST /community/settings`.
pub async fn save_settings(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    UiForm(session, form): UiForm<SettingsForm>,
) -> AppResult<Response> {
    coordinator_only(&session)?;
    let mut errors = ward_core::ValidationError::default();
    let mut number = |field: &str, text: &str| match text.trim().parse::<u32>() {
        Ok(n) => n,
        Err(_) => {
            errors.push(field, "enter a whole number");
            0
        }
    };
    let s = CommunitySettings {
        community_name: form.community_name.trim().to_owned(),
        require_mfa_for_admins: form.require_mfa_for_admins.is_some(),
        coordinator_sees_anonymous: form.coordinator_sees_anonymous.is_some(),
        session_idle_minutes: number("session_idle_minutes", &form.session_idle_minutes),
        session_absolute_hours: number("session_absolute_hours", &form.session_absolute_hours),
        invitation_valid_days: number("invitation_valid_days", &form.invitation_valid_days),
    };
    let result = if errors.is_empty() {
        ops::update_settings(&state, &session.viewer, &req, &s).await
    } else {
        Err(AppError::Invalid(errors))
    };
    match result {
        Ok(_) => Ok(Redirect::to("/community/settings?done=saved").into_response()),
        Err(AppError::Invalid(e)) => {
            let community = state.settings().await?.community_name;
            Ok(page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SettingsPage {
                    layout: Layout::signed_in(
                        t,
                        &session,
                        &community,
                        t.get("community-settings-title"),
                        "community",
                        "/community/settings",
                    ),
                    s,
                    errors: Errors(e),
                },
            ))
        }
        Err(e) => Err(e),
    }
}
