//! Items of every kind, through their envelope.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use ward_core::ids::{ItemId, OrgId};
use ward_core::item::{Contributor, Item, ItemKind};
use ward_core::marking::Marking;
use ward_core::org::Language;
use ward_core::page::{Page, PageRequest};
use ward_core::time::Timestamp;
use ward_core::tlp::Tlp;
use ward_core::viewer::Viewer;
use ward_store::items::{self, ItemFilter};

use crate::api::{ApiPath, ApiQuery, Problem};
use crate::auth::api::ApiCaller;
use crate::error::{AppError, AppResult};
use crate::net::RequestCtx;
use crate::state::AppState;

/// An item's envelope as the caller may see it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ItemView {
    /// Id.
    pub id: ItemId,
    /// Kind.
    pub kind: ItemKind,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Language.
    pub language: Language,
    /// Marking.
    pub marking: Marking,
    /// Whether the contributor is hidden.
    pub anonymous: bool,
    /// Who contributed it, when the caller may know.
    pub contributor: Option<Contributor>,
    /// Created.
    pub created_at: Timestamp,
    /// Changed.
    pub updated_at: Timestamp,
    /// Version.
    pub version: i64,
}

impl ItemView {
    /// The view of an item for a viewer.
    #[must_use]
    pub fn of(item: &Item, viewer: &Viewer) -> Self {
        Self {
            id: item.id,
            kind: item.kind,
            title: item.title.clone(),
            summary: item.summary.clone(),
            language: item.language,
            marking: item.marking.clone(),
            anonymous: item.attribution == ward_core::marking::Attribution::Anonymous,
            contributor: item.contributor_for(viewer),
            created_at: item.created_at,
            updated_at: item.updated_at,
            version: item.version,
        }
    }
}

/// Filters and paging for the item list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ItemQuery {
    /// Only this kind (`announcement`).
    pub kind: Option<String>,
    /// Only this TLP label (`CLEAR`, `GREEN`, `AMBER`, `AMBER+STRICT`, `RED`).
    pub tlp: Option<String>,
    /// Only items this organization contributed by name.
    pub owner: Option<String>,
    /// Entries per page, 1–200 (default 50).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The items the caller may read, newest first.
#[utoipa::path(get, path = "/items", tag = "items", params(ItemQuery),
    responses((status = 200, body = Page<ItemView>), (status = 422, body = Problem)))]
pub async fn list_items(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiQuery(q): ApiQuery<ItemQuery>,
) -> AppResult<Json<Page<ItemView>>> {
    let mut errors = ward_core::ValidationError::default();
    let kind = q
        .kind
        .as_deref()
        .and_then(|k| ward_core::error::collect(&mut errors, "kind", k.parse::<ItemKind>()));
    let tlp = q
        .tlp
        .as_deref()
        .and_then(|t| ward_core::error::collect(&mut errors, "tlp", t.parse::<Tlp>()));
    let owner = q.owner.as_deref().and_then(|o| {
        ward_core::error::collect(
            &mut errors,
            "owner",
            o.parse::<OrgId>()
                .map_err(|_| "not a valid organization id"),
        )
    });
    let request = match PageRequest::parse(q.limit, q.cursor.as_deref()) {
        Ok(r) => Some(r),
        Err(e) => {
            errors.errors.extend(e.errors);
            None
        }
    };
    errors.clone().into_result()?;
    let request = request.ok_or(AppError::Invalid(errors))?;
    let mut tx = state.store().read().await?;
    let page = items::list_for(
        &mut tx,
        &caller.viewer,
        ItemFilter { kind, tlp, owner },
        &request,
    )
    .await?;
    tx.finish().await?;
    Ok(Json(page.map(|i| ItemView::of(&i, &caller.viewer))))
}

/// One item's envelope. Reading an AMBER, AMBER+STRICT or RED item is recorded in the audit trail.
#[utoipa::path(get, path = "/items/{id}", tag = "items", params(("id" = String, Path)),
    responses((status = 200, body = ItemView), (status = 404, body = Problem)))]
pub async fn get_item(
    State(state): State<AppState>,
    caller: ApiCaller,
    req: RequestCtx,
    ApiPath(id): ApiPath<ItemId>,
) -> AppResult<Json<ItemView>> {
    let mut tx = state.store().read().await?;
    let item = items::get_for(&mut tx, &caller.viewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.finish().await?;
    crate::ops::record_reads(&state, &caller.viewer, &req, [&item]).await?;
    Ok(Json(ItemView::of(&item, &caller.viewer)))
}
