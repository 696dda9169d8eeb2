//! Demo Initiatieven: three residents' initiatives brought to Woonstad, each at another point of the road.
//!
//! - A repair café in an empty shop on the Beukerstraat in Zutphen, brought in by De Sleutel's board member for the
//!   tenant organisation, now *running*: its business plan adds up, Woonstad's staff member coaches it and keeps the
//!   log, the shop is lent at a discount, a grant from the buurt's liveability budget is partly spent (each payment
//!   with its receipt), this year's outcome is recorded and the initiative shows itself on the public page.
//! - A neighbourhood garden on a green between the Vogelbuurt's streets in Deventer, brought in by Bewonersraad
//!   Noord, at the *plan* stage: its plan does not add up yet (the costs are higher than the income), so it cannot
//!   move to an agreement.
//! - A shared-car club at the Zonnehof that ran for more than a year on the corporation's permission for two parking
//!   places and then *ended*; its log keeps what was learned.
//!
//! Every step goes through the store as the person would take it, dated back from the seed day. The names are
//! invented; any likeness is chance.

use crate::history::Timeline;
use crate::portfolio::{self, DemoUnit};
use crate::seed_scope;
use time::{Date, Duration};
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::initiatieven::lending::{is_lending_candidate, LoanTerms};
use volkshuis_domain::initiatieven::outcome::Outcome;
use volkshuis_domain::initiatieven::plan::BusinessPlan;
use volkshuis_domain::initiatieven::stage::{Need, Stage};
use volkshuis_store::initiatieven::initiatives::{self, InitiatorEdit, NewInitiative};
use volkshuis_store::initiatieven::lending::{self, Agreement};
use volkshuis_store::initiatieven::{budgets, outcomes};
use volkshuis_store::Db;

const STAFF: &str = "medewerker@woonstad.test";
const ADMIN: &str = "admin@woonstad.test";
/// De Sleutel's board member, who brings in the repair café and the car club.
const SLEUTEL: &str = "bestuur@desleutel.test";
/// Bewonersraad Noord's secretary, who brings in the garden.
const NOORD: &str = "secretaris@bewonersraadnoord.test";

/// The complex with the shop the repair café is lent.
const SHOPS: &str = "Binnenstad Zutphen";
/// The complex behind whose flats the garden is planned.
const GARDEN: &str = "Vogelbuurt";
/// The complex whose parking places the car club used.
const CARS: &str = "Zonnehof";

/// The organisations the initiatives are brought to and for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parties {
    /// Woonstad Voorbeeld, which coaches and lends.
    pub(crate) corporation: i64,
    /// Huurdersvereniging De Sleutel, for which the repair café is brought in.
    pub(crate) sleutel: i64,
    /// Bewonersraad Noord, for which the garden is brought in.
    pub(crate) noord: i64,
}

/// The three initiatives and all that happened to them.
pub(super) async fn seed_initiatieven(
    db: &Db,
    parties: Parties,
    stock: &[DemoUnit],
    timeline: &Timeline,
) -> anyhow::Result<()> {
    let corporation = seed_scope(parties.corporation);
    let clusters = volkshuis_store::stock::clusters(db, &corporation).await?;
    let complex = |name: &str| -> anyhow::Result<(i64, String)> {
        let index = stock
            .iter()
            .find(|u| u.plan().name == name)
            .map(|u| u.complex)
            .ok_or_else(|| anyhow::anyhow!("demo complex {name} missing"))?;
        let code = portfolio::complex_code(index);
        let id = clusters.iter().find(|c| c.code == code).map(|c| c.id);
        Ok((id.ok_or_else(|| anyhow::anyhow!("demo complex {name} not imported"))?, portfolio::buurt_code(index)))
    };
    let ctx = Ctx { db, corporation: &corporation, timeline };
    repair_cafe(&ctx, parties, stock, complex(SHOPS)?).await?;
    garden(&ctx, parties, complex(GARDEN)?).await?;
    car_club(&ctx, parties, complex(CARS)?).await
}

/// What every step needs: the database, the corporation's scope and the dates.
struct Ctx<'a> {
    db: &'a Db,
    corporation: &'a WriteScope,
    timeline: &'a Timeline,
}

impl Ctx<'_> {
    /// The user id of a demo user.
    fn user(&self, email: &str) -> anyhow::Result<i64> {
        self.timeline.by(email, self.timeline.today, 9).user_id.ok_or_else(|| anyhow::anyhow!("demo user {email}"))
    }

    /// `initiator` brings in `new` on `on`; returns its id.
    async fn submit(&self, initiator: &str, on: Date, new: &NewInitiative) -> anyhow::Result<i64> {
        let by = self.timeline.by(initiator, on, 20);
        initiatives::submit(self.db, &by, self.user(initiator)?, new)
            .await?
            .map_err(|e| anyhow::anyhow!("demo initiative refused: {e:?}"))
    }

    /// The initiator writes the plan on `on`.
    async fn write_plan(&self, initiator: &str, on: Date, id: i64, edit: &InitiatorEdit) -> anyhow::Result<()> {
        let by = self.timeline.by(initiator, on, 21);
        initiatives::edit_by_initiator(self.db, &by, self.user(initiator)?, id, edit)
            .await?
            .map_err(|e| anyhow::anyhow!("demo plan refused: {e:?}"))
    }

    /// `coach` (the corporation's staff) is made the coach on `on`, by the staff member.
    async fn coach(&self, coach: &str, on: Date, id: i64) -> anyhow::Result<()> {
        let by = self.timeline.by(STAFF, on, 10);
        let done = initiatives::assign_coach(self.db, self.corporation, &by, id, Some(self.user(coach)?)).await?;
        anyhow::ensure!(done, "demo coach");
        Ok(())
    }

    /// `coach` writes a contact and its next step to the log.
    async fn log(&self, coach: &str, on: Date, id: i64, text: &str, next: Option<&str>) -> anyhow::Result<()> {
        let by = self.timeline.by(coach, on, 16);
        anyhow::ensure!(initiatives::add_log(self.db, self.corporation, &by, id, on, text, next).await?, "demo log");
        Ok(())
    }

    /// `coach` moves the initiative to `to` on `on`, as the stage rule allows.
    async fn move_to(&self, coach: &str, on: Date, id: i64, to: Stage, lessons: Option<&str>) -> anyhow::Result<()> {
        let by = self.timeline.by(coach, on, 11);
        initiatives::move_stage(self.db, self.corporation, &by, id, to, lessons, on)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo initiative missing"))?
            .map_err(|e| anyhow::anyhow!("demo stage move to {to:?} refused: {e}"))
    }
}

/// Plan lines in cents.
fn lines(lines: &[(&str, i64)]) -> Vec<(String, i64)> {
    lines.iter().map(|(name, euros)| ((*name).to_owned(), euros * 100)).collect()
}

/// The repair café: brought in ten months ago, running for seven, published, with space, money and an outcome.
async fn repair_cafe(
    ctx: &Ctx<'_>,
    parties: Parties,
    stock: &[DemoUnit],
    (cluster, buurt): (i64, String),
) -> anyhow::Result<()> {
    let t = ctx.timeline;
    // The shop: a vacant one of the complex if there is one, else its first (a shop is a candidate either way).
    let shops: Vec<&DemoUnit> = stock
        .iter()
        .filter(|u| u.plan().name == SHOPS && is_lending_candidate(Some(u.soort), Some(u.detail), None))
        .collect();
    let shop = shops.iter().find(|u| u.status == "LEE").or(shops.first()).ok_or_else(|| anyhow::anyhow!("shop"))?;
    let address = format!("{} {}", shop.street, shop.number);
    let submitted = t.days_ago(300);
    let new = NewInitiative {
        corporation_id: ctx.corporation.org_id(),
        title: "Repaircafé Beukerstraat".to_owned(),
        description: format!(
            "Elke zaterdag samen kapotte spullen repareren in het lege winkelpand aan de {address}: \
             fietsen, kleding, lampen en kleine elektrische apparaten. Met koffie, en een plek om elkaar te zien."
        ),
        place: format!("{address}, Zutphen"),
        buurt_code: Some(buurt.clone()),
        cluster_ids: vec![cluster],
        who: "Zes bewoners van de Binnenstad, twee van hen gepensioneerd monteur; De Sleutel helpt met de \
              organisatie."
            .to_owned(),
        needs: vec![Need::Space, Need::Money],
        on_behalf_of: Some(parties.sleutel),
    };
    let id = ctx.submit(SLEUTEL, submitted, &new).await?;
    ctx.coach(STAFF, submitted + Duration::days(5), id).await?;
    let met = submitted + Duration::days(12);
    let text = "Kennismaking in het pand met drie van de initiatiefnemers; de ruimte past, er is een werkbank nodig.";
    ctx.log(STAFF, met, id, text, Some("Begroting voor het eerste jaar opstellen")).await?;
    ctx.move_to(STAFF, met, id, Stage::Plan, None).await?;
    let plan = BusinessPlan {
        income: lines(&[
            ("Vrijwillige bijdragen bezoekers", 1_800),
            ("Fonds voor buurtinitiatieven", 1_500),
            ("Verkoop koffie en thee", 700),
        ]),
        costs: lines(&[
            ("Huur winkelpand na korting", 2_400),
            ("Gereedschap en werkbank", 900),
            ("Verzekering", 300),
            ("Koffie, thee en onderdelen", 400),
        ]),
        risk_bearer: "Stichting Repaircafé Zutphen (in oprichting), met De Sleutel als achtervang".to_owned(),
    };
    anyhow::ensure!(plan.adds_up(), "the repair café's plan adds up: {:?}", plan.problems());
    let edit = InitiatorEdit {
        title: new.title.clone(),
        description: new.description.clone(),
        place: new.place.clone(),
        who: new.who.clone(),
        needs: new.needs.clone(),
        plan,
    };
    ctx.write_plan(SLEUTEL, submitted + Duration::days(30), id, &edit).await?;
    let agreed = submitted + Duration::days(40);
    let text = "Begroting samen doorgelopen; sluit met de korting op de huur en een toekenning uit het \
                leefbaarheidsbudget.";
    ctx.log(STAFF, agreed, id, text, Some("Bruikleenovereenkomst en toekenning voorleggen")).await?;
    ctx.move_to(STAFF, agreed, id, Stage::Agreement, None).await?;

    // The shop, lent at three quarters off for two years.
    let from = agreed + Duration::days(20);
    let terms = LoanTerms {
        rent_cents: i64::from(shop.rent),
        discount_bp: 7_500,
        from,
        until: Some(from + Duration::days(730)),
    };
    anyhow::ensure!(terms.problems().is_empty(), "demo loan terms: {:?}", terms.problems());
    let unit = volkshuis_store::stock::unit_id_by_extern(ctx.db, ctx.corporation, &shop.id_extern)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo shop {} missing", shop.id_extern))?;
    lending::lend(ctx.db, ctx.corporation, &t.by(STAFF, from - Duration::days(3), 14), id, unit, &terms, from)
        .await?
        .map_err(|e| anyhow::anyhow!("demo loan refused: {e:?}"))?;

    // The buurt's liveability budget for the year of the grant, set by the administrator; the grant and two payments.
    let granted_on = agreed + Duration::days(25);
    let budget = budgets::set_budget(
        ctx.db,
        ctx.corporation,
        &t.by(ADMIN, granted_on - Duration::days(20), 9),
        granted_on.year(),
        &buurt,
        "Leefbaarheid Binnenstad Zutphen",
        750_000,
    )
    .await?;
    let grant =
        budgets::grant(ctx.db, ctx.corporation, &t.by(STAFF, granted_on, 15), budget, id, 150_000, None, granted_on)
            .await?
            .map_err(|e| anyhow::anyhow!("demo grant refused: {e:?}"))?;
    let payments = [
        (
            10,
            68_950,
            "Werkbank en gereedschapskoffers",
            "Factuur 0311 van Gereedschapshandel IJsselstreek; map bij De Sleutel",
        ),
        (
            45,
            21_480,
            "Soldeerstations en meetapparatuur",
            "Kassabon Bouwmarkt Zutphen 14-0882; foto in de gedeelde map",
        ),
    ];
    for (after, cents, what, evidence) in payments {
        let on = granted_on + Duration::days(after);
        budgets::spend(ctx.db, ctx.corporation, &t.by(STAFF, on, 13), grant, on, cents, what, evidence)
            .await?
            .map_err(|e| anyhow::anyhow!("demo spending refused: {e:?}"))?;
    }

    // Running since the shop opened; the log since, this year's outcome, and the public page.
    let opened = from + Duration::days(14);
    ctx.move_to(STAFF, opened, id, Stage::Running, None).await?;
    let visits = [
        (opened + Duration::days(60), "Langs geweest op een zaterdag: 23 bezoekers, vooral fietsen en lampen.", None),
        (
            t.days_ago(40),
            "Gesprek over het tweede jaar: het fonds stopt, de bijdragen van bezoekers groeien.",
            Some("Begroting tweede jaar; vragen of de gemeente bijdraagt"),
        ),
    ];
    for (on, text, next) in visits {
        ctx.log(STAFF, on, id, text, next).await?;
    }
    let outcome = Outcome { participants: 46, volunteers: 9, jobs_far_from_labour_market: 1, visitors: 410 };
    let story = "Elke zaterdag staan de werkbanken vol. Een van de vrijwilligers kwam via het wijkteam en werkt nu \
                 drie dagen per week in een fietsenwerkplaats.";
    let by = t.by(STAFF, t.days_ago(3), 15);
    let recorded = outcomes::record(ctx.db, ctx.corporation, &by, id, t.today.year(), &outcome, Some(story)).await?;
    anyhow::ensure!(recorded, "demo outcome");
    let summary = format!(
        "Elke zaterdag van 10 tot 14 uur samen repareren aan de {address} in Zutphen. Iedereen is welkom, ook om \
         mee te helpen."
    );
    let by = t.by(SLEUTEL, opened + Duration::days(2), 19);
    let published = initiatives::publish_by_initiator(ctx.db, &by, ctx.user(SLEUTEL)?, id, Some(&summary)).await?;
    anyhow::ensure!(published, "demo publication");
    Ok(())
}

/// The garden: brought in two months ago, at the plan stage with a plan that does not add up yet.
async fn garden(ctx: &Ctx<'_>, parties: Parties, (cluster, buurt): (i64, String)) -> anyhow::Result<()> {
    let submitted = ctx.timeline.days_ago(62);
    let new = NewInitiative {
        corporation_id: ctx.corporation.org_id(),
        title: "Buurttuin Vogelbuurt".to_owned(),
        description:
            "Het grasveld tussen de Merelstraat en de Lijsterstraat omvormen tot een moestuin met plantenbakken, \
                      een bank en een regenton, samen onderhouden door de bewoners."
                .to_owned(),
        place: "Grasveld Merelstraat / Lijsterstraat, Deventer".to_owned(),
        buurt_code: Some(buurt),
        cluster_ids: vec![cluster],
        who: "Bewonersraad Noord met een groep van acht bewoners, onder wie twee ouders van de basisschool.".to_owned(),
        needs: vec![Need::Space, Need::Permission, Need::Money],
        on_behalf_of: Some(parties.noord),
    };
    let id = ctx.submit(NOORD, submitted, &new).await?;
    ctx.coach(STAFF, submitted + Duration::days(4), id).await?;
    let met = submitted + Duration::days(11);
    let text = "Op het grasveld gekeken met de bewoners; de tuinman van Woonstad ziet geen bezwaar.";
    ctx.log(STAFF, met, id, text, Some("Begroting maken en een fonds zoeken voor de plantenbakken")).await?;
    ctx.move_to(STAFF, met, id, Stage::Plan, None).await?;
    let plan = BusinessPlan {
        income: lines(&[("Eigen inleg bewoners", 300), ("Aanvraag buurtfonds gemeente", 1_000)]),
        costs: lines(&[("Plantenbakken en grond", 1_450), ("Gereedschap en regenton", 350), ("Zaden en planten", 200)]),
        risk_bearer: "Bewonersraad Noord".to_owned(),
    };
    anyhow::ensure!(!plan.adds_up(), "the garden's plan does not add up yet");
    let edit = InitiatorEdit {
        title: new.title.clone(),
        description: new.description.clone(),
        place: new.place.clone(),
        who: new.who.clone(),
        needs: new.needs.clone(),
        plan,
    };
    ctx.write_plan(NOORD, submitted + Duration::days(25), id, &edit).await?;
    let text = "Begroting besproken: er ontbreekt € 700. Misschien goedkopere bakken van pallethout.";
    ctx.log(STAFF, ctx.timeline.days_ago(12), id, text, Some("Nieuwe begroting; offerte pallethout opvragen")).await
}

/// The car club: ran from twenty months ago on permission for two parking places, ended two and a half months ago.
async fn car_club(ctx: &Ctx<'_>, parties: Parties, (cluster, buurt): (i64, String)) -> anyhow::Result<()> {
    let t = ctx.timeline;
    let submitted = t.first_of_month_ago(24) + Duration::days(6);
    let new = NewInitiative {
        corporation_id: ctx.corporation.org_id(),
        title: "Deelautoclub Zonnehof".to_owned(),
        description: "Twee elektrische deelauto's voor de bewoners van de Zonnehof, zodat wie weinig rijdt geen \
                      eigen auto nodig heeft."
            .to_owned(),
        place: "Parkeerterrein Zonnehof, Deventer".to_owned(),
        buurt_code: Some(buurt),
        cluster_ids: vec![cluster],
        who: "Vier bewoners van de Zonnehof, met steun van De Sleutel.".to_owned(),
        needs: vec![Need::Permission, Need::Advice],
        on_behalf_of: Some(parties.sleutel),
    };
    let id = ctx.submit(SLEUTEL, submitted, &new).await?;
    ctx.coach(ADMIN, submitted + Duration::days(7), id).await?;
    let met = submitted + Duration::days(14);
    ctx.log(ADMIN, met, id, "Kennismaking; een aanbieder van deelauto's levert auto's en laadpalen.", None).await?;
    ctx.move_to(ADMIN, met, id, Stage::Plan, None).await?;
    let plan = BusinessPlan {
        income: lines(&[("Ledenbijdragen (20 leden)", 7_200), ("Kilometervergoeding", 4_800)]),
        costs: lines(&[("Lease twee auto's met laadpaal", 10_800), ("Verzekering en administratie", 1_100)]),
        risk_bearer: "Vereniging Deelautoclub Zonnehof".to_owned(),
    };
    anyhow::ensure!(plan.adds_up(), "the car club's plan adds up: {:?}", plan.problems());
    let edit = InitiatorEdit {
        title: new.title.clone(),
        description: new.description.clone(),
        place: new.place.clone(),
        who: new.who.clone(),
        needs: new.needs.clone(),
        plan,
    };
    ctx.write_plan(SLEUTEL, submitted + Duration::days(30), id, &edit).await?;
    let agreed = submitted + Duration::days(45);
    ctx.move_to(ADMIN, agreed, id, Stage::Agreement, None).await?;
    let permission = Agreement {
        kind: "toestemming".to_owned(),
        subject: "Twee parkeerplaatsen bij de ingang van de Zonnehof voor de deelauto's, met laadpalen".to_owned(),
        who: "Vereniging Deelautoclub Zonnehof".to_owned(),
        budget_cents: None,
        on_date: agreed + Duration::days(5),
    };
    let by = t.by(ADMIN, permission.on_date, 14);
    anyhow::ensure!(lending::add_agreement(ctx.db, ctx.corporation, &by, id, &permission).await?, "demo agreement");
    let started = agreed + Duration::days(30);
    ctx.move_to(ADMIN, started, id, Stage::Running, None).await?;
    let last_year = t.today.year() - 1;
    let outcome = Outcome { participants: 14, volunteers: 3, jobs_far_from_labour_market: 0, visitors: 0 };
    let by = t.by(ADMIN, Date::from_calendar_date(t.today.year(), time::Month::January, 20)?, 10);
    let story = "Veertien huishoudens deelden twee auto's; drie deden hun eigen auto weg.";
    let recorded = outcomes::record(ctx.db, ctx.corporation, &by, id, last_year, &outcome, Some(story)).await?;
    anyhow::ensure!(recorded, "demo outcome");

    let evaluated = t.days_ago(90);
    let text = "Evaluatie met het bestuur: te weinig leden om de lease te dragen, de aanbieder verhoogt de prijs.";
    ctx.log(ADMIN, evaluated, id, text, Some("Besluit van de ledenvergadering afwachten")).await?;
    let lessons = "Een deelautoclub heeft minstens 25 actieve leden nodig om de vaste kosten te dragen; start met \
                   één auto en groei mee. Spreek met de aanbieder een vaste prijs af voor de hele looptijd. De \
                   parkeerplaatsen gaan terug naar de bewoners.";
    ctx.move_to(ADMIN, t.days_ago(75), id, Stage::Ended, Some(lessons)).await
}
