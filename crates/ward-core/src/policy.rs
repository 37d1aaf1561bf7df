//! The access policy: one set of pure functions that decide who may read, edit and re-mark an item, and who may
//! administer what. Every read path uses [`can_read`] or its SQL twin in `ward-store`; the property tests check that
//! the two agree.

use crate::ids::{OrgId, PersonId};
use crate::marking::{Attribution, Audience, Directory, Marking, Readers};
use crate::tlp::Tlp;
use crate::viewer::{Principal, Viewer};

/// The envelope facts the policy needs about an item.
#[derive(Clone, Copy, Debug)]
pub struct ItemAccess<'a> {
    /// The contributing organization.
    pub owner: OrgId,
    /// The contributing person.
    pub author: PersonId,
    /// Named or anonymous.
    pub attribution: Attribution,
    /// TLP and audience.
    pub marking: &'a Marking,
}

fn in_audience(p: &Principal, audience: &Audience) -> bool {
    match audience {
        Audience::Community => p.is_member(),
        Audience::Groups(groups) => groups.iter().any(|g| p.groups.contains(g)),
        Audience::Organizations(orgs) => orgs.contains(&p.org),
        Audience::People(people) => people.contains(&p.person),
    }
}

/// Whether the viewer may read the item.
///
/// - CLEAR: anyone, also the public.
/// - GREEN: every person of a member organization, plus anyone in the audience (for example a supplier).
/// - AMBER and AMBER+STRICT: the owner organization and the audience organizations (the two differ in what readers
///   may pass on outside Ward, not in who reads inside it).
/// - RED: the named people only.
///
/// The author can always read what they wrote. A stored marking that is not a known TLP label was already read as
/// RED, so unknown markings fail closed.
#[must_use]
pub fn can_read(viewer: &Viewer, item: &ItemAccess<'_>) -> bool {
    let Some(p) = viewer.principal() else {
        return item.marking.tlp == Tlp::Clear;
    };
    if p.person == item.author {
        return true;
    }
    match item.marking.tlp {
        Tlp::Clear => true,
        Tlp::Green => p.is_member() || in_audience(p, &item.marking.audience),
        Tlp::Amber | Tlp::AmberStrict => {
            p.org == item.owner || in_audience(p, &item.marking.audience)
        }
        Tlp::Red => {
            matches!(&item.marking.audience, Audience::People(people) if people.contains(&p.person))
        }
    }
}

/// Whether the viewer may see who contributed the item. Named items reveal their contributor to every reader;
/// anonymous ones only to the owner organization and, when the community allows it, the coordinator.
#[must_use]
pub fn reveals_contributor(viewer: &Viewer, item: &ItemAccess<'_>) -> bool {
    match item.attribution {
        Attribution::Named => true,
        Attribution::Anonymous => viewer
            .principal()
            .is_some_and(|p| p.org == item.owner || p.sees_anonymous_contributors),
    }
}

/// Whether the viewer may contribute new items: people of member organizations, except readers.
#[must_use]
pub fn can_contribute(viewer: &Viewer) -> bool {
    viewer
        .principal()
        .is_some_and(|p| p.is_member() && p.role.can_contribute() && !p.must_enrol_mfa)
}

/// Whether the viewer may edit the item: its author, the owner organization's administrators and security officers,
/// and the coordinator (for moderation) — always only if they may read it.
#[must_use]
pub fn can_edit(viewer: &Viewer, item: &ItemAccess<'_>) -> bool {
    let Some(p) = viewer.principal() else {
        return false;
    };
    if p.must_enrol_mfa || !can_read(viewer, item) {
        return false;
    }
    let owner_side = p.org == item.owner && (p.person == item.author || p.role.edits_org_items());
    owner_side || p.coordinator
}

/// Why a new marking was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RemarkDenied {
    /// The viewer may not edit the item at all.
    #[error("you may not edit this item")]
    NotEditor,
    /// The new marking lets people read who could not before, and the viewer is not of the owner organization.
    #[error("only the contributing organization may widen who can read this item")]
    WideningNeedsOwner,
}

/// Whether the viewer may change the item's marking to `new`. Anyone who may edit may narrow the circle of
/// readers; only the owner organization may widen it. A change that cannot be shown to be a narrowing counts as a
/// widening.
///
/// # Errors
/// When the viewer may not edit, or widens without being the owner.
pub fn check_remark(
    viewer: &Viewer,
    item: &ItemAccess<'_>,
    new: &Marking,
    directory: &impl Directory,
) -> Result<(), RemarkDenied> {
    if !can_edit(viewer, item) {
        return Err(RemarkDenied::NotEditor);
    }
    let is_owner = viewer.org_id() == Some(item.owner);
    if is_owner {
        return Ok(());
    }
    let before = Readers::of(item.marking, item.owner, item.author);
    let after = Readers::of(new, item.owner, item.author);
    if after.within(&before, directory) {
        Ok(())
    } else {
        Err(RemarkDenied::WideningNeedsOwner)
    }
}

/// Whether the viewer administers the organization's people and invitations: its administrators, and the
/// coordinator for every organization.
#[must_use]
pub fn can_manage_org(viewer: &Viewer, org: OrgId) -> bool {
    viewer.principal().is_some_and(|p| {
        !p.must_enrol_mfa && (p.coordinator || (p.org == org && p.role.is_admin()))
    })
}

/// Whether the viewer runs the community (organizations, sharing groups, settings).
#[must_use]
pub fn can_coordinate(viewer: &Viewer) -> bool {
    viewer
        .principal()
        .is_some_and(|p| p.coordinator && !p.must_enrol_mfa)
}

/// Whether the viewer may read an audit entry about `org` (`None`: a community-level event). Organization
/// administrators read their organization's entries; the coordinator reads all.
#[must_use]
pub fn can_read_audit(viewer: &Viewer, org: Option<OrgId>) -> bool {
    viewer.principal().is_some_and(|p| {
        !p.must_enrol_mfa && (p.coordinator || (p.role.is_admin() && org == Some(p.org)))
    })
}

/// Whether the viewer may browse the member directory (member organizations and the contacts who opted in):
/// people of member organizations. Guests (suppliers) do not learn who the members are.
#[must_use]
pub fn can_read_member_directory(viewer: &Viewer) -> bool {
    viewer
        .principal()
        .is_some_and(|p| p.is_member() && !p.must_enrol_mfa)
}

/// An audit entry as the viewer may read it (call only after [`can_read_audit`] allowed the entry's scope).
/// Entries about anonymous items keep the contributor hidden from everyone outside the owner organization, as the
/// items themselves do — the coordinator sees them only when the community setting allows it.
#[must_use]
pub fn audit_view(viewer: &Viewer, record: &crate::audit::AuditRecord) -> crate::audit::AuditView {
    let owner_side = viewer
        .principal()
        .is_some_and(|p| record.org == Some(p.org) || p.sees_anonymous_contributors);
    record.view(record.concerns_anonymous_item() && !owner_side)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::tests::record;
    use crate::ids::GroupId;
    use crate::org::{OrgKind, OrgRole};
    use crate::settings::CommunitySettings;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn viewer(p: Principal) -> Viewer {
        Viewer::authenticated(p)
    }

    fn principal(role: OrgRole, kind: OrgKind) -> Principal {
        let r = record(role, kind);
        let s = crate::auth::SessionRecord {
            person: r.person,
            created_at: crate::time::Clock::now(&crate::time::SystemClock),
            last_seen_at: crate::time::Clock::now(&crate::time::SystemClock),
            mfa_verified: true,
        };
        let settings = CommunitySettings {
            require_mfa_for_admins: false,
            ..CommunitySettings::default()
        };
        let v = crate::auth::viewer_for_session(&s, r, &settings, s.created_at).unwrap();
        v.principal().unwrap().clone()
    }

    #[test]
    fn the_public_sees_clear_only() {
        let m = Marking::community_green();
        let item = ItemAccess {
            owner: OrgId::new(),
            author: PersonId::new(),
            attribution: Attribution::Named,
            marking: &m,
        };
        assert!(!can_read(&Viewer::public(), &item));
        let clear = Marking::new(Tlp::Clear, Audience::Community).unwrap();
        assert!(can_read(
            &Viewer::public(),
            &ItemAccess {
                marking: &clear,
                ..item
            }
        ));
    }

    #[test]
    fn guests_see_green_only_when_addressed() {
        let guest = principal(OrgRole::Reader, OrgKind::Supplier);
        let m = Marking::community_green();
        let item = ItemAccess {
            owner: OrgId::new(),
            author: PersonId::new(),
            attribution: Attribution::Named,
            marking: &m,
        };
        assert!(!can_read(&viewer(guest.clone()), &item));
        let to_guest =
            Marking::new(Tlp::Green, Audience::Organizations([guest.org].into())).unwrap();
        assert!(can_read(
            &viewer(guest),
            &ItemAccess {
                marking: &to_guest,
                ..item
            }
        ));
    }

    #[test]
    fn red_is_for_named_people_even_in_the_owner_org() {
        let colleague = principal(OrgRole::Admin, OrgKind::GeneralHospital);
        let named = PersonId::new();
        let m = Marking::new(Tlp::Red, Audience::People([named].into())).unwrap();
        let item = ItemAccess {
            owner: colleague.org,
            author: PersonId::new(),
            attribution: Attribution::Named,
            marking: &m,
        };
        assert!(!can_read(&viewer(colleague), &item));
    }

    #[test]
    fn anonymous_contributors_stay_hidden_outside_the_owner() {
        let reader = principal(OrgRole::Reader, OrgKind::GeneralHospital);
        let mut coordinator = principal(OrgRole::Admin, OrgKind::Coordinator);
        coordinator.coordinator = true;
        let m = Marking::community_green();
        let item = ItemAccess {
            owner: OrgId::new(),
            author: PersonId::new(),
            attribution: Attribution::Anonymous,
            marking: &m,
        };
        assert!(!reveals_contributor(&viewer(reader.clone()), &item));
        assert!(!reveals_contributor(&viewer(coordinator.clone()), &item));
        coordinator.sees_anonymous_contributors = true;
        assert!(reveals_contributor(&viewer(coordinator), &item));
        assert!(reveals_contributor(
            &viewer(reader.clone()),
            &ItemAccess {
                owner: reader.org,
                ..item
            }
        ));
    }

    struct NoDirectory;
    impl Directory for NoDirectory {
        fn org_of(&self, _: PersonId) -> Option<OrgId> {
            None
        }
        fn org_in_group(&self, _: OrgId, _: GroupId) -> bool {
            false
        }
        fn is_member_org(&self, _: OrgId) -> bool {
            true
        }
    }

    #[test]
    fn the_coordinator_may_narrow_but_not_widen() {
        let mut coordinator = principal(OrgRole::Admin, OrgKind::Coordinator);
        coordinator.coordinator = true;
        let v = viewer(coordinator.clone());
        let green = Marking::community_green();
        let item = ItemAccess {
            owner: OrgId::new(),
            author: PersonId::new(),
            attribution: Attribution::Named,
            marking: &green,
        };
        let amber = Marking::new(
            Tlp::AmberStrict,
            Audience::Organizations([item.owner].into()),
        )
        .unwrap();
        assert_eq!(check_remark(&v, &item, &amber, &NoDirectory), Ok(()));
        let clear = Marking::new(Tlp::Clear, Audience::Community).unwrap();
        assert_eq!(
            check_remark(&v, &item, &clear, &NoDirectory),
            Err(RemarkDenied::WideningNeedsOwner)
        );
    }

    #[test]
    fn audit_entries_of_anonymous_items_hide_the_contributor_from_the_coordinator() {
        use crate::audit::{Actor, AuditEvent, AuditRecord, GENESIS_HASH};
        let owner = principal(OrgRole::Contributor, OrgKind::GeneralHospital);
        let mut coordinator = principal(OrgRole::Admin, OrgKind::Coordinator);
        coordinator.coordinator = true;
        let event = AuditEvent::new(
            "item.created",
            Actor::Person {
                person: owner.person,
                org: owner.org,
            },
            Some(owner.org),
        )
        .detail(serde_json::json!({"anonymous": true}))
        .ip(Some("192.0.2.1".into()));
        let record = AuditRecord::chain(
            &event,
            1,
            crate::time::Clock::now(&crate::time::SystemClock),
            GENESIS_HASH,
        );
        let seen = audit_view(&viewer(coordinator.clone()), &record);
        assert!(
            seen.redacted && seen.org.is_none() && seen.actor_person.is_none() && seen.ip.is_none()
        );
        let by_owner = audit_view(&viewer(owner), &record);
        assert_eq!(by_owner.actor_org, record.actor_org);
        coordinator.sees_anonymous_contributors = true;
        assert!(!audit_view(&viewer(coordinator), &record).redacted);
    }

    #[test]
    fn readers_cannot_edit_colleagues_items() {
        let reader = principal(OrgRole::Reader, OrgKind::GeneralHospital);
        let m = Marking::community_green();
        let item = ItemAccess {
            owner: reader.org,
            author: PersonId::new(),
            attribution: Attribution::Named,
            marking: &m,
        };
        assert!(!can_edit(&viewer(reader), &item));
    }

    // A small random world: the structural reader set of a marking must agree with can_read for every person.
    fn arb_tlp() -> impl Strategy<Value = Tlp> {
        prop::sample::select(Tlp::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn readers_agree_with_can_read(
            tlp in arb_tlp(),
            audience_kind in 0u8..4,
            picks in prop::collection::vec(any::<prop::sample::Index>(), 1..4),
            anonymous in any::<bool>(),
        ) {
            let kinds = [OrgKind::GeneralHospital, OrgKind::UniversityHospital, OrgKind::Supplier, OrgKind::Laboratory];
            let orgs: Vec<(OrgId, OrgKind)> = kinds.iter().map(|k| (OrgId::new(), *k)).collect();
            let groups = [GroupId::new(), GroupId::new()];
            let group_orgs: BTreeMap<GroupId, BTreeSet<OrgId>> = [
                (groups[0], [orgs[0].0, orgs[1].0].into()),
                (groups[1], [orgs[3].0].into()),
            ].into();
            let mut people = Vec::new();
            for (org, kind) in &orgs {
                for role in [OrgRole::Admin, OrgRole::Reader] {
                    let mut p = principal(role, *kind);
                    p.org = *org;
                    p.groups = group_orgs.iter().filter(|(_, os)| os.contains(org)).map(|(g, _)| *g).collect();
                    people.push(p);
                }
            }
            let audience = match audience_kind {
                0 => Audience::Community,
                1 => Audience::Groups(picks.iter().map(|i| groups[i.index(groups.len())]).collect()),
                2 => Audience::Organizations(picks.iter().map(|i| orgs[i.index(orgs.len())].0).collect()),
                _ => Audience::People(picks.iter().map(|i| people[i.index(people.len())].person).collect()),
            };
            let Ok(marking) = Marking::new(tlp, audience) else { return Ok(()); };
            let author = &people[picks[0].index(people.len())];
            let item = ItemAccess {
                owner: author.org,
                author: author.person,
                attribution: if anonymous { Attribution::Anonymous } else { Attribution::Named },
                marking: &marking,
            };
            let readers = Readers::of(&marking, item.owner, item.author);
            for p in &people {
                let structural = readers.public
                    || readers.people.contains(&p.person)
                    || (readers.members && p.is_member())
                    || readers.orgs.contains(&p.org)
                    || readers.groups.iter().any(|g| p.groups.contains(g));
                prop_assert_eq!(structural, can_read(&viewer(p.clone()), &item), "person {:?}", p.person);
            }
        }
    }
}
