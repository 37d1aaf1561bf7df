//! Markings: a TLP 2.0 label plus the audience it is addressed to, and who contributed an item.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::ids::{GroupId, OrgId, PersonId};
use crate::text_enum::text_enum;
use crate::tlp::Tlp;

text_enum! {
    /// Whether an item shows who contributed it.
    pub enum Attribution {
        /// Owner organization and author are shown to everyone who may read the item.
        Named = "named",
        /// Owner and author are hidden from everyone but the owner organization (and the coordinator, when the
        /// community setting allows it).
        Anonymous = "anonymous",
    }
}

text_enum! {
    /// The kind of audience a marking addresses.
    pub enum AudienceKind {
        /// Every member organization.
        Community = "community",
        /// The organizations of one or more sharing groups.
        Groups = "groups",
        /// Named organizations.
        Organizations = "organizations",
        /// Named people.
        People = "people",
    }
}

/// Who an item is addressed to. With TLP:AMBER and AMBER+STRICT this is the circle of organizations that may read;
/// with TLP:RED only named people can be an audience; with GREEN it adds readers beyond the community (for example
/// one supplier); with CLEAR it is irrelevant.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", content = "ids", rename_all = "snake_case")]
pub enum Audience {
    /// Every member organization.
    Community,
    /// The member organizations of these sharing groups.
    Groups(BTreeSet<GroupId>),
    /// These organizations.
    Organizations(BTreeSet<OrgId>),
    /// These people.
    People(BTreeSet<PersonId>),
}

impl Audience {
    /// The audience's kind.
    #[must_use]
    pub const fn kind(&self) -> AudienceKind {
        match self {
            Self::Community => AudienceKind::Community,
            Self::Groups(_) => AudienceKind::Groups,
            Self::Organizations(_) => AudienceKind::Organizations,
            Self::People(_) => AudienceKind::People,
        }
    }

    /// How many principals are named (zero for the community).
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Self::Community => 0,
            Self::Groups(g) => g.len(),
            Self::Organizations(o) => o.len(),
            Self::People(p) => p.len(),
        }
    }

    /// Whether a named audience names nobody.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        !matches!(self, Self::Community) && self.len() == 0
    }

    /// The ids it names, as text (what a form or a draft carries).
    #[must_use]
    pub fn id_strings(&self) -> Vec<String> {
        match self {
            Self::Community => Vec::new(),
            Self::Groups(g) => g.iter().map(ToString::to_string).collect(),
            Self::Organizations(o) => o.iter().map(ToString::to_string).collect(),
            Self::People(p) => p.iter().map(ToString::to_string).collect(),
        }
    }
}

/// A TLP label with its audience. Construct it with [`Marking::new`], which rejects combinations that make no sense.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Marking {
    /// The TLP 2.0 label.
    pub tlp: Tlp,
    /// Who it is addressed to.
    pub audience: Audience,
}

/// Why a marking was refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug, thiserror::Error)]
pub enum MarkingError {
    /// RED without a list of people.
    #[error("TLP:RED is for named people only: choose the people who may read it")]
    RedNeedsPeople,
    /// A named audience that names nobody.
    #[error("the audience names nobody: add at least one, or address the whole community")]
    EmptyAudience,
    /// Too many named principals.
    #[error("the audience names more than {MAX_AUDIENCE} entries")]
    TooLarge,
}

/// The most principals one marking may name.
pub const MAX_AUDIENCE: usize = 500;

impl Marking {
    /// Checks and builds a marking. CLEAR is always addressed to the community (everyone may read it anyway).
    ///
    /// # Errors
    /// When RED does not name people, a named audience is empty, or it is too large.
    pub fn new(tlp: Tlp, audience: Audience) -> Result<Self, MarkingError> {
        if audience.is_empty() {
            return Err(MarkingError::EmptyAudience);
        }
        if audience.len() > MAX_AUDIENCE {
            return Err(MarkingError::TooLarge);
        }
        if tlp == Tlp::Red && audience.kind() != AudienceKind::People {
            return Err(MarkingError::RedNeedsPeople);
        }
        let audience = if tlp == Tlp::Clear {
            Audience::Community
        } else {
            audience
        };
        Ok(Self { tlp, audience })
    }

    /// The marking of something every member may read: TLP:GREEN for the community.
    #[must_use]
    pub const fn community_green() -> Self {
        Self {
            tlp: Tlp::Green,
            audience: Audience::Community,
        }
    }
}

/// Facts about the community that decide whether one circle of readers lies inside another.
pub trait Directory {
    /// The organization a person belongs to.
    fn org_of(&self, person: PersonId) -> Option<OrgId>;
    /// Whether an organization is in a sharing group.
    fn org_in_group(&self, org: OrgId, group: GroupId) -> bool;
    /// Whether an organization is a member (not a guest).
    fn is_member_org(&self, org: OrgId) -> bool;
}

/// The circle of readers a marking gives an item, in structural form.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Readers {
    /// Anyone, including the public.
    pub public: bool,
    /// Every person of every member organization.
    pub members: bool,
    /// The organizations of these groups.
    pub groups: BTreeSet<GroupId>,
    /// These organizations.
    pub orgs: BTreeSet<OrgId>,
    /// These people.
    pub people: BTreeSet<PersonId>,
}

impl Readers {
    /// Who may read an item with this marking, owner and author (the same rule as [`crate::policy::can_read`]).
    #[must_use]
    pub fn of(marking: &Marking, owner: OrgId, author: PersonId) -> Self {
        let mut r = Self::default();
        r.people.insert(author);
        let add_audience = |r: &mut Self| match &marking.audience {
            Audience::Community => r.members = true,
            Audience::Groups(g) => r.groups.extend(g.iter().copied()),
            Audience::Organizations(o) => r.orgs.extend(o.iter().copied()),
            Audience::People(p) => r.people.extend(p.iter().copied()),
        };
        match marking.tlp {
            Tlp::Clear => r.public = true,
            Tlp::Green => {
                r.members = true;
                add_audience(&mut r);
            }
            Tlp::Amber | Tlp::AmberStrict => {
                r.orgs.insert(owner);
                add_audience(&mut r);
            }
            Tlp::Red => {
                if let Audience::People(p) = &marking.audience {
                    r.people.extend(p.iter().copied());
                }
            }
        }
        r
    }

    /// Whether every reader here is also a reader of `wider`. Conservative: when it cannot be shown, the answer
    /// is no. Sharing groups contain member organizations only, so "every member" covers any group.
    #[must_use]
    pub fn within(&self, wider: &Self, dir: &impl Directory) -> bool {
        if wider.public {
            return true;
        }
        if self.public || (self.members && !wider.members) {
            return false;
        }
        let org_covered = |org: OrgId| {
            (wider.members && dir.is_member_org(org))
                || wider.orgs.contains(&org)
                || wider.groups.iter().any(|g| dir.org_in_group(org, *g))
        };
        self.groups
            .iter()
            .all(|g| wider.members || wider.groups.contains(g))
            && self.orgs.iter().all(|o| org_covered(*o))
            && self
                .people
                .iter()
                .all(|p| wider.people.contains(p) || dir.org_of(*p).is_some_and(org_covered))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Default)]
    struct World {
        person_org: BTreeMap<PersonId, OrgId>,
        groups: BTreeMap<GroupId, BTreeSet<OrgId>>,
        guests: BTreeSet<OrgId>,
    }

    impl Directory for World {
        fn org_of(&self, person: PersonId) -> Option<OrgId> {
            self.person_org.get(&person).copied()
        }
        fn org_in_group(&self, org: OrgId, group: GroupId) -> bool {
            self.groups.get(&group).is_some_and(|g| g.contains(&org))
        }
        fn is_member_org(&self, org: OrgId) -> bool {
            !self.guests.contains(&org)
        }
    }

    fn orgs(ids: &[OrgId]) -> Audience {
        Audience::Organizations(ids.iter().copied().collect())
    }

    #[test]
    fn red_requires_people() {
        assert_eq!(
            Marking::new(Tlp::Red, Audience::Community),
            Err(MarkingError::RedNeedsPeople)
        );
        assert_eq!(
            Marking::new(Tlp::Amber, Audience::People(BTreeSet::new())),
            Err(MarkingError::EmptyAudience)
        );
    }

    #[test]
    fn clear_is_normalised_to_community() {
        let m = Marking::new(Tlp::Clear, orgs(&[OrgId::new()])).unwrap();
        assert_eq!(m.audience, Audience::Community);
    }

    #[test]
    fn narrowing_amber_to_red_for_a_colleague_is_within() {
        let owner = OrgId::new();
        let author = PersonId::new();
        let colleague = PersonId::new();
        let mut w = World::default();
        w.person_org.insert(colleague, owner);
        let amber = Readers::of(
            &Marking::new(Tlp::Amber, orgs(&[OrgId::new()])).unwrap(),
            owner,
            author,
        );
        let red = Readers::of(
            &Marking::new(Tlp::Red, Audience::People([colleague].into())).unwrap(),
            owner,
            author,
        );
        assert!(red.within(&amber, &w));
        assert!(!amber.within(&red, &w));
    }

    #[test]
    fn adding_an_organization_is_widening() {
        let (owner, a, b) = (OrgId::new(), OrgId::new(), OrgId::new());
        let author = PersonId::new();
        let w = World::default();
        let narrow = Readers::of(
            &Marking::new(Tlp::AmberStrict, orgs(&[a])).unwrap(),
            owner,
            author,
        );
        let wide = Readers::of(
            &Marking::new(Tlp::AmberStrict, orgs(&[a, b])).unwrap(),
            owner,
            author,
        );
        assert!(narrow.within(&wide, &w));
        assert!(!wide.within(&narrow, &w));
    }

    #[test]
    fn guests_are_not_covered_by_the_community() {
        let (owner, supplier) = (OrgId::new(), OrgId::new());
        let author = PersonId::new();
        let mut w = World::default();
        w.guests.insert(supplier);
        let green = Readers::of(&Marking::community_green(), owner, author);
        let to_supplier = Readers::of(
            &Marking::new(Tlp::Amber, orgs(&[supplier])).unwrap(),
            owner,
            author,
        );
        assert!(!to_supplier.within(&green, &w));
    }
}

/// Parses a marking from the text a form or a JSON body carries: a TLP label, an audience kind and the ids it
/// names. Problems are reported on the fields `tlp` and `audience`.
///
/// # Errors
/// When the label or kind is unknown, an id is malformed, or the combination is refused by [`Marking::new`].
pub fn parse_marking(
    tlp: &str,
    audience_kind: &str,
    ids: &[String],
) -> Result<Marking, crate::ValidationError> {
    use crate::ValidationError;
    let mut errors = ValidationError::default();
    let tlp = crate::error::collect(&mut errors, "tlp", tlp.parse::<Tlp>());
    let kind = crate::error::collect(
        &mut errors,
        "audience",
        audience_kind.trim().parse::<AudienceKind>(),
    );
    let ids: Vec<&str> = ids
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let audience = kind.and_then(|kind| {
        let parsed: Result<Audience, String> = match kind {
            AudienceKind::Community => Ok(Audience::Community),
            AudienceKind::Groups => parse_ids(&ids).map(Audience::Groups),
            AudienceKind::Organizations => parse_ids(&ids).map(Audience::Organizations),
            AudienceKind::People => parse_ids(&ids).map(Audience::People),
        };
        crate::error::collect(&mut errors, "audience", parsed)
    });
    errors.clone().into_result()?;
    match (tlp, audience) {
        (Some(tlp), Some(audience)) => Marking::new(tlp, audience)
            .map_err(|e| ValidationError::field("audience", e.to_string())),
        _ => Err(errors),
    }
}

fn parse_ids<T: std::str::FromStr + Ord>(ids: &[&str]) -> Result<BTreeSet<T>, String> {
    ids.iter()
        .map(|s| {
            s.parse::<T>()
                .map_err(|_| format!("{s:?} is not a valid id"))
        })
        .collect()
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    #[test]
    fn markings_parse_with_field_errors() {
        let m =
            parse_marking("AMBER+STRICT", "organizations", &[OrgId::new().to_string()]).unwrap();
        assert_eq!(m.tlp, Tlp::AmberStrict);
        let err = parse_marking("PURPLE", "everyone", &[]).unwrap_err();
        assert!(err.message_for("tlp").is_some());
        assert!(err.message_for("audience").is_some());
        let err = parse_marking("RED", "community", &[]).unwrap_err();
        assert!(
            err.message_for("audience")
                .unwrap()
                .contains("named people")
        );
        let err = parse_marking("AMBER", "people", &["nope".into()]).unwrap_err();
        assert!(
            err.message_for("audience")
                .unwrap()
                .contains("not a valid id")
        );
    }
}
