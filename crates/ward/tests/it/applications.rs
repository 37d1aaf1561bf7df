//! Membership applications and the member directory: applying on the public page and through the API, the
//! coordinator's review, the invitation an approval creates, the applicant's status page, throttling, and who sees
//! the directory.

use serde_json::json;
use time::Duration;
use ward_core::auth::TokenScope;
use ward_core::org::{OrgKind, OrgRole};

use crate::harness::{Browser, PASSWORD, TestApp, field_value};
use crate::on_each_engine;

/// The coordinator, a hospital with an administrator and a reader, and a supplier guest; tokens for each.
struct Community {
    coordinator: String,
    member: String,
    supplier: String,
}

async fn community(app: &TestApp) -> Community {
    app.without_required_mfa().await;
    let sec = app.org("Secretariat", OrgKind::Coordinator).await;
    let hospital = app.org("AZ Member", OrgKind::GeneralHospital).await;
    let vendor = app.org("Vendor NV", OrgKind::Supplier).await;
    let c = app
        .person(sec, "coord@sec.example", OrgRole::Admin, true)
        .await;
    let a = app
        .person(hospital, "admin@member.example", OrgRole::Admin, false)
        .await;
    app.person(hospital, "reader@member.example", OrgRole::Reader, false)
        .await;
    let s = app
        .person(vendor, "psirt@vendor.example", OrgRole::Contributor, false)
        .await;
    Community {
        coordinator: app.token(c, TokenScope::Write).await,
        member: app.token(a, TokenScope::Write).await,
        supplier: app.token(s, TokenScope::Write).await,
    }
}

fn application(name: &str) -> serde_json::Value {
    json!({
        "name": name,
        "kind": "psychiatric_hospital",
        "size_band": "small",
        "region": "wallonia",
        "languages": ["fr", "nl"],
        "contact_name": "Amélie Laurent",
        "contact_email": format!("contact@{}.example", name.to_lowercase().replace(' ', "-")),
        "contact_role": "Responsable informatique",
        "motivation": "We want to share and learn.",
    })
}

/// `POST /api/v1/applications` without a token, as an applicant's tool would.
async fn apply(
    app: &TestApp,
    body: &serde_json::Value,
) -> (u16, serde_json::Value, Option<String>) {
    let r = reqwest::Client::new()
        .post(app.url("/api/v1/applications"))
        .json(body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let location = r
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, r.json().await.unwrap_or_default(), location)
}

/// Applies through the API and returns the application id and the status page's path.
async fn applied(app: &TestApp, name: &str) -> (String, String) {
    let (status, body, _) = apply(app, &application(name)).await;
    assert_eq!(status, 201, "{body}");
    let path = body["status_url"]
        .as_str()
        .unwrap()
        .trim_start_matches(&app.base)
        .to_owned();
    (body["id"].as_str().unwrap().to_owned(), path)
}

fn form_fields<'a>(name: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("kind", "residential_care"),
        ("size_band", "small"),
        ("region", "flanders"),
        ("languages", "nl"),
        ("languages", "en"),
        ("contact_name", "Ines Wauters"),
        ("contact_email", email),
        ("contact_role", "ICT coordinator"),
        ("motivation", "Supplier assessments, please."),
    ]
}

on_each_engine!(an_institution_applies_through_the_form, |app| {
    community(&app).await;
    let visitor = app.browser();
    let form = visitor.page("/join").await;
    assert!(form.contains("action=\"/join\""));
    assert!(
        !form.contains("value=\"supplier\""),
        "suppliers do not apply"
    );
    assert!(!form.contains("value=\"coordinator\""));
    assert!(
        visitor.page("/login").await.contains("href=\"/join\""),
        "the sign-in page points visitors to the join page"
    );

    let r = visitor
        .post_form(
            "/join",
            &[
                ("name", "Revalidatie Het Anker"),
                ("kind", "supplier"),
                ("contact_email", "not an address"),
                ("motivation", "kept text"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    for id in [
        "kind-error",
        "contact-email-error",
        "contact-name-error",
        "languages-error",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id} shown inline");
    }
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(
        html.contains("Revalidatie Het Anker") && html.contains("kept text"),
        "input is kept"
    );

    let r = visitor
        .post_form(
            "/join",
            &form_fields("Revalidatie Het Anker", "ines@anker.example"),
        )
        .await;
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/join/status/ward_app_"), "{location}");
    let status = visitor.page(&location).await;
    assert!(status.contains("Revalidatie Het Anker"));
    assert!(
        status.contains("id=\"status-link\""),
        "the link to keep is shown"
    );
    assert!(status.contains(&format!(
        "{}{}",
        app.base,
        location.trim_end_matches("?new=1")
    )));
    assert!(status.contains("Received"));

    let again = visitor
        .post_form(
            "/join",
            &form_fields("revalidatie het anker", "other@anker.example"),
        )
        .await;
    assert_eq!(
        again.status(),
        409,
        "one pending application per institution"
    );
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("already waiting for review")
    );
    let member = visitor
        .post_form("/join", &form_fields("AZ Member", "x@member.example"))
        .await;
    assert_eq!(member.status(), 409, "members do not apply");
    assert!(member.text().await.unwrap().contains("already a member"));

    let cross = reqwest::Client::new()
        .post(app.url("/join"))
        .header("sec-fetch-site", "cross-site")
        .header("origin", "https://evil.example")
        .form(&form_fields("Forged Clinic", "f@forged.example"))
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), 403, "cross-site posts are refused");
    assert_eq!(
        app.browser()
            .get("/join/status/ward_app_unknown")
            .await
            .status(),
        404
    );
});

on_each_engine!(an_institution_applies_through_the_api, |app| {
    let c = community(&app).await;
    let (status, body, location) = apply(&app, &application("Clinique Les Tilleuls")).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["status"], "received");
    let url = body["status_url"].as_str().unwrap();
    assert!(
        url.starts_with(&format!("{}/join/status/ward_app_", app.base)),
        "{url}"
    );
    assert_eq!(location.as_deref(), Some(url));
    assert!(reqwest::get(url).await.unwrap().status().is_success());

    let (status, problem, _) = apply(
        &app,
        &json!({"name": "", "kind": "supplier", "languages": ["xx"], "contact_email": "nope"}),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for field in ["name", "kind", "languages", "contact_email", "motivation"] {
        assert!(fields.contains(&field), "{field} named in {problem}");
    }
    let (status, problem, _) = apply(&app, &application("clinique les tilleuls")).await;
    assert_eq!(status, 409, "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("already waiting")
    );
    let (status, _, _) = apply(&app, &application("Secretariat")).await;
    assert_eq!(status, 409, "the coordinator's organization exists");

    let r = reqwest::Client::new()
        .get(app.url("/api/v1/applications"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401, "reading applications needs a token");
    let listed = app.api(&c.coordinator).all("/applications").await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["org_name"], "Clinique Les Tilleuls");
    assert_eq!(
        listed[0]["contact_email"],
        "contact@clinique-les-tilleuls.example"
    );
});

on_each_engine!(only_the_coordinator_reviews_applications, |app| {
    let c = community(&app).await;
    let (id, _) = applied(&app, "AZ Nieuwkomer").await;
    for token in [&c.member, &c.supplier] {
        let api = app.api(token);
        assert_eq!(api.get("/applications").await.0, 403);
        assert_eq!(api.get(&format!("/applications/{id}")).await.0, 403);
        assert_eq!(
            api.post(&format!("/applications/{id}/approve"), &json!({}))
                .await
                .0,
            403
        );
        assert_eq!(
            api.post(
                &format!("/applications/{id}/reject"),
                &json!({"reason": "no"})
            )
            .await
            .0,
            403
        );
    }
    let member = app.signed_in("admin@member.example").await;
    for path in [
        "/community/applications".to_owned(),
        format!("/community/applications/{id}"),
    ] {
        assert_eq!(member.get(&path).await.status(), 404, "{path}");
    }
    let r = member
        .submit(
            "/profile",
            &format!("/community/applications/{id}/approve"),
            &[],
        )
        .await;
    assert_eq!(r.status(), 404);
    let coordinator = app.api(&c.coordinator);
    let (status, body) = coordinator.get(&format!("/applications/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "received", "nothing was decided by others");
    assert_eq!(
        coordinator
            .get(&format!("/applications/{}", uuid::Uuid::now_v7()))
            .await
            .0,
        404
    );
});

on_each_engine!(
    approval_creates_the_organization_and_a_working_invitation,
    |app| {
        let c = community(&app).await;
        let (id, status_path) = applied(&app, "PZ Sint-Jozef").await;
        let coordinator = app.api(&c.coordinator);
        let (status, approved) = coordinator
            .post(&format!("/applications/{id}/approve"), &json!({}))
            .await;
        assert_eq!(status, 200, "{approved}");
        assert_eq!(approved["application"]["status"], "approved");
        assert_eq!(approved["invitation"]["role"], "org_admin");
        assert_eq!(
            approved["invitation"]["email"],
            "contact@pz-sint-jozef.example"
        );
        let link = approved["invitation_link"].as_str().unwrap().to_owned();
        let org_id = approved["org_id"].as_str().unwrap().to_owned();
        let (status, org) = coordinator.get(&format!("/organizations/{org_id}")).await;
        assert_eq!(status, 200);
        assert_eq!(org["name"], "PZ Sint-Jozef");
        assert_eq!(org["kind"], "psychiatric_hospital");
        assert_eq!(org["region"], "wallonia");
        assert_eq!(org["languages"], json!(["fr", "nl"]));

        let (status, problem) = coordinator
            .post(&format!("/applications/{id}/approve"), &json!({}))
            .await;
        assert_eq!(status, 409, "approving twice");
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("already decided")
        );
        let (status, _) = coordinator
            .post(
                &format!("/applications/{id}/reject"),
                &json!({"reason": "too late"}),
            )
            .await;
        assert_eq!(status, 409, "a decided application stays decided");

        let audit = coordinator.all("/audit").await;
        for action in [
            "application.submitted",
            "application.approved",
            "org.created",
            "invitation.created",
        ] {
            assert!(
                audit.iter().any(|e| e["action"] == action),
                "{action} on record"
            );
        }

        // The applicant sees the same link on their status page.
        let applicant = app.browser();
        let page = applicant.page(&status_path).await;
        assert!(page.contains("Approved"));
        let invite_path = link.trim_start_matches(&app.base).to_owned();
        assert!(
            page.contains(&format!("href=\"{link}\"")),
            "the invitation link is on the status page"
        );

        let form = applicant.page(&invite_path).await;
        assert!(form.contains("PZ Sint-Jozef"));
        let r = applicant
            .post_form(
                &invite_path,
                &[
                    ("display_name", "Amélie Laurent"),
                    ("password", PASSWORD),
                    ("password_confirm", PASSWORD),
                    ("language", "fr"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        assert!(applicant.page("/").await.contains("Amélie Laurent"));
        let admin = app.signed_in("contact@pz-sint-jozef.example").await;
        let org_page = admin.page("/org").await;
        assert!(org_page.contains("PZ Sint-Jozef"));
        assert!(
            org_page.contains("/invitations"),
            "the new person administers the organization"
        );

        let page = app.browser().page(&status_path).await;
        assert!(
            !page.contains("/invite/"),
            "a used invitation is no longer offered"
        );
        assert_eq!(app.browser().get(&invite_path).await.status(), 404);

        // The coordinator can approve in the UI too, and sees the link to pass on.
        let (other, _) = applied(&app, "WZC De Vlinder").await;
        let ui = app.signed_in("coord@sec.example").await;
        let list = ui.page("/community/applications").await;
        assert!(list.contains("WZC De Vlinder") && list.contains("PZ Sint-Jozef"));
        assert!(list.contains("id=\"count-received\">1<"));
        let r = ui
            .submit(
                &format!("/community/applications/{other}"),
                &format!("/community/applications/{other}/approve"),
                &[],
            )
            .await;
        assert_eq!(r.status(), 200);
        let html = r.text().await.unwrap();
        assert!(html.contains("id=\"invite-link\""));
        let r = ui
            .submit(
                &format!("/community/applications/{other}"),
                &format!("/community/applications/{other}/approve"),
                &[],
            )
            .await;
        assert_eq!(r.status(), 409, "approving twice in the UI");
        assert!(r.text().await.unwrap().contains("already decided"));
    }
);

on_each_engine!(a_rejection_shows_its_reason_to_that_applicant_only, |app| {
    let c = community(&app).await;
    let (id, rejected_path) = applied(&app, "Consultancy BV").await;
    let (_, other_path) = applied(&app, "AZ Andere").await;
    let ui = app.signed_in("coord@sec.example").await;
    let detail = format!("/community/applications/{id}");
    let r = ui
        .submit(&detail, &format!("{detail}/reject"), &[("reason", "  ")])
        .await;
    assert_eq!(r.status(), 422, "a reason is required");
    assert!(r.text().await.unwrap().contains("id=\"reason-error\""));
    let reason = "Membership is for care institutions; consultancies join through a member.";
    let r = ui
        .submit(&detail, &format!("{detail}/reject"), &[("reason", reason)])
        .await;
    assert_eq!(r.status(), 303);
    assert!(ui.page(&detail).await.contains(reason));

    let page = app.browser().page(&rejected_path).await;
    assert!(page.contains("Rejected") && page.contains(reason));
    let other = app.browser().page(&other_path).await;
    assert!(other.contains("AZ Andere") && other.contains("Received"));
    assert!(
        !other.contains(reason) && !other.contains("Consultancy BV"),
        "one status link reveals nothing of another application"
    );
    let (_, listed) = app
        .api(&c.coordinator)
        .get("/applications?status=rejected")
        .await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);
    assert_eq!(listed["items"][0]["rejection_reason"], reason);
    let (status, _) = app
        .api(&c.coordinator)
        .get("/applications?status=maybe")
        .await;
    assert_eq!(status, 422);
});

on_each_engine!(the_public_form_is_throttled_per_client_address, |app| {
    community(&app).await;
    for n in 0..4 {
        applied(&app, &format!("Kliniek {n}")).await;
    }
    // A refused duplicate counts as well: five attempts in the hour.
    let (status, _, _) = apply(&app, &application("Kliniek 0")).await;
    assert_eq!(status, 409);
    let (status, problem, _) = apply(&app, &application("Kliniek 5")).await;
    assert_eq!(status, 429, "{problem}");
    assert_eq!(problem["type"], "/problems/too-many-requests");
    let visitor = app.browser();
    let r = visitor
        .post_form("/join", &form_fields("Kliniek 6", "k6@kliniek.example"))
        .await;
    assert_eq!(r.status(), 429, "the form shares the limit");
    assert!(r.text().await.unwrap().contains("Too many applications"));
    app.clock.advance(Duration::minutes(61));
    applied(&app, "Kliniek 7").await;
});

async fn list_me(b: &Browser, listed: bool) {
    let csrf = b.csrf("/profile").await;
    let mut fields = vec![("csrf", csrf.as_str())];
    if listed {
        fields.push(("listed", "on"));
    }
    let r = b.post_form("/profile/directory", &fields).await;
    assert_eq!(r.status(), 303);
}

on_each_engine!(
    the_member_directory_shows_opted_in_contacts_to_members_only,
    |app| {
        community(&app).await;
        let other = app.org("UZ Ander", OrgKind::UniversityHospital).await;
        app.person(other, "ciso@ander.example", OrgRole::SecurityOfficer, false)
            .await;
        let admin = app.signed_in("admin@member.example").await;
        let profile = admin.page("/profile").await;
        assert!(profile.contains("id=\"directory-listed\""));
        assert!(
            !profile.contains("id=\"directory-listed\" name=\"listed\" value=\"on\" checked"),
            "off by default"
        );
        list_me(&admin, true).await;
        assert!(
            admin
                .page("/profile")
                .await
                .contains("value=\"on\" checked")
        );

        let reader = app.signed_in("ciso@ander.example").await;
        assert!(reader.page("/").await.contains("href=\"/directory\""));
        let directory = reader.page("/directory").await;
        assert!(directory.contains("AZ Member") && directory.contains("UZ Ander"));
        assert!(
            directory.contains("admin@member.example"),
            "an opted-in contact is listed"
        );
        assert!(
            !directory.contains("reader@member.example"),
            "others are not"
        );
        assert!(!directory.contains("ciso@ander.example"));
        assert!(!directory.contains("Vendor NV"), "guests are not members");

        list_me(&admin, false).await;
        assert!(
            !reader
                .page("/directory")
                .await
                .contains("admin@member.example")
        );

        let supplier = app.signed_in("psirt@vendor.example").await;
        assert_eq!(supplier.get("/directory").await.status(), 403);
        assert!(!supplier.page("/").await.contains("href=\"/directory\""));
        let profile = supplier.page("/profile").await;
        assert!(!profile.contains("directory-listed"));
        let csrf = field_value(&profile, "csrf").unwrap();
        let r = supplier
            .post_form(
                "/profile/directory",
                &[("csrf", csrf.as_str()), ("listed", "on")],
            )
            .await;
        assert_eq!(r.status(), 403, "guests cannot list themselves");
        assert_eq!(
            app.browser().get("/directory").await.status(),
            303,
            "sign in first"
        );
    }
);
