//! Demo Nazorg: Woonstad sold six homes to their tenants in two mixed complexes, where it still rents out the rest —
//! gallery flats in Deventer (De Vlinderhof), whose owners' association is in order, and 1960s portiekflats in
//! Zutphen (Hanzehof), whose association reserves too little and has no maintenance plan.
//!
//! The sales show each part of the aftercare: a recent Koopgarant sale (20% off, the owner shares 70% of a change in
//! value) with its talk before the sale, the buyer's consent and a koopcoach from Wijkteam Centrum keeping a log; an
//! older Koopgarant contract with its own share (50%) whose checks were all done; a sale whose three-year check is
//! overdue; one whose three-year check found payment problems and led to follow-up actions; a vote of the
//! corporation in the Vlinderhof's meeting that cites its tenants' advice. Sales before the corporation came on the
//! platform were entered when it did. The names are invented; any likeness is chance.

use crate::history::Timeline;
use crate::portfolio::DemoUnit;
use crate::seed_scope;
use time::{Date, Duration};
use volkshuis_domain::access::{self, Edit, Membership, Role, WriteScope};
use volkshuis_domain::nazorg::checks::{CheckAnswers, Maintenance, VveParticipation, DEFAULT_CHECK_YEARS};
use volkshuis_domain::nazorg::sale::{discounted_price_cents, SaleCondition, SaleTerms, ValueKind};
use volkshuis_domain::nazorg::vve::Mjop;
use volkshuis_store::audit::Actor;
use volkshuis_store::nazorg::checks::{self, NewAction};
use volkshuis_store::nazorg::sales::{self, NewLogEntry, NewSale};
use volkshuis_store::nazorg::talks::{self, NewTalk};
use volkshuis_store::nazorg::vves::{self, NewVote, VveInput};
use volkshuis_store::nazorg::BuyerScope;
use volkshuis_store::partner_lists::{self, PartnerList};
use volkshuis_store::Db;

const STAFF: &str = "medewerker@woonstad.test";
const ADMIN: &str = "admin@woonstad.test";
/// The koopcoach: Wijkteam Centrum's coordinator, a partner organisation's staff member.
const COACH: &str = "coordinator@wijkteam.test";
const COACH_LABEL: &str = "Hanna Visser (Wijkteam Centrum)";

/// The mixed complex whose VvE is healthy.
const HEALTHY: &str = "De Vlinderhof";
/// The mixed complex whose VvE reserves less than the legal minimum.
const SHORT: &str = "Hanzehof";

/// The organisations of the aftercare.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parties {
    /// Woonstad Voorbeeld, the seller.
    pub(crate) corporation: i64,
    /// Wijkteam Centrum, whose coordinator is the koopcoach.
    pub(crate) coach_org: i64,
}

/// A sale of the demo: which home, when, to whom, on what terms.
struct Planned {
    complex: &'static str,
    /// Which of the complex's free dwellings (spread over the building).
    pick: usize,
    /// Sold on the first of the month this many months ago, plus `day` − 1 days.
    months_ago: i32,
    day: i64,
    buyer: &'static str,
    value_cents: i64,
    kind: ValueKind,
    /// `None`: a plain sale at `price_cents`; else (condition, discount, owner's share), priced by the discount.
    condition: Option<(SaleCondition, u32, u32)>,
    price_cents: i64,
}

const PLANNED: [Planned; 6] = [
    // The recent Koopgarant sale: talk, consent, koopcoach.
    Planned {
        complex: HEALTHY,
        pick: 0,
        months_ago: 8,
        day: 15,
        buyer: "Samira El Idrissi",
        value_cents: 21_500_000,
        kind: ValueKind::Appraisal,
        condition: Some((SaleCondition::Koopgarant, 2_000, 7_000)),
        price_cents: 0,
    },
    // Sold three years and five months ago: the three-year check is overdue.
    Planned {
        complex: HEALTHY,
        pick: 1,
        months_ago: 41,
        day: 12,
        buyer: "Joost van der Veen",
        value_cents: 18_900_000,
        kind: ValueKind::Woz,
        condition: None,
        price_cents: 18_650_000,
    },
    // An older Koopgarant contract: 25% off, the owner's share 50% (today's table would give 62.5%).
    Planned {
        complex: HEALTHY,
        pick: 2,
        months_ago: 98,
        day: 1,
        buyer: "Ria en Henk Brouwer",
        value_cents: 14_200_000,
        kind: ValueKind::Appraisal,
        condition: Some((SaleCondition::Koopgarant, 2_500, 5_000)),
        price_cents: 0,
    },
    // The three-year check found payment problems: follow-up actions and the koopcoach.
    Planned {
        complex: SHORT,
        pick: 0,
        months_ago: 43,
        day: 9,
        buyer: "Patrick Wolters",
        value_cents: 15_500_000,
        kind: ValueKind::Woz,
        condition: None,
        price_cents: 15_200_000,
    },
    Planned {
        complex: SHORT,
        pick: 1,
        months_ago: 24,
        day: 20,
        buyer: "Aylin Kaya",
        value_cents: 14_900_000,
        kind: ValueKind::Woz,
        condition: None,
        price_cents: 14_750_000,
    },
    // The corporation's own scheme: 10% off with a buy-back obligation, the owner's share 80%.
    Planned {
        complex: SHORT,
        pick: 2,
        months_ago: 14,
        day: 3,
        buyer: "Mirjam de Groot",
        value_cents: 15_100_000,
        kind: ValueKind::Appraisal,
        condition: Some((SaleCondition::OtherDiscount, 1_000, 8_000)),
        price_cents: 0,
    },
];

/// The dwellings of `complex` no other part of the demo uses: Signalering's ledgers take every 30th dwelling of the
/// stock and its soft signals the 10th, 17th and 24th, and a sold home has no tenant in arrears.
fn free_dwellings<'a>(stock: &'a [DemoUnit], complex: &str) -> Vec<&'a DemoUnit> {
    stock
        .iter()
        .filter(|u| u.is_dwelling())
        .enumerate()
        .filter(|(i, u)| i % 30 != 0 && ![10, 17, 24].contains(i) && u.plan().name == complex)
        .map(|(_, u)| u)
        .collect()
}

/// The day `months` months before the seed day's month began, plus `day` − 1 days.
fn day_of(timeline: &Timeline, months: i32, day: i64) -> Date {
    timeline.first_of_month_ago(months) + Duration::days(day - 1)
}

/// Woonstad's staff acting on `day`; before the corporation came on the platform, its administrator entering the
/// history on the day it did.
fn entered(timeline: &Timeline, day: Date, hour: u8) -> Actor {
    let joined = timeline.first_of_month_ago(25);
    if day < joined {
        timeline.by(ADMIN, joined, 14)
    } else {
        timeline.by(STAFF, day, hour)
    }
}

/// The sales, their talk, coach, checks and actions, the two VvE's and a vote.
pub(super) async fn seed_nazorg(
    db: &Db,
    parties: Parties,
    stock: &[DemoUnit],
    timeline: &Timeline,
) -> anyhow::Result<()> {
    let corporation = seed_scope(parties.corporation);
    let mut sold = Vec::new();
    for planned in &PLANNED {
        let free = free_dwellings(stock, planned.complex);
        let home = free.get(planned.pick * 9).ok_or_else(|| anyhow::anyhow!("demo: {} too small", planned.complex))?;
        let unit_id = volkshuis_store::stock::unit_id_by_extern(db, &corporation, &home.id_extern)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo unit {} missing", home.id_extern))?;
        let sold_on = day_of(timeline, planned.months_ago, planned.day);
        let (condition, discount_bp, owner_share_bp, price_cents) = match planned.condition {
            Some((condition, discount, share)) => {
                (condition, Some(discount), Some(share), discounted_price_cents(planned.value_cents, discount))
            }
            None => (SaleCondition::None, None, None, planned.price_cents),
        };
        let terms = SaleTerms { price_cents, value_cents: planned.value_cents, condition, discount_bp, owner_share_bp };
        anyhow::ensure!(terms.problems().is_empty(), "demo sale terms: {:?}", terms.problems());
        let new = NewSale {
            unit_id,
            sold_on,
            price_cents,
            value_cents: planned.value_cents,
            value_kind: planned.kind,
            condition,
            discount_bp,
            owner_share_bp,
            buyer_name: planned.buyer.to_owned(),
            buyer_email: Some(format!("{}@example.nl", planned.buyer.to_lowercase().replace(' ', "."))),
            buyer_phone: None,
        };
        let (id, checks) =
            sales::record_sale(db, &corporation, &entered(timeline, sold_on, 10), &new, &DEFAULT_CHECK_YEARS)
                .await?
                .map_err(|e| anyhow::anyhow!("demo sale refused: {e:?}"))?;
        sold.push((id, sold_on, checks, home.rent));
    }
    let coach = Coach::new(parties.coach_org, timeline)?;

    // The recent Koopgarant sale: the talk two months before, with the platform's checklist; then the koopcoach.
    let (recent, recent_on, _, rent) = &sold[0];
    let held_on = *recent_on - Duration::days(63);
    let talk = NewTalk {
        version: 0,
        held_on,
        answers: [
            "Begroting van de koper naast de huur gelegd; het verschil past met twee inkomens, ook bij een hogere rente.",
            "Binnenonderhoud, de voordeur en de eigen installaties zijn voor de koper; zij reserveert € 75 per maand.",
            "VvE-bijdrage € 142 per maand, waarvan € 96 naar het reservefonds volgens het MJOP; notulen meegegeven.",
            "Opstal loopt via de VvE; inboedel en aansprakelijkheid regelt de koper zelf.",
            "Koopgarant uitgelegd: Woonstad koopt terug, 70% van een waardestijging of -daling is voor de koper; \
             rekenvoorbeeld meegegeven.",
        ]
        .map(str::to_owned)
        .into(),
        owning_monthly_cents: 98_500,
        rent_monthly_cents: i64::from(*rent),
        consent: true,
    };
    talks::record_talk(db, &corporation, &timeline.by(STAFF, held_on, 15), *recent, &talk)
        .await?
        .map_err(|e| anyhow::anyhow!("demo talk refused: {e:?}"))?;
    coach.assign(db, &corporation, timeline, *recent, *recent_on + Duration::days(14)).await?;
    let visits = [
        (30, "huisbezoek", "Kennismaking; de eerste maanden als eigenaar doorgenomen", Some("Budget samen nalopen")),
        (120, "telefoon", "Vraag over de VvE-bijdrage en wat het reservefonds betaalt", None),
    ];
    for (after, contact, topic, follow_up) in visits {
        coach.log(db, timeline, *recent, entry(*recent_on + Duration::days(after), contact, topic, follow_up)).await?;
    }

    // The older contract: both checks done, on time and without concern.
    let (_, _, old_checks, _) = &sold[2];
    let fine = CheckAnswers {
        maintenance: Maintenance::Good,
        payment_problems: false,
        vve_participation: VveParticipation::Active,
        wish_to_sell_back: false,
    };
    for (check, _, due) in old_checks {
        let done = *due - Duration::days(12);
        let note = Some("Woning goed onderhouden; koper zit in de kascommissie van de VvE.");
        let by = entered(timeline, done, 11);
        anyhow::ensure!(checks::record_check(db, &corporation, &by, *check, done, &fine, note).await?, "demo check");
    }

    // The three-year check that found payment problems, its actions (one done, one open) and the coach's help.
    let (trouble, trouble_on, trouble_checks, _) = &sold[3];
    let (check, _, due) = trouble_checks[0];
    let done = due - Duration::days(20);
    let answers = CheckAnswers { payment_problems: true, maintenance: Maintenance::Fair, ..fine };
    let note = Some("Drie maanden achter met de VvE-bijdrage na baanverlies; de koper wil de woning houden.");
    let by = timeline.by(STAFF, done, 11);
    anyhow::ensure!(checks::record_check(db, &corporation, &by, check, done, &answers, note).await?, "demo check");
    let actions = [
        (
            "Koopcoach inschakelen: budgetgesprek en betalingsregeling met de VvE",
            COACH_LABEL,
            done + Duration::days(14),
        ),
        (
            "Schilderwerk kozijnen achterzijde: offerte samen met de koper bekijken",
            "Bram Jansen",
            timeline.today + Duration::days(21),
        ),
    ];
    for (description, owner, by_day) in actions {
        let action = NewAction { description: description.to_owned(), owner: owner.to_owned(), due_on: by_day };
        anyhow::ensure!(checks::add_action(db, &corporation, &by, check, &action).await?, "demo action");
    }
    // A koopcoach is assigned only to a buyer who consented to aftercare in the talk before the sale.
    let list = talks::checklist(db, corporation.as_read()).await?;
    let consented = NewTalk {
        version: list.version,
        held_on: *trouble_on - Duration::days(40),
        answers: vec!["Besproken.".to_owned(); list.items.len()],
        owning_monthly_cents: 91_000,
        rent_monthly_cents: 71_000,
        consent: true,
    };
    talks::record_talk(db, &corporation, &timeline.by(STAFF, consented.held_on, 11), *trouble, &consented)
        .await?
        .map_err(|e| anyhow::anyhow!("demo talk refused: {e:?}"))?;
    coach.assign(db, &corporation, timeline, *trouble, done + Duration::days(2)).await?;
    let talked = done + Duration::days(9);
    let topic = "Budgetgesprek; met de VvE-beheerder een regeling van zes maanden afgesproken";
    coach.log(db, timeline, *trouble, entry(talked, "huisbezoek", topic, Some("Over drie maanden nabellen"))).await?;
    let first_action = checks::checks_of(db, &BuyerScope::sales_staff(&corporation), *trouble)
        .await?
        .and_then(|list| list.into_iter().next())
        .and_then(|check| check.actions.into_iter().find(|a| a.owner == COACH_LABEL))
        .ok_or_else(|| anyhow::anyhow!("demo action missing"))?;
    let closed = done + Duration::days(11);
    let by = timeline.by(STAFF, closed, 16);
    anyhow::ensure!(checks::action_done(db, &corporation, &by, first_action.id, closed).await?, "demo action done");

    seed_vves(db, &corporation, stock, timeline).await
}

/// A line of the koopcoach's log.
fn entry(on_date: Date, contact: &str, topic: &str, follow_up: Option<&str>) -> NewLogEntry {
    NewLogEntry {
        on_date,
        contact: contact.to_owned(),
        topic: topic.to_owned(),
        follow_up: follow_up.map(str::to_owned),
    }
}

/// The koopcoach, acting through a scope granted on her membership of the partner organisation.
struct Coach {
    org: i64,
    user: i64,
    scope: WriteScope,
}

impl Coach {
    fn new(org: i64, timeline: &Timeline) -> anyhow::Result<Self> {
        let user = timeline.by(COACH, timeline.today, 9).user_id.ok_or_else(|| anyhow::anyhow!("demo coach"))?;
        let member = Membership { user_id: user, org_id: org, role: Role::Staff };
        let scope = access::grant(org, Some(member), Edit).map_err(|e| anyhow::anyhow!("demo coach: {e}"))?;
        Ok(Self { org, user, scope })
    }

    async fn assign(
        &self,
        db: &Db,
        corporation: &WriteScope,
        timeline: &Timeline,
        sale: i64,
        on: Date,
    ) -> anyhow::Result<()> {
        // The corporation's administrator put the wijkteam on its koopcoach list a week before (ADR 0071).
        let listed = timeline.by(ADMIN, on - Duration::days(7), 9);
        partner_lists::add(db, PartnerList::Koopcoach, corporation, &listed, self.org).await?;
        let by = timeline.by(STAFF, on, 10);
        anyhow::ensure!(sales::assign_coach(db, corporation, &by, sale, Some((self.org, self.user))).await?, "coach");
        Ok(())
    }

    async fn log(&self, db: &Db, timeline: &Timeline, sale: i64, entry: NewLogEntry) -> anyhow::Result<()> {
        let by = timeline.by(COACH, entry.on_date, 17);
        anyhow::ensure!(sales::add_log(db, &BuyerScope::coach(&self.scope), &by, sale, &entry).await?, "coach log");
        Ok(())
    }
}

/// The two VvE's: the Vlinderhof's in order (a valid MJOP, a meeting ten days ago with minutes, registered, the
/// corporation majority owner and manager with its conflict of interest on record), the Hanzehof's reserving under
/// 0.5% of the rebuild value without a plan; and the corporation's vote at the Vlinderhof's meeting.
async fn seed_vves(db: &Db, corporation: &WriteScope, stock: &[DemoUnit], timeline: &Timeline) -> anyhow::Result<()> {
    let homes = |complex: &str| stock.iter().filter(|u| u.plan().name == complex && u.is_dwelling()).count() as u32;
    let cluster = |complex: &'static str| async move {
        let code = stock.iter().find(|u| u.plan().name == complex).map(|u| crate::portfolio::complex_code(u.complex));
        let clusters = volkshuis_store::stock::clusters(db, corporation).await?;
        clusters
            .into_iter()
            .find(|c| Some(&c.code) == code.as_ref())
            .map(|c| c.id)
            .ok_or_else(|| anyhow::anyhow!("demo complex {complex} missing"))
    };
    let sold_in = |complex: &str| PLANNED.iter().filter(|p| p.complex == complex).count() as u32;
    let meeting = timeline.days_ago(10);
    let (vlinderhof, hanzehof) = (homes(HEALTHY), homes(SHORT));
    let healthy = VveInput {
        cluster_id: Some(cluster(HEALTHY).await?),
        name: "VvE De Vlinderhof".to_owned(),
        kvk: Some("58213476".to_owned()),
        votes_corporation: vlinderhof - sold_in(HEALTHY),
        votes_total: vlinderhof,
        is_manager: true,
        rebuild_value_cents: Some(i64::from(vlinderhof) * 13_500_000),
        yearly_reserve_cents: Some(4_800_000),
        mjop: Some(Mjop {
            adopted_on: day_of(timeline, 20, 18),
            horizon_years: 15,
            yearly_reservation_cents: 4_600_000,
        }),
        last_meeting_on: Some(meeting),
        minutes: Some("Notulen ledenvergadering; vastgesteld en aan alle eigenaren gestuurd.".to_owned()),
        conflict_disclosed_on: Some(day_of(timeline, 25, 20)),
        conflict_abstentions: Some(
            "Woonstad onthoudt zich bij de benoeming en decharge van de beheerder en bij opdrachten aan zichzelf."
                .to_owned(),
        ),
    };
    let short = VveInput {
        cluster_id: Some(cluster(SHORT).await?),
        name: "VvE Hanzehof".to_owned(),
        kvk: Some("08154711".to_owned()),
        votes_corporation: hanzehof - sold_in(SHORT),
        votes_total: hanzehof,
        is_manager: false,
        // € 95.000 a home to rebuild: the minimum is € 475 a home a year; the VvE reserves about € 190.
        rebuild_value_cents: Some(i64::from(hanzehof) * 9_500_000),
        yearly_reserve_cents: Some(i64::from(hanzehof) * 19_000),
        mjop: None,
        last_meeting_on: Some(day_of(timeline, 10, 14)),
        minutes: Some("Notulen ledenvergadering bij de externe beheerder.".to_owned()),
        conflict_disclosed_on: None,
        conflict_abstentions: None,
    };
    // Registered when the corporation came on the platform (with what was known then), kept up since.
    let registered = timeline.by(ADMIN, timeline.first_of_month_ago(24), 11);
    let before = VveInput { last_meeting_on: Some(day_of(timeline, 26, 10)), mjop: None, ..healthy.clone() };
    let id = vves::save_vve(db, corporation, &registered, None, &before).await?;
    let id = id.ok_or_else(|| anyhow::anyhow!("demo VvE"))?;
    vves::save_vve(db, corporation, &registered, None, &short).await?.ok_or_else(|| anyhow::anyhow!("demo VvE"))?;
    let saved = vves::save_vve(db, corporation, &timeline.by(STAFF, meeting, 16), Some(id), &healthy).await?;
    anyhow::ensure!(saved == Some(id), "demo VvE update");

    // The tenants' advice on housing costs, answered 17 days ago, is what the corporation cites.
    let cases = vves::citeable_cases(db, corporation, id).await?;
    let cited = cases.iter().find(|(_, title, _)| title.starts_with("Huurbeleid")).or(cases.first()).map(|c| c.0);
    let vote = NewVote {
        meeting_on: meeting,
        subject: format!("Verhoging van de VvE-bijdrage per 1 januari {} met 6%", timeline.today.year() + 1),
        vote: "tegen".to_owned(),
        cited_case_id: cited,
        note: Some(
            "De huurdersvereniging adviseerde de woonlasten niet sneller te laten stijgen dan de inflatie; het MJOP \
             vraagt 3%. Woonstad steunde het tegenvoorstel van 3%, dat werd aangenomen."
                .to_owned(),
        ),
    };
    anyhow::ensure!(vves::record_vote(db, corporation, &timeline.by(STAFF, meeting, 21), id, &vote).await?, "vote");
    Ok(())
}
