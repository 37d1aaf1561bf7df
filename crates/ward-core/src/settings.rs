//! Community-wide settings the coordinator controls.

use serde::{Deserialize, Serialize};

use crate::error::ValidationError;

/// Settings that apply to the whole community.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CommunitySettings {
    /// The community's name, shown in the header and e-mails.
    pub community_name: String,
    /// Whether organization administrators and the coordinator must use a second factor.
    pub require_mfa_for_admins: bool,
    /// Whether the coordinator may see who contributed anonymous items (for moderation).
    pub coordinator_sees_anonymous: bool,
    /// Minutes of inactivity after which a session ends.
    pub session_idle_minutes: u32,
    /// Hours after sign-in after which a session ends regardless of activity.
    pub session_absolute_hours: u32,
    /// Days an invitation link stays valid.
    pub invitation_valid_days: u32,
}

impl Default for CommunitySettings {
    fn default() -> Self {
        Self {
            community_name: "Ward".to_owned(),
            require_mfa_for_admins: true,
            coordinator_sees_anonymous: false,
            session_idle_minutes: 60,
            session_absolute_hours: 12,
            invitation_valid_days: 7,
        }
    }
}

impl CommunitySettings {
    /// Checks that every value is in its sensible range.
    ///
    /// # Errors
    /// Lists each value out of range.
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut errors = ValidationError::default();
        let name = self.community_name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            errors.push(
                "community_name",
                "give the community a name of 1 to 120 characters",
            );
        }
        if !(5..=1440).contains(&self.session_idle_minutes) {
            errors.push("session_idle_minutes", "choose between 5 and 1440 minutes");
        }
        if !(1..=168).contains(&self.session_absolute_hours) {
            errors.push("session_absolute_hours", "choose between 1 and 168 hours");
        }
        if !(1..=60).contains(&self.invitation_valid_days) {
            errors.push("invitation_valid_days", "choose between 1 and 60 days");
        }
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_secure() {
        let s = CommunitySettings::default();
        assert!(s.validate().is_ok());
        assert!(s.require_mfa_for_admins);
        assert!(!s.coordinator_sees_anonymous);
    }

    #[test]
    fn out_of_range_values_are_named() {
        let s = CommunitySettings {
            session_idle_minutes: 0,
            invitation_valid_days: 365,
            ..CommunitySettings::default()
        };
        let err = s.validate().unwrap_err();
        assert!(err.message_for("session_idle_minutes").is_some());
        assert!(err.message_for("invitation_valid_days").is_some());
    }
}
