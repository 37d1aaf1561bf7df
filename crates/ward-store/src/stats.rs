//! The overview's figures, counted in one statement: the community's size and what the viewer may read.

use ward_core::ids::OrgId;
use ward_core::item::ItemKind;
use ward_core::tlp::Tlp;
use ward_core::viewer::Viewer;

use crate::db::Tx;
use crate::error::StoreResult;
use crate::items::ViewerParams;
use crate::{on_engine, visible_items_sql};

/// The community's size and what one viewer may read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct Overview {
    /// Active member organizations.
    pub member_orgs: i64,
    /// Active supplier (guest) organizations.
    pub supplier_orgs: i64,
    /// Active people of active organizations.
    pub people: i64,
    /// Active people of the viewer's organization.
    pub org_people: i64,
    /// Sharing groups.
    pub groups: i64,
    /// Readable items marked TLP:CLEAR.
    pub clear: i64,
    /// Readable items marked TLP:GREEN.
    pub green: i64,
    /// Readable items marked TLP:AMBER.
    pub amber: i64,
    /// Readable items marked TLP:AMBER+STRICT.
    pub amber_strict: i64,
    /// Readable items marked TLP:RED, or with a stored label that is not a known one (read as RED).
    pub red: i64,
    /// Readable announcements.
    pub announcements: i64,
}

impl Overview {
    /// The readable items by label, widest first, leaving out labels with none.
    #[must_use]
    pub fn by_tlp(&self) -> Vec<(Tlp, i64)> {
        [
            (Tlp::Clear, self.clear),
            (Tlp::Green, self.green),
            (Tlp::Amber, self.amber),
            (Tlp::AmberStrict, self.amber_strict),
            (Tlp::Red, self.red),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect()
    }
}

/// Counts everything the overview shows for `viewer` of organization `org`.
///
/// # Errors
/// On database errors.
pub async fn overview(tx: &mut Tx, viewer: &Viewer, org: OrgId) -> StoreResult<Overview> {
    let v = ViewerParams::of(viewer);
    Ok(on_engine!(tx, |c| {
        sqlx::query_as(concat!(
        "SELECT \
           (SELECT COUNT(*) FROM organizations WHERE status = 'active' AND kind <> $5) AS member_orgs, \
           (SELECT COUNT(*) FROM organizations WHERE status = 'active' AND kind = $5) AS supplier_orgs, \
           (SELECT COUNT(*) FROM people p JOIN organizations o ON o.id = p.org_id \
              WHERE p.status = 'active' AND o.status = 'active') AS people, \
           (SELECT COUNT(*) FROM people WHERE org_id = $4 AND status = 'active') AS org_people, \
           (SELECT COUNT(*) FROM sharing_groups) AS groups, \
           COALESCE(SUM(CASE WHEN i.tlp = 'clear' THEN 1 ELSE 0 END), 0) AS clear, \
           COALESCE(SUM(CASE WHEN i.tlp = 'green' THEN 1 ELSE 0 END), 0) AS green, \
           COALESCE(SUM(CASE WHEN i.tlp = 'amber' THEN 1 ELSE 0 END), 0) AS amber, \
           COALESCE(SUM(CASE WHEN i.tlp = 'amber+strict' THEN 1 ELSE 0 END), 0) AS amber_strict, \
           COALESCE(SUM(CASE WHEN i.tlp NOT IN ('clear', 'green', 'amber', 'amber+strict') THEN 1 ELSE 0 END), 0) \
             AS red, \
           COALESCE(SUM(CASE WHEN i.kind = $6 THEN 1 ELSE 0 END), 0) AS announcements \
         FROM items i WHERE ",
        visible_items_sql!()
    ))
    .bind(v.person)
    .bind(v.org)
    .bind(v.member)
    .bind(org)
    .bind(crate::orgs::guest_kind())
    .bind(ItemKind::Announcement)
    .fetch_one(c)
    .await?
    }))
}

/// What the public portal tells anyone about the community: its size and how much it shares, never what.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct PublicFigures {
    /// Active member organizations (guests and the coordinator's secretariat not counted).
    pub member_orgs: i64,
    /// Items shared, under every marking.
    pub items: i64,
}

/// The public figures, in one statement.
///
/// # Errors
/// On database errors.
pub async fn public_figures(tx: &mut Tx) -> StoreResult<PublicFigures> {
    Ok(on_engine!(tx, |c| {
        sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM organizations WHERE status = 'active' AND kind NOT IN ($1, 'coordinator')) \
           AS member_orgs, (SELECT COUNT(*) FROM items) AS items"
    )
    .bind(crate::orgs::guest_kind())
    .fetch_one(c)
    .await?
    }))
}
