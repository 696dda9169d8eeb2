//! The API against its own OpenAPI document, in the manner of schemathesis but in Rust (ADR 0030): for every
//! operation the document describes, parameters are generated from their schemas (valid ones) and from a set of
//! hostile texts (NUL bytes, wildcards, numbers past `i64`, free text, nothing at all), sent through the real router
//! with a good, missing, foreign or oddly written token. Every answer must have a status the operation documents,
//! be JSON, and fit the schema documented for that status; a request whose every parameter fits its schema and whose
//! token is good must succeed (or be a documented 404).

use crate::common::TestApp;
use axum::body::Body;
use axum::http::{header, Method, Request};
use axum::Router;
use http_body_util::BodyExt;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::Value;
use tower::ServiceExt;

/// Cases per operation and engine; `API_CONTRACT_CASES` raises it for a longer run.
fn cases() -> usize {
    std::env::var("API_CONTRACT_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(500)
}

/// How the token is sent.
#[derive(Debug, Clone)]
enum Auth {
    /// The good token, behind the scheme written this way and this many spaces.
    Good {
        scheme: String,
        spaces: usize,
    },
    None,
    Unknown,
    OtherScheme,
}

/// One generated parameter value, and whether it fits the parameter's schema.
type Arg = Option<(String, bool)>;

fn auth() -> impl Strategy<Value = Auth> {
    prop_oneof![
        6 => ("[bB][eE][aA][rR][eE][rR]", 1..3usize).prop_map(|(scheme, spaces)| Auth::Good { scheme, spaces }),
        1 => Just(Auth::None),
        1 => Just(Auth::Unknown),
        1 => Just(Auth::OtherScheme),
    ]
}

/// Values that fit `schema` (the kinds the document uses: bounded or 64-bit integers, strings with or without a
/// pattern).
fn fitting(schema: &Value) -> BoxedStrategy<String> {
    match schema["type"].as_str() {
        Some("integer") => match (schema["minimum"].as_i64(), schema["maximum"].as_i64()) {
            (Some(min), Some(max)) => (min..=max).prop_map(|n| n.to_string()).boxed(),
            _ => any::<i64>().prop_map(|n| n.to_string()).boxed(),
        },
        Some("string") => match schema["pattern"].as_str() {
            // The patterns are anchored at both ends; the generator makes whole strings and knows no anchors.
            Some(pattern) => {
                let bare = pattern.trim_start_matches('^').trim_end_matches('$');
                proptest::string::string_regex(bare).expect("a pattern the generator reads").boxed()
            }
            None => any::<String>().boxed(),
        },
        other => panic!("the contract test does not know parameters of type {other:?}"),
    }
}

/// Texts that found faults before, and free ones.
fn hostile() -> BoxedStrategy<String> {
    prop_oneof![
        any::<String>(),
        Just(String::new()),
        Just("\0".to_owned()),
        "[a-z\\x00%_\\\\ ]{1,12}",
        "[0-9]{19,30}",
        "-[0-9]{1,20}",
        "[uc]?[0-9]{0,25}",
        Just("9223372036854775807".to_owned()),
        Just("1.5".to_owned()),
    ]
    .boxed()
}

fn argument(parameter: &Value) -> BoxedStrategy<Arg> {
    let value = prop_oneof![
        3 => fitting(&parameter["schema"]).prop_map(|v| (v, true)),
        1 => hostile().prop_map(|v| (v, false)),
    ];
    if parameter["required"].as_bool() == Some(true) {
        value.prop_map(Some).boxed()
    } else {
        proptest::option::weighted(0.6, value).boxed()
    }
}

/// Follows a local `$ref`.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => doc.pointer(reference.trim_start_matches('#')).expect("the $ref points into the document"),
        None => schema,
    }
}

/// Checks `value` against the parts of JSON Schema the document uses: `type` (one or a list), `properties` (no
/// field that is not described), `required`, `items`, `$ref`.
fn fits(doc: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    let schema = resolve(doc, schema);
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let kind_fits = |t: &str| match t {
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        _ => false,
    };
    if !types.is_empty() && !types.iter().any(|t| kind_fits(t)) {
        return Err(format!("{at}: {value} is not of type {types:?}"));
    }
    if let Some(object) = value.as_object() {
        for required in schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if !object.contains_key(required) {
                return Err(format!("{at}: required field {required} missing"));
            }
        }
        if let Some(properties) = schema["properties"].as_object() {
            for (name, field) in object {
                let described = properties.get(name).ok_or_else(|| format!("{at}.{name}: not described"))?;
                fits(doc, described, field, &format!("{at}.{name}"))?;
            }
        }
    }
    if let Some(items) = value.as_array() {
        for (i, item) in items.iter().enumerate() {
            fits(doc, &schema["items"], item, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

/// One operation of the document.
struct Operation {
    path: String,
    parameters: Vec<Value>,
    responses: Value,
}

fn operations(doc: &Value) -> Vec<Operation> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("a path item") {
            // The one writing operation (the ledger's POST) has its own cases in tests/api.rs.
            if method != "get" {
                assert_eq!((method.as_str(), path.as_str()), ("post", "/signalering/grootboek"), "a new operation");
                continue;
            }
            found.push(Operation {
                path: path.clone(),
                parameters: operation["parameters"].as_array().cloned().unwrap_or_default(),
                responses: operation["responses"].clone(),
            });
        }
    }
    found
}

/// The request's URI for these arguments.
fn uri(base: &str, operation: &Operation, args: &[Arg]) -> String {
    let mut path = operation.path.clone();
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (parameter, arg) in operation.parameters.iter().zip(args) {
        let (Some(name), Some((value, _))) = (parameter["name"].as_str(), arg) else { continue };
        if parameter["in"] == "path" {
            let encoded: String = form_urlencoded::byte_serialize(value.as_bytes()).collect();
            path = path.replace(&format!("{{{name}}}"), &encoded);
        } else {
            query.append_pair(name, value);
        }
    }
    let query = query.finish();
    if query.is_empty() {
        format!("{base}{path}")
    } else {
        format!("{base}{path}?{query}")
    }
}

/// Sends one case; returns what is wrong with the answer, if anything.
async fn check(
    router: &Router,
    doc: &Value,
    token: &str,
    operation: &Operation,
    args: &[Arg],
    auth: &Auth,
) -> Option<String> {
    let base = doc["servers"][0]["url"].as_str().expect("a server url");
    let uri = uri(base, operation, args);
    let mut request = Request::builder().method(Method::GET).uri(&uri);
    match auth {
        Auth::Good { scheme, spaces } => {
            request = request.header(header::AUTHORIZATION, format!("{scheme}{}{token}", " ".repeat(*spaces)))
        }
        Auth::None => {}
        Auth::Unknown => request = request.header(header::AUTHORIZATION, "Bearer vh_onbekend"),
        Auth::OtherScheme => request = request.header(header::AUTHORIZATION, format!("Basic {token}")),
    }
    let response = router.clone().oneshot(request.body(Body::empty()).expect("request")).await.expect("response");
    let status = response.status();
    let content_type =
        response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    let text = String::from_utf8_lossy(&bytes);
    let case = format!("GET {uri} ({auth:?}) → {status}");
    let Some(documented) = operation.responses.get(status.as_str()) else {
        return Some(format!("{case}: status not documented; body {text}"));
    };
    if !content_type.starts_with("application/json") {
        return Some(format!("{case}: content type {content_type:?}, not JSON; body {text}"));
    }
    let Ok(body) = serde_json::from_slice::<Value>(&bytes) else {
        return Some(format!("{case}: the body is no JSON: {text}"));
    };
    let schema = &documented["content"]["application/json"]["schema"];
    if let Err(mismatch) = fits(doc, schema, &body, "body") {
        return Some(format!("{case}: {mismatch}"));
    }
    let all_fit = args.iter().flatten().all(|(_, fits)| *fits);
    let accepted = status.is_success() || (status.as_u16() == 404 && operation.path.contains('{'));
    if all_fit && matches!(auth, Auth::Good { .. }) && !accepted {
        return Some(format!("{case}: a request that fits the document was refused: {text}"));
    }
    None
}

/// Runs the generated cases against `app` with `token`; returns how many ran and the problems found.
pub async fn run(app: &TestApp, token: &str) -> (usize, Vec<String>) {
    let router = volkshuis_web::router(app.state.clone());
    let response = router
        .clone()
        .oneshot(Request::builder().uri("/api/v1/openapi.json").body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    let doc: Value = serde_json::from_slice(&bytes).expect("the document is JSON");
    let mut runner = TestRunner::default();
    let (mut ran, mut problems) = (0, Vec::new());
    for operation in operations(&doc) {
        let strategy = (operation.parameters.iter().map(argument).collect::<Vec<_>>(), auth());
        for _ in 0..cases() {
            let (args, auth) = strategy.new_tree(&mut runner).expect("a case").current();
            ran += 1;
            if let Some(problem) = check(&router, &doc, token, &operation, &args, &auth).await {
                problems.push(problem);
            }
        }
    }
    (ran, problems)
}
