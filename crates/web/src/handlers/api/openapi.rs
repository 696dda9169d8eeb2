//! The OpenAPI 3.1 description of `/api/v1`, written out by hand next to the handlers it describes (a test checks
//! that every field a response carries is described).

use super::stock::cursor_pattern;
use axum::Json;
use serde_json::{json, Value};

/// The properties of an `Eenheid` as the API returns them: (name, JSON type, description).
pub const UNIT_FIELDS: &[(&str, &str, &str)] = &[
    ("id", "integer", "Volkshuis id"),
    ("idExtern", "string", "the corporation's own unit id"),
    ("clusterCode", "string", "complex code"),
    ("soort", "string", "VERA EENHEIDSOORT code"),
    ("detailSoort", "string", "VERA EENHEIDDETAILSOORT code"),
    ("status", "string", "VERA EENHEIDSTATUS code"),
    ("adres", "string", "street, number, letter and addition"),
    ("postcode", "string", "postcode, 1234AB"),
    ("woonplaats", "string", "town"),
    ("bagVerblijfsobjectId", "string", "BAG verblijfsobject id (16 digits)"),
    ("bagPandId", "string", "BAG pand id (16 digits)"),
    ("gemeenteCode", "string", "CBS gemeente code, GM0363"),
    ("wijkCode", "string", "CBS wijk code"),
    ("buurtCode", "string", "CBS buurt code"),
    ("cbsJaar", "integer", "year of the CBS codes"),
    ("breedtegraad", "number", "WGS84 latitude"),
    ("lengtegraad", "number", "WGS84 longitude"),
    ("bouwjaar", "integer", "year built"),
    ("gebruiksoppervlakte", "number", "usable area in m²"),
    ("kamersAantal", "integer", "rooms"),
    ("maatschappelijkLabel", "string", "DAE or NDA"),
    ("nettohuur", "string", "net monthly rent in euros, exact decimal, e.g. 650.50"),
    ("brutohuur", "string", "gross monthly rent in euros, exact decimal"),
    ("inGebruik", "boolean", "false when the unit was missing from a full import"),
];

/// The properties of a `Cluster`.
pub const CLUSTER_FIELDS: &[(&str, &str, &str)] = &[
    ("id", "integer", "Volkshuis id"),
    ("clusterCode", "string", "complex code"),
    ("clusterNaam", "string", "complex name"),
    ("eenhedenAantal", "integer", "units in use"),
    ("daebAantal", "integer", "of which DAEB"),
    ("gemiddeldeNettohuur", "string", "average net rent, exact decimal"),
];

/// An object schema; the fields not named in `never_null` may be null (a unit without a complex has no clusterCode).
fn schema(fields: &[(&str, &str, &str)], never_null: &[&str]) -> Value {
    let properties: serde_json::Map<String, Value> = fields
        .iter()
        .map(|(name, kind, description)| {
            let nullable = !never_null.contains(name);
            let kind = if nullable { json!([kind, "null"]) } else { json!(kind) };
            ((*name).to_owned(), json!({ "type": kind, "description": description }))
        })
        .collect();
    json!({ "type": "object", "properties": properties })
}

fn query(name: &str, description: &str) -> Value {
    json!({ "name": name, "in": "query", "required": false, "schema": { "type": "string" }, "description": description })
}

fn cursor(kind: char) -> Value {
    json!({
        "name": "cursor", "in": "query", "required": false,
        "schema": { "type": "string", "pattern": cursor_pattern(kind) },
        "description": "nextCursor of the previous page; empty or absent for the first page"
    })
}

fn limit() -> Value {
    json!({ "name": "limit", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "maximum": 1000, "default": 100 } })
}

/// The error answers every operation can give, by status, each with the `Error` body (ADR 0030).
fn errors() -> Value {
    let error = |description: &str| json!({ "description": description, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } });
    json!({
        "400": error("a parameter is invalid; the message names it"),
        "401": error("missing, unknown or revoked token"),
        "408": error("the answer took longer than 30 seconds"),
        "500": error("an internal error; the server log has the details"),
    })
}

fn page_of(description: &str, item: &str) -> Value {
    json!({
        "description": description,
        "content": { "application/json": { "schema": {
            "type": "object",
            "properties": {
                "data": { "type": "array", "items": { "$ref": format!("#/components/schemas/{item}") } },
                "nextCursor": { "type": ["string", "null"], "description": "pass as cursor for the next page; null on the last" }
            }
        } } }
    })
}

/// `GET /api/v1/openapi.json`.
pub async fn document() -> Json<Value> {
    let mut unit_responses = errors();
    unit_responses["200"] = page_of("a page of units", "Eenheid");
    let mut one_unit = errors();
    one_unit["200"] = json!({ "description": "the unit", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Eenheid" } } } });
    one_unit["404"] = json!({ "description": "no such unit of this organisation", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } });
    let mut cluster_responses = errors();
    cluster_responses["200"] = page_of("a page of complexes", "Cluster");
    let mut ledger_responses = errors();
    ledger_responses["200"] = json!({ "description": "brought in and decided: the counts (no persons)", "content": { "application/json": { "schema": {
        "type": "object",
        "properties": {
            "ledger": { "type": "integer", "description": "the ledger's id" },
            "households": { "type": "integer", "description": "households in the file" },
            "signalled": { "type": "integer", "description": "signals sent by this ledger" },
            "toMunicipalities": { "type": "integer", "description": "of which to municipalities on the platform" },
            "byFile": { "type": "integer", "description": "of which waiting for delivery by file" },
            "resolved": { "type": "integer", "description": "open signals whose contract left the ledger" }
        }
    } } } });
    let error = |description: &str| json!({ "description": description, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } });
    ledger_responses["400"] =
        error("not a ledger file (no header row with the ledger's columns), or a parameter is invalid");
    ledger_responses["409"] =
        error("another ledger of this organisation is being brought in, or was brought in on its page meanwhile; nothing was sent; try again after Retry-After seconds");
    ledger_responses["413"] = error("the body is larger than 50 MB");
    ledger_responses["415"] = error("the body is not CSV (text/csv, text/plain, application/csv, application/vnd.ms-excel or application/octet-stream)");
    ledger_responses["503"] =
        error("the database is busy or briefly unreachable; nothing was written, try again after Retry-After seconds");
    ledger_responses["403"] = json!({ "description": "the token may read only, its maker is no longer an active administrator of the corporation, or the organisation is no corporation", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } });
    ledger_responses["422"] = json!({ "description": "rows refused (rows_refused), or the ledger would count most open signals' arrears as resolved and was not confirmed (confirm_resolving); nothing was written or sent", "content": { "application/json": { "schema": {
        "type": "object",
        "required": ["error", "message"],
        "properties": {
            "error": { "type": "string", "description": "rows_refused or confirm_resolving" },
            "resolving": { "type": "integer", "description": "confirm_resolving: the open signals this ledger would count as resolved; send again with bevestigOpgelost set to it" },
            "open": { "type": "integer", "description": "confirm_resolving: the open signals whose arrears do not count as resolved yet" },
            "message": { "type": "string", "description": "what was refused, and that nothing was written or sent" },
            "count": { "type": "integer", "description": "problems found" },
            "errors": { "type": "array", "description": "the first 1,000 problems", "items": { "type": "object", "properties": {
                "line": { "type": "integer" }, "column": { "type": ["string", "null"], "description": "null for a problem of the whole row" }, "value": { "type": "string" }, "reason": { "type": "string" }
            } } }
        }
    } } } });
    Json(json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Volkshuis API",
            "version": "1",
            "description": "The housing stock of the organisation that owns the token, with VERA attribute names. \
                Every answer is JSON: an error is an `Error` object with its HTTP status, also for a path the API \
                does not have (404) and for a method a path does not take (405). One operation writes: a token made \
                with that right brings in Signalering's arrears ledger."
        },
        "servers": [{ "url": "/api/v1" }],
        "security": [{ "token": [] }],
        "components": {
            "securitySchemes": { "token": { "type": "http", "scheme": "bearer", "description": "an API token (vh_…) made by an organisation administrator" } },
            "schemas": {
                "Eenheid": schema(UNIT_FIELDS, &["id", "idExtern", "inGebruik"]),
                "Cluster": schema(CLUSTER_FIELDS, &["id", "clusterCode", "eenhedenAantal", "daebAantal"]),
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {
                        "error": { "type": "string", "description": "a stable code: bad_request, unauthorized, not_found, …" },
                        "message": { "type": "string", "description": "what was wrong, for the developer" }
                    }
                }
            }
        },
        "paths": {
            "/eenheden": { "get": {
                "summary": "Units, in id order, a page at a time",
                "parameters": [
                    query("gemeenteCode", "only this CBS gemeente"),
                    query("buurtCode", "only this CBS buurt"),
                    query("clusterCode", "only this complex"),
                    query("clusterSoort", "only complexes of this VERA CLUSTERSOORT"),
                    query("soort", "only this VERA soort"),
                    query("status", "only this VERA status"),
                    query("maatschappelijkLabel", "DAE or NDA"),
                    cursor('u'),
                    limit()
                ],
                "responses": unit_responses
            } },
            "/eenheden/{id}": { "get": {
                "summary": "One unit",
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64" } }],
                "responses": one_unit
            } },
            "/clusters": { "get": {
                "summary": "Complexes with their figures, in id order, a page at a time",
                "parameters": [cursor('c'), limit()],
                "responses": cluster_responses
            } },
            "/signalering/grootboek": { "post": {
                "summary": "Bring in the monthly arrears ledger (a corporation's token made with that right, while its maker is an administrator)",
                "description": "The body is the ledger CSV of docs/ledger-format.md. All or nothing: a file with any \
                    problem changes nothing and every problem comes back by line and column. The optional header \
                    X-Bestandsnaam names the file in the corporation's list of ledgers.",
                "parameters": [{ "name": "X-Bestandsnaam", "in": "header", "required": false, "schema": { "type": "string", "maxLength": 200 }, "description": "the file's name in the corporation's list of ledgers (UTF-8); api.csv without it" }, { "name": "bevestigOpgelost", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 0 }, "description": "when a ledger would count more than half of the open signals' arrears as resolved (at least 5), it is sent only with this number of them confirmed" }],
                "requestBody": { "required": true, "content": {
                    "text/csv": { "schema": { "type": "string" } },
                    "text/plain": { "schema": { "type": "string" } },
                    "application/csv": { "schema": { "type": "string" } },
                    "application/vnd.ms-excel": { "schema": { "type": "string" } },
                    "application/octet-stream": { "schema": { "type": "string" } }
                } },
                "responses": ledger_responses
            } }
        }
    }))
}
