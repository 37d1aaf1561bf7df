//! Who may add, change and delete items: the checks every item kind applies before it writes.

use ward_core::item::Item;
use ward_core::marking::{Attribution, Marking};
use ward_core::policy;
use ward_core::viewer::{Principal, Viewer};
use ward_store::{OpError, WriteTx, directory};

/// The message when someone who may not contribute tries to.
pub const CANNOT_CONTRIBUTE: &str =
    "only contributors, security officers and administrators of member organizations can publish";
/// The message when someone who may not edit tries to.
pub const CANNOT_EDIT: &str = "only the author, their organization's administrators and security officers, or the coordinator can change this";

/// The contributing person, when the viewer may contribute.
///
/// # Errors
/// [`OpError::Forbidden`] for readers, guests and the public.
pub fn contributor(viewer: &Viewer) -> Result<&Principal, OpError> {
    viewer
        .principal()
        .filter(|_| policy::can_contribute(viewer))
        .ok_or(OpError::Forbidden(CANNOT_CONTRIBUTE))
}

/// Checks a change to an item the viewer has read: they may edit it, nobody changed it since `expected_version`,
/// and a new marking or attribution is theirs to set (anyone who may edit may narrow; only the owner may widen or
/// reveal its name).
///
/// # Errors
/// [`OpError::Forbidden`] or [`OpError::Stale`].
pub async fn check_update(
    tx: &mut WriteTx,
    viewer: &Viewer,
    current: &Item,
    expected_version: Option<i64>,
    marking: &Marking,
    attribution: Attribution,
) -> Result<(), OpError> {
    if !policy::can_edit(viewer, &current.access()) {
        return Err(OpError::Forbidden(CANNOT_EDIT));
    }
    if expected_version.is_some_and(|v| v != current.version) {
        return Err(OpError::Stale);
    }
    if *marking == current.marking && attribution == current.attribution {
        return Ok(());
    }
    let directory = directory::snapshot(tx).await?;
    policy::check_remark(viewer, &current.access(), marking, &directory).map_err(|e| match e {
        policy::RemarkDenied::NotEditor => OpError::Forbidden(CANNOT_EDIT),
        policy::RemarkDenied::WideningNeedsOwner => {
            OpError::Forbidden("only the contributing organization may widen who can read this")
        }
    })?;
    // Revealing an anonymous contributor widens what readers learn: the owner's decision too.
    if current.attribution == Attribution::Anonymous
        && attribution == Attribution::Named
        && viewer.org_id() != Some(current.owner)
    {
        return Err(OpError::Forbidden(
            "only the contributing organization may reveal its name",
        ));
    }
    Ok(())
}

/// Checks that the viewer may delete an item they have read.
///
/// # Errors
/// [`OpError::Forbidden`].
pub fn check_delete(viewer: &Viewer, current: &Item) -> Result<(), OpError> {
    if policy::can_edit(viewer, &current.access()) {
        Ok(())
    } else {
        Err(OpError::Forbidden(CANNOT_EDIT))
    }
}
