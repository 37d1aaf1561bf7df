//! Sharing groups: named circles of member organizations that markings can address.

use serde::Serialize;
use ward_core::audit::actions;
use ward_core::ids::{GroupId, OrgId};
use ward_core::org::Standing;
use ward_core::text::Name;
use ward_core::time::Timestamp;

use crate::db::{Tx, WriteTx};
use crate::error::{StoreError, StoreResult, conflict_on_unique};
use crate::on_engine;

/// A sharing group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct SharingGroup {
    /// Id.
    pub id: GroupId,
    /// Name.
    pub name: String,
    /// What the group is for.
    pub description: String,
    /// How many organizations are in it.
    pub member_count: i64,
    /// Created.
    pub created_at: Timestamp,
    /// Last changed.
    pub updated_at: Timestamp,
}

const SELECT: &str = "SELECT g.id, g.name, g.description, \
     (SELECT COUNT(*) FROM sharing_group_members m WHERE m.group_id = g.id) AS member_count, \
     g.created_at, g.updated_at FROM sharing_groups g";
const NAME_TAKEN: &str = "a sharing group with this name already exists";

/// Creates a group.
///
/// # Errors
/// [`StoreError::Conflict`] when the name is taken.
pub async fn create(tx: &mut WriteTx, name: &Name, description: &str) -> StoreResult<SharingGroup> {
    let id = GroupId::new();
    let now = tx.now();
    on_engine!(tx, |c| {
        sqlx::query(
        "INSERT INTO sharing_groups (id, name, description, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)"
    )
    .bind(id)
    .bind(name.as_str())
    .bind(description)
    .bind(now)
    .execute(c)
    .await
    .map_err(|e| conflict_on_unique(e, NAME_TAKEN))?.rows_affected()
    });
    tx.record(
        actions::GROUP_CREATED,
        None,
        Some(("group", id.to_string())),
        serde_json::json!({"name": name.as_str()}),
    );
    get(tx, id).await?.ok_or(StoreError::NotFound)
}

/// Renames a group or changes its description.
///
/// # Errors
/// [`StoreError::NotFound`], or [`StoreError::Conflict`] when the name is taken.
pub async fn update(
    tx: &mut WriteTx,
    id: GroupId,
    name: &Name,
    description: &str,
) -> StoreResult<SharingGroup> {
    let now = tx.now();
    let n = on_engine!(tx, |c| sqlx::query(
        "UPDATE sharing_groups SET name = $2, description = $3, updated_at = $4 WHERE id = $1"
    )
    .bind(id)
    .bind(name.as_str())
    .bind(description)
    .bind(now)
    .execute(c)
    .await
    .map_err(|e| conflict_on_unique(e, NAME_TAKEN))?
    .rows_affected());
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    tx.record(
        actions::GROUP_UPDATED,
        None,
        Some(("group", id.to_string())),
        serde_json::json!({"name": name.as_str()}),
    );
    get(tx, id).await?.ok_or(StoreError::NotFound)
}

/// One group.
///
/// # Errors
/// On database errors.
pub async fn get(tx: &mut Tx, id: GroupId) -> StoreResult<Option<SharingGroup>> {
    Ok(on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(
        format!("{SELECT} WHERE g.id = $1")
    ))
    .bind(id)
    .fetch_optional(c)
    .await?))
}

/// Every group by name (communities have a handful).
///
/// # Errors
/// On database errors.
pub async fn all(tx: &mut Tx) -> StoreResult<Vec<SharingGroup>> {
    Ok(on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(
        format!("{SELECT} ORDER BY g.name, g.id")
    ))
    .fetch_all(c)
    .await?))
}

/// The organizations in a group.
///
/// # Errors
/// On database errors.
pub async fn members(tx: &mut Tx, id: GroupId) -> StoreResult<Vec<crate::orgs::Organization>> {
    Ok(on_engine!(tx, |c| {
        sqlx::query_as(
        "SELECT o.id, o.name, o.kind, o.size_band, o.region, o.languages, o.status, o.created_at, o.updated_at \
         FROM sharing_group_members m JOIN organizations o ON o.id = m.org_id WHERE m.group_id = $1 ORDER BY o.name"
    )
    .bind(id)
    .fetch_all(c)
    .await?
    }))
}

/// Why an organization could not be added to a group.
pub const GUEST_IN_GROUP: &str =
    "suppliers and other guests cannot join sharing groups; address them directly";

/// Adds a member organization to a group (adding twice is harmless).
///
/// # Errors
/// [`StoreError::NotFound`] for an unknown group or organization; [`StoreError::Conflict`] for a guest
/// organization, since groups are circles of members.
pub async fn add_member(tx: &mut WriteTx, id: GroupId, org: OrgId) -> StoreResult<()> {
    get(tx, id).await?.ok_or(StoreError::NotFound)?;
    let organization = crate::orgs::get(tx, org)
        .await?
        .ok_or(StoreError::NotFound)?;
    if organization.kind.standing() == Standing::Guest {
        return Err(StoreError::Conflict(GUEST_IN_GROUP));
    }
    let now = tx.now();
    let n = on_engine!(tx, |c| sqlx::query(
        "INSERT INTO sharing_group_members (group_id, org_id, added_at) VALUES ($1, $2, $3) \
         ON CONFLICT (group_id, org_id) DO NOTHING"
    )
    .bind(id)
    .bind(org)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected());
    tx.record(
        actions::GROUP_MEMBER_ADDED,
        Some(org),
        Some(("group", id.to_string())),
        serde_json::json!({"org": org, "already_member": n == 0}),
    );
    Ok(())
}

/// Removes an organization from a group.
///
/// # Errors
/// [`StoreError::NotFound`] when it was not a member.
pub async fn remove_member(tx: &mut WriteTx, id: GroupId, org: OrgId) -> StoreResult<()> {
    let n = on_engine!(tx, |c| sqlx::query(
        "DELETE FROM sharing_group_members WHERE group_id = $1 AND org_id = $2"
    )
    .bind(id)
    .bind(org)
    .execute(c)
    .await?
    .rows_affected());
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    tx.record(
        actions::GROUP_MEMBER_REMOVED,
        Some(org),
        Some(("group", id.to_string())),
        serde_json::json!({"org": org}),
    );
    Ok(())
}
