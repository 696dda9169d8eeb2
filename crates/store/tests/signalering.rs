//! Signalering on SQLite and PostgreSQL: a ledger brought in all or nothing, the verdicts and the signals it sends
//! (to a municipality on the platform, or for delivery by file), the inbox and its buckets, results and what the
//! landlord learns of them, retention, soft signals to partners, and every read of a person in the audit log.

use time::macros::{date, time};
use time::Date;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::bezit::import::{RowProblem, StockReader};
use volkshuis_domain::money::Money;
use volkshuis_domain::org::{GemeenteCode, OrgCode, OrgKind};
use volkshuis_domain::signalering::outcome::{LandlordView, OutreachKind};
use volkshuis_domain::signalering::soft::{ReferralRefused, SoftKind, SoftState, WithdrawRefused};
use volkshuis_domain::signalering::triage::{BucketAction, Criteria};
use volkshuis_domain::signalering::{Household, LedgerReader, Outcome, PartOfDay};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::signalering::buckets::{self, NewBucket};
use volkshuis_store::signalering::figures::{self, Grouping, Side};
use volkshuis_store::signalering::ledger::{self, VerdictFilter};
use volkshuis_store::signalering::partners::{self, Listing};
use volkshuis_store::signalering::signals::{self, Contact, InboxFilter, SenderRefusal, StepRefusal};
use volkshuis_store::signalering::soft::{self, NewSoft, PartnerStep, SoftRefusal};
use volkshuis_store::signalering::{retention, PersonalScope, Purpose};
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;
use volkshuis_store::{gemeenten, orgs, Db};

volkshuis_store::store_test_on_both_backends!(
    a_ledger_with_a_bad_row_writes_nothing_and_names_line_and_column,
    a_ledger_decides_every_household_and_signals_only_the_allowed_fields,
    the_municipality_sorts_works_and_closes_and_the_landlord_learns_only_picked_up,
    retention_deletes_due_signals_and_keeps_the_counts,
    soft_signals_need_consent_and_each_partner_sees_only_its_own,
    a_referral_never_answered_is_deleted_a_year_after_it_was_made,
    a_ledger_sends_nothing_until_it_is_confirmed_the_same_day,
    collection_resumes_after_a_later_result_says_not_picked_up,
    arrears_count_as_resolved_when_the_contract_leaves_the_ledger_and_not_when_it_returns,
    a_withdrawn_consent_ends_the_referral_for_the_partner,
    the_days_late_count_from_the_arrears_and_an_older_offer_counts_for_nothing,
    referral_partners_are_each_corporations_own_list,
    a_ledger_turn_is_one_callers_until_it_ends_or_expires,
);

async fn a_ledger_sends_nothing_until_it_is_confirmed_the_same_day(db: &Db) {
    let db = db.clone();
    let world = World::new(&db).await;
    let households: Vec<Household> =
        LedgerReader::new(ledger_file().as_bytes()).expect("header").map(|r| r.expect("valid row")).collect();
    let first = ledger::import_ledger(&db, &scope(world.woonstad), &actor(), "l.csv", &households, TODAY)
        .await
        .expect("ok")
        .expect("decided");
    // Brought in again before it was sent, the first lapses, and the log says so beside its import.
    let id = ledger::import_ledger(&db, &scope(world.woonstad), &actor(), "l.csv", &households, TODAY)
        .await
        .expect("ok")
        .expect("decided");
    let dropped: Vec<String> =
        sql::query_scalar("SELECT entity_id FROM audit_log WHERE action = 'drop' AND entity = 'sg_ledgers'")
            .fetch_all(&db)
            .await
            .expect("audit");
    assert_eq!(dropped, [first.to_string()]);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM sg_ledgers").await, 1);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM sg_signals").await, 0, "nothing travels before the confirmation");
    let pending = ledger::pending(&db, scope(world.woonstad).as_read()).await.expect("ok").expect("pending");
    assert_eq!(pending.to_municipalities, vec![("gm-deventer".to_owned(), 1)]);
    assert_eq!(pending.by_file, vec![("GM0193".to_owned(), 1)]);
    // Another organisation cannot send it; nor can it be sent another day.
    let other = org(&db, "anders", OrgKind::Corporation).await;
    let theirs = ledger::send_ledger(&db, &scope(other), &actor(), id, TODAY).await.expect("ok");
    assert_eq!(theirs.err(), Some(ledger::SendRefusal::NotPending));
    let later =
        ledger::send_ledger(&db, &scope(world.woonstad), &actor(), id, date!(2026 - 12 - 05)).await.expect("ok");
    assert_eq!(later.err(), Some(ledger::SendRefusal::Stale));
    let sent = ledger::send_ledger(&db, &scope(world.woonstad), &actor(), id, TODAY).await.expect("ok").expect("sent");
    assert_eq!(sent.signalled(), 2);
    let again = ledger::send_ledger(&db, &scope(world.woonstad), &actor(), id, TODAY).await.expect("ok");
    assert_eq!(again.err(), Some(ledger::SendRefusal::NotPending));
    // An empty ledger is refused: sent, it would mark every open signal's arrears resolved.
    let empty = ledger::import_ledger(&db, &scope(world.woonstad), &actor(), "leeg.csv", &[], TODAY).await.expect("ok");
    assert_eq!(empty.expect_err("refused")[0].reason, RowProblem::NoRows);
    // A signal that is never closed is still deleted, at the latest two years after it was sent.
    let caps: Vec<String> = sql::query_scalar("SELECT delete_on FROM sg_signals").fetch_all(&db).await.expect("caps");
    assert_eq!(caps, vec!["2028-12-04".to_owned(), "2028-12-04".to_owned()]);
}

async fn collection_resumes_after_a_later_result_says_not_picked_up(db: &Db) {
    let db = db.clone();
    let world = World::new(&db).await;
    world.import(&db, &ledger_file()).await.expect("imported");
    let outreach = personal(world.gm, Purpose::Outreach);
    let id = signals::inbox(&db, &outreach, &actor(), InboxFilter::Open, 0, 10).await.expect("inbox")[0].id;
    let record = |outcome| {
        let db = db.clone();
        async move { signals::record_outcome(&db, &scope(world.gm), &actor(), id, outcome, TODAY).await.expect("ok") }
    };
    record(Outcome::PickedUp).await.expect("picked up, still open");
    let pause = signals::set_collection_paused(&db, &scope(world.woonstad), &actor(), id, true, TODAY).await;
    pause.expect("ok").expect("paused");
    record(Outcome::Deceased).await.expect("closed: not picked up after all");
    let resume = signals::set_collection_paused(&db, &scope(world.woonstad), &actor(), id, false, TODAY).await;
    assert_eq!(resume.expect("ok"), Ok(()), "resuming never needs a picked-up result");
    let again = signals::set_collection_paused(&db, &scope(world.woonstad), &actor(), id, true, TODAY).await;
    assert_eq!(again.expect("ok"), Err(SenderRefusal::NotPickedUp));
}

const STOCK: &str = "idExtern;straatnaam;huisnummer;huisletter;postcode;woonplaats;gemeenteCode;buurtCode;\
bagVerblijfsobjectId\n\
D1;Brink;1;A;7411BR;Deventer;GM0150;BU01500001;0150010000000001\n\
D2;Brink;2;;7411BR;Deventer;GM0150;BU01500001;\n\
Z1;Markt;5;;8011AA;Zwolle;GM0193;BU01930001;\n\
X1;Dorpsstraat;3;;9999ZZ;Ergens;;;\n";

const TODAY: Date = date!(2026 - 12 - 04);

const HEADER: &str = "contractnummer;eenheid;naam;telefoon;email;bedrag;achterstandSinds;aanmaningDatum;aanbodDatum;\
contactpogingDatum;contactpogingSoort;contactBereikt;schuldhulpGewezen;bezwaar;regeling";

/// A ledger: C1 (Deventer) and C3 (Zwolle, not on the platform) meet every condition; C2 objected; C4's unit has no
/// gemeente; C5's offer was sent too recently.
fn ledger_file() -> String {
    format!(
        "{HEADER}\n\
C1;D1;A. de Vries;0612345678;a@example.nl;450,00;1-8-2026;15-9-2026;1-10-2026;20-9-2026;telefoon;nee;ja;nee;geen\n\
C2;D2;B. Jansen;;;120;1-8-2026;15-9-2026;1-10-2026;20-9-2026;huisbezoek;ja;ja;ja;geen\n\
C3;Z1;C. Bakker;;;75,50;1-7-2026;15-9-2026;1-10-2026;20-9-2026;telefoon;nee;ja;nee;niet-nagekomen\n\
C4;X1;D. Smit;;;300;1-7-2026;15-9-2026;1-10-2026;20-9-2026;telefoon;nee;ja;nee;geen\n\
C5;D2;E. Visser;;;90;1-10-2026;20-11-2026;20-11-2026;21-11-2026;huisbezoek;nee;ja;nee;geen\n"
    )
}

/// Puts `partner` on the referral list of `corporation`.
async fn list_partner(db: &Db, corporation: i64, partner: i64) {
    let listing = partners::add_referral_partner(db, &scope(corporation), &actor(), partner).await.expect("ok");
    assert_eq!(listing, Listing::Added, "listed");
}

fn scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

fn personal(org: i64, purpose: Purpose) -> PersonalScope {
    PersonalScope::new(&scope(org), purpose)
}

fn actor() -> Actor {
    Actor::system("test", TODAY.with_time(time!(10:00)).assume_utc())
}

async fn org(db: &Db, code: &str, kind: OrgKind) -> i64 {
    let fields =
        orgs::OrgFields { code: OrgCode::parse(code).expect("code"), name: Name::parse(code).expect("name"), kind };
    let mut tx = db.begin().await.expect("begin");
    let id = orgs::create(&mut tx, &actor(), &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    id
}

async fn count(db: &Db, query: &str) -> i64 {
    sql::query_scalar(query).fetch_one(db).await.expect("count")
}

struct World {
    woonstad: i64,
    gm: i64,
    wijkteam: i64,
    schuldhulp: i64,
}

impl World {
    async fn new(db: &Db) -> World {
        let woonstad = org(db, "woonstad", OrgKind::Corporation).await;
        let reader = StockReader::new(std::io::Cursor::new(STOCK.as_bytes().to_vec())).expect("header");
        let options = ImportOptions { cbs_year: 2023, ..Default::default() };
        stock::import_units(db, &scope(woonstad), &actor(), "t.csv", reader, options, &mut |_| {})
            .await
            .expect("import");
        let gm = org(db, "gm-deventer", OrgKind::Municipality).await;
        let codes = GemeenteCode::parse_list("GM0150").expect("codes");
        let mut tx = db.begin().await.expect("begin");
        gemeenten::set(&mut tx, &actor(), gm, &codes, 2023).await.expect("known code");
        tx.commit().await.expect("commit");
        let wijkteam = org(db, "wijkteam", OrgKind::Partner).await;
        let schuldhulp = org(db, "schuldhulp", OrgKind::Partner).await;
        World { woonstad, gm, wijkteam, schuldhulp }
    }

    /// Brings in the ledger and, when it reads cleanly, sends it (as after the user's confirmation).
    async fn import(
        &self,
        db: &Db,
        file: &str,
    ) -> Result<ledger::LedgerSummary, Vec<volkshuis_domain::bezit::import::RowError>> {
        let households: Vec<Household> =
            LedgerReader::new(file.as_bytes()).expect("header").map(|r| r.expect("valid row")).collect();
        let id = ledger::import_ledger(db, &scope(self.woonstad), &actor(), "ledger.csv", &households, TODAY)
            .await
            .expect("no database error")?;
        let preview = ledger::pending(db, &scope(self.woonstad)).await.expect("pending").expect("one waits");
        let sent = ledger::send_ledger(db, &scope(self.woonstad), &actor(), id, TODAY).await.expect("sent");
        let sent = sent.expect("pending");
        // What the confirmation page promised is what sending did.
        assert_eq!(preview.resolving, sent.resolved as i64, "arrears resolved: promised and done");
        Ok(sent)
    }
}

async fn a_ledger_with_a_bad_row_writes_nothing_and_names_line_and_column(db: &Db) {
    let db = db.clone();
    let world = World::new(&db).await;
    let file =
        format!("{}C1;ONBEKEND;X;;;10;1-1-2026;;;;;;;nee;geen\nC2;D1;Y;;;10;1-1-2026;;;;;;;nee;geen\n", ledger_file());
    let errors = world.import(&db, &file).await.expect_err("refused");
    let found: Vec<(u64, &str, &RowProblem)> = errors.iter().map(|e| (e.line, e.column.as_str(), &e.reason)).collect();
    assert_eq!(
        found,
        vec![
            (7, "contractnummer", &RowProblem::Duplicate { first: 2 }),
            (7, "eenheid", &RowProblem::UnknownUnit),
            (8, "contractnummer", &RowProblem::Duplicate { first: 3 }),
        ]
    );
    for table in ["sg_ledgers", "sg_households", "sg_signals", "sg_facts"] {
        assert_eq!(count(&db, &format!("SELECT COUNT(*) FROM {table}")).await, 0, "{table}");
    }
}

async fn a_ledger_decides_every_household_and_signals_only_the_allowed_fields(db: &Db) {
    let db = db.clone();
    let world = World::new(&db).await;
    let summary = world.import(&db, &ledger_file()).await.expect("imported");
    assert_eq!(summary.households, 5);
    assert_eq!(summary.sent, vec![(world.gm, 1)]);
    assert_eq!(summary.by_file, 1);
    let (verdicts, total) =
        ledger::verdicts(&db, &personal(world.woonstad, Purpose::SendAndFollow), &actor(), VerdictFilter::All, 0, 50)
            .await
            .expect("verdicts");
    assert_eq!(total, 5);
    let blocks: Vec<(&str, Vec<&str>)> =
        verdicts.iter().map(|v| (v.contract.as_str(), v.blocks.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        blocks,
        vec![
            ("C1", vec![]),
            ("C2", vec!["bezwaar"]),
            ("C3", vec![]),
            ("C4", vec!["geen_gemeente"]),
            ("C5", vec!["te_vroeg"]),
        ]
    );
    // 20 November + 30 days = Sunday 20 December, so the term runs to Monday 21: a signal may go on the 22nd.
    assert_eq!(verdicts[4].signal_from, Some(date!(2026 - 12 - 22)));

    // The signal carries the stock's address and BAG id, and nothing of the ledger beyond the allowed fields.
    let (inbox, _) = (
        signals::inbox(&db, &personal(world.gm, Purpose::Outreach), &actor(), InboxFilter::Open, 0, 50)
            .await
            .expect("inbox"),
        (),
    );
    assert_eq!(inbox.len(), 1);
    let signal = &inbox[0];
    assert_eq!(
        (signal.name.as_str(), signal.street.as_str(), signal.house_number.as_str(), signal.postcode.as_str()),
        ("A. de Vries", "Brink", "1A", "7411BR")
    );
    assert_eq!(signal.bag_id.as_deref(), Some("0150010000000001"));
    assert_eq!((signal.amount, signal.arrears_since), (Money::from_cents(45_000), date!(2026 - 08 - 01)));
    let columns: Vec<String> = match db.backend() {
        volkshuis_store::Backend::Sqlite => sql::query_scalar("SELECT name FROM pragma_table_info('sg_signals') ORDER BY name")
            .fetch_all(&db)
            .await
            .expect("columns"),
        volkshuis_store::Backend::Postgres => sql::query_scalar(
            "SELECT CAST(column_name AS TEXT) FROM information_schema.columns WHERE table_name = 'sg_signals' ORDER BY 1",
        )
        .fetch_all(&db)
        .await
        .expect("columns"),
    };
    let personal_columns: Vec<&str> = columns
        .iter()
        .map(String::as_str)
        .filter(|c| !c.ends_with("_id") && !c.ends_with("_on") && !c.ends_with("_at") && !c.starts_with("bucket"))
        .collect();
    // What travels: contact details, the address, the amount; `contract` is the sender's reference, `outcome` the
    // municipality's. No reminder dates, no objection, no arrangement, no contact history of the landlord.
    assert_eq!(
        personal_columns,
        vec![
            "amount_cents",
            "arrears_since",
            "contract",
            "email",
            "gemeente_code",
            "house_number",
            "id",
            "name",
            "outcome",
            "phone",
            "postcode",
            "street",
            "woonplaats"
        ]
    );

    // A second ledger the same month does not signal C1 again while its signal is open.
    let again = world.import(&db, &ledger_file()).await.expect("imported again");
    assert_eq!(again.signalled(), 0);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM sg_households").await, 5, "only the latest ledger's households");

    // The delivery file for Zwolle (not on the platform) holds its one signal and marks it exported.
    let file =
        signals::export_for_delivery(&db, &personal(world.woonstad, Purpose::DeliverByFile), &actor(), "GM0193", 6)
            .await
            .expect("export");
    assert_eq!(file.iter().map(|r| r.signal.name.as_str()).collect::<Vec<_>>(), vec!["C. Bakker"]);
    let pending = signals::pending_by_file(&db, scope(world.woonstad).as_read()).await.expect("pending");
    assert_eq!(pending.iter().map(|p| (p.0.as_str(), p.2, p.3)).collect::<Vec<_>>(), vec![("GM0193", 0, 1)]);
    // Deventer's municipality cannot export Zwolle's file, and sees nothing of it.
    let theirs = signals::export_for_delivery(&db, &personal(world.gm, Purpose::DeliverByFile), &actor(), "GM0193", 6)
        .await
        .expect("export");
    assert!(theirs.is_empty());

    // Every read of a person is in the audit log with its purpose.
    let reads = count(&db, "SELECT COUNT(*) FROM audit_log WHERE action = 'read_personal' AND personal_data = 1").await;
    assert_eq!(reads, 3);
    let purposes: Vec<String> =
        sql::query_scalar("SELECT after_json FROM audit_log WHERE action = 'read_personal' ORDER BY id")
            .fetch_all(&db)
            .await
            .expect("entries");
    assert!(purposes[0].contains("verzending_en_terugkoppeling") && purposes[1].contains("contact_met_huishouden"));
    assert!(purposes.iter().all(|p| !p.contains("Vries") && !p.contains("Bakker")), "{purposes:?}");
}

async fn the_municipality_sorts_works_and_closes_and_the_landlord_learns_only_picked_up(db: &Db) {
    let db = db.clone();
    let world = World::new(&db).await;
    let small = NewBucket {
        name: "Onder €50".into(),
        criteria: Criteria { below_amount: Some(Money::from_cents(5_000)), ..Criteria::default() },
        action: BucketAction::NoAction,
    };
    let visit = NewBucket {
        name: "Huisbezoek".into(),
        criteria: Criteria { min_amount: Some(Money::from_cents(5_000)), ..Criteria::default() },
        action: BucketAction::HomeVisit,
    };
    let small_id = buckets::add_bucket(&db, &scope(world.gm), &actor(), &small, TODAY).await.expect("bucket");
    let visit_id = buckets::add_bucket(&db, &scope(world.gm), &actor(), &visit, TODAY).await.expect("bucket");
    world.import(&db, &ledger_file()).await.expect("imported");
    let counts = signals::inbox_counts(&db, scope(world.gm).as_read()).await.expect("counts");
    assert_eq!(counts.open, vec![(Some(visit_id), 1)]);
    let outreach = personal(world.gm, Purpose::Outreach);
    let id = signals::inbox(&db, &outreach, &actor(), InboxFilter::Bucket(visit_id), 0, 10).await.expect("inbox")[0].id;
    // Paged by id: the page after the last signal is empty.
    assert!(signals::inbox(&db, &outreach, &actor(), InboxFilter::Open, id, 10).await.expect("inbox").is_empty());

    // Another organisation's ids write nothing: the corporation cannot record a result, nor a bucket of another.
    let refused = signals::record_outcome(&db, &scope(world.woonstad), &actor(), id, Outcome::Deceased, TODAY).await;
    assert_eq!(refused.expect("ok"), Err(StepRefusal::NotFound));
    assert!(signals::signal(&db, &personal(world.woonstad, Purpose::Outreach), &actor(), id)
        .await
        .expect("ok")
        .is_none());
    let other = org(&db, "gm-zwolle", OrgKind::Municipality).await;
    let foreign = buckets::add_bucket(&db, &scope(other), &actor(), &small, TODAY).await.expect("bucket");
    assert!(!signals::move_to_bucket(&db, &scope(world.gm), &actor(), id, foreign).await.expect("ok"));
    assert!(signals::move_to_bucket(&db, &scope(world.gm), &actor(), id, small_id).await.expect("moved"));

    let contact = Contact {
        kind: OutreachKind::HomeVisit,
        reached: true,
        on: date!(2026 - 12 - 03),
        part_of_day: PartOfDay::Evening,
        recorded_by: String::new(),
    };
    // A step dated before the signal was sent is refused (it would move the deletion into the past).
    let early = Contact { on: date!(2026 - 12 - 03), ..contact.clone() };
    let refused = signals::add_contact(&db, &scope(world.gm), &actor(), id, &early).await.expect("ok");
    assert_eq!(refused, Err(StepRefusal::BeforeSent(TODAY)));
    let contact = Contact { on: TODAY, ..contact };
    signals::add_contact(&db, &scope(world.gm), &actor(), id, &contact).await.expect("ok").expect("contact");
    let (_, contacts) = signals::signal(&db, &outreach, &actor(), id).await.expect("read").expect("its own");
    assert_eq!((contacts.len(), contacts[0].part_of_day), (1, PartOfDay::Evening));

    // Before a result, the landlord may not pause its collection.
    let refused =
        signals::set_collection_paused(&db, &scope(world.woonstad), &actor(), id, true, TODAY).await.expect("ok");
    assert_eq!(refused, Err(SenderRefusal::NotPickedUp));
    signals::record_outcome(&db, &scope(world.gm), &actor(), id, Outcome::ReferredOn, TODAY)
        .await
        .expect("ok")
        .expect("recorded");
    let sender = personal(world.woonstad, Purpose::SendAndFollow);
    let seen = signals::sent_signal(&db, &sender, &actor(), id).await.expect("read").expect("its own");
    assert_eq!(seen.view, LandlordView::PickedUp(TODAY));
    signals::set_collection_paused(&db, &scope(world.woonstad), &actor(), id, true, TODAY)
        .await
        .expect("ok")
        .expect("paused");
    assert!(signals::record_eviction(&db, &scope(world.woonstad), &actor(), id, true, TODAY).await.expect("ok"));
    // A closed signal takes no more steps; it is kept 18 months (follow-up).
    let closed_step = signals::add_contact(&db, &scope(world.gm), &actor(), id, &contact).await.expect("ok");
    assert_eq!(closed_step, Err(StepRefusal::NotFound));
    let (closed, _) = signals::signal(&db, &outreach, &actor(), id).await.expect("read").expect("kept");
    assert_eq!(closed.delete_on, Some(date!(2028 - 06 - 04)));

    let month = figures::counts(&db, scope(world.woonstad).as_read(), Side::Sender, Grouping::Month).await.expect("f");
    assert_eq!(month.len(), 1);
    assert_eq!((month[0].key.as_str(), month[0].signals, month[0].picked_up), ("2026-12", 2, 1));
    assert_eq!(month[0].evictions_prevented, 1);
    let theirs = figures::counts(&db, scope(world.gm).as_read(), Side::Recipient, Grouping::Buurt).await.expect("f");
    assert_eq!(theirs.iter().map(|c| (c.key.as_str(), c.signals)).collect::<Vec<_>>(), vec![("BU01500001", 1)]);
}

async fn retention_deletes_due_signals_and_keeps_the_counts(db: &Db) {
    let db = db.clone();
    let world = World::new(&db).await;
    world.import(&db, &ledger_file()).await.expect("imported");
    let outreach = personal(world.gm, Purpose::Outreach);
    let id = signals::inbox(&db, &outreach, &actor(), InboxFilter::Open, 0, 10).await.expect("inbox")[0].id;
    signals::record_outcome(&db, &scope(world.gm), &actor(), id, Outcome::NotResident, TODAY)
        .await
        .expect("ok")
        .expect("recorded");
    // The ledger's households go once the ledger is three months old without a newer one.
    let three_months = retention::purge(&db, date!(2027 - 03 - 04), &actor()).await.expect("purge");
    assert_eq!((three_months.households, three_months.signals), (0, 0));
    let later = retention::purge(&db, date!(2027 - 03 - 05), &actor()).await.expect("purge");
    assert_eq!(later.households, 5);
    let before = retention::purge(&db, date!(2027 - 06 - 03), &actor()).await.expect("purge");
    assert_eq!(before.signals, 0, "six months have not passed");
    let after = retention::purge(&db, date!(2027 - 06 - 04), &actor()).await.expect("purge");
    assert_eq!(after.signals, 1);
    assert_eq!(count(&db, &format!("SELECT COUNT(*) FROM sg_signals WHERE id = {id}")).await, 0);
    assert_eq!(count(&db, &format!("SELECT COUNT(*) FROM sg_facts WHERE signal_id = {id}")).await, 1);
    let entry: String =
        sql::query_scalar("SELECT after_json FROM audit_log WHERE action = 'purge_personal' AND entity = 'sg_signals'")
            .fetch_one(&db)
            .await
            .expect("logged");
    assert_eq!(entry, r#"{"deleted":1}"#);
}

async fn soft_signals_need_consent_and_each_partner_sees_only_its_own(db: &Db) {
    let db = db.clone();
    let world = World::new(&db).await;
    let unit: i64 = count(&db, "SELECT id FROM units WHERE id_extern = 'D1'").await;
    let new = NewSoft {
        unit_id: Some(unit),
        household: "bewoner 1A".into(),
        kind: SoftKind::Loneliness,
        note: "Komt de deur niet meer uit".into(),
    };
    let id = soft::record_soft(&db, &scope(world.woonstad), &actor(), &new, TODAY).await.expect("ok").expect("own");
    // A unit of another corporation is refused.
    let other = org(&db, "anders", OrgKind::Corporation).await;
    assert_eq!(soft::record_soft(&db, &scope(other), &actor(), &new, TODAY).await.expect("ok"), None);

    let refused =
        soft::refer(&db, &scope(world.woonstad), &actor(), (id, world.wijkteam), false, TODAY).await.expect("ok");
    assert_eq!(refused, Err(SoftRefusal::Referral(ReferralRefused::NoConsent)));
    let not_partner =
        soft::refer(&db, &scope(world.woonstad), &actor(), (id, world.gm), true, TODAY).await.expect("ok");
    assert_eq!(not_partner, Err(SoftRefusal::NotAPartner));
    // A partner organisation the corporation did not put on its list receives nothing either.
    let unlisted =
        soft::refer(&db, &scope(world.woonstad), &actor(), (id, world.wijkteam), true, TODAY).await.expect("ok");
    assert_eq!(unlisted, Err(SoftRefusal::NotAPartner));
    list_partner(&db, world.woonstad, world.wijkteam).await;
    soft::refer(&db, &scope(world.woonstad), &actor(), (id, world.wijkteam), true, TODAY)
        .await
        .expect("ok")
        .expect("referred with consent");

    let wijkteam = personal(world.wijkteam, Purpose::Referral);
    let schuldhulp = personal(world.schuldhulp, Purpose::Referral);
    assert_eq!(soft::referrals(&db, &wijkteam, &actor()).await.expect("list").len(), 1);
    assert!(soft::referrals(&db, &schuldhulp, &actor()).await.expect("list").is_empty());
    assert!(soft::soft_signal(&db, &schuldhulp, &actor(), id).await.expect("ok").is_none());
    let wrong = soft::partner_step(&db, &scope(world.schuldhulp), &actor(), id, &PartnerStep::Accept, TODAY).await;
    assert_eq!(wrong.expect("ok"), Err(SoftRefusal::NotFound));
    soft::partner_step(&db, &scope(world.wijkteam), &actor(), id, &PartnerStep::Accept, TODAY)
        .await
        .expect("ok")
        .expect("accepted");
    let report = PartnerStep::Close("Buurtkamer bezocht, maatje gekoppeld".into());
    soft::partner_step(&db, &scope(world.wijkteam), &actor(), id, &report, TODAY).await.expect("ok").expect("closed");
    let seen = soft::soft_signal(&db, &personal(world.woonstad, Purpose::SoftSignals), &actor(), id)
        .await
        .expect("ok")
        .expect("its own");
    assert_eq!(seen.state, SoftState::Closed);
    assert_eq!(seen.report.as_deref(), Some("Buurtkamer bezocht, maatje gekoppeld"));
    assert_eq!(seen.delete_on, Some(date!(2027 - 12 - 04)));

    // Without consent a signal stays internal and expires after three months.
    let quiet = soft::record_soft(&db, &scope(world.woonstad), &actor(), &new, TODAY).await.expect("ok").expect("own");
    let purged = retention::purge(&db, date!(2027 - 03 - 04), &actor()).await.expect("purge");
    assert_eq!(purged.soft, 1);
    assert_eq!(count(&db, &format!("SELECT COUNT(*) FROM sg_soft WHERE id = {quiet}")).await, 0);
}

/// ADR 0043: a referral the partner never answers is deleted a year after it was made. It was stored without a day
/// of deletion, and so kept for ever (the stop-42 walkthrough saw its "Wordt verwijderd op" go blank).
async fn a_referral_never_answered_is_deleted_a_year_after_it_was_made(db: &Db) {
    let db = db.clone();
    let world = World::new(&db).await;
    let unit: i64 = count(&db, "SELECT id FROM units WHERE id_extern = 'D1'").await;
    let new =
        NewSoft { unit_id: Some(unit), household: "bewoner 1A".into(), kind: SoftKind::Loneliness, note: "n".into() };
    let id = soft::record_soft(&db, &scope(world.woonstad), &actor(), &new, TODAY).await.expect("ok").expect("own");
    list_partner(&db, world.woonstad, world.wijkteam).await;
    soft::refer(&db, &scope(world.woonstad), &actor(), (id, world.wijkteam), true, TODAY)
        .await
        .expect("ok")
        .expect("referred with consent");
    let seen = soft::soft_signal(&db, &personal(world.woonstad, Purpose::SoftSignals), &actor(), id)
        .await
        .expect("ok")
        .expect("its own");
    assert_eq!(seen.delete_on, Some(date!(2027 - 12 - 04)), "a year after the referral");
    let before = retention::purge(&db, date!(2027 - 12 - 03), &actor()).await.expect("purge");
    assert_eq!(before.soft, 0);
    let due = retention::purge(&db, date!(2027 - 12 - 04), &actor()).await.expect("purge");
    assert_eq!(due.soft, 1);
    assert_eq!(count(&db, &format!("SELECT COUNT(*) FROM sg_soft WHERE id = {id}")).await, 0);
}

/// The ledger of [`ledger_file`] without the line of contract `left_out`.
fn ledger_without(left_out: &str) -> String {
    ledger_file().lines().filter(|l| !l.starts_with(&format!("{left_out};"))).map(|l| format!("{l}\n")).collect()
}

async fn arrears_count_as_resolved_when_the_contract_leaves_the_ledger_and_not_when_it_returns(db: &Db) {
    let db = db.clone();
    let world = World::new(&db).await;
    let resolved = |contract: &'static str| {
        let db = db.clone();
        async move {
            count(
                &db,
                &format!(
                    "SELECT COUNT(*) FROM sg_facts f JOIN sg_signals s ON s.id = f.signal_id \
                     WHERE s.contract = '{contract}' AND f.resolved_on IS NOT NULL"
                ),
            )
            .await
        }
    };
    let first = world.import(&db, &ledger_file()).await.expect("imported");
    // Two receivers in one ledger: Deventer on the platform, Zwolle by file; each signal with its own.
    assert_eq!((first.sent.clone(), first.by_file, first.resolved), (vec![(world.gm, 1)], 1, 0));
    let receivers: Vec<(String, Option<i64>)> = {
        let rows = sql::query("SELECT contract, recipient_org_id FROM sg_signals ORDER BY contract")
            .fetch_all(&db)
            .await
            .expect("signals");
        rows.iter()
            .map(|r| (r.try_get("contract").expect("contract"), r.try_get("recipient_org_id").expect("to")))
            .collect()
    };
    assert_eq!(receivers, vec![("C1".to_owned(), Some(world.gm)), ("C3".to_owned(), None)]);

    // C1 paid: its contract is not in the next ledger, so its arrears count as resolved; C3's do not.
    let second = world.import(&db, &ledger_without("C1")).await.expect("imported");
    assert_eq!((second.signalled(), second.resolved), (0, 1));
    assert_eq!((resolved("C1").await, resolved("C3").await), (1, 0));
    // Still out of the next ledger: resolved already, not again (and the confirmation page says so).
    let again = world.import(&db, &ledger_without("C1")).await.expect("imported");
    assert_eq!((again.signalled(), again.resolved), (0, 0));
    assert_eq!((resolved("C1").await, resolved("C3").await), (1, 0));

    // C1 fell behind again while its signal is still open: not resolved after all, and not signalled twice.
    let third = world.import(&db, &ledger_file()).await.expect("imported");
    assert_eq!((third.signalled(), third.resolved), (0, 0));
    assert_eq!((resolved("C1").await, resolved("C3").await), (0, 0));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM sg_signals").await, 2);
}

async fn a_withdrawn_consent_ends_the_referral_for_the_partner(db: &Db) {
    let db = db.clone();
    let world = World::new(&db).await;
    let new = NewSoft { unit_id: None, household: "bewoner 2B".into(), kind: SoftKind::Neglect, note: "Tuin".into() };
    let woonstad = scope(world.woonstad);
    let id = soft::record_soft(&db, &woonstad, &actor(), &new, TODAY).await.expect("ok").expect("own");
    list_partner(&db, world.woonstad, world.wijkteam).await;
    // No consent yet: nothing to withdraw.
    let nothing = soft::withdraw_consent(&db, &woonstad, &actor(), id, TODAY).await.expect("ok");
    assert_eq!(nothing, Err(SoftRefusal::Withdrawal(WithdrawRefused::NoConsent)));
    soft::refer(&db, &woonstad, &actor(), (id, world.wijkteam), true, TODAY).await.expect("ok").expect("referred");
    // A referral made before consent was written on the signal gets its referral day from migration 48.
    sql::query(&format!("UPDATE sg_soft SET consent_on = NULL WHERE id = {id}")).execute(&db).await.expect("legacy");
    let backfill = include_str!("../migrations/0048_soft_consent.sql")
        .lines()
        .find(|l| l.starts_with("UPDATE sg_soft"))
        .expect("the migration's update");
    sql::query(backfill).execute(&db).await.expect("backfill");
    // The consent is recorded with the referral: when, and by whom.
    let own = personal(world.woonstad, Purpose::SoftSignals);
    let seen = soft::soft_signal(&db, &own, &actor(), id).await.expect("ok").expect("its own");
    assert_eq!(seen.consent_on, Some(TODAY));
    assert_eq!(count(&db, &format!("SELECT COUNT(*) FROM sg_soft WHERE id = {id} AND consent_by = 'test'")).await, 1);
    soft::partner_step(&db, &scope(world.wijkteam), &actor(), id, &PartnerStep::Accept, TODAY)
        .await
        .expect("ok")
        .expect("accepted");

    // Another corporation cannot withdraw it; its own corporation can, once.
    let other = org(&db, "anders", OrgKind::Corporation).await;
    let foreign = soft::withdraw_consent(&db, &scope(other), &actor(), id, TODAY).await.expect("ok");
    assert_eq!(foreign, Err(SoftRefusal::NotFound));
    let told = soft::withdraw_consent(&db, &woonstad, &actor(), id, TODAY).await.expect("ok");
    assert_eq!(told, Ok(Some(world.wijkteam)), "the partner to tell");
    let again = soft::withdraw_consent(&db, &woonstad, &actor(), id, TODAY).await.expect("ok");
    assert_eq!(again, Err(SoftRefusal::Withdrawal(WithdrawRefused::AlreadyWithdrawn)));

    // The partner no longer sees it nor can act on it; the corporation keeps it as an internal signal.
    let wijkteam = personal(world.wijkteam, Purpose::Referral);
    assert!(soft::referrals(&db, &wijkteam, &actor()).await.expect("list").is_empty());
    assert!(soft::soft_signal(&db, &wijkteam, &actor(), id).await.expect("ok").is_none());
    let report = PartnerStep::Close("Afgerond".into());
    let late = soft::partner_step(&db, &scope(world.wijkteam), &actor(), id, &report, TODAY).await.expect("ok");
    assert_eq!(late, Err(SoftRefusal::WrongState));
    let seen = soft::soft_signal(&db, &own, &actor(), id).await.expect("ok").expect("its own");
    assert_eq!(
        (seen.state, seen.delete_on),
        (SoftState::Withdrawn, Some(volkshuis_domain::calendar::add_months(TODAY, 3)))
    );
    let days = format!(
        "SELECT COUNT(*) FROM sg_soft WHERE id = {id} AND consent_withdrawn_on = '2026-12-04' AND closed_on IS NULL"
    );
    assert_eq!(count(&db, &days).await, 1, "the withdrawal's own day; no closing day made up");
    let logged = count(&db, "SELECT COUNT(*) FROM audit_log WHERE action = 'withdraw_consent'").await;
    assert_eq!(logged, 1);
}

async fn the_days_late_count_from_the_arrears_and_an_older_offer_counts_for_nothing(db: &Db) {
    let db = db.clone();
    let world = World::new(&db).await;
    // The auditor's three rows, decided on Saturday 5 December 2026, one that is signalled and one whose only
    // attempt at contact predates its arrears.
    let file = format!(
        "{HEADER}\n\
A1;D1;A. Smit;;;100;30-11-2026;1-10-2026;1-10-2026;1-12-2026;telefoon;nee;ja;nee;geen\n\
A2;D2;B. Smit;;;100;1-9-2026;20-11-2026;20-11-2026;1-12-2026;telefoon;nee;ja;nee;geen\n\
A3;Z1;C. Smit;;;100;5-11-2026;10-11-2026;10-11-2026;1-12-2026;telefoon;nee;ja;nee;geen\n\
A4;D1;D. Smit;;;100;1-8-2026;15-9-2026;1-10-2026;20-9-2026;telefoon;nee;ja;nee;geen\n\
A5;D2;E. Smit;;;100;1-9-2026;15-9-2026;1-10-2026;20-8-2026;huisbezoek;ja;ja;nee;geen\n"
    );
    let households: Vec<Household> =
        LedgerReader::new(file.as_bytes()).expect("header").map(|r| r.expect("valid row")).collect();
    let day = date!(2026 - 12 - 05);
    ledger::import_ledger(&db, &scope(world.woonstad), &actor(), "l.csv", &households, day)
        .await
        .expect("ok")
        .expect("decided");
    let (verdicts, _) =
        ledger::verdicts(&db, &personal(world.woonstad, Purpose::SendAndFollow), &actor(), VerdictFilter::All, 0, 50)
            .await
            .expect("verdicts");
    let mut found: Vec<(&str, Vec<&str>, Option<Date>)> = verdicts
        .iter()
        .map(|v| (v.contract.as_str(), v.blocks.iter().map(String::as_str).collect(), v.signal_from))
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            // The offer of 1 October was about earlier arrears: no reminder and no offer for these.
            ("A1", vec!["aanmaning_voor_achterstand", "aanbod_voor_achterstand"], None),
            // 20 November + 30 = Sunday 20 December → Monday 21: from Tuesday 22 December.
            ("A2", vec!["te_vroeg"], Some(date!(2026 - 12 - 22))),
            // Arrears of 5 November: to Monday 7 December (the 5th is a Saturday); the offer of 10 November: to
            // Thursday 10 December. Both must pass: from Friday 11 December.
            ("A3", vec!["te_vroeg"], Some(date!(2026 - 12 - 11))),
            ("A4", vec![], None),
            // The visit of 20 August was before these arrears of 1 September: no attempt about them (a).
            ("A5", vec!["contact_voor_achterstand"], None),
        ]
    );
}

async fn referral_partners_are_each_corporations_own_list(db: &Db) {
    let db = db.clone();
    let world = World::new(&db).await;
    let woonstad = scope(world.woonstad);
    let other = org(&db, "anders", OrgKind::Corporation).await;
    let listed = |corporation: i64| {
        let db = db.clone();
        async move { partners::referral_partners(&db, scope(corporation).as_read()).await.expect("list") }
    };
    assert!(listed(world.woonstad).await.is_empty(), "nobody is listed until an administrator lists them");
    // Only a partner organisation can be put on the list: not a municipality, not a corporation, not an unknown id.
    for refused in [world.gm, other, 999_999] {
        let refused_listing = partners::add_referral_partner(&db, &woonstad, &actor(), refused).await.expect("ok");
        assert_eq!(refused_listing, Listing::NotAPartner, "{refused}");
    }
    list_partner(&db, world.woonstad, world.wijkteam).await;
    let again = partners::add_referral_partner(&db, &woonstad, &actor(), world.wijkteam).await.expect("ok");
    assert_eq!(again, Listing::AlreadyListed, "a partner listed twice is said to be listed already");
    list_partner(&db, world.woonstad, world.schuldhulp).await;
    let names: Vec<String> = listed(world.woonstad).await.into_iter().map(|(_, name)| name).collect();
    assert_eq!(names.len(), 2, "a partner listed twice is on the list once: {names:?}");
    assert_eq!(soft::partners(&db, woonstad.as_read()).await.expect("offered").len(), 2, "the referral form's list");
    let audited = |action: &'static str| {
        let db = db.clone();
        let query =
            format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND entity = 'sg_referral_partner'");
        async move { count(&db, &query).await }
    };
    assert_eq!(audited("add_referral_partner").await, 2, "one entry per partner added, none for adding again");

    // Another corporation's list is its own: Woonstad's partners are not on it.
    assert!(listed(other).await.is_empty());
    let unit: i64 = count(&db, "SELECT id FROM units WHERE id_extern = 'D1'").await;
    let new =
        NewSoft { unit_id: Some(unit), household: "bewoner".into(), kind: SoftKind::Neglect, note: "vervuild".into() };
    let id = soft::record_soft(&db, &woonstad, &actor(), &new, TODAY).await.expect("ok").expect("own");
    soft::refer(&db, &woonstad, &actor(), (id, world.wijkteam), true, TODAY).await.expect("ok").expect("referred");

    // Taken off the list: no new referral, while what was referred stays with the partner.
    assert!(partners::remove_referral_partner(&db, &woonstad, &actor(), world.wijkteam).await.expect("ok"));
    assert!(!partners::remove_referral_partner(&db, &woonstad, &actor(), world.wijkteam).await.expect("ok"), "gone");
    assert!(!partners::remove_referral_partner(&db, &scope(other), &actor(), world.schuldhulp).await.expect("ok"));
    assert_eq!(audited("remove_referral_partner").await, 1);
    let second = soft::record_soft(&db, &woonstad, &actor(), &new, TODAY).await.expect("ok").expect("own");
    let refused = soft::refer(&db, &woonstad, &actor(), (second, world.wijkteam), true, TODAY).await.expect("ok");
    assert_eq!(refused, Err(SoftRefusal::NotAPartner));
    let wijkteam = personal(world.wijkteam, Purpose::Referral);
    assert_eq!(soft::referrals(&db, &wijkteam, &actor()).await.expect("list").len(), 1, "the earlier referral stays");
    let still: Vec<String> = listed(world.woonstad).await.into_iter().map(|(_, name)| name).collect();
    assert_eq!(still.len(), 1, "the schuldhulp partner stays listed: {still:?}");
}

async fn a_ledger_turn_is_one_callers_until_it_ends_or_expires(db: &Db) {
    let (woonstad, anders) =
        (org(db, "woonstad", OrgKind::Corporation).await, org(db, "anders", OrgKind::Corporation).await);
    let now = TODAY.with_time(time!(10:00)).assume_utc();
    let second = time::Duration::seconds(1);
    let turns = || async {
        sql::query_scalar::<i64>("SELECT COUNT(*) FROM sg_ledger_turns").fetch_one(db).await.expect("count")
    };
    let first = ledger::try_ledger_turn(db, woonstad, now).await.expect("turn").expect("free");
    assert!(ledger::try_ledger_turn(db, woonstad, now + second).await.expect("turn").is_none(), "taken");
    let theirs = ledger::try_ledger_turn(db, anders, now).await.expect("turn").expect("another's is free");
    theirs.release().await.expect("released");
    // A server that died holding it: the turn stays taken until its lease ends, then the next caller has it.
    std::mem::forget(first);
    let lease = time::Duration::seconds(ledger::TURN_SECONDS);
    assert!(ledger::try_ledger_turn(db, woonstad, now + lease - second).await.expect("turn").is_none());
    let after = ledger::try_ledger_turn(db, woonstad, now + lease).await.expect("turn").expect("expired, so free");
    // A turn dropped without its release (an error, a time-out) ends a moment later.
    drop(after);
    for _ in 0..100 {
        if turns().await == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(turns().await, 0);
    assert!(ledger::try_ledger_turn(db, woonstad, now + lease).await.expect("turn").is_some());
}
