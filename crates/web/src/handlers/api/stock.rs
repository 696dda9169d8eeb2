//! `/api/v1/eenheden` and `/api/v1/clusters`.

use super::errors::{ApiPath, ApiQuery};
use super::{ApiClient, ApiError};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use volkshuis_domain::query::filter_text;
use volkshuis_store::stock::{self, UnitFilter, UnitRow};

/// Page size when the caller does not ask; the most it may ask.
const DEFAULT_LIMIT: i64 = 100;
const MAX_LIMIT: i64 = 1_000;

/// Query parameters, named as the VERA attributes they filter on. An unknown one is refused: a filter misspelt
/// (`gemeentecode`) would otherwise answer with the whole stock.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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

/// The most digits of a cursor's id: every such number fits an `i64`, so a cursor of the documented form
/// (`openapi.rs`, [`cursor_pattern`]) is never refused.
const CURSOR_DIGITS: usize = 18;

/// The pattern of a cursor of `kind`, as the OpenAPI document states it (empty means the first page).
pub fn cursor_pattern(kind: char) -> String {
    format!("^({kind}[0-9]{{1,{CURSOR_DIGITS}}})?$")
}

/// A cursor is the last id of the previous page behind a letter for its kind, opaque to callers.
fn parse_cursor(cursor: Option<&str>, kind: char) -> Result<i64, ApiError> {
    let digits = match cursor {
        None | Some("") => return Ok(0),
        Some(c) => c.strip_prefix(kind).unwrap_or_default(),
    };
    let valid = (1..=CURSOR_DIGITS).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    let refused = || ApiError::bad_request("invalid cursor: pass the nextCursor of the previous page");
    if valid {
        digits.parse().map_err(|_| refused())
    } else {
        Err(refused())
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
    ApiQuery(q): ApiQuery<UnitQuery>,
) -> Result<Json<Value>, ApiError> {
    let after = parse_cursor(q.cursor.as_deref(), 'u')?;
    let limit = limit(q.limit)?;
    // Filter values go through the one cleaning of typed filters (no control characters, bounded length), as on
    // the pages: a NUL byte is not something PostgreSQL can compare.
    let clean = |value: Option<String>| value.as_deref().and_then(filter_text);
    let upper = |value: Option<String>| clean(value).map(|v| v.to_uppercase());
    let filter = UnitFilter {
        gemeente: upper(q.gemeente_code),
        buurt: upper(q.buurt_code),
        cluster_code: clean(q.cluster_code),
        cluster_soort: upper(q.cluster_soort),
        soort: upper(q.soort),
        status: upper(q.status),
        label: upper(q.maatschappelijk_label),
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
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Value>, ApiError> {
    let unit = stock::unit(&state.db, &client.scope, id).await?.ok_or_else(ApiError::not_found)?;
    Ok(Json(unit_json(&unit)))
}

/// Query parameters of `/api/v1/clusters` (it filters on nothing: a filter given is refused, not ignored).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    cursor: Option<String>,
    limit: Option<i64>,
}

pub async fn clusters(
    State(state): State<AppState>,
    client: ApiClient,
    ApiQuery(q): ApiQuery<PageQuery>,
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
        assert_eq!(parse_cursor(Some("u999999999999999999"), 'u').ok(), Some(999_999_999_999_999_999));
        for refused in ["u", "u-1", "u+1", "u1 ", "u9999999999999999999", "zomaar"] {
            assert!(parse_cursor(Some(refused), 'u').is_err(), "{refused:?}");
        }
        assert_eq!(limit(None).ok(), Some(100));
        assert!(limit(Some(0)).is_err() && limit(Some(1001)).is_err());
        assert_eq!(decimal(Some(65_050)), Value::String("650.50".into()));
    }
}
