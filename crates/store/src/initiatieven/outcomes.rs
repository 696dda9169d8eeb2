//! What an initiative brought, per year: participants, volunteers, jobs for people far from the labour market,
//! visitors and a short story; summed per buurt and year for the figures.

use crate::audit::{self, Actor, Change};
use crate::sql;
use crate::{Db, Result};
use serde_json::json;
use volkshuis_domain::access::{ReadScope, WriteScope};
use volkshuis_domain::initiatieven::outcome::Outcome;

fn count(row: &sql::Row, column: &'static str) -> Result<u32> {
    Ok(u32::try_from(row.try_get::<i64, _>(column)?).unwrap_or(0))
}

fn outcome_from(row: &sql::Row) -> Result<Outcome> {
    Ok(Outcome {
        participants: count(row, "participants")?,
        volunteers: count(row, "volunteers")?,
        jobs_far_from_labour_market: count(row, "jobs")?,
        visitors: count(row, "visitors")?,
    })
}

/// The outcomes of an initiative per year, newest first: (year, outcome, story) (the caller has checked the viewer
/// may see it).
pub async fn outcomes_of(db: &Db, initiative_id: i64) -> Result<Vec<(i32, Outcome, Option<String>)>> {
    let rows = sql::query(
        "SELECT year, participants, volunteers, jobs, visitors, story FROM in_outcomes WHERE initiative_id = $1 \
         ORDER BY year DESC",
    )
    .bind(initiative_id)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| Ok((i32::try_from(r.try_get::<i64, _>("year")?).unwrap_or(0), outcome_from(r)?, r.try_get("story")?)))
        .collect()
}

/// Records (or corrects) a year's outcome of one of the corporation's initiatives; `false` for any other.
pub async fn record(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    initiative_id: i64,
    year: i32,
    outcome: &Outcome,
    story: Option<&str>,
) -> Result<bool> {
    if super::initiatives::for_corporation(db, scope.as_read(), initiative_id).await?.is_none() {
        return Ok(false);
    }
    let mut tx = db.begin().await?;
    sql::query(
        "INSERT INTO in_outcomes (initiative_id, year, participants, volunteers, jobs, visitors, story, recorded_by, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (initiative_id, year) DO UPDATE SET \
         participants = excluded.participants, volunteers = excluded.volunteers, jobs = excluded.jobs, \
         visitors = excluded.visitors, story = excluded.story, recorded_by = excluded.recorded_by, \
         updated_at = excluded.updated_at",
    )
    .bind(initiative_id)
    .bind(i64::from(year))
    .bind(i64::from(outcome.participants))
    .bind(i64::from(outcome.volunteers))
    .bind(i64::from(outcome.jobs_far_from_labour_market))
    .bind(i64::from(outcome.visitors))
    .bind(story)
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .execute(&mut tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "outcome", "in_initiative", initiative_id.to_string());
    change.after = Some(json!({ "year": year }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(true)
}

/// The corporation's outcomes summed per buurt (the initiative's buurt; empty when it named none) and year, with the
/// number of initiatives: (buurt, year, initiatives, outcome).
pub async fn per_buurt_and_year(db: &Db, scope: &ReadScope) -> Result<Vec<(String, i32, i64, Outcome)>> {
    let rows = sql::query(
        "SELECT COALESCE(i.buurt_code, '') AS buurt, o.year, COUNT(*) AS initiatives, \
         CAST(SUM(o.participants) AS BIGINT) AS participants, CAST(SUM(o.volunteers) AS BIGINT) AS volunteers, CAST(SUM(o.jobs) AS BIGINT) AS jobs, \
         CAST(SUM(o.visitors) AS BIGINT) AS visitors FROM in_outcomes o JOIN in_initiatives i ON i.id = o.initiative_id \
         WHERE i.corporation_id = $1 GROUP BY COALESCE(i.buurt_code, ''), o.year ORDER BY o.year DESC, buurt",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("buurt")?,
                i32::try_from(r.try_get::<i64, _>("year")?).unwrap_or(0),
                r.try_get("initiatives")?,
                outcome_from(r)?,
            ))
        })
        .collect()
}

/// At most this many photos per initiative and year.
pub const MAX_PHOTOS_PER_YEAR: i64 = 6;

/// A photo to store (its kind and size checked at the edge).
#[derive(Debug, Clone)]
pub struct NewPhoto {
    /// The file name as uploaded.
    pub file_name: String,
    /// `image/jpeg` or `image/png`.
    pub content_type: String,
    /// The bytes.
    pub content: Vec<u8>,
}

/// Why a photo was not stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoRefused {
    /// The initiative is not the corporation's.
    Unknown,
    /// The year has [`MAX_PHOTOS_PER_YEAR`] already.
    Full,
}

/// Stores a photo with a year's outcome of one of the corporation's initiatives.
pub async fn add_photo(
    db: &Db,
    scope: &WriteScope,
    actor: &Actor,
    initiative_id: i64,
    year: i32,
    photo: &NewPhoto,
) -> Result<std::result::Result<i64, PhotoRefused>> {
    if super::initiatives::for_corporation(db, scope.as_read(), initiative_id).await?.is_none() {
        return Ok(Err(PhotoRefused::Unknown));
    }
    let mut tx = db.begin().await?;
    let n: i64 = sql::query_scalar("SELECT COUNT(*) FROM in_outcome_photos WHERE initiative_id = $1 AND year = $2")
        .bind(initiative_id)
        .bind(i64::from(year))
        .fetch_one(&mut tx)
        .await?;
    if n >= MAX_PHOTOS_PER_YEAR {
        return Ok(Err(PhotoRefused::Full));
    }
    let id: i64 = sql::query_scalar(
        "INSERT INTO in_outcome_photos (initiative_id, year, file_name, content_type, size, content, uploaded_by, \
         uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(initiative_id)
    .bind(i64::from(year))
    .bind(&photo.file_name)
    .bind(&photo.content_type)
    .bind(i64::try_from(photo.content.len()).unwrap_or(i64::MAX))
    .bind(photo.content.as_slice())
    .bind(actor.name())
    .bind(crate::timestamp::to_unix(actor.at))
    .fetch_one(&mut tx)
    .await?;
    let mut change = Change::event(Some(scope.org_id()), "photo", "in_initiative", initiative_id.to_string());
    change.after = Some(json!({ "year": year, "photo_id": id }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// The photos of an initiative: (id, year, file name), by year and upload (the caller has checked the viewer may see
/// the initiative).
pub async fn photos_of(db: &Db, initiative_id: i64) -> Result<Vec<(i64, i32, String)>> {
    let rows =
        sql::query("SELECT id, year, file_name FROM in_outcome_photos WHERE initiative_id = $1 ORDER BY year DESC, id")
            .bind(initiative_id)
            .fetch_all(db)
            .await?;
    rows.iter()
        .map(|r| {
            Ok((r.try_get("id")?, i32::try_from(r.try_get::<i64, _>("year")?).unwrap_or(0), r.try_get("file_name")?))
        })
        .collect()
}

/// One photo of an initiative: (content type, bytes); `None` for a photo of any other initiative.
pub async fn photo(db: &Db, initiative_id: i64, photo_id: i64) -> Result<Option<(String, Vec<u8>)>> {
    let row = sql::query("SELECT content_type, content FROM in_outcome_photos WHERE id = $1 AND initiative_id = $2")
        .bind(photo_id)
        .bind(initiative_id)
        .fetch_optional(db)
        .await?;
    row.map(|r| Ok((r.try_get("content_type")?, r.try_get("content")?))).transpose()
}
