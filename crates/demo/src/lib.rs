//! The demo dataset: a corporation, two tenant organisations, a municipality, a supplier and a partner, with a user
//! for every role. Used by `volkshuis demo` and by the browser tests.
//!
//! The corporation, Woonstad Voorbeeld, looks like a real one: named complexes in Deventer, Zutphen and Olst-Wijhe
//! with PostNL-style postcodes (`portfolio`), cases and groups whose texts are written from that stock (`texts`), and
//! a history dated back from the day the demo is filled (`history`), not all "today" (ADR 0037).
//!
//! A crate of its own (it was `volkshuis_web::demo`): it writes through the store only, and the command line and
//! the web tests need it without the web layer's internals (ADR 0020).

mod afspraken;
mod boundaries;
mod enterprises;
mod groups;
mod history;
mod initiatieven;
mod nazorg;
mod overleg_cases;
mod portfolio;
mod reference;
mod rng;
mod signalering;
mod sr_contract;
mod texts;

pub use reference::{load_vera, vera_file, VeraLoad};

use history::Timeline;
use portfolio::facts::{self, ComplexFacts};
use volkshuis_accounts::password;
use volkshuis_domain::access::{Role, WriteScope};
use volkshuis_domain::account::Email;
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::money::Money;
use volkshuis_domain::org::{GemeenteCode, OrgCode, OrgKind};
use volkshuis_domain::overleg::{AnswerKind, Decision, RequestKind, Subject};
use volkshuis_domain::text::LongText;
use volkshuis_domain::text::Name;
use volkshuis_store::overleg::{self, Answer, DecisionRecord, NewCase};
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::{gemeenten, orgs, users, Db};

/// The scope the demo writes its organisations' data with: the one place the demo mints a scope without a check
/// ([`WriteScope::system_for_demo`]), entitled because it fills organisations it has just created itself.
pub(crate) fn seed_scope(org_id: i64) -> WriteScope {
    WriteScope::system_for_demo(org_id)
}

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

/// Units in the demo corporation's stock.
pub const DEMO_UNITS: u64 = 2_000;

/// Fills an empty database with the demo dataset (with `with_stock`, also the corporation's stock of [`DEMO_UNITS`]
/// units, overleg cases, a social-return contract, tenant groups and prestatieafspraken for Deventer); does nothing
/// when the demo corporation already exists. Its history is dated back from now. Returns the demo log-ins.
pub async fn seed(db: &Db, with_stock: bool) -> anyhow::Result<Vec<DemoLogin>> {
    seed_at(db, with_stock, time::OffsetDateTime::now_utc()).await
}

/// [`seed`] as if the demo were filled at `now`: every event is dated relative to that moment.
pub async fn seed_at(db: &Db, with_stock: bool, now: time::OffsetDateTime) -> anyhow::Result<Vec<DemoLogin>> {
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
    let mut timeline = Timeline::new(now);
    let ids = seed_accounts(db, &mut timeline).await?;
    if with_stock {
        let org = |code: &str| ids.get(code).copied().ok_or_else(|| anyhow::anyhow!("demo org {code} missing"));
        let corporation = org("woonstad")?;
        let stock = portfolio::generate();
        import_stock(db, corporation, &stock, &timeline).await?;
        set_municipality_gemeenten(db, org("gm-voorbeeldstad")?, &timeline).await?;
        let complexes = facts::complexes(&stock);
        let tenants = (org("hv-de-sleutel")?, org("bewonersraad-noord")?);
        overleg_cases::seed_overleg(db, corporation, tenants, &complexes, &timeline).await?;
        let (supplier, coordinator) = (org("bouwbedrijf-van-dijk")?, org("wsp-voorbeeldstad")?);
        sr_contract::seed_social_return(db, corporation, supplier, coordinator, &complexes, &timeline).await?;
        groups::seed_participation(db, corporation, tenants, &stock, &complexes, &timeline).await?;
        let imported_by = timeline.system(timeline.days_ago(33), 9);
        boundaries::import_if_present(db, &imported_by).await?;
        let parties = afspraken::Parties {
            municipality: org("gm-voorbeeldstad")?,
            corporation,
            sleutel: tenants.0,
            noord: tenants.1,
        };
        afspraken::seed_afspraken(db, parties, &complexes, &timeline).await?;
        let sides = signalering::Sides {
            corporation,
            municipality: org("gm-voorbeeldstad")?,
            wijkteam: org("wijkteam-centrum")?,
        };
        signalering::seed_signalering(db, sides, &stock, &timeline).await?;
        let parties = nazorg::Parties { corporation, coach_org: org("wijkteam-centrum")? };
        nazorg::seed_nazorg(db, parties, &stock, &timeline).await?;
        let parties = initiatieven::Parties { corporation, sleutel: tenants.0, noord: tenants.1 };
        initiatieven::seed_initiatieven(db, parties, &stock, &timeline).await?;
        enterprises::seed_enterprises(db, corporation, supplier, &timeline).await?;
    }
    Ok(logins)
}

/// The organisations, users and memberships, and the working relations between the organisations, dated to when
/// the corporation started on the platform (two years before the seed day). Returns the organisations' ids by code.
async fn seed_accounts(
    db: &Db,
    timeline: &mut Timeline,
) -> anyhow::Result<std::collections::HashMap<&'static str, i64>> {
    let joined = timeline.first_of_month_ago(26);
    let actor = timeline.system(joined, 10);
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
        timeline.add_person(email, user.id, name);
        for (org, role) in *roles {
            let org_id = ids.get(org).copied().ok_or_else(|| anyhow::anyhow!("demo org {org} missing"))?;
            users::set_membership(&mut tx, &actor, user.id, org_id, *role).await?;
        }
    }
    let corporation = ids.get(ORGS[0].0).copied().ok_or_else(|| anyhow::anyhow!("demo corporation missing"))?;
    let corporation_scope = crate::seed_scope(corporation);
    let proposed = timeline.by("admin@woonstad.test", timeline.first_of_month_ago(25), 11);
    for (tenant, board) in
        [("hv-de-sleutel", "bestuur@desleutel.test"), ("bewonersraad-noord", "secretaris@bewonersraadnoord.test")]
    {
        let tenant_id = ids.get(tenant).copied().ok_or_else(|| anyhow::anyhow!("demo org {tenant} missing"))?;
        overleg::add_partner(&mut tx, &corporation_scope, &proposed, tenant_id, None).await?;
        // The demo's tenant organisations accepted long ago.
        let accepted = timeline.by(board, timeline.first_of_month_ago(25) + time::Duration::days(9), 20);
        overleg::respond_to_proposal(&mut tx, &crate::seed_scope(tenant_id), &accepted, corporation, true).await?;
    }
    // The corporation works with the Werkgeversservicepunt as its social-return coordinator (ADR 0026).
    let wsp = ids.get("wsp-voorbeeldstad").copied().ok_or_else(|| anyhow::anyhow!("demo org wsp missing"))?;
    let agreed = timeline.by("admin@woonstad.test", timeline.first_of_month_ago(23), 14);
    volkshuis_store::socialreturn::add_coordinator(&mut tx, &corporation_scope, &agreed, wsp).await?;
    tx.commit().await?;
    Ok(ids)
}

/// Imports the stock as the corporation's staff did last month, from its full stock file.
async fn import_stock(
    db: &Db,
    corporation: i64,
    stock: &[portfolio::DemoUnit],
    timeline: &Timeline,
) -> anyhow::Result<()> {
    let scope = crate::seed_scope(corporation);
    let on = timeline.days_ago(33);
    let file = portfolio::import_file(stock);
    let reader =
        StockReader::new(std::io::Cursor::new(file.into_bytes())).map_err(|e| anyhow::anyhow!("demo stock: {e}"))?;
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    let source = format!("bezit-{}-{:02}.csv", on.year(), u8::from(on.month()));
    let actor = timeline.by("admin@woonstad.test", on, 10);
    let summary = stock::import_units(db, &scope, &actor, &source, reader, options, &mut |_| {}).await?;
    anyhow::ensure!(summary.written, "demo stock was not written: {:?}", summary.errors.first());
    Ok(())
}

/// The gemeente the demo municipality answers for: Deventer, where most of the stock lies. It sees Woonstad's figures
/// there and not those in Zutphen or Olst-Wijhe (ADR 0039), which shows the bound.
pub const MUNICIPALITY_GEMEENTEN: &[&str] = &["GM0150"];

/// Gives the demo municipality its gemeente code, as the platform administrator does, after the stock that makes the
/// code known.
async fn set_municipality_gemeenten(db: &Db, municipality: i64, timeline: &Timeline) -> anyhow::Result<()> {
    let codes = MUNICIPALITY_GEMEENTEN.iter().map(|c| GemeenteCode::parse(c)).collect::<Result<Vec<_>, _>>()?;
    let actor = timeline.by("beheer@volkshuis.test", timeline.days_ago(33), 11);
    let mut tx = db.begin().await?;
    gemeenten::set(&mut tx, &actor, municipality, &codes, 2023).await?;
    tx.commit().await?;
    Ok(())
}

/// The facts of the complexes with these names, in this order.
pub(crate) fn pick<'a>(complexes: &'a [ComplexFacts], names: &[&str]) -> anyhow::Result<Vec<&'a ComplexFacts>> {
    names.iter().map(|name| facts::named(complexes, name)).collect()
}
