//! The REST API: the directory, invitations, announcements and re-marking, the audit trail, settings, OpenAPI.

use serde_json::json;
use time::Duration;
use ward_core::auth::TokenScope;
use ward_core::org::{OrgKind, OrgRole};

use crate::harness::{PASSWORD, TestApp};
use crate::on_each_engine;

struct Community {
    coordinator: String,
    hospital_admin: String,
    officer: String,
    reader: String,
    other_officer: String,
    supplier: String,
    hospital: ward_core::ids::OrgId,
    other: ward_core::ids::OrgId,
    vendor: ward_core::ids::OrgId,
}

async fn community(app: &TestApp) -> Community {
    app.without_required_mfa().await;
    let sec = app.org("Secretariat", OrgKind::Coordinator).await;
    let hospital = app.org("AZ Alpha", OrgKind::GeneralHospital).await;
    let other = app.org("UZ Beta", OrgKind::UniversityHospital).await;
    let vendor = app.org("Vendor NV", OrgKind::Supplier).await;
    let c = app
        .person(sec, "coord@sec.example", OrgRole::Admin, true)
        .await;
    let a = app
        .person(hospital, "admin@alpha.example", OrgRole::Admin, false)
        .await;
    let o = app
        .person(
            hospital,
            "officer@alpha.example",
            OrgRole::SecurityOfficer,
            false,
        )
        .await;
    let r = app
        .person(hospital, "reader@alpha.example", OrgRole::Reader, false)
        .await;
    let b = app
        .person(
            other,
            "officer@beta.example",
            OrgRole::SecurityOfficer,
            false,
        )
        .await;
    let s = app
        .person(vendor, "psirt@vendor.example", OrgRole::Contributor, false)
        .await;
    Community {
        coordinator: app.token(c, TokenScope::Write).await,
        hospital_admin: app.token(a, TokenScope::Write).await,
        officer: app.token(o, TokenScope::Write).await,
        reader: app.token(r, TokenScope::Write).await,
        other_officer: app.token(b, TokenScope::Write).await,
        supplier: app.token(s, TokenScope::Write).await,
        hospital,
        other,
        vendor,
    }
}

fn announcement(tlp: &str, audience: &str, ids: &[String]) -> serde_json::Value {
    json!({
        "title": "Citrix gateways under attack",
        "summary": "Seen at two members",
        "body": "Patch now.",
        "language": "en",
        "tlp": tlp,
        "audience": audience,
        "audience_ids": ids,
    })
}

on_each_engine!(the_directory_pages_and_respects_guests, |app| {
    let c = community(&app).await;
    let orgs = app.api(&c.reader).all("/organizations").await;
    assert_eq!(orgs.len(), 4, "members see every organization");
    let names: Vec<&str> = orgs.iter().map(|o| o["name"].as_str().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "by name");
    let guest = app.api(&c.supplier).all("/organizations").await;
    assert_eq!(
        guest.len(),
        1,
        "a supplier guest sees only their own organization"
    );
    let (status, _) = app
        .api(&c.supplier)
        .get(&format!("/organizations/{}", c.hospital))
        .await;
    assert_eq!(status, 404);
    let (status, problem) = app.api(&c.reader).get("/organizations?limit=0").await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "limit");
    let (status, problem) = app
        .api(&c.reader)
        .get("/organizations?cursor=garbage")
        .await;
    assert_eq!(status, 422, "{problem}");
    let people = app
        .api(&c.reader)
        .all(&format!("/organizations/{}/people", c.hospital))
        .await;
    assert_eq!(people.len(), 3);
    let (status, _) = app
        .api(&c.reader)
        .get(&format!("/organizations/{}/people", c.other))
        .await;
    assert_eq!(status, 404, "other organizations' people are not listed");
    assert_eq!(
        app.api(&c.coordinator)
            .all(&format!("/organizations/{}/people", c.other))
            .await
            .len(),
        1
    );
});

on_each_engine!(
    the_coordinator_runs_organizations_groups_and_settings,
    |app| {
        let c = community(&app).await;
        let body = json!({"name": "Clinique Nouvelle", "kind": "general_hospital", "size_band": "small", "region": "wallonia", "languages": ["fr"]});
        let (status, _) = app.api(&c.officer).post("/organizations", &body).await;
        assert_eq!(status, 403);
        let (status, org) = app.api(&c.coordinator).post("/organizations", &body).await;
        assert_eq!(status, 201, "{org}");
        let (status, problem) = app.api(&c.coordinator).post("/organizations", &body).await;
        assert_eq!(status, 409, "{problem}");
        let bad = json!({"name": "", "kind": "castle", "size_band": "small", "region": "mars", "languages": []});
        let (status, problem) = app.api(&c.coordinator).post("/organizations", &bad).await;
        assert_eq!(status, 422);
        let fields: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        for f in ["name", "kind", "region", "languages"] {
            assert!(fields.contains(&f), "{f} missing in {problem}");
        }
        let (status, group) = app
            .api(&c.coordinator)
            .post(
                "/sharing-groups",
                &json!({"name": "Circle", "description": "d"}),
            )
            .await;
        assert_eq!(status, 201);
        let gid = group["id"].as_str().unwrap();
        let put = |org: String| {
            let api = app.api(&c.coordinator);
            let path = format!("/sharing-groups/{gid}/members/{org}");
            async move { api.send(reqwest::Method::PUT, &path, &json!({})).await }
        };
        assert_eq!(put(c.hospital.to_string()).await.0, 204);
        let (status, problem) = put(c.vendor.to_string()).await;
        assert_eq!(status, 409, "guests cannot join groups: {problem}");
        let (_, g) = app
            .api(&c.reader)
            .get(&format!("/sharing-groups/{gid}"))
            .await;
        assert_eq!(g["members"].as_array().unwrap().len(), 1);
        let (status, _) = app.api(&c.officer).get("/settings").await;
        assert_eq!(status, 403);
        let (status, mut settings) = app.api(&c.coordinator).get("/settings").await;
        assert_eq!(status, 200);
        settings["session_idle_minutes"] = json!(0);
        let (status, problem) = app
            .api(&c.coordinator)
            .send(reqwest::Method::PUT, "/settings", &settings)
            .await;
        assert_eq!(status, 422);
        assert_eq!(problem["errors"][0]["field"], "session_idle_minutes");
        settings["session_idle_minutes"] = json!(30);
        let (status, saved) = app
            .api(&c.coordinator)
            .send(reqwest::Method::PUT, "/settings", &settings)
            .await;
        assert_eq!(status, 200);
        assert_eq!(saved["session_idle_minutes"], 30);
    }
);

on_each_engine!(invitations_create_accounts_once_and_expire, |app| {
    let c = community(&app).await;
    let (status, _) = app
        .api(&c.officer)
        .post(
            &format!("/organizations/{}/invitations", c.hospital),
            &json!({"role": "reader"}),
        )
        .await;
    assert_eq!(status, 403, "security officers do not invite");
    let (status, issued) = app
        .api(&c.hospital_admin)
        .post(
            &format!("/organizations/{}/invitations", c.hospital),
            &json!({"role": "contributor", "email": "new@alpha.example"}),
        )
        .await;
    assert_eq!(status, 201, "{issued}");
    let link = issued["link"].as_str().unwrap();
    let path = link.trim_start_matches(&app.base).to_owned();
    assert!(path.starts_with("/invite/ward_inv_"));
    let b = app.browser();
    let page = b.page(&path).await;
    assert!(page.contains("AZ Alpha"));
    let weak = b
        .post_form(
            &path,
            &[
                ("display_name", "New"),
                ("password", "short"),
                ("password_confirm", "short"),
                ("language", "nl"),
            ],
        )
        .await;
    assert_eq!(weak.status(), 422);
    let r = b
        .post_form(
            &path,
            &[
                ("display_name", "Nieuwe Collega"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
                ("language", "nl"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let home = b.page("/").await;
    assert!(home.contains("Nieuwe Collega"), "signed in, in Dutch");
    assert!(home.contains("Overzicht"));
    assert_eq!(
        app.browser().get(&path).await.status(),
        404,
        "a link works once"
    );

    let (_, issued) = app
        .api(&c.hospital_admin)
        .post(
            &format!("/organizations/{}/invitations", c.hospital),
            &json!({"role": "reader"}),
        )
        .await;
    let late = issued["link"]
        .as_str()
        .unwrap()
        .trim_start_matches(&app.base)
        .to_owned();
    app.clock.advance(Duration::days(8));
    assert_eq!(app.browser().get(&late).await.status(), 404, "links expire");
    let list = app
        .api(&c.hospital_admin)
        .all(&format!("/organizations/{}/invitations", c.hospital))
        .await;
    assert_eq!(list.len(), 2);
});

on_each_engine!(
    announcements_follow_the_marking_and_hide_anonymous_contributors,
    |app| {
        let c = community(&app).await;
        let (status, problem) = app
            .api(&c.reader)
            .post("/announcements", &announcement("GREEN", "community", &[]))
            .await;
        assert_eq!(status, 403, "readers do not publish: {problem}");
        let (status, problem) = app
            .api(&c.supplier)
            .post("/announcements", &announcement("GREEN", "community", &[]))
            .await;
        assert_eq!(status, 403, "guests do not publish here: {problem}");
        let (status, problem) = app
            .api(&c.officer)
            .post("/announcements", &announcement("PURPLE", "community", &[]))
            .await;
        assert_eq!(status, 422);
        assert_eq!(problem["errors"][0]["field"], "tlp");
        let (status, problem) = app
            .api(&c.officer)
            .post("/announcements", &announcement("RED", "community", &[]))
            .await;
        assert_eq!(status, 422, "{problem}");
        let (status, problem) = app
            .api(&c.officer)
            .post(
                "/announcements",
                &announcement(
                    "AMBER",
                    "organizations",
                    &[uuid::Uuid::now_v7().to_string()],
                ),
            )
            .await;
        assert_eq!(status, 422, "an unknown organization: {problem}");

        let mut anon = announcement("GREEN", "community", &[]);
        anon["anonymous"] = json!(true);
        let (status, created) = app.api(&c.officer).post("/announcements", &anon).await;
        assert_eq!(status, 201, "{created}");
        let id = created["id"].as_str().unwrap().to_owned();
        let (_, seen_by_other) = app
            .api(&c.other_officer)
            .get(&format!("/announcements/{id}"))
            .await;
        assert!(
            seen_by_other["contributor"].is_null(),
            "anonymous to other organizations"
        );
        let (_, seen_by_colleague) = app
            .api(&c.reader)
            .get(&format!("/announcements/{id}"))
            .await;
        assert_eq!(seen_by_colleague["contributor"]["org_name"], "AZ Alpha");
        let (status, _) = app
            .api(&c.supplier)
            .get(&format!("/announcements/{id}"))
            .await;
        assert_eq!(status, 404, "GREEN is not for guests");
        let filtered = app
            .api(&c.other_officer)
            .all(&format!("/items?owner={}", c.hospital))
            .await;
        assert!(
            filtered.is_empty(),
            "filtering by owner must not reveal anonymous contributions"
        );

        let (status, amber) = app
            .api(&c.officer)
            .post(
                "/announcements",
                &announcement("AMBER", "organizations", &[c.vendor.to_string()]),
            )
            .await;
        assert_eq!(status, 201);
        let amber_id = amber["id"].as_str().unwrap().to_owned();
        assert_eq!(
            app.api(&c.supplier)
                .get(&format!("/announcements/{amber_id}"))
                .await
                .0,
            200,
            "addressed to the supplier"
        );
        assert_eq!(
            app.api(&c.other_officer)
                .get(&format!("/announcements/{amber_id}"))
                .await
                .0,
            404
        );
        assert_eq!(
            app.api(&c.reader)
                .get(&format!("/announcements/{amber_id}"))
                .await
                .0,
            200,
            "owner organization"
        );

        // Editing: a colleague reader may not; the coordinator may narrow but not widen; stale versions conflict.
        let mut narrower = announcement("RED", "people", &[]);
        let coordinator_id = app.api(&c.coordinator).get("/me").await.1["id"]
            .as_str()
            .unwrap()
            .to_owned();
        narrower["audience_ids"] = json!([coordinator_id]);
        let (status, _) = app
            .api(&c.reader)
            .send(
                reqwest::Method::PUT,
                &format!("/announcements/{id}"),
                &narrower,
            )
            .await;
        assert_eq!(status, 403);
        let wider = announcement("CLEAR", "community", &[]);
        let (status, problem) = app
            .api(&c.coordinator)
            .send(
                reqwest::Method::PUT,
                &format!("/announcements/{id}"),
                &wider,
            )
            .await;
        assert_eq!(status, 403, "the coordinator cannot widen: {problem}");
        let mut amber_strict =
            announcement("AMBER+STRICT", "organizations", &[c.other.to_string()]);
        amber_strict["version"] = json!(1);
        amber_strict["anonymous"] = json!(true);
        let (status, updated) = app
            .api(&c.coordinator)
            .send(
                reqwest::Method::PUT,
                &format!("/announcements/{id}"),
                &amber_strict,
            )
            .await;
        assert_eq!(status, 200, "narrowing is allowed: {updated}");
        let (status, _) = app
            .api(&c.coordinator)
            .get(&format!("/announcements/{id}"))
            .await;
        assert_eq!(status, 404, "the coordinator narrowed it past themselves");
        let (status, _) = app
            .api(&c.officer)
            .send(
                reqwest::Method::PUT,
                &format!("/announcements/{id}"),
                &amber_strict,
            )
            .await;
        assert_eq!(status, 409, "version 1 is stale now");
        let (status, _) = app
            .api(&c.officer)
            .send(
                reqwest::Method::PUT,
                &format!("/announcements/{id}"),
                &wider,
            )
            .await;
        assert_eq!(status, 200, "the owner may widen");
        assert_eq!(
            app.api(&c.officer)
                .send(
                    reqwest::Method::DELETE,
                    &format!("/announcements/{id}"),
                    &json!({})
                )
                .await
                .0,
            204
        );
        assert_eq!(
            app.api(&c.officer)
                .get(&format!("/announcements/{id}"))
                .await
                .0,
            404
        );
    }
);

on_each_engine!(
    the_audit_trail_is_scoped_and_records_sensitive_reads,
    |app| {
        let c = community(&app).await;
        let (_, amber) = app
            .api(&c.officer)
            .post(
                "/announcements",
                &announcement("AMBER", "organizations", &[c.other.to_string()]),
            )
            .await;
        let id = amber["id"].as_str().unwrap();
        assert_eq!(
            app.api(&c.other_officer)
                .get(&format!("/announcements/{id}"))
                .await
                .0,
            200
        );
        let (status, _) = app.api(&c.reader).get("/audit").await;
        assert_eq!(status, 403, "readers do not read the audit trail");
        let mine = app.api(&c.hospital_admin).all("/audit").await;
        assert!(!mine.is_empty());
        assert!(
            mine.iter()
                .all(|e| e["org"] == json!(c.hospital.to_string())),
            "only the admin's organization"
        );
        assert!(
            mine.iter()
                .any(|e| e["action"] == "item.read" && e["target_id"] == json!(id)),
            "reading AMBER is on record for the owner"
        );
        let all = app.api(&c.coordinator).all("/audit").await;
        assert!(all.len() > mine.len());
        assert!(all.iter().any(|e| e["org"] == json!(c.other.to_string())));
    }
);

on_each_engine!(
    audit_entries_keep_anonymous_contributors_hidden_and_lists_are_on_record,
    |app| {
        let c = community(&app).await;
        let mut anon = announcement("AMBER", "organizations", &[c.other.to_string()]);
        anon["anonymous"] = json!(true);
        let (status, created) = app.api(&c.officer).post("/announcements", &anon).await;
        assert_eq!(status, 201);
        let id = created["id"].as_str().unwrap().to_owned();
        let all = app.api(&c.coordinator).all("/audit").await;
        let entry = all
            .iter()
            .find(|e| e["action"] == "item.created" && e["target_id"] == json!(id))
            .expect("creation is on record");
        assert!(
            entry["org"].is_null() && entry["actor_person"].is_null(),
            "the coordinator cannot tell who: {entry}"
        );
        assert_eq!(entry["redacted"], true);
        assert!(
            entry.get("hash").is_none(),
            "no chain hashes to test guesses against"
        );
        let own = app.api(&c.hospital_admin).all("/audit").await;
        let entry = own
            .iter()
            .find(|e| e["action"] == "item.created" && e["target_id"] == json!(id))
            .unwrap();
        assert_eq!(
            entry["org"],
            json!(c.hospital.to_string()),
            "the owner organization sees its own entries"
        );
        // Listing announcements returns their full text: AMBER ones are on record for their owner.
        let reads = |entries: Vec<serde_json::Value>| {
            entries
                .iter()
                .filter(|e| e["action"] == "item.read")
                .count()
        };
        let before = reads(app.api(&c.hospital_admin).all("/audit").await);
        let listed = app.api(&c.other_officer).all("/announcements").await;
        assert!(listed.iter().any(|a| a["id"] == json!(id)));
        let after = reads(app.api(&c.hospital_admin).all("/audit").await);
        assert!(after > before, "listing AMBER items is recorded");
    }
);

on_each_engine!(the_openapi_document_describes_the_api, |app| {
    let r = reqwest::get(app.url("/api/openapi.json")).await.unwrap();
    assert_eq!(r.status(), 200);
    let doc: serde_json::Value = r.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/me",
        "/organizations",
        "/organizations/{id}/invitations",
        "/announcements/{id}",
        "/items",
        "/audit",
        "/tokens",
    ] {
        assert!(paths.contains_key(p), "{p} missing");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
});
