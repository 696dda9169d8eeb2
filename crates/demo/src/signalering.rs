//! Demo Signalering: two monthly ledgers of Woonstad (last month's and this month's) with a realistic mix of
//! households (most meet every condition; some objected, keep an arrangement, were not pointed to debt help, or
//! were reminded too recently), the municipality's buckets, its contact attempts and results on last month's
//! signals, the landlord's collection pause and a prevented eviction, and soft signals at each stage.
//!
//! Every step goes through the store as the person would take it, dated back from the seed day. The names are
//! invented; any likeness is chance.

use crate::history::Timeline;
use crate::portfolio::DemoUnit;
use crate::rng::Rng;
use crate::seed_scope;
use time::{Date, Duration};
use volkshuis_domain::money::Money;
use volkshuis_domain::signalering::outcome::OutreachKind;
use volkshuis_domain::signalering::soft::SoftKind;
use volkshuis_domain::signalering::triage::{BucketAction, Criteria};
use volkshuis_domain::signalering::{Arrangement, ContactKind, Household, Outcome, PartOfDay};
use volkshuis_store::signalering::buckets::{self, NewBucket};
use volkshuis_store::signalering::partners::add_referral_partner;
use volkshuis_store::signalering::signals::{self, Contact, InboxFilter};
use volkshuis_store::signalering::soft::{self, NewSoft, PartnerStep};
use volkshuis_store::signalering::{ledger, PersonalScope, Purpose};
use volkshuis_store::Db;

const GM: &str = "beleid@voorbeeldstad.test";
const WOONSTAD_STAFF: &str = "medewerker@woonstad.test";
const WOONSTAD_ADMIN: &str = "admin@woonstad.test";
const WIJKTEAM: &str = "coordinator@wijkteam.test";

const FIRST_NAMES: [&str; 12] =
    ["Anouk", "Bilal", "Chantal", "Dennis", "Esther", "Fatma", "Gerrit", "Hanneke", "Ivo", "Jamila", "Kees", "Lotte"];
const SURNAMES: [&str; 10] =
    ["Bakker", "Yildiz", "de Jong", "Mulder", "van Leeuwen", "Boukhari", "Smits", "de Wit", "Kramer", "Hoekstra"];

/// The organisations the demo's signals pass between.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sides {
    /// Woonstad Voorbeeld, the landlord.
    pub(crate) corporation: i64,
    /// Gemeente Voorbeeldstad.
    pub(crate) municipality: i64,
    /// Wijkteam Centrum.
    pub(crate) wijkteam: i64,
}

/// The kind of household a ledger row is, so the mix is realistic and every verdict shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Complete,
    Objected,
    ArrangementKept,
    NotPointed,
    TooSoon,
    NoOffer,
}

/// The mix, row by row: seven in twelve meet every condition, and each reason not to signal comes round.
const MIX: [Case; 12] = [
    Case::Complete,
    Case::Objected,
    Case::Complete,
    Case::ArrangementKept,
    Case::Complete,
    Case::NotPointed,
    Case::Complete,
    Case::TooSoon,
    Case::Complete,
    Case::NoOffer,
    Case::Complete,
    Case::Complete,
];

/// A household of the ledger decided on `day`, for a unit of the stock.
fn household(rng: &mut Rng, line: u64, unit: &DemoUnit, day: Date) -> Household {
    let case = MIX[line as usize % MIX.len()];
    let name = format!(
        "{} {}",
        FIRST_NAMES[rng.between(0, FIRST_NAMES.len() as u32 - 1) as usize],
        SURNAMES[rng.between(0, SURNAMES.len() as u32 - 1) as usize]
    );
    // The arrears arose before the first reminder (at most 59 days before the day): a reminder from before them
    // would be about other arrears and count for nothing.
    let since = day - Duration::days(i64::from(rng.between(60, 220)));
    let offer = match case {
        Case::TooSoon => day - Duration::days(i64::from(rng.between(3, 20))),
        _ => day - Duration::days(i64::from(rng.between(35, 45))),
    };
    let reminder = offer - Duration::days(14);
    let phone = rng.chance(0.7).then(|| format!("06{:08}", rng.between(10_000_000, 99_999_999)));
    Household {
        line,
        contract: format!("HC{}", unit.id_extern),
        unit: unit.id_extern.clone(),
        phone,
        email: rng.chance(0.4).then(|| format!("{}@example.nl", name.to_lowercase().replace(' ', "."))),
        name,
        amount: Money::from_cents(i64::from(rng.between(35, 2_400)) * 100 + i64::from(rng.between(0, 99))),
        arrears_since: since,
        reminder_on: Some(reminder),
        offer_on: (case != Case::NoOffer).then_some(offer),
        contact_on: Some(reminder + Duration::days(5)),
        // A letter is no attempt at personal contact; the demo's households were called or visited.
        contact_kind: Some([ContactKind::Phone, ContactKind::Visit][rng.between(0, 1) as usize]),
        contact_reached: rng.chance(0.4),
        debt_help_pointed: case != Case::NotPointed,
        objection: case == Case::Objected,
        arrangement: if case == Case::ArrangementKept { Arrangement::Kept } else { Arrangement::None },
    }
}

/// Brings in a ledger and sends it, as staff do after checking what it will send.
async fn bring_in(
    db: &Db,
    corporation: &volkshuis_domain::access::WriteScope,
    actor: &volkshuis_store::audit::Actor,
    file_name: &str,
    households: &[Household],
    day: Date,
) -> anyhow::Result<()> {
    let id = ledger::import_ledger(db, corporation, actor, file_name, households, day)
        .await?
        .map_err(|e| anyhow::anyhow!("demo ledger refused: {e:?}"))?;
    ledger::send_ledger(db, corporation, actor, id, day).await?.map_err(|e| anyhow::anyhow!("not sent: {e:?}"))?;
    Ok(())
}

/// Last month's and this month's ledgers with the steps taken on them.
pub(super) async fn seed_signalering(
    db: &Db,
    sides: Sides,
    stock: &[DemoUnit],
    timeline: &Timeline,
) -> anyhow::Result<()> {
    let mut rng = Rng::new(20_261_204);
    let municipality = seed_scope(sides.municipality);
    let corporation = seed_scope(sides.corporation);
    let set_up = timeline.days_ago(60);
    let buckets_made = [
        (
            "Onder €50",
            Criteria { below_amount: Some(Money::from_cents(5_000)), ..Criteria::default() },
            BucketAction::NoAction,
        ),
        ("Meerdere schuldeisers", Criteria { several_creditors: true, ..Criteria::default() }, BucketAction::HomeVisit),
        (
            "Hoog bedrag",
            Criteria { min_amount: Some(Money::from_cents(100_000)), ..Criteria::default() },
            BucketAction::HomeVisit,
        ),
        (
            "Overig",
            Criteria { min_amount: Some(Money::from_cents(5_000)), ..Criteria::default() },
            BucketAction::Letter,
        ),
    ];
    for (name, criteria, action) in buckets_made {
        let new = NewBucket { name: name.to_owned(), criteria, action };
        buckets::add_bucket(db, &municipality, &timeline.by(GM, set_up, 10), &new, set_up).await?;
    }

    // Every 30th dwelling has arrears at some time: about 65 households over the two months.
    let dwellings: Vec<&DemoUnit> = stock.iter().filter(|u| u.is_dwelling()).step_by(30).collect();
    let (earlier, later) = dwellings.split_at(dwellings.len() / 2);
    let first_day = timeline.days_ago(33);
    let first: Vec<Household> =
        earlier.iter().enumerate().map(|(i, u)| household(&mut rng, i as u64 + 2, u, first_day)).collect();
    let actor = timeline.by(WOONSTAD_STAFF, first_day, 9);
    bring_in(db, &corporation, &actor, "grootboek-vorige-maand.csv", &first, first_day).await?;

    // The municipality works last month's signals: contact attempts, then a result on most.
    let outreach = PersonalScope::new(&municipality, Purpose::Outreach);
    let inbox =
        signals::inbox(db, &outreach, &timeline.by(GM, timeline.days_ago(30), 9), InboxFilter::Open, 0, 500).await?;
    let results = [
        Outcome::PaymentArrangement,
        Outcome::ReferredOn,
        Outcome::NoContact,
        Outcome::ArrangedThemselves,
        Outcome::AlreadyInDebtHelp,
        Outcome::Repeated,
        Outcome::NotResident,
        Outcome::PickedUp,
    ];
    for (i, signal) in inbox.iter().enumerate() {
        let day = timeline.days_ago(28 - (i as i64 % 20));
        let kind = [OutreachKind::Letter, OutreachKind::HomeVisit, OutreachKind::Phone][i % 3];
        let contact = Contact {
            kind,
            reached: i % 4 != 0,
            on: day,
            part_of_day: [PartOfDay::Morning, PartOfDay::Evening, PartOfDay::Afternoon][i % 3],
            recorded_by: String::new(),
        };
        let by = timeline.by(GM, day, 14);
        let _ = signals::add_contact(db, &municipality, &by, signal.id, &contact).await?;
        if i % 5 != 4 {
            let outcome = results[i % results.len()];
            let on = day + Duration::days(2);
            signals::record_outcome(db, &municipality, &timeline.by(GM, on, 11), signal.id, outcome, on)
                .await?
                .map_err(|e| anyhow::anyhow!("demo result refused: {e:?}"))?;
        }
    }
    // Woonstad pauses collection for a household in an arrangement, and records an eviction prevented.
    if let Some(first_picked) = inbox.first() {
        let day = timeline.days_ago(20);
        let by = timeline.by(WOONSTAD_STAFF, day, 10);
        let _ = signals::set_collection_paused(db, &corporation, &by, first_picked.id, true, day).await?;
        signals::record_eviction(db, &corporation, &by, first_picked.id, true, day).await?;
    }

    // This month's ledger: a third of last month's households paid up (their arrears count as resolved), the rest
    // are still in arrears, and new households join.
    let this_day = timeline.days_ago(2);
    let mut second: Vec<Household> = Vec::new();
    for (i, household) in first.iter().enumerate() {
        if i % 3 != 0 {
            second.push(Household { line: second.len() as u64 + 2, ..household.clone() });
        }
    }
    for unit in later {
        let line = second.len() as u64 + 2;
        second.push(household(&mut rng, line, unit, this_day));
    }
    let actor = timeline.by(WOONSTAD_STAFF, this_day, 9);
    bring_in(db, &corporation, &actor, "grootboek-deze-maand.csv", &second, this_day).await?;

    seed_soft(db, sides, stock, timeline).await
}

/// Three soft signals: one kept internal, one referred and accepted, one closed with the partner's report. The
/// corporation refers to the wijkteam only (its one referral partner; the Werkgeversservicepunt is not one).
async fn seed_soft(db: &Db, sides: Sides, stock: &[DemoUnit], timeline: &Timeline) -> anyhow::Result<()> {
    let corporation = seed_scope(sides.corporation);
    let wijkteam = seed_scope(sides.wijkteam);
    let listed = timeline.by(WOONSTAD_ADMIN, timeline.days_ago(40), 9);
    add_referral_partner(db, &corporation, &listed, sides.wijkteam).await?;
    let unit_of = |i: usize| stock.iter().filter(|u| u.is_dwelling()).nth(i).map(|u| u.id_extern.clone());
    let notes = [
        (
            SoftKind::Loneliness,
            "Bewoner 2e verdieping",
            "Komt de deur nauwelijks uit sinds het overlijden van haar man; de buren maken zich zorgen.",
        ),
        (
            SoftKind::Neglect,
            "Bewoner begane grond",
            "Tuin en galerij vol afval; bij het reparatieverzoek bleek de woning sterk vervuild.",
        ),
        (
            SoftKind::DebtsSuspected,
            "Gezin op nummer 14",
            "Post stapelt zich op, brieven van een incassobureau in de hal.",
        ),
    ];
    for (i, (kind, household, note)) in notes.into_iter().enumerate() {
        let day = timeline.days_ago(25 - i as i64 * 8);
        let by = timeline.by(WOONSTAD_STAFF, day, 11);
        let unit_id = match unit_of(10 + i * 7) {
            Some(id_extern) => volkshuis_store::stock::unit_id_by_extern(db, &corporation, &id_extern).await?,
            None => None,
        };
        let new = NewSoft { unit_id, household: household.to_owned(), kind, note: note.to_owned() };
        let Some(id) = soft::record_soft(db, &corporation, &by, &new, day).await? else { continue };
        if i == 0 {
            continue;
        }
        let _ = soft::refer(db, &corporation, &by, (id, sides.wijkteam), true, day).await?;
        let answered = day + Duration::days(2);
        let partner = timeline.by(WIJKTEAM, answered, 10);
        let _ = soft::partner_step(db, &wijkteam, &partner, id, &PartnerStep::Accept, answered).await?;
        if i == 2 {
            let closed = day + Duration::days(9);
            let report = PartnerStep::Close("Huisbezoek gedaan; gezin aangemeld bij schuldhulpverlening.".to_owned());
            let _ = soft::partner_step(db, &wijkteam, &timeline.by(WIJKTEAM, closed, 15), id, &report, closed).await?;
        }
    }
    Ok(())
}
