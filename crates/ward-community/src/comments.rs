//! Comments on items of any kind, readable exactly by those who may read the item.

use serde::Serialize;
use ward_core::ValidationError;
use ward_core::audit::actions;
use ward_core::error::collect;
use ward_core::guard;
use ward_core::ids::{CommentId, ItemId, OrgId, PersonId};
use ward_core::item::Item;
use ward_core::marking::Attribution;
use ward_core::policy;
use ward_core::text::multiline;
use ward_core::time::Timestamp;
use ward_core::viewer::Viewer;
use ward_store::{OpError, Tx, WriteTx, items, on_engine};

use crate::markdown;

/// The longest comment, in characters.
pub const MAX_COMMENT: usize = 10_000;

/// A comment as submitted.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct CommentDraft {
    /// The text in Markdown, 1–10,000 characters.
    #[serde(default)]
    pub body: String,
    /// Personal data the author confirmed may be shared, as `kind:text`.
    #[serde(default)]
    pub confirmed_personal_data: Vec<String>,
}

impl CommentDraft {
    /// Checks the text and passes it through the personal-data guard.
    ///
    /// # Errors
    /// When the text is empty, too long, or holds personal data.
    pub fn parse(&self) -> Result<String, ValidationError> {
        let mut errors = ValidationError::default();
        let body = collect(&mut errors, "body", multiline(&self.body, 1, MAX_COMMENT));
        guard::check_fields(
            &self.confirmed_personal_data,
            [("body", self.body.as_str())],
            &mut errors,
        );
        match body {
            Some(body) if errors.is_empty() => Ok(body),
            _ => Err(errors),
        }
    }
}

/// A comment as a viewer sees it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CommentView {
    /// Id.
    pub id: CommentId,
    /// The commenter's name; absent when it would reveal an anonymous item's contributor.
    pub author: Option<String>,
    /// The commenter's organization; absent likewise.
    pub organization: Option<String>,
    /// Markdown source.
    pub body: String,
    /// Sanitized HTML of the text.
    pub html: String,
    /// When it was written.
    pub created_at: Timestamp,
    /// Whether the viewer may delete it (its author, the item's editors, the coordinator).
    pub can_delete: bool,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: CommentId,
    author_id: PersonId,
    author_name: String,
    org_id: OrgId,
    org_name: String,
    body: String,
    created_at: Timestamp,
}

/// Adds a comment to an item the viewer may read.
///
/// # Errors
/// [`OpError::NotFound`] when the viewer cannot read the item; [`OpError::Forbidden`] for the public.
pub async fn add(
    tx: &mut WriteTx,
    viewer: &Viewer,
    item_id: ItemId,
    body: &str,
) -> Result<CommentView, OpError> {
    let p = viewer
        .principal()
        .ok_or(OpError::Forbidden("sign in to comment"))?;
    let item = items::get_for(tx, viewer, item_id)
        .await?
        .ok_or(OpError::NotFound)?;
    let id = CommentId::new();
    let now = tx.now();
    on_engine!(tx, |c| {
        sqlx::query(
        "INSERT INTO comments (id, item_id, author_id, org_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)"
    )
    .bind(id)
    .bind(item.id)
    .bind(p.person)
    .bind(p.org)
    .bind(body)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected()
    });
    tx.record(
        actions::COMMENT_ADDED,
        Some(p.org),
        Some(("item", item.id.to_string())),
        serde_json::json!({"comment": id, "kind": item.kind}),
    );
    Ok(view_of(
        viewer,
        &item,
        Row {
            id,
            author_id: p.person,
            author_name: p.display_name.clone(),
            org_id: p.org,
            org_name: p.org_name.clone(),
            body: body.to_owned(),
            created_at: now,
        },
    ))
}

/// Who may delete a comment: its author, the item's editors and the coordinator.
fn may_delete(viewer: &Viewer, item: &Item, author: PersonId) -> bool {
    viewer.person_id() == Some(author)
        || viewer.is_coordinator()
        || policy::can_edit(viewer, &item.access())
}

/// A comment as the viewer sees it: a comment from the contributing organization on its own anonymous item would
/// name it, so it is as anonymous as the item.
fn view_of(viewer: &Viewer, item: &Item, r: Row) -> CommentView {
    let hidden = item.attribution == Attribution::Anonymous
        && r.org_id == item.owner
        && !policy::reveals_contributor(viewer, &item.access());
    CommentView {
        id: r.id,
        author: (!hidden).then_some(r.author_name),
        organization: (!hidden).then_some(r.org_name),
        html: markdown::to_html(&r.body),
        can_delete: may_delete(viewer, item, r.author_id),
        body: r.body,
        created_at: r.created_at,
    }
}

/// The comments on an item the caller has read through the access policy (`item` came from a policy-checked
/// read), oldest first.
///
/// # Errors
/// On store errors.
pub async fn list(tx: &mut Tx, viewer: &Viewer, item: &Item) -> Result<Vec<CommentView>, OpError> {
    let rows: Vec<Row> = on_engine!(tx, |c| {
        sqlx::query_as(
        "SELECT c.id, c.author_id, p.display_name AS author_name, c.org_id, o.name AS org_name, c.body, \
           c.created_at \
         FROM comments c JOIN people p ON p.id = c.author_id JOIN organizations o ON o.id = c.org_id \
         WHERE c.item_id = $1 ORDER BY c.created_at, c.id"
    )
    .bind(item.id)
    .fetch_all(c)
    .await?
    });
    Ok(rows.into_iter().map(|r| view_of(viewer, item, r)).collect())
}

/// Deletes a comment: its author, the item's editors and the coordinator may.
///
/// # Errors
/// [`OpError::NotFound`] when the viewer cannot read the item or the comment is not there;
/// [`OpError::Forbidden`] when they may not delete it.
pub async fn delete(
    tx: &mut WriteTx,
    viewer: &Viewer,
    item_id: ItemId,
    id: CommentId,
) -> Result<(), OpError> {
    let item = items::get_for(tx, viewer, item_id)
        .await?
        .ok_or(OpError::NotFound)?;
    let author: Option<PersonId> = on_engine!(tx, |c| sqlx::query_scalar(
        "SELECT author_id FROM comments WHERE id = $1 AND item_id = $2"
    )
    .bind(id)
    .bind(item.id)
    .fetch_optional(c)
    .await?);
    let author = author.ok_or(OpError::NotFound)?;
    if !may_delete(viewer, &item, author) {
        return Err(OpError::Forbidden(
            "only the comment's author, the item's editors or the coordinator can delete it",
        ));
    }
    on_engine!(tx, |c| sqlx::query("DELETE FROM comments WHERE id = $1")
        .bind(id)
        .execute(c)
        .await?
        .rows_affected());
    tx.record(
        actions::COMMENT_DELETED,
        viewer.org_id(),
        Some(("item", item.id.to_string())),
        serde_json::json!({"comment": id}),
    );
    Ok(())
}
