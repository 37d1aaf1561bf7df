//! Enrolling and removing the second factor, and recovery codes.

use qrcode::QrCode;
use qrcode::render::svg;
use ward_core::audit::actions;
use ward_core::auth::mfa_required;
use ward_core::mfa::{TotpSecret, new_recovery_codes, recovery_code_hash};
use ward_core::viewer::Viewer;
use ward_store::{people, settings};

use crate::auth::audit_ctx;
use crate::error::{AppError, AppResult};
use crate::net::RequestCtx;
use crate::state::AppState;

/// A pending enrolment: what the person scans or types into their authenticator app.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Enrolment {
    /// The secret in base32, for typing in by hand.
    pub secret: String,
    /// The `otpauth://` URI the QR code holds.
    pub otpauth_uri: String,
    /// The QR code as an SVG document.
    #[serde(skip)]
    pub qr_svg: String,
}

fn principal(viewer: &Viewer) -> AppResult<&ward_core::viewer::Principal> {
    viewer
        .principal()
        .ok_or(AppError::Unauthorized("sign in first"))
}

fn qr(uri: &str) -> String {
    QrCode::new(uri.as_bytes())
        .map(|code| {
            code.render::<svg::Color<'_>>()
                .min_dimensions(220, 220)
                .dark_color(svg::Color("#111827"))
                .light_color(svg::Color("#ffffff"))
                .build()
        })
        .unwrap_or_default()
}

/// Starts (or restarts) enrolment with a new secret. Nothing changes for sign-in until a code confirms it.
///
/// # Errors
/// When a second factor is already enrolled, or on store errors.
pub async fn start(state: &AppState, viewer: &Viewer) -> AppResult<Enrolment> {
    let p = principal(viewer)?;
    if p.mfa_enabled {
        return Err(AppError::Conflict(
            "a second factor is already enrolled; remove it first to enrol another".into(),
        ));
    }
    let mut tx = state.store().read().await?;
    let community = settings::get(&mut tx).await?;
    tx.finish().await?;
    let secret = TotpSecret::generate().map_err(|e| AppError::internal(&e))?;
    let uri = secret
        .otpauth_uri(&community.community_name, p.email.as_str())
        .ok_or(AppError::Internal)?;
    let mut tx = state.store().housekeeping().await?;
    people::set_pending_totp(&mut tx, p.person, &secret.to_base32()).await?;
    tx.commit().await?;
    Ok(Enrolment {
        secret: secret.to_base32(),
        qr_svg: qr(&uri),
        otpauth_uri: uri,
    })
}

/// The enrolment in progress, if any (to show the same QR code again after a wrong code).
///
/// # Errors
/// On store errors.
pub async fn pending(state: &AppState, viewer: &Viewer) -> AppResult<Option<Enrolment>> {
    let p = principal(viewer)?;
    let mut tx = state.store().read().await?;
    let credentials = people::credentials(&mut tx, p.person).await?;
    let community = settings::get(&mut tx).await?;
    tx.finish().await?;
    let Some(secret) = credentials
        .and_then(|c| c.totp_pending)
        .and_then(|s| TotpSecret::from_base32(&s).ok())
    else {
        return Ok(None);
    };
    let uri = secret
        .otpauth_uri(&community.community_name, p.email.as_str())
        .ok_or(AppError::Internal)?;
    Ok(Some(Enrolment {
        secret: secret.to_base32(),
        qr_svg: qr(&uri),
        otpauth_uri: uri,
    }))
}

/// Confirms enrolment with a code from the app; returns the recovery codes (shown once).
///
/// # Errors
/// [`AppError::Invalid`] for a wrong code; [`AppError::Conflict`] when no enrolment is in progress.
pub async fn confirm(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    code: &str,
) -> AppResult<Vec<String>> {
    let p = principal(viewer)?;
    let mut tx = state.store().read().await?;
    let credentials = people::credentials(&mut tx, p.person)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.finish().await?;
    let Some(secret) = credentials
        .totp_pending
        .as_deref()
        .and_then(|s| TotpSecret::from_base32(s).ok())
    else {
        return Err(AppError::Conflict("start the enrolment first".into()));
    };
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    let Some(step) = secret.verify(code, tx.now(), None) else {
        return Err(AppError::Invalid(ward_core::ValidationError::field(
            "code",
            "that code is not right; check the time on your phone and enter the current six digits",
        )));
    };
    let codes = new_recovery_codes().map_err(|e| AppError::internal(&e))?;
    let hashes: Vec<_> = codes.iter().map(|c| recovery_code_hash(c)).collect();
    people::enable_totp(&mut tx, p.person, step, &hashes).await?;
    tx.commit().await?;
    Ok(codes)
}

/// Removes the second factor after checking the password again. Refused when the person's role requires one.
///
/// # Errors
/// [`AppError::Forbidden`] when required; [`AppError::Invalid`] for a wrong password.
pub async fn disable(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
    current_password: &str,
) -> AppResult<()> {
    let p = principal(viewer)?;
    let mut tx = state.store().read().await?;
    let community = settings::get(&mut tx).await?;
    tx.finish().await?;
    if mfa_required(p.role, p.coordinator, &community) {
        return Err(AppError::Forbidden(
            "your role requires a second factor; it cannot be removed".into(),
        ));
    }
    crate::auth::login::recheck_password(state, req, viewer, current_password).await?;
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    people::disable_totp(&mut tx, p.person).await?;
    tx.commit().await?;
    Ok(())
}

/// New recovery codes replacing the old ones (shown once).
///
/// # Errors
/// When no second factor is enrolled, or on store errors.
pub async fn regenerate_recovery_codes(
    state: &AppState,
    viewer: &Viewer,
    req: &RequestCtx,
) -> AppResult<Vec<String>> {
    let p = principal(viewer)?;
    if !p.mfa_enabled {
        return Err(AppError::Conflict("enrol a second factor first".into()));
    }
    let codes = new_recovery_codes().map_err(|e| AppError::internal(&e))?;
    let hashes: Vec<_> = codes.iter().map(|c| recovery_code_hash(c)).collect();
    let mut tx = state.store().write(audit_ctx(viewer, req)).await?;
    people::replace_recovery_codes(&mut tx, p.person, &hashes).await?;
    tx.record(
        actions::MFA_RECOVERY_REGENERATED,
        Some(p.org),
        Some(("person", p.person.to_string())),
        serde_json::Value::Null,
    );
    tx.commit().await?;
    Ok(codes)
}
