//! `/api/v1/eenheden` and `/api/v1/clusters`.

use super::{ApiClient, ApiError};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use volkshuis_store::stock::{self, UnitFilter, UnitRow};

/// Page size when the caller does not ask; the most it may ask.
const DEFAULT_LIMIT: i64 = 100;
const MAX_LIMIT: i64 = 1_000;

/// Query parameters, named as the VERA attributes they filter on.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitQuery {
    gemeente_code: Option<String>,
    buurt_code: Option<String>,
    soort: Option<String>,
    status: Option<String>,
    maatschappelijk_label: Option<String>,
    cluster_code: Option<String>,
    cluster_soort: Option<String>,
    cursor: Option<String>,
    limit: Option<i64>,
}

/// A cursor is the last id of the previous page behind a letter for its kind, opaque to callers.
fn parse_cursor(cursor: Option<&str>, kind: char) -> Result<i64, ApiError> {
    match cursor {
        None | Some("") => Ok(0),
        Some(c) => {
            c.strip_prefix(kind).and_then(|n| n.parse().ok()).ok_or_else(|| ApiError::bad_request("invalid cursor"))
        }
    }
}

fn limit(asked: Option<i64>) -> Result<i64, ApiError> {
    match asked {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(ApiError::bad_request(format!("limit must be 1 to {MAX_LIMIT}"))),
    }
}

fn decimal(cents: Option<i64>) -> Value {
    cents.map(|c| Value::String(format!("{}.{:02}", c / 100, (c % 100).abs()))).unwrap_or(Value::Null)
}

/// A unit with VERA attribute names. Amounts are decimal strings (exact), positions WGS84 degrees.
pub fn unit_json(u: &UnitRow) -> Value {
    json!({
        "id": u.id,
        "idExtern": u.id_extern,
        "clusterCode": u.cluster.as_ref().map(|c| c.1.clone()),
        "soort": u.soort,
        "detailSoort": u.detail_soort,
        "status": u.status,
        "adres": u.address,
        "postcode": u.postcode,
        "woonplaats": u.woonplaats,
        "bagVerblijfsobjectId": u.bag_verblijfsobject_id,
        "bagPandId": u.bag_pand_id,
        "gemeenteCode": u.gemeente_code,
        "wijkCode": u.wijk_code,
        "buurtCode": u.buurt_code,
        "cbsJaar": u.cbs_year,
        "breedtegraad": u.lat,
        "lengtegraad": u.lon,
        "bouwjaar": u.bouwjaar,
        "gebruiksoppervlakte": u.gebruiksoppervlakte,
        "kamersAantal": u.kamers,
        "maatschappelijkLabel": u.label,
        "nettohuur": decimal(u.nettohuur_cents),
        "brutohuur": decimal(u.brutohuur_cents),
        "inGebruik": u.in_use,
    })
}

pub async fn units(
    State(state): State<AppState>,
    client: ApiClient,
    Query(q): Query<UnitQuery>,
) -> Result<Json<Value>, ApiError> {
    let after = parse_cursor(q.cursor.as_deref(), 'u')?;
    let limit = limit(q.limit)?;
    let filter = UnitFilter {
        gemeente: q.gemeente_code.map(|g| g.to_uppercase()),
        buurt: q.buurt_code.map(|b| b.to_uppercase()),
        cluster_code: q.cluster_code,
        cluster_soort: q.cluster_soort.map(|s| s.to_uppercase()),
        soort: q.soort.map(|s| s.to_uppercase()),
        status: q.status.map(|s| s.to_uppercase()),
        label: q.maatschappelijk_label.map(|l| l.to_uppercase()),
        include_out_of_use: true,
        ..Default::default()
    };
    let rows = stock::units_after(&state.db, &client.scope, &filter, after, limit + 1).await?;
    let more = rows.len() as i64 > limit;
    let page: Vec<&UnitRow> = rows.iter().take(limit as usize).collect();
    let next = if more { page.last().map(|u| format!("u{}", u.id)) } else { None };
    Ok(Json(json!({ "data": page.iter().map(|u| unit_json(u)).collect::<Vec<_>>(), "nextCursor": next })))
}

pub async fn unit(
    State(state): State<AppState>,
    client: ApiClient,
    Path(id): Path<i64>,
) -> Result<Json<Value>, ApiError> {
    let unit = stock::unit(&state.db, &client.scope, id).await?.ok_or_else(ApiError::not_found)?;
    Ok(Json(unit_json(&unit)))
}

/// Query parameters of `/api/v1/clusters`.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    cursor: Option<String>,
    limit: Option<i64>,
}

pub async fn clusters(
    State(state): State<AppState>,
    client: ApiClient,
    Query(q): Query<PageQuery>,
) -> Result<Json<Value>, ApiError> {
    let after = parse_cursor(q.cursor.as_deref(), 'c')?;
    let limit = limit(q.limit)?;
    let rows = stock::clusters_after(&state.db, &client.scope, after, limit + 1).await?;
    let more = rows.len() as i64 > limit;
    let page: Vec<_> = rows.iter().take(limit as usize).collect();
    let next = if more { page.last().map(|c| format!("c{}", c.id)) } else { None };
    let data: Vec<Value> = page
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "clusterCode": c.code,
                "clusterNaam": c.naam,
                "eenhedenAantal": c.units,
                "daebAantal": c.daeb_units,
                "gemiddeldeNettohuur": decimal(c.average_rent_cents),
            })
        })
        .collect();
    Ok(Json(json!({ "data": data, "nextCursor": next })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_and_limits() {
        assert_eq!(parse_cursor(None, 'u').ok(), Some(0));
        assert_eq!(parse_cursor(Some("u42"), 'u').ok(), Some(42));
        assert!(parse_cursor(Some("42"), 'u').is_err());
        assert!(parse_cursor(Some("c42"), 'u').is_err(), "a cluster cursor is no unit cursor");
        assert_eq!(limit(None).ok(), Some(100));
        assert!(limit(Some(0)).is_err() && limit(Some(1001)).is_err());
        assert_eq!(decimal(Some(65_050)), Value::String("650.50".into()));
    }
}
