//! Who is looking: the public, or an authenticated person.

use std::collections::BTreeSet;

use crate::email::Email;
use crate::ids::{GroupId, OrgId, PersonId};
use crate::org::{Language, OrgKind, OrgRole, Standing};

/// The one who makes a request. Only [`crate::auth`] creates a viewer for a person, after checking a session or a
/// token; anything else can only be [`Viewer::public`].
#[derive(Clone, Debug)]
pub struct Viewer {
    principal: Option<Principal>,
}

/// An authenticated person as the access policy sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    /// The person.
    pub person: PersonId,
    /// Their organization.
    pub org: OrgId,
    /// Their organization's kind (decides member or guest standing).
    pub org_kind: OrgKind,
    /// Their organization's name.
    pub org_name: String,
    /// Their role in the organization.
    pub role: OrgRole,
    /// Whether they are a community coordinator.
    pub coordinator: bool,
    /// The sharing groups their organization belongs to.
    pub groups: BTreeSet<GroupId>,
    /// Their e-mail address (sign-in name).
    pub email: Email,
    /// Their name as shown to others.
    pub display_name: String,
    /// Their interface language.
    pub language: Language,
    /// Whether they have a second factor enrolled.
    pub mfa_enabled: bool,
    /// Whether they must enrol a second factor before doing anything else.
    pub must_enrol_mfa: bool,
    /// Whether anonymous contributions are revealed to them beyond their own organization's (coordinator setting).
    pub sees_anonymous_contributors: bool,
}

impl Principal {
    /// Whether the person belongs to a member organization (not a guest).
    #[must_use]
    pub fn is_member(&self) -> bool {
        self.org_kind.standing() == Standing::Member
    }
}

impl Viewer {
    /// Someone who is not signed in: sees only TLP:CLEAR.
    #[must_use]
    pub const fn public() -> Self {
        Self { principal: None }
    }

    pub(crate) const fn authenticated(principal: Principal) -> Self {
        Self {
            principal: Some(principal),
        }
    }

    /// The signed-in person, if any.
    #[must_use]
    pub const fn principal(&self) -> Option<&Principal> {
        self.principal.as_ref()
    }

    /// The signed-in person's id, if any.
    #[must_use]
    pub fn person_id(&self) -> Option<PersonId> {
        self.principal.as_ref().map(|p| p.person)
    }

    /// The signed-in person's organization, if any.
    #[must_use]
    pub fn org_id(&self) -> Option<OrgId> {
        self.principal.as_ref().map(|p| p.org)
    }

    /// Whether this is a community coordinator.
    #[must_use]
    pub fn is_coordinator(&self) -> bool {
        self.principal.as_ref().is_some_and(|p| p.coordinator)
    }

    /// Whether this is a person of a member organization.
    #[must_use]
    pub fn is_member(&self) -> bool {
        self.principal.as_ref().is_some_and(Principal::is_member)
    }
}
