//! Store behaviour on every engine under test: the visibility filter agrees with the access policy, the audit
//! chain detects tampering, writes without audit are refused, jobs retry and survive lost workers.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs,
    reason = "test code: a failed expectation is a failed test"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use proptest::prelude::*;
use time::Duration;
use ward_core::audit::{Actor, actions};
use ward_core::auth;
use ward_core::email::Email;
use ward_core::ids::{GroupId, ItemId, OrgId, PersonId};
use ward_core::item::{Item, ItemKind};
use ward_core::marking::{Attribution, Audience, Marking};
use ward_core::org::{Language, OrgKind, OrgRole, Region, SizeBand};
use ward_core::page::PageRequest;
use ward_core::policy;
use ward_core::settings::CommunitySettings;
use ward_core::text::Name;
use ward_core::time::{Clock, ManualClock, SystemClock};
use ward_core::tlp::Tlp;
use ward_core::viewer::Viewer;
use ward_store::db::Engine;
use ward_store::items::{ItemFilter, NewItem};
use ward_store::jobs::{self, NewJob, Worker};
use ward_store::testing::{TestDatabase, engines};
use ward_store::{AuditCtx, Store, StoreError, groups, items, orgs, people, sessions};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

async fn fresh(engine: Engine) -> (TestDatabase, Store) {
    let db = TestDatabase::create(engine).await.unwrap();
    let store = db.store(Arc::new(SystemClock)).await.unwrap();
    (db, store)
}

fn cli() -> AuditCtx {
    AuditCtx::system("test")
}

async fn org(store: &Store, name: &str, kind: OrgKind) -> OrgId {
    let mut tx = store.write(cli()).await.unwrap();
    let o = orgs::create(
        &mut tx,
        &orgs::NewOrganization {
            name: Name::parse(name).unwrap(),
            kind,
            size_band: SizeBand::Medium,
            region: Region::Flanders,
            languages: vec![Language::Nl],
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    o.id
}

async fn person(store: &Store, org: OrgId, email: &str, role: OrgRole) -> PersonId {
    let mut tx = store.write(cli()).await.unwrap();
    let p = people::create(
        &mut tx,
        &people::NewPerson {
            org,
            email: email.parse::<Email>().unwrap(),
            display_name: Name::parse(email).unwrap(),
            role,
            coordinator: false,
            language: Language::En,
            password_hash: None,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    p.id
}

/// Authenticates a person through a real session, as a request would.
async fn viewer_of(store: &Store, person: PersonId) -> Viewer {
    let mut tx = store.housekeeping().await.unwrap();
    let issued = sessions::create(&mut tx, person, true, None, None)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.read().await.unwrap();
    let session = sessions::find(&mut tx, &issued.secret)
        .await
        .unwrap()
        .unwrap();
    let principal = people::principal(&mut tx, person).await.unwrap().unwrap();
    let settings = ward_store::settings::get(&mut tx).await.unwrap();
    tx.finish().await.unwrap();
    auth::viewer_for_session(&session.record, principal, &settings, store.now()).unwrap()
}

// ---------------------------------------------------------------------------------------------------------------
// The visibility filter against the pure policy, in random communities.

#[derive(Clone, Debug)]
struct WorldSpec {
    org_kinds: Vec<OrgKind>,
    people: Vec<(usize, OrgRole)>,
    groups: Vec<Vec<usize>>,
    items: Vec<ItemSpec>,
}

#[derive(Clone, Debug)]
struct ItemSpec {
    author: usize,
    tlp: Option<Tlp>,
    audience_kind: u8,
    picks: Vec<usize>,
    anonymous: bool,
}

fn world() -> impl Strategy<Value = WorldSpec> {
    let kinds = prop::sample::select(vec![
        OrgKind::Coordinator,
        OrgKind::UniversityHospital,
        OrgKind::GeneralHospital,
        OrgKind::PsychiatricHospital,
        OrgKind::Laboratory,
        OrgKind::Supplier,
    ]);
    let roles = prop::sample::select(OrgRole::ALL.to_vec());
    (
        prop::collection::vec(kinds, 2..6),
        prop::collection::vec((0usize..100, roles), 2..10),
    )
        .prop_flat_map(move |(org_kinds, people)| {
            let n_orgs = org_kinds.len();
            let n_people = people.len();
            let groups = prop::collection::vec(prop::collection::vec(0usize..n_orgs, 0..4), 0..3);
            let tlp = prop::option::weighted(0.9, prop::sample::select(Tlp::ALL.to_vec()));
            let item = (
                0usize..n_people,
                tlp,
                0u8..4,
                prop::collection::vec(0usize..100, 0..4),
                any::<bool>(),
            )
                .prop_map(|(author, tlp, audience_kind, picks, anonymous)| ItemSpec {
                    author,
                    tlp,
                    audience_kind,
                    picks,
                    anonymous,
                });
            let people = people
                .into_iter()
                .map(move |(o, r)| (o % n_orgs, r))
                .collect::<Vec<_>>();
            (
                Just(org_kinds),
                Just(people),
                groups,
                prop::collection::vec(item, 1..25),
            )
        })
        .prop_map(|(org_kinds, people, groups, items)| WorldSpec {
            org_kinds,
            people,
            groups,
            items,
        })
}

async fn check_world(engine: Engine, spec: WorldSpec) -> Result<(), TestCaseError> {
    let (_db, store) = fresh(engine).await;
    let mut org_ids = Vec::new();
    for (i, kind) in spec.org_kinds.iter().enumerate() {
        org_ids.push(org(&store, &format!("Org {i}"), *kind).await);
    }
    let mut person_ids = Vec::new();
    for (i, (o, role)) in spec.people.iter().enumerate() {
        person_ids.push(person(&store, org_ids[*o], &format!("p{i}@example.org"), *role).await);
    }
    let mut group_ids: Vec<GroupId> = Vec::new();
    for (i, members) in spec.groups.iter().enumerate() {
        let mut tx = store.write(cli()).await.unwrap();
        let g = groups::create(&mut tx, &Name::parse(&format!("Group {i}")).unwrap(), "")
            .await
            .unwrap();
        for m in members {
            match groups::add_member(&mut tx, g.id, org_ids[*m]).await {
                Ok(()) | Err(StoreError::Conflict(_)) => {}
                Err(e) => panic!("{e}"),
            }
        }
        tx.commit().await.unwrap();
        group_ids.push(g.id);
    }
    // Items, including combinations Marking::new would refuse (RED to organizations, empty audiences) and
    // unknown stored labels, to check that damaged data fails closed in both rules.
    let mut world: Vec<Item> = Vec::new();
    for spec_item in &spec.items {
        let author = person_ids[spec_item.author];
        let owner = org_ids[spec.people[spec_item.author].0];
        let pick = |n: usize| spec_item.picks.iter().map(move |p| p % n.max(1));
        let audience = match spec_item.audience_kind {
            0 => Audience::Community,
            1 if !group_ids.is_empty() => {
                Audience::Groups(pick(group_ids.len()).map(|i| group_ids[i]).collect())
            }
            1 | 2 => Audience::Organizations(pick(org_ids.len()).map(|i| org_ids[i]).collect()),
            _ => Audience::People(pick(person_ids.len()).map(|i| person_ids[i]).collect()),
        };
        let marking = Marking {
            tlp: spec_item.tlp.unwrap_or(Tlp::Red),
            audience,
        };
        let attribution = if spec_item.anonymous {
            Attribution::Anonymous
        } else {
            Attribution::Named
        };
        let mut tx = store.write(cli()).await.unwrap();
        let id = items::insert(
            &mut tx,
            &NewItem {
                kind: ItemKind::Announcement,
                owner,
                author,
                attribution,
                marking: marking.clone(),
                title: "t".into(),
                summary: String::new(),
                language: Language::En,
            },
        )
        .await
        .unwrap();
        if spec_item.tlp.is_none() {
            ward_store::on_engine!(tx, |c| sqlx::query(
                "UPDATE items SET tlp = 'purple' WHERE id = $1"
            )
            .bind(id)
            .execute(c)
            .await
            .unwrap()
            .rows_affected());
        }
        tx.commit().await.unwrap();
        world.push(Item {
            id,
            kind: ItemKind::Announcement,
            owner,
            owner_name: String::new(),
            author,
            author_name: String::new(),
            attribution,
            marking,
            title: "t".into(),
            summary: String::new(),
            language: Language::En,
            created_at: store.now(),
            updated_at: store.now(),
            version: 1,
        });
    }

    let mut viewers = vec![Viewer::public()];
    for p in &person_ids {
        viewers.push(viewer_of(&store, *p).await);
    }
    for viewer in &viewers {
        let expected: BTreeSet<ItemId> = world
            .iter()
            .filter(|i| i.readable_by(viewer))
            .map(|i| i.id)
            .collect();
        let mut tx = store.read().await.unwrap();
        let page = items::list_for(
            &mut tx,
            viewer,
            ItemFilter::default(),
            &PageRequest {
                limit: 200,
                after: None,
            },
        )
        .await
        .unwrap();
        let listed: BTreeSet<ItemId> = page.items.iter().map(|i| i.id).collect();
        prop_assert_eq!(&listed, &expected, "list for {:?}", viewer.person_id());
        // Counts come from SQL alone: they catch rows the SQL filter would let through.
        let mut counts: BTreeMap<Tlp, i64> = BTreeMap::new();
        let org = viewer.org_id().unwrap_or_else(OrgId::new);
        for (tlp, n) in ward_store::stats::overview(&mut tx, viewer, org)
            .await
            .unwrap()
            .by_tlp()
        {
            *counts.entry(tlp).or_default() += n;
        }
        let mut expected_counts: BTreeMap<Tlp, i64> = BTreeMap::new();
        for item in world.iter().filter(|i| i.readable_by(viewer)) {
            let stored = if spec
                .items
                .iter()
                .zip(&world)
                .any(|(s, w)| w.id == item.id && s.tlp.is_none())
            {
                None
            } else {
                Some(item.marking.tlp)
            };
            if let Some(t) = stored {
                *expected_counts.entry(t).or_default() += 1;
            }
        }
        let sql_counts: BTreeMap<Tlp, i64> = counts.into_iter().filter(|(_, n)| *n > 0).collect();
        let purple_visible = sql_counts.get(&Tlp::Red).copied().unwrap_or(0)
            - expected_counts.get(&Tlp::Red).copied().unwrap_or(0);
        // A stored unknown label decodes as RED in the count; it may only be visible to its author and named people.
        prop_assert!(purple_visible >= 0);
        for t in [Tlp::Clear, Tlp::Green, Tlp::Amber, Tlp::AmberStrict] {
            prop_assert_eq!(
                sql_counts.get(&t).copied().unwrap_or(0),
                expected_counts.get(&t).copied().unwrap_or(0),
                "count of {} for {:?}",
                t,
                viewer.person_id()
            );
        }
        let total: i64 = sql_counts.values().sum();
        prop_assert_eq!(
            total,
            i64::try_from(expected.len()).unwrap(),
            "total count for {:?}",
            viewer.person_id()
        );
        for item in &world {
            let got = items::get_for(&mut tx, viewer, item.id).await.unwrap();
            prop_assert_eq!(
                got.is_some(),
                item.readable_by(viewer),
                "get {} for {:?}",
                item.id,
                viewer.person_id()
            );
            if let Some(got) = got {
                prop_assert_eq!(&got.marking.audience, &item.marking.audience);
                prop_assert_eq!(
                    got.contributor_for(viewer).is_some(),
                    policy::reveals_contributor(viewer, &item.access())
                );
            }
        }
        tx.finish().await.unwrap();
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn the_sql_filter_agrees_with_the_access_policy(spec in world()) {
        let rt = runtime();
        for engine in engines() {
            rt.block_on(check_world(engine, spec.clone()))?;
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Writes and the audit chain.

#[test]
fn writes_without_audit_are_refused_and_roll_back() {
    runtime().block_on(async {
        for engine in engines() {
            let (_db, store) = fresh(engine).await;
            let mut tx = store.write(cli()).await.unwrap();
            ward_store::on_engine!(tx, |c| sqlx::query(
                "INSERT INTO community_settings (key, value) VALUES ('x', 'y')"
            )
            .execute(c)
            .await
            .unwrap()
            .rows_affected());
            assert!(matches!(tx.commit().await, Err(StoreError::Unaudited)));
            let mut tx = store.read().await.unwrap();
            let n: i64 = ward_store::on_engine!(tx, |c| sqlx::query_scalar(
                "SELECT COUNT(*) FROM community_settings"
            )
            .fetch_one(c)
            .await
            .unwrap());
            assert_eq!(n, 0, "{engine:?}: the unaudited write must not be kept");
        }
    });
}

#[test]
fn the_audit_chain_verifies_and_detects_tampering() {
    runtime().block_on(async {
        for engine in engines() {
            let (_db, store) = fresh(engine).await;
            let o = org(&store, "AZ Test", OrgKind::GeneralHospital).await;
            person(&store, o, "a@example.org", OrgRole::Admin).await;
            person(&store, o, "b@example.org", OrgRole::Reader).await;
            let ok = ward_store::audit::verify(&store).await.unwrap().unwrap();
            assert_eq!(ok.entries, 3);

            // The database refuses edits through the normal path.
            let mut tx = store.housekeeping().await.unwrap();
            let refused = ward_store::on_engine!(tx, |c| sqlx::query("UPDATE audit_log SET action = 'x' WHERE seq = 2")
                .execute(c)
                .await
                .map(|r| r.rows_affected()));
            assert!(refused.is_err(), "{engine:?}: the audit log must be append-only");
            drop(tx);

            // Someone with raw access removes the guard and edits an entry: verification names it.
            let mut tx = store.housekeeping().await.unwrap();
            ward_store::on_engine!(tx,
                sqlite: |c| {
                    sqlx::query("DROP TRIGGER audit_log_append_only_update").execute(&mut *c).await.unwrap();
                    sqlx::query("UPDATE audit_log SET action = 'person.disabled' WHERE seq = 2").execute(&mut *c).await.unwrap();
                },
                postgres: |c| {
                    sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only").execute(&mut *c).await.unwrap();
                    sqlx::query("UPDATE audit_log SET action = 'person.disabled' WHERE seq = 2").execute(&mut *c).await.unwrap();
                },
            );
            tx.commit().await.unwrap();
            let broken = ward_store::audit::verify(&store).await.unwrap().unwrap_err();
            assert_eq!(broken.seq, 2, "{engine:?}");
        }
    });
}

#[test]
fn concurrent_writers_keep_one_unbroken_chain() {
    runtime().block_on(async {
        for engine in engines() {
            let (_db, store) = fresh(engine).await;
            let o = org(&store, "AZ Chain", OrgKind::GeneralHospital).await;
            let mut tasks = Vec::new();
            for i in 0..16 {
                let store = store.clone();
                tasks.push(tokio::spawn(async move {
                    person(&store, o, &format!("c{i}@example.org"), OrgRole::Reader).await;
                }));
            }
            for t in tasks {
                t.await.unwrap();
            }
            let ok = ward_store::audit::verify(&store).await.unwrap().unwrap();
            assert_eq!(ok.entries, 17, "{engine:?}");
        }
    });
}

#[test]
fn unique_names_and_addresses_are_conflicts() {
    runtime().block_on(async {
        for engine in engines() {
            let (_db, store) = fresh(engine).await;
            let o = org(&store, "AZ Unique", OrgKind::GeneralHospital).await;
            let mut tx = store.write(cli()).await.unwrap();
            let dup = orgs::create(
                &mut tx,
                &orgs::NewOrganization {
                    name: Name::parse("az unique").unwrap(),
                    kind: OrgKind::Laboratory,
                    size_band: SizeBand::Small,
                    region: Region::Brussels,
                    languages: vec![Language::Fr],
                },
            )
            .await;
            assert!(
                matches!(dup, Err(StoreError::Conflict(_))),
                "{engine:?}: {dup:?}"
            );
            drop(tx);
            person(&store, o, "same@example.org", OrgRole::Reader).await;
            let mut tx = store.write(cli()).await.unwrap();
            let dup = people::create(
                &mut tx,
                &people::NewPerson {
                    org: o,
                    email: "SAME@example.org".parse().unwrap(),
                    display_name: Name::parse("Other").unwrap(),
                    role: OrgRole::Reader,
                    coordinator: false,
                    language: Language::En,
                    password_hash: None,
                },
            )
            .await;
            assert!(matches!(dup, Err(StoreError::Conflict(_))), "{engine:?}");
        }
    });
}

#[test]
fn people_and_orgs_page_without_gaps_or_repeats() {
    runtime().block_on(async {
        for engine in engines() {
            let (_db, store) = fresh(engine).await;
            let o = org(&store, "AZ Pages", OrgKind::GeneralHospital).await;
            for i in 0..23 {
                person(
                    &store,
                    o,
                    &format!("page{i:02}@example.org"),
                    OrgRole::Reader,
                )
                .await;
            }
            let mut seen = Vec::new();
            let mut cursor: Option<String> = None;
            loop {
                let mut tx = store.read().await.unwrap();
                let req = PageRequest::parse(Some(5), cursor.as_deref()).unwrap();
                let page = people::list_by_org(&mut tx, o, &req).await.unwrap();
                seen.extend(page.items.iter().map(|p| p.id));
                cursor = page.next_cursor;
                if cursor.is_none() {
                    break;
                }
            }
            let unique: BTreeSet<_> = seen.iter().collect();
            assert_eq!(seen.len(), 23, "{engine:?}");
            assert_eq!(unique.len(), 23, "{engine:?}");
        }
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Jobs.

#[test]
fn failing_jobs_back_off_and_are_given_up() {
    runtime().block_on(async {
        for engine in engines() {
            let db = TestDatabase::create(engine).await.unwrap();
            let clock = ManualClock::new();
            let store = db.store(Arc::new(clock.clone())).await.unwrap();
            let mut tx = store.housekeeping().await.unwrap();
            let now = tx.now();
            let id = jobs::enqueue(
                &mut tx,
                &NewJob {
                    max_attempts: 3,
                    ..NewJob::now("test.fail", serde_json::json!({}), now)
                },
            )
            .await
            .unwrap()
            .unwrap();
            tx.commit().await.unwrap();
            let worker = Worker::new(store.clone())
                .handle("test.fail", |_, _| async { Err("boom".to_owned()) });
            assert_eq!(worker.run_once().await.unwrap(), 1);
            let mut tx = store.read().await.unwrap();
            let state = jobs::state(&mut tx, id).await.unwrap().unwrap();
            assert_eq!(state.status, "pending");
            assert_eq!(state.attempts, 1);
            assert!(
                state.run_at >= store.now().plus(Duration::seconds(9)),
                "retried later, not at once"
            );
            drop(tx);
            assert_eq!(worker.run_once().await.unwrap(), 0, "not due yet");
            clock.advance(Duration::seconds(11));
            assert_eq!(worker.run_once().await.unwrap(), 1);
            clock.advance(Duration::seconds(21));
            assert_eq!(worker.run_once().await.unwrap(), 1);
            let mut tx = store.read().await.unwrap();
            let state = jobs::state(&mut tx, id).await.unwrap().unwrap();
            assert_eq!(state.status, "failed", "{engine:?}");
            assert_eq!(state.last_error.as_deref(), Some("boom"));
        }
    });
}

#[test]
fn a_job_of_a_vanished_worker_runs_again_after_its_lease() {
    runtime().block_on(async {
        for engine in engines() {
            let db = TestDatabase::create(engine).await.unwrap();
            let clock = ManualClock::new();
            let store = db.store(Arc::new(clock.clone())).await.unwrap();
            let mut tx = store.housekeeping().await.unwrap();
            let now = tx.now();
            let id = jobs::enqueue(&mut tx, &NewJob::now("test.ok", serde_json::json!({}), now))
                .await
                .unwrap()
                .unwrap();
            tx.commit().await.unwrap();
            // A worker claims it and dies.
            let claimed = jobs::claim(&store, "dead-worker", Duration::minutes(5), 10)
                .await
                .unwrap();
            assert_eq!(claimed.len(), 1);
            let worker = Worker::new(store.clone()).handle("test.ok", |_, _| async { Ok(()) });
            assert_eq!(worker.run_once().await.unwrap(), 0, "still leased");
            clock.advance(Duration::minutes(6));
            assert_eq!(worker.run_once().await.unwrap(), 1);
            let mut tx = store.read().await.unwrap();
            assert_eq!(
                jobs::state(&mut tx, id).await.unwrap().unwrap().status,
                "done",
                "{engine:?}"
            );
        }
    });
}

#[test]
fn concurrent_workers_never_claim_the_same_job() {
    runtime().block_on(async {
        for engine in engines() {
            let (_db, store) = fresh(engine).await;
            let mut tx = store.housekeeping().await.unwrap();
            let now = tx.now();
            for i in 0..60 {
                jobs::enqueue(
                    &mut tx,
                    &NewJob::now("test.count", serde_json::json!({"i": i}), now),
                )
                .await
                .unwrap();
            }
            tx.commit().await.unwrap();
            let mut tasks = Vec::new();
            for w in 0..4 {
                let store = store.clone();
                tasks.push(tokio::spawn(async move {
                    let mut mine = Vec::new();
                    loop {
                        let batch = jobs::claim(&store, &format!("w{w}"), Duration::minutes(5), 3)
                            .await
                            .unwrap();
                        if batch.is_empty() {
                            break;
                        }
                        for job in batch {
                            assert!(
                                jobs::complete(&store, job.id, &format!("w{w}"))
                                    .await
                                    .unwrap()
                            );
                            mine.push(job.id);
                        }
                    }
                    mine
                }));
            }
            let mut all = Vec::new();
            for t in tasks {
                all.extend(t.await.unwrap());
            }
            let unique: BTreeSet<_> = all.iter().collect();
            assert_eq!(all.len(), 60, "{engine:?}");
            assert_eq!(unique.len(), 60, "{engine:?}");
        }
    });
}

#[test]
fn audited_events_carry_the_actor() {
    runtime().block_on(async {
        for engine in engines() {
            let (_db, store) = fresh(engine).await;
            let o = org(&store, "AZ Actor", OrgKind::GeneralHospital).await;
            let p = person(&store, o, "actor@example.org", OrgRole::Admin).await;
            let mut tx = store
                .write(AuditCtx {
                    actor: Actor::Person { person: p, org: o },
                    ip: Some("192.0.2.7".into()),
                })
                .await
                .unwrap();
            people::set_role(&mut tx, p, OrgRole::Reader).await.unwrap();
            tx.commit().await.unwrap();
            let mut tx = store.read().await.unwrap();
            let page = ward_store::audit::list(
                &mut tx,
                ward_store::audit::AuditScope::Org(o),
                &PageRequest::first(),
            )
            .await
            .unwrap();
            let last = &page.items[0];
            assert_eq!(last.action, actions::PERSON_ROLE_CHANGED);
            assert_eq!(last.actor_person, Some(p));
            assert_eq!(last.ip.as_deref(), Some("192.0.2.7"));
            let settings = CommunitySettings::default();
            assert!(settings.validate().is_ok());
            let _ = SystemClock.now();
        }
    });
}
