//! Prestatieafspraken storage (migration 33) on SQLite and PostgreSQL: who may be a party and open a cycle, the lead
//! walking the phases, a bid private until sent, commitments locked at signing and actuals from their owner, notes
//! private until shared, the talks, the dispute window, and the national overview.
//!
//! Every write runs in its own transaction that is committed whatever the store answered, so a refusal that wrote
//! something before refusing would show in what is read back.

use time::macros::{date, time};
use time::Date;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::afspraken::{ComputedSource, Phase, Theme};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::boundaries::{Area, AreaKind};
use volkshuis_domain::geo::Polygon;
use volkshuis_domain::org::{GemeenteCode, OrgCode, OrgKind};
use volkshuis_domain::text::Name;
use volkshuis_store::afspraken::{
    self as pa, Activity, BidText, CycleRef, DisputeRefusal, NewActual, NewCommitment, NewCycle, NoteKind, PhaseMove,
    SendRefusal,
};
use volkshuis_store::audit::Actor;
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;
use volkshuis_store::{areas, gemeenten, orgs, overleg, Db, StoreError};

volkshuis_store::store_test_on_both_backends!(
    candidates_and_who_may_open_a_cycle,
    only_parties_see_a_cycle_and_only_the_lead_walks_it,
    a_bid_is_private_until_sent_and_locked_after,
    commitments_lock_at_signing_and_actuals_come_from_their_owner,
    notes_stay_private_until_shared_and_out_of_the_timeline,
    the_talks_keep_an_agenda_with_positions_and_every_draft,
    a_dispute_opens_only_in_its_window,
    the_national_overview_shows_each_gemeentes_newest_cycle
);

/// Runs one store write in its own transaction, commits it whatever it answered, and gives the answer.
macro_rules! committed {
    ($db:expr, |$tx:ident| $call:expr) => {{
        let mut $tx = $db.begin().await.expect("begin");
        let answer = $call.await;
        $tx.commit().await.expect("commit");
        answer
    }};
}

const HEADER: &str =
    "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;\
buurtCode;soort;nettohuur\n";
/// Woonstad: two homes in Deventer and a parking place (no home, though its rent is below every limit), one home in
/// Amsterdam.
const WOONSTAD: &str = "D1;C9;De Brink;Brink;1;;7411BR;Deventer;GM0150;BU01500001;WOO;650,00\n\
D2;C9;De Brink;Brink;3;;7411BR;Deventer;GM0150;BU01500001;;932,93\n\
P1;C9;De Brink;Brink;5;;7411BR;Deventer;GM0150;BU01500001;PAR;40,00\n\
A1;C1;De Ark;Kerkstraat;1;;1011AA;Amsterdam;GM0363;BU03630000;WOO;\n";
/// A second corporation with one home in Deventer.
const TWEEDE: &str = "E1;K1;Kerkhof;Brink;2;;7411BR;Deventer;GM0150;BU01500001;;\n";
/// A corporation with one home in Amsterdam only: an outsider in Deventer.
const ELDERS: &str = "F1;L1;Lindeplein;Lindeplein;4;;1011AB;Amsterdam;GM0363;BU03630001;;\n";

fn scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

/// The system acting at ten on `day`.
fn on(day: Date) -> Actor {
    Actor::system("test", day.with_time(time!(10:00)).assume_utc())
}

const SETUP_DAY: Date = date!(2025 - 01 - 06);

async fn org(db: &Db, code: &str, name: &str, kind: OrgKind) -> i64 {
    let mut tx = db.begin().await.expect("begin");
    let fields =
        orgs::OrgFields { code: OrgCode::parse(code).expect("code"), name: Name::parse(name).expect("name"), kind };
    let id = orgs::create(&mut tx, &on(SETUP_DAY), &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    id
}

async fn import(db: &Db, corporation: i64, rows: &str) {
    let file = format!("{HEADER}{rows}");
    let reader = StockReader::new(std::io::Cursor::new(file.into_bytes())).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    stock::import_units(db, &scope(corporation), &on(SETUP_DAY), "t.csv", reader, options, &mut |_| {})
        .await
        .expect("import");
}

async fn set_gemeenten(db: &Db, org: i64, list: &str) {
    let codes = GemeenteCode::parse_list(list).expect("codes");
    committed!(db, |tx| gemeenten::set(&mut tx, &on(SETUP_DAY), org, &codes, 2023)).expect("known codes");
}

/// A municipality for Deventer (GM0150), two corporations with homes there, an outsider corporation with a home in
/// Amsterdam only, a municipality for Amsterdam, Woonstad's accepted tenant organisation and a tenant organisation
/// whose partnership with the second corporation is only proposed.
struct World {
    gm: i64,
    woonstad: i64,
    tweede: i64,
    elders: i64,
    amsterdam: i64,
    huurders: i64,
    wachtend: i64,
}

impl World {
    async fn new(db: &Db) -> World {
        let woonstad = org(db, "woonstad", "Woonstad", OrgKind::Corporation).await;
        import(db, woonstad, WOONSTAD).await;
        let tweede = org(db, "tweede", "Tweede Woningstichting", OrgKind::Corporation).await;
        import(db, tweede, TWEEDE).await;
        let elders = org(db, "elders", "Elders Wonen", OrgKind::Corporation).await;
        import(db, elders, ELDERS).await;
        let huurders = org(db, "huurders", "Huurdersvereniging Brink", OrgKind::TenantOrganisation).await;
        let wachtend = org(db, "wachtend", "Bewonersraad Kerkhof", OrgKind::TenantOrganisation).await;
        let mut tx = db.begin().await.expect("begin");
        let day = on(SETUP_DAY);
        overleg::add_partner(&mut tx, &scope(woonstad), &day, huurders, None).await.expect("partner");
        overleg::respond_to_proposal(&mut tx, &scope(huurders), &day, woonstad, true).await.expect("accept");
        overleg::add_partner(&mut tx, &scope(tweede), &day, wachtend, None).await.expect("proposed only");
        tx.commit().await.expect("commit");
        let gm = org(db, "gm-deventer", "Gemeente Deventer", OrgKind::Municipality).await;
        set_gemeenten(db, gm, "GM0150").await;
        let amsterdam = org(db, "gm-amsterdam", "Gemeente Amsterdam", OrgKind::Municipality).await;
        set_gemeenten(db, amsterdam, "GM0363").await;
        World { gm, woonstad, tweede, elders, amsterdam, huurders, wachtend }
    }

    /// Every party a Deventer cycle can have, the municipality not included.
    fn deventer(&self) -> Vec<i64> {
        vec![self.woonstad, self.tweede, self.huurders]
    }
}

fn new_cycle(gemeente: &str, years: (i32, i32), party_ids: Vec<i64>) -> NewCycle {
    NewCycle {
        gemeente_code: gemeente.into(),
        first_year: years.0,
        last_year: years.1,
        title: format!("Prestatieafspraken {gemeente} {}", years.0),
        party_ids,
    }
}

async fn open(db: &Db, opener: i64, new: &NewCycle, day: Date) -> Result<i64, StoreError> {
    committed!(db, |tx| pa::open_cycle(&mut tx, &scope(opener), &on(day), new, day))
}

async fn move_to(db: &Db, by: i64, cycle: i64, to: Phase, day: Date) -> PhaseMove {
    committed!(db, |tx| pa::move_phase(&mut tx, &scope(by), &on(day), cycle, to, day)).expect("move")
}

/// Walks a cycle of the municipality `gm` from the start to `to`, a month a step from `from`.
async fn walk(db: &Db, gm: i64, cycle: i64, to: Phase, from: Date) {
    let mut day = from;
    for phase in [Phase::Bod, Phase::Onderhandeling, Phase::Ondertekening] {
        if phase > to {
            break;
        }
        day += time::Duration::days(30);
        assert_eq!(move_to(db, gm, cycle, phase, day).await, PhaseMove::Moved, "{phase:?}");
    }
}

async fn cycle_for(db: &Db, org: i64, id: i64) -> (CycleRef, pa::Cycle) {
    pa::open_cycle_for(db, scope(org).as_read(), id).await.expect("read").expect("a party")
}

/// The cycle opened for one of its parties (the first by id), for reads every party sees alike.
async fn as_party(db: &Db, id: i64) -> CycleRef {
    let org = count(db, &format!("SELECT MIN(org_id) FROM pa_parties WHERE cycle_id = {id}")).await;
    cycle_for(db, org, id).await.0
}

async fn count(db: &Db, query: &str) -> i64 {
    sql::query_scalar(query).fetch_one(db).await.expect("count")
}

async fn candidates_and_who_may_open_a_cycle(db: &Db) {
    let w = World::new(db).await;
    let candidates = pa::candidate_parties(db, "GM0150").await.expect("candidates");
    let seen: Vec<(&str, i64, Vec<String>)> =
        candidates.iter().map(|c| (c.org.code.as_str(), c.units, c.via.clone())).collect();
    assert_eq!(
        seen,
        [
            ("gm-deventer", 0, vec![]),
            ("tweede", 1, vec![]),
            ("woonstad", 2, vec![]),
            ("huurders", 0, vec!["Woonstad".to_owned()]),
        ],
        "the municipality, the corporations with homes there and the accepted partner; not the outsider, not a \
         proposed partner"
    );

    // Refused as NotFound, and nothing written: an outsider opener, an outsider or a proposed partner or an unknown
    // id among the parties, a tenant organisation as opener, a municipality that does not carry the code.
    let day = date!(2026 - 01 - 12);
    let refusals = [
        (w.elders, vec![w.woonstad]),
        (w.gm, vec![w.woonstad, w.elders]),
        (w.gm, vec![w.wachtend]),
        (w.gm, vec![999_999]),
        (w.huurders, vec![w.woonstad]),
        (w.amsterdam, vec![w.woonstad]),
    ];
    for (opener, parties) in refusals {
        let answer = open(db, opener, &new_cycle("GM0150", (2027, 2027), parties.clone()), day).await;
        assert!(matches!(answer, Err(StoreError::NotFound)), "{opener} with {parties:?}: {answer:?}");
    }
    assert_eq!(count(db, "SELECT COUNT(*) FROM pa_cycles").await, 0);
    assert_eq!(count(db, "SELECT COUNT(*) FROM pa_parties").await, 0);
    assert_eq!(count(db, "SELECT COUNT(*) FROM audit_log WHERE entity LIKE 'pa_%'").await, 0);

    // The municipality opens with every candidate (a party named twice counts once); the opener is always a party.
    let mut parties = w.deventer();
    parties.push(w.woonstad);
    let id = open(db, w.gm, &new_cycle("GM0150", (2027, 2027), parties), day).await.expect("opened");
    let parties: Vec<String> =
        pa::parties(db, &as_party(db, id).await).await.expect("parties").into_iter().map(|p| p.org.code).collect();
    assert_eq!(parties, ["gm-deventer", "tweede", "woonstad", "huurders"]);
    // A corporation with homes there may open one too, and the opener is added.
    let by_corporation = open(db, w.tweede, &new_cycle("GM0150", (2028, 2028), vec![]), day).await.expect("opened");
    let only: Vec<i64> = pa::parties(db, &as_party(db, by_corporation).await)
        .await
        .expect("parties")
        .into_iter()
        .map(|p| p.org.id)
        .collect();
    assert_eq!(only, [w.tweede]);
    // A corporation that declares the gemeente becomes a candidate (without units there) and may open.
    set_gemeenten(db, w.elders, "GM0150").await;
    let declared = pa::candidate_parties(db, "GM0150").await.expect("candidates");
    assert!(declared.iter().any(|c| c.org.id == w.elders && c.units == 0));
    assert!(open(db, w.elders, &new_cycle("GM0150", (2027, 2027), vec![w.gm]), day).await.is_ok());
}

async fn only_parties_see_a_cycle_and_only_the_lead_walks_it(db: &Db) {
    let w = World::new(db).await;
    let opened = date!(2026 - 01 - 12);
    let id = open(db, w.gm, &new_cycle("GM0150", (2027, 2027), w.deventer()), opened).await.expect("opened");
    for outsider in [w.elders, w.amsterdam, w.wachtend] {
        assert!(pa::open_cycle_for(db, scope(outsider).as_read(), id).await.expect("read").is_none());
        assert!(pa::cycles_of(db, scope(outsider).as_read()).await.expect("cycles").is_empty());
    }
    let (_, cycle) = cycle_for(db, w.huurders, id).await;
    assert_eq!((cycle.phase, cycle.phase_since, cycle.opened_by), (Phase::Kennisvergaring, opened, w.gm));
    assert_eq!((cycle.first_year, cycle.last_year, cycle.talks_started_on, cycle.signed_on), (2027, 2027, None, None));
    assert_eq!(cycle.title, "Prestatieafspraken GM0150 2027");
    let mine = pa::cycles_of(db, scope(w.woonstad).as_read()).await.expect("cycles");
    assert_eq!(mine.iter().map(|c| c.id).collect::<Vec<_>>(), [id]);

    // Only the municipality walks the phases; an outsider is not let in at all.
    let day = date!(2026 - 03 - 02);
    for other in [w.woonstad, w.tweede, w.huurders] {
        assert_eq!(move_to(db, other, id, Phase::Bod, day).await, PhaseMove::NotLead);
    }
    let outsider = committed!(db, |tx| pa::move_phase(&mut tx, &scope(w.elders), &on(day), id, Phase::Bod, day));
    assert!(matches!(outsider, Err(StoreError::NotFound)));
    // No skipping; monitoring and a dispute are not moves.
    for to in [Phase::Onderhandeling, Phase::Monitoring, Phase::Geschil, Phase::Kennisvergaring] {
        assert_eq!(move_to(db, w.gm, id, to, day).await, PhaseMove::NotAllowed, "{to:?}");
    }
    assert_eq!(cycle_for(db, w.gm, id).await.1.phase, Phase::Kennisvergaring);
    assert_eq!(move_to(db, w.gm, id, Phase::Bod, day).await, PhaseMove::Moved);
    let (_, cycle) = cycle_for(db, w.gm, id).await;
    assert_eq!((cycle.phase, cycle.phase_since, cycle.talks_started_on), (Phase::Bod, day, None));
    let talks = date!(2026 - 07 - 01);
    assert_eq!(move_to(db, w.gm, id, Phase::Onderhandeling, talks).await, PhaseMove::Moved);
    assert_eq!(cycle_for(db, w.gm, id).await.1.talks_started_on, Some(talks));
    assert_eq!(move_to(db, w.gm, id, Phase::Geschil, talks).await, PhaseMove::NotAllowed, "a dispute is opened");
    let signing = date!(2026 - 11 - 20);
    assert_eq!(move_to(db, w.gm, id, Phase::Ondertekening, signing).await, PhaseMove::Moved);
    for to in [Phase::Monitoring, Phase::Onderhandeling] {
        assert_eq!(move_to(db, w.gm, id, to, signing).await, PhaseMove::NotAllowed, "{to:?}");
    }
    let (cycle_ref, cycle) = cycle_for(db, w.huurders, id).await;
    assert_eq!((cycle.phase, cycle.phase_since, cycle.talks_started_on), (Phase::Ondertekening, signing, Some(talks)));
    let timeline = pa::timeline(db, &cycle_ref, 50).await.expect("timeline");
    let actions: Vec<&str> = timeline.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["move", "move", "move", "open"], "refused moves leave no trace");

    // Without a municipality among the parties, the opener leads.
    let led = open(db, w.tweede, &new_cycle("GM0150", (2028, 2028), vec![w.woonstad]), opened).await.expect("opened");
    assert_eq!(move_to(db, w.woonstad, led, Phase::Bod, day).await, PhaseMove::NotLead);
    assert_eq!(move_to(db, w.tweede, led, Phase::Bod, day).await, PhaseMove::Moved);
}

fn activity(theme: Theme, description: &str, amount: f64) -> Activity {
    Activity { id: 0, theme, description: description.into(), unit: "woningen".into(), year: 2027, amount }
}

async fn save_bid(
    db: &Db,
    corporation: i64,
    cycle: i64,
    body: &str,
    approved: Option<Date>,
) -> Result<bool, StoreError> {
    let text = BidText { body: body.into(), board_approved_on: approved };
    committed!(db, |tx| pa::save_bid(&mut tx, &scope(corporation), &on(date!(2026 - 05 - 04)), cycle, &text))
}

async fn send_bid(db: &Db, corporation: i64, cycle: i64, day: Date) -> Result<(), SendRefusal> {
    committed!(db, |tx| pa::send_bid(&mut tx, &scope(corporation), &on(day), cycle, day)).expect("send")
}

async fn bid_of(db: &Db, reader: i64, cycle: i64, corporation: i64) -> pa::Bid {
    let (cycle_ref, _) = cycle_for(db, reader, cycle).await;
    let bids = pa::bids(db, &cycle_ref).await.expect("bids");
    bids.into_iter().find(|b| b.corporation_id == corporation).expect("a corporation party has a bid row")
}

async fn a_bid_is_private_until_sent_and_locked_after(db: &Db) {
    let w = World::new(db).await;
    let id =
        open(db, w.gm, &new_cycle("GM0150", (2027, 2027), w.deventer()), date!(2026 - 01 - 12)).await.expect("answer");
    walk(db, w.gm, id, Phase::Bod, date!(2026 - 01 - 12)).await;
    let body = "Woonstad biedt aan in 2027 180 woningen te isoleren tot label B.";
    assert!(save_bid(db, w.woonstad, id, body, None).await.expect("saved"));
    let day = on(date!(2026 - 05 - 04));
    let insulation = activity(Theme::Duurzaamheid, "Isolatie tot label B", 180.0);
    let kept =
        committed!(db, |tx| pa::add_activity(&mut tx, &scope(w.woonstad), &day, id, &insulation)).expect("answer");
    let building = activity(Theme::Nieuwbouw, "Start bouw sociale huur", 40.0);
    let dropped =
        committed!(db, |tx| pa::add_activity(&mut tx, &scope(w.woonstad), &day, id, &building)).expect("answer");
    let (kept, dropped) = (kept.expect("open bid"), dropped.expect("open bid"));
    // Another corporation cannot remove it; a tenant organisation has no bid to write.
    let theirs = committed!(db, |tx| pa::remove_activity(&mut tx, &scope(w.tweede), &day, id, dropped));
    assert!(matches!(theirs, Err(StoreError::NotFound)), "{theirs:?}");
    assert!(committed!(db, |tx| pa::remove_activity(&mut tx, &scope(w.woonstad), &day, id, dropped)).expect("answer"));
    assert!(matches!(save_bid(db, w.huurders, id, "ons bod", None).await, Err(StoreError::NotFound)));

    // Before it is sent the others see that it is not in yet, and nothing of it.
    for other in [w.tweede, w.huurders, w.gm] {
        let seen = bid_of(db, other, id, w.woonstad).await;
        assert_eq!((seen.body.as_str(), seen.board_approved_on, seen.sent_on), ("", None, None), "{other}");
        assert!(seen.activities.is_empty(), "{other}");
    }
    let own = bid_of(db, w.woonstad, id, w.woonstad).await;
    assert_eq!(own.body, body);
    assert_eq!(own.activities.iter().map(|a| (a.id, a.amount)).collect::<Vec<_>>(), [(kept, 180.0)]);

    // Sending needs a text and the board's approval.
    assert_eq!(send_bid(db, w.woonstad, id, date!(2026 - 06 - 01)).await, Err(SendRefusal::NoBoardApproval));
    assert_eq!(send_bid(db, w.tweede, id, date!(2026 - 06 - 01)).await, Err(SendRefusal::Empty));
    assert!(save_bid(db, w.tweede, id, "  \n ", Some(date!(2026 - 05 - 28))).await.expect("saved"));
    assert_eq!(send_bid(db, w.tweede, id, date!(2026 - 06 - 01)).await, Err(SendRefusal::Empty));
    assert_eq!(bid_of(db, w.gm, id, w.woonstad).await.sent_on, None, "a refused send sends nothing");
    let approved = date!(2026 - 06 - 10);
    assert!(save_bid(db, w.woonstad, id, body, Some(approved)).await.expect("saved"));
    let sent = date!(2026 - 06 - 20);
    assert_eq!(send_bid(db, w.woonstad, id, sent).await, Ok(()));
    for other in [w.tweede, w.huurders, w.gm] {
        let seen = bid_of(db, other, id, w.woonstad).await;
        assert_eq!((seen.body.as_str(), seen.board_approved_on, seen.sent_on), (body, Some(approved), Some(sent)));
        assert_eq!(
            seen.activities.iter().map(|a| a.description.as_str()).collect::<Vec<_>>(),
            ["Isolatie tot label B"]
        );
    }

    // Locked once sent.
    assert!(!save_bid(db, w.woonstad, id, "Een ander bod", Some(approved)).await.expect("answer"));
    let late = activity(Theme::Verkoop, "Verkoop", 5.0);
    assert_eq!(
        committed!(db, |tx| pa::add_activity(&mut tx, &scope(w.woonstad), &day, id, &late)).expect("answer"),
        None
    );
    assert!(!committed!(db, |tx| pa::remove_activity(&mut tx, &scope(w.woonstad), &day, id, kept)).expect("answer"));
    assert_eq!(send_bid(db, w.woonstad, id, date!(2026 - 06 - 21)).await, Err(SendRefusal::AlreadySent));
    let after = bid_of(db, w.tweede, id, w.woonstad).await;
    assert_eq!((after.body.as_str(), after.activities.len(), after.sent_on), (body, 1, Some(sent)));
}

fn commitment(theme: Theme, owner: Option<i64>, targets: Vec<(i32, f64)>) -> NewCommitment {
    NewCommitment {
        theme,
        body: format!("Afspraak over {}", theme.code()),
        unit: "woningen".into(),
        baseline: Some(0.0),
        owner_id: owner,
        computed: None,
        targets,
    }
}

async fn add_commitment(db: &Db, by: i64, cycle: i64, new: &NewCommitment) -> Result<Option<i64>, StoreError> {
    committed!(db, |tx| pa::add_commitment(&mut tx, &scope(by), &on(date!(2026 - 02 - 02)), cycle, new))
}

async fn sign(db: &Db, by: i64, cycle: i64, day: Date) -> Result<bool, StoreError> {
    committed!(db, |tx| pa::sign(&mut tx, &scope(by), &on(day), cycle, &format!("Bestuurder {by}"), day))
}

async fn record(db: &Db, by: i64, cycle: i64, commitment: i64, value: f64) -> Result<bool, StoreError> {
    let actual =
        NewActual { year: 2027, value, source: "Kwartaalrapportage".into(), evidence: format!("Bijlage met {value}") };
    committed!(db, |tx| pa::record_actual(&mut tx, &scope(by), &on(date!(2027 - 04 - 10)), cycle, commitment, &actual))
}

async fn commitments_lock_at_signing_and_actuals_come_from_their_owner(db: &Db) {
    let w = World::new(db).await;
    let start = date!(2026 - 01 - 12);
    let id = open(db, w.gm, &new_cycle("GM0150", (2027, 2028), w.deventer()), start).await.expect("opened");
    // Any party may propose a commitment, carried by any party; the targets lie within the cycle's years.
    let insulation = commitment(Theme::Duurzaamheid, Some(w.woonstad), vec![(2027, 180.0), (2028, 360.0)]);
    let insulation = add_commitment(db, w.huurders, id, &insulation).await.expect("added").expect("open");
    let refused = [
        (w.gm, commitment(Theme::Nieuwbouw, None, vec![(2029, 10.0)])),
        (w.gm, commitment(Theme::Nieuwbouw, None, vec![(2026, 10.0)])),
        (w.gm, commitment(Theme::Nieuwbouw, Some(w.elders), vec![(2027, 10.0)])),
        (w.elders, commitment(Theme::Nieuwbouw, None, vec![(2027, 10.0)])),
    ];
    for (by, new) in &refused {
        assert!(matches!(add_commitment(db, *by, id, new).await, Err(StoreError::NotFound)), "{new:?}");
    }
    assert_eq!(pa::commitments(db, &as_party(db, id).await).await.expect("list").len(), 1, "refusals wrote nothing");
    let liveability = add_commitment(db, w.gm, id, &commitment(Theme::Leefbaarheid, None, vec![(2027, 4.0)])).await;
    let liveability = liveability.expect("added").expect("open");
    let computed = NewCommitment {
        computed: Some(ComputedSource::UnitsInStock),
        ..commitment(Theme::Betaalbaarheid, Some(w.woonstad), vec![(2027, 2.0)])
    };
    let computed = add_commitment(db, w.woonstad, id, &computed).await.expect("added").expect("open");
    walk(db, w.gm, id, Phase::Onderhandeling, start).await;
    assert!(add_commitment(db, w.tweede, id, &commitment(Theme::Verkoop, None, vec![]))
        .await
        .expect("answer")
        .is_some());
    assert!(!record(db, w.woonstad, id, insulation, 10.0).await.expect("answer"), "not before monitoring");
    assert!(!sign(db, w.woonstad, id, date!(2026 - 08 - 01)).await.expect("answer"), "not before signing");

    // From the signing phase the text is locked.
    assert_eq!(move_to(db, w.gm, id, Phase::Ondertekening, date!(2026 - 11 - 20)).await, PhaseMove::Moved);
    let late = commitment(Theme::Doelgroepen, Some(w.gm), vec![(2027, 1.0)]);
    assert_eq!(add_commitment(db, w.gm, id, &late).await.expect("answer"), None);
    assert_eq!(pa::commitments(db, &as_party(db, id).await).await.expect("list").len(), 4);
    assert!(!record(db, w.woonstad, id, insulation, 10.0).await.expect("answer"), "not while signing");

    // Each party signs once; the last signature starts monitoring.
    assert!(sign(db, w.woonstad, id, date!(2026 - 12 - 08)).await.expect("signed"));
    assert!(!sign(db, w.woonstad, id, date!(2026 - 12 - 09)).await.expect("answer"), "signed already");
    assert!(matches!(sign(db, w.elders, id, date!(2026 - 12 - 09)).await, Err(StoreError::NotFound)));
    assert!(sign(db, w.gm, id, date!(2026 - 12 - 10)).await.expect("signed"));
    assert!(sign(db, w.tweede, id, date!(2026 - 12 - 11)).await.expect("signed"));
    let (_, cycle) = cycle_for(db, w.gm, id).await;
    assert_eq!((cycle.phase, cycle.signed_on), (Phase::Ondertekening, None), "one party still to sign");
    let last = date!(2026 - 12 - 15);
    assert!(sign(db, w.huurders, id, last).await.expect("signed"));
    let (cycle_ref, cycle) = cycle_for(db, w.gm, id).await;
    assert_eq!((cycle.phase, cycle.phase_since, cycle.signed_on), (Phase::Monitoring, last, Some(last)));
    let parties = pa::parties(db, &as_party(db, id).await).await.expect("parties");
    assert!(parties.iter().all(|p| p.signed_at.is_some() && p.signed_by.as_deref().is_some_and(|s| !s.is_empty())));
    assert_eq!(add_commitment(db, w.gm, id, &late).await.expect("answer"), None, "locked in monitoring");

    // Actuals come from the party that carries the commitment, or the lead for one without owner.
    for other in [w.gm, w.tweede, w.huurders] {
        assert!(!record(db, other, id, insulation, 99.0).await.expect("answer"), "{other}");
    }
    assert!(record(db, w.woonstad, id, insulation, 45.0).await.expect("recorded"));
    assert!(record(db, w.woonstad, id, insulation, 52.0).await.expect("recorded"));
    assert!(!record(db, w.woonstad, id, liveability, 1.0).await.expect("answer"));
    assert!(record(db, w.gm, id, liveability, 1.0).await.expect("recorded"));
    // An actual is for a year of the cycle; a figure from before is the commitment's baseline.
    let before = NewActual { year: 2026, value: 40.0, source: "Jaarverslag".into(), evidence: "p. 3".into() };
    let refused = committed!(db, |tx| pa::record_actual(
        &mut tx,
        &scope(w.woonstad),
        &on(date!(2027 - 04 - 10)),
        id,
        insulation,
        &before
    ));
    assert!(!refused.expect("answer"), "a year outside the cycle");
    // A bid is work for before the signing: in monitoring, nothing of it changes.
    assert!(!save_bid(db, w.tweede, id, "Te laat", None).await.expect("answer"), "no bid work in monitoring");
    let other = open(db, w.gm, &new_cycle("GM0150", (2028, 2028), w.deventer()), start).await.expect("opened");
    assert!(matches!(record(db, w.woonstad, other, insulation, 1.0).await, Err(StoreError::NotFound)));
    let list = pa::commitments(db, &as_party(db, id).await).await.expect("list");
    let first = list.iter().find(|c| c.id == insulation).expect("insulation");
    assert_eq!((first.theme, first.owner_name.as_deref()), (Theme::Duurzaamheid, Some("Woonstad")));
    assert_eq!((first.targets.clone(), first.target(2028)), (vec![(2027, 180.0), (2028, 360.0)], Some(360.0)));
    assert_eq!(first.actuals.iter().map(|a| a.value).collect::<Vec<_>>(), [52.0, 45.0], "every entry, newest first");
    let newest = first.actual(2027).expect("an actual");
    assert_eq!(
        (newest.value, newest.org_name.as_str(), newest.evidence.as_str()),
        (52.0, "Woonstad", "Bijlage met 52")
    );
    assert_eq!(first.actual(2028).map(|a| a.value), None);
    let lead = list.iter().find(|c| c.id == liveability).expect("liveability");
    assert_eq!((lead.owner_id, lead.actuals.len()), (None, 1));

    // A computed commitment's figure comes from the stock: Woonstad's two homes in Deventer, three with Tweede's.
    let from_stock = list.iter().find(|c| c.id == computed).expect("computed");
    assert_eq!(from_stock.computed, Some(ComputedSource::UnitsInStock));
    let corporations = [(w.woonstad, "Woonstad".to_owned()), (w.tweede, "Tweede Woningstichting".to_owned())];
    let facts = pa::gemeente_facts(db, "GM0150", &corporations, &[w.gm, w.woonstad, w.tweede, w.huurders], 2027)
        .await
        .expect("facts");
    assert_eq!(facts.computed(ComputedSource::UnitsInStock, from_stock.owner_id, 2027), 2.0);
    assert_eq!(facts.computed(ComputedSource::UnitsInStock, None, 2027), 3.0);
    // Woonstad's parking place is a unit in use, not a home: listed by its kind, in no count of homes (it was in
    // "homes in use" and in social rent, for its € 40).
    let woonstad = &facts.stock[0];
    assert_eq!(woonstad.corporation_name, "Woonstad");
    assert_eq!(woonstad.by_kind, [("".to_owned(), 1), ("PAR".to_owned(), 1), ("WOO".to_owned(), 1)]);
    // D2's rent is the liberalisation limit itself (€ 932,93, the 2026 limit used for 2027): still social rent.
    assert_eq!((woonstad.units, woonstad.social, woonstad.free), (2, 2, 0));
    assert_eq!(facts.computed(ComputedSource::SocialRentUnits, from_stock.owner_id, 2027), 2.0);
    let actions: Vec<String> =
        pa::timeline(db, &cycle_ref, 100).await.expect("timeline").into_iter().map(|e| e.action).collect();
    assert_eq!(actions.iter().filter(|a| *a == "record_actual").count(), 3);
    assert_eq!(actions.iter().filter(|a| *a == "sign").count(), 4);
    assert_eq!(actions.iter().filter(|a| *a == "signed").count(), 1);
}

async fn notes_stay_private_until_shared_and_out_of_the_timeline(db: &Db) {
    let w = World::new(db).await;
    let id =
        open(db, w.gm, &new_cycle("GM0150", (2027, 2027), w.deventer()), date!(2026 - 01 - 12)).await.expect("answer");
    walk(db, w.gm, id, Phase::Bod, date!(2026 - 01 - 12)).await;
    let day = on(date!(2026 - 04 - 02));
    // Unsent bid work and a private note.
    assert!(save_bid(db, w.woonstad, id, "Concept-bod met GEHEIME-BODTEKST", None).await.expect("saved"));
    let work = activity(Theme::Verkoop, "GEHEIME-ACTIVITEIT", 12.0);
    committed!(db, |tx| pa::add_activity(&mut tx, &scope(w.woonstad), &day, id, &work)).expect("added");
    let note = |kind, title: &'static str| {
        let day = day.clone();
        async move {
            committed!(db, |tx| pa::add_note(&mut tx, &scope(w.huurders), &day, id, kind, title, "Tekst"))
                .expect("note")
        }
    };
    let private = note(NoteKind::Negotiation, "Ondergrens huurverhoging").await;
    let to_share = note(NoteKind::Knowledge, "Uitkomsten enquête").await;
    let titles = |notes: Vec<pa::Note>| notes.into_iter().map(|n| (n.title, n.shared)).collect::<Vec<_>>();
    let (huurders_ref, _) = cycle_for(db, w.huurders, id).await;
    let (woonstad_ref, _) = cycle_for(db, w.woonstad, id).await;
    assert!(pa::notes(db, &woonstad_ref).await.expect("notes").is_empty(), "another party's notes are private");
    assert_eq!(
        titles(pa::notes(db, &huurders_ref).await.expect("notes")),
        [("Uitkomsten enquête".to_owned(), false), ("Ondergrens huurverhoging".to_owned(), false)]
    );
    // Only the note's party shares it, once.
    let theirs = committed!(db, |tx| pa::share_note(&mut tx, &scope(w.woonstad), &day, id, private));
    assert!(matches!(theirs, Err(StoreError::NotFound)));
    committed!(db, |tx| pa::share_note(&mut tx, &scope(w.huurders), &day, id, to_share)).expect("shared");
    let again = committed!(db, |tx| pa::share_note(&mut tx, &scope(w.huurders), &day, id, to_share));
    assert!(matches!(again, Err(StoreError::NotFound)));
    let seen = pa::notes(db, &woonstad_ref).await.expect("notes");
    assert_eq!(titles(seen.clone()), [("Uitkomsten enquête".to_owned(), true)]);
    assert_eq!((seen[0].org_id, seen[0].kind), (w.huurders, NoteKind::Knowledge));

    // The private work is in the audit log, under its own subjects, and not in the cycle's timeline.
    let private_entries = count(db, "SELECT COUNT(*) FROM audit_log WHERE entity IN ('pa_note', 'pa_bid')").await;
    assert_eq!(private_entries, 4, "two notes, a bid text and an activity");
    let timeline = pa::timeline(db, &woonstad_ref, 100).await.expect("timeline");
    assert_eq!(timeline.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["share_note", "move", "open"]);
    for entry in &timeline {
        assert_eq!(entry.entity, "pa_cycle");
        let text = format!("{:?} {:?}", entry.before, entry.after);
        for secret in ["Ondergrens", "GEHEIM"] {
            assert!(!text.contains(secret), "{secret} in {entry:?}");
        }
    }
    assert!(timeline[0].after.as_deref().is_some_and(|a| a.contains("Uitkomsten enqu")));
}

async fn the_talks_keep_an_agenda_with_positions_and_every_draft(db: &Db) {
    let w = World::new(db).await;
    let start = date!(2026 - 01 - 12);
    let id = open(db, w.gm, &new_cycle("GM0150", (2027, 2027), w.deventer()), start).await.expect("opened");
    let other = open(db, w.gm, &new_cycle("GM0150", (2028, 2028), w.deventer()), start).await.expect("opened");
    walk(db, w.gm, id, Phase::Onderhandeling, start).await;
    let day = on(date!(2026 - 09 - 14));
    let item = committed!(db, |tx| pa::add_agenda_item(&mut tx, &scope(w.gm), &day, id, "Huurverhoging 2027"));
    let item = item.expect("added").expect("in talks");
    let elsewhere = committed!(db, |tx| pa::add_agenda_item(&mut tx, &scope(w.gm), &day, other, "Elders"));
    let elsewhere = elsewhere.expect("added").expect("in talks");
    let position = |by: i64, item: i64, body: &'static str, evidence: &'static str| {
        let day = day.clone();
        async move { committed!(db, |tx| pa::set_position(&mut tx, &scope(by), &day, id, item, body, evidence)) }
    };
    assert!(position(w.huurders, item, "Niet boven inflatie", "Enquête: 71% van 412 leden").await.expect("set"));
    assert!(position(w.woonstad, item, "Inflatie plus 1%", "").await.expect("set"));
    assert!(position(w.woonstad, item, "Inflatievolgend", "Begroting 2027").await.expect("replaced"));
    assert!(matches!(position(w.huurders, elsewhere, "x", "y").await, Err(StoreError::NotFound)));
    assert!(matches!(position(w.elders, item, "x", "y").await, Err(StoreError::NotFound)));
    let agenda = pa::agenda(db, &as_party(db, id).await).await.expect("agenda");
    assert_eq!(agenda.len(), 1);
    let positions: Vec<(&str, &str, &str)> =
        agenda[0].positions.iter().map(|p| (p.org_name.as_str(), p.body.as_str(), p.evidence.as_str())).collect();
    assert_eq!(
        positions,
        [
            ("Huurdersvereniging Brink", "Niet boven inflatie", "Enquête: 71% van 412 leden"),
            ("Woonstad", "Inflatievolgend", "Begroting 2027"),
        ]
    );
    let draft = |by: i64, body: &'static str| {
        let day = day.clone();
        async move { committed!(db, |tx| pa::save_draft(&mut tx, &scope(by), &day, id, body)).expect("draft") }
    };
    assert_eq!(draft(w.gm, "Versie van de gemeente").await, Some(1));
    assert_eq!(draft(w.woonstad, "Versie met Woonstads wijzigingen").await, Some(2));
    let versions: Vec<(i64, String, String)> = pa::drafts(db, &as_party(db, id).await)
        .await
        .expect("drafts")
        .into_iter()
        .map(|d| (d.version, d.body, d.org_name))
        .collect();
    assert_eq!(
        versions,
        [
            (2, "Versie met Woonstads wijzigingen".to_owned(), "Woonstad".to_owned()),
            (1, "Versie van de gemeente".to_owned(), "Gemeente Deventer".to_owned()),
        ]
    );
    // Once signing begins, the talks are over.
    assert_eq!(move_to(db, w.gm, id, Phase::Ondertekening, date!(2026 - 11 - 20)).await, PhaseMove::Moved);
    assert_eq!(draft(w.gm, "Te laat").await, None);
    assert!(!position(w.huurders, item, "Te laat", "").await.expect("answer"));
    let late = committed!(db, |tx| pa::add_agenda_item(&mut tx, &scope(w.gm), &day, id, "Te laat")).expect("answer");
    assert_eq!(late, None);
    assert_eq!(pa::drafts(db, &as_party(db, id).await).await.expect("drafts").len(), 2);
    assert_eq!(
        pa::agenda(db, &as_party(db, id).await).await.expect("agenda")[0].positions[0].body,
        "Niet boven inflatie"
    );
}

async fn open_dispute(db: &Db, by: i64, cycle: i64, day: Date) -> Result<(), DisputeRefusal> {
    committed!(db, |tx| pa::open_dispute(&mut tx, &scope(by), &on(day), cycle, "Huurverhoging", "Te hoog", day))
        .expect("answer")
}

async fn a_dispute_opens_only_in_its_window(db: &Db) {
    let w = World::new(db).await;
    let id =
        open(db, w.gm, &new_cycle("GM0150", (2026, 2026), w.deventer()), date!(2025 - 01 - 13)).await.expect("answer");
    assert_eq!(move_to(db, w.gm, id, Phase::Bod, date!(2025 - 03 - 03)).await, PhaseMove::Moved);
    assert_eq!(open_dispute(db, w.huurders, id, date!(2025 - 08 - 01)).await, Err(DisputeRefusal::NotInTalks));
    // Talks from Tuesday 2 September 2025: the dispute arises on 2 March 2026 and may be submitted until Monday
    // 30 March (four weeks, an ordinary working day).
    assert_eq!(move_to(db, w.gm, id, Phase::Onderhandeling, date!(2025 - 09 - 02)).await, PhaseMove::Moved);
    let too_early = open_dispute(db, w.huurders, id, date!(2026 - 03 - 01)).await;
    assert_eq!(too_early, Err(DisputeRefusal::TooEarly(date!(2026 - 03 - 02))));
    let too_late = open_dispute(db, w.huurders, id, date!(2026 - 03 - 31)).await;
    assert_eq!(too_late, Err(DisputeRefusal::TooLate(date!(2026 - 03 - 30))));
    assert!(pa::dispute(db, &as_party(db, id).await).await.expect("dispute").is_none(), "a refusal opens nothing");
    let no_dispute =
        committed!(db, |tx| pa::set_dispute_position(&mut tx, &scope(w.gm), &on(date!(2026 - 03 - 01)), id, "x"));
    assert!(matches!(no_dispute, Err(StoreError::NotFound)));

    // In the signing phase with one signature, the tenants open it: the signature is withdrawn.
    assert_eq!(move_to(db, w.gm, id, Phase::Ondertekening, date!(2026 - 02 - 02)).await, PhaseMove::Moved);
    assert!(sign(db, w.woonstad, id, date!(2026 - 02 - 10)).await.expect("signed"));
    let outsider = committed!(db, |tx| pa::open_dispute(
        &mut tx,
        &scope(w.elders),
        &on(date!(2026 - 03 - 02)),
        id,
        "x",
        "y",
        date!(2026 - 03 - 02)
    ));
    assert!(matches!(outsider, Err(StoreError::NotFound)));
    let opened = date!(2026 - 03 - 02);
    assert_eq!(open_dispute(db, w.huurders, id, opened).await, Ok(()));
    let (cycle_ref, cycle) = cycle_for(db, w.gm, id).await;
    assert_eq!((cycle.phase, cycle.phase_since), (Phase::Geschil, opened));
    assert!(pa::parties(db, &as_party(db, id).await)
        .await
        .expect("parties")
        .iter()
        .all(|p| p.signed_at.is_none() && p.signed_by.is_none()));
    assert_eq!(open_dispute(db, w.woonstad, id, opened).await, Err(DisputeRefusal::NotInTalks), "one file");

    // Every party adds its position, the last one counting.
    let position = |by: i64, body: &'static str| async move {
        committed!(db, |tx| pa::set_dispute_position(&mut tx, &scope(by), &on(opened), id, body))
    };
    position(w.gm, "De gemeente volgt het bod").await.expect("position");
    position(w.woonstad, "Eerste versie").await.expect("position");
    position(w.woonstad, "Inflatievolgend is haalbaar").await.expect("position");
    assert!(matches!(position(w.elders, "x").await, Err(StoreError::NotFound)));
    let file = pa::dispute(db, &as_party(db, id).await).await.expect("dispute").expect("opened");
    assert_eq!(
        (file.opened_by.as_str(), file.opened_on, file.point.as_str()),
        ("Huurdersvereniging Brink", opened, "Huurverhoging")
    );
    assert_eq!(
        file.positions,
        [
            ("Gemeente Deventer".to_owned(), "De gemeente volgt het bod".to_owned()),
            ("Huurdersvereniging Brink".to_owned(), "Te hoog".to_owned()),
            ("Woonstad".to_owned(), "Inflatievolgend is haalbaar".to_owned()),
        ]
    );
    // After the Minister's ruling the lead takes the cycle back to signing.
    assert_eq!(move_to(db, w.gm, id, Phase::Ondertekening, date!(2026 - 05 - 11)).await, PhaseMove::Moved);
    let actions: Vec<String> =
        pa::timeline(db, &cycle_ref, 100).await.expect("timeline").into_iter().map(|e| e.action).collect();
    assert_eq!(actions[..4], ["move", "dispute_position", "dispute_position", "dispute_position"]);
    assert!(actions.contains(&"open_dispute".to_owned()));
    // Out of the dispute, positions no longer change, and the same cycle gets no second file (still in the window).
    assert!(!position(w.gm, "Later").await.expect("answer"), "no position after the dispute");
    assert_eq!(
        open_dispute(db, w.huurders, id, date!(2026 - 03 - 20)).await,
        Err(DisputeRefusal::AlreadyOpened),
        "one file per cycle"
    );
}

async fn the_national_overview_shows_each_gemeentes_newest_cycle(db: &Db) {
    let w = World::new(db).await;
    let square = Polygon { rings: vec![vec![[6.1, 52.2], [6.2, 52.2], [6.2, 52.3], [6.1, 52.2]]] };
    let deventer = Area {
        kind: AreaKind::Gemeente,
        code: "GM0150".into(),
        name: "Deventer".into(),
        year: Some(2023),
        polygons: vec![square],
    };
    areas::replace(db, &on(SETUP_DAY), 2023, &[deventer]).await.expect("boundaries");
    assert!(pa::national_overview(db).await.expect("overview").is_empty());
    let start = date!(2026 - 01 - 12);
    let newest = open(db, w.gm, &new_cycle("GM0150", (2027, 2027), w.deventer()), start).await.expect("opened");
    // Opened later but for an earlier year: not the newest.
    open(db, w.tweede, &new_cycle("GM0150", (2026, 2026), vec![]), start).await.expect("opened");
    let amsterdam =
        open(db, w.elders, &new_cycle("GM0363", (2027, 2027), vec![w.woonstad]), start).await.expect("answer");
    walk(db, w.gm, newest, Phase::Bod, start).await;
    assert!(save_bid(db, w.woonstad, newest, "Ons bod", Some(date!(2026 - 05 - 01))).await.expect("saved"));
    assert_eq!(send_bid(db, w.woonstad, newest, date!(2026 - 05 - 04)).await, Ok(()));
    assert!(save_bid(db, w.tweede, newest, "Nog niet verstuurd", Some(date!(2026 - 05 - 01))).await.expect("saved"));
    assert_eq!(move_to(db, w.gm, newest, Phase::Onderhandeling, date!(2026 - 07 - 01)).await, PhaseMove::Moved);
    assert_eq!(move_to(db, w.gm, newest, Phase::Ondertekening, date!(2026 - 11 - 20)).await, PhaseMove::Moved);
    assert!(sign(db, w.huurders, newest, date!(2026 - 12 - 01)).await.expect("signed"));

    type Row<'a> = (&'a str, Option<&'a str>, i64, i32, Phase, Date, [i64; 4]);
    let overview = pa::national_overview(db).await.expect("overview");
    let rows: Vec<Row> = overview
        .iter()
        .map(|r| {
            let counts = [r.corporations, r.bids_sent, r.parties, r.signed];
            (
                r.gemeente_code.as_str(),
                r.gemeente_name.as_deref(),
                r.cycle_id,
                r.first_year,
                r.phase,
                r.phase_since,
                counts,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("GM0150", Some("Deventer"), newest, 2027, Phase::Ondertekening, date!(2026 - 11 - 20), [2, 1, 4, 1]),
            ("GM0363", None, amsterdam, 2027, Phase::Kennisvergaring, start, [2, 0, 2, 0]),
        ]
    );
    assert_eq!(overview[0].title, "Prestatieafspraken GM0150 2027");
    assert_eq!(cycle_for(db, w.huurders, newest).await.1.gemeente_name.as_deref(), Some("Deventer"));
    // A second cycle for the same year, opened later, is the newest.
    let again = open(db, w.gm, &new_cycle("GM0150", (2027, 2027), vec![w.woonstad]), date!(2026 - 02 - 02)).await;
    let again = again.expect("opened");
    let first = pa::national_overview(db).await.expect("overview").into_iter().next().expect("a row");
    assert_eq!((first.cycle_id, first.phase, first.parties, first.bids_sent), (again, Phase::Kennisvergaring, 2, 0));
}
