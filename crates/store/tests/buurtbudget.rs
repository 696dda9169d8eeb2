//! Buurtbudget rounds on SQLite and PostgreSQL: a round opens only for an area with households of the corporation's
//! own stock; its phases move one step at a time, and voting opens only when a valid ballot exists; codes are stored
//! as hashes only, one per household, shown once and issued again only when asked; a household votes once (a used,
//! wrong or replaced code is refused, a ballot is checked against the rules and the projects on it, and the ballot
//! names no household); the tally at closing marks the funded projects; another corporation reaches none of it.

use sha2::{Digest, Sha256};
use time::macros::datetime;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::bezit::import::StockReader;
use volkshuis_domain::initiatieven::buurtbudget::{normalise_code, BallotProblem, RoundRules};
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::initiatieven::rounds::votes::{self, CodeState, CodesRefused, VoteRefused};
use volkshuis_store::initiatieven::rounds::{
    self, Area, CheckRefused, CreateRefused, MoveRefused, NewProject, NewRound, Phase, ProgressRefused, ProjectStatus,
    ProposeRefused, Round,
};
use volkshuis_store::stock::{self, ImportOptions};
use volkshuis_store::testdb::sql;
use volkshuis_store::{orgs, Db};

volkshuis_store::store_test_on_both_backends!(
    a_round_opens_only_for_an_area_with_households_of_its_own_stock,
    phases_move_one_step_at_a_time_and_voting_opens_only_with_a_valid_ballot,
    codes_are_stored_as_hashes_and_each_household_votes_once,
    a_ballot_that_breaks_the_rules_or_names_a_forged_project_is_refused,
    closing_counts_the_ballots_and_funded_projects_are_followed,
    another_corporation_reaches_none_of_it,
);

const HEADER: &str = "idExtern;clusterCode;clusterNaam;soort;status;straatnaam;huisnummer;postcode;woonplaats;\
gemeenteCode;buurtCode";

/// Woonstad: De Linde in BU01500001 (four homes let, one vacant, a parking place), Hanzehof in another buurt.
const WOONSTAD: &[&str] = &[
    "D1;C1;De Linde;WOO;VEH;Lindelaan;1;7425AA;Deventer;GM0150;BU01500001",
    "D2;C1;De Linde;WOO;VEH;Lindelaan;2;7425AA;Deventer;GM0150;BU01500001",
    "D3;C1;De Linde;WOO;VEH;Lindelaan;3;7425AA;Deventer;GM0150;BU01500001",
    "D4;C1;De Linde;WOO;VEH;Lindelaan;4;7425AA;Deventer;GM0150;BU01500001",
    "D5;C1;De Linde;WOO;LEE;Lindelaan;5;7425AA;Deventer;GM0150;BU01500001",
    "D6;C1;De Linde;PAR;VEH;Lindelaan;6;7425AA;Deventer;GM0150;BU01500001",
    "Z1;C2;Hanzehof;WOO;VEH;Hanzeweg;2;7203AB;Zutphen;GM0301;BU03010001",
];

/// Another corporation with a home in the same buurt.
const ANDERS: &[&str] = &["A1;C9;De Ark;WOO;VEH;Brink;1;7425AB;Deventer;GM0150;BU01500001"];

fn actor() -> Actor {
    Actor::system("test", datetime!(2026-11-25 10:00 UTC))
}

fn resident() -> Actor {
    Actor { user_id: None, label: "Bewoner met stemcode".into(), request_id: None, at: actor().at }
}

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
}

async fn corporation(db: &Db, code: &str, rows: &[&str]) -> WriteScope {
    let fields = orgs::OrgFields {
        code: OrgCode::parse(code).expect("code"),
        name: Name::parse(code).expect("name"),
        kind: OrgKind::Corporation,
    };
    let mut tx = db.begin().await.expect("begin");
    let id = orgs::create(&mut tx, &actor(), &fields).await.expect("org").id;
    tx.commit().await.expect("commit");
    let scope = admin_scope(id);
    let file = format!("{HEADER}\n{}\n", rows.join("\n"));
    let reader = StockReader::new(std::io::Cursor::new(file.into_bytes())).expect("header");
    let options = ImportOptions { cbs_year: 2023, ..Default::default() };
    let summary =
        stock::import_units(db, &scope, &actor(), "t.csv", reader, options, &mut |_| {}).await.expect("import");
    assert!(summary.written, "{:?}", summary.errors);
    scope
}

async fn count(db: &Db, query: &str) -> i64 {
    sql::query_scalar(query).fetch_one(db).await.expect("count")
}

/// € 9.000, one or two projects.
const RULES: RoundRules = RoundRules { budget_cents: 900_000, min_projects: 1, max_projects: 2 };

async fn open_round(db: &Db, scope: &WriteScope, area: &str) -> Round {
    let new = NewRound { title: "Buurtbudget De Linde".into(), area: Area::parse(area).expect("area"), rules: RULES };
    let id = rounds::create(db, scope, &actor(), &new).await.expect("create").expect("opened");
    rounds::of_corporation(db, scope.as_read(), id).await.expect("read").expect("own")
}

async fn propose(db: &Db, round: &Round, title: &str, cost_cents: i64) -> i64 {
    let new = NewProject { title: title.into(), description: format!("{title}, voor iedereen"), cost_cents };
    rounds::propose(db, &actor(), round, &new).await.expect("propose").expect("taken")
}

async fn reread(db: &Db, scope: &WriteScope, round: &Round) -> Round {
    rounds::of_corporation(db, scope.as_read(), round.id).await.expect("read").expect("own")
}

async fn move_on(db: &Db, scope: &WriteScope, round: &Round) -> Result<Phase, MoveRefused> {
    let round = reread(db, scope, round).await;
    rounds::move_on(db, scope, &actor(), round.id, round.phase).await.expect("move").expect("own")
}

/// A round in BU01500001 with three projects approved (€ 6.000, € 4.000, € 3.000) and one rejected, voting, its
/// codes issued: returns the round, the project ids (benches, garden, lights, rejected) and the letters' codes.
async fn voting_round(db: &Db, scope: &WriteScope) -> (Round, [i64; 4], Vec<String>) {
    let round = open_round(db, scope, "BU01500001").await;
    let ids = [
        propose(db, &round, "Bankjes", 600_000).await,
        propose(db, &round, "Geveltuin", 400_000).await,
        propose(db, &round, "Lichtjes", 300_000).await,
        propose(db, &round, "Zwembad", 900_000).await,
    ];
    for (id, approve) in ids.iter().zip([true, true, true, false]) {
        let note = (!approve).then_some("Past niet bij de buurt");
        rounds::check(db, scope, &actor(), &round, *id, approve, note).await.expect("check").expect("own").expect("ok");
    }
    assert_eq!(move_on(db, scope, &round).await, Ok(Phase::Checking));
    assert_eq!(move_on(db, scope, &round).await, Ok(Phase::Voting));
    let round = reread(db, scope, &round).await;
    let letters =
        votes::issue_codes(db, scope, &actor(), &round, false).await.expect("issue").expect("own").expect("ok");
    (round, ids, letters.into_iter().map(|l| l.code).collect())
}

async fn a_round_opens_only_for_an_area_with_households_of_its_own_stock(db: &Db) {
    let woonstad = corporation(db, "woonstad", WOONSTAD).await;
    let anders = corporation(db, "anders", ANDERS).await;
    // A complex of its own, a buurt, a gemeente: each opens.
    for area in ["C1", "bu01500001", "GM0301"] {
        let new = NewRound { title: "Ronde".into(), area: Area::parse(area).expect("area"), rules: RULES };
        assert!(rounds::create(db, &woonstad, &actor(), &new).await.expect("create").is_ok(), "{area}");
    }
    // Another corporation's complex is not one of its own; a buurt where it has no homes has no households.
    let refused = [("C9", CreateRefused::UnknownComplex), ("BU01500002", CreateRefused::NoHouseholds)];
    for (area, why) in refused {
        let new = NewRound { title: "Ronde".into(), area: Area::parse(area).expect("area"), rules: RULES };
        assert_eq!(rounds::create(db, &woonstad, &actor(), &new).await.expect("create"), Err(why), "{area}");
    }
    let round = open_round(db, &woonstad, "BU01500001").await;
    assert_eq!(round.phase, Phase::Proposing);
    assert_eq!(round.area, Area::Buurt("BU01500001".into()));
    // Four homes let: the vacant home, the parking place and the other corporation's home get no vote.
    assert_eq!(votes::household_count(db, &round).await.expect("count"), 4);
    assert_eq!(rounds::for_corporation(db, woonstad.as_read()).await.expect("list").len(), 4);
    assert!(rounds::for_corporation(db, anders.as_read()).await.expect("list").is_empty());
    assert_eq!(count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND entity = 'in_round'").await, 4);
}

async fn phases_move_one_step_at_a_time_and_voting_opens_only_with_a_valid_ballot(db: &Db) {
    let woonstad = corporation(db, "woonstad", WOONSTAD).await;
    let new = NewRound {
        title: "Twee kiezen".into(),
        area: Area::parse("C1").expect("area"),
        rules: RoundRules { budget_cents: 500_000, min_projects: 2, max_projects: 3 },
    };
    let id = rounds::create(db, &woonstad, &actor(), &new).await.expect("create").expect("opened");
    let round = reread(db, &woonstad, &rounds::public(db, id).await.expect("read").expect("public")).await;
    // A project dearer than the whole budget is refused when proposed.
    let dear = NewProject { title: "Zwembad".into(), description: "Groot".into(), cost_cents: 500_001 };
    assert_eq!(rounds::propose(db, &actor(), &round, &dear).await.expect("propose"), Err(ProposeRefused::OverBudget));
    let a = propose(db, &round, "Bankjes", 300_000).await;
    assert_eq!(move_on(db, &woonstad, &round).await, Ok(Phase::Checking));
    // No proposals once checking; a form that still shows proposing moves nothing.
    let late = NewProject { title: "Laat".into(), description: "Te laat".into(), cost_cents: 100 };
    assert_eq!(rounds::propose(db, &actor(), &round, &late).await.expect("propose"), Err(ProposeRefused::Closed));
    let stale = rounds::move_on(db, &woonstad, &actor(), round.id, Phase::Proposing).await.expect("move");
    assert_eq!(stale, Some(Err(MoveRefused::Moved)));
    // Voting waits for every check, then for as many approved projects as a ballot must choose, within the budget.
    assert_eq!(move_on(db, &woonstad, &round).await, Err(MoveRefused::Unchecked { waiting: 1 }));
    rounds::check(db, &woonstad, &actor(), &round, a, true, None).await.expect("check").expect("own").expect("ok");
    assert_eq!(move_on(db, &woonstad, &round).await, Err(MoveRefused::TooFewApproved { approved: 1, min: 2 }));
    // (Added by hand: the phase is checking, so no proposal is taken through the store any more.)
    let b: i64 = sql::query_scalar(
        "INSERT INTO in_round_projects (round_id, title, description, cost_cents, proposed_by, status, created_at) \
         VALUES ($1, 'Geveltuin', 'Groen', 300000, 'test', 'approved', 0) RETURNING id",
    )
    .bind(round.id)
    .fetch_one(db)
    .await
    .expect("project");
    assert_eq!(move_on(db, &woonstad, &round).await, Err(MoveRefused::NoValidBallot), "€ 6.000 for € 5.000");
    sql::query("UPDATE in_round_projects SET cost_cents = 200000 WHERE id = $1").bind(b).execute(db).await.expect("c");
    assert_eq!(move_on(db, &woonstad, &round).await, Ok(Phase::Voting));
    // The ballot is fixed now.
    let late_check = rounds::check(db, &woonstad, &actor(), &round, a, false, Some("Toch niet")).await.expect("check");
    assert_eq!(late_check, Some(Err(CheckRefused::PastChecking)));
    assert_eq!(move_on(db, &woonstad, &round).await, Ok(Phase::Closed));
    assert_eq!(move_on(db, &woonstad, &round).await, Ok(Phase::Published));
    assert_eq!(move_on(db, &woonstad, &round).await, Err(MoveRefused::Last));
    let moves = "SELECT COUNT(*) FROM audit_log WHERE action = 'phase' AND entity = 'in_round'";
    assert_eq!(count(db, moves).await, 4, "each move once in the audit log");
}

async fn codes_are_stored_as_hashes_and_each_household_votes_once(db: &Db) {
    let woonstad = corporation(db, "woonstad", WOONSTAD).await;
    let (round, [benches, garden, ..], codes) = voting_round(db, &woonstad).await;
    assert_eq!(codes.len(), 4, "one code per household");
    let mut distinct = codes.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 4);
    // Stored as the SHA-256 of round and code only: no code in any table the store writes.
    let hashes: Vec<String> = sql::query_scalar("SELECT code_hash FROM in_round_codes WHERE round_id = $1 ORDER BY 1")
        .bind(round.id)
        .fetch_all(db)
        .await
        .expect("hashes");
    let mut expected: Vec<String> = codes
        .iter()
        .map(|c| Sha256::digest(format!("{}:{c}", round.id)).iter().map(|b| format!("{b:02x}")).collect())
        .collect();
    expected.sort();
    assert_eq!(hashes, expected);
    for code in &codes {
        let like = format!("%{code}%");
        let found: i64 = sql::query_scalar(
            "SELECT (SELECT COUNT(*) FROM in_round_codes WHERE code_hash LIKE $1) \
             + (SELECT COUNT(*) FROM audit_log WHERE after_json LIKE $1 OR before_json LIKE $1)",
        )
        .bind(&like)
        .fetch_one(db)
        .await
        .expect("search");
        assert_eq!(found, 0, "{code} is nowhere in the database");
    }
    // The letters were a read of addresses.
    let letters = "SELECT COUNT(*) FROM audit_log WHERE action = 'read_personal' AND entity = 'in_round_letters' \
         AND personal_data = 1";
    assert_eq!(count(db, letters).await, 1);
    // A typed code in any case and spacing is the same code; it votes once.
    let typed = codes[0].to_lowercase().replace('-', " ");
    let code = normalise_code(&typed).expect("a code");
    assert_eq!(votes::code_state(db, &round, &code).await.expect("state"), CodeState::Open);
    assert_eq!(votes::cast(db, &resident(), &round, &code, &[benches]).await.expect("cast"), Ok(()));
    assert_eq!(votes::code_state(db, &round, &code).await.expect("state"), CodeState::Used);
    assert_eq!(votes::cast(db, &resident(), &round, &code, &[garden]).await.expect("cast"), Err(VoteRefused::Used));
    assert_eq!(
        votes::cast(db, &resident(), &round, "ABCD-EFGH", &[garden]).await.expect("cast"),
        Err(VoteRefused::UnknownCode)
    );
    assert_eq!(votes::ballots(db, &round).await.expect("ballots"), vec![vec![benches]]);
    assert_eq!(votes::turnout(db, &round).await.expect("turnout"), (4, 1));
    // No ballot is kept: the choices are counts per project, which name no household and have no order or time a
    // household's row could be matched by.
    let tally_columns: Vec<String> = match db.backend() {
        volkshuis_store::Backend::Sqlite => {
            sql::query_scalar("SELECT name FROM pragma_table_info('in_round_tallies') ORDER BY cid").fetch_all(db).await
        }
        volkshuis_store::Backend::Postgres => {
            sql::query_scalar(
                "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'in_round_tallies' \
                 ORDER BY ordinal_position",
            )
            .fetch_all(db)
            .await
        }
    }
    .expect("columns");
    assert_eq!(tally_columns, ["round_id", "project_id", "votes"]);
    // Issuing again must be asked for; then every household that has not voted gets a new code, the old ones stop.
    let again = votes::issue_codes(db, &woonstad, &actor(), &round, false).await.expect("issue").expect("own");
    assert_eq!(again, Err(CodesRefused::AlreadyIssued));
    let new =
        votes::issue_codes(db, &woonstad, &actor(), &round, true).await.expect("issue").expect("own").expect("ok");
    assert_eq!(new.len(), 3, "the household that voted gets no new code");
    let old = normalise_code(&codes[1]).expect("code");
    assert_eq!(
        votes::cast(db, &resident(), &round, &old, &[garden]).await.expect("cast"),
        Err(VoteRefused::UnknownCode)
    );
    assert_eq!(votes::cast(db, &resident(), &round, &code, &[garden]).await.expect("cast"), Err(VoteRefused::Used));
    assert_eq!(votes::cast(db, &resident(), &round, &new[0].code, &[garden]).await.expect("cast"), Ok(()));
    assert_eq!(count(db, "SELECT COUNT(*) FROM in_round_codes").await, 4);
    assert_eq!(count(db, "SELECT COUNT(*) FROM in_round_voted").await, 2);
    // A household that voted holds the primary key: a second row for it is refused by the database itself.
    let unit: i64 = sql::query_scalar("SELECT unit_id FROM in_round_voted ORDER BY unit_id LIMIT 1")
        .fetch_one(db)
        .await
        .expect("unit");
    let twice = sql::query("INSERT INTO in_round_voted (round_id, unit_id) VALUES ($1, $2)")
        .bind(round.id)
        .bind(unit)
        .execute(db)
        .await;
    assert!(twice.is_err(), "one ballot per household");
    // Once voting closed, a code votes no more.
    assert_eq!(move_on(db, &woonstad, &round).await, Ok(Phase::Closed));
    let round = reread(db, &woonstad, &round).await;
    assert_eq!(
        votes::cast(db, &resident(), &round, &new[1].code, &[garden]).await.expect("cast"),
        Err(VoteRefused::NotVoting)
    );
    let closed = votes::issue_codes(db, &woonstad, &actor(), &round, true).await.expect("issue").expect("own");
    assert_eq!(closed, Err(CodesRefused::NotVoting));
}

async fn a_ballot_that_breaks_the_rules_or_names_a_forged_project_is_refused(db: &Db) {
    let woonstad = corporation(db, "woonstad", WOONSTAD).await;
    let (round, [benches, garden, lights, rejected], codes) = voting_round(db, &woonstad).await;
    let other = open_round(db, &woonstad, "C2").await;
    let elsewhere = propose(db, &other, "Elders", 100).await;
    let code = &codes[0];
    let cases = [
        (vec![], BallotProblem::TooFew { min: 1 }),
        (vec![benches, garden, lights], BallotProblem::TooMany { max: 2 }),
        (vec![benches, garden], BallotProblem::OverBudget { over_cents: 100_000 }),
        (vec![benches, benches], BallotProblem::Duplicate),
        (vec![rejected], BallotProblem::UnknownProject),
        (vec![elsewhere], BallotProblem::UnknownProject),
        (vec![999_999], BallotProblem::UnknownProject),
    ];
    for (chosen, problem) in cases {
        let got = votes::cast(db, &resident(), &round, code, &chosen).await.expect("cast");
        assert_eq!(got, Err(VoteRefused::Ballot(problem)), "{chosen:?}");
    }
    assert_eq!(
        count(db, "SELECT ballots_cast FROM in_rounds WHERE id = (SELECT MIN(id) FROM in_rounds)").await,
        0,
        "nothing stored"
    );
    assert_eq!(count(db, "SELECT COUNT(*) FROM in_round_tallies").await, 0);
    assert_eq!(count(db, "SELECT COUNT(*) FROM in_round_voted").await, 0, "the code still votes");
    // € 6.000 + € 3.000 is exactly the budget: within it.
    assert_eq!(votes::cast(db, &resident(), &round, code, &[benches, lights]).await.expect("cast"), Ok(()));
    assert_eq!(count(db, "SELECT ballots_cast FROM in_rounds WHERE id = (SELECT MIN(id) FROM in_rounds)").await, 1);
}

async fn closing_counts_the_ballots_and_funded_projects_are_followed(db: &Db) {
    let woonstad = corporation(db, "woonstad", WOONSTAD).await;
    let (round, [benches, garden, lights, rejected], codes) = voting_round(db, &woonstad).await;
    // Benches 3 votes, lights 2, garden 1: benches (€ 6.000) and lights (€ 3.000) fill € 9.000; garden does not fit.
    let ballots = [vec![benches, lights], vec![benches, lights], vec![benches], vec![garden]];
    for (code, chosen) in codes.iter().zip(ballots) {
        assert_eq!(votes::cast(db, &resident(), &round, code, &chosen).await.expect("cast"), Ok(()));
    }
    // Progress waits for publication.
    let early =
        rounds::progress(db, &woonstad, &actor(), &round, benches, ProjectStatus::Underway, None).await.expect("p");
    assert_eq!(early, Some(Err(ProgressRefused::NotFunded)), "not funded before the tally");
    assert_eq!(move_on(db, &woonstad, &round).await, Ok(Phase::Closed));
    let round = reread(db, &woonstad, &round).await;
    let projects = rounds::projects(db, &round).await.expect("projects");
    let status = |id: i64| projects.iter().find(|p| p.id == id).expect("project").status;
    assert_eq!(
        [status(benches), status(lights), status(garden), status(rejected)],
        [ProjectStatus::Funded, ProjectStatus::Funded, ProjectStatus::Approved, ProjectStatus::Rejected]
    );
    let (results, ballots) = rounds::results(db, &round, &projects).await.expect("results");
    assert_eq!(ballots, 4);
    let shown: Vec<(i64, u32, bool)> = results.iter().map(|t| (t.project_id, t.votes, t.funded)).collect();
    assert_eq!(shown, [(benches, 3, true), (lights, 2, true), (garden, 1, false)]);
    let closing = "SELECT after_json FROM audit_log WHERE action = 'phase' AND after_json LIKE '%closed%'";
    let after: String = sql::query_scalar(closing).fetch_one(db).await.expect("entry");
    assert!(after.contains("\"ballots\":4") && after.contains("\"funded\":2"), "{after}");
    let closed =
        rounds::progress(db, &woonstad, &actor(), &round, benches, ProjectStatus::Underway, None).await.expect("p");
    assert_eq!(closed, Some(Err(ProgressRefused::NotPublished)));
    assert_eq!(move_on(db, &woonstad, &round).await, Ok(Phase::Published));
    let round = reread(db, &woonstad, &round).await;
    let staff = actor();
    let step = |id, status| rounds::progress(db, &woonstad, &staff, &round, id, status, Some("Besteld"));
    assert_eq!(step(benches, ProjectStatus::Underway).await.expect("p"), Some(Ok(())));
    assert_eq!(step(lights, ProjectStatus::Done).await.expect("p"), Some(Ok(())));
    assert_eq!(step(garden, ProjectStatus::Underway).await.expect("p"), Some(Err(ProgressRefused::NotFunded)));
    assert_eq!(step(benches, ProjectStatus::Rejected).await.expect("p"), Some(Err(ProgressRefused::NotFunded)));
    let projects = rounds::projects(db, &round).await.expect("projects");
    let benches_now = projects.iter().find(|p| p.id == benches).expect("benches");
    assert_eq!((benches_now.status, benches_now.progress.as_deref()), (ProjectStatus::Underway, Some("Besteld")));
    // The tally of a published round is the same as at closing.
    let again: Vec<(i64, u32, bool)> = rounds::results(db, &round, &projects)
        .await
        .expect("results")
        .0
        .iter()
        .map(|t| (t.project_id, t.votes, t.funded))
        .collect();
    assert_eq!(again, shown);
}

async fn another_corporation_reaches_none_of_it(db: &Db) {
    let woonstad = corporation(db, "woonstad", WOONSTAD).await;
    let anders = corporation(db, "anders", ANDERS).await;
    let (round, [benches, ..], _) = voting_round(db, &woonstad).await;
    assert_eq!(rounds::of_corporation(db, anders.as_read(), round.id).await.expect("read"), None);
    assert_eq!(rounds::move_on(db, &anders, &actor(), round.id, Phase::Voting).await.expect("move"), None);
    assert_eq!(rounds::check(db, &anders, &actor(), &round, benches, false, None).await.expect("check"), None);
    assert_eq!(votes::issue_codes(db, &anders, &actor(), &round, true).await.expect("issue"), None);
    let progress = rounds::progress(db, &anders, &actor(), &round, benches, ProjectStatus::Done, None).await;
    assert_eq!(progress.expect("progress"), None);
    assert_eq!(reread(db, &woonstad, &round).await.phase, Phase::Voting);
    assert_eq!(count(db, "SELECT COUNT(*) FROM in_round_codes").await, 4, "no codes replaced");
}
