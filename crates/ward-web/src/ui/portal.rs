//! The public portal: what the community is, its figures, its TLP:CLEAR items and the way in — for anyone,
//! without signing in. Every item here is read as the public viewer, through the access policy, so nothing but
//! TLP:CLEAR can appear.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;
use ward_community::{announcements, knowledge, markdown};
use ward_core::ids::ItemId;
use ward_core::item::Item;
use ward_core::page::PageRequest;
use ward_core::time::Timestamp;
use ward_core::tlp::Tlp;
use ward_core::viewer::Viewer;
use ward_store::items::{self, ItemFilter};
use ward_store::stats;

use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::ui::layout::{Layout, ok};

struct PublicRow {
    href: String,
    title: String,
    summary: String,
    kind: String,
    contributor: String,
    when: String,
}

impl PublicRow {
    fn of(item: &Item, t: Tr) -> Self {
        let viewer = Viewer::public();
        Self {
            href: format!("/public/items/{}", item.id),
            title: item.title.clone(),
            summary: item.summary.clone(),
            kind: t.get(&format!("item-kind-{}", item.kind.code())),
            contributor: item
                .contributor_for(&viewer)
                .map_or_else(|| t.get("contributor-anonymous"), |c| c.org_name),
            when: t.datetime(&item.updated_at),
        }
    }
}

#[derive(Template)]
#[template(path = "portal.html")]
struct PortalPage {
    layout: Layout,
    members: i64,
    items: i64,
    rows: Vec<PublicRow>,
    next: Option<String>,
}

/// The page position of the list.
#[derive(Deserialize, Default)]
pub struct PortalQuery {
    #[serde(default)]
    cursor: Option<String>,
}

/// `GET /public`.
pub async fn page_of(
    State(state): State<AppState>,
    t: Tr,
    Query(q): Query<PortalQuery>,
) -> AppResult<Response> {
    let request = PageRequest::<Timestamp>::parse(Some(20), q.cursor.as_deref())?;
    let public = Viewer::public();
    let mut tx = state.store().read().await?;
    let figures = stats::public_figures(&mut tx).await?;
    let found = items::list_for(
        &mut tx,
        &public,
        ItemFilter {
            tlp: Some(Tlp::Clear),
            ..ItemFilter::default()
        },
        &request,
    )
    .await?;
    tx.finish().await?;
    let community = state.settings().await?.community_name;
    Ok(ok(&PortalPage {
        layout: Layout::public(t, &community, t.get("portal-title"), "/public"),
        members: figures.member_orgs,
        items: figures.items,
        rows: found.items.iter().map(|i| PublicRow::of(i, t)).collect(),
        next: found.next_cursor,
    }))
}

#[derive(Template)]
#[template(path = "portal_item.html")]
struct ItemPage {
    layout: Layout,
    row: PublicRow,
    html: String,
    text: String,
}

/// `GET /public/items/{id}`: a TLP:CLEAR announcement or article; anything else does not exist here.
pub async fn item(
    State(state): State<AppState>,
    t: Tr,
    Path(id): Path<ItemId>,
) -> AppResult<Response> {
    let public = Viewer::public();
    let mut tx = state.store().read().await?;
    // Each kind's read applies the policy itself; the id tells which kind answers.
    let (item, html, text) = match announcements::get(&mut tx, &public, id).await? {
        Some(a) => (a.item, String::new(), a.body),
        None => {
            let a = knowledge::get(&mut tx, &public, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let html = markdown::to_html(&a.body);
            (a.head.item, html, String::new())
        }
    };
    tx.finish().await?;
    let community = state.settings().await?.community_name;
    Ok(ok(&ItemPage {
        layout: Layout::public(
            t,
            &community,
            item.title.clone(),
            &format!("/public/items/{id}"),
        ),
        row: PublicRow::of(&item, t),
        html,
        text,
    }))
}
