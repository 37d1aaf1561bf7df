//! The community's membership facts, loaded for decisions that compare circles of readers.

use std::collections::{BTreeMap, BTreeSet};

use ward_core::ids::{GroupId, OrgId, PersonId};
use ward_core::marking::Directory;
use ward_core::org::{OrgKind, Standing};

use crate::db::Tx;
use crate::error::StoreResult;
use crate::on_engine;

/// Who belongs where, as of one transaction.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    person_org: BTreeMap<PersonId, OrgId>,
    group_orgs: BTreeSet<(GroupId, OrgId)>,
    guests: BTreeSet<OrgId>,
}

/// Loads the whole directory (communities have hundreds of organizations, not millions).
///
/// # Errors
/// On database errors.
pub async fn snapshot(tx: &mut Tx) -> StoreResult<Snapshot> {
    let people: Vec<(PersonId, OrgId)> =
        on_engine!(tx, |c| sqlx::query_as("SELECT id, org_id FROM people")
            .fetch_all(c)
            .await?);
    let groups: Vec<(GroupId, OrgId)> = on_engine!(tx, |c| sqlx::query_as(
        "SELECT group_id, org_id FROM sharing_group_members"
    )
    .fetch_all(c)
    .await?);
    let orgs: Vec<(OrgId, OrgKind)> =
        on_engine!(tx, |c| sqlx::query_as("SELECT id, kind FROM organizations")
            .fetch_all(c)
            .await?);
    Ok(Snapshot {
        person_org: people.into_iter().collect(),
        group_orgs: groups.into_iter().collect(),
        guests: orgs
            .into_iter()
            .filter(|(_, k)| k.standing() == Standing::Guest)
            .map(|(id, _)| id)
            .collect(),
    })
}

impl Directory for Snapshot {
    fn org_of(&self, person: PersonId) -> Option<OrgId> {
        self.person_org.get(&person).copied()
    }

    fn org_in_group(&self, org: OrgId, group: GroupId) -> bool {
        self.group_orgs.contains(&(group, org))
    }

    fn is_member_org(&self, org: OrgId) -> bool {
        !self.guests.contains(&org)
    }
}
