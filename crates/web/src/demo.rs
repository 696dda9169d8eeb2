//! The demo dataset: a corporation, two tenant organisations, a municipality, a supplier and a partner, with a user
//! for every role. Used by `volkshuis demo` and by the browser tests.

use crate::password;
use volkshuis_domain::access::{OrgScope, Role};
use volkshuis_domain::account::Email;
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::bezit::synthetic;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::money::Money;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::overleg::{AnswerKind, Decision, RequestKind, Subject};
use volkshuis_domain::text::LongText;
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::overleg::{self, Answer, DecisionRecord, NewCase};
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::{orgs, users, Db};

/// The password of every demo account. Printed by `volkshuis demo`; never use the demo data in production.
pub const DEMO_PASSWORD: &str = "volkshuis-demo";

/// One demo log-in, for printing.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    /// E-mail address.
    pub email: &'static str,
    /// What the account is.
    pub description: String,
}

const ORGS: &[(&str, &str, OrgKind)] = &[
    ("woonstad", "Woonstad Voorbeeld", OrgKind::Corporation),
    ("hv-de-sleutel", "Huurdersvereniging De Sleutel", OrgKind::TenantOrganisation),
    ("bewonersraad-noord", "Bewonersraad Noord", OrgKind::TenantOrganisation),
    ("gm-voorbeeldstad", "Gemeente Voorbeeldstad", OrgKind::Municipality),
    ("bouwbedrijf-van-dijk", "Bouwbedrijf Van Dijk", OrgKind::Supplier),
    ("wijkteam-centrum", "Wijkteam Centrum", OrgKind::Partner),
    ("wsp-voorbeeldstad", "Werkgeversservicepunt Voorbeeldstad", OrgKind::Partner),
];

/// `(email, name, platform admin, [(org code, role)])`.
type DemoUser = (&'static str, &'static str, bool, &'static [(&'static str, Role)]);

const USERS: &[DemoUser] = &[
    ("beheer@volkshuis.test", "Platformbeheer", true, &[]),
    ("admin@woonstad.test", "Anna de Vries", false, &[("woonstad", Role::Admin)]),
    ("medewerker@woonstad.test", "Bram Jansen", false, &[("woonstad", Role::Staff)]),
    ("lezer@woonstad.test", "Carla Smit", false, &[("woonstad", Role::ReadOnly)]),
    (
        "bestuur@desleutel.test",
        "Dirk Bakker",
        false,
        &[("hv-de-sleutel", Role::Admin), ("bewonersraad-noord", Role::Staff)],
    ),
    ("secretaris@bewonersraadnoord.test", "Esra Yilmaz", false, &[("bewonersraad-noord", Role::Admin)]),
    ("beleid@voorbeeldstad.test", "Fatima el Amrani", false, &[("gm-voorbeeldstad", Role::Staff)]),
    ("sroi@vandijk.test", "Gert van Dijk", false, &[("bouwbedrijf-van-dijk", Role::Staff)]),
    ("coordinator@wijkteam.test", "Hanna Visser", false, &[("wijkteam-centrum", Role::Staff)]),
    ("sroi@wsp.test", "Iris de Boer", false, &[("wsp-voorbeeldstad", Role::Staff)]),
];

/// Units in the demo corporation's generated stock.
pub const DEMO_UNITS: u64 = 2_000;

/// Fills an empty database with the demo dataset (with `with_stock`, also a generated stock of [`DEMO_UNITS`]
/// units for the corporation and example overleg cases); does nothing when the demo corporation already exists. Returns the demo log-ins.
pub async fn seed(db: &Db, with_stock: bool) -> anyhow::Result<Vec<DemoLogin>> {
    let logins = USERS
        .iter()
        .map(|(email, name, admin, roles)| DemoLogin {
            email,
            description: if *admin {
                format!("{name} — platformbeheerder")
            } else {
                let roles: Vec<String> = roles.iter().map(|(org, role)| format!("{role} @ {org}")).collect();
                format!("{name} — {}", roles.join(", "))
            },
        })
        .collect();
    if orgs::by_code(db, &OrgCode::parse(ORGS[0].0)?).await?.is_some() {
        return Ok(logins);
    }
    let actor = Actor::system("demo", time::OffsetDateTime::now_utc());
    let hash = password::hash(DEMO_PASSWORD.to_owned()).await?;
    let mut tx = db.begin().await?;
    let mut ids = std::collections::HashMap::new();
    for (code, name, kind) in ORGS {
        let fields = orgs::OrgFields { code: OrgCode::parse(code)?, name: Name::parse(name)?, kind: *kind };
        ids.insert(*code, orgs::create(&mut tx, &actor, &fields).await?.id);
    }
    for (email, name, admin, roles) in USERS {
        let new = users::NewUser {
            email: Email::parse(email)?,
            name: Name::parse(name)?,
            password_hash: hash.clone(),
            is_platform_admin: *admin,
        };
        let user = users::create(&mut tx, &actor, &new).await?;
        for (org, role) in *roles {
            let org_id = ids.get(org).copied().ok_or_else(|| anyhow::anyhow!("demo org {org} missing"))?;
            users::set_membership(&mut tx, &actor, user.id, org_id, *role).await?;
        }
    }
    let corporation = ids.get(ORGS[0].0).copied().ok_or_else(|| anyhow::anyhow!("demo corporation missing"))?;
    let corporation_scope = OrgScope::system(corporation);
    for tenant in ["hv-de-sleutel", "bewonersraad-noord"] {
        let tenant_id = ids.get(tenant).copied().ok_or_else(|| anyhow::anyhow!("demo org {tenant} missing"))?;
        overleg::add_partner(&mut tx, &corporation_scope, &actor, tenant_id, None).await?;
    }
    tx.commit().await?;
    if with_stock {
        let mut file = synthetic::header();
        for row in synthetic::Generator::new(DEMO_UNITS, 42) {
            file.push('\n');
            file.push_str(&row);
        }
        let reader = StockReader::new(file.as_bytes()).map_err(|e| anyhow::anyhow!("demo stock: {e}"))?;
        let options = ImportOptions { cbs_year: 2023, ..Default::default() };
        let scope = OrgScope::system(corporation);
        let summary = stock::import_units(db, &scope, &actor, "demo", reader, options, &mut |_| {}).await?;
        anyhow::ensure!(summary.written, "demo stock was not written: {:?}", summary.errors.first());
        seed_overleg(db, corporation, (ids["hv-de-sleutel"], ids["bewonersraad-noord"]), &actor).await?;
        seed_social_return(db, corporation, ids["bouwbedrijf-van-dijk"], ids["wsp-voorbeeldstad"], &actor).await?;
        seed_participation(db, corporation, ids["hv-de-sleutel"], ids["bewonersraad-noord"], &actor).await?;
    }
    Ok(logins)
}

/// Example overleg cases in every stage, dated around today, with a meeting and a budget for this year.
async fn seed_overleg(db: &Db, corporation: i64, (sleutel, noord): (i64, i64), actor: &Actor) -> anyhow::Result<()> {
    let scope = OrgScope::system(corporation);
    let today = dutch_date(time::OffsetDateTime::now_utc());
    let days = time::Duration::days;
    let case = |tenant_org_id, kind, subject, title: &str, explanation: &str, received_on, clusters: &[&str]| {
        Ok::<_, anyhow::Error>(NewCase {
            tenant_org_id,
            kind,
            subject,
            title: Name::parse(title)?,
            explanation: LongText::parse(explanation)?,
            received_on,
            agreed_weeks: None,
            clusters: clusters.iter().map(|c| (*c).to_owned()).collect(),
        })
    };
    let cases = [
        case(
            sleutel,
            RequestKind::Advice,
            Subject::Maintenance,
            "Renovatie en isolatie complex De Linde",
            "Wij willen in 2027 de 120 woningen van complex De Linde isoleren (dak, gevel, vloer) en nieuwe kozijnen \
             plaatsen. De huurverhoging na renovatie is € 25 per maand; 70% van de bewoners moet instemmen met het \
             sociaal plan. Wij vragen uw advies over het plan en het sociaal plan.",
            today - days(10),
            &["CPX000004"],
        )?,
        case(
            sleutel,
            RequestKind::Consent,
            Subject::ServiceCosts,
            "Servicekosten 2027: schoonmaak trappenhuizen",
            "Wij willen de schoonmaak van de trappenhuizen onderbrengen bij een nieuw bedrijf. De servicekosten \
             stijgen met € 1,85 per maand. Hiervoor vragen wij uw instemming (art. 5a Overlegwet).",
            today - days(30),
            &[],
        )?,
        case(
            sleutel,
            RequestKind::Information,
            Subject::Maintenance,
            "Meerjarenonderhoudsplan 2027",
            "Ter informatie: het onderhoudsplan voor 2027 met de complexen die aan de beurt zijn.",
            today - days(5),
            &[],
        )?,
        case(
            sleutel,
            RequestKind::Advice,
            Subject::RentPolicy,
            "Huurbeleid 2027",
            "Wij stellen voor de huren per 1 juli 2027 met de inflatie te verhogen, en huren boven de \
             streefhuur te bevriezen. Wij vragen uw advies.",
            today - days(50),
            &[],
        )?,
        case(
            noord,
            RequestKind::Advice,
            Subject::Allocation,
            "Voorrang voor ouderen bij nieuwbouw Noord",
            "Wij willen ouderen uit de wijk voorrang geven bij de 40 nieuwe woningen aan de Noordkade.",
            today - days(80),
            &[],
        )?,
    ];
    let mut tx = db.begin().await?;
    let mut ids = Vec::new();
    for new in &cases {
        ids.push(overleg::create(&mut tx, &scope, actor, new).await?);
    }
    // The rent policy was advised on ten days ago; the corporation still has to decide.
    let tenant_scope = OrgScope::system(sleutel);
    let rent = overleg::get_in(&mut tx, &tenant_scope, ids[3]).await?.ok_or_else(|| anyhow::anyhow!("demo case"))?;
    let advice = "Wij adviseren de huren niet meer dan de inflatie te verhogen en de huren van de kleinste \
                  woningen te bevriezen.";
    let answer = Answer { kind: AnswerKind::Advice, text: Some(advice.to_owned()), on: today - days(10) };
    overleg::answer(&mut tx, &tenant_scope, actor, &rent, rent.version, &answer).await?;
    // Bewonersraad Noord's advice was not followed, with reasons.
    let noord_scope = OrgScope::system(noord);
    let allocation =
        overleg::get_in(&mut tx, &noord_scope, ids[4]).await?.ok_or_else(|| anyhow::anyhow!("demo case"))?;
    let answer = Answer {
        kind: AnswerKind::Advice,
        text: Some("Geef ook jonge gezinnen uit de wijk voorrang.".to_owned()),
        on: today - days(40),
    };
    overleg::answer(&mut tx, &noord_scope, actor, &allocation, allocation.version, &answer).await?;
    let reply = "De gemeente wijst jonge gezinnen al voorrang toe in de nieuwbouw aan de Zuidkade; hier kiezen \
                 wij voor ouderen om doorstroming op gang te brengen.";
    let decision =
        DecisionRecord { decision: Decision::NotFollowed, reply: Some(reply.to_owned()), on: today - days(30) };
    let allocation =
        overleg::get_in(&mut tx, &scope, allocation.id).await?.ok_or_else(|| anyhow::anyhow!("demo case"))?;
    overleg::decide(&mut tx, &scope, actor, &allocation, allocation.version, &decision).await?;
    overleg::add_meeting(&mut tx, &scope, actor, sleutel, today - days(60), &Name::parse("Overlegvergadering")?)
        .await?;
    overleg::set_budget(&mut tx, &scope, actor, sleutel, today.year(), Money::from_cents(1_250_000)).await?;
    tx.commit().await?;
    Ok(())
}

/// The Utrecht example table, a renovation contract with Bouwbedrijf Van Dijk coordinated by the
/// Werkgeversservicepunt, and contributions in every status.
async fn seed_social_return(
    db: &Db,
    corporation: i64,
    supplier: i64,
    coordinator: i64,
    actor: &Actor,
) -> anyhow::Result<()> {
    use volkshuis_domain::socialreturn::contribution::Contribution;
    use volkshuis_domain::socialreturn::progress::Obligation;
    use volkshuis_domain::socialreturn::{examples, valuation, Bonus, Certificate, TargetGroup, Training};
    use volkshuis_store::socialreturn::{self as sr, NewContract};
    let buyer = OrgScope::system(corporation);
    let date = |y, m, d| time::Date::from_calendar_date(y, m, d);
    let mut tx = db.begin().await?;
    let table = examples::utrecht();
    let table_id = sr::add_table(&mut tx, &buyer, actor, &table).await?;
    let new = NewContract {
        supplier_id: supplier,
        coordinator_id: Some(coordinator),
        title: "Renovatie De Linde: dak, gevel en kozijnen".to_owned(),
        value: Money::from_cents(240_000_000),
        starts_on: date(2025, time::Month::April, 1)?,
        ends_on: date(2027, time::Month::March, 31)?,
        awarded_on: date(2025, time::Month::March, 1)?,
        obligation: Obligation::Percentage(500),
        cadence: "quarterly".to_owned(),
        table_id,
    };
    let contract_id = sr::create_contract(&mut tx, &buyer, actor, &new).await?;
    tx.commit().await?;
    let as_supplier = sr::contract(db, &OrgScope::system(supplier), contract_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo contract"))?;
    let contributions = [
        Contribution::Placement {
            person: "VD-2025-01".into(),
            group: TargetGroup::Participatiewet,
            long_term: false,
            start: date(2025, time::Month::June, 1)?,
            end: date(2026, time::Month::May, 31)?,
            hours_per_week: 32,
            bonuses: vec![Bonus::PermanentContract],
        },
        Contribution::Apprenticeship {
            person: "VD-2025-02".into(),
            training: Training::Bbl,
            level: Some(2),
            start: date(2025, time::Month::September, 1)?,
            end: date(2026, time::Month::August, 31)?,
        },
        Contribution::Purchase {
            seller: "Kozijnfabriek De Werkplaats".into(),
            certificate: Certificate::CodeSocialeOndernemingen,
            invoice: Money::from_cents(1_850_000),
            date: date(2025, time::Month::October, 15)?,
        },
        Contribution::Placement {
            person: "VD-2025-03".into(),
            group: TargetGroup::Ww,
            long_term: false,
            start: date(2025, time::Month::November, 1)?,
            end: date(2025, time::Month::November, 30)?,
            hours_per_week: 8,
            bonuses: Vec::new(),
        },
    ];
    let as_buyer = sr::contract(db, &buyer, contract_id).await?.ok_or_else(|| anyhow::anyhow!("demo contract"))?;
    let mut tx = db.begin().await?;
    let mut ids = Vec::new();
    for c in &contributions {
        let v = valuation::value(&table, c)?;
        ids.push(sr::report(&mut tx, &as_supplier, actor, c, &v, None).await?);
    }
    sr::decide(&mut tx, &as_buyer, actor, ids[0], true, None).await?;
    sr::decide(&mut tx, &as_buyer, actor, ids[2], true, None).await?;
    sr::decide(
        &mut tx,
        &as_buyer,
        actor,
        ids[3],
        false,
        Some("Eén maand van 8 uur per week is geen duurzame plaatsing."),
    )
    .await?;
    sr::mark_tenant(&mut tx, &as_buyer, actor, ids[0], "CPX000004", date(2025, time::Month::May, 20)?).await?;
    tx.commit().await?;
    Ok(())
}

/// Groups in every state — recognised, unrecognised, missing its yearly meeting, fading — and blind spots left
/// uncovered, with the coverage computed.
async fn seed_participation(db: &Db, corporation: i64, sleutel: i64, noord: i64, actor: &Actor) -> anyhow::Result<()> {
    use volkshuis_domain::participatie::group::{ActivityKind, Channel, CriterionCheck, GroupKind};
    use volkshuis_store::participatie::{self as part, Activity, NewGroup};
    let today = dutch_date(time::OffsetDateTime::now_utc());
    let days = time::Duration::days;
    let complexes = |range: std::ops::RangeInclusive<u32>| range.map(|n| format!("CPX{n:06}")).collect::<Vec<_>>();
    let group = |name: &str,
                 kind,
                 area_kind: &str,
                 area_codes: Vec<String>,
                 parent,
                 channels: Vec<Channel>,
                 description: &str| NewGroup {
        corporation_id: corporation,
        parent_id: parent,
        name: name.to_owned(),
        kind,
        area_kind: area_kind.to_owned(),
        area_codes,
        contact_role: "secretaris".to_owned(),
        approx_size: Some(40),
        channels,
        description: description.to_owned(),
        join_info: "Stuur een bericht via dit formulier; de secretaris belt u terug.".to_owned(),
        started_on: Some(today - days(3 * 365)),
    };
    let mut tx = db.begin().await?;
    let hv = part::create_group(
        &mut tx,
        &OrgScope::system(sleutel),
        actor,
        &group(
            "Huurdersvereniging De Sleutel",
            GroupKind::Huurdersorganisatie,
            "complexes",
            complexes(1..=10),
            None,
            vec![Channel::Meetings, Channel::Newsletter, Channel::SocialMedia],
            "Wij komen op voor de huurders van Woonstad: huurbeleid, onderhoud, servicekosten en leefbaarheid.",
        ),
    )
    .await?;
    let linde = part::create_group(
        &mut tx,
        &OrgScope::system(sleutel),
        actor,
        &group(
            "Bewonerscommissie De Linde",
            GroupKind::Bewonerscommissie,
            "complexes",
            complexes(4..=4),
            Some(hv),
            vec![Channel::Meetings, Channel::HomeVisits],
            "De commissie van complex De Linde, nu vooral over de renovatie.",
        ),
    )
    .await?;
    let raad = part::create_group(
        &mut tx,
        &OrgScope::system(noord),
        actor,
        &group(
            "Bewonersraad Noord",
            GroupKind::Huurdersorganisatie,
            "complexes",
            complexes(11..=12),
            None,
            vec![Channel::Meetings],
            "Huurders in Noord, in opbouw.",
        ),
    )
    .await?;
    let buurt = part::create_group(
        &mut tx,
        &OrgScope::system(corporation),
        actor,
        &group(
            "Leefbaarheidsgroep Centrum",
            GroupKind::Leefbaarheidsgroep,
            "buurten",
            vec!["BU06030803".to_owned()],
            None,
            vec![Channel::Chat],
            "Schoon, heel en veilig in de buurt.",
        ),
    )
    .await?;
    let panel = part::create_group(
        &mut tx,
        &OrgScope::system(corporation),
        actor,
        &group(
            "Woonpanel Zonnehof",
            GroupKind::DigitaalPanel,
            "complexes",
            complexes(13..=13),
            None,
            vec![Channel::DigitalPanel],
            "Vier keer per jaar een korte vragenlijst.",
        ),
    )
    .await?;
    tx.commit().await?;
    let check = |criterion, met| CriterionCheck {
        criterion,
        met,
        evidence: "statuten en notulen".to_owned(),
        checked_on: today - days(60),
    };
    let mut tx = db.begin().await?;
    for (id, checks) in [
        (hv, GroupKind::Huurdersorganisatie.criteria().iter().map(|c| check(*c, true)).collect::<Vec<_>>()),
        (linde, GroupKind::Bewonerscommissie.criteria().iter().map(|c| check(*c, true)).collect()),
        (
            raad,
            GroupKind::Huurdersorganisatie
                .criteria()
                .iter()
                .map(|c| check(*c, *c != volkshuis_domain::participatie::group::Criterion::ChosenBoard))
                .collect(),
        ),
    ] {
        let g = part::group(db, id).await?.ok_or_else(|| anyhow::anyhow!("demo group"))?;
        part::set_criteria(&mut tx, actor, &g, &checks).await?;
    }
    let now = time::OffsetDateTime::now_utc();
    let last_year = time::Date::from_calendar_date(today.year() - 1, time::Month::April, 15)?;
    for (id, kind, held_on, topic) in [
        (hv, ActivityKind::MembersMeeting, last_year, "Jaarvergadering: jaarverslag en plannen"),
        (hv, ActivityKind::Meeting, today - days(20), "Huurbeleid 2027"),
        (linde, ActivityKind::HomeVisits, today - days(40), "Huisbezoeken over de renovatie"),
        (buurt, ActivityKind::Meeting, today - days(500), "Buurtschouw"),
        (panel, ActivityKind::PanelRound, today - days(90), "Tevredenheid over het onderhoud"),
    ] {
        let g = part::group(db, id).await?.ok_or_else(|| anyhow::anyhow!("demo group"))?;
        let activity = Activity { kind, held_on, topic: topic.to_owned(), participants: Some(25) };
        part::add_activity(&mut tx, &g, &activity, now).await?;
    }
    tx.commit().await?;
    part::recompute(db, corporation).await?;
    // Contact data for the tenants of the first three complexes: every other one with an e-mail address.
    let units = volkshuis_store::stock::units(
        db,
        &OrgScope::system(corporation),
        &volkshuis_store::stock::UnitFilter::default(),
        0,
        2_000,
    )
    .await?;
    let contacts: Vec<part::ContactRow> = units
        .units
        .iter()
        .filter(|u| u.cluster.as_ref().is_some_and(|(_, code)| code.as_str() <= "CPX000003"))
        .enumerate()
        .map(|(i, u)| part::ContactRow {
            id_extern: u.id_extern.clone(),
            name: format!("Huurder {}", i + 1),
            email: (i % 2 == 0).then(|| format!("huurder{}@example.nl", i + 1)),
        })
        .collect();
    let unknown = part::import_contacts(db, &OrgScope::system(corporation), actor, &contacts).await?;
    anyhow::ensure!(unknown.is_empty(), "demo contacts for unknown units");
    Ok(())
}
