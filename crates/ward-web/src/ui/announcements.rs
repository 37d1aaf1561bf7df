//! Announcements in the UI: list, read, write, re-mark, delete — all through the access policy.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use ward_community::announcements::{self, Announcement, AnnouncementDraft, draft_of};
use ward_core::ids::ItemId;
use ward_core::org::Language;
use ward_core::page::PageRequest;
use ward_core::policy;
use ward_core::time::Timestamp;
use ward_core::tlp::Tlp;
use ward_store::items;

use crate::auth::audit_ctx;
use crate::auth::session::{SignedIn, UiSession};
use crate::error::{AppError, AppResult};
use crate::forms::{NoFields, UiForm};
use crate::i18n::Tr;
use crate::net::RequestCtx;
use crate::state::AppState;
use crate::ui::guard::GuardPanel;
use crate::ui::home::DoneQuery;
use crate::ui::layout::{Errors, Layout, ok, page};
use crate::ui::marking::{
    MarkingPicker, chosen_ids, marking_problem_as_field as conflict_as_field,
};
use crate::ui::org::{Choice, choices};
use crate::ui::view::{AnnouncementRow, TlpBadge, audience_words};

#[derive(Template)]
#[template(path = "announcements.html")]
struct ListPage {
    layout: Layout,
    pinned: Vec<AnnouncementRow>,
    rows: Vec<AnnouncementRow>,
    next: Option<String>,
    can_contribute: bool,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    cursor: Option<String>,
    #[serde(default)]
    done: Option<String>,
}

/// `GET /announcements`.
pub async fn list(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    let request = PageRequest::<Timestamp>::parse(Some(25), q.cursor.as_deref())?;
    let mut tx = state.store().read().await?;
    let page_of = announcements::list(&mut tx, viewer, &request).await?;
    let pinned = if request.after.is_none() {
        announcements::pinned(&mut tx, viewer, 5).await?
    } else {
        Vec::new()
    };
    tx.finish().await?;
    let community = state.settings().await?.community_name;
    Ok(ok(&ListPage {
        layout: Layout::signed_in(
            t,
            &session,
            &community,
            t.get("announcements-title"),
            "announcements",
            "/announcements",
        )
        .done(q.done.as_deref()),
        pinned: pinned
            .iter()
            .map(|a| AnnouncementRow::of(a, viewer, t))
            .collect(),
        rows: page_of
            .items
            .iter()
            .map(|a| AnnouncementRow::of(a, viewer, t))
            .collect(),
        next: page_of.next_cursor,
        can_contribute: policy::can_contribute(viewer),
    }))
}

#[derive(Template)]
#[template(path = "announcement.html")]
struct ShowPage {
    layout: Layout,
    id: String,
    title: String,
    summary: String,
    body: String,
    tlp: TlpBadge,
    tlp_explained: String,
    audience: String,
    audience_names: Vec<String>,
    contributor: String,
    created: String,
    updated: String,
    language: String,
    can_edit: bool,
    pinned: bool,
}

/// `GET /announcements/{id}`. Reading an AMBER, AMBER+STRICT or RED announcement is recorded in the audit trail.
pub async fn show(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    SignedIn(session): SignedIn,
    Path(id): Path<ItemId>,
    Query(q): Query<DoneQuery>,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    let mut tx = state.store().read().await?;
    let a = announcements::get(&mut tx, viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let names = items::audience_names(&mut tx, &a.item.marking.audience).await?;
    tx.finish().await?;
    crate::ops::record_reads(&state, viewer, &req, [&a.item]).await?;
    let community = state.settings().await?.community_name;
    let row = AnnouncementRow::of(&a, viewer, t);
    Ok(ok(&ShowPage {
        layout: Layout::signed_in(
            t,
            &session,
            &community,
            a.item.title.clone(),
            "announcements",
            &format!("/announcements/{id}"),
        )
        .done(q.done.as_deref()),
        id: id.to_string(),
        title: a.item.title.clone(),
        summary: a.item.summary.clone(),
        body: a.body.clone(),
        tlp_explained: t.get(&format!(
            "tlp-explain-{}",
            a.item.marking.tlp.code().replace('+', "-")
        )),
        tlp: row.tlp,
        audience: audience_words(&a.item.marking.audience, t),
        audience_names: names.into_iter().map(|(_, n)| n).collect(),
        contributor: row.contributor,
        created: row.when,
        updated: t.datetime(&a.item.updated_at),
        language: t.get(&format!("language-{}", a.item.language.code())),
        can_edit: policy::can_edit(viewer, &a.item.access()),
        pinned: a.pinned,
    }))
}

#[derive(Template)]
#[template(path = "announcement_form.html")]
struct FormPage {
    layout: Layout,
    action: String,
    editing: bool,
    version: i64,
    draft: AnnouncementDraft,
    languages: Vec<Choice>,
    marking: MarkingPicker,
    guard: GuardPanel,
    errors: Errors,
}

async fn form_page(
    state: &AppState,
    t: Tr,
    session: &UiSession,
    existing: Option<&Announcement>,
    draft: AnnouncementDraft,
    errors: Errors,
    status: StatusCode,
) -> AppResult<Response> {
    let marking =
        MarkingPicker::load(state, t, &draft.tlp, &draft.audience, &draft.audience_ids).await?;
    let language = draft.language.parse::<Language>().unwrap_or(t.language());
    let community = state.settings().await?.community_name;
    let guard = GuardPanel::of(
        t,
        &errors.0,
        &[
            ("title", t.get("field-title"), &draft.title),
            ("summary", t.get("field-summary"), &draft.summary),
            ("body", t.get("field-body"), &draft.body),
        ],
        &draft.confirmed_personal_data,
    );
    let (title, action, path) = match existing {
        Some(a) => (
            t.get("announcement-edit"),
            format!("/announcements/{}", a.item.id),
            format!("/announcements/{}/edit", a.item.id),
        ),
        None => (
            t.get("announcement-new"),
            "/announcements".to_owned(),
            "/announcements/new".to_owned(),
        ),
    };
    Ok(page(
        status,
        &FormPage {
            layout: Layout::signed_in(t, session, &community, title, "announcements", &path),
            action,
            editing: existing.is_some(),
            version: existing.map_or(0, |a| a.item.version),
            languages: choices(t, Language::ALL, Language::code, "language", &[language]),
            marking,
            draft,
            guard,
            errors,
        },
    ))
}

/// `GET /announcements/new`.
pub async fn new_form(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
) -> AppResult<Response> {
    if !policy::can_contribute(&session.viewer) {
        return Err(AppError::Forbidden(
            ward_community::editing::CANNOT_CONTRIBUTE.into(),
        ));
    }
    let draft = AnnouncementDraft {
        tlp: Tlp::Green.label().to_owned(),
        audience: "community".into(),
        language: t.code().to_owned(),
        ..AnnouncementDraft::default()
    };
    form_page(
        &state,
        t,
        &session,
        None,
        draft,
        Errors::default(),
        StatusCode::OK,
    )
    .await
}

/// The form as posted: one picker per audience kind, so the page works without JavaScript.
#[derive(Deserialize, Default)]
pub struct AnnouncementForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    tlp: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    audience_groups: Vec<String>,
    #[serde(default)]
    audience_orgs: Vec<String>,
    #[serde(default)]
    audience_people: Vec<String>,
    #[serde(default)]
    anonymous: Option<String>,
    #[serde(default)]
    pinned: Option<String>,
    #[serde(default)]
    version: Option<i64>,
    /// Personal data the author confirmed may be shared (`kind:text`).
    #[serde(default)]
    confirm: Vec<String>,
}

impl AnnouncementForm {
    fn draft(self) -> (AnnouncementDraft, Option<i64>) {
        let ids = chosen_ids(
            &self.audience,
            self.audience_groups,
            self.audience_orgs,
            self.audience_people,
        );
        (
            AnnouncementDraft {
                title: self.title,
                summary: self.summary,
                body: self.body,
                language: self.language,
                tlp: self.tlp,
                audience: self.audience,
                audience_ids: ids,
                anonymous: self.anonymous.is_some(),
                pinned: self.pinned.is_some(),
                confirmed_personal_data: self.confirm,
            },
            self.version,
        )
    }
}

/// `POST /announcements`.
pub async fn create(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    UiForm(session, form): UiForm<AnnouncementForm>,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    let (draft, _) = form.draft();
    let result = async {
        let input = draft.parse()?;
        let mut tx = state.store().write(audit_ctx(viewer, &req)).await?;
        let id = announcements::create(&mut tx, viewer, &input).await?;
        tx.commit().await?;
        Ok::<_, AppError>(id)
    }
    .await;
    match result.map_err(|e| match e {
        AppError::Conflict(_) => conflict_as_field(e),
        other => other,
    }) {
        Ok(id) => Ok(Redirect::to(&format!("/announcements/{id}?done=created")).into_response()),
        Err(AppError::Invalid(e)) => {
            form_page(
                &state,
                t,
                &session,
                None,
                draft,
                Errors(e),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

/// `GET /announcements/{id}/edit`.
pub async fn edit_form(
    State(state): State<AppState>,
    t: Tr,
    SignedIn(session): SignedIn,
    Path(id): Path<ItemId>,
) -> AppResult<Response> {
    let mut tx = state.store().read().await?;
    let a = announcements::get(&mut tx, &session.viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.finish().await?;
    if !policy::can_edit(&session.viewer, &a.item.access()) {
        return Err(AppError::Forbidden(
            ward_community::editing::CANNOT_EDIT.into(),
        ));
    }
    let draft = draft_of(&a);
    form_page(
        &state,
        t,
        &session,
        Some(&a),
        draft,
        Errors::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /announcements/{id}`.
pub async fn update(
    State(state): State<AppState>,
    t: Tr,
    req: RequestCtx,
    Path(id): Path<ItemId>,
    UiForm(session, form): UiForm<AnnouncementForm>,
) -> AppResult<Response> {
    let viewer = &session.viewer;
    let (draft, version) = form.draft();
    let result = async {
        let input = draft.parse()?;
        let mut tx = state.store().write(audit_ctx(viewer, &req)).await?;
        announcements::update(&mut tx, viewer, id, version, &input).await?;
        tx.commit().await?;
        Ok::<_, AppError>(())
    }
    .await;
    match result.map_err(conflict_as_field) {
        Ok(()) => Ok(Redirect::to(&format!("/announcements/{id}?done=saved")).into_response()),
        Err(AppError::Invalid(e)) => {
            let mut tx = state.store().read().await?;
            let existing = announcements::get(&mut tx, viewer, id)
                .await?
                .ok_or(AppError::NotFound)?;
            tx.finish().await?;
            form_page(
                &state,
                t,
                &session,
                Some(&existing),
                draft,
                Errors(e),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

/// `POST /announcements/{id}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    req: RequestCtx,
    Path(id): Path<ItemId>,
    UiForm(session, _): UiForm<NoFields>,
) -> AppResult<Response> {
    let mut tx = state
        .store()
        .write(audit_ctx(&session.viewer, &req))
        .await?;
    announcements::delete(&mut tx, &session.viewer, id).await?;
    tx.commit().await?;
    Ok(Redirect::to("/announcements?done=deleted").into_response())
}
