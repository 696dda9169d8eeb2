//! The demo dataset: a corporation, two tenant organisations, a municipality, a supplier and a partner, with a user
//! for every role. Used by `volkshuis demo` and by the browser tests.
//!
//! A crate of its own (it was `volkshuis_web::demo`): it writes through the store only, and the command line and
//! the web tests need it without the web layer's internals (ADR 0020).

mod boundaries;
mod groups;
mod overleg_cases;
mod sr_contract;

use volkshuis_accounts::password;
use volkshuis_domain::access::{Role, WriteScope};
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
    let corporation_scope = crate::seed_scope(corporation);
    for tenant in ["hv-de-sleutel", "bewonersraad-noord"] {
        let tenant_id = ids.get(tenant).copied().ok_or_else(|| anyhow::anyhow!("demo org {tenant} missing"))?;
        overleg::add_partner(&mut tx, &corporation_scope, &actor, tenant_id, None).await?;
        // The demo's tenant organisations accepted long ago.
        overleg::respond_to_proposal(&mut tx, &crate::seed_scope(tenant_id), &actor, corporation, true).await?;
    }
    // The corporation works with the Werkgeversservicepunt as its social-return coordinator (ADR 0026).
    let wsp = ids.get("wsp-voorbeeldstad").copied().ok_or_else(|| anyhow::anyhow!("demo org wsp missing"))?;
    volkshuis_store::socialreturn::add_coordinator(&mut tx, &corporation_scope, &actor, wsp).await?;
    tx.commit().await?;
    if with_stock {
        let mut file = synthetic::header();
        for row in synthetic::Generator::new(DEMO_UNITS, 42) {
            file.push('\n');
            file.push_str(&row);
        }
        let reader = StockReader::new(std::io::Cursor::new(file.into_bytes()))
            .map_err(|e| anyhow::anyhow!("demo stock: {e}"))?;
        let options = ImportOptions { cbs_year: 2023, ..Default::default() };
        let scope = crate::seed_scope(corporation);
        let summary = stock::import_units(db, &scope, &actor, "demo", reader, options, &mut |_| {}).await?;
        anyhow::ensure!(summary.written, "demo stock was not written: {:?}", summary.errors.first());
        overleg_cases::seed_overleg(db, corporation, (ids["hv-de-sleutel"], ids["bewonersraad-noord"]), &actor).await?;
        sr_contract::seed_social_return(db, corporation, ids["bouwbedrijf-van-dijk"], ids["wsp-voorbeeldstad"], &actor)
            .await?;
        groups::seed_participation(db, corporation, ids["hv-de-sleutel"], ids["bewonersraad-noord"], &actor).await?;
        boundaries::import_if_present(db, &actor).await?;
    }
    Ok(logins)
}
