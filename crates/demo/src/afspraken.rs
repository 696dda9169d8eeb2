//! Demo prestatieafspraken for Deventer (GM0150), between Gemeente Voorbeeldstad, Woonstad and its two tenant
//! organisations: this year's agreements, signed last December and followed with actuals, and next year's, in
//! negotiation on Woonstad's bid.
//!
//! Every step goes through the store as a party would take it (opening, the phases, the bid, the signatures, the
//! actuals), dated back from the seed day, so the cycles' timelines are the real audit trail. The texts name the
//! demo's own complexes with the counts the stock holds, and the computed commitments take their figures from it.

use crate::history::Timeline;
use crate::portfolio::facts::{self, ComplexFacts};
use crate::seed_scope;
use time::{Date, Duration, Month};
use volkshuis_domain::afspraken::{ComputedSource, Phase, Theme};
use volkshuis_store::afspraken::{self as pa, Activity, BidText, NewActual, NewCommitment, NewCycle, NoteKind};
use volkshuis_store::Db;

/// The gemeente of the demo's agreements.
const GEMEENTE: &str = "GM0150";
/// Who acts for each party: the municipality's policy officer, Woonstad's administrator and its staff member, and
/// the two tenant organisations' volunteers (who act in the evening).
const GM: &str = "beleid@voorbeeldstad.test";
const WOONSTAD: &str = "admin@woonstad.test";
const WOONSTAD_STAFF: &str = "medewerker@woonstad.test";
const SLEUTEL: &str = "bestuur@desleutel.test";
const NOORD: &str = "secretaris@bewonersraadnoord.test";

/// The demo organisations that are the parties.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parties {
    /// Gemeente Voorbeeldstad, the lead.
    pub(crate) municipality: i64,
    /// Woonstad Voorbeeld.
    pub(crate) corporation: i64,
    /// Huurdersvereniging De Sleutel.
    pub(crate) sleutel: i64,
    /// Bewonersraad Noord.
    pub(crate) noord: i64,
}

impl Parties {
    fn all(&self) -> [i64; 4] {
        [self.municipality, self.corporation, self.sleutel, self.noord]
    }

    /// The demo user acting for `org`, and the hour they act at (volunteers after dinner).
    fn person(&self, org: i64) -> (&'static str, u8) {
        if org == self.corporation {
            (WOONSTAD, 11)
        } else if org == self.sleutel {
            (SLEUTEL, 20)
        } else if org == self.noord {
            (NOORD, 20)
        } else {
            (GM, 10)
        }
    }
}

/// This year's cycle in monitoring and next year's in negotiation.
pub(super) async fn seed_afspraken(
    db: &Db,
    parties: Parties,
    complexes: &[ComplexFacts],
    timeline: &Timeline,
) -> anyhow::Result<()> {
    let year = timeline.today.year();
    signed_cycle(db, parties, complexes, timeline, year).await?;
    negotiating_cycle(db, parties, complexes, timeline, year + 1).await?;
    Ok(())
}

fn day(year: i32, month: Month, day: u8) -> anyhow::Result<Date> {
    Ok(Date::from_calendar_date(year, month, day)?)
}

/// One write step of a party, in its own transaction, by its demo user on `on`.
macro_rules! step {
    ($db:expr, $timeline:expr, $parties:expr, $org:expr, $on:expr,
     |$tx:ident, $scope:ident, $actor:ident| $call:expr) => {{
        let (email, hour) = $parties.person($org);
        let $actor = $timeline.by(email, $on, hour);
        let $scope = seed_scope($org);
        let mut $tx = $db.begin().await?;
        let answer = $call.await?;
        $tx.commit().await?;
        answer
    }};
}

async fn open(db: &Db, parties: Parties, timeline: &Timeline, year: i32, on: Date) -> anyhow::Result<i64> {
    let new = NewCycle {
        gemeente_code: GEMEENTE.to_owned(),
        first_year: year,
        last_year: year,
        title: format!("Prestatieafspraken Voorbeeldstad {year}"),
        party_ids: vec![parties.corporation, parties.sleutel, parties.noord],
    };
    Ok(step!(db, timeline, parties, parties.municipality, on, |tx, scope, actor| pa::open_cycle(
        &mut tx, &scope, &actor, &new, on
    )))
}

async fn move_to(
    db: &Db,
    parties: Parties,
    timeline: &Timeline,
    cycle: i64,
    to: Phase,
    on: Date,
) -> anyhow::Result<()> {
    let moved = step!(db, timeline, parties, parties.municipality, on, |tx, scope, actor| pa::move_phase(
        &mut tx, &scope, &actor, cycle, to, on
    ));
    anyhow::ensure!(moved == pa::PhaseMove::Moved, "demo cycle {cycle} did not move to {to:?}: {moved:?}");
    Ok(())
}

/// When Woonstad wrote its bid, when its board approved it and when it was sent.
#[derive(Debug, Clone, Copy)]
struct BidDates {
    written: Date,
    approved: Date,
    sent: Date,
}

/// Woonstad writes its bid with its activities, has it approved by its board and sends it.
async fn send_bid(
    db: &Db,
    parties: Parties,
    timeline: &Timeline,
    cycle: i64,
    body: String,
    activities: &[Activity],
    dates: BidDates,
) -> anyhow::Result<()> {
    let corporation = parties.corporation;
    let staff = timeline.by(WOONSTAD_STAFF, dates.written, 14);
    let scope = seed_scope(corporation);
    let mut tx = db.begin().await?;
    let draft = BidText { body, board_approved_on: None };
    anyhow::ensure!(pa::save_bid(&mut tx, &scope, &staff, cycle, &draft).await?, "demo bid locked");
    for activity in activities {
        pa::add_activity(&mut tx, &scope, &staff, cycle, activity).await?;
    }
    tx.commit().await?;
    let approved = BidText { board_approved_on: Some(dates.approved), ..draft };
    step!(db, timeline, parties, corporation, dates.approved, |tx, scope, actor| pa::save_bid(
        &mut tx, &scope, &actor, cycle, &approved
    ));
    let sent = step!(db, timeline, parties, corporation, dates.sent, |tx, scope, actor| pa::send_bid(
        &mut tx, &scope, &actor, cycle, dates.sent
    ));
    sent.map_err(|refusal| anyhow::anyhow!("demo bid not sent: {refusal:?}"))
}

fn activity(theme: Theme, description: String, unit: &str, year: i32, amount: u32) -> Activity {
    Activity { id: 0, theme, description, unit: unit.to_owned(), year, amount: f64::from(amount) }
}

/// A commitment of the demo with what is reported on it.
struct Planned {
    /// The party that proposed it in the talks.
    by: i64,
    new: NewCommitment,
    /// Last year's figure, as reported when the agreements were signed.
    last_year: Option<f64>,
    /// The figure reported after each of the first three quarters of the agreement year (so far in the year).
    quarters: [Option<f64>; 3],
    /// Where the figures come from and what backs them.
    source: String,
    evidence: String,
}

fn commitment(
    theme: Theme,
    body: String,
    unit: &str,
    (baseline, target): (f64, f64),
    owner: Option<i64>,
    year: i32,
) -> NewCommitment {
    NewCommitment {
        theme,
        body,
        unit: unit.to_owned(),
        baseline: Some(baseline),
        owner_id: owner,
        computed: None,
        targets: vec![(year, target)],
    }
}

fn homes(list: &[&ComplexFacts]) -> u32 {
    list.iter().map(|c| c.dwellings).sum()
}

/// This year's commitments: insulation, evictions, new homes, people moving on from care, support points for older
/// people, residents' evenings, and three figures Volkshuis computes (social-rent homes, participation coverage,
/// social-return placements).
async fn this_years_commitments(
    db: &Db,
    parties: Parties,
    complexes: &[ComplexFacts],
    year: i32,
) -> anyhow::Result<Vec<Planned>> {
    let insulated = crate::pick(complexes, &["Bloemenbuurt", "Het Baken"])?;
    let insulated_homes = f64::from(homes(&insulated));
    let corporations = [(parties.corporation, "Woonstad Voorbeeld".to_owned())];
    let figures = pa::gemeente_facts(db, GEMEENTE, &corporations, &parties.all(), year).await?;
    let social = figures.computed(ComputedSource::SocialRentUnits, Some(parties.corporation), year);
    let coverage = figures.computed(ComputedSource::ParticipationCoverage, None, year);
    // "At least" commitments: the target is where the figure stands now (rounded down to 5% for the coverage), the
    // baseline below it, so the figure holding its level counts as achieved.
    let coverage_target = (coverage / 5.0).floor() * 5.0;
    let covered = if coverage_target >= 100.0 {
        "alle woningen".to_owned()
    } else {
        format!("ten minste {coverage_target}% van de woningen")
    };
    let report = format!("Kwartaalrapportage Woonstad {year}");
    let share = |fraction: f64| Some((insulated_homes * fraction).round());
    let c = |theme, body: String, unit, range, owner| commitment(theme, body, unit, range, owner, year);
    let (woonstad, sleutel) = (Some(parties.corporation), Some(parties.sleutel));
    let planned = |by, new, last_year, quarters, source: &str, evidence: &str| Planned {
        by,
        new,
        last_year,
        quarters,
        source: source.to_owned(),
        evidence: evidence.to_owned(),
    };
    let computed = |source, new: NewCommitment| NewCommitment { computed: Some(source), ..new };
    Ok(vec![
        planned(
            parties.corporation,
            c(
                Theme::Duurzaamheid,
                format!(
                    "Woonstad isoleert in {year} de {} woningen van {} en {} (dak, gevel, vloer en glas) tot ten \
                     minste energielabel B.",
                    insulated_homes, insulated[0].name, insulated[1].name
                ),
                "woningen",
                (0.0, insulated_homes),
                woonstad,
            ),
            None,
            [share(0.12), share(0.34), share(0.58)],
            &report,
            "Opleverlijsten van de aannemer per adres, met het nieuwe label uit EP-Online",
        ),
        planned(
            parties.municipality,
            c(
                Theme::Betaalbaarheid,
                format!(
                    "In {year} worden ten hoogste 3 huishoudens uit huis gezet wegens huurachterstand; bij twee \
                     maanden achterstand schakelt Woonstad het wijkteam in."
                ),
                "uitzettingen",
                (5.0, 3.0),
                woonstad,
            ),
            Some(5.0),
            [Some(0.0), Some(1.0), Some(1.0)],
            &report,
            "Incassoregistratie Woonstad; aanmeldingen bij Wijkteam Centrum",
        ),
        planned(
            parties.municipality,
            c(
                Theme::Nieuwbouw,
                format!("Woonstad start in {year} de bouw van 48 sociale huurwoningen aan de Havenkade."),
                "woningen",
                (0.0, 48.0),
                woonstad,
            ),
            None,
            [Some(0.0), Some(0.0), Some(48.0)],
            &report,
            "Startbouwmelding en omgevingsvergunning Havenkade",
        ),
        planned(
            parties.municipality,
            c(
                Theme::Doelgroepen,
                format!(
                    "Gemeente en Woonstad huisvesten in {year} 30 huishoudens die uitstromen uit beschermd wonen of \
                     de maatschappelijke opvang; de gemeente regelt de begeleiding."
                ),
                "huishoudens",
                (24.0, 30.0),
                None,
            ),
            Some(26.0),
            [Some(6.0), Some(13.0), Some(21.0)],
            "Monitor uitstroom beschermd wonen, gemeente Voorbeeldstad",
            "Verslagen van de uitstroomtafel per kwartaal",
        ),
        planned(
            parties.municipality,
            c(
                Theme::WonenEnZorg,
                format!(
                    "De gemeente opent in {year} twee steunpunten voor ouderen: in Colmschate en in Keizerslanden."
                ),
                "steunpunten",
                (0.0, 2.0),
                Some(parties.municipality),
            ),
            None,
            [Some(0.0), Some(1.0), Some(1.0)],
            "Voortgangsbrief wonen en zorg aan de gemeenteraad",
            "Steunpunt Colmschate open sinds juni; Keizerslanden wacht op de verbouwing",
        ),
        planned(
            parties.sleutel,
            c(
                Theme::Leefbaarheid,
                format!(
                    "De Sleutel houdt in {year} in elk van de tien complexen die zij vertegenwoordigt een \
                     bewonersavond over leefbaarheid; de verslagen gaan naar Woonstad en de gemeente."
                ),
                "bewonersavonden",
                (4.0, 10.0),
                sleutel,
            ),
            Some(4.0),
            [Some(2.0), Some(5.0), Some(7.0)],
            "Jaarplanning Huurdersvereniging De Sleutel",
            "Verslagen van de bewonersavonden, gedeeld met Woonstad",
        ),
        planned(
            parties.corporation,
            computed(
                ComputedSource::SocialRentUnits,
                c(
                    Theme::Betaalbaarheid,
                    format!(
                        "Woonstad houdt in Deventer ten minste {social} woningen met een huur onder de \
                         liberalisatiegrens."
                    ),
                    "woningen",
                    ((social - 12.0).max(0.0), social),
                    woonstad,
                ),
            ),
            None,
            [None; 3],
            "",
            "",
        ),
        planned(
            parties.sleutel,
            computed(
                ComputedSource::ParticipationCoverage,
                c(
                    Theme::Leefbaarheid,
                    format!(
                        "Woonstad en De Sleutel zorgen dat in {year} voor {covered} in Deventer een bewonerscommissie, \
                         panel of andere groep spreekt."
                    ),
                    "%",
                    ((coverage_target - 5.0).max(0.0), coverage_target),
                    sleutel,
                ),
            ),
            None,
            [None; 3],
            "",
            "",
        ),
        planned(
            parties.municipality,
            computed(
                ComputedSource::SrPlacements,
                c(
                    Theme::Doelgroepen,
                    format!(
                        "Woonstad biedt in {year} via social return in haar contracten 3 mensen met een afstand tot \
                         de arbeidsmarkt een plaatsing."
                    ),
                    "plaatsingen",
                    (0.0, 3.0),
                    woonstad,
                ),
            ),
            None,
            [None; 3],
            "",
            "",
        ),
    ])
}

/// This year's agreements: opened in January last year, Woonstad's bid sent in June, talks from July, signed by every
/// party by 15 December, and in monitoring since, with last year's figures and a report after each quarter passed.
async fn signed_cycle(
    db: &Db,
    parties: Parties,
    complexes: &[ComplexFacts],
    timeline: &Timeline,
    year: i32,
) -> anyhow::Result<()> {
    let before = year - 1;
    let cycle = open(db, parties, timeline, year, day(before, Month::January, 20)?).await?;
    move_to(db, parties, timeline, cycle, Phase::Bod, day(before, Month::March, 16)?).await?;
    let insulated = crate::pick(complexes, &["Bloemenbuurt", "Het Baken"])?;
    let body = format!(
        "Bod van Woonstad Voorbeeld voor {year}. Wij isoleren {} woningen in {} en {}, starten de bouw van 48 sociale \
         huurwoningen aan de Havenkade en houden de huren van onze sociale huurwoningen betaalbaar.",
        homes(&insulated),
        insulated[0].name,
        insulated[1].name
    );
    let activities = [
        activity(Theme::Duurzaamheid, "Isolatie tot label B".to_owned(), "woningen", year, homes(&insulated)),
        activity(Theme::Nieuwbouw, "Start bouw Havenkade".to_owned(), "woningen", year, 48),
    ];
    let dates = BidDates {
        written: day(before, Month::May, 12)?,
        approved: day(before, Month::June, 9)?,
        sent: day(before, Month::June, 16)?,
    };
    send_bid(db, parties, timeline, cycle, body, &activities, dates).await?;
    move_to(db, parties, timeline, cycle, Phase::Onderhandeling, day(before, Month::July, 1)?).await?;
    let planned = this_years_commitments(db, parties, complexes, year).await?;
    let mut ids = Vec::with_capacity(planned.len());
    for (i, plan) in planned.iter().enumerate() {
        // Agreed one by one over the autumn's meetings.
        let on = day(before, Month::September, 8)? + Duration::weeks(i as i64);
        let id = step!(db, timeline, parties, plan.by, on, |tx, scope, actor| pa::add_commitment(
            &mut tx, &scope, &actor, cycle, &plan.new
        ));
        ids.push(id.ok_or_else(|| anyhow::anyhow!("demo commitment refused"))?);
    }
    move_to(db, parties, timeline, cycle, Phase::Ondertekening, day(before, Month::November, 24)?).await?;
    let signatures = [
        (parties.municipality, "J. Hendriks, wethouder Wonen", 8),
        (parties.corporation, "A. de Vries, directeur-bestuurder", 10),
        (parties.noord, "E. Yilmaz, secretaris", 12),
        (parties.sleutel, "D. Bakker, voorzitter", 15),
    ];
    for (org, name, date) in signatures {
        let on = day(before, Month::December, date)?;
        let signed = step!(db, timeline, parties, org, on, |tx, scope, actor| pa::sign(
            &mut tx, &scope, &actor, cycle, name, on
        ));
        anyhow::ensure!(signed, "demo signature of {name} refused");
    }
    // The figures: one report after each quarter passed (an actual is for a year of the cycle; where the figure
    // stood before is the commitment's baseline).
    let reports: [(i32, Date, Option<usize>); 3] = [
        (year, day(year, Month::April, 10)?, Some(0)),
        (year, day(year, Month::July, 10)?, Some(1)),
        (year, day(year, Month::October, 10)?, Some(2)),
    ];
    for (of_year, on, quarter) in reports {
        if on >= timeline.today {
            continue;
        }
        for (plan, id) in planned.iter().zip(&ids) {
            let value = match quarter {
                None => plan.last_year,
                Some(q) => plan.quarters[q],
            };
            let Some(value) = value else { continue };
            let source = match quarter {
                None => format!("{}, stand 30 november {before}", plan.source),
                Some(q) => format!("{}, {}e kwartaal", plan.source, q + 1),
            };
            let actual = NewActual { year: of_year, value, source, evidence: plan.evidence.clone() };
            // The party that carries it reports; the municipality for a commitment without owner.
            let by = plan.new.owner_id.unwrap_or(parties.municipality);
            let recorded = step!(db, timeline, parties, by, on, |tx, scope, actor| pa::record_actual(
                &mut tx, &scope, &actor, cycle, *id, &actual
            ));
            anyhow::ensure!(recorded, "demo actual refused");
        }
    }
    Ok(())
}

/// The dates of next year's cycle so far: opened, the bid, and the start of the talks.
#[derive(Debug, Clone, Copy)]
struct TalkDates {
    opened: Date,
    bod: Date,
    bid: BidDates,
    talks: Date,
}

/// From July the talks on next year's agreements began on 1 July, on a bid sent before then as the law asks. Before
/// July they can only have begun early: the same steps, compressed into the days since this year's agreements were
/// signed (16 December) up to yesterday.
fn next_years_dates(today: Date) -> anyhow::Result<TalkDates> {
    let year = today.year();
    if today >= day(year, Month::July, 8)? {
        return Ok(TalkDates {
            opened: day(year, Month::January, 20)?,
            bod: day(year, Month::March, 16)?,
            bid: BidDates {
                written: day(year, Month::May, 12)?,
                approved: day(year, Month::June, 9)?,
                sent: day(year, Month::June, 16)?,
            },
            talks: day(year, Month::July, 1)?,
        });
    }
    let start = day(year - 1, Month::December, 16)?;
    let span = (today - start).whole_days() - 1;
    let at = |percent: i64| start + Duration::days(span * percent / 100);
    Ok(TalkDates {
        opened: at(0),
        bod: at(20),
        bid: BidDates { written: at(30), approved: at(42), sent: at(48) },
        talks: at(60),
    })
}

/// Next year's agreements in negotiation: the tenants' knowledge shared and a private note kept, Woonstad's bid sent,
/// an agenda with each party's position (the tenants citing their achterban), draft commitments and two versions of
/// the text.
async fn negotiating_cycle(
    db: &Db,
    parties: Parties,
    complexes: &[ComplexFacts],
    timeline: &Timeline,
    year: i32,
) -> anyhow::Result<()> {
    let dates = next_years_dates(timeline.today)?;
    let now = timeline.today.year();
    let cycle = open(db, parties, timeline, year, dates.opened).await?;
    // The tenants gather their achterban's views and share them; their own bottom line stays private.
    let gathered = dates.opened + Duration::days(((dates.bod - dates.opened).whole_days() / 2).max(1));
    let notes = [
        (
            format!("Uitkomsten achterbanraadpleging {now}"),
            NoteKind::Knowledge,
            "412 leden deden mee. 71% vindt een huurverhoging boven de inflatie niet op te brengen; 64% wil eerst \
             de oudste woningen geïsoleerd zien; 38% heeft last van tocht of vocht."
                .to_owned(),
        ),
        (
            "Onze ondergrens bij de huren".to_owned(),
            NoteKind::Negotiation,
            "Niet akkoord met een verhoging boven de inflatie. Wel ruimte als De Linde volgend jaar wordt \
             geïsoleerd en de kleinste woningen worden bevroren. Alleen voor het bestuur."
                .to_owned(),
        ),
    ];
    let mut note_ids = Vec::new();
    for (title, kind, body) in &notes {
        note_ids.push(step!(db, timeline, parties, parties.sleutel, gathered, |tx, scope, actor| pa::add_note(
            &mut tx, &scope, &actor, cycle, *kind, title, body
        )));
    }
    step!(db, timeline, parties, parties.sleutel, gathered, |tx, scope, actor| pa::share_note(
        &mut tx,
        &scope,
        &actor,
        cycle,
        note_ids[0]
    ));
    let linde = facts::named(complexes, "De Linde")?;
    move_to(db, parties, timeline, cycle, Phase::Bod, dates.bod).await?;
    let body = format!(
        "Bod van Woonstad Voorbeeld voor {year}. Wij isoleren de {} van complex De Linde, starten 36 \
         levensloopbestendige woningen in Deventer-Noord en verhogen de huren niet meer dan de inflatie.",
        linde.dwellings_text()
    );
    let activities = [
        activity(Theme::Duurzaamheid, "Renovatie en isolatie De Linde".to_owned(), "woningen", year, linde.dwellings),
        activity(Theme::Nieuwbouw, "Levensloopbestendige woningen Noord".to_owned(), "woningen", year, 36),
        activity(Theme::Betaalbaarheid, "Huurbevriezing kleinste woningen".to_owned(), "woningen", year, 120),
    ];
    send_bid(db, parties, timeline, cycle, body, &activities, dates.bid).await?;
    move_to(db, parties, timeline, cycle, Phase::Onderhandeling, dates.talks).await?;

    // The talks so far, spread from the day after they began up to yesterday.
    let span = ((timeline.today - dates.talks).whole_days() - 2).max(0);
    let talk_day = |percent: i64| dates.talks + Duration::days(1 + span * percent / 100);
    let agenda = [
        (
            format!("Huurverhoging {year}"),
            vec![
                (
                    parties.municipality,
                    "Niet boven de inflatie voor huishoudens met een laag inkomen.",
                    format!("Armoedemonitor Voorbeeldstad {now}: 14% van de huurders heeft een betalingsachterstand"),
                ),
                (
                    parties.corporation,
                    "Inflatievolgend, met bevriezing voor de kleinste woningen.",
                    format!("Begroting {year}: de isolatie van De Linde vraagt inflatievolgende huren"),
                ),
                (
                    parties.sleutel,
                    "Niet boven de inflatie, en bevriezing voor huishoudens met een laag inkomen.",
                    format!(
                        "Achterbanraadpleging {now}: 71% van de 412 deelnemende leden vindt een verhoging boven de \
                         inflatie niet op te brengen"
                    ),
                ),
            ],
        ),
        (
            "Isolatie De Linde en het sociaal plan".to_owned(),
            vec![
                (
                    parties.sleutel,
                    "Eerst De Linde isoleren; de huurverhoging na renovatie ten hoogste € 25 per maand.",
                    "Bewonersavond De Linde: een ruime meerderheid van de aanwezigen steunt het plan onder die \
                     voorwaarde"
                        .to_owned(),
                ),
                (
                    parties.corporation,
                    "Start in het eerste kwartaal, na 70% instemming met het sociaal plan.",
                    format!("Bod {year}, paragraaf Duurzaamheid"),
                ),
            ],
        ),
        (
            "Voorrang voor ouderen bij nieuwbouw Noord".to_owned(),
            vec![(
                parties.noord,
                "Voorrang voor 65-plussers uit de Vogelbuurt en Flat De Wieken.",
                "Rondgang Bewonersraad Noord: 46 oudere huishoudens willen naar een gelijkvloerse woning".to_owned(),
            )],
        ),
    ];
    for (i, (title, positions)) in agenda.iter().enumerate() {
        let added = talk_day(i as i64 * 20);
        let item = step!(db, timeline, parties, parties.municipality, added, |tx, scope, actor| pa::add_agenda_item(
            &mut tx, &scope, &actor, cycle, title
        ))
        .ok_or_else(|| anyhow::anyhow!("demo agenda item refused"))?;
        for (j, (org, body, evidence)) in positions.iter().enumerate() {
            let on = talk_day(i as i64 * 20 + 4 + j as i64 * 4);
            let set = step!(db, timeline, parties, *org, on, |tx, scope, actor| pa::set_position(
                &mut tx, &scope, &actor, cycle, item, body, evidence
            ));
            anyhow::ensure!(set, "demo position refused");
        }
    }
    let draft = |org: i64, percent: i64, body: String| async move {
        let saved = step!(db, timeline, parties, org, talk_day(percent), |tx, scope, actor| pa::save_draft(
            &mut tx, &scope, &actor, cycle, &body
        ));
        anyhow::ensure!(saved.is_some(), "demo draft refused");
        Ok::<_, anyhow::Error>(())
    };
    draft(parties.municipality, 60, format!("Concept prestatieafspraken Deventer {year}, versie van de gemeente."))
        .await?;
    let draft_commitments = [
        commitment(
            Theme::Duurzaamheid,
            format!("Woonstad isoleert in {year} de {} van De Linde tot ten minste label B.", linde.dwellings_text()),
            "woningen",
            (0.0, f64::from(linde.dwellings)),
            Some(parties.corporation),
            year,
        ),
        commitment(
            Theme::Nieuwbouw,
            format!("Woonstad start in {year} de bouw van 36 levensloopbestendige woningen in Deventer-Noord."),
            "woningen",
            (0.0, 36.0),
            Some(parties.corporation),
            year,
        ),
        commitment(
            Theme::Betaalbaarheid,
            format!("De huren van Woonstad stijgen per 1 juli {year} niet meer dan de inflatie."),
            "procentpunt boven de inflatie",
            (0.5, 0.0),
            Some(parties.corporation),
            year,
        ),
    ];
    for new in &draft_commitments {
        let added = step!(db, timeline, parties, parties.municipality, talk_day(70), |tx, scope, actor| {
            pa::add_commitment(&mut tx, &scope, &actor, cycle, new)
        });
        anyhow::ensure!(added.is_some(), "demo commitment refused");
    }
    draft(
        parties.corporation,
        85,
        format!("Concept prestatieafspraken Deventer {year}, met de wijzigingen van Woonstad."),
    )
    .await?;
    Ok(())
}
