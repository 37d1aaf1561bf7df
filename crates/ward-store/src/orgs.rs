//! Organizations.

use serde::Serialize;
use ward_core::audit::actions;
use ward_core::ids::OrgId;
use ward_core::org::{Language, OrgKind, OrgStatus, Region, SizeBand};
use ward_core::page::{Cursor, Page, PageRequest};
use ward_core::text::Name;
use ward_core::time::Timestamp;

use crate::db::{Tx, WriteTx};
use crate::error::{StoreError, StoreResult, conflict_on_unique};
use crate::on_engine;

/// An organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct Organization {
    /// Id.
    pub id: OrgId,
    /// Name.
    pub name: String,
    /// Kind of institution.
    pub kind: OrgKind,
    /// Size by staff.
    pub size_band: SizeBand,
    /// Region.
    pub region: Region,
    /// Working languages.
    #[sqlx(try_from = "String")]
    pub languages: LanguageList,
    /// Active or suspended.
    pub status: OrgStatus,
    /// Created.
    pub created_at: Timestamp,
    /// Last changed.
    pub updated_at: Timestamp,
}

/// A list of languages, stored as comma-separated codes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(transparent)]
pub struct LanguageList(pub Vec<Language>);

impl TryFrom<String> for LanguageList {
    type Error = StoreError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.split(',')
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<Language>()
                    .map_err(|e| StoreError::Corrupt(e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }
}

impl LanguageList {
    fn stored(&self) -> String {
        self.0
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// What is needed to create an organization.
#[derive(Clone, Debug)]
pub struct NewOrganization {
    /// Name (unique, case-insensitive).
    pub name: Name,
    /// Kind.
    pub kind: OrgKind,
    /// Size.
    pub size_band: SizeBand,
    /// Region.
    pub region: Region,
    /// Languages (at least one).
    pub languages: Vec<Language>,
}

/// Changes to an organization; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct OrgChanges {
    /// New name.
    pub name: Option<Name>,
    /// New kind.
    pub kind: Option<OrgKind>,
    /// New size.
    pub size_band: Option<SizeBand>,
    /// New region.
    pub region: Option<Region>,
    /// New languages.
    pub languages: Option<Vec<Language>>,
    /// New status.
    pub status: Option<OrgStatus>,
}

const COLUMNS: &str =
    "id, name, kind, size_band, region, languages, status, created_at, updated_at";
const NAME_TAKEN: &str = "an organization with this name already exists";

/// Creates an organization.
///
/// # Errors
/// [`StoreError::Conflict`] when the name is taken.
pub async fn create(tx: &mut WriteTx, new: &NewOrganization) -> StoreResult<Organization> {
    let now = tx.now();
    let org = Organization {
        id: OrgId::new(),
        name: new.name.as_str().to_owned(),
        kind: new.kind,
        size_band: new.size_band,
        region: new.region,
        languages: LanguageList(new.languages.clone()),
        status: OrgStatus::Active,
        created_at: now,
        updated_at: now,
    };
    on_engine!(tx, |c| {
        sqlx::query(
        "INSERT INTO organizations (id, name, kind, size_band, region, languages, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    )
    .bind(org.id)
    .bind(&org.name)
    .bind(org.kind)
    .bind(org.size_band)
    .bind(org.region)
    .bind(org.languages.stored())
    .bind(org.status)
    .bind(org.created_at)
    .bind(org.updated_at)
    .execute(c)
    .await
    .map_err(|e| conflict_on_unique(e, NAME_TAKEN))?.rows_affected()
    });
    tx.record(
        actions::ORG_CREATED,
        Some(org.id),
        Some(("organization", org.id.to_string())),
        serde_json::json!({"name": org.name, "kind": org.kind}),
    );
    Ok(org)
}

/// Applies changes to an organization.
///
/// # Errors
/// [`StoreError::NotFound`], or [`StoreError::Conflict`] when the new name is taken.
pub async fn update(
    tx: &mut WriteTx,
    id: OrgId,
    changes: &OrgChanges,
) -> StoreResult<Organization> {
    let current = get(tx, id).await?.ok_or(StoreError::NotFound)?;
    let next = Organization {
        name: changes
            .name
            .as_ref()
            .map_or_else(|| current.name.clone(), |n| n.as_str().to_owned()),
        kind: changes.kind.unwrap_or(current.kind),
        size_band: changes.size_band.unwrap_or(current.size_band),
        region: changes.region.unwrap_or(current.region),
        languages: changes
            .languages
            .clone()
            .map_or_else(|| current.languages.clone(), LanguageList),
        status: changes.status.unwrap_or(current.status),
        updated_at: tx.now(),
        ..current.clone()
    };
    on_engine!(tx, |c| {
        sqlx::query(
        "UPDATE organizations SET name = $2, kind = $3, size_band = $4, region = $5, languages = $6, status = $7, \
         updated_at = $8 WHERE id = $1"
    )
    .bind(id)
    .bind(&next.name)
    .bind(next.kind)
    .bind(next.size_band)
    .bind(next.region)
    .bind(next.languages.stored())
    .bind(next.status)
    .bind(next.updated_at)
    .execute(c)
    .await
    .map_err(|e| conflict_on_unique(e, NAME_TAKEN))?.rows_affected()
    });
    if next.status != current.status {
        // A suspended organization's people must lose their sessions at once.
        crate::sessions::delete_for_org(tx, id).await?;
    }
    tx.record(
        actions::ORG_UPDATED,
        Some(id),
        Some(("organization", id.to_string())),
        serde_json::json!({
            "name": next.name, "kind": next.kind, "size_band": next.size_band, "region": next.region,
            "status": next.status,
        }),
    );
    Ok(next)
}

/// One organization.
///
/// # Errors
/// On database errors.
pub async fn get(tx: &mut Tx, id: OrgId) -> StoreResult<Option<Organization>> {
    Ok(on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(
        format!("SELECT {COLUMNS} FROM organizations WHERE id = $1")
    ))
    .bind(id)
    .fetch_optional(c)
    .await?))
}

/// An organization by its exact id or its name (case-insensitive), as the command line accepts it.
///
/// # Errors
/// On database errors.
pub async fn find(tx: &mut Tx, name_or_id: &str) -> StoreResult<Option<Organization>> {
    if let Ok(id) = name_or_id.parse::<OrgId>()
        && let Some(org) = get(tx, id).await?
    {
        return Ok(Some(org));
    }
    let name = name_or_id.trim();
    Ok(on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(
        format!("SELECT {COLUMNS} FROM organizations WHERE lower(name) = lower($1)")
    ))
    .bind(name)
    .fetch_optional(c)
    .await?))
}

/// Organizations by name, a page at a time.
///
/// # Errors
/// On database errors.
pub async fn list(tx: &mut Tx, page: &PageRequest<String>) -> StoreResult<Page<Organization>> {
    let limit = page.fetch_limit();
    let rows: Vec<Organization> = match &page.after {
        None => on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM organizations ORDER BY name, id LIMIT $1"
        )))
        .bind(limit)
        .fetch_all(c)
        .await?),
        Some(after) => {
            let id = OrgId::from_uuid(after.id);
            on_engine!(tx, |c| {
                sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {COLUMNS} FROM organizations WHERE (name, id) > ($1, $2) ORDER BY name, id LIMIT $3"
            )))
            .bind(&after.key)
            .bind(id)
            .bind(limit)
            .fetch_all(c)
            .await?
            })
        }
    };
    Ok(Page::from_rows(rows, page.limit, |o| Cursor {
        key: o.name.clone(),
        id: o.id.as_uuid(),
    }))
}

/// Every organization, by name (for pickers; communities have hundreds, not millions).
///
/// # Errors
/// On database errors.
pub async fn all(tx: &mut Tx) -> StoreResult<Vec<Organization>> {
    Ok(on_engine!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(
        format!("SELECT {COLUMNS} FROM organizations ORDER BY name, id")
    ))
    .fetch_all(c)
    .await?))
}

/// The one kind of organization whose people are guests (see [`OrgKind::standing`]).
pub(crate) fn guest_kind() -> OrgKind {
    OrgKind::ALL
        .iter()
        .copied()
        .find(|k| k.standing() == ward_core::org::Standing::Guest)
        .unwrap_or(OrgKind::Supplier)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_one_kind_is_a_guest() {
        // The figures query counts guests by one kind; a second guest kind must update it.
        let guests = OrgKind::ALL
            .iter()
            .filter(|k| k.standing() == ward_core::org::Standing::Guest)
            .count();
        assert_eq!(guests, 1);
        assert_eq!(guest_kind(), OrgKind::Supplier);
    }
}
