//! TLP 2.0 labels (FIRST, August 2022) and their canonical STIX 2.1 marking-definition ids.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A TLP 2.0 label. Ordered from the narrowest (RED) to the widest (CLEAR) circle of readers.
#[derive(
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Debug,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
pub enum Tlp {
    /// Named recipients only.
    #[serde(rename = "RED")]
    Red,
    /// The audience organizations only.
    #[serde(rename = "AMBER+STRICT")]
    AmberStrict,
    /// The audience organizations and the clients they name.
    #[serde(rename = "AMBER")]
    Amber,
    /// The whole member community, never public channels.
    #[serde(rename = "GREEN")]
    Green,
    /// Anyone, including the public.
    #[serde(rename = "CLEAR")]
    Clear,
}

/// The TLP 2.0 extension-definition id used by the OASIS common objects.
pub const TLP2_EXTENSION_ID: &str = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

impl Tlp {
    /// All labels, narrowest first.
    pub const ALL: [Self; 5] = [
        Self::Red,
        Self::AmberStrict,
        Self::Amber,
        Self::Green,
        Self::Clear,
    ];

    /// The label as written in TLP 2.0 (`TLP:` prefix omitted): `RED`, `AMBER+STRICT`, …
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Red => "RED",
            Self::AmberStrict => "AMBER+STRICT",
            Self::Amber => "AMBER",
            Self::Green => "GREEN",
            Self::Clear => "CLEAR",
        }
    }

    /// The lower-case value stored in the database and used in STIX `tlp_2_0` extensions.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Red => "red",
            Self::AmberStrict => "amber+strict",
            Self::Amber => "amber",
            Self::Green => "green",
            Self::Clear => "clear",
        }
    }

    /// The canonical OASIS STIX 2.1 marking-definition id of this TLP 2.0 label.
    #[must_use]
    pub const fn stix_marking_id(self) -> &'static str {
        match self {
            Self::Clear => "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            Self::Green => "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            Self::Amber => "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            Self::AmberStrict => "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            Self::Red => "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
        }
    }

    /// Maps a STIX marking-definition id (TLP 2.0, or TLP 1.0 as predefined in STIX 2.1) to a label.
    /// Unknown ids give `None`; callers must treat that as RED.
    #[must_use]
    pub fn from_stix_marking_id(id: &str) -> Option<Self> {
        match id {
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9" => Some(Self::Clear),
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da" => Some(Self::Green),
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82" => Some(Self::Amber),
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed" => Some(Self::Red),
            other => Self::ALL.into_iter().find(|t| t.stix_marking_id() == other),
        }
    }

    /// Parses a label leniently as people and tools write it: `amber+strict`, `TLP:AMBER+STRICT`, `tlp:white`
    /// (TLP 1.0's WHITE becomes CLEAR). Anything else is `None`.
    #[must_use]
    pub fn parse_label(text: &str) -> Option<Self> {
        let t = text.trim();
        let t = t
            .strip_prefix("TLP:")
            .or_else(|| t.strip_prefix("tlp:"))
            .unwrap_or(t);
        match t.to_ascii_lowercase().as_str() {
            "red" => Some(Self::Red),
            "amber+strict" => Some(Self::AmberStrict),
            "amber" => Some(Self::Amber),
            "green" => Some(Self::Green),
            "clear" | "white" => Some(Self::Clear),
            _ => None,
        }
    }

    /// Reads a stored code exactly as [`Tlp::code`] writes it. Anything else fails closed to RED — the SQL
    /// visibility filter compares the same exact codes, so both read a damaged value the same way.
    #[must_use]
    pub fn from_stored(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|t| t.code() == code)
            .unwrap_or(Self::Red)
    }
}

impl fmt::Display for Tlp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TLP:{}", self.label())
    }
}

/// The error for a TLP label that is not one of the five TLP 2.0 labels.
#[derive(Debug, Clone, thiserror::Error)]
#[error("unknown TLP label {0:?}: use CLEAR, GREEN, AMBER, AMBER+STRICT or RED")]
pub struct UnknownTlp(pub String);

impl FromStr for Tlp {
    type Err = UnknownTlp;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse_label(s).ok_or_else(|| UnknownTlp(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pinned from oasis-open/cti-stix-common-objects; wrong look-alike ids circulate widely.
    #[test]
    fn canonical_stix_ids_are_pinned() {
        let expected = [
            (
                Tlp::Clear,
                "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            ),
            (
                Tlp::Green,
                "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            ),
            (
                Tlp::Amber,
                "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            ),
            (
                Tlp::AmberStrict,
                "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            ),
            (
                Tlp::Red,
                "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
            ),
        ];
        for (tlp, id) in expected {
            assert_eq!(tlp.stix_marking_id(), id);
            assert_eq!(Tlp::from_stix_marking_id(id), Some(tlp));
        }
        assert_eq!(
            Tlp::from_stix_marking_id("marking-definition--bab4a63c-aed9-4b5f-a869-75b77dcc1ef3"),
            None,
            "a circulating wrong GREEN id must not be accepted"
        );
    }

    #[test]
    fn tlp1_ids_map_to_tlp2() {
        assert_eq!(
            Tlp::from_stix_marking_id("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"),
            Some(Tlp::Clear)
        );
    }

    #[test]
    fn labels_parse_leniently_and_unknown_fails_closed() {
        assert_eq!("TLP:AMBER+STRICT".parse::<Tlp>().unwrap(), Tlp::AmberStrict);
        assert_eq!("tlp:white".parse::<Tlp>().unwrap(), Tlp::Clear);
        assert!("amber strict".parse::<Tlp>().is_err());
        assert_eq!(Tlp::from_stored("purple"), Tlp::Red);
        assert_eq!(
            Tlp::from_stored("CLEAR"),
            Tlp::Red,
            "stored codes are exact"
        );
        for t in Tlp::ALL {
            assert_eq!(Tlp::from_stored(t.code()), t);
        }
    }

    #[test]
    fn order_is_narrowest_first() {
        assert!(Tlp::Red < Tlp::AmberStrict);
        assert!(Tlp::AmberStrict < Tlp::Amber);
        assert!(Tlp::Amber < Tlp::Green);
        assert!(Tlp::Green < Tlp::Clear);
    }
}
