//! Typed identifiers. Every id is a UUID (version 7, so ids sort by creation time) wrapped in its own type, so an
//! organization id can never be passed where a person id is expected.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Declares an id newtype over a UUID with parsing, display and serde as the hyphenated string.
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
        #[serde(transparent)]
        #[schema(value_type = String, format = Uuid)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            #[must_use]
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            /// Wraps an existing UUID.
            #[must_use]
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// The UUID inside.
            #[must_use]
            pub const fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0.hyphenated())
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim()).map(Self)
            }
        }

        #[cfg(feature = "sqlx")]
        crate::sql::uuid_codec!($name);
    };
}

id_type!(
    /// An organization: a member institution, the coordinator's organization or a supplier.
    OrgId
);
id_type!(
    /// A person, who belongs to exactly one organization.
    PersonId
);
id_type!(
    /// A sharing group of organizations.
    GroupId
);
id_type!(
    /// A shareable item of any pillar (the envelope's id).
    ItemId
);
id_type!(
    /// An API token (its public id, not the secret).
    TokenId
);
id_type!(
    /// An invitation to join an organization.
    InvitationId
);
id_type!(
    /// A background job in the outbox.
    JobId
);
id_type!(
    /// A membership application of an institution that wants to join.
    ApplicationId
);
id_type!(
    /// A comment on an item.
    CommentId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text() {
        let id = OrgId::new();
        let parsed: OrgId = id.to_string().parse().unwrap();
        assert_eq!(id, parsed);
        assert!("not-a-uuid".parse::<OrgId>().is_err());
    }

    #[test]
    fn ids_serialize_as_plain_strings() {
        let id = PersonId::new();
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
    }

    #[test]
    fn later_ids_sort_after_earlier_ones() {
        let a = ItemId::new();
        let b = ItemId::new();
        assert!(a.as_uuid() <= b.as_uuid());
    }
}
