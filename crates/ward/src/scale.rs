//! `ward demo --scale`: a large generated community for benchmarks — by default 100 organizations, 5,000 people
//! and 100,000 items (announcements and knowledge articles under every marking), written through the same code
//! paths as the UI, so the access policy, the audit trail and the search index are all exercised.

use std::collections::HashMap;
use std::time::Instant;

use anyhow::{Context, Result, anyhow, bail};
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use serde::Serialize;
use ward_community::announcements::{self, AnnouncementInput};
use ward_community::knowledge::{self, ArticleInput};
use ward_core::email::Email;
use ward_core::ids::{GroupId, OrgId, PersonId};
use ward_core::item::{ArticleCategory, Topic};
use ward_core::marking::{Attribution, Audience, Marking};
use ward_core::org::{Language, OrgKind, OrgRole, Region, SizeBand};
use ward_core::password::{self, Password};
use ward_core::settings::CommunitySettings;
use ward_core::text::Name;
use ward_core::tlp::Tlp;
use ward_core::viewer::Viewer;
use ward_store::orgs::NewOrganization;
use ward_store::people::NewPerson;
use ward_store::{AuditCtx, Store, WriteTx, groups, orgs, people, settings};

/// The password of every generated account (published: never load a scale community where others can reach it).
pub const SCALE_PASSWORD: &str = "ward scale bench 2026";

/// Options of `ward demo`.
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// Generate a large community for benchmarks instead of the small demo community.
    #[arg(long)]
    scale: bool,
    /// Organizations to generate (with --scale).
    #[arg(long, default_value_t = 100, requires = "scale")]
    orgs: usize,
    /// People to generate (with --scale).
    #[arg(long, default_value_t = 5_000, requires = "scale")]
    people: usize,
    /// Items to generate (with --scale).
    #[arg(long, default_value_t = 100_000, requires = "scale")]
    items: usize,
    /// Seed of the generator: the same seed gives the same community.
    #[arg(long, default_value_t = 1, requires = "scale")]
    seed: u64,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

impl DemoArgs {
    /// Whether a scale community was asked for.
    #[must_use]
    pub const fn scale(&self) -> bool {
        self.scale
    }

    /// Whether the summary is wanted as JSON.
    #[must_use]
    pub const fn json(&self) -> bool {
        self.json
    }
}

/// What was generated.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Organizations.
    pub organizations: usize,
    /// People.
    pub people: usize,
    /// Sharing groups.
    pub groups: usize,
    /// Items.
    pub items: usize,
    /// A security officer to sign in as.
    pub sample_login: String,
    /// The shared password.
    pub password: &'static str,
    /// Seconds it took.
    pub seconds: f64,
}

/// Items written per transaction: large enough to amortise commits, small enough to keep locks short.
const BATCH: usize = 500;

struct PersonSpec {
    id: PersonId,
    org: usize,
    role: OrgRole,
}

/// Generates the community into an empty database.
///
/// # Errors
/// When the database already has people, or refuses a write.
pub async fn generate(store: &Store, args: &DemoArgs) -> Result<Summary> {
    let started = Instant::now();
    if args.orgs < 2 || args.people < args.orgs || args.items == 0 {
        bail!("--scale needs at least 2 organizations, one person per organization and one item");
    }
    let mut tx = store.read().await?;
    let occupied = people::any_exist(&mut tx).await?;
    tx.finish().await?;
    if occupied {
        bail!("this database already has accounts; --scale only loads into an empty database");
    }
    let mut rng = StdRng::seed_from_u64(args.seed);
    let password = Password::new(SCALE_PASSWORD, &[]).map_err(|e| anyhow!("{e}"))?;
    // One hash for every account: hashing 5,000 passwords would take minutes and measure nothing.
    let hash = tokio::task::spawn_blocking(move || password::hash(&password))
        .await?
        .map_err(|e| anyhow!("{e}"))?;

    let mut tx = store.write(AuditCtx::system("demo-scale")).await?;
    let community = CommunitySettings {
        community_name: "Ward scale benchmark".to_owned(),
        ..CommunitySettings::default()
    };
    // Authors publish before anyone could enrol a second factor; the requirement returns at the end.
    settings::put(
        &mut tx,
        &CommunitySettings {
            require_mfa_for_admins: false,
            ..community.clone()
        },
    )
    .await?;
    let mut org_ids: Vec<(OrgId, OrgKind)> = Vec::new();
    for n in 0..args.orgs {
        let kind = org_kind(n, &mut rng);
        let org = orgs::create(
            &mut tx,
            &NewOrganization {
                name: Name::parse(&format!("{} {n:03}", org_word(kind)))
                    .map_err(|e| anyhow!("{e}"))?,
                kind,
                size_band: *[
                    SizeBand::Small,
                    SizeBand::Medium,
                    SizeBand::Large,
                    SizeBand::VeryLarge,
                ]
                .choose(&mut rng)
                .context("sizes")?,
                region: *[Region::Flanders, Region::Wallonia, Region::Brussels]
                    .choose(&mut rng)
                    .context("regions")?,
                languages: vec![
                    *[Language::Nl, Language::Fr, Language::En]
                        .choose(&mut rng)
                        .context("languages")?,
                ],
            },
        )
        .await?;
        org_ids.push((org.id, kind));
    }
    let mut persons: Vec<PersonSpec> = Vec::new();
    for n in 0..args.people {
        let org = n % args.orgs;
        let role = match n / args.orgs {
            0 => OrgRole::Admin,
            1 => OrgRole::SecurityOfficer,
            _ if rng.random_bool(0.35) => OrgRole::Contributor,
            _ => OrgRole::Reader,
        };
        let person = people::create(
            &mut tx,
            &NewPerson {
                org: org_ids.get(org).context("org")?.0,
                email: format!("p{n}@org{org}.bench.example")
                    .parse::<Email>()
                    .map_err(|e| anyhow!("{e}"))?,
                display_name: Name::parse(&format!("Person {n}")).map_err(|e| anyhow!("{e}"))?,
                role,
                coordinator: n == 0,
                language: Language::En,
                password_hash: Some(hash.clone()),
            },
        )
        .await?;
        persons.push(PersonSpec {
            id: person.id,
            org,
            role,
        });
    }
    let members: Vec<usize> = (0..args.orgs)
        .filter(|o| {
            org_ids
                .get(*o)
                .is_some_and(|(_, k)| *k != OrgKind::Supplier)
        })
        .collect();
    let mut group_ids: Vec<GroupId> = Vec::new();
    for g in 0..(args.orgs / 10).max(1) {
        let group = groups::create(
            &mut tx,
            &Name::parse(&format!("Working group {g}")).map_err(|e| anyhow!("{e}"))?,
            "",
        )
        .await?;
        for o in members.choose_multiple(&mut rng, 8) {
            groups::add_member(&mut tx, group.id, org_ids.get(*o).context("org")?.0).await?;
        }
        group_ids.push(group.id);
    }
    tx.commit().await?;

    let authors: Vec<&PersonSpec> = persons
        .iter()
        .filter(|p| {
            p.role != OrgRole::Reader
                && org_ids
                    .get(p.org)
                    .is_some_and(|(_, k)| *k != OrgKind::Supplier)
        })
        .collect();
    let vocabulary = Vocabulary::new(&mut rng);
    let mut viewers: HashMap<PersonId, Viewer> = HashMap::new();
    let mut written = 0;
    while written < args.items {
        let mut tx = store.write(AuditCtx::system("demo-scale")).await?;
        for _ in 0..BATCH.min(args.items - written) {
            let author = *authors.choose(&mut rng).context("no authors")?;
            let viewer = match viewers.entry(author.id) {
                std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
                std::collections::hash_map::Entry::Vacant(new) => {
                    new.insert(crate::demo::viewer_of(&mut tx, author.id).await?)
                }
            };
            let marking = marking(&mut rng, &org_ids, &group_ids, &persons)?;
            let anonymous = rng.random_bool(0.3);
            write_item(&mut tx, viewer, &mut rng, &vocabulary, marking, anonymous).await?;
            written += 1;
        }
        tx.commit().await?;
    }
    let mut tx = store.write(AuditCtx::system("demo-scale")).await?;
    settings::put(&mut tx, &community).await?;
    tx.commit().await?;
    // A hospital's security officer: a typical reader, neither the coordinator nor a guest.
    let sample = persons
        .iter()
        .enumerate()
        .find(|(_, p)| p.role == OrgRole::SecurityOfficer && p.org != 0 && members.contains(&p.org))
        .map(|(n, p)| format!("p{n}@org{}.bench.example", p.org))
        .unwrap_or_default();
    Ok(Summary {
        organizations: args.orgs,
        people: args.people,
        groups: group_ids.len(),
        items: written,
        sample_login: sample,
        password: SCALE_PASSWORD,
        seconds: started.elapsed().as_secs_f64(),
    })
}

fn org_kind(n: usize, rng: &mut StdRng) -> OrgKind {
    if n == 0 {
        return OrgKind::Coordinator;
    }
    match rng.random_range(0..100) {
        0..5 => OrgKind::UniversityHospital,
        5..55 => OrgKind::GeneralHospital,
        55..70 => OrgKind::PsychiatricHospital,
        70..80 => OrgKind::CareGroup,
        80..90 => OrgKind::Laboratory,
        90..95 => OrgKind::ResidentialCare,
        _ => OrgKind::Supplier,
    }
}

fn org_word(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::Coordinator => "Secretariat",
        OrgKind::UniversityHospital => "University Hospital",
        OrgKind::GeneralHospital => "General Hospital",
        OrgKind::PsychiatricHospital => "Psychiatric Hospital",
        OrgKind::CareGroup => "Care Group",
        OrgKind::Laboratory => "Laboratory",
        OrgKind::ResidentialCare => "Residential Care",
        OrgKind::Partner => "Partner",
        OrgKind::Supplier => "Supplier",
    }
}

/// A marking with the spread a real community shows: mostly GREEN to everyone, AMBER to a few, some RED.
fn marking(
    rng: &mut StdRng,
    orgs: &[(OrgId, OrgKind)],
    groups: &[GroupId],
    people: &[PersonSpec],
) -> Result<Marking> {
    let pick_orgs =
        |rng: &mut StdRng, n: usize| orgs.choose_multiple(rng, n).map(|(id, _)| *id).collect();
    let (tlp, audience) = match rng.random_range(0..100) {
        0..10 => (Tlp::Clear, Audience::Community),
        10..55 => (Tlp::Green, Audience::Community),
        55..62 => (
            Tlp::Green,
            Audience::Groups(groups.choose_multiple(rng, 1).copied().collect()),
        ),
        62..75 => (Tlp::Amber, Audience::Community),
        75..85 => {
            let n = rng.random_range(1..5);
            (Tlp::Amber, Audience::Organizations(pick_orgs(rng, n)))
        }
        85..95 => {
            let n = rng.random_range(1..3);
            (Tlp::AmberStrict, Audience::Organizations(pick_orgs(rng, n)))
        }
        _ => {
            let n = rng.random_range(1..4);
            (
                Tlp::Red,
                Audience::People(people.choose_multiple(rng, n).map(|p| p.id).collect()),
            )
        }
    };
    Marking::new(tlp, audience).map_err(|e| anyhow!("{e}"))
}

async fn write_item(
    tx: &mut WriteTx,
    viewer: &Viewer,
    rng: &mut StdRng,
    vocabulary: &Vocabulary,
    marking: Marking,
    anonymous: bool,
) -> Result<()> {
    let title = sentence(rng, vocabulary, 4, 9);
    let summary = sentence(rng, vocabulary, 8, 16);
    let body = paragraphs(rng, vocabulary);
    let attribution = if anonymous {
        Attribution::Anonymous
    } else {
        Attribution::Named
    };
    let language = *[Language::En, Language::Nl, Language::Fr]
        .choose(rng)
        .context("languages")?;
    if rng.random_bool(0.3) {
        announcements::create(
            tx,
            viewer,
            &AnnouncementInput {
                title,
                summary,
                body,
                language,
                marking,
                attribution,
                pinned: false,
            },
        )
        .await
        .map_err(|e| anyhow!("{e}"))?;
    } else {
        let topics: Vec<Topic> = Topic::ALL.choose_multiple(rng, 2).copied().collect();
        knowledge::create(
            tx,
            viewer,
            &ArticleInput {
                title,
                summary,
                body,
                category: *ArticleCategory::ALL.choose(rng).context("categories")?,
                topics: Topic::ALL
                    .iter()
                    .copied()
                    .filter(|t| topics.contains(t))
                    .collect(),
                language,
                marking,
                attribution,
            },
        )
        .await
        .map_err(|e| anyhow!("{e}"))?;
    }
    Ok(())
}

/// Words of the field, in the community's languages, for generated text (the function words are separate).
const WORDS: &[&str] = &[
    "ransomware",
    "phishing",
    "supplier",
    "leverancier",
    "fournisseur",
    "backup",
    "restore",
    "herstel",
    "sauvegarde",
    "firewall",
    "segmentation",
    "segmentatie",
    "VPN",
    "MFA",
    "authentification",
    "authenticatie",
    "patch",
    "vulnerability",
    "kwetsbaarheid",
    "vulnérabilité",
    "incident",
    "crisis",
    "crise",
    "EPD",
    "PACS",
    "laboratory",
    "laboratoire",
    "labo",
    "medical",
    "device",
    "medisch",
    "toestel",
    "dispositif",
    "médical",
    "remote",
    "access",
    "toegang",
    "accès",
    "distance",
    "contract",
    "clause",
    "contrat",
    "policy",
    "beleid",
    "politique",
    "NIS2",
    "CyFun",
    "GDPR",
    "AVG",
    "RGPD",
    "audit",
    "logging",
    "SIEM",
    "EDR",
    "detection",
    "detectie",
    "détection",
    "tabletop",
    "exercise",
    "oefening",
    "exercice",
    "downtime",
    "procedure",
    "procédure",
    "emergency",
    "spoed",
    "urgences",
    "helpdesk",
    "vishing",
    "deepfake",
    "AI",
    "chatbot",
    "model",
    "training",
    "awareness",
    "sensibilisation",
    "intern",
    "stagiair",
    "stagiaire",
    "physician",
    "arts",
    "médecin",
    "account",
    "password",
    "wachtwoord",
    "mot",
    "de",
    "passe",
    "network",
    "netwerk",
    "réseau",
    "server",
    "serveur",
    "cloud",
    "encryption",
    "versleuteling",
    "chiffrement",
    "the",
    "a",
    "of",
    "and",
    "for",
    "with",
    "de",
    "het",
    "een",
    "van",
    "en",
    "voor",
    "met",
    "le",
    "la",
    "les",
    "des",
    "et",
    "pour",
    "avec",
    "after",
    "before",
    "during",
    "na",
    "voor",
    "tijdens",
    "après",
    "avant",
    "pendant",
    "weekend",
    "night",
    "nacht",
    "nuit",
    "gateway",
    "Citrix",
    "Fortinet",
    "Ivanti",
    "exploit",
    "exploited",
    "actively",
    "warning",
    "waarschuwing",
    "alerte",
    "block",
    "blokkeer",
    "bloquer",
    "indicator",
    "indicateur",
    "hash",
    "domain",
    "domein",
    "domaine",
];

/// Words with the frequencies of natural text: a few function words are everywhere, each field word is in some of
/// the texts, and a long tail of rarer words fills the rest (Zipf's law, exponent 1). Searching then meets what it
/// meets in a real knowledge base, where most words occur in a small share of the items.
struct Vocabulary {
    words: Vec<String>,
    /// Cumulative weights, for sampling by binary search.
    cumulative: Vec<f64>,
}

/// Words that lead every frequency list in the three languages.
const FUNCTION_WORDS: &[&str] = &[
    "the", "de", "a", "of", "het", "and", "en", "le", "la", "to", "in", "van", "les", "des", "is",
    "et", "een", "for", "pour", "with", "met", "voor", "on", "op", "du", "un", "une", "this",
    "dit", "ce",
];

/// Syllables for the long tail of generated words.
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "ti", "van", "do", "re", "sen", "bra", "qui", "lon", "zet", "mi", "por",
    "gal", "fe", "nu", "tra", "vel", "os", "ain", "ber", "cha", "dri",
];

impl Vocabulary {
    fn new(rng: &mut StdRng) -> Self {
        let mut rest: Vec<String> = WORDS.iter().map(|w| (*w).to_owned()).collect();
        for _ in 0..4_000 {
            let n = rng.random_range(2..4);
            let word: String = (0..n)
                .filter_map(|_| SYLLABLES.choose(rng).copied())
                .collect();
            rest.push(word);
        }
        rest.shuffle(rng);
        let words: Vec<String> = FUNCTION_WORDS
            .iter()
            .map(|w| (*w).to_owned())
            .chain(rest)
            .collect();
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / f64::from(u32::try_from(rank).unwrap_or(u32::MAX));
                total
            })
            .collect();
        Self { words, cumulative }
    }

    fn word(&self, rng: &mut StdRng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.random::<f64>() * total;
        let at = self.cumulative.partition_point(|c| *c < x);
        self.words
            .get(at)
            .or_else(|| self.words.last())
            .map_or("", String::as_str)
    }
}

fn sentence(rng: &mut StdRng, vocabulary: &Vocabulary, min: usize, max: usize) -> String {
    let n = rng.random_range(min..=max);
    let words: Vec<&str> = (0..n).map(|_| vocabulary.word(rng)).collect();
    let mut s = words.join(" ");
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + s.get(1..).unwrap_or_default();
    }
    s
}

fn paragraphs(rng: &mut StdRng, vocabulary: &Vocabulary) -> String {
    let n = rng.random_range(2..6);
    (0..n)
        .map(|_| {
            let sentences = rng.random_range(2..6);
            (0..sentences)
                .map(|_| sentence(rng, vocabulary, 6, 18) + ".")
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}
