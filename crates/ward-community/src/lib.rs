//! The community pillar. For now it holds the first item kind, announcements, which exercises the Item envelope
//! and the access policy end to end.

pub mod announcements;
pub mod applications;
pub mod member_directory;
