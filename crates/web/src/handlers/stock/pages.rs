//! The unit list with filters and pages, the complexes, one complex, one unit.

use super::corporation_scope;
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::handlers::pickers::stock_picker;
use crate::i18n::{Lang, PickersTexts};
use crate::picker::{name_and_code, Picker};
use crate::state::AppState;
use crate::vera_names::VeraNames;
use crate::views::{ok, render_sized, Page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::{Action, View};
use volkshuis_domain::bezit::rent::RentBand;
use volkshuis_domain::money::Money;
use volkshuis_domain::participatie::coverage::{unit_coverage, Coverage};
use volkshuis_domain::query::{filter_text, PageNumber};
use volkshuis_store::stock::StockRef;
use volkshuis_store::stock::{self, ClusterRow, UnitFilter, UnitListRow, UnitRow};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/stock", get(units))
        .route("/orgs/{org}/stock/clusters", get(clusters))
        .route("/orgs/{org}/stock/clusters/{id}", get(cluster))
        .route("/orgs/{org}/stock/units/{id}", get(unit))
}

const PAGE_SIZE: i64 = 50;

/// Where a page of a paged list stands: which of the `total` rows it shows ("51–100"; 0–0 when none) and the links
/// to the pages beside it (none past the last row). The unit list, the complexes and a complex's units share it.
pub(crate) struct Pager {
    from: i64,
    to: i64,
    previous: Option<String>,
    next: Option<String>,
}

impl Pager {
    fn new(page_no: PageNumber, size: i64, shown: usize, total: i64, link: impl Fn(PageNumber) -> String) -> Self {
        let (offset, shown) = (page_no.offset(size), shown as i64);
        Self {
            from: if shown > 0 { offset + 1 } else { 0 },
            to: if shown > 0 { offset + shown } else { 0 },
            previous: page_no.previous().map(&link),
            next: page_no.next().filter(|p| p.offset(size) < total).map(&link),
        }
    }
}
/// The filter as typed (kept in the form and in the page links).
#[derive(Debug, Default, Deserialize)]
struct ListQuery {
    #[serde(default)]
    gemeente: String,
    #[serde(default)]
    buurt: String,
    #[serde(default)]
    complex: String,
    #[serde(default)]
    clustersoort: String,
    #[serde(default)]
    soort: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    label: String,
    #[serde(default)]
    huur: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: PageNumber,
}

/// A filter as typed, through the one cleaning of filter texts (no control characters, bounded length).
fn some(text: &str) -> Option<String> {
    filter_text(text)
}

impl ListQuery {
    /// The filter, rent bands anchored on the liberalisation limit used for `year` (the current one).
    fn filter(&self, year: i32) -> UnitFilter {
        let (rent_min, rent_below) = RentBand::parse(&self.huur).map(|b| b.range(year)).unwrap_or((None, None));
        UnitFilter {
            gemeente: some(&self.gemeente).map(|g| g.to_uppercase()),
            buurt: some(&self.buurt).map(|b| b.to_uppercase()),
            cluster_id: None,
            cluster_code: some(&self.complex),
            cluster_soort: some(&self.clustersoort).map(|s| s.to_uppercase()),
            soort: some(&self.soort).map(|s| s.to_uppercase()),
            status: some(&self.status).map(|s| s.to_uppercase()),
            label: some(&self.label),
            rent_min,
            rent_below,
            text: some(&self.q),
            include_out_of_use: false,
        }
    }

    fn link(&self, org: i64, page: PageNumber) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (key, value) in [
            ("gemeente", &self.gemeente),
            ("buurt", &self.buurt),
            ("complex", &self.complex),
            ("clustersoort", &self.clustersoort),
            ("soort", &self.soort),
            ("status", &self.status),
            ("label", &self.label),
            ("huur", &self.huur),
            ("q", &self.q),
        ] {
            if !value.is_empty() {
                query.append_pair(key, value);
            }
        }
        query.append_pair("page", &page.to_string());
        format!("/orgs/{org}/stock?{}", query.finish())
    }
}

/// A unit as a list row shows it, borrowing the texts of its (kept) row.
pub(crate) struct UnitLine<'a> {
    id: i64,
    id_extern: &'a str,
    address: &'a str,
    postcode: &'a str,
    woonplaats: &'a str,
    soort: String,
    /// The VERA name of its label (DAEB, NIET-DAEB), or the code until the list is imported.
    label: &'a str,
    rent: Amount,
    /// Its complex: id and "De Linde (CPX000012)".
    cluster: Option<(i64, String)>,
}

/// An amount as a list shows it (nothing when unknown). Its text is only digits, separators, a minus and the euro
/// sign, so it is written into the page as it is (askama's `HtmlSafe`) instead of through the escaper, once per row.
struct Amount(Option<Money>);

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(money) => money.fmt(f),
            None => Ok(()),
        }
    }
}

impl askama::filters::HtmlSafe for Amount {}

fn money(cents: Option<i64>) -> String {
    cents.map(|c| Money::from_cents(c).to_string()).unwrap_or_default()
}

impl<'a> UnitLine<'a> {
    fn new(u: &'a UnitListRow, names: &'a VeraNames, lang: Lang) -> Self {
        let label = u.label.as_deref().unwrap_or_default();
        Self {
            id: u.id,
            id_extern: &u.id_extern,
            address: &u.address,
            postcode: &u.postcode,
            woonplaats: &u.woonplaats,
            soort: names.kind(&u.soort, &u.detail_soort),
            label: names.label.get(label).map(String::as_str).unwrap_or(label),
            rent: Amount(u.nettohuur_cents.map(Money::from_cents)),
            cluster: u.cluster.as_ref().map(|(id, code, naam)| (*id, name_and_code(lang, naam.as_deref(), code))),
        }
    }
}

#[derive(Template)]
#[template(path = "stock/units.html")]
struct UnitsPage<'a> {
    page: Page,
    org_id: i64,
    org_name: String,
    filter: ListQuery,
    bands: Vec<(String, String)>,
    labels: Vec<(String, String)>,
    units: Vec<UnitLine<'a>>,
    total: String,
    pager: Pager,
    can_import: bool,
    errors_none: FieldErrors,
    /// The complex and buurt filters, chosen by name.
    complex: Picker,
    buurt: Picker,
    /// The VERA lists as filter options (empty until the list is imported: the filter is then typed).
    soorten: Vec<(String, String)>,
    statussen: Vec<(String, String)>,
    cluster_soorten: Vec<(String, String)>,
}

async fn units(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let (scope, organisation) = corporation_scope(&state, &auth, org, View).await?;
    let t = auth.ctx.t();
    let page_no = q.page;
    let offset = page_no.offset(PAGE_SIZE);
    let year = volkshuis_domain::calendar::dutch_date(state.clock.now()).year();
    let result = stock::list_page(&state.db, &scope, &q.filter(year), offset, PAGE_SIZE).await?;
    let names = state.vera_names.get(&state.db, auth.ctx.lang).await?;
    let bands = RentBand::ALL.into_iter().map(|b| (b.code().to_owned(), t.rent_band(b, year))).collect();
    let labels = vec![("DAE".to_owned(), "DAEB".to_owned()), ("NDA".to_owned(), t.stock_non_daeb.to_owned())];
    let lang = auth.ctx.lang;
    let own = [(org, organisation.name.clone())];
    let complex = Picker::new(lang, "complex", t.stock_cluster);
    let complex = stock_picker(&state, &scope, complex, StockRef::Complex, &own, Some(org), &q.complex).await?;
    let buurt = Picker::new(lang, "buurt", t.stock_buurt);
    let buurt = stock_picker(&state, &scope, buurt, StockRef::Buurt, &own, Some(org), &q.buurt).await?;
    let page = UnitsPage {
        page: Page::for_user(&auth),
        org_id: org,
        org_name: organisation.name,
        bands,
        labels,
        total: if result.total > stock::COUNT_CAP && !result.exact {
            t.stock_more_than(Money::thousands(stock::COUNT_CAP))
        } else {
            Money::thousands(result.total)
        },
        pager: Pager::new(page_no, PAGE_SIZE, result.units.len(), result.total, |p| q.link(org, p)),
        units: result.units.iter().map(|u| UnitLine::new(u, &names, lang)).collect(),
        can_import: scope.role().allows(Action::Edit),
        errors_none: FieldErrors::default(),
        complex,
        buurt,
        soorten: VeraNames::options(names.soort()),
        statussen: VeraNames::options(&names.status),
        cluster_soorten: VeraNames::options(&names.cluster_soort),
        filter: q,
    };
    ok(&page)
}

/// A complex as the list shows it.
pub(crate) struct ClusterLine {
    id: i64,
    /// "De Linde (CPX000012)", or the code of a complex without a name.
    shown: String,
    units: i64,
    daeb_units: i64,
    average_rent: String,
    woonplaatsen: String,
}

impl ClusterLine {
    fn new(c: ClusterRow, lang: Lang) -> Self {
        Self {
            id: c.id,
            shown: name_and_code(lang, c.naam.as_deref(), &c.code),
            units: c.units,
            daeb_units: c.daeb_units,
            average_rent: money(c.average_rent_cents),
            woonplaatsen: c.woonplaatsen,
        }
    }
}

#[derive(Template)]
#[template(path = "stock/clusters.html")]
struct ClustersPage {
    page: Page,
    pk: &'static PickersTexts,
    org_id: i64,
    org_name: String,
    clusters: Vec<ClusterLine>,
    total: i64,
    pager: Pager,
    /// Whether the stock menu offers the import (staff and administrators only).
    can_import: bool,
}

/// Complexes per page of the complexes list.
const CLUSTERS_PER_PAGE: i64 = 100;

#[derive(Deserialize)]
struct PageQuery {
    #[serde(default)]
    page: PageNumber,
}

async fn clusters(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let (scope, organisation) = corporation_scope(&state, &auth, org, View).await?;
    let page_no = q.page;
    let total = stock::cluster_count(&state.db, &scope).await?;
    let clusters = stock::clusters_page(&state.db, &scope, page_no.offset(CLUSTERS_PER_PAGE), CLUSTERS_PER_PAGE)
        .await?
        .into_iter()
        .map(|c| ClusterLine::new(c, auth.ctx.lang))
        .collect::<Vec<_>>();
    let link = |n: PageNumber| format!("/orgs/{org}/stock/clusters?page={n}");
    ok(&ClustersPage {
        page: Page::for_user(&auth),
        pk: PickersTexts::of(auth.ctx.lang),
        org_id: org,
        org_name: organisation.name,
        total,
        pager: Pager::new(page_no, CLUSTERS_PER_PAGE, clusters.len(), total, link),
        clusters,
        can_import: scope.role().allows(Action::Edit),
    })
}

#[derive(Template)]
#[template(path = "stock/cluster.html")]
struct ClusterPage<'a> {
    page: Page,
    org_id: i64,
    /// Everything about the complex on one page (issue 23).
    place: (String, &'static str),
    cluster: ClusterLine,
    units: Vec<UnitLine<'a>>,
    /// Which of the complex's units in use this page shows ("51–100"), of `total`.
    pager: Pager,
    total: i64,
}

/// A complex page's size without its units, and per unit row (measured: ~40 KB for 300 units).
const PAGE_BYTES_BEFORE_UNITS: usize = 8 * 1024;
const BYTES_PER_UNIT_ROW: usize = 160;

async fn cluster(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let (scope, _) = corporation_scope(&state, &auth, org, View).await?;
    let (page_no, size) = (q.page, stock::UNITS_PER_COMPLEX_PAGE);
    let kept =
        stock::complex_page(&state.db, &scope, id, page_no.offset(size), size).await?.ok_or(AppError::NotFound)?;
    let (cluster, result) = &*kept;
    let names = state.vera_names.get(&state.db, auth.ctx.lang).await?;
    let link = |n: PageNumber| format!("/orgs/{org}/stock/clusters/{id}?page={n}");
    let page = ClusterPage {
        page: Page::for_user(&auth),
        org_id: org,
        place: (crate::handlers::place::complex_href(org, id), crate::i18n::PlekTexts::of(auth.ctx.lang).place_link),
        cluster: ClusterLine::new(cluster.clone(), auth.ctx.lang),
        pager: Pager::new(page_no, size, result.units.len(), result.total, link),
        total: result.total,
        units: result.units.iter().map(|u| UnitLine::new(u, &names, auth.ctx.lang)).collect(),
    };
    render_sized(StatusCode::OK, &page, PAGE_BYTES_BEFORE_UNITS + BYTES_PER_UNIT_ROW * page.units.len())
}

#[derive(Template)]
#[template(path = "stock/unit.html")]
struct UnitPage {
    page: Page,
    org_id: i64,
    unit: UnitRow,
    netto: String,
    bruto: String,
    kind: String,
    status: String,
    /// Its complex (id and "De Linde (CPX000012)"), areas ("Amsterdam (GM0363)") and label by name.
    cluster: Option<(i64, String)>,
    gemeente: String,
    wijk: String,
    buurt: String,
    label: String,
    /// The groups that speak for this unit: name, kind, and whether it is a recognised formal body.
    groups: Vec<(String, &'static str, bool)>,
    coverage: &'static str,
    coverage_code: &'static str,
    /// Nazorg: the unit's sales (sold on, bought back on, the sale's page for those who may see buyers).
    nz: &'static crate::i18n::NazorgTexts,
    sales: Vec<(String, Option<String>, Option<String>)>,
    /// Where staff record a sale of this unit, when it is not sold.
    sell_href: Option<String>,
    /// Sold and not bought back: out of use because it is sold, not because a file left it out.
    sold: bool,
}

async fn unit(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = corporation_scope(&state, &auth, org, View).await?;
    let unit = stock::unit(&state.db, &scope, id).await?.ok_or(AppError::NotFound)?;
    let (netto, bruto) = (money(unit.nettohuur_cents), money(unit.brutohuur_cents));
    let names = state.vera_names.get(&state.db, auth.ctx.lang).await?;
    let (kind, status) = (names.kind(&unit.soort, &unit.detail_soort), VeraNames::show(&names.status, &unit.status));
    let label = unit.label.as_deref().map(|l| names.label.get(l).cloned().unwrap_or_else(|| l.to_owned()));
    let lang = auth.ctx.lang;
    let cluster = match &unit.cluster {
        Some((id, code)) => {
            let found =
                stock::choice_names(&state.db, &scope, org, StockRef::Complex, std::slice::from_ref(code)).await?;
            Some((*id, name_and_code(lang, found.get(code).map(String::as_str), code)))
        }
        None => None,
    };
    let area = |kind: &'static str, code: &Option<String>| {
        let state = &state;
        let code = code.clone();
        async move {
            let Some(code) = code else { return Ok::<_, AppError>(String::new()) };
            let names = stock::area_names(&state.db, kind, std::slice::from_ref(&code)).await?;
            Ok(name_and_code(lang, names.get(&code).map(String::as_str), &code))
        }
    };
    let (gemeente, wijk, buurt) = (
        area("gemeente", &unit.gemeente_code).await?,
        area("wijk", &unit.wijk_code).await?,
        area("buurt", &unit.buurt_code).await?,
    );
    let page = Page::for_user(&auth);
    // Who speaks for this unit (Participatiekaart): the same matching as the public lookup.
    let address = volkshuis_store::participatie::Address {
        unit_id: unit.id,
        corporation_id: org,
        cluster_code: unit.cluster.as_ref().map(|(_, code)| code.clone()),
        buurt_code: unit.buurt_code.clone(),
        label: String::new(),
    };
    let speaking = volkshuis_store::participatie::groups_for_address(&state.db, &address).await?;
    let coverage = unit_coverage(speaking.iter().map(|g| Coverage::from_level(g.level)));
    // Nazorg: that the home was sold, and when, is no buyer's data; the sale's page (with the buyer) is for those
    // who may edit.
    let may_edit = auth.memberships.iter().any(|(o, role)| o.id == org && role.allows(Action::Edit));
    let sales = volkshuis_store::nazorg::sales::sales_of_unit(&state.db, &scope, unit.id).await?;
    let sold = sales.iter().any(|s| s.bought_back_on.is_none());
    let sell_href = (may_edit && !sold).then(|| {
        format!(
            "/orgs/{org}/nazorg/verkopen/nieuw?{}",
            form_urlencoded::Serializer::new(String::new()).append_pair("eenheid", &unit.id_extern).finish()
        )
    });
    let sales = sales
        .iter()
        .map(|s| {
            let href = may_edit.then(|| format!("/orgs/{org}/nazorg/verkopen/{}", s.sale_id));
            (crate::views::show_date(s.sold_on), s.bought_back_on.map(crate::views::show_date), href)
        })
        .collect();
    let groups =
        speaking.iter().map(|g| (g.name.clone(), page.pt.kind(g.kind), g.level == Coverage::Formal.level())).collect();
    ok(&UnitPage {
        org_id: org,
        unit,
        netto,
        bruto,
        kind,
        status,
        cluster,
        gemeente,
        wijk,
        buurt,
        label: label.unwrap_or_default(),
        groups,
        coverage: page.pt.coverage_name(coverage),
        coverage_code: coverage.code(),
        nz: crate::i18n::NazorgTexts::of(lang),
        sales,
        sell_href,
        sold,
        page,
    })
}
