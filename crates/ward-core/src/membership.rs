//! Membership applications: which institutions may apply, and where an application stands.

use crate::org::OrgKind;
use crate::text_enum::text_enum;

text_enum! {
    /// Where a membership application stands.
    pub enum ApplicationStatus {
        /// Submitted; the coordinator has not decided yet.
        Received = "received",
        /// Approved: the organization exists and its first administrator is invited.
        Approved = "approved",
        /// Rejected, with a reason the applicant can read.
        Rejected = "rejected",
    }
}

impl ApplicationStatus {
    /// Whether the coordinator has decided.
    #[must_use]
    pub const fn is_decided(self) -> bool {
        !matches!(self, Self::Received)
    }
}

/// The kinds of institution that may apply to join: every member kind except the coordinator's own (there is one
/// coordinator), and not suppliers (they are guests the coordinator invites, not members).
#[must_use]
pub fn applicant_kinds() -> Vec<OrgKind> {
    OrgKind::ALL
        .iter()
        .copied()
        .filter(|k| may_apply(*k))
        .collect()
}

/// Whether an institution of this kind may apply to join.
#[must_use]
pub const fn may_apply(kind: OrgKind) -> bool {
    !matches!(kind, OrgKind::Coordinator | OrgKind::Supplier)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::Standing;

    #[test]
    fn applicants_are_members_other_than_the_coordinator() {
        let kinds = applicant_kinds();
        assert!(kinds.contains(&OrgKind::PsychiatricHospital));
        assert!(!kinds.contains(&OrgKind::Coordinator));
        assert!(!kinds.contains(&OrgKind::Supplier));
        assert!(kinds.iter().all(|k| k.standing() == Standing::Member));
    }

    #[test]
    fn only_received_is_undecided() {
        assert!(!ApplicationStatus::Received.is_decided());
        assert!(ApplicationStatus::Approved.is_decided());
        assert!(ApplicationStatus::Rejected.is_decided());
    }
}
