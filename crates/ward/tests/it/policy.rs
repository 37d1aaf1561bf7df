//! The access policy end to end: random communities, and every list and read endpoint returns exactly what the
//! pure policy allows — no more, no less.

use std::collections::BTreeSet;

use proptest::prelude::*;
use ward_core::auth::TokenScope;
use ward_core::ids::{GroupId, ItemId, OrgId, PersonId};
use ward_core::item::{Item, ItemKind};
use ward_core::marking::{Attribution, Audience, Marking};
use ward_core::org::{Language, OrgKind, OrgRole};
use ward_core::text::Name;
use ward_core::tlp::Tlp;
use ward_store::db::Engine;
use ward_store::items::NewItem;
use ward_store::testing::engines;
use ward_store::{AuditCtx, groups, items};

use crate::harness::TestApp;

#[derive(Clone, Debug)]
struct World {
    orgs: Vec<OrgKind>,
    people: Vec<(usize, OrgRole)>,
    groups: Vec<Vec<usize>>,
    items: Vec<(usize, Tlp, u8, Vec<usize>, bool)>,
}

fn world() -> impl Strategy<Value = World> {
    let kinds = prop::sample::select(vec![
        OrgKind::Coordinator,
        OrgKind::GeneralHospital,
        OrgKind::UniversityHospital,
        OrgKind::Laboratory,
        OrgKind::Supplier,
    ]);
    let roles = prop::sample::select(vec![
        OrgRole::SecurityOfficer,
        OrgRole::Contributor,
        OrgRole::Reader,
    ]);
    (
        prop::collection::vec(kinds, 2..5),
        prop::collection::vec((0usize..50, roles), 2..7),
    )
        .prop_flat_map(move |(orgs, people)| {
            let n_orgs = orgs.len();
            let n_people = people.len();
            let people: Vec<(usize, OrgRole)> =
                people.into_iter().map(|(o, r)| (o % n_orgs, r)).collect();
            let groups = prop::collection::vec(prop::collection::vec(0usize..n_orgs, 1..3), 0..3);
            let item = (
                0usize..n_people,
                prop::sample::select(Tlp::ALL.to_vec()),
                0u8..4,
                prop::collection::vec(0usize..50, 1..3),
                any::<bool>(),
            );
            (
                Just(orgs),
                Just(people),
                groups,
                prop::collection::vec(item, 1..12),
            )
                .prop_map(|(orgs, people, groups, items)| World {
                    orgs,
                    people,
                    groups,
                    items,
                })
        })
}

async fn check(engine: Engine, w: World) -> Result<(), TestCaseError> {
    let app = TestApp::spawn(engine).await;
    app.without_required_mfa().await;
    let mut orgs: Vec<OrgId> = Vec::new();
    for (i, kind) in w.orgs.iter().enumerate() {
        orgs.push(app.org(&format!("Org {i}"), *kind).await);
    }
    let mut people: Vec<PersonId> = Vec::new();
    for (i, (o, role)) in w.people.iter().enumerate() {
        people.push(
            app.person(orgs[*o], &format!("p{i}@world.example"), *role, false)
                .await,
        );
    }
    let mut group_ids: Vec<GroupId> = Vec::new();
    for (i, members) in w.groups.iter().enumerate() {
        let mut tx = app.store.write(AuditCtx::system("test")).await.unwrap();
        let g = groups::create(&mut tx, &Name::parse(&format!("G{i}")).unwrap(), "")
            .await
            .unwrap();
        for m in members {
            let _ = groups::add_member(&mut tx, g.id, orgs[*m]).await;
        }
        tx.commit().await.unwrap();
        group_ids.push(g.id);
    }
    let mut world: Vec<Item> = Vec::new();
    for (n, (author, tlp, kind, picks, anonymous)) in w.items.iter().enumerate() {
        // Announcements and articles alternate, so both kinds' lists and reads are checked.
        let item_kind = if n % 2 == 0 {
            ItemKind::Announcement
        } else {
            ItemKind::Article
        };
        let owner = orgs[w.people[*author].0];
        let audience = match kind {
            0 => Audience::Community,
            1 if !group_ids.is_empty() => Audience::Groups(
                picks
                    .iter()
                    .map(|p| group_ids[p % group_ids.len()])
                    .collect(),
            ),
            1 | 2 => Audience::Organizations(picks.iter().map(|p| orgs[p % orgs.len()]).collect()),
            _ => Audience::People(picks.iter().map(|p| people[p % people.len()]).collect()),
        };
        let Ok(marking) = Marking::new(*tlp, audience) else {
            continue;
        };
        let attribution = if *anonymous {
            Attribution::Anonymous
        } else {
            Attribution::Named
        };
        let mut tx = app.store.write(AuditCtx::system("test")).await.unwrap();
        let id = items::insert(
            &mut tx,
            &NewItem {
                kind: item_kind,
                owner,
                author: people[*author],
                attribution,
                marking: marking.clone(),
                title: format!("item by {author}"),
                summary: String::new(),
                language: Language::En,
            },
        )
        .await
        .unwrap();
        let detail = match item_kind {
            ItemKind::Announcement => {
                "INSERT INTO announcements (item_id, body, pinned) VALUES ($1, 'b', FALSE)"
            }
            _ => "INSERT INTO articles (item_id, category, body) VALUES ($1, 'guide', 'b')",
        };
        ward_store::on_engine!(tx, |c| sqlx::query(detail)
            .bind(id)
            .execute(c)
            .await
            .unwrap()
            .rows_affected());
        ward_store::search::put(&mut tx, id, &format!("item by {author}"), "shared text", "")
            .await
            .unwrap();
        // One comment per item, by its author: hidden with the author on anonymous items.
        ward_store::on_engine!(tx, |c| {
            sqlx::query(
            "INSERT INTO comments (id, item_id, author_id, org_id, body, created_at) VALUES ($1, $2, $3, $4, 'c', $5)"
        )
        .bind(ward_core::ids::CommentId::new())
        .bind(id)
        .bind(people[*author])
        .bind(owner)
        .bind(app.store.now())
        .execute(c)
        .await
        .unwrap()
        .rows_affected()
        });
        tx.commit().await.unwrap();
        world.push(Item {
            id,
            kind: item_kind,
            owner,
            owner_name: String::new(),
            author: people[*author],
            author_name: String::new(),
            attribution,
            marking,
            title: String::new(),
            summary: String::new(),
            language: Language::En,
            created_at: app.store.now(),
            updated_at: app.store.now(),
            version: 1,
        });
    }

    for (i, person) in people.iter().enumerate() {
        let token = app.token(*person, TokenScope::Read).await;
        let api = app.api(&token);
        let viewer = viewer_of(&app, *person).await;
        let expected: BTreeSet<ItemId> = world
            .iter()
            .filter(|it| it.readable_by(&viewer))
            .map(|it| it.id)
            .collect();
        let listed: BTreeSet<ItemId> = api
            .all("/items")
            .await
            .iter()
            .map(|v| v["id"].as_str().unwrap().parse().unwrap())
            .collect();
        prop_assert_eq!(&listed, &expected, "/items for person {}", i);
        let of_kind = |kind: ItemKind| -> BTreeSet<ItemId> {
            world
                .iter()
                .filter(|it| it.kind == kind && expected.contains(&it.id))
                .map(|it| it.id)
                .collect()
        };
        let announced: BTreeSet<ItemId> = api
            .all("/announcements")
            .await
            .iter()
            .map(|v| v["id"].as_str().unwrap().parse().unwrap())
            .collect();
        prop_assert_eq!(
            &announced,
            &of_kind(ItemKind::Announcement),
            "/announcements for person {}",
            i
        );
        let articles: BTreeSet<ItemId> = api
            .all("/articles")
            .await
            .iter()
            .map(|v| v["id"].as_str().unwrap().parse().unwrap())
            .collect();
        prop_assert_eq!(
            &articles,
            &of_kind(ItemKind::Article),
            "/articles for person {}",
            i
        );
        let (status, found) = api.get("/search?q=shared&limit=50").await;
        prop_assert_eq!(status, 200);
        let searched: BTreeSet<ItemId> = found["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["item"]["id"].as_str().unwrap().parse().unwrap())
            .collect();
        prop_assert_eq!(&searched, &expected, "/search for person {}", i);
        prop_assert_eq!(
            found["total"].as_i64(),
            Some(i64::try_from(expected.len()).unwrap()),
            "search count for person {}",
            i
        );
        let dashboard = api.get("/dashboard").await.1;
        let counted: i64 = dashboard["readable_items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["count"].as_i64().unwrap())
            .sum();
        prop_assert_eq!(
            counted,
            i64::try_from(expected.len()).unwrap(),
            "dashboard count for person {}",
            i
        );
        for item in &world {
            let (status, body) = api.get(&format!("/items/{}", item.id)).await;
            let readable = expected.contains(&item.id);
            prop_assert_eq!(
                status == 200,
                readable,
                "/items/{} for person {}",
                item.id,
                i
            );
            prop_assert!(
                status == 200 || status == 404,
                "unexpected status {}",
                status
            );
            if readable {
                let hidden = item.contributor_for(&viewer).is_none();
                prop_assert_eq!(
                    body["contributor"].is_null(),
                    hidden,
                    "contributor of {} for person {}",
                    item.id,
                    i
                );
            }
            let own_path = match item.kind {
                ItemKind::Announcement => format!("/announcements/{}", item.id),
                _ => format!("/articles/{}", item.id),
            };
            let (status, _) = api.get(&own_path).await;
            prop_assert_eq!(status == 200, readable, "{} for person {}", own_path, i);
            let (status, thread) = api.get(&format!("/items/{}/comments", item.id)).await;
            prop_assert_eq!(
                status == 200,
                readable,
                "comments on {} for person {}",
                item.id,
                i
            );
            if readable {
                let hidden = item.contributor_for(&viewer).is_none();
                prop_assert_eq!(thread.as_array().map(Vec::len), Some(1));
                prop_assert_eq!(
                    thread[0]["author"].is_null(),
                    hidden,
                    "comment author on {} for person {}",
                    item.id,
                    i
                );
            }
        }
    }
    Ok(())
}

/// The viewer of a person as authentication builds it, for the pure policy.
async fn viewer_of(app: &TestApp, person: PersonId) -> ward_core::viewer::Viewer {
    let mut tx = app.store.housekeeping().await.unwrap();
    let issued = ward_store::sessions::create(&mut tx, person, true, None, None)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = app.store.read().await.unwrap();
    let session = ward_store::sessions::find(&mut tx, &issued.secret)
        .await
        .unwrap()
        .unwrap();
    let principal = ward_store::people::principal(&mut tx, person)
        .await
        .unwrap()
        .unwrap();
    let settings = ward_store::settings::get(&mut tx).await.unwrap();
    tx.finish().await.unwrap();
    ward_core::auth::viewer_for_session(&session.record, principal, &settings, app.store.now())
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]
    #[test]
    fn every_endpoint_returns_exactly_what_the_policy_allows(w in world()) {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        for engine in engines() {
            rt.block_on(check(engine, w.clone()))?;
        }
    }
}
