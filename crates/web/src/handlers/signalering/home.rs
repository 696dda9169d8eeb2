//! The module's first page, for every member: what the law asks, and counts only. A corporation sees its ledgers
//! and the form to bring in the next; a municipality its open signals per bucket; a partner its referrals.

use super::{module_scope, subnav};
use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::SignaleringTexts;
use crate::state::AppState;
use crate::views::{ok, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use volkshuis_domain::access::View;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::signalering::{buckets, ledger, signals};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/signalering", get(home))
}

#[derive(Template)]
#[template(path = "signalering/home.html")]
struct HomePage {
    page: Page,
    sg: &'static SignaleringTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    kind: OrgKind,
    /// Whether the user may see persons and act (staff, administrator).
    may_edit: bool,
    /// A corporation's last ledgers: date, file, households, signalled, resolved, by, sent (the counts as
    /// [`super::figures::Shown::one`] shows them: a ledger a month makes them the month's counts).
    ledgers: Vec<(String, String, String, String, String, String, bool)>,
    /// The file of a ledger brought in and not sent yet (its confirmation is on the Grootboek page).
    pending_file: Option<String>,
    /// Signals waiting for delivery by file (a corporation).
    by_file_waiting: i64,
    /// A municipality's open signals per bucket: (name, href, count), and the closed ones kept.
    buckets: Vec<(String, String, i64)>,
    open_total: i64,
    closed: i64,
    /// A notice after a step.
    notice: Option<&'static str>,
}

async fn home(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, organisation) = module_scope(&state, &auth, org, View).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let may_edit = auth.edits_as_member(org);
    let mut page = HomePage {
        page: Page::for_user(&auth),
        sg,
        nav: subnav(sg, &auth, org, organisation.kind),
        org_id: org,
        kind: organisation.kind,
        may_edit,
        ledgers: Vec::new(),
        pending_file: None,
        by_file_waiting: 0,
        buckets: Vec::new(),
        open_total: 0,
        closed: 0,
        notice: match query.notice.as_deref() {
            Some("ledger") => Some(sg.notice_ledger),
            Some("saved") => Some(sg.notice_saved),
            _ => None,
        },
    };
    match organisation.kind {
        OrgKind::Corporation => {
            let ledgers = ledger::ledgers(&state.db, &scope, 6).await?;
            page.pending_file = ledgers.iter().find(|l| !l.sent).map(|l| l.file_name.clone());
            let shown = super::figures::Shown::for_viewer(!auth.edits_as_member(org));
            page.ledgers = ledgers
                .into_iter()
                .map(|l| {
                    let date = show_date(l.decided_on);
                    let (signalled, resolved) = (shown.one(l.signalled), shown.one(l.resolved));
                    (date, l.file_name, shown.one(l.households), signalled, resolved, l.imported_by, l.sent)
                })
                .collect();
            page.by_file_waiting =
                signals::pending_by_file(&state.db, &scope).await?.iter().map(|(_, _, waiting, _)| waiting).sum();
        }
        OrgKind::Municipality => {
            let counts = signals::inbox_counts(&state.db, &scope).await?;
            let list = buckets::buckets(&state.db, &scope).await?;
            let base = format!("/orgs/{org}/signalering/inbox");
            let count_of = |id: Option<i64>| counts.open.iter().find(|(b, _)| *b == id).map_or(0, |(_, n)| *n);
            page.buckets =
                list.iter().map(|b| (b.name.clone(), format!("{base}?bak={}", b.id), count_of(Some(b.id)))).collect();
            page.buckets.push((sg.bucket_unsorted.to_owned(), format!("{base}?bak=geen"), count_of(None)));
            page.open_total = counts.open_total();
            page.closed = counts.closed;
        }
        _ => {}
    }
    ok(&page)
}
