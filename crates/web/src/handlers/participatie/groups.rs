//! The groups an organisation sees, as a tree with their state, and registering a new one.

use super::{corporations, party_scope};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{checkbox, FieldErrors};
use crate::handlers::pickers::stock_picker;
use crate::i18n::{ParticipatieTexts, PickersTexts, Texts};
use crate::picker::{self, PickedForm, Picker};
use crate::state::AppState;
use crate::views::{ok, render, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::{Action, Edit, ReadScope, View};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::participatie::group::{
    is_fading, misses_yearly_meeting, recognised, recognition, Channel, GroupKind, Recognition,
};
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::orgs::Organisation;
use volkshuis_store::participatie::{self as part, Group, NewGroup};
use volkshuis_store::stock::{self, StockRef};
use volkshuis_store::StoreError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/participatie", get(list))
        .route("/orgs/{org}/participatie/groepen/nieuw", get(new_form).post(create))
}

/// A group in the list.
pub(super) struct GroupRow {
    pub id: i64,
    pub depth: usize,
    pub name: String,
    pub kind: &'static str,
    pub area: String,
    pub kept_by: String,
    pub recognised: Option<bool>,
    /// A formal body whose criteria are met, not recognised by the corporation yet.
    pub awaiting: bool,
    pub fading: bool,
    pub missed_meeting: Option<String>,
}

/// The names of the complexes and buurten groups speak for, by corporation and code. A corporation whose stock the
/// organisation does not work in gives no names (its groups show their codes).
pub(super) async fn area_names(state: &AppState, scope: &ReadScope, groups: &[&Group]) -> Result<AreaNames, AppError> {
    let mut wanted: HashMap<(i64, &str), Vec<String>> = HashMap::new();
    for g in groups {
        wanted.entry((g.corporation_id, g.area_kind.as_str())).or_default().extend(g.area_codes.iter().cloned());
    }
    let mut names = AreaNames::new();
    for ((corporation, area_kind), codes) in wanted {
        let kind = match area_kind {
            "complexes" => StockRef::Complex,
            "buurten" => StockRef::Buurt,
            _ => continue,
        };
        match stock::choice_names(&state.db, scope, corporation, kind, &codes).await {
            Ok(found) => names.extend(found.into_iter().map(|(code, name)| ((corporation, code), name))),
            Err(StoreError::NotFound) => {}
            Err(other) => return Err(other.into()),
        }
    }
    Ok(names)
}

/// Names of complexes and buurten by corporation and code.
pub(super) type AreaNames = HashMap<(i64, String), String>;

/// The state badges of a group; its area as "De Linde (CPX000012), …".
pub(super) fn row(page: &Page, g: &Group, depth: usize, today: time::Date, names: &AreaNames) -> GroupRow {
    let pt = page.pt;
    let lang = crate::i18n::Lang::from_code(page.lang).unwrap_or_default();
    let named: Vec<String> = g
        .area_codes
        .iter()
        .map(|code| picker::name_and_code(lang, names.get(&(g.corporation_id, code.clone())).map(String::as_str), code))
        .collect();
    GroupRow {
        id: g.id,
        depth,
        name: g.name.clone(),
        kind: pt.kind(g.kind),
        area: if named.is_empty() {
            pt.area_kind(&g.area_kind).to_owned()
        } else {
            format!("{}: {}", pt.area_kind(&g.area_kind), named.join(", "))
        },
        kept_by: g.org_name.clone(),
        recognised: g.kind.is_formal().then(|| recognised(g.kind, &g.criteria, g.recognised_on.is_some())),
        awaiting: recognition(g.kind, &g.criteria, g.recognised_on.is_some()) == Recognition::AwaitingLandlord,
        fading: is_fading(g.started_on, g.registered_on, g.last_activity, today),
        missed_meeting: misses_yearly_meeting(g.kind, g.started_on, g.registered_on, &g.members_meetings, today)
            .then(|| pt.missed_meeting(today.year() - 1)),
    }
}

/// Orders groups as a tree: each group followed by the groups under it (a group whose parent is not visible is a
/// root).
pub(super) fn tree(groups: &[Group]) -> Vec<(&Group, usize)> {
    let ids: Vec<i64> = groups.iter().map(|g| g.id).collect();
    let mut children: HashMap<Option<i64>, Vec<&Group>> = HashMap::new();
    for g in groups {
        let parent = g.parent_id.filter(|p| ids.contains(p));
        children.entry(parent).or_default().push(g);
    }
    let mut out = Vec::new();
    let mut stack: Vec<(&Group, usize)> = children.get(&None).into_iter().flatten().rev().map(|g| (*g, 0)).collect();
    while let Some((g, depth)) = stack.pop() {
        out.push((g, depth));
        if let Some(kids) = children.get(&Some(g.id)) {
            stack.extend(kids.iter().rev().map(|k| (*k, depth + 1)));
        }
    }
    out
}

#[derive(Template)]
#[template(path = "participatie/list.html")]
pub(super) struct ListPage {
    page: Page,
    org_id: i64,
    org_name: String,
    rows: Vec<GroupRow>,
    can_edit: bool,
    /// The letter lists hold tenants' names and addresses: the corporation's own editing members only.
    may_read_letters: bool,
    /// Whether the viewer may upload the tenants' contact list (the upload checks `Manage`).
    can_upload_contacts: bool,
    has_stock: bool,
    is_corporation: bool,
    messages: Vec<part::Message>,
    contacts: String,
    /// How tenants reach the corporation when no group speaks for their address (its administrators keep it), as
    /// stored or as typed, and whether the user may change it.
    public_contact: String,
    can_manage: bool,
    pk: &'static PickersTexts,
    errors: FieldErrors,
}

async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    ok(&list_page(&state, &auth, org, q.notice.as_deref(), None, FieldErrors::default()).await?)
}

/// The groups page; `contact_typed` is the public contact as typed when its form came back with `errors`.
pub(super) async fn list_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    notice: Option<&str>,
    contact_typed: Option<String>,
    errors: FieldErrors,
) -> Result<ListPage, AppError> {
    let (scope, organisation) = party_scope(state, auth, org, View).await?;
    let page = Page::for_user(auth).with_notice(notice);
    let today = dutch_date(state.clock.now());
    let groups = part::visible_to(&state.db, &scope).await?;
    let all: Vec<&Group> = groups.iter().collect();
    let names = area_names(state, &scope, &all).await?;
    let rows = tree(&groups).into_iter().map(|(g, depth)| row(&page, g, depth, today, &names)).collect();
    let has_stock = !corporations(state, &scope, &organisation).await?.is_empty();
    let is_corporation = organisation.kind == volkshuis_domain::org::OrgKind::Corporation;
    let (messages, contacts) = if is_corporation {
        let (n, e) = part::contact_counts(&state.db, &scope).await?;
        let contacts = page.pt.contacts_counts(e, n);
        (part::messages_for_corporation(&state.db, &scope).await?, contacts)
    } else {
        (Vec::new(), String::new())
    };
    let public_contact = match contact_typed {
        Some(typed) => typed,
        None if is_corporation => volkshuis_store::public_contact::get(&state.db, org).await?.unwrap_or_default(),
        None => String::new(),
    };
    Ok(ListPage {
        public_contact,
        can_manage: scope.role().allows(Action::Manage),
        pk: PickersTexts::of(auth.ctx.lang),
        errors,
        is_corporation,
        messages,
        contacts,
        org_id: org,
        org_name: organisation.name,
        rows,
        can_edit: scope.role().allows(Action::Edit),
        may_read_letters: auth.edits_as_member(org),
        can_upload_contacts: is_corporation && scope.role().allows(Action::Manage),
        has_stock,
        page,
    })
}

/// The form as typed.
#[derive(Default, serde::Deserialize)]
pub(super) struct GroupForm {
    #[serde(default)]
    pub(super) corporation_id: String,
    #[serde(default)]
    pub(super) parent_id: String,
    #[serde(default)]
    pub(super) name: String,
    #[serde(default)]
    pub(super) kind: String,
    #[serde(default)]
    pub(super) area_kind: String,
    /// The complexes it speaks for (a picker's field), when its area is complexes.
    #[serde(default)]
    pub(super) area_complexes: String,
    /// The buurten it speaks for, when its area is buurten.
    #[serde(default)]
    pub(super) area_buurten: String,
    #[serde(default)]
    pub(super) contact_role: String,
    #[serde(default)]
    pub(super) approx_size: String,
    #[serde(default)]
    pub(super) description: String,
    #[serde(default)]
    pub(super) join_info: String,
    #[serde(default)]
    pub(super) started_on: String,
    #[serde(flatten)]
    pub(super) rest: HashMap<String, String>,
}

impl GroupForm {
    /// The fingerprint of what the form holds (its fields and channels; not its token or other extra fields), to
    /// know on a save whether the group changed since the form was opened ([`crate::forms::fingerprint`]).
    pub(super) fn fingerprint(&self) -> String {
        let named = [
            ("corporation_id", &self.corporation_id),
            ("parent_id", &self.parent_id),
            ("name", &self.name),
            ("kind", &self.kind),
            ("area_kind", &self.area_kind),
            ("area_complexes", &self.area_complexes),
            ("area_buurten", &self.area_buurten),
            ("contact_role", &self.contact_role),
            ("approx_size", &self.approx_size),
            ("description", &self.description),
            ("join_info", &self.join_info),
            ("started_on", &self.started_on),
        ];
        let channels = self.rest.iter().filter(|(k, _)| k.starts_with("channel_"));
        crate::forms::fingerprint(
            named.into_iter().map(|(k, v)| (k, v.as_str())).chain(channels.map(|(k, v)| (k.as_str(), v.as_str()))),
        )
    }

    /// The field of the area's codes for the kind of area chosen (`None` for "all"): a picker per kind, and the
    /// server reads only the one of the kind chosen.
    pub(super) fn area_field(&self) -> Option<&'static str> {
        match self.area_kind.trim() {
            "complexes" => Some("area_complexes"),
            "buurten" => Some("area_buurten"),
            _ => None,
        }
    }

    /// The codes posted for the kind of area chosen, in capitals as the stock's codes are written (a code typed by
    /// hand in small letters still finds its complex).
    fn area_codes(&self) -> Vec<String> {
        let typed = match self.area_field() {
            Some("area_complexes") => &self.area_complexes,
            Some(_) => &self.area_buurten,
            None => return Vec::new(),
        };
        picker::values([typed.as_str()]).into_iter().map(|c| c.to_uppercase()).collect()
    }
}

#[derive(Template)]
#[template(path = "participatie/group_form.html")]
pub(super) struct FormPage {
    page: Page,
    org_id: i64,
    action: String,
    heading: &'static str,
    corporations: Vec<(String, String)>,
    parents: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    areas: Vec<(String, String)>,
    channels: Vec<(String, String, bool)>,
    /// The complexes and the buurten it may speak for: one shows, by the kind of area chosen.
    complexes: Picker,
    buurten: Picker,
    form: GroupForm,
    errors: FieldErrors,
}

/// Whether `id` is `top` or lies below it, going up by `parent_of` (as far as the organisation sees; the store checks
/// the whole tree again on saving).
fn is_at_or_below(parent_of: &HashMap<i64, Option<i64>>, id: i64, top: i64) -> bool {
    let mut next = Some(id);
    // A tree has no cycles; the bound only guards against rows edited by hand.
    for _ in 0..64 {
        match next {
            Some(at) if at == top => return true,
            Some(at) => next = parent_of.get(&at).copied().flatten(),
            None => return false,
        }
    }
    false
}

pub(super) async fn form_page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    organisation: &Organisation,
    form: GroupForm,
    errors: FieldErrors,
    editing: Option<i64>,
) -> Result<FormPage, AppError> {
    let page = Page::for_user(auth);
    let pt = page.pt;
    let corps = corporations(state, scope, organisation).await?;
    // A group's parent is one of the groups the organisation sees, shown with its kind (names repeat); never the
    // group being changed nor one below it (the list offered them and the save then refused them as a circle).
    let visible = part::visible_to(&state.db, scope).await?;
    let parent_of: HashMap<i64, Option<i64>> = visible.iter().map(|g| (g.id, g.parent_id)).collect();
    let parents = visible
        .iter()
        .filter(|g| editing.is_none_or(|moving| !is_at_or_below(&parent_of, g.id, moving)))
        .map(|g| (g.id.to_string(), format!("{} ({})", g.name, pt.kind(g.kind))))
        .collect();
    let org_id = organisation.id;
    let lang = auth.ctx.lang;
    let pk = PickersTexts::of(lang);
    let stock: Vec<(i64, String)> = corps.iter().map(|c| (c.id, c.name.clone())).collect();
    let chosen = form.corporation_id.trim().parse::<i64>().ok();
    let area_picker = |field: &str, label: &str, kind: &str| {
        Picker::new(lang, field, label)
            .multiple()
            .error(errors.get(field))
            .depends_on("corporation_id", "corporatie")
            .show_if("area_kind", &[kind])
    };
    let complexes = stock_picker(
        state,
        scope,
        area_picker("area_complexes", pk.complexes, "complexes"),
        StockRef::Complex,
        &stock,
        chosen,
        &form.area_complexes.to_uppercase(),
    )
    .await?;
    let buurten = stock_picker(
        state,
        scope,
        area_picker("area_buurten", pk.buurten, "buurten"),
        StockRef::Buurt,
        &stock,
        chosen,
        &form.area_buurten.to_uppercase(),
    )
    .await?;
    Ok(FormPage {
        complexes,
        buurten,
        action: match editing {
            Some(id) => format!("/orgs/{org_id}/participatie/groepen/{id}/bewerken"),
            None => format!("/orgs/{org_id}/participatie/groepen/nieuw"),
        },
        heading: if editing.is_some() { pt.edit_group } else { pt.new_group },
        org_id,
        corporations: corps.into_iter().map(|c| (c.id.to_string(), c.name)).collect(),
        parents,
        kinds: GroupKind::ALL.iter().map(|k| (k.code().to_owned(), pt.kind(*k).to_owned())).collect(),
        areas: ["complexes", "buurten", "all"].iter().map(|a| ((*a).to_owned(), pt.area_kind(a).to_owned())).collect(),
        channels: Channel::ALL
            .iter()
            .map(|c| {
                let key = format!("channel_{}", c.code());
                let ticked = checkbox(&form.rest.get(&key).cloned());
                (key, pt.channel(*c).to_owned(), ticked)
            })
            .collect(),
        form,
        errors,
        page,
    })
}

async fn new_form(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let corps = corporations(&state, &scope, &organisation).await?;
    let form = GroupForm {
        corporation_id: corps.first().map(|c| c.id.to_string()).unwrap_or_default(),
        area_kind: "complexes".into(),
        ..Default::default()
    };
    ok(&form_page(&state, &auth, &scope, &organisation, form, FieldErrors::default(), None).await?)
}

/// Parses the group form, read on `today`; every wrong field gets its message.
pub(super) fn parse_group(
    form: &GroupForm,
    corps: &[Organisation],
    (t, pt): (&Texts, &ParticipatieTexts),
    today: time::Date,
) -> Result<NewGroup, FieldErrors> {
    let mut errors = FieldErrors::default();
    let corporation = form.corporation_id.trim().parse::<i64>().ok().filter(|id| corps.iter().any(|c| c.id == *id));
    if corporation.is_none() {
        errors.add("corporation_id", pt.err_corporation);
    }
    let name = errors.check(t, "name", Name::parse(&form.name));
    let kind = errors.check(t, "kind", GroupKind::parse(&form.kind));
    let area_kind = ["complexes", "buurten", "all"].into_iter().find(|a| *a == form.area_kind.trim());
    if area_kind.is_none() {
        errors.add("area_kind", t.err_choose);
    }
    let codes = form.area_codes();
    if let (Some(field), true) = (form.area_field(), codes.is_empty()) {
        errors.add(field, pt.err_area);
    }
    let contact_role = errors.check(t, "contact_role", Name::parse(&form.contact_role));
    let approx_size = match form.approx_size.trim() {
        "" => Some(None),
        n => n.parse::<i64>().ok().filter(|n| *n >= 0).map(Some),
    };
    if approx_size.is_none() {
        errors.add("approx_size", t.err_format);
    }
    let description = errors.check(t, "description", LongText::parse_optional(&form.description));
    let join_info = errors.check(t, "join_info", LongText::parse_optional(&form.join_info));
    let started_on = match form.started_on.trim() {
        "" => Some(None),
        text => crate::forms::parse_date(text).ok().map(Some),
    };
    match started_on {
        None => errors.add("started_on", t.err_format),
        Some(Some(day)) if day > today => errors.add("started_on", pt.err_started_future),
        Some(_) => {}
    }
    let parent = match form.parent_id.trim() {
        "" => Some(None),
        id => id.parse::<i64>().ok().map(Some),
    };
    if parent.is_none() {
        errors.add("parent_id", pt.err_parent);
    }
    let channels: Vec<Channel> = Channel::ALL
        .iter()
        .copied()
        .filter(|c| checkbox(&form.rest.get(&format!("channel_{}", c.code())).cloned()))
        .collect();
    let parsed =
        (corporation, name, kind, area_kind, contact_role, approx_size, description, join_info, started_on, parent);
    let (
        Some(corporation),
        Some(name),
        Some(kind),
        Some(area_kind),
        Some(contact_role),
        Some(approx_size),
        Some(description),
        Some(join_info),
        Some(started_on),
        Some(parent),
    ) = parsed
    else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(NewGroup {
        corporation_id: corporation,
        parent_id: parent,
        name: name.as_str().to_owned(),
        kind,
        area_kind: area_kind.to_owned(),
        area_codes: if area_kind == "all" { Vec::new() } else { codes },
        contact_role: contact_role.as_str().to_owned(),
        approx_size,
        channels,
        description: description.map(|d| d.as_str().to_owned()).unwrap_or_default(),
        join_info: join_info.map(|d| d.as_str().to_owned()).unwrap_or_default(),
        started_on,
    })
}

/// The form's error when the group's area names codes the corporation's stock does not have (a typed code is a
/// reference to the stock and must exist in it); `None` when every code is known.
pub(super) async fn unknown_areas(
    state: &AppState,
    scope: &ReadScope,
    new: &NewGroup,
    pt: &ParticipatieTexts,
) -> Result<Option<FieldErrors>, AppError> {
    let kind = match new.area_kind.as_str() {
        "complexes" => StockRef::Complex,
        "buurten" => StockRef::Buurt,
        _ => return Ok(None),
    };
    let unknown = stock::unknown_codes(&state.db, scope, new.corporation_id, kind, &new.area_codes).await?;
    if unknown.is_empty() {
        return Ok(None);
    }
    let mut errors = FieldErrors::default();
    let field = if kind == StockRef::Complex { "area_complexes" } else { "area_buurten" };
    errors.add(field, pt.err_unknown_area(unknown.join(", ")));
    Ok(Some(errors))
}

async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    PickedForm(form): PickedForm<GroupForm>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let t = auth.ctx.t();
    let corps = corporations(&state, &scope, &organisation).await?;
    let new = match parse_group(&form, &corps, (t, auth.ctx.lang.participatie()), dutch_date(state.clock.now())) {
        Ok(new) => new,
        Err(errors) => {
            let page = form_page(&state, &auth, &scope, &organisation, form, errors, None).await?;
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    if let Some(errors) = unknown_areas(&state, &scope, &new, auth.ctx.lang.participatie()).await? {
        let page = form_page(&state, &auth, &scope, &organisation, form, errors, None).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let mut tx = state.db.begin().await?;
    let id = match part::create_group(&mut tx, &scope, &auth.actor(&state), &new).await {
        Ok(id) => id,
        Err(StoreError::NotFound) => {
            drop(tx);
            let mut errors = FieldErrors::default();
            errors.add("parent_id", auth.ctx.lang.participatie().err_parent);
            let page = form_page(&state, &auth, &scope, &organisation, form, errors, None).await?;
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        Err(other) => return Err(other.into()),
    };
    tx.commit().await?;
    part::recompute(&state.db, &scope, new.corporation_id).await?;
    Ok(Redirect::to(&format!("/orgs/{org}/participatie/groepen/{id}?notice=saved")).into_response())
}
