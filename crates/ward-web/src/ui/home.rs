//! The home page: a dashboard of real figures, each counted under the access policy.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use ward_community::announcements::{self, Announcement};

use crate::auth::session::{MaybeSignedIn, UiAuth};
use crate::error::AppResult;
use crate::i18n::Tr;
use crate::ops::{self, Dashboard};
use crate::state::AppState;
use crate::ui::layout::{Layout, ok};
use crate::ui::view::{AnnouncementRow, TlpBadge};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    name: String,
    org_name: String,
    figures: Dashboard,
    tlp_rows: Vec<(TlpBadge, i64)>,
    jobs_line: Option<String>,
    recent: Vec<AnnouncementRow>,
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    #[serde(default)]
    pub done: Option<String>,
}

/// `GET /`.
pub async fn page(
    State(state): State<AppState>,
    t: Tr,
    MaybeSignedIn(auth): MaybeSignedIn,
    Query(q): Query<DoneQuery>,
) -> AppResult<Response> {
    let UiAuth::SignedIn(session) = auth else {
        return Ok(Redirect::to("/login").into_response());
    };
    let viewer = &session.viewer;
    let mut tx = state.store().read().await?;
    let figures = ops::dashboard_in(&mut tx, viewer).await?;
    let recent = announcements::overview(&mut tx, viewer, 6).await?;
    tx.finish().await?;
    let community = state.settings().await?.community_name;
    let p = viewer.principal();
    let tlp_rows = figures
        .readable_items
        .iter()
        .rev()
        .map(|c| (TlpBadge::of(c.tlp), c.count))
        .collect();
    let jobs_line = figures.jobs.as_ref().map(|j| {
        t.with(
            "home-jobs-line",
            &[
                ("pending", j.pending.to_string()),
                ("running", j.running.to_string()),
                ("failed", j.failed.to_string()),
            ],
        )
    });
    Ok(ok(&HomePage {
        tlp_rows,
        jobs_line,
        layout: Layout::signed_in(t, &session, &community, t.get("home-title"), "home", "/")
            .done(q.done.as_deref()),
        name: p.map(|p| p.display_name.clone()).unwrap_or_default(),
        org_name: p.map(|p| p.org_name.clone()).unwrap_or_default(),
        figures,
        recent: recent
            .iter()
            .map(|a: &Announcement| AnnouncementRow::of(a, viewer, t))
            .collect(),
    })
    .into_response())
}
