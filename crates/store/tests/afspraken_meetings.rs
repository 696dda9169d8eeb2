//! Prestatieafspraken meetings at the edges of the day (migration 35) on SQLite and PostgreSQL: each person's own
//! preferences and whose count for a cycle, the proposed times, availability per person per time with the counts,
//! who may choose the time, agenda and minutes, and that ids from another cycle or meeting write nothing.
//!
//! Every write runs in its own transaction that is committed whatever the store answered, so a refusal that wrote
//! something before refusing would show in what is read back.

use time::macros::{date, time};
use time::{Date, Weekday};
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::account::Email;
use volkshuis_domain::afspraken::{propose_slots, EdgePreferences, Slot};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::org::{GemeenteCode, OrgCode, OrgKind};
use volkshuis_domain::text::Name;
use volkshuis_store::afspraken::{self as pa, Choice, CycleRef, MeetingText, NewCycle, NewMeeting};
use volkshuis_store::audit::Actor;
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;
use volkshuis_store::{calendar, gemeenten, orgs, overleg, users, Db, StoreError};

volkshuis_store::store_test_on_both_backends!(
    the_preferences_of_the_parties_members_shape_the_proposed_times,
    availability_is_counted_per_time_and_only_the_lead_or_planner_chooses,
    ids_of_another_cycle_or_meeting_write_nothing,
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

const STOCK: &str =
    "idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode\n\
D1;C9;De Brink;Brink;1;;7411BR;Deventer;GM0150;BU01500001\n";

const DAY: Date = date!(2026 - 04 - 27);

fn scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

fn system() -> Actor {
    Actor::system("test", DAY.with_time(time!(10:00)).assume_utc())
}

/// A person acting at ten on [`DAY`].
fn person(user_id: i64) -> Actor {
    Actor { user_id: Some(user_id), label: format!("user {user_id}"), request_id: None, at: system().at }
}

async fn org(db: &Db, code: &str, kind: OrgKind) -> i64 {
    let fields =
        orgs::OrgFields { code: OrgCode::parse(code).expect("code"), name: Name::parse(code).expect("name"), kind };
    committed!(db, |tx| orgs::create(&mut tx, &system(), &fields)).expect("org").id
}

/// A user who is a member (staff) of `org`.
async fn member(db: &Db, email: &str, org: i64) -> i64 {
    let new = users::NewUser {
        email: Email::parse(email).expect("email"),
        name: Name::parse(email).expect("name"),
        password_hash: "not used here".to_owned(),
        is_platform_admin: false,
    };
    let id = committed!(db, |tx| users::create(&mut tx, &system(), &new)).expect("user").id;
    committed!(db, |tx| users::set_membership(&mut tx, &system(), id, org, Role::Staff)).expect("member");
    id
}

/// A Deventer cycle of a municipality, a corporation and its tenant organisation, each with one member; and an
/// organisation that is no party, with a member of its own.
struct World {
    gm: i64,
    woonstad: i64,
    huurders: i64,
    elders: i64,
    anna: i64,
    bram: i64,
    cees: i64,
    dirk: i64,
    cycle: i64,
}

impl World {
    async fn new(db: &Db) -> World {
        let woonstad = org(db, "woonstad", OrgKind::Corporation).await;
        let reader = StockReader::new(std::io::Cursor::new(STOCK.as_bytes().to_vec())).expect("header");
        let options = ImportOptions { cbs_year: 2023, ..Default::default() };
        stock::import_units(db, &scope(woonstad), &system(), "t.csv", reader, options, &mut |_| {})
            .await
            .expect("import");
        let huurders = org(db, "huurders", OrgKind::TenantOrganisation).await;
        committed!(db, |tx| overleg::add_partner(&mut tx, &scope(woonstad), &system(), huurders, None)).expect("p");
        committed!(db, |tx| overleg::respond_to_proposal(&mut tx, &scope(huurders), &system(), woonstad, true))
            .expect("accepted");
        let gm = org(db, "gm-deventer", OrgKind::Municipality).await;
        let codes = GemeenteCode::parse_list("GM0150").expect("codes");
        committed!(db, |tx| gemeenten::set(&mut tx, &system(), gm, &codes, 2023)).expect("known code");
        let elders = org(db, "elders", OrgKind::TenantOrganisation).await;
        let new = NewCycle {
            gemeente_code: "GM0150".into(),
            first_year: 2027,
            last_year: 2027,
            title: "Prestatieafspraken Deventer 2027".into(),
            party_ids: vec![woonstad, huurders],
        };
        let cycle = committed!(db, |tx| pa::open_cycle(&mut tx, &scope(gm), &system(), &new, DAY)).expect("opened");
        World {
            gm,
            woonstad,
            huurders,
            elders,
            anna: member(db, "anna@gm.test", gm).await,
            bram: member(db, "bram@woonstad.test", woonstad).await,
            cees: member(db, "cees@huurders.test", huurders).await,
            dirk: member(db, "dirk@elders.test", elders).await,
            cycle,
        }
    }

    async fn cycle_for(&self, db: &Db, org: i64) -> CycleRef {
        pa::open_cycle_for(db, scope(org).as_read(), self.cycle).await.expect("read").expect("a party").0
    }
}

async fn count(db: &Db, query: &str) -> i64 {
    sql::query_scalar(query).fetch_one(db).await.expect("count")
}

/// The times proposed for the cycle's parties from Monday 4 May 2026, a week ahead.
async fn proposals(db: &Db, cycle: &CycleRef) -> Vec<Slot> {
    let people = pa::party_preferences(db, cycle).await.expect("preferences");
    let calendar = calendar::term_calendar(db).await.expect("calendar");
    propose_slots(date!(2026 - 05 - 04), 7, 60, &people, &calendar, 20)
}

fn at_an_edge(slot: &Slot) -> bool {
    slot.end <= time!(09:00) || slot.start >= time!(17:30)
}

async fn the_preferences_of_the_parties_members_shape_the_proposed_times(db: &Db) {
    let w = World::new(db).await;
    let cycle = w.cycle_for(db, w.huurders).await;
    // No one said anything yet: the defaults, a morning and an evening on each working day; 5 May is a holiday.
    let slots = proposals(db, &cycle).await;
    assert!(slots.iter().all(at_an_edge), "{slots:?}");
    assert!(slots.iter().all(|s| s.date != date!(2026 - 05 - 05)), "Bevrijdingsdag is skipped");
    assert!(slots.iter().all(|s| !matches!(s.date.weekday(), Weekday::Saturday | Weekday::Sunday)));
    assert_eq!(slots.len(), 8, "Monday, Wednesday, Thursday and Friday, morning and evening");

    // Cees (a party's member) cannot do mornings: only evenings are left.
    let no_mornings = EdgePreferences { morning: false, ..EdgePreferences::default() };
    committed!(db, |tx| pa::save_edge_preferences(&mut tx, &person(w.cees), &no_mornings)).expect("saved");
    assert_eq!(pa::edge_preferences(db, w.cees).await.expect("read"), Some(no_mornings));
    let slots = proposals(db, &cycle).await;
    assert_eq!(slots.len(), 4);
    assert!(slots.iter().all(|s| s.start == time!(19:00)), "{slots:?}");

    // Dirk is no party's member: his Mondays-only do not count here.
    let mondays = EdgePreferences { weekdays: [true, false, false, false, false], ..EdgePreferences::default() };
    committed!(db, |tx| pa::save_edge_preferences(&mut tx, &person(w.dirk), &mondays)).expect("saved");
    assert_eq!(pa::party_preferences(db, &cycle).await.expect("read"), [no_mornings]);
    // Saving again replaces: Cees can do mornings from seven after all, and evenings only until 21:00.
    let changed = EdgePreferences { morning_from: time!(07:00), evening_until: time!(21:00), ..Default::default() };
    committed!(db, |tx| pa::save_edge_preferences(&mut tx, &person(w.cees), &changed)).expect("saved");
    assert_eq!(pa::party_preferences(db, &cycle).await.expect("read"), [changed]);
    assert_eq!(count(db, "SELECT COUNT(*) FROM pa_edge_preferences").await, 2);
    // The system has no preferences of its own to save.
    let nobody = committed!(db, |tx| pa::save_edge_preferences(&mut tx, &system(), &changed));
    assert!(matches!(nobody, Err(StoreError::NotFound)), "{nobody:?}");
    assert_eq!(count(db, "SELECT COUNT(*) FROM audit_log WHERE entity = 'pa_edge_preferences'").await, 3);
}

async fn plan(db: &Db, org: i64, by: i64, cycle: i64, slots: Vec<Slot>) -> Result<i64, StoreError> {
    let new = NewMeeting { title: "Overleg nieuwbouw".into(), duration_minutes: 60, place: None, slots };
    committed!(db, |tx| pa::plan_meeting(&mut tx, &scope(org), &person(by), cycle, &new))
}

async fn mark(db: &Db, org: i64, by: i64, cycle: i64, meeting: i64, answers: &[(i64, bool)]) -> Result<(), StoreError> {
    committed!(db, |tx| pa::mark_availability(&mut tx, &scope(org), &person(by), cycle, meeting, answers))
}

async fn choose(db: &Db, org: i64, by: i64, cycle: i64, meeting: i64, slot: i64) -> Result<Choice, StoreError> {
    committed!(db, |tx| pa::choose_slot(&mut tx, &scope(org), &person(by), cycle, meeting, slot))
}

/// The tenant organisation's member writes a text of a meeting of the 2027 cycle.
async fn save_text(db: &Db, w: &World, id: i64, which: MeetingText, body: &str) -> Result<(), StoreError> {
    committed!(db, |tx| pa::save_meeting_text(&mut tx, &scope(w.huurders), &person(w.cees), w.cycle, id, which, body))
}

async fn availability_is_counted_per_time_and_only_the_lead_or_planner_chooses(db: &Db) {
    let w = World::new(db).await;
    let cycle = w.cycle_for(db, w.woonstad).await;
    let slots = proposals(db, &cycle).await;
    let id = plan(db, w.woonstad, w.bram, w.cycle, slots[..3].to_vec()).await.expect("planned");
    let meeting = pa::meeting(db, &cycle, id).await.expect("read").expect("found");
    assert_eq!(meeting.slots.iter().map(|s| s.slot).collect::<Vec<_>>(), slots[..3]);
    assert_eq!((meeting.duration_minutes, meeting.created_by_user, meeting.chosen()), (60, Some(w.bram), None));
    let [first, second, third] = [meeting.slots[0].id, meeting.slots[1].id, meeting.slots[2].id];

    mark(db, w.gm, w.anna, w.cycle, id, &[(first, true), (second, false)]).await.expect("marked");
    mark(db, w.woonstad, w.bram, w.cycle, id, &[(first, true)]).await.expect("marked");
    mark(db, w.huurders, w.cees, w.cycle, id, &[(first, false), (third, true)]).await.expect("marked");
    // Anna changes her mind about the second time: her answer is replaced, not added.
    mark(db, w.gm, w.anna, w.cycle, id, &[(second, true)]).await.expect("marked");
    let seen = pa::meeting(db, &cycle, id).await.expect("read").expect("found");
    let counts: Vec<(i64, i64)> = seen.slots.iter().map(|s| (s.yes, s.no)).collect();
    assert_eq!(counts, [(2, 1), (1, 0), (1, 0)]);
    assert_eq!(pa::answers_of(db, &cycle, id, w.anna).await.expect("read"), [(first, true), (second, true)]);
    // Every party sees the same counts.
    let theirs = pa::meetings(db, &w.cycle_for(db, w.huurders).await).await.expect("read");
    assert_eq!(theirs, [seen]);

    // The tenant organisation neither leads nor planned it; the lead party and the planner choose.
    assert_eq!(choose(db, w.huurders, w.cees, w.cycle, id, first).await.expect("answer"), Choice::NotAllowed);
    let colleague = member(db, "els@woonstad.test", w.woonstad).await;
    assert_eq!(choose(db, w.woonstad, colleague, w.cycle, id, first).await.expect("answer"), Choice::NotAllowed);
    assert!(pa::meeting(db, &cycle, id).await.expect("read").expect("found").chosen().is_none());
    assert_eq!(choose(db, w.woonstad, w.bram, w.cycle, id, first).await.expect("answer"), Choice::Chosen);
    assert_eq!(choose(db, w.gm, w.anna, w.cycle, id, third).await.expect("answer"), Choice::Chosen);
    let chosen = pa::meeting(db, &cycle, id).await.expect("read").expect("found");
    assert_eq!(chosen.chosen().map(|s| s.id), Some(third));
    assert_eq!(chosen.slots.iter().filter(|s| s.chosen).count(), 1);

    // Agenda and minutes.
    save_text(db, &w, id, MeetingText::Agenda, "1. Opening\n2. Nieuwbouw").await.expect("saved");
    save_text(db, &w, id, MeetingText::Minutes, "Afgesproken: 40 woningen").await.expect("saved");
    let written = pa::meeting(db, &cycle, id).await.expect("read").expect("found");
    assert_eq!(
        (written.agenda.as_str(), written.minutes.as_str()),
        ("1. Opening\n2. Nieuwbouw", "Afgesproken: 40 woningen")
    );

    // Each change is on the cycle's timeline.
    let actions: Vec<String> =
        pa::timeline(db, &cycle, 50).await.expect("timeline").into_iter().map(|e| e.action).collect();
    for action in ["plan_meeting", "mark_availability", "choose_slot", "meeting_agenda", "meeting_minutes"] {
        assert!(actions.iter().any(|a| a == action), "{action} in {actions:?}");
    }
    assert_eq!(actions.iter().filter(|a| *a == "choose_slot").count(), 2, "refusals are not audited");
}

async fn ids_of_another_cycle_or_meeting_write_nothing(db: &Db) {
    let w = World::new(db).await;
    let cycle = w.cycle_for(db, w.woonstad).await;
    let slots = proposals(db, &cycle).await;
    let id = plan(db, w.woonstad, w.bram, w.cycle, slots[..2].to_vec()).await.expect("planned");
    // Woonstad's own cycle for 2028, without the others; a meeting in it.
    let new = NewCycle {
        gemeente_code: "GM0150".into(),
        first_year: 2028,
        last_year: 2028,
        title: "Woonstad 2028".into(),
        party_ids: vec![],
    };
    let other = committed!(db, |tx| pa::open_cycle(&mut tx, &scope(w.woonstad), &system(), &new, DAY)).expect("open");
    let elsewhere = plan(db, w.woonstad, w.bram, other, slots[2..4].to_vec()).await.expect("planned");
    let other_ref = pa::open_cycle_for(db, scope(w.woonstad).as_read(), other).await.expect("read").expect("party").0;
    let before = count(db, "SELECT COUNT(*) FROM audit_log").await;

    // Not a party: nothing planned, marked or chosen; the meeting is not found through another cycle.
    assert!(matches!(plan(db, w.elders, w.dirk, w.cycle, slots.clone()).await, Err(StoreError::NotFound)));
    let meeting = pa::meeting(db, &cycle, id).await.expect("read").expect("found");
    let first = meeting.slots[0].id;
    assert!(matches!(mark(db, w.elders, w.dirk, w.cycle, id, &[(first, true)]).await, Err(StoreError::NotFound)));
    assert!(matches!(choose(db, w.elders, w.dirk, w.cycle, id, first).await, Err(StoreError::NotFound)));
    // The tenant organisation is no party of the 2028 cycle: its meeting is not reached through the 2027 one.
    assert!(matches!(mark(db, w.huurders, w.cees, w.cycle, elsewhere, &[]).await, Err(StoreError::NotFound)));
    assert!(matches!(mark(db, w.huurders, w.cees, other, elsewhere, &[]).await, Err(StoreError::NotFound)));
    assert!(pa::meeting(db, &cycle, elsewhere).await.expect("read").is_none());
    assert!(pa::meeting(db, &other_ref, id).await.expect("read").is_none());
    // A time of another meeting, even among good ones, writes nothing; nor does choosing it.
    let foreign = pa::meeting(db, &other_ref, elsewhere).await.expect("read").expect("found").slots[0].id;
    let mixed = mark(db, w.gm, w.anna, w.cycle, id, &[(first, true), (foreign, true)]).await;
    assert!(matches!(mixed, Err(StoreError::NotFound)), "{mixed:?}");
    assert!(matches!(choose(db, w.gm, w.anna, w.cycle, id, foreign).await, Err(StoreError::NotFound)));
    assert!(matches!(save_text(db, &w, elsewhere, MeetingText::Minutes, "x").await, Err(StoreError::NotFound)));
    assert_eq!(count(db, "SELECT COUNT(*) FROM pa_meeting_availability").await, 0);
    assert_eq!(count(db, "SELECT COUNT(*) FROM pa_meeting_slots WHERE chosen = 1").await, 0);
    assert_eq!(count(db, "SELECT COUNT(*) FROM pa_meetings").await, 2);
    assert_eq!(count(db, "SELECT COUNT(*) FROM audit_log").await, before, "refusals are not audited");
}
