//! The Item envelope: every shareable thing of every pillar has these fields, so one policy, one search and one
//! audit trail cover them all. Pillars keep their own detail keyed by the item id.

use serde::Serialize;

use crate::ids::{ItemId, OrgId, PersonId};
use crate::marking::{Attribution, Marking};
use crate::org::Language;
use crate::policy::{self, ItemAccess};
use crate::text_enum::text_enum;
use crate::time::Timestamp;
use crate::viewer::Viewer;

text_enum! {
    /// Which pillar type an item is.
    pub enum ItemKind {
        /// A community announcement.
        Announcement = "announcement",
        /// A knowledge-base article: a playbook, lessons learned, an exercise kit, a guide.
        Article = "article",
    }
}

text_enum! {
    /// What a knowledge-base article is for.
    pub enum ArticleCategory {
        /// Step-by-step response to a situation (ransomware, supplier compromise, downtime).
        Playbook = "playbook",
        /// What happened somewhere and what others can learn from it.
        LessonsLearned = "lessons_learned",
        /// Material to run an exercise: a scenario, injects, an evaluation.
        ExerciseKit = "exercise_kit",
        /// How to do something well.
        Guide = "guide",
    }
}

text_enum! {
    /// The community's topics: the focus group's three tracks, AI, and the rest.
    pub enum Topic {
        /// External suppliers and the supply chain.
        SupplyChain = "supply_chain",
        /// Policy, governance and compliance.
        Policy = "policy",
        /// The technical side: detection, infrastructure, incidents.
        Technical = "technical",
        /// Artificial intelligence: its use and its risks.
        Ai = "ai",
        /// Anything else.
        Other = "other",
    }
}

/// The envelope of a stored item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Stable id.
    pub id: ItemId,
    /// Pillar type.
    pub kind: ItemKind,
    /// Contributing organization (always known to the system).
    pub owner: OrgId,
    /// Its name.
    pub owner_name: String,
    /// Contributing person.
    pub author: PersonId,
    /// Their name.
    pub author_name: String,
    /// Named or anonymous.
    pub attribution: Attribution,
    /// TLP label and audience.
    pub marking: Marking,
    /// Title.
    pub title: String,
    /// Short summary.
    pub summary: String,
    /// Language of the content.
    pub language: Language,
    /// When it was created.
    pub created_at: Timestamp,
    /// When it was last changed.
    pub updated_at: Timestamp,
    /// Increases with every change (optimistic concurrency).
    pub version: i64,
}

/// Who contributed an item, as far as the viewer may know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Contributor {
    /// The organization.
    pub org_id: OrgId,
    /// Its name.
    pub org_name: String,
    /// The person.
    pub person_id: PersonId,
    /// Their name.
    pub person_name: String,
}

impl Item {
    /// Its position in lists ordered newest first.
    #[must_use]
    pub fn cursor(&self) -> crate::page::Cursor<Timestamp> {
        crate::page::Cursor {
            key: self.created_at,
            id: self.id.as_uuid(),
        }
    }

    /// The facts the access policy needs.
    #[must_use]
    pub fn access(&self) -> ItemAccess<'_> {
        ItemAccess {
            owner: self.owner,
            author: self.author,
            attribution: self.attribution,
            marking: &self.marking,
        }
    }

    /// Whether the viewer may read this item.
    #[must_use]
    pub fn readable_by(&self, viewer: &Viewer) -> bool {
        policy::can_read(viewer, &self.access())
    }

    /// The contributor as the viewer may see them: `None` for anonymous items outside the owner organization.
    #[must_use]
    pub fn contributor_for(&self, viewer: &Viewer) -> Option<Contributor> {
        policy::reveals_contributor(viewer, &self.access()).then(|| Contributor {
            org_id: self.owner,
            org_name: self.owner_name.clone(),
            person_id: self.author,
            person_name: self.author_name.clone(),
        })
    }
}
