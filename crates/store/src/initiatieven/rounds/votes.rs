//! The vote of a round: one personal code per household, printed on a letter and stored as its SHA-256 only; a
//! ballot cast with a code once.
//!
//! Why codes and not accounts: an account in Volkshuis is a person with an e-mail address, tied to no home, so it
//! cannot prove which household it speaks for, nor stop two members of one household from voting twice. The letter
//! goes to the address, so the code is the household's proof; a tenant without e-mail or account votes the same way.
//!
//! The vote is secret, also from the corporation that runs it: which households voted (`in_round_voted`, whose
//! primary key refuses a second ballot) is kept apart from the choices, which are kept only as counts per project
//! (`in_round_tallies`): no ballot row exists whose order or time could be matched to a household's row. The
//! codes are shown once, on the letter list; who printed them is in the audit log with the read of the addresses.

use super::{hold, on_ballot, project_from, Area, Phase, Round, PROJECT};
use crate::audit::{self, Actor, Change};
use crate::sql::{self, Exec};
use crate::{Db, Result, StoreError};
use rand::RngCore;
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::initiatieven::buurtbudget::{check_ballot, voting_code, BallotProblem};

/// A household of the area: its unit, the tenant's name where the corporation has contact data, and the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Household {
    /// The unit.
    pub unit_id: i64,
    /// The tenant's name, if the corporation imported it (else the letter says "the residents").
    pub name: Option<String>,
    /// Street and number.
    pub street: String,
    /// Postcode.
    pub postcode: String,
    /// Place.
    pub place: String,
}

/// The households of `corporation` in `area` (see [`super::is_household`]), in the order of the mail room: postcode,
/// number.
pub(crate) async fn households<'c>(on: impl Exec<'c> + 'c, corporation: i64, area: &Area) -> Result<Vec<Household>> {
    let sql = format!(
        "SELECT u.id, u.soort, u.status, u.straatnaam, u.huisnummer, u.huisletter, u.huisnummer_toevoeging, \
         u.postcode, u.woonplaats, t.name FROM units u LEFT JOIN tenant_contacts t ON t.unit_id = u.id \
         WHERE u.corporation_id = $1 AND u.in_use = 1 AND {} ORDER BY u.postcode, u.huisnummer, u.id",
        area.condition()
    );
    let rows = sql::query(&sql).bind(corporation).bind(area.code()).fetch_all(on).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let (soort, status): (Option<String>, Option<String>) = (r.try_get("soort")?, r.try_get("status")?);
        if !super::is_household(soort.as_deref(), status.as_deref()) {
            continue;
        }
        let letter: Option<String> = r.try_get("huisletter")?;
        let extra: Option<String> = r.try_get("huisnummer_toevoeging")?;
        out.push(Household {
            unit_id: r.try_get("id")?,
            name: r.try_get("name")?,
            street: format!(
                "{} {}{}{}",
                r.try_get::<String, _>("straatnaam")?,
                r.try_get::<i64, _>("huisnummer")?,
                letter.unwrap_or_default(),
                extra.map(|e| format!("-{e}")).unwrap_or_default()
            ),
            postcode: r.try_get("postcode")?,
            place: r.try_get("woonplaats")?,
        });
    }
    Ok(out)
}

/// How many households of `corporation` live in `area` now (no names or addresses read).
pub(crate) async fn count_households<'c>(on: impl Exec<'c> + 'c, corporation: i64, area: &Area) -> Result<usize> {
    let sql = format!(
        "SELECT u.soort, u.status FROM units u WHERE u.corporation_id = $1 AND u.in_use = 1 AND {}",
        area.condition()
    );
    let rows = sql::query(&sql).bind(corporation).bind(area.code()).fetch_all(on).await?;
    let mut n = 0;
    for r in &rows {
        let (soort, status): (Option<String>, Option<String>) = (r.try_get("soort")?, r.try_get("status")?);
        n += usize::from(super::is_household(soort.as_deref(), status.as_deref()));
    }
    Ok(n)
}

/// How many households live in a round's area now (for the corporation's page).
pub async fn household_count(db: &Db, round: &Round) -> Result<usize> {
    count_households(db, round.corporation_id, &round.area).await
}

/// The stored form of a household's code in a round: the SHA-256 of the round id and the code, so that one table of
/// hashes does not serve every round.
fn hash(round_id: i64, code: &str) -> String {
    Sha256::digest(format!("{round_id}:{code}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// One letter: the household and its code, shown this once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// The household.
    pub household: Household,
    /// Its code, `XXXX-XXXX`.
    pub code: String,
}

/// Why no codes were issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodesRefused {
    /// Codes are issued while the round is voting.
    NotVoting,
    /// Codes were issued before; issuing again must be asked for (the earlier letters then stop working).
    AlreadyIssued,
    /// Every household of the area has voted (or none lives there any more).
    NoneLeft,
}

/// Issues a new code to every household of the area that has not voted, replacing any code it had (with `reissue`,
/// when codes were issued before: a lost print, or homes let since), and returns the letters. The codes are kept as
/// hashes only, so this is the one moment they can be read; the read of the addresses is logged with the issue.
/// `Ok(None)` for another corporation's round.
pub async fn issue_codes(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    round: &Round,
    reissue: bool,
) -> Result<Option<std::result::Result<Vec<Letter>, CodesRefused>>> {
    if round.corporation_id != scope.org_id() {
        return Ok(None);
    }
    let mut tx = db.begin().await?;
    if !hold(&mut tx, round.id, Some(scope.org_id()), &[Phase::Voting]).await? {
        return Ok(Some(Err(CodesRefused::NotVoting)));
    }
    let issued: i64 = sql::query_scalar("SELECT COUNT(*) FROM in_round_codes WHERE round_id = $1")
        .bind(round.id)
        .fetch_one(&mut tx)
        .await?;
    if issued > 0 && !reissue {
        return Ok(Some(Err(CodesRefused::AlreadyIssued)));
    }
    let voted: HashSet<i64> = sql::query_scalar("SELECT unit_id FROM in_round_voted WHERE round_id = $1")
        .bind(round.id)
        .fetch_all(&mut tx)
        .await?
        .into_iter()
        .collect();
    let open: Vec<Household> = households(&mut tx, round.corporation_id, &round.area)
        .await?
        .into_iter()
        .filter(|h| !voted.contains(&h.unit_id))
        .collect();
    if open.is_empty() {
        return Ok(Some(Err(CodesRefused::NoneLeft)));
    }
    // The codes of households that have not voted go (a household that left the area keeps none); a used code stays,
    // so that typing it again says it was used. New codes differ from each other and from the ones that stay.
    sql::query(
        "DELETE FROM in_round_codes WHERE round_id = $1 \
         AND unit_id NOT IN (SELECT unit_id FROM in_round_voted WHERE round_id = $1)",
    )
    .bind(round.id)
    .execute(&mut tx)
    .await?;
    let mut taken: HashSet<String> = sql::query_scalar("SELECT code_hash FROM in_round_codes WHERE round_id = $1")
        .bind(round.id)
        .fetch_all(&mut tx)
        .await?
        .into_iter()
        .collect();
    let mut letters = Vec::with_capacity(open.len());
    for household in open {
        let (code, hashed) = loop {
            let mut random = [0u8; 8];
            rand::rngs::OsRng.fill_bytes(&mut random);
            let code = voting_code(random);
            let hashed = hash(round.id, &code);
            if taken.insert(hashed.clone()) {
                break (code, hashed);
            }
        };
        sql::query("INSERT INTO in_round_codes (round_id, unit_id, code_hash) VALUES ($1, $2, $3)")
            .bind(round.id)
            .bind(household.unit_id)
            .bind(hashed)
            .execute(&mut tx)
            .await?;
        letters.push(Letter { household, code });
    }
    let mut change = Change::event(Some(scope.org_id()), "issue_codes", "in_round", round.id.to_string());
    change.after = Some(json!({ "title": round.title, "households": letters.len(), "reissue": issued > 0 }));
    audit::record(tx.conn(), actor, change).await?;
    let mut read = Change::event(Some(scope.org_id()), "read_personal", "in_round_letters", round.id.to_string());
    read.after = Some(json!({ "title": round.title, "households": letters.len() }));
    read.personal_data = true;
    audit::record(tx.conn(), actor, read).await?;
    tx.commit().await?;
    Ok(Some(Ok(letters)))
}

/// How far the vote is: households with a code, and households that voted.
pub async fn turnout(db: &Db, round: &Round) -> Result<(i64, i64)> {
    let row = sql::query(
        "SELECT (SELECT COUNT(*) FROM in_round_codes WHERE round_id = $1) AS codes, \
         (SELECT COUNT(*) FROM in_round_voted WHERE round_id = $1) AS voted",
    )
    .bind(round.id)
    .fetch_one(db)
    .await?;
    Ok((row.try_get("codes")?, row.try_get("voted")?))
}

/// What a typed code is in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeState {
    /// No household of the round has it.
    Unknown,
    /// Its household has voted.
    Used,
    /// Its household may vote.
    Open,
}

/// What `code` (normalised, `XXXX-XXXX`) is in the round.
pub async fn code_state(db: &Db, round: &Round, code: &str) -> Result<CodeState> {
    let row = sql::query(
        "SELECT c.unit_id, v.unit_id AS voted FROM in_round_codes c \
         LEFT JOIN in_round_voted v ON v.round_id = c.round_id AND v.unit_id = c.unit_id \
         WHERE c.round_id = $1 AND c.code_hash = $2",
    )
    .bind(round.id)
    .bind(hash(round.id, code))
    .fetch_optional(db)
    .await?;
    Ok(match row {
        None => CodeState::Unknown,
        Some(r) if r.try_get::<Option<i64>, _>("voted")?.is_some() => CodeState::Used,
        Some(_) => CodeState::Open,
    })
}

/// Why a ballot was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteRefused {
    /// The round is not voting.
    NotVoting,
    /// No household of the round has this code.
    UnknownCode,
    /// The code's household has voted.
    Used,
    /// The ballot breaks the round's rules.
    Ballot(BallotProblem),
}

/// Casts a ballot choosing `chosen` (project ids) with `code` (normalised, `XXXX-XXXX`), checked against the rules
/// and the projects on the ballot; the household is marked as voted and the ballot stored without it, in one
/// transaction. The audit entry names the round only.
pub async fn cast(
    db: &Db,
    actor: &Actor,
    round: &Round,
    code: &str,
    chosen: &[i64],
) -> Result<std::result::Result<(), VoteRefused>> {
    let mut tx = db.begin().await?;
    if !hold(&mut tx, round.id, None, &[Phase::Voting]).await? {
        return Ok(Err(VoteRefused::NotVoting));
    }
    let unit: Option<i64> =
        sql::query_scalar("SELECT unit_id FROM in_round_codes WHERE round_id = $1 AND code_hash = $2")
            .bind(round.id)
            .bind(hash(round.id, code))
            .fetch_optional(&mut tx)
            .await?;
    let Some(unit) = unit else { return Ok(Err(VoteRefused::UnknownCode)) };
    let rows =
        sql::query(&format!("{PROJECT} WHERE round_id = $1 ORDER BY id")).bind(round.id).fetch_all(&mut tx).await?;
    let projects: Vec<_> = rows.iter().map(project_from).collect::<Result<_>>()?;
    if let Err(problem) = check_ballot(&round.rules, &on_ballot(&projects), chosen) {
        return Ok(Err(VoteRefused::Ballot(problem)));
    }
    // The primary key is the guard: a second ballot for the household is refused here, whatever got past the read.
    match sql::query("INSERT INTO in_round_voted (round_id, unit_id) VALUES ($1, $2)")
        .bind(round.id)
        .bind(unit)
        .execute(&mut tx)
        .await
        .map_err(StoreError::from)
    {
        Err(StoreError::Duplicate) => return Ok(Err(VoteRefused::Used)),
        other => other?,
    };
    // Only counts: a ballot row, however anonymous, could be matched to the household row by its order or time.
    sql::query("UPDATE in_rounds SET ballots_cast = ballots_cast + 1 WHERE id = $1")
        .bind(round.id)
        .execute(&mut tx)
        .await?;
    for project in chosen {
        sql::query(
            "INSERT INTO in_round_tallies (round_id, project_id, votes) VALUES ($1, $2, 1) \
             ON CONFLICT (round_id, project_id) DO UPDATE SET votes = in_round_tallies.votes + 1",
        )
        .bind(round.id)
        .bind(*project)
        .execute(&mut tx)
        .await?;
    }
    let mut change = Change::event(Some(round.corporation_id), "vote", "in_round", round.id.to_string());
    change.after = Some(json!({ "title": round.title, "via": "code" }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// The votes of a round as the tally reads them: one single-project entry per vote (the tally counts votes per
/// project, so this gives the same result as the ballots themselves, which are not kept).
pub(crate) async fn ballots_in<'c>(on: impl Exec<'c> + 'c, round_id: i64) -> Result<Vec<Vec<i64>>> {
    let rows = sql::query("SELECT project_id, votes FROM in_round_tallies WHERE round_id = $1 ORDER BY project_id")
        .bind(round_id)
        .fetch_all(on)
        .await?;
    let mut out = Vec::new();
    for row in &rows {
        let (project, votes): (i64, i64) = (row.try_get("project_id")?, row.try_get("votes")?);
        out.extend(std::iter::repeat_n(vec![project], usize::try_from(votes).unwrap_or(0)));
    }
    Ok(out)
}

/// How many ballots were cast in a round.
pub async fn ballots_cast(db: &Db, round_id: i64) -> Result<usize> {
    let n: i64 =
        sql::query_scalar("SELECT ballots_cast FROM in_rounds WHERE id = $1").bind(round_id).fetch_one(db).await?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// The ballots of a round (read through the corporation's scope or the public page).
pub async fn ballots(db: &Db, round: &Round) -> Result<Vec<Vec<i64>>> {
    ballots_in(db, round.id).await
}
