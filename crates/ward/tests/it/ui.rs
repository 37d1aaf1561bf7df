//! The UI: every page renders for the roles that may open it, forms show their errors inline, the language choice
//! is remembered, and the coordinator's pages work.

use ward_core::org::{OrgKind, OrgRole};

use crate::harness::field_value;
use crate::on_each_engine;

on_each_engine!(pages_render_for_each_role_and_refuse_others, |app| {
    app.without_required_mfa().await;
    let sec = app.org("Secretariaat", OrgKind::Coordinator).await;
    let org = app.org("AZ Pages", OrgKind::GeneralHospital).await;
    app.person(sec, "coord@pages.example", OrgRole::Admin, true)
        .await;
    app.person(org, "admin@pages.example", OrgRole::Admin, false)
        .await;
    app.person(org, "reader@pages.example", OrgRole::Reader, false)
        .await;
    let coordinator = app.signed_in("coord@pages.example").await;
    for path in [
        "/",
        "/announcements",
        "/announcements/new",
        "/org",
        "/profile",
        "/audit",
        "/community/organizations",
        "/community/groups",
        "/community/settings",
        &format!("/community/organizations/{org}"),
    ] {
        coordinator.page(path).await;
    }
    let reader = app.signed_in("reader@pages.example").await;
    for path in ["/", "/announcements", "/org", "/profile"] {
        reader.page(path).await;
    }
    for path in [
        "/community/organizations",
        "/community/settings",
        &format!("/community/organizations/{org}"),
    ] {
        assert_eq!(
            reader.get(path).await.status(),
            404,
            "{path} is the coordinator's"
        );
    }
    assert_eq!(reader.get("/audit").await.status(), 403);
    assert_eq!(
        reader.get("/announcements/new").await.status(),
        403,
        "readers do not publish"
    );
    let html = reader.page("/org").await;
    assert!(
        !html.contains("/invitations"),
        "readers see no invitation controls"
    );
    let admin = app.signed_in("admin@pages.example").await;
    assert!(
        admin.page("/org").await.contains("/organizations/"),
        "admins can invite"
    );
    assert_eq!(app.browser().get("/nope").await.status(), 404);
});

on_each_engine!(the_language_choice_is_remembered, |app| {
    app.without_required_mfa().await;
    let org = app.org("AZ Taal", OrgKind::GeneralHospital).await;
    app.person(org, "taal@taal.example", OrgRole::Reader, false)
        .await;
    let anon = app.browser();
    let r = anon
        .post_form("/language", &[("language", "fr"), ("next", "/login")])
        .await;
    assert_eq!(r.status(), 303);
    assert!(
        anon.page("/login").await.contains("Se connecter"),
        "French for a visitor, from the cookie"
    );
    let accept = reqwest::Client::new()
        .get(app.url("/login"))
        .header("accept-language", "nl-BE,nl;q=0.9")
        .send()
        .await
        .unwrap();
    assert!(
        accept.text().await.unwrap().contains("Aanmelden"),
        "Dutch from Accept-Language"
    );
    let b = app.signed_in("taal@taal.example").await;
    let csrf = b.csrf("/").await;
    let r = b
        .post_form(
            "/language",
            &[("language", "nl"), ("next", "/"), ("csrf", csrf.as_str())],
        )
        .await;
    assert_eq!(r.status(), 303);
    let fresh = app.signed_in("taal@taal.example").await;
    assert!(
        fresh.page("/").await.contains("Overzicht"),
        "kept in the profile for the next sign-in"
    );
    let r = fresh
        .post_form("/language", &[("language", "xx"), ("next", "/")])
        .await;
    assert_eq!(r.status(), 400);
});

on_each_engine!(forms_show_errors_inline_and_keep_input, |app| {
    app.without_required_mfa().await;
    let sec = app.org("Secretariat Forms", OrgKind::Coordinator).await;
    app.person(sec, "coord@forms.example", OrgRole::Admin, true)
        .await;
    let b = app.signed_in("coord@forms.example").await;
    let r = b
        .submit(
            "/announcements/new",
            "/announcements",
            &[
                ("title", ""),
                ("body", "kept text"),
                ("tlp", "RED"),
                ("audience", "community"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("field-error"));
    assert!(html.contains("kept text"), "input is kept");
    assert!(html.contains("aria-invalid=\"true\""));
    let r = b
        .submit(
            "/community/organizations",
            "/community/organizations",
            &[
                ("name", "X"),
                ("kind", "castle"),
                ("size_band", "small"),
                ("region", "flanders"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = b
        .submit(
            "/community/organizations",
            "/community/organizations",
            &[
                ("name", "Clinique Test"),
                ("kind", "general_hospital"),
                ("size_band", "small"),
                ("region", "wallonia"),
                ("languages", "fr"),
                ("languages", "de"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let org_page = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(b.page(&org_page).await.contains("Clinique Test"));
});

on_each_engine!(an_administrator_invites_and_the_colleague_joins, |app| {
    app.without_required_mfa().await;
    let org = app.org("AZ Invite", OrgKind::GeneralHospital).await;
    app.person(org, "admin@invite.example", OrgRole::Admin, false)
        .await;
    let admin = app.signed_in("admin@invite.example").await;
    let r = admin
        .submit(
            "/org",
            &format!("/organizations/{org}/invitations"),
            &[
                ("role", "contributor"),
                ("email", ""),
                ("return_to", "/org"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    let link = html
        .split("id=\"invite-link\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    let path = link.trim_start_matches(&app.base).to_owned();
    let colleague = app.browser();
    let form = colleague.page(&path).await;
    assert!(form.contains("AZ Invite"));
    let r = colleague
        .post_form(
            &path,
            &[
                ("display_name", "Col League"),
                ("email", "col@invite.example"),
                ("password", crate::harness::PASSWORD),
                ("password_confirm", crate::harness::PASSWORD),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(colleague.page("/").await.contains("Col League"));
    let html = admin.page("/org").await;
    assert!(html.contains("col@invite.example"));
    assert!(html.contains("Accepted"));
    let _ = field_value(&html, "csrf").unwrap();
});
