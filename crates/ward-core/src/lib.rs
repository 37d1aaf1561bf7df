//! Ward's shared domain.
//!
//! Everything every pillar agrees on lives here: typed identifiers, timestamps and the clock, TLP 2.0 markings and
//! audiences, organizations and roles, the [`viewer::Viewer`] that only authentication can create, and the one access
//! policy ([`policy`]) that decides who may read, edit or re-mark an item, and the [`scrub`]ber that finds personal
//! data before it can be shared. The functions here are pure; the store carries the same rule as a SQL predicate and
//! the property tests keep the two in step.

pub mod audit;
pub mod auth;
pub mod email;
pub mod error;
pub mod guard;
pub mod ids;
pub mod item;
pub mod marking;
pub mod membership;
pub mod mfa;
pub mod org;
pub mod page;
pub mod password;
pub mod policy;
pub mod scrub;
pub mod sealed;
pub mod search;
pub mod secret;
pub mod settings;
pub mod text;
mod text_enum;
pub mod time;
pub mod tlp;
pub mod viewer;

#[cfg(feature = "sqlx")]
mod sql;

pub use error::{FieldError, ValidationError};
