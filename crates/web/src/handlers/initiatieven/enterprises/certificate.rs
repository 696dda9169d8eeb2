//! Adding a certificate to a registered enterprise, with its evidence file: no register offers a public API, so the
//! certificate document is the proof. The kind, the PSO level and the dates are judged by the domain's
//! `certificate_problems`; the file by the upload rules every document follows (PDF or Office, checked by name and
//! first bytes, at most 10 MB). Exactly one file. A form with an error comes back (422) with what was typed; the
//! file must be chosen again, and the message says so.

use super::registrar;
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{field, parse_date, FieldErrors};
use crate::i18n::OndernemingenTexts;
use crate::state::AppState;
use crate::uploads::MultipartForm;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;
use volkshuis_domain::initiatieven::enterprise::{certificate_problems, CertificateKind, CertificateProblem, PsoLevel};
use volkshuis_store::initiatieven::enterprises::{self, Enterprise, EvidenceFile, NewCertificate};

type Fields = HashMap<String, String>;

#[derive(Template)]
#[template(path = "initiatieven/enterprise_certificate.html")]
struct FormPage {
    page: Page,
    ot: &'static OndernemingenTexts,
    trail: Vec<(String, String)>,
    title: String,
    action: String,
    cancel: String,
    kinds: Vec<(String, String)>,
    levels: Vec<(String, String)>,
    fields: Fields,
    errors: FieldErrors,
}

impl FormPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

fn form_page(auth: &Auth, enterprise: &Enterprise, fields: Fields, errors: FieldErrors) -> FormPage {
    let ot = OndernemingenTexts::of(auth.ctx.lang);
    let base = format!("/ondernemingen/{}", enterprise.id);
    FormPage {
        page: Page::for_user(auth),
        ot,
        trail: vec![("/ondernemingen".to_owned(), ot.title.to_owned()), (base.clone(), enterprise.input.name.clone())],
        title: ot.certificate_new_title(&enterprise.input.name),
        action: format!("{base}/certificaten/nieuw"),
        cancel: base,
        kinds: CertificateKind::ALL.iter().map(|k| (k.code().to_owned(), ot.kind(*k).to_owned())).collect(),
        levels: PsoLevel::ALL.iter().map(|l| (l.code().to_owned(), ot.level(*l).to_owned())).collect(),
        fields,
        errors,
    }
}

/// The form read into a certificate, or the errors per field.
fn parse(ot: &OndernemingenTexts, fields: &Fields) -> Result<NewCertificate, FieldErrors> {
    let f = |name: &str| field(fields, name);
    let mut errors = FieldErrors::default();
    let kind = CertificateKind::parse(f("kind")).map_err(|_| errors.add("kind", ot.err_kind)).ok();
    let level = match f("level") {
        "" => Some(None),
        code => PsoLevel::parse(code).map(Some).map_err(|_| errors.add("level", ot.err_level)).ok(),
    };
    let mut day = |name: &'static str| parse_date(f(name)).map_err(|_| errors.add(name, ot.err_date)).ok();
    let (valid_from, valid_until) = (day("valid_from"), day("valid_until"));
    let (Some(kind), Some(level), Some(valid_from), Some(valid_until)) = (kind, level, valid_from, valid_until) else {
        return Err(errors);
    };
    for problem in certificate_problems(kind, level, valid_from, valid_until) {
        let (name, message) = match problem {
            CertificateProblem::LevelMissing => ("level", ot.err_level_missing),
            CertificateProblem::LevelNotApplicable => ("level", ot.err_level_not_applicable),
            CertificateProblem::UntilNotAfterFrom => ("valid_until", ot.err_until_not_after_from),
            CertificateProblem::LongerThanFiveYears => ("valid_until", ot.err_longer_than_five_years),
            CertificateProblem::PsoLongerThanTwoYears => ("valid_until", ot.err_pso_longer_than_two_years),
        };
        errors.add(name, message);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(NewCertificate { kind, level, valid_from, valid_until })
}

pub(super) async fn new_form(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    registrar(&state, &auth).await?;
    let enterprise = enterprises::enterprise(&state.db, id).await?.ok_or(AppError::NotFound)?;
    ok(&form_page(&auth, &enterprise, Fields::new(), FieldErrors::default()))
}

pub(super) async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let registrar = registrar(&state, &auth).await?;
    let enterprise = enterprises::enterprise(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let upload = MultipartForm::read(multipart).await?;
    let ot = OndernemingenTexts::of(auth.ctx.lang);
    let fields: Fields = upload.fields().clone();
    let parsed = parse(ot, &fields);
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    upload.report_problems(auth.ctx.lang.overleg(), &mut errors);
    if errors.get("documents").is_none() {
        match upload.files.len() {
            0 => errors.add("documents", ot.err_evidence_missing),
            1 => {}
            _ => errors.add("documents", ot.err_evidence_one),
        }
    }
    let (Ok(certificate), [file], true) = (parsed, upload.files.as_slice(), errors.is_empty()) else {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &form_page(&auth, &enterprise, fields, errors));
    };
    let evidence = EvidenceFile {
        file_name: file.file_name.clone(),
        content_type: file.content_type.to_owned(),
        content: file.content.clone(),
    };
    let saved =
        enterprises::add_certificate(&state.db, &registrar, &auth.actor(&state), id, &certificate, &evidence).await?;
    saved.ok_or(AppError::NotFound)?;
    Ok(Redirect::to(&format!("/ondernemingen/{id}?notice=certificate#certificaten")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn a_certificate_is_judged_by_the_domain_field_by_field() {
        let ot = OndernemingenTexts::of(crate::i18n::Lang::Nl);
        let pso = form(&[("kind", "pso"), ("valid_from", "2026-01-01"), ("valid_until", "1-1-2025")]);
        let errors = parse(ot, &pso).expect_err("no level, dates backwards");
        assert_eq!(errors.get("level"), Some(ot.err_level_missing));
        assert_eq!(errors.get("valid_until"), Some(ot.err_until_not_after_from));
        let code = form(&[("kind", "code_so"), ("level", "trede_2"), ("valid_from", "x"), ("valid_until", "")]);
        let errors = parse(ot, &code).expect_err("wrong");
        assert_eq!(errors.get("valid_from"), Some(ot.err_date));
        assert_eq!(errors.get("valid_until"), Some(ot.err_date));
        let right =
            form(&[("kind", "pso"), ("level", "pso_30"), ("valid_from", "2025-03-01"), ("valid_until", "28-2-2027")]);
        let certificate = parse(ot, &right).expect("right");
        assert_eq!(certificate.level, Some(PsoLevel::Pso30));
    }
}
