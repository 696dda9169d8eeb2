//! The register of social enterprises on SQLite and PostgreSQL: registered and edited by a corporation's registrar
//! (a supplier's scope writes nothing), a KvK number once only, certificates stored with their evidence file in one
//! transaction, the list searched by name, KvK number and region and filtered on a certificate valid on a day; and
//! Social return's purchase check at the purchase date (the certificate the buyer values highest, an expired one
//! refused with its last valid day), the purchase linked to the enterprise and shown to the buyer.

use time::macros::{date, time};
use time::Date;
use volkshuis_domain::access::{self, Manage, Membership, Role, WriteScope};
use volkshuis_domain::initiatieven::enterprise::{CertificateKind, PsoLevel};
use volkshuis_domain::money::Money;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::socialreturn::contribution::Contribution;
use volkshuis_domain::socialreturn::examples;
use volkshuis_domain::socialreturn::progress::Obligation;
use volkshuis_domain::socialreturn::valuation::{value, Period};
use volkshuis_domain::socialreturn::Certificate;
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::initiatieven::enterprises::{
    self, EnterpriseInput, EvidenceFile, Filter, NewCertificate, PurchaseCheck, Registrar,
};
use volkshuis_store::socialreturn::{self, NewContract};
use volkshuis_store::testdb::sql;
use volkshuis_store::{orgs, Db, StoreError};

volkshuis_store::store_test_on_both_backends!(
    a_corporation_registers_and_edits_and_a_kvk_number_is_taken_once,
    certificates_come_with_their_evidence_and_the_list_finds_and_filters,
    a_purchase_is_checked_at_its_date_and_linked_for_the_buyer,
);

const TODAY: Date = date!(2026 - 11 - 25);

fn admin_scope(org: i64) -> WriteScope {
    let admin = Membership { user_id: 0, org_id: org, role: Role::Admin };
    access::grant(org, Some(admin), Manage).expect("an administrator may manage")
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

fn input(name: &str, kvk: &str, region: &str) -> EnterpriseInput {
    EnterpriseInput {
        name: name.to_owned(),
        kvk: kvk.to_owned(),
        activity: "Kozijnen op maat".to_owned(),
        region: region.to_owned(),
        website: None,
    }
}

fn pdf(name: &str) -> EvidenceFile {
    EvidenceFile {
        file_name: name.to_owned(),
        content_type: "application/pdf".to_owned(),
        content: b"%PDF-1.4 certificaat".to_vec(),
    }
}

fn certificate(kind: CertificateKind, level: Option<PsoLevel>, from: Date, until: Date) -> NewCertificate {
    NewCertificate { kind, level, valid_from: from, valid_until: until }
}

async fn register(db: &Db, registrar: &Registrar, name: &str, kvk: &str, region: &str) -> i64 {
    enterprises::save_enterprise(db, registrar, &actor(), None, &input(name, kvk, region))
        .await
        .expect("saved")
        .expect("a registrar")
}

async fn certify(db: &Db, registrar: &Registrar, id: i64, c: NewCertificate) -> i64 {
    enterprises::add_certificate(db, registrar, &actor(), id, &c, &pdf("certificaat.pdf"))
        .await
        .expect("saved")
        .expect("known enterprise")
}

async fn a_corporation_registers_and_edits_and_a_kvk_number_is_taken_once(db: &Db) {
    let woonstad = org(db, "woonstad", OrgKind::Corporation).await;
    let supplier = org(db, "vandijk", OrgKind::Supplier).await;
    let registrar = Registrar::corporation(&admin_scope(woonstad));
    let id = register(db, &registrar, "De Werkplaats", "12345678", "Deventer").await;
    let saved = enterprises::enterprise(db, id).await.expect("read").expect("there");
    assert_eq!(saved.input, input("De Werkplaats", "12345678", "Deventer"));
    assert_eq!(saved.registered_by.as_deref(), Some("woonstad"));
    assert!(saved.certificates.is_empty());

    // A second enterprise with the same KvK number is refused by the database's constraint, as an edit to it is.
    let twice =
        enterprises::save_enterprise(db, &registrar, &actor(), None, &input("Kopie", "12345678", "Zwolle")).await;
    assert!(matches!(twice, Err(StoreError::Duplicate)), "{twice:?}");
    let other = register(db, &Registrar::platform_admin(), "Groenploeg", "87654321", "Zutphen").await;
    assert_eq!(enterprises::enterprise(db, other).await.expect("read").expect("there").registered_by, None);
    let clash = enterprises::save_enterprise(db, &registrar, &actor(), Some(other), &input("G", "12345678", "Z")).await;
    assert!(matches!(clash, Err(StoreError::Duplicate)), "{clash:?}");
    assert_eq!(enterprises::by_kvk(db, "12345678").await.expect("read"), Some((id, "De Werkplaats".to_owned())));

    // An edit keeps the id; an unknown id is nothing.
    let edited = input("De Werkplaats B.V.", "12345678", "Salland");
    let done = enterprises::save_enterprise(db, &registrar, &actor(), Some(id), &edited).await.expect("saved");
    assert_eq!(done, Some(id));
    assert_eq!(enterprises::enterprise(db, id).await.expect("read").expect("there").input.region, "Salland");
    let nothing = enterprises::save_enterprise(db, &registrar, &actor(), Some(id + 100), &edited).await.expect("ok");
    assert_eq!(nothing, None);

    // A supplier's write scope is no registrar: nothing is written.
    let not_a_corporation = Registrar::corporation(&admin_scope(supplier));
    let refused =
        enterprises::save_enterprise(db, &not_a_corporation, &actor(), None, &input("X", "11112222", "Y")).await;
    assert_eq!(refused.expect("no error"), None);
    let c = certificate(CertificateKind::SocialEnterpriseNl, None, date!(2026 - 01 - 01), date!(2026 - 12 - 31));
    let refused = enterprises::add_certificate(db, &not_a_corporation, &actor(), id, &c, &pdf("x.pdf")).await;
    assert_eq!(refused.expect("no error"), None);
    assert_eq!(count(db, "SELECT COUNT(*) FROM in_enterprises").await, 2);
    assert_eq!(count(db, "SELECT COUNT(*) FROM in_certificates").await, 0);

    // Every write is in the audit log, for the corporation that made it (the platform's without one).
    let entries: Vec<(Option<i64>, String, String)> =
        sql::query_as("SELECT org_id, action, entity FROM audit_log WHERE entity = 'in_enterprise' ORDER BY id")
            .fetch_all(db)
            .await
            .expect("audit");
    assert_eq!(
        entries,
        [
            (Some(woonstad), "create".to_owned(), "in_enterprise".to_owned()),
            (None, "create".to_owned(), "in_enterprise".to_owned()),
            (Some(woonstad), "update".to_owned(), "in_enterprise".to_owned()),
        ]
    );
}

async fn certificates_come_with_their_evidence_and_the_list_finds_and_filters(db: &Db) {
    let woonstad = org(db, "woonstad", OrgKind::Corporation).await;
    let registrar = Registrar::corporation(&admin_scope(woonstad));
    let werkplaats = register(db, &registrar, "De Werkplaats", "12345678", "Deventer").await;
    let groen = register(db, &registrar, "Groenploeg IJsselland", "87654321", "Zutphen").await;
    let schoon = register(db, &registrar, "Samen Schoon", "55554444", "Apeldoorn").await;
    let valid = certify(
        db,
        &registrar,
        werkplaats,
        certificate(CertificateKind::Pso, Some(PsoLevel::Trede2), date!(2025 - 01 - 01), date!(2026 - 12 - 31)),
    )
    .await;
    certify(
        db,
        &registrar,
        groen,
        certificate(CertificateKind::CodeSocialeOndernemingen, None, date!(2024 - 01 - 01), TODAY),
    )
    .await;
    certify(
        db,
        &registrar,
        schoon,
        certificate(CertificateKind::SocialEnterpriseNl, None, date!(2024 - 01 - 01), date!(2026 - 11 - 24)),
    )
    .await;
    // An unknown enterprise gets no certificate.
    let c = certificate(CertificateKind::SocialEnterpriseNl, None, date!(2026 - 01 - 01), date!(2026 - 12 - 31));
    assert_eq!(
        enterprises::add_certificate(db, &registrar, &actor(), schoon + 100, &c, &pdf("x.pdf")).await.expect("ok"),
        None
    );

    let page = enterprises::enterprise(db, werkplaats).await.expect("read").expect("there");
    assert_eq!(page.certificates.len(), 1);
    assert_eq!(page.certificates[0].level, Some(PsoLevel::Trede2));
    assert_eq!(page.certificates[0].file_name.as_deref(), Some("certificaat.pdf"));
    // The file is read back for the registrar, and only with its own enterprise's id.
    let file = enterprises::certificate_file(db, &registrar, werkplaats, valid).await.expect("read").expect("file");
    assert_eq!(file.content, b"%PDF-1.4 certificaat");
    assert_eq!(file.content_type, "application/pdf");
    assert_eq!(enterprises::certificate_file(db, &registrar, groen, valid).await.expect("read"), None);

    let names = |list: Vec<enterprises::Enterprise>| list.into_iter().map(|e| e.input.name).collect::<Vec<_>>();
    let find = |text: &str, valid_on: Option<Date>| Filter { text: Some(text.to_owned()), valid_on };
    assert_eq!(names(enterprises::enterprises(db, &Filter::default()).await.expect("all")).len(), 3);
    assert_eq!(
        names(enterprises::enterprises(db, &find("GROEN", None)).await.expect("name")),
        ["Groenploeg IJsselland"]
    );
    assert_eq!(names(enterprises::enterprises(db, &find("5555", None)).await.expect("kvk")), ["Samen Schoon"]);
    assert_eq!(
        names(enterprises::enterprises(db, &find("zutphen", None)).await.expect("region")),
        ["Groenploeg IJsselland"]
    );
    assert!(enterprises::enterprises(db, &find("%", None)).await.expect("literal").is_empty(), "a wildcard is text");
    // Valid today: the last valid day counts; a certificate that ended yesterday does not.
    let valid_today = enterprises::enterprises(db, &find("", Some(TODAY))).await.expect("valid");
    assert_eq!(names(valid_today.clone()), ["De Werkplaats", "Groenploeg IJsselland"]);
    assert_eq!(valid_today[0].certificates.len(), 1, "the list carries the certificates");
    assert_eq!(
        names(enterprises::enterprises(db, &find("", Some(date!(2026 - 11 - 26)))).await.expect("tomorrow")),
        ["De Werkplaats"]
    );
    assert_eq!(count(db, "SELECT COUNT(*) FROM audit_log WHERE entity = 'in_certificate'").await, 3);
    // A capital accented letter typed as stored finds the name on both engines (SQLite folded the typed "É" and not
    // the stored one, so it found nothing): the text and the column are folded alike, ASCII letters only.
    register(db, &registrar, "Élan Werkt", "99887766", "Ede").await;
    assert_eq!(names(enterprises::enterprises(db, &find("Élan WERKT", None)).await.expect("accented")), ["Élan Werkt"]);
}

async fn a_purchase_is_checked_at_its_date_and_linked_for_the_buyer(db: &Db) {
    let woonstad = org(db, "woonstad", OrgKind::Corporation).await;
    let supplier = org(db, "vandijk", OrgKind::Supplier).await;
    let registrar = Registrar::corporation(&admin_scope(woonstad));
    let werkplaats = register(db, &registrar, "De Werkplaats", "12345678", "Deventer").await;
    let bare = register(db, &registrar, "Nog Zonder", "11223344", "Deventer").await;
    // Code SO until 30 June 2026; SE NL and PSO trede 2 over the whole of 2026.
    for c in [
        certificate(CertificateKind::CodeSocialeOndernemingen, None, date!(2024 - 07 - 01), date!(2026 - 06 - 30)),
        certificate(CertificateKind::SocialEnterpriseNl, None, date!(2026 - 01 - 01), date!(2026 - 12 - 31)),
        certificate(CertificateKind::Pso, Some(PsoLevel::Trede2), date!(2026 - 01 - 01), date!(2026 - 12 - 31)),
    ] {
        certify(db, &registrar, werkplaats, c).await;
    }
    let oost = examples::oost_nederland(); // Code SO 100%, SE NL 50%, no PSO.
    let check = |on: Date, id: i64| {
        let table = oost.clone();
        async move { enterprises::purchase_certificate(db, id, on, |c| table.purchase_share(c)).await.expect("ok") }
    };
    let certified = |certificate| PurchaseCheck::Certified { name: "De Werkplaats".to_owned(), certificate };
    // In June the buyer's table values Code SO highest; from July only SE NL (50%) beats PSO (not in its table).
    assert_eq!(check(date!(2026 - 06 - 30), werkplaats).await, certified(Certificate::CodeSocialeOndernemingen));
    assert_eq!(check(date!(2026 - 07 - 01), werkplaats).await, certified(Certificate::SocialEnterpriseNl));
    // Before every certificate, and after the last: refused with the date that decides.
    assert_eq!(
        check(date!(2024 - 06 - 30), werkplaats).await,
        PurchaseCheck::NotYetValid { name: "De Werkplaats".to_owned(), from: date!(2024 - 07 - 01) }
    );
    assert_eq!(
        check(date!(2027 - 01 - 01), werkplaats).await,
        PurchaseCheck::Expired { name: "De Werkplaats".to_owned(), until: date!(2026 - 12 - 31) }
    );
    assert_eq!(check(TODAY, bare).await, PurchaseCheck::NoCertificate { name: "Nog Zonder".to_owned() });
    assert_eq!(check(TODAY, werkplaats + 100).await, PurchaseCheck::Unknown);

    // The supplier reports a purchase on its contract and links it; the buyer reads whom it was bought from.
    let buyer = admin_scope(woonstad);
    let mut tx = db.begin().await.expect("begin");
    let table_id = socialreturn::add_table(&mut tx, &buyer, &actor(), &oost).await.expect("table");
    let new = NewContract {
        supplier_id: supplier,
        coordinator_id: None,
        title: "Renovatie".to_owned(),
        value: Money::from_cents(100_000_000),
        starts_on: date!(2026 - 01 - 01),
        ends_on: date!(2026 - 12 - 31),
        awarded_on: date!(2025 - 12 - 01),
        obligation: Obligation::Percentage(500),
        cadence: "quarterly".to_owned(),
        table_id,
    };
    let contract_id = socialreturn::create_contract(&mut tx, &buyer, &actor(), &new).await.expect("contract");
    tx.commit().await.expect("commit");
    let supplier_scope = admin_scope(supplier);
    let as_supplier = socialreturn::contract(db, &supplier_scope, contract_id).await.expect("read").expect("party");
    let purchase = Contribution::Purchase {
        seller: "De Werkplaats".to_owned(),
        certificate: Certificate::SocialEnterpriseNl,
        invoice: Money::from_cents(1_000_000),
        date: date!(2026 - 07 - 01),
    };
    let valuation = value(&oost, &purchase, Period { start: new.starts_on, end: new.ends_on }).expect("valued");
    let mut tx = db.begin().await.expect("begin");
    let cid = socialreturn::report(&mut tx, &supplier_scope, &as_supplier, &actor(), &purchase, &valuation, None)
        .await
        .expect("reported");
    enterprises::link_purchase(&mut tx, &supplier_scope, &as_supplier, cid, werkplaats).await.expect("linked");
    // An unknown enterprise id is refused, whatever the form sent.
    let forged = enterprises::link_purchase(&mut tx, &supplier_scope, &as_supplier, cid, werkplaats + 100).await;
    assert!(matches!(forged, Err(StoreError::NotFound)), "{forged:?}");
    tx.commit().await.expect("commit");
    let as_buyer = socialreturn::contract(db, &buyer, contract_id).await.expect("read").expect("party");
    // The buyer cannot link (only the supplier reports).
    let mut tx = db.begin().await.expect("begin");
    let by_buyer = enterprises::link_purchase(&mut tx, &buyer, &as_buyer, cid, werkplaats).await;
    assert!(matches!(by_buyer, Err(StoreError::NotFound)), "{by_buyer:?}");
    drop(tx);
    let bought = enterprises::bought_from(db, &as_buyer).await.expect("read");
    assert_eq!(bought.len(), 1);
    assert_eq!((bought[0].enterprise.input.kvk.as_str(), bought[0].purchases), ("12345678", 1));
    assert_eq!(bought[0].enterprise.certificates.len(), 3);
    assert_eq!(count(db, &format!("SELECT enterprise_id FROM sr_contributions WHERE id = {cid}")).await, werkplaats);
}
