//! `volkshuis org …` and `volkshuis user …`: account administration from the shell, audited as "command line".

use anyhow::{bail, Context};
use clap::Subcommand;
use volkshuis_domain::access::Role;
use volkshuis_domain::account::{Email, NewPassword};
use volkshuis_domain::org::{GemeenteCode, OrgCode, OrgKind, BOUNDARY_YEARS};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::{gemeenten, orgs, users, Db, StoreError};

#[derive(Subcommand)]
pub enum OrgCommand {
    /// Register an organisation.
    Add {
        /// Short unique code, e.g. woonstad.
        #[arg(long)]
        code: String,
        /// Name.
        #[arg(long)]
        name: String,
        /// corporation, tenant_organisation, municipality, supplier or partner.
        #[arg(long)]
        kind: String,
    },
    /// List organisations.
    List,
    /// Show or set the CBS gemeente codes of an organisation: a municipality's own gemeenten (it sees figures only
    /// there), a corporation's declared working area. Without --set, shows them (and a corporation's working area).
    Gemeenten {
        /// Organisation code, e.g. gm-deventer.
        org: String,
        /// The codes, separated by commas (GM and four digits, e.g. GM0150,GM0301); an empty value clears them.
        #[arg(long)]
        set: Option<String>,
        /// The year of the CBS boundary set the codes come from.
        #[arg(long, default_value_t = 2023)]
        year: i64,
    },
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create a user (a password is generated and printed when none is given).
    Add {
        /// E-mail address (the login).
        #[arg(long)]
        email: String,
        /// Name.
        #[arg(long)]
        name: String,
        /// Password (at least 10 characters); also read from VOLKSHUIS_PASSWORD.
        #[arg(long, env = "VOLKSHUIS_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        /// Make the user a platform administrator.
        #[arg(long)]
        platform_admin: bool,
        /// Give the user a role in this organisation (code).
        #[arg(long, requires = "role")]
        org: Option<String>,
        /// The role: admin, staff or read_only.
        #[arg(long, requires = "org")]
        role: Option<String>,
    },
    /// Give a user a role in an organisation (or change it).
    Grant {
        /// E-mail address.
        #[arg(long)]
        email: String,
        /// Organisation code.
        #[arg(long)]
        org: String,
        /// The role: admin, staff or read_only.
        #[arg(long)]
        role: String,
    },
    /// List users with their organisations.
    List,
}

fn actor() -> Actor {
    Actor::system("command line", time::OffsetDateTime::now_utc())
}

fn field<T>(what: &str, parsed: Result<T, volkshuis_domain::text::TextError>) -> anyhow::Result<T> {
    parsed.map_err(|e| anyhow::anyhow!("{what}: {e}"))
}

async fn org_by_code(db: &Db, code: &str) -> anyhow::Result<orgs::Organisation> {
    let code = field("--org", OrgCode::parse(code))?;
    orgs::by_code(db, &code).await?.with_context(|| format!("no organisation with code {code}"))
}

pub async fn org(db: &Db, command: OrgCommand) -> anyhow::Result<()> {
    match command {
        OrgCommand::Add { code, name, kind } => {
            let fields = orgs::OrgFields {
                code: field("--code", OrgCode::parse(&code))?,
                name: field("--name", Name::parse(&name))?,
                kind: field(
                    "--kind (corporation, tenant_organisation, municipality, supplier, partner)",
                    OrgKind::parse(&kind),
                )?,
            };
            let mut tx = db.begin().await?;
            let org = match orgs::create(&mut tx, &actor(), &fields).await {
                Err(StoreError::Duplicate) => {
                    bail!("an organisation with code {} already exists", fields.code)
                }
                other => other?,
            };
            tx.commit().await?;
            println!("organisation {} ({}) created with id {}", org.code, org.name, org.id);
        }
        OrgCommand::List => {
            for org in orgs::list(db).await? {
                println!("{:<6} {:<28} {:<20} {}", org.id, org.code, org.kind.code(), org.name);
            }
        }
        OrgCommand::Gemeenten { org, set, year } => {
            let org = org_by_code(db, &org).await?;
            if let Some(list) = set {
                let codes = GemeenteCode::parse_list(&list).map_err(|(entry, _)| {
                    anyhow::anyhow!("--set: {entry} is not a gemeente code (GM and four digits, e.g. GM0150)")
                })?;
                if !BOUNDARY_YEARS.contains(&year) {
                    bail!("--year: {year} is not a year of a CBS boundary set");
                }
                let mut tx = db.begin().await?;
                match gemeenten::set(&mut tx, &actor(), org.id, &codes, year).await {
                    Err(StoreError::UnknownGemeente { code }) => bail!(
                        "unknown gemeente code {code}: no imported boundary and no unit in any stock has it; nothing was changed"
                    ),
                    other => other?,
                }
                tx.commit().await?;
                let shown: Vec<&str> = codes.iter().map(GemeenteCode::as_str).collect();
                println!(
                    "gemeenten of {}: {}",
                    org.code,
                    if shown.is_empty() { "none".to_owned() } else { shown.join(", ") }
                );
            } else {
                for g in gemeenten::of_org(db, org.id).await? {
                    println!("{} {} {}", g.code, g.boundary_year, g.name.unwrap_or_default());
                }
            }
            if org.kind == OrgKind::Corporation {
                println!("working area:");
                for g in gemeenten::working_area(db, org.id).await? {
                    let declared = if g.declared { " (declared)" } else { "" };
                    println!("{} {} units{declared} {}", g.code, g.units, g.name.unwrap_or_default());
                }
            }
        }
    }
    Ok(())
}

pub async fn user(db: &Db, command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Add { email, name, password, platform_admin, org, role } => {
            let email = field("--email", Email::parse(&email))?;
            let name = field("--name", Name::parse(&name))?;
            let (password, generated) = match password {
                Some(p) => (field("--password", NewPassword::parse(&p))?, false),
                None => {
                    (field("generated password", NewPassword::parse(&volkshuis_store::sessions::new_token()))?, true)
                }
            };
            let membership = match (org, role) {
                (Some(org), Some(role)) => Some((org_by_code(db, &org).await?, field("--role", Role::parse(&role))?)),
                _ => None,
            };
            let hash = volkshuis_accounts::password::hash(password.expose().to_owned()).await?;
            let mut tx = db.begin().await?;
            let new =
                users::NewUser { email: email.clone(), name, password_hash: hash, is_platform_admin: platform_admin };
            let user = match users::create(&mut tx, &actor(), &new).await {
                Err(StoreError::Duplicate) => bail!("a user with address {email} already exists"),
                other => other?,
            };
            if let Some((org, role)) = &membership {
                users::set_membership(&mut tx, &actor(), user.id, org.id, *role).await?;
            }
            tx.commit().await?;
            println!("user {} created with id {}", user.email, user.id);
            if generated {
                println!("password (shown once): {}", password.expose());
            }
        }
        UserCommand::Grant { email, org, role } => {
            let email = field("--email", Email::parse(&email))?;
            let user = users::by_email(db, &email).await?.with_context(|| format!("no user with address {email}"))?;
            let org = org_by_code(db, &org).await?;
            let role = field("--role (admin, staff, read_only)", Role::parse(&role))?;
            let mut tx = db.begin().await?;
            users::set_membership(&mut tx, &actor(), user.id, org.id, role).await?;
            tx.commit().await?;
            println!("{} is now {} of {}", user.email, role, org.code);
        }
        UserCommand::List => {
            for user in users::list(db).await? {
                let orgs: Vec<String> = users::organisations_of(db, user.id)
                    .await?
                    .into_iter()
                    .map(|(o, r)| format!("{}:{}", o.code, r))
                    .collect();
                let admin = if user.is_platform_admin { " [platform admin]" } else { "" };
                println!("{:<6} {:<36} {}{} {}", user.id, user.email, user.name, admin, orgs.join(" "));
            }
        }
    }
    Ok(())
}
