//! Search: one box over every item the viewer may read, with filters and snippets that never reveal anything else.

use serde_json::json;
use ward_core::auth::TokenScope;
use ward_core::org::{OrgKind, OrgRole};

use crate::on_each_engine;

fn results(found: &serde_json::Value) -> Vec<String> {
    found["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["item"]["title"].as_str().unwrap().to_owned())
        .collect()
}

on_each_engine!(
    search_finds_what_the_viewer_may_read_and_nothing_else,
    |app| {
        app.without_required_mfa().await;
        let alpha = app.org("AZ Alpha", OrgKind::GeneralHospital).await;
        let beta = app.org("UZ Beta", OrgKind::UniversityHospital).await;
        let a = app
            .person(alpha, "ciso@alpha.example", OrgRole::SecurityOfficer, false)
            .await;
        let b = app
            .person(beta, "ciso@beta.example", OrgRole::SecurityOfficer, false)
            .await;
        let alpha_api = app.api(&app.token(a, TokenScope::Write).await);
        let beta_api = app.api(&app.token(b, TokenScope::Write).await);

        let article = |title: &str, body: &str, tlp: &str, topics: &[&str], language: &str| {
            json!({
                "title": title, "body": body, "category": "guide", "topics": topics,
                "language": language, "tlp": tlp, "audience": if tlp == "RED" { "people" } else { "community" },
                "audience_ids": [],
            })
        };
        for (title, body, tlp, topics, language) in [
            (
                "Sécurité des fournisseurs",
                "Exiger l'authentification forte pour chaque accès à distance.",
                "GREEN",
                vec!["supply_chain"],
                "fr",
            ),
            (
                "Remote access for suppliers",
                "Require phishing-resistant MFA for every supplier session.",
                "GREEN",
                vec!["supply_chain", "technical"],
                "en",
            ),
            (
                "Backup restore drill",
                "Restore the EPD from offline backups once a year.",
                "CLEAR",
                vec!["technical"],
                "en",
            ),
        ] {
            let (status, body) = alpha_api
                .post("/articles", &article(title, body, tlp, &topics, language))
                .await;
            assert_eq!(status, 201, "{body}");
        }
        let mut amber = json!({
            "title": "Supplier breach at our site", "summary": "", "body": "The supplier VPN was abused.",
            "language": "en", "tlp": "AMBER+STRICT", "audience": "organizations", "audience_ids": [alpha.to_string()],
        });
        let (status, body) = alpha_api.post("/announcements", &amber).await;
        assert_eq!(status, 201, "{body}");

        // Accents and capitals do not matter; every word must match, as a prefix.
        let (_, found) = beta_api.get("/search?q=SECURITE%20fourn").await;
        assert_eq!(results(&found), ["Sécurité des fournisseurs"]);
        let (_, found) = beta_api.get("/search?q=acces%20AUTHENTIFICATION").await;
        assert_eq!(results(&found), ["Sécurité des fournisseurs"]);
        let snippet = &found["results"][0]["snippet"];
        assert!(
            snippet.as_array().unwrap().iter().any(|p| p["hit"] == true),
            "{snippet}"
        );
        let (_, found) = beta_api.get("/search?q=supplier").await;
        assert_eq!(
            found["total"], 1,
            "the AMBER+STRICT announcement is neither listed nor counted: {found}"
        );
        assert_eq!(results(&found), ["Remote access for suppliers"]);
        let (_, own) = alpha_api.get("/search?q=supplier").await;
        assert_eq!(own["total"], 2, "{own}");
        let hit = own["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["item"]["kind"] == "announcement")
            .unwrap();
        let marked: Vec<&str> = hit["snippet"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["hit"] == true)
            .map(|p| p["text"].as_str().unwrap())
            .collect();
        assert_eq!(marked, ["supplier"]);

        // Filters.
        let (_, found) = beta_api
            .get("/search?q=supplier&topic=technical&kind=article")
            .await;
        assert_eq!(results(&found), ["Remote access for suppliers"]);
        let (_, found) = beta_api.get("/search?q=backup&tlp=GREEN").await;
        assert_eq!(found["total"], 0);
        let (_, found) = beta_api.get("/search?q=backup&tlp=CLEAR&language=en").await;
        assert_eq!(found["total"], 1);
        let (_, found) = beta_api.get("/search?q=backup&until=2000-01-01").await;
        assert_eq!(found["total"], 0);
        let (_, found) = beta_api.get("/search?q=guide").await;
        assert_eq!(found["total"], 3, "categories are searchable words");

        // Bad input is named field by field; query syntax is just words.
        let (status, problem) = beta_api
            .get("/search?q=%22%20OR%20*&kind=dragon&from=yesterday&limit=500")
            .await;
        assert_eq!(status, 422, "{problem}");
        let fields: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["kind", "from", "limit"]);
        let (status, found) = beta_api
            .get("/search?q=NEAR(supplier%20remote)%20-access")
            .await;
        assert_eq!(status, 200, "{found}");
        let (status, _) = beta_api.get("/search?q=---").await;
        assert_eq!(status, 422);

        // Changes are searchable at once, and deletions disappear.
        amber["title"] = json!("Restore lessons");
        let (_, list) = alpha_api.get("/announcements").await;
        let id = list["items"][0]["id"].as_str().unwrap().to_owned();
        amber["version"] = json!(1);
        let (status, _) = alpha_api
            .send(
                reqwest::Method::PUT,
                &format!("/announcements/{id}"),
                &amber,
            )
            .await;
        assert_eq!(status, 200);
        let (_, found) = alpha_api.get("/search?q=restore%20lessons").await;
        assert_eq!(found["total"], 1);
        let (status, _) = alpha_api
            .send(
                reqwest::Method::DELETE,
                &format!("/announcements/{id}"),
                &json!({}),
            )
            .await;
        assert_eq!(status, 204);
        let (_, found) = alpha_api.get("/search?q=restore%20lessons").await;
        assert_eq!(found["total"], 0);

        // The best-ranked matches may all be unreadable: the readable ones further down are still found.
        for n in 0..210 {
            let red = json!({
                "title": format!("Zebra zebra note {n}"), "body": "zebra", "category": "guide", "topics": [],
                "language": "en", "tlp": "RED", "audience": "people", "audience_ids": [a.to_string()],
            });
            assert_eq!(alpha_api.post("/articles", &red).await.0, 201);
        }
        for n in 0..3 {
            let green = json!({
                "title": format!("Shared note {n}"), "body": "A zebra crossing.", "category": "guide", "topics": [],
                "language": "en", "tlp": "GREEN", "audience": "community",
            });
            assert_eq!(alpha_api.post("/articles", &green).await.0, 201);
        }
        let (_, found) = beta_api.get("/search?q=zebra&limit=2").await;
        assert_eq!(found["total"], 3, "{found}");
        assert_eq!(found["results"].as_array().unwrap().len(), 2);
        let (_, rest) = beta_api.get("/search?q=zebra&limit=2&offset=2").await;
        assert_eq!(rest["results"].as_array().unwrap().len(), 1);
        let (_, own) = alpha_api.get("/search?q=zebra&limit=1").await;
        assert_eq!(
            (own["total"].as_i64(), own["more"].as_bool()),
            (Some(200), Some(true)),
            "counting stops at 200"
        );

        // The page.
        let browser = app.signed_in("ciso@beta.example").await;
        let html = browser.page("/search?q=fournisseurs").await;
        assert!(html.contains("<mark>fournisseurs</mark>"), "highlighted");
        assert!(html.contains("One result"));
        let r = browser.get("/search?q=%3F%3F").await;
        assert_eq!(r.status(), 422);
    }
);
