//! The days decreed equal to a holiday under the Algemene termijnenwet (art. 3 lid 3), with the decree that named
//! them: read as the domain's [`TermCalendar`] for every deadline, and added by a platform administrator when a new
//! *Besluit gelijkstelling* is published. Platform data, like the organisation register: the caller checks that the
//! user is a platform administrator.

use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::sql::{self, Conn};
use crate::{timestamp, Db, Result, StoreError};
use serde_json::json;
use time::Date;
use volkshuis_domain::calendar::{DecreedDay, TermCalendar};

/// A decree as listed for the administrator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decree {
    /// Database id.
    pub id: i64,
    /// The decree's name.
    pub name: String,
    /// Where it was published.
    pub source: String,
    /// The first year it covers.
    pub first_year: i32,
    /// The last year it covers.
    pub last_year: i32,
    /// Its days, in order, each with why it was decreed ("vrijdag na Hemelvaartsdag").
    pub days: Vec<(Date, String)>,
}

/// A new decree, checked by `volkshuis_domain::calendar::check_decree`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDecree {
    /// The decree's name.
    pub name: String,
    /// Where it was published.
    pub source: String,
    /// The first year it covers.
    pub first_year: i32,
    /// The last year it covers.
    pub last_year: i32,
    /// Its days, each with a short reason.
    pub days: Vec<(Date, String)>,
}

/// The calendar statutory terms are counted on, as the database holds it now.
pub async fn term_calendar(db: &Db) -> Result<TermCalendar> {
    let mut conn = db.acquire().await?;
    term_calendar_in(conn.conn()).await
}

/// As [`term_calendar`], inside a transaction (a step computes the deadline it stores against the same days).
pub async fn term_calendar_in(mut conn: Conn<'_>) -> Result<TermCalendar> {
    let rows = sql::query(
        "SELECT d.day, k.name FROM atw_decreed_days d JOIN atw_decrees k ON k.id = d.decree_id ORDER BY d.day",
    )
    .fetch_all(&mut conn)
    .await?;
    let days = rows
        .iter()
        .map(|row| {
            Ok(DecreedDay {
                date: crate::overleg::date_from_text("day", &row.try_get::<String, _>("day")?)?,
                source: row.try_get("name")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    // Each decree's own years: a decree for a later year says nothing of the years before it (one may be pending).
    let years = sql::query("SELECT first_year, last_year FROM atw_decrees").fetch_all(&mut conn).await?;
    let covered = years
        .iter()
        .map(|row| {
            let year = |column| -> Result<i32> {
                let year: i64 = row.try_get(column)?;
                i32::try_from(year)
                    .map_err(|_| StoreError::Corrupt { column: "atw_decrees.year", value: year.to_string() })
            };
            Ok(year("first_year")?..=year("last_year")?)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(TermCalendar::new(days, covered))
}

/// Every decree with its days, newest years first.
pub async fn decrees(db: &Db) -> Result<Vec<Decree>> {
    let rows =
        sql::query("SELECT id, name, source, first_year, last_year FROM atw_decrees ORDER BY last_year DESC, id")
            .fetch_all(db)
            .await?;
    let days = sql::query("SELECT day, decree_id, reason FROM atw_decreed_days ORDER BY day").fetch_all(db).await?;
    rows.iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            let mut own = Vec::new();
            for day in &days {
                if day.try_get::<i64, _>("decree_id")? == id {
                    let date = crate::overleg::date_from_text("day", &day.try_get::<String, _>("day")?)?;
                    own.push((date, day.try_get("reason")?));
                }
            }
            Ok(Decree {
                id,
                name: row.try_get("name")?,
                source: row.try_get("source")?,
                first_year: row.try_get::<i64, _>("first_year")? as i32,
                last_year: row.try_get::<i64, _>("last_year")? as i32,
                days: own,
            })
        })
        .collect()
}

/// Adds a decree and its days, audit-logged, and recomputes the stored next deadline of every open Overleg case in
/// the same transaction; returns the new id and how many stored deadlines moved. A day decreed before is refused
/// by the primary key (`Conflict`): the caller checked it against the calendar first.
pub async fn add_decree(tx: &mut crate::Tx, actor: &Actor, new: &NewDecree) -> Result<(i64, u64)> {
    let id: i64 = sql::query_scalar(
        "INSERT INTO atw_decrees (name, source, first_year, last_year, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(&new.name)
    .bind(&new.source)
    .bind(i64::from(new.first_year))
    .bind(i64::from(new.last_year))
    .bind(actor.user_id)
    .bind(timestamp::to_unix(actor.at))
    .fetch_one(&mut *tx)
    .await?;
    for (day, reason) in &new.days {
        sql::query("INSERT INTO atw_decreed_days (day, decree_id, reason) VALUES ($1, $2, $3)")
            .bind(date_to_text(*day))
            .bind(id)
            .bind(reason)
            .execute(&mut *tx)
            .await?;
    }
    let mut change = Change::event(None, "create", "atw_decree", id.to_string());
    change.after = Some(json!({
        "name": new.name,
        "source": new.source,
        "first_year": new.first_year,
        "last_year": new.last_year,
        "days": new.days.iter().map(|(d, r)| json!({ "day": date_to_text(*d), "reason": r })).collect::<Vec<_>>(),
    }));
    audit::record(tx.conn(), actor, change).await?;
    let moved = crate::overleg::recompute_deadlines_in(tx).await?;
    Ok((id, moved))
}
