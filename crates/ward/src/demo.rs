//! The demo community: a believable set of Belgian care institutions, people in every role, a supplier guest,
//! sharing groups, announcements under every TLP label, a small knowledge base and membership applications to
//! review. Loading it twice changes nothing.

use anyhow::{Context, Result, anyhow};
use serde::Serialize;
use ward_community::announcements::{self, AnnouncementInput};
use ward_community::applications::{self, ApplicationDraft};
use ward_community::comments;
use ward_community::knowledge::{self, ArticleInput};
use ward_community::member_directory;
use ward_core::audit::actions;
use ward_core::auth;
use ward_core::email::Email;
use ward_core::ids::{OrgId, PersonId};
use ward_core::item::{ArticleCategory, Topic};
use ward_core::marking::{Attribution, Audience, Marking};
use ward_core::org::{Language, OrgKind, OrgRole, Region, SizeBand};
use ward_core::password::{self, Password};
use ward_core::text::Name;
use ward_core::tlp::Tlp;
use ward_core::viewer::Viewer;
use ward_store::orgs::NewOrganization;
use ward_store::people::NewPerson;
use ward_store::{AuditCtx, Store, WriteTx, groups, orgs, people, sessions, settings};

use crate::config::FileConfig;
use crate::output;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "ward demo lantern 2026";

/// The coordinator's organization; its presence means the demo is loaded.
const COORDINATOR_ORG: &str = "Healthcare Focus Group Secretariat";

struct OrgSpec {
    name: &'static str,
    kind: OrgKind,
    size: SizeBand,
    region: Region,
    languages: &'static [Language],
}

const ORGS: &[OrgSpec] = &[
    OrgSpec {
        name: COORDINATOR_ORG,
        kind: OrgKind::Coordinator,
        size: SizeBand::Small,
        region: Region::National,
        languages: &[Language::Nl, Language::Fr, Language::En],
    },
    OrgSpec {
        name: "UZ Scheldeland",
        kind: OrgKind::UniversityHospital,
        size: SizeBand::VeryLarge,
        region: Region::Flanders,
        languages: &[Language::Nl, Language::En],
    },
    OrgSpec {
        name: "AZ Kempenrand",
        kind: OrgKind::GeneralHospital,
        size: SizeBand::Large,
        region: Region::Flanders,
        languages: &[Language::Nl],
    },
    OrgSpec {
        name: "Hôpital Général de la Senne",
        kind: OrgKind::GeneralHospital,
        size: SizeBand::Large,
        region: Region::Brussels,
        languages: &[Language::Fr, Language::Nl],
    },
    OrgSpec {
        name: "Clinique Saint-Rémy",
        kind: OrgKind::GeneralHospital,
        size: SizeBand::Medium,
        region: Region::Wallonia,
        languages: &[Language::Fr, Language::De],
    },
    OrgSpec {
        name: "PC De Linde",
        kind: OrgKind::PsychiatricHospital,
        size: SizeBand::Medium,
        region: Region::Flanders,
        languages: &[Language::Nl],
    },
    OrgSpec {
        name: "Zorggroep Horizon",
        kind: OrgKind::CareGroup,
        size: SizeBand::Large,
        region: Region::Flanders,
        languages: &[Language::Nl],
    },
    OrgSpec {
        name: "LabNet Brabant",
        kind: OrgKind::Laboratory,
        size: SizeBand::Small,
        region: Region::Wallonia,
        languages: &[Language::Fr, Language::Nl],
    },
    OrgSpec {
        name: "MedImaging Systems NV",
        kind: OrgKind::Supplier,
        size: SizeBand::Medium,
        region: Region::National,
        languages: &[Language::Nl, Language::Fr, Language::En],
    },
];

struct PersonSpec {
    org: &'static str,
    email: &'static str,
    name: &'static str,
    role: OrgRole,
    coordinator: bool,
    language: Language,
}

const PEOPLE: &[PersonSpec] = &[
    PersonSpec {
        org: COORDINATOR_ORG,
        email: "coordinator@focusgroup.example",
        name: "Sofie Claes",
        role: OrgRole::Admin,
        coordinator: true,
        language: Language::Nl,
    },
    PersonSpec {
        org: "UZ Scheldeland",
        email: "admin@uzscheldeland.example",
        name: "Pieter Janssens",
        role: OrgRole::Admin,
        coordinator: false,
        language: Language::Nl,
    },
    PersonSpec {
        org: "UZ Scheldeland",
        email: "ciso@uzscheldeland.example",
        name: "An Verbruggen",
        role: OrgRole::SecurityOfficer,
        coordinator: false,
        language: Language::Nl,
    },
    PersonSpec {
        org: "UZ Scheldeland",
        email: "analyst@uzscheldeland.example",
        name: "Tom Peeters",
        role: OrgRole::Contributor,
        coordinator: false,
        language: Language::En,
    },
    PersonSpec {
        org: "UZ Scheldeland",
        email: "reader@uzscheldeland.example",
        name: "Lotte Maes",
        role: OrgRole::Reader,
        coordinator: false,
        language: Language::Nl,
    },
    PersonSpec {
        org: "AZ Kempenrand",
        email: "security@azkempenrand.example",
        name: "Koen Wouters",
        role: OrgRole::SecurityOfficer,
        coordinator: false,
        language: Language::Nl,
    },
    PersonSpec {
        org: "AZ Kempenrand",
        email: "it@azkempenrand.example",
        name: "Els Mertens",
        role: OrgRole::Contributor,
        coordinator: false,
        language: Language::Nl,
    },
    PersonSpec {
        org: "Hôpital Général de la Senne",
        email: "rssi@hgsenne.example",
        name: "Claire Dubois",
        role: OrgRole::SecurityOfficer,
        coordinator: false,
        language: Language::Fr,
    },
    PersonSpec {
        org: "Hôpital Général de la Senne",
        email: "admin@hgsenne.example",
        name: "Marc Lambert",
        role: OrgRole::Admin,
        coordinator: false,
        language: Language::Fr,
    },
    PersonSpec {
        org: "Clinique Saint-Rémy",
        email: "securite@stremy.example",
        name: "Julie Renard",
        role: OrgRole::SecurityOfficer,
        coordinator: false,
        language: Language::Fr,
    },
    PersonSpec {
        org: "PC De Linde",
        email: "ict@pcdelinde.example",
        name: "Bart Goossens",
        role: OrgRole::Contributor,
        coordinator: false,
        language: Language::Nl,
    },
    PersonSpec {
        org: "Zorggroep Horizon",
        email: "ciso@zorggroephorizon.example",
        name: "Nathalie Smet",
        role: OrgRole::SecurityOfficer,
        coordinator: false,
        language: Language::Nl,
    },
    PersonSpec {
        org: "LabNet Brabant",
        email: "it@labnet.example",
        name: "Youssef Haddad",
        role: OrgRole::Reader,
        coordinator: false,
        language: Language::Fr,
    },
    PersonSpec {
        org: "MedImaging Systems NV",
        email: "psirt@medimaging.example",
        name: "Jonas De Vos",
        role: OrgRole::Contributor,
        coordinator: false,
        language: Language::En,
    },
];

/// A demo sign-in account, for the printed list.
#[derive(Debug, Serialize)]
pub struct Login {
    /// E-mail.
    pub email: String,
    /// What they are.
    pub what: String,
    /// Whether a second factor will be asked for at first sign-in.
    pub needs_mfa: bool,
}

fn logins() -> Vec<Login> {
    PEOPLE
        .iter()
        .map(|p| Login {
            email: p.email.to_owned(),
            what: format!(
                "{}{} at {}",
                if p.coordinator { "coordinator, " } else { "" },
                p.role.code().replace('_', " "),
                p.org
            ),
            needs_mfa: p.coordinator || p.role == OrgRole::Admin,
        })
        .collect()
}

/// Loads the demo community unless it is there already; returns the sign-in accounts.
///
/// # Errors
/// When the database refuses a write (nothing is kept then).
pub async fn seed(store: &Store) -> Result<Vec<Login>> {
    let mut tx = store.read().await?;
    let present = orgs::find(&mut tx, COORDINATOR_ORG).await?.is_some();
    let others = people::any_exist(&mut tx).await?;
    tx.finish().await?;
    if present {
        return Ok(logins());
    }
    if others {
        // Demo accounts share a published password: never add them to a real community.
        anyhow::bail!(
            "this database already has accounts; --demo only loads into an empty database"
        );
    }
    let password = Password::new(DEMO_PASSWORD, &[]).map_err(|e| anyhow!("demo password: {e}"))?;
    let hash = tokio::task::spawn_blocking(move || password::hash(&password))
        .await?
        .map_err(|e| anyhow!("{e}"))?;

    let mut tx = store.write(AuditCtx::system("demo")).await?;
    let community = ward_core::settings::CommunitySettings {
        community_name: "Healthcare Focus Group".to_owned(),
        ..ward_core::settings::CommunitySettings::default()
    };
    // The demo authors publish before anyone could enrol a second factor; the requirement is switched on again
    // at the end of this same transaction, so no one ever sees the relaxed setting.
    settings::put(
        &mut tx,
        &ward_core::settings::CommunitySettings {
            require_mfa_for_admins: false,
            ..community.clone()
        },
    )
    .await?;
    let mut org_ids: Vec<(&str, OrgId)> = Vec::new();
    for spec in ORGS {
        let org = orgs::create(
            &mut tx,
            &NewOrganization {
                name: Name::parse(spec.name).map_err(|e| anyhow!("{e}"))?,
                kind: spec.kind,
                size_band: spec.size,
                region: spec.region,
                languages: spec.languages.to_vec(),
            },
        )
        .await?;
        org_ids.push((spec.name, org.id));
    }
    let org_id = |name: &str| {
        org_ids
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, id)| *id)
            .context("unknown demo organization")
    };
    let mut person_ids: Vec<(&str, PersonId)> = Vec::new();
    for spec in PEOPLE {
        let person = people::create(
            &mut tx,
            &NewPerson {
                org: org_id(spec.org)?,
                email: spec.email.parse::<Email>().map_err(|e| anyhow!("{e}"))?,
                display_name: Name::parse(spec.name).map_err(|e| anyhow!("{e}"))?,
                role: spec.role,
                coordinator: spec.coordinator,
                language: spec.language,
                password_hash: Some(hash.clone()),
            },
        )
        .await?;
        person_ids.push((spec.email, person.id));
    }
    let person_id = |email: &str| {
        person_ids
            .iter()
            .find(|(e, _)| *e == email)
            .map(|(_, id)| *id)
            .context("unknown demo person")
    };

    let flemish = groups::create(
        &mut tx,
        &Name::parse("Flemish hospital CISOs").map_err(|e| anyhow!("{e}"))?,
        "Monthly exchange between security officers of Flemish hospitals",
    )
    .await?;
    for name in [
        "UZ Scheldeland",
        "AZ Kempenrand",
        "PC De Linde",
        "Zorggroep Horizon",
    ] {
        groups::add_member(&mut tx, flemish.id, org_id(name)?).await?;
    }
    let south = groups::create(
        &mut tx,
        &Name::parse("Cercle Bruxelles-Wallonie").map_err(|e| anyhow!("{e}"))?,
        "Responsables sécurité de Bruxelles et de Wallonie",
    )
    .await?;
    for name in [
        "Hôpital Général de la Senne",
        "Clinique Saint-Rémy",
        "LabNet Brabant",
    ] {
        groups::add_member(&mut tx, south.id, org_id(name)?).await?;
    }

    let posts = [
        Post {
            author: "coordinator@focusgroup.example",
            title: "Welcome to Ward",
            summary: "Our shared security commons: assess once, share with all.",
            body: "Ward is where the healthcare focus group shares what it knows about security.\n\nNext quarterly meeting: call for topics opens soon. Topics: supply chain, policy, technical, AI.",
            language: Language::En,
            marking: Marking::new(Tlp::Clear, Audience::Community)?,
            anonymous: false,
            pinned: true,
        },
        Post {
            author: "security@azkempenrand.example",
            title: "Phishing wave impersonating the RIZIV/INAMI portal",
            summary: "Staff received mails asking to 're-validate' eHealth certificates.",
            body: "Since Monday our staff received mails that imitate the RIZIV/INAMI portal and ask to re-validate eHealth certificates. The landing page collects credentials. We blocked the sender domains at the gateway and warned all staff.",
            language: Language::En,
            marking: Marking::community_green(),
            anonymous: false,
            pinned: false,
        },
        Post {
            author: "ciso@uzscheldeland.example",
            title: "Exploitation attempts on our remote-access gateway",
            summary: "Scanning and exploit attempts against the VPN appliance used by supplier technicians.",
            body: "We see exploitation attempts against the remote-access appliance that supplier technicians use. Check your version and the vendor advisory; we can share the source addresses with members of the circle.",
            language: Language::Nl,
            marking: Marking::new(
                Tlp::Amber,
                Audience::Groups([flemish.id].into_iter().collect()),
            )?,
            anonymous: false,
            pinned: false,
        },
        Post {
            author: "rssi@hgsenne.example",
            title: "Incident chez un fournisseur de laboratoire",
            summary: "Un fournisseur commun a signalé un accès non autorisé à son portail de support.",
            body: "Notre fournisseur de systèmes de laboratoire nous a informés d'un accès non autorisé à son portail de support. Nous avons suspendu son accès à distance en attendant plus d'informations.",
            language: Language::Fr,
            marking: Marking::new(
                Tlp::AmberStrict,
                Audience::Organizations(
                    [org_id("Clinique Saint-Rémy")?, org_id("LabNet Brabant")?]
                        .into_iter()
                        .collect(),
                ),
            )?,
            anonymous: false,
            pinned: false,
        },
        Post {
            author: "ciso@zorggroephorizon.example",
            title: "Lesson learned: ransomware recovery took three weeks",
            summary: "What we would do differently, shared anonymously.",
            body: "Offline backups existed but had never been restored at scale. Our recommendation: rehearse a full restore of the EPD every year, and keep paper procedures for the emergency department printed.",
            language: Language::En,
            marking: Marking::community_green(),
            anonymous: true,
            pinned: false,
        },
        Post {
            author: "coordinator@focusgroup.example",
            title: "Agenda draft for the steering group",
            summary: "For the two co-chairs only until the steering group meets.",
            body: "Draft agenda: membership drive for non-member institutions, the AI systems questionnaire, and a proposal for a shared remote-access standard for suppliers.",
            language: Language::En,
            marking: Marking::new(
                Tlp::Red,
                Audience::People(
                    [
                        person_id("ciso@uzscheldeland.example")?,
                        person_id("rssi@hgsenne.example")?,
                    ]
                    .into_iter()
                    .collect(),
                ),
            )?,
            anonymous: false,
            pinned: false,
        },
    ];
    for post in &posts {
        publish(&mut tx, person_id(post.author)?, post).await?;
    }
    let coordinator = viewer_of(&mut tx, person_id("coordinator@focusgroup.example")?).await?;
    for spec in APPLICATIONS {
        apply(&mut tx, &coordinator, spec).await?;
    }
    for email in DIRECTORY_CONTACTS {
        let viewer = viewer_of(&mut tx, person_id(email)?).await?;
        member_directory::set_listed(&mut tx, &viewer, true)
            .await
            .map_err(|e| anyhow!("{e}"))?;
    }
    knowledge_base(&mut tx, &person_id).await?;
    settings::put(&mut tx, &community).await?;
    tx.record(
        actions::DEMO_SEEDED,
        None,
        None,
        serde_json::json!({
            "organizations": ORGS.len(), "people": PEOPLE.len(), "applications": APPLICATIONS.len(),
        }),
    );
    tx.commit()
        .await
        .context("cannot save the demo community")?;
    Ok(logins())
}

struct Post {
    author: &'static str,
    title: &'static str,
    summary: &'static str,
    body: &'static str,
    language: Language,
    marking: Marking,
    anonymous: bool,
    pinned: bool,
}

/// The viewer of a demo person, through a real session and the access policy, inside the seeding transaction.
pub(crate) async fn viewer_of(tx: &mut WriteTx, person: PersonId) -> Result<Viewer> {
    let issued = sessions::create(tx, person, true, None, Some("ward demo")).await?;
    let session = sessions::find(tx, &issued.secret)
        .await?
        .context("demo session vanished")?;
    let principal = people::principal(tx, person)
        .await?
        .context("demo person vanished")?;
    let community = settings::get(tx).await?;
    let viewer = auth::viewer_for_session(&session.record, principal, &community, tx.now())
        .map_err(|e| anyhow!("demo person cannot sign in: {e}"))?;
    sessions::delete(tx, &session.id_hash).await?;
    Ok(viewer)
}

/// Publishes as the author, through the access policy, inside the seeding transaction.
async fn publish(tx: &mut WriteTx, author: PersonId, post: &Post) -> Result<()> {
    let viewer = viewer_of(tx, author).await?;
    announcements::create(
        tx,
        &viewer,
        &AnnouncementInput {
            title: post.title.to_owned(),
            summary: post.summary.to_owned(),
            body: post.body.to_owned(),
            language: post.language,
            marking: post.marking.clone(),
            attribution: if post.anonymous {
                Attribution::Anonymous
            } else {
                Attribution::Named
            },
            pinned: post.pinned,
        },
    )
    .await
    .map_err(|e| anyhow!("{e}"))?;
    Ok(())
}

/// The people who chose to be listed as contacts in the member directory.
const DIRECTORY_CONTACTS: &[&str] = &[
    "coordinator@focusgroup.example",
    "ciso@uzscheldeland.example",
    "security@azkempenrand.example",
    "rssi@hgsenne.example",
];

/// A membership application of the demo, and the coordinator's reason when it was rejected.
struct ApplicationSpec {
    name: &'static str,
    kind: OrgKind,
    size: SizeBand,
    region: Region,
    languages: &'static [Language],
    contact_name: &'static str,
    contact_email: &'static str,
    contact_role: &'static str,
    motivation: &'static str,
    rejected_because: Option<&'static str>,
}

const APPLICATIONS: &[ApplicationSpec] = &[
    ApplicationSpec {
        name: "Revalidatiecentrum Het Anker",
        kind: OrgKind::ResidentialCare,
        size: SizeBand::Small,
        region: Region::Flanders,
        languages: &[Language::Nl],
        contact_name: "Ines Wauters",
        contact_email: "ines.wauters@hetanker.example",
        contact_role: "ICT coordinator",
        motivation: "We are a revalidation centre with 180 beds and an IT team of three. Our rehabilitation devices are \
                     maintained remotely by their suppliers, and we would like to reuse the supplier assessments other \
                     members made instead of starting from zero.",
        rejected_because: None,
    },
    ApplicationSpec {
        name: "Clinique Psychiatrique Les Tilleuls",
        kind: OrgKind::PsychiatricHospital,
        size: SizeBand::Small,
        region: Region::Wallonia,
        languages: &[Language::Fr],
        contact_name: "Amélie Laurent",
        contact_email: "a.laurent@lestilleuls.example",
        contact_role: "Responsable informatique",
        motivation: "Petit hôpital psychiatrique sans RSSI à temps plein. Nous cherchons des modèles de politiques \
                     (usage de l'IA générative, stagiaires) et des contacts avec d'autres hôpitaux wallons.",
        rejected_because: None,
    },
    ApplicationSpec {
        name: "CyberCare Consulting BV",
        kind: OrgKind::Partner,
        size: SizeBand::Small,
        region: Region::National,
        languages: &[Language::Nl, Language::En],
        contact_name: "Wim Declercq",
        contact_email: "wim@cybercare.example",
        contact_role: "Managing partner",
        motivation: "We advise hospitals on security and would like access to the community's intelligence.",
        rejected_because: Some(
            "Membership is for care institutions and public partners. Consultancies can join a member's work \
             through that member; we are happy to hear from you at the next open focus-group session.",
        ),
    },
];

/// Files one demo application as an applicant would, and rejects it as the coordinator when the spec says so.
async fn apply(tx: &mut WriteTx, coordinator: &Viewer, spec: &ApplicationSpec) -> Result<()> {
    let draft = ApplicationDraft {
        name: spec.name.to_owned(),
        kind: spec.kind.code().to_owned(),
        size_band: spec.size.code().to_owned(),
        region: spec.region.code().to_owned(),
        languages: spec.languages.iter().map(|l| l.code().to_owned()).collect(),
        contact_name: spec.contact_name.to_owned(),
        contact_email: spec.contact_email.to_owned(),
        contact_role: spec.contact_role.to_owned(),
        motivation: spec.motivation.to_owned(),
    };
    let input = draft
        .parse()
        .map_err(|e| anyhow!("demo application: {e}"))?;
    let submitted = applications::submit(tx, &input)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    if let Some(reason) = spec.rejected_because {
        applications::reject(tx, coordinator, submitted.id, reason)
            .await
            .map_err(|e| anyhow!("{e}"))?;
    }
    Ok(())
}

/// The knowledge base: a playbook, anonymous lessons learned, an exercise kit and a guide, one of them edited
/// twice (so its history shows a difference) and discussed in comments.
async fn knowledge_base(
    tx: &mut WriteTx,
    person_id: &impl Fn(&str) -> Result<PersonId>,
) -> Result<()> {
    let article =
        |title: &str, summary: &str, body: &str, category, topics: Vec<Topic>, tlp, anonymous| {
            ArticleInput {
                title: title.to_owned(),
                summary: summary.to_owned(),
                body: body.to_owned(),
                category,
                topics,
                language: Language::En,
                marking: Marking {
                    tlp,
                    audience: Audience::Community,
                },
                attribution: if anonymous {
                    Attribution::Anonymous
                } else {
                    Attribution::Named
                },
            }
        };
    let playbook = article(
        "Ransomware: the first four hours",
        "Who decides what, in which order, before the crisis team is complete.",
        RANSOMWARE_PLAYBOOK_V1,
        ArticleCategory::Playbook,
        vec![Topic::Technical, Topic::Policy],
        Tlp::Green,
        false,
    );
    let author = viewer_of(tx, person_id("ciso@uzscheldeland.example")?).await?;
    let id = knowledge::create(tx, &author, &playbook)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let revised = ArticleInput {
        body: RANSOMWARE_PLAYBOOK_V2.to_owned(),
        ..playbook
    };
    let commenter = viewer_of(tx, person_id("rssi@hgsenne.example")?).await?;
    comments::add(
        tx,
        &commenter,
        id,
        "We added a step: call the **supplier of the EPD** before isolating, so their support session is not cut mid-update.",
    )
    .await
    .map_err(|e| anyhow!("{e}"))?;
    knowledge::update(tx, &author, id, Some(1), &revised)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let others = [
        (
            "ciso@zorggroephorizon.example",
            article(
                "Lessons learned: a supplier's VPN account without MFA",
                "How attackers came in through a maintenance account, and what we changed.",
                "## What happened\n\nA maintenance account of an imaging supplier had a static password and no second factor. It was used from an unknown address on a Sunday night.\n\n## What we changed\n\n1. Supplier accounts are disabled by default and opened per intervention.\n2. Every remote session goes through the jump host and is recorded.\n3. The contract now requires phishing-resistant MFA.\n",
                ArticleCategory::LessonsLearned,
                vec![Topic::SupplyChain, Topic::Technical],
                Tlp::Green,
                true,
            ),
        ),
        (
            "coordinator@focusgroup.example",
            article(
                "Tabletop kit: the laboratory system is down",
                "A 45-minute scenario for the crisis team, with injects and evaluation questions.",
                "## Scenario\n\nAt 07:40 the laboratory information system stops answering. The supplier reports an incident on its side.\n\n## Injects\n\n| Time | Inject |\n|---|---|\n| +10 min | The emergency department asks for blood results. |\n| +25 min | A journalist calls the switchboard. |\n\n## Questions\n\n- Who declares the downtime procedure?\n- Which results can be phoned through, and by whom?\n",
                ArticleCategory::ExerciseKit,
                vec![Topic::SupplyChain, Topic::Policy],
                Tlp::Clear,
                false,
            ),
        ),
        (
            "securite@stremy.example",
            article(
                "Guide: using generative AI without leaking patient data",
                "What our staff may and may not paste into a chatbot.",
                "## The rule\n\nNothing that identifies a patient goes into a public chatbot: no names, no national register numbers, no images.\n\n## The approved alternative\n\nUse the hospital's own assistant, which keeps data in the EU and does not train on it.\n",
                ArticleCategory::Guide,
                vec![Topic::Ai, Topic::Policy],
                Tlp::Green,
                false,
            ),
        ),
    ];
    for (email, input) in &others {
        let viewer = viewer_of(tx, person_id(email)?).await?;
        knowledge::create(tx, &viewer, input)
            .await
            .map_err(|e| anyhow!("{e}"))?;
    }
    Ok(())
}

const RANSOMWARE_PLAYBOOK_V1: &str = "## The first hour\n\n1. Isolate: pull the uplinks of the affected segments, keep the core running.\n2. Call the on-call manager and the CISO.\n3. Start the incident log on paper.\n\n## Hours two to four\n\n- Inform the CCB (early warning within 24 hours).\n- Decide on the downtime procedure for the emergency department.\n";

const RANSOMWARE_PLAYBOOK_V2: &str = "## The first hour\n\n1. Isolate: pull the uplinks of the affected segments, keep the core running.\n2. Call the on-call manager and the CISO.\n3. Call the EPD supplier before isolating its servers.\n4. Start the incident log on paper.\n\n## Hours two to four\n\n- Inform the CCB (early warning within 24 hours) and, if patient data may be involved, prepare the GBA/APD notification (72 hours).\n- Decide on the downtime procedure for the emergency department.\n";

/// Prints where Ward is and the demo accounts.
pub fn print(logins: &[Login], config: &FileConfig, public_url: Option<&url::Url>) {
    let url = public_url.map_or_else(|| format!("http://{}", config.listen), ToString::to_string);
    output::line("");
    output::line(&format!("Ward demo community loaded. Open {url}"));
    output::line(&format!(
        "Every demo account uses the password: {DEMO_PASSWORD}"
    ));
    for login in logins {
        output::line(&format!(
            "  {:<34} {}{}",
            login.email,
            login.what,
            if login.needs_mfa {
                " (sets up a second factor at first sign-in)"
            } else {
                ""
            }
        ));
    }
    output::line("");
}
