//! The community pillar: announcements, the knowledge base, and what every item kind shares when it is written.

pub mod announcements;
pub mod applications;
pub mod comments;
pub mod diff;
pub mod editing;
pub mod indexing;
pub mod knowledge;
pub mod markdown;
pub mod member_directory;
