//! Organizations, people and their roles.

use crate::text_enum::text_enum;

text_enum! {
    /// What kind of institution an organization is.
    pub enum OrgKind {
        /// The community coordinator's organization (the focus group's secretariat).
        Coordinator = "coordinator",
        /// A university hospital.
        UniversityHospital = "university_hospital",
        /// A general hospital.
        GeneralHospital = "general_hospital",
        /// A psychiatric hospital.
        PsychiatricHospital = "psychiatric_hospital",
        /// A group of care institutions.
        CareGroup = "care_group",
        /// A clinical laboratory.
        Laboratory = "laboratory",
        /// A nursing home or residential care.
        ResidentialCare = "residential_care",
        /// A partner such as a sector CERT or a public body.
        Partner = "partner",
        /// A supplier or medical-device manufacturer; its people are guests.
        Supplier = "supplier",
    }
}

impl OrgKind {
    /// Whether people of this kind of organization are community members (they see TLP:GREEN) rather than guests.
    #[must_use]
    pub const fn standing(self) -> Standing {
        match self {
            Self::Supplier => Standing::Guest,
            _ => Standing::Member,
        }
    }
}

/// Whether an organization belongs to the member community or is a guest (a supplier).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Standing {
    /// A member institution: its people see everything marked for the community.
    Member,
    /// A guest: its people see only what is addressed to them or their organization.
    Guest,
}

text_enum! {
    /// The size of an organization by staff headcount.
    pub enum SizeBand {
        /// Fewer than 250 staff.
        Small = "small",
        /// 250 to 999 staff.
        Medium = "medium",
        /// 1,000 to 4,999 staff.
        Large = "large",
        /// 5,000 staff or more.
        VeryLarge = "very_large",
    }
}

text_enum! {
    /// Where an organization mainly operates.
    pub enum Region {
        /// Brussels-Capital Region.
        Brussels = "brussels",
        /// Flanders.
        Flanders = "flanders",
        /// Wallonia (including the German-speaking community).
        Wallonia = "wallonia",
        /// Nation-wide.
        National = "national",
        /// Outside Belgium.
        Abroad = "abroad",
    }
}

text_enum! {
    /// A language an organization works in, or a person's interface language.
    pub enum Language {
        /// English.
        En = "en",
        /// Dutch.
        Nl = "nl",
        /// French.
        Fr = "fr",
        /// German.
        De = "de",
    }
}

impl Language {
    /// Languages the interface is translated into.
    pub const INTERFACE: [Self; 3] = [Self::En, Self::Nl, Self::Fr];

    /// Whether the interface is available in this language.
    #[must_use]
    pub fn is_interface_language(self) -> bool {
        Self::INTERFACE.contains(&self)
    }
}

text_enum! {
    /// Whether an organization can currently use Ward.
    pub enum OrgStatus {
        /// Active.
        Active = "active",
        /// Suspended by the coordinator: nobody of the organization can sign in.
        Suspended = "suspended",
    }
}

text_enum! {
    /// Whether a person can currently sign in.
    pub enum PersonStatus {
        /// Active.
        Active = "active",
        /// Disabled by an administrator.
        Disabled = "disabled",
    }
}

text_enum! {
    /// A person's role inside their organization.
    pub enum OrgRole {
        /// Manages the organization's people, invitations and settings.
        Admin = "org_admin",
        /// Leads security work: edits the organization's items and sees its audit trail summary.
        SecurityOfficer = "security_officer",
        /// Contributes content on behalf of the organization.
        Contributor = "contributor",
        /// Reads what the organization may see.
        Reader = "reader",
    }
}

impl OrgRole {
    /// Whether this role may contribute new items for its organization.
    #[must_use]
    pub const fn can_contribute(self) -> bool {
        !matches!(self, Self::Reader)
    }

    /// Whether this role may edit any item of its organization (not only its own).
    #[must_use]
    pub const fn edits_org_items(self) -> bool {
        matches!(self, Self::Admin | Self::SecurityOfficer)
    }

    /// Whether this role administers the organization's people.
    #[must_use]
    pub const fn is_admin(self) -> bool {
        matches!(self, Self::Admin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for kind in OrgKind::ALL {
            assert_eq!(kind.code().parse::<OrgKind>().unwrap(), *kind);
        }
        for role in OrgRole::ALL {
            assert_eq!(role.code().parse::<OrgRole>().unwrap(), *role);
        }
        let err = "superuser".parse::<OrgRole>().unwrap_err().to_string();
        assert!(err.contains("org_admin"), "{err}");
    }

    #[test]
    fn suppliers_are_guests() {
        assert_eq!(OrgKind::Supplier.standing(), Standing::Guest);
        assert_eq!(OrgKind::GeneralHospital.standing(), Standing::Member);
    }
}
