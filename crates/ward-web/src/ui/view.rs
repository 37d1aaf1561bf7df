//! Small view models shared by several pages.

use ward_community::announcements::Announcement;
use ward_core::item::Item;
use ward_core::marking::Audience;
use ward_core::tlp::Tlp;
use ward_core::viewer::Viewer;

use crate::i18n::Tr;

/// A TLP badge: its label and CSS class.
#[derive(Clone, Debug)]
pub struct TlpBadge {
    /// `TLP:AMBER+STRICT`.
    pub label: String,
    /// `tlp-amber-strict`.
    pub class: &'static str,
}

impl TlpBadge {
    /// The badge of a label.
    #[must_use]
    pub fn of(tlp: Tlp) -> Self {
        Self {
            label: tlp.to_string(),
            class: match tlp {
                Tlp::Clear => "tlp-clear",
                Tlp::Green => "tlp-green",
                Tlp::Amber => "tlp-amber",
                Tlp::AmberStrict => "tlp-amber-strict",
                Tlp::Red => "tlp-red",
            },
        }
    }
}

/// An announcement in a list.
#[derive(Clone, Debug)]
pub struct AnnouncementRow {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// TLP badge.
    pub tlp: TlpBadge,
    /// Who the audience is, in words.
    pub audience: String,
    /// Contributor as the viewer may see them.
    pub contributor: String,
    /// When.
    pub when: String,
    /// Pinned.
    pub pinned: bool,
}

impl AnnouncementRow {
    /// The row of an announcement for a viewer.
    #[must_use]
    pub fn of(a: &Announcement, viewer: &Viewer, t: Tr) -> Self {
        Self {
            id: a.item.id.to_string(),
            title: a.item.title.clone(),
            summary: a.item.summary.clone(),
            tlp: TlpBadge::of(a.item.marking.tlp),
            audience: audience_words(&a.item.marking.audience, t),
            contributor: contributor_words(&a.item, viewer, t),
            when: t.datetime(&a.item.created_at),
            pinned: a.pinned,
        }
    }
}

/// Who contributed an item, as the viewer may know it: "person · organization", or "anonymous".
#[must_use]
pub fn contributor_words(item: &Item, viewer: &Viewer, t: Tr) -> String {
    item.contributor_for(viewer).map_or_else(
        || t.get("contributor-anonymous"),
        |c| format!("{} · {}", c.person_name, c.org_name),
    )
}

/// The audience in words ("the whole community", "3 organizations").
#[must_use]
pub fn audience_words(audience: &Audience, t: Tr) -> String {
    match audience {
        Audience::Community => t.get("audience-community"),
        Audience::Groups(g) => t.count("audience-groups-n", g.len()),
        Audience::Organizations(o) => t.count("audience-orgs-n", o.len()),
        Audience::People(p) => t.count("audience-people-n", p.len()),
    }
}
