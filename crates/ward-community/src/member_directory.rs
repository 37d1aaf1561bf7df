//! The member directory: the member organizations with the people who chose to be listed as their contacts. Only
//! people of member organizations browse it; being listed is each person's own choice, off by default.

use serde::Serialize;
use ward_core::email::Email;
use ward_core::ids::{OrgId, PersonId};
use ward_core::org::{OrgKind, OrgRole, Region, SizeBand, Standing};
use ward_core::policy;
use ward_core::viewer::Viewer;
use ward_store::orgs::LanguageList;
use ward_store::{OpError, Tx, WriteTx, on_engine};

/// Audit action names of this module.
pub mod actions {
    /// A person chose whether they are listed as a contact in the member directory.
    pub const CONTACT_LISTING_CHANGED: &str = "person.directory_listing_changed";
}

/// The message when a guest asks for the directory.
pub const MEMBERS_ONLY: &str = "the member directory is for people of member organizations";

/// A person listed as a contact of their organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct DirectoryContact {
    /// The person.
    pub id: PersonId,
    /// Their organization.
    pub org_id: OrgId,
    /// Shown name.
    pub display_name: String,
    /// E-mail address.
    pub email: Email,
    /// Role in the organization.
    pub role: OrgRole,
}

/// A member organization with its listed contacts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DirectoryEntry {
    /// Id.
    pub id: OrgId,
    /// Name.
    pub name: String,
    /// Kind of institution.
    pub kind: OrgKind,
    /// Region.
    pub region: Region,
    /// Size by staff.
    pub size_band: SizeBand,
    /// Working languages.
    pub languages: LanguageList,
    /// The people who chose to be listed.
    pub contacts: Vec<DirectoryContact>,
}

#[derive(sqlx::FromRow)]
struct OrgRow {
    id: OrgId,
    name: String,
    kind: OrgKind,
    region: Region,
    size_band: SizeBand,
    #[sqlx(try_from = "String")]
    languages: LanguageList,
}

/// The active member organizations by name, each with its listed active people.
///
/// # Errors
/// [`OpError::Forbidden`] for guests and anyone not signed in.
pub async fn entries(tx: &mut Tx, viewer: &Viewer) -> Result<Vec<DirectoryEntry>, OpError> {
    if !policy::can_read_member_directory(viewer) {
        return Err(OpError::Forbidden(MEMBERS_ONLY));
    }
    let orgs: Vec<OrgRow> = on_engine!(tx, |c| {
        sqlx::query_as(
        "SELECT id, name, kind, region, size_band, languages FROM organizations WHERE status = 'active' \
         ORDER BY name, id"
    )
    .fetch_all(c)
    .await?
    });
    let contacts: Vec<DirectoryContact> = on_engine!(tx, |c| sqlx::query_as(
        "SELECT p.id, p.org_id, p.display_name, p.email, p.role FROM people p \
         JOIN organizations o ON o.id = p.org_id \
         WHERE p.directory_contact AND p.status = 'active' AND o.status = 'active' \
         ORDER BY p.display_name, p.id"
    )
    .fetch_all(c)
    .await?);
    Ok(orgs
        .into_iter()
        .filter(|o| o.kind.standing() == Standing::Member)
        .map(|o| DirectoryEntry {
            contacts: contacts
                .iter()
                .filter(|c| c.org_id == o.id)
                .cloned()
                .collect(),
            id: o.id,
            name: o.name,
            kind: o.kind,
            region: o.region,
            size_band: o.size_band,
            languages: o.languages,
        })
        .collect())
}

/// Whether a person is listed as a contact.
///
/// # Errors
/// On store errors.
pub async fn is_listed(tx: &mut Tx, person: PersonId) -> Result<bool, OpError> {
    let listed: Option<bool> = on_engine!(tx, |c| sqlx::query_scalar(
        "SELECT directory_contact FROM people WHERE id = $1"
    )
    .bind(person)
    .fetch_optional(c)
    .await?);
    Ok(listed.unwrap_or(false))
}

/// Lists or unlists the viewer as a contact of their organization.
///
/// # Errors
/// [`OpError::Forbidden`] for guests: they are not in the member directory.
pub async fn set_listed(tx: &mut WriteTx, viewer: &Viewer, listed: bool) -> Result<(), OpError> {
    let Some(p) = viewer
        .principal()
        .filter(|_| policy::can_read_member_directory(viewer))
    else {
        return Err(OpError::Forbidden(MEMBERS_ONLY));
    };
    let now = tx.now();
    on_engine!(tx, |c| sqlx::query(
        "UPDATE people SET directory_contact = $2, updated_at = $3 WHERE id = $1"
    )
    .bind(p.person)
    .bind(listed)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected());
    tx.record(
        actions::CONTACT_LISTING_CHANGED,
        Some(p.org),
        Some(("person", p.person.to_string())),
        serde_json::json!({"listed": listed}),
    );
    Ok(())
}
