//! A place's blocks as its page shows them: every block in one shape (figures, small tables, a list of links, a
//! map), worded here, so that one template draws them all.

use crate::auth::Auth;
use crate::i18n::{Lang, PlekTexts};
use crate::nav::{entry, module_name, NavOrg};
use crate::picker::name_and_code;
use crate::vera_names::VeraNames;
use crate::views::{show_date, Page};
use askama::Template;
use std::collections::HashMap;
use std::sync::Arc;
use time::Date;
use volkshuis_domain::access::Action;
use volkshuis_domain::afspraken::Phase;
use volkshuis_domain::initiatieven::stage::Stage as InitiativeStage;
use volkshuis_domain::modules::Module;
use volkshuis_domain::nazorg::vve::Health;
use volkshuis_domain::overleg::case::Stage;
use volkshuis_domain::overleg::RequestKind;
use volkshuis_domain::participatie::coverage::Coverage;
use volkshuis_domain::participatie::group::GroupKind;
use volkshuis_domain::place::minimap::{self, MiniMap};
use volkshuis_domain::place::timeline::Happening;
use volkshuis_domain::place::{Block, Count, Purpose, Viewer};
use volkshuis_store::place::blocks::Blocks;
use volkshuis_store::place::{Place, PlaceKind};

/// The mini map's width in user units.
const MAP_WIDTH: u32 = 320;

/// The one-pager for a tenants' meeting is one sheet of A4 (issue 23): on paper each list prints its first lines and
/// says how many the page in Volkshuis has; on screen everything shows. With these, every one-pager of the demo prints
/// on one page (`e2e/tests/place.test.mjs`, in Chromium), and so did a complex with every list over its limit and
/// titles of a hundred characters; titles near their limit of 200 throughout would run onto a second sheet.
mod paper {
    /// A table's rows: groups, blind spots, cases, initiatives.
    pub const ROWS: usize = 3;
    /// Prestatieafspraken cycles, and each cycle's commitments.
    pub const CYCLES: usize = 2;
    pub const COMMITMENTS: usize = 2;
    /// The timeline's events.
    pub const TIMELINE: usize = 3;
}

/// How many lines of a list `purpose` shows: all on screen, `on_paper` on the one-pager.
fn lines(purpose: Purpose, on_paper: usize) -> usize {
    match purpose {
        Purpose::Screen => usize::MAX,
        Purpose::TenantMeeting => on_paper,
    }
}

impl Table {
    /// Keeps the first `limit` rows, with a note of how many there are when that leaves some out.
    fn first(mut self, limit: usize, pl: &PlekTexts) -> Self {
        if self.rows.len() > limit {
            self.note = Some(pl.paper_first(self.rows.len(), limit));
            self.rows.truncate(limit);
        }
        self
    }
}

/// The names a place's page needs besides its blocks: areas and VERA codes.
pub struct Names {
    areas: HashMap<String, String>,
    vera: Arc<VeraNames>,
}

impl Names {
    /// The names of the place's buurten and gemeenten (read with its blocks) and the VERA lists.
    pub fn new(areas: HashMap<String, String>, vera: Arc<VeraNames>) -> Self {
        Self { areas, vera }
    }

    fn area(&self, lang: Lang, code: &str) -> String {
        name_and_code(lang, self.areas.get(code).map(String::as_str), code)
    }
}

/// A cell of a block's table: its text and, where the viewer may follow it, a link.
pub struct Cell {
    pub text: String,
    pub href: Option<String>,
    /// A date, kept on one line (a narrow column broke "29-12-2026" after its hyphens).
    pub date: bool,
}

impl Cell {
    fn text(text: impl Into<String>) -> Self {
        Self { text: text.into(), href: None, date: false }
    }

    fn link(text: impl Into<String>, href: Option<String>) -> Self {
        Self { text: text.into(), href, date: false }
    }

    fn date(day: Option<Date>) -> Self {
        Self::deadline(day.map(show_date))
    }

    /// A date already written out, with its mark where it has one ("nog niet vastgesteld").
    fn deadline(shown: Option<String>) -> Self {
        Self { text: shown.unwrap_or_default(), href: None, date: true }
    }
}

/// A small table of a block.
pub struct Table {
    pub caption: String,
    /// On paper, when the table prints only its first rows: how many there are (`None` when all print).
    pub note: Option<String>,
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A block as shown.
pub struct BlockView {
    /// Stable code (`data-block`), the module's.
    pub code: &'static str,
    pub heading: &'static str,
    /// The module's own page, and the link's text ("Naar Overleg").
    pub module_link: (String, String),
    /// Figures: label and value.
    pub figures: Vec<(String, String)>,
    pub tables: Vec<Table>,
    pub notes: Vec<String>,
    pub map: Option<MiniMap>,
}

impl BlockView {
    fn new(block: Block, heading: &'static str, href: String, pl: &PlekTexts, nav: &crate::i18n::NavTexts) -> Self {
        Self {
            code: block.code(),
            heading,
            module_link: (href, pl.to_module(module_name(nav, block.module()))),
            figures: Vec::new(),
            tables: Vec::new(),
            notes: Vec::new(),
            map: None,
        }
    }
}

/// What a page is drawn for: on screen or on paper, the day, and the tenant organisations a one-pager may be printed
/// for (none on paper).
pub struct Sheet<'a> {
    pub purpose: Purpose,
    pub today: Date,
    pub meetings: &'a [(i64, String)],
    /// The tenant organisation a one-pager is for (whoever prints it, "your organisation" would name the reader).
    pub audience: Option<&'a str>,
}

/// A line of the timeline.
pub struct TimelineLine {
    pub on: String,
    pub text: String,
    pub href: Option<String>,
}

#[derive(Template)]
#[template(path = "place/page.html")]
pub struct PlacePage {
    pub page: Page,
    pub pl: &'static PlekTexts,
    pub kind: &'static str,
    pub title: String,
    /// The place's page (the one-pager links back to it).
    pub href: String,
    pub facts: Vec<(String, Vec<Cell>)>,
    /// The one-pagers the viewer may print: one per tenant organisation a meeting is with (link, text).
    pub print_links: Vec<(String, String)>,
    pub blocks: Vec<BlockView>,
    pub timeline: Vec<TimelineLine>,
    /// On paper, when the timeline prints only its latest events: how many there are.
    pub timeline_note: Option<String>,
}

#[derive(Template)]
#[template(path = "place/print.html")]
pub struct PrintPage {
    pub place: PlacePage,
    pub printed_on: String,
    /// "Only what De Sleutel may see too".
    pub intro: String,
}

fn masked(pl: &PlekTexts, count: Count) -> String {
    match count {
        Count::Exact(n) => n.to_string(),
        Count::FewerThanFive => pl.fewer_than_five.to_owned(),
    }
}

fn stage_name(page: &Page, code: &str) -> String {
    let stage = match code {
        "informed" => Stage::Informed,
        "awaiting_answer" => Stage::AwaitingAnswer,
        "awaiting_decision" => Stage::AwaitingDecision,
        "closed" => Stage::Closed,
        other => return other.to_owned(),
    };
    page.ov.stage(stage).to_owned()
}

fn health_name(pl: &PlekTexts, health: Health) -> &'static str {
    match health {
        Health::Green => pl.health_groen,
        Health::Amber => pl.health_oranje,
        Health::Red => pl.health_rood,
    }
}

impl PlacePage {
    /// The page for `place` as the viewer of `auth` (member of `org`) sees it.
    pub fn new(auth: &Auth, org: i64, place: &Place, read: &Blocks, names: &Names, sheet: Sheet<'_>) -> Self {
        let Sheet { purpose, today, meetings, audience } = sheet;
        let page = Page::for_user(auth);
        let lang = auth.ctx.lang;
        let pl = PlekTexts::of(lang);
        let nav = crate::i18n::NavTexts::of(lang);
        let org_kind = auth.memberships.iter().find(|(o, _)| o.id == org).map(|(o, _)| o.kind);
        let nav_org = NavOrg { id: org, kind: org_kind.unwrap_or(place.viewer().org_kind()) };
        let may_edit = matches!(place.viewer(), Viewer::Owner(role) if role.allows(Action::Edit));
        // Whoever may not open the persons behind a count (a read-only member, the platform operator) sees the
        // tenants at work and the buyers as a municipality sees them: 1 to 4 as "fewer than 5". In a small complex
        // such a count points at one household.
        let persons_open = auth.edits_as_member(org);
        let personal = |n: i64| if persons_open { n.to_string() } else { masked(pl, Count::masked(n)) };
        let (kind, title, href) = match &place.kind() {
            PlaceKind::Complex { id, code, naam } => {
                (pl.kind_complex, name_and_code(lang, naam.as_deref(), code), super::complex_href(org, *id))
            }
            PlaceKind::Buurt { code } => (pl.kind_buurt, names.area(lang, code), super::buurt_href(org, code)),
        };
        let place_href = href.clone();
        let print_links = meetings
            .iter()
            .map(|(id, name)| (format!("{href}/afdrukken?voor={id}"), pl.print_link_for(name)))
            .collect();
        // The facts every viewer of the place may see: whose stock, how many homes, where.
        let mut facts: Vec<(String, Vec<Cell>)> = Vec::new();
        let corporations = place.corporations().iter().map(|(_, n)| Cell::text(n.clone())).collect();
        let label = if place.corporations().len() == 1 { pl.fact_corporation } else { pl.fact_corporations };
        facts.push((label.to_owned(), corporations));
        facts.push((pl.fact_units.to_owned(), vec![Cell::text(place.units().to_string())]));
        if let PlaceKind::Complex { .. } = place.kind() {
            let buurten = place
                .buurt_codes()
                .iter()
                .map(|b| Cell::link(names.area(lang, b), Some(super::buurt_href(org, b))))
                .collect();
            facts.push((pl.fact_buurten.to_owned(), buurten));
            // A municipality counts signals and sales per buurt only (`place::blocks`): where they are, not a blank.
            if place.viewer() == Viewer::Municipality && purpose == Purpose::Screen {
                facts.push((pl.fact_signals_sales.to_owned(), vec![Cell::text(pl.signals_sales_per_buurt)]));
            }
        }
        let gemeenten = place.gemeente_codes().iter().map(|g| Cell::text(names.area(lang, g))).collect();
        facts.push((pl.fact_gemeente.to_owned(), gemeenten));
        if let PlaceKind::Buurt { .. } = place.kind() {
            let complexes = place
                .parts()
                .iter()
                .filter(|p| !p.cluster_code.is_empty())
                .map(|p| (p.corporation_id, p.cluster_code.clone(), p.cluster_name.clone()))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .map(|(_, code, name)| Cell::text(name_and_code(lang, name.as_deref(), &code)))
                .collect();
            facts.push((pl.fact_complexes.to_owned(), complexes));
        }
        let mut blocks = Vec::new();
        let href = |module: Module| entry(module, nav_org);
        if let Some(stock) = &read.stock {
            blocks.push(stock_block(pl, nav, &page, place, org, names, stock));
        }
        if let Some(p) = &read.participation {
            let mut b =
                BlockView::new(Block::Participation, pl.block_participation, href(Module::Participatie), pl, nav);
            b.figures = vec![
                (pl.part_formal.to_owned(), p.by_level[2].to_string()),
                (pl.part_informal.to_owned(), p.by_level[1].to_string()),
                (pl.part_uncovered.to_owned(), p.by_level[0].to_string()),
            ];
            match &p.groups {
                None => b.notes.push(pl.part_coverage_only.to_owned()),
                Some(groups) => {
                    let active: Vec<_> = groups.iter().filter(|g| g.ended_on.is_none_or(|e| e > today)).collect();
                    if active.is_empty() {
                        b.notes.push(pl.part_none.to_owned());
                    } else {
                        b.tables.push(
                            Table {
                                caption: pl.part_groups.to_owned(),
                                note: None,
                                head: vec![pl.col_name.to_owned(), pl.col_kind.to_owned(), page.pt.coverage.to_owned()],
                                rows: active
                                    .iter()
                                    .map(|g| {
                                        let kind = GroupKind::parse(&g.kind).map(|k| page.pt.kind(k)).unwrap_or("");
                                        let href = (g.kept_by_viewer && purpose == Purpose::Screen)
                                            .then(|| format!("/orgs/{org}/participatie/groepen/{}", g.id));
                                        vec![
                                            Cell::link(g.name.clone(), href),
                                            Cell::text(kind),
                                            Cell::text(page.pt.coverage_name(Coverage::from_level(g.level))),
                                        ]
                                    })
                                    .collect(),
                            }
                            .first(lines(purpose, paper::ROWS), pl),
                        );
                    }
                }
            }
            if p.blind_spots.is_empty() {
                b.notes.push(pl.part_no_blind_spots.to_owned());
            } else {
                b.tables.push(
                    Table {
                        caption: pl.part_blind_spots.to_owned(),
                        note: None,
                        head: vec![pl.kind_complex.to_owned(), pl.fact_buurten.to_owned(), pl.col_count.to_owned()],
                        rows: p
                            .blind_spots
                            .iter()
                            .map(|(code, name, buurt, units)| {
                                vec![
                                    Cell::text(if code.is_empty() {
                                        String::new()
                                    } else {
                                        name_and_code(lang, name.as_deref(), code)
                                    }),
                                    Cell::text(names.area(lang, buurt)),
                                    Cell::text(units.to_string()),
                                ]
                            })
                            .collect(),
                    }
                    .first(lines(purpose, paper::ROWS), pl),
                );
            }
            blocks.push(b);
        }
        if let Some(cases) = &read.overleg {
            let mut b = BlockView::new(Block::Overleg, pl.block_overleg, href(Module::Overleg), pl, nav);
            if cases.is_empty() {
                b.notes.push(pl.overleg_none.to_owned());
            } else {
                b.tables.push(
                    Table {
                        caption: String::new(),
                        note: None,
                        head: vec![
                            pl.col_title.to_owned(),
                            pl.col_kind.to_owned(),
                            pl.col_stage.to_owned(),
                            pl.col_deadline.to_owned(),
                            pl.col_received.to_owned(),
                        ],
                        rows: cases
                            .iter()
                            .map(|c| {
                                let kind = RequestKind::parse(&c.kind).map(|k| page.ov.kind(k)).unwrap_or("");
                                vec![
                                    Cell::link(c.title.clone(), Some(format!("/orgs/{org}/overleg/{}", c.id))),
                                    Cell::text(kind),
                                    Cell::text(stage_name(&page, &c.stage)),
                                    Cell::deadline(c.next_deadline.map(|d| page.ov.marked_date(d, c.undecreed))),
                                    Cell::date(Some(c.received_on)),
                                ]
                            })
                            .collect(),
                    }
                    .first(lines(purpose, paper::ROWS), pl),
                );
            }
            blocks.push(b);
        }
        if let Some(cycles) = &read.afspraken {
            let mut b = BlockView::new(Block::Afspraken, pl.block_afspraken, href(Module::Afspraken), pl, nav);
            if cycles.is_empty() {
                b.notes.push(pl.afspraken_none.to_owned());
            }
            let cycles_shown = cycles.len().min(lines(purpose, paper::CYCLES));
            for cycle in &cycles[..cycles_shown] {
                let years = if cycle.first_year == cycle.last_year {
                    cycle.first_year.to_string()
                } else {
                    format!("{}–{}", cycle.first_year, cycle.last_year)
                };
                let phase = Phase::parse(&cycle.phase).map(|p| page.pa.phase(p)).unwrap_or("");
                // The block lists the first few (fewer on paper): the caption says so when there are more.
                let commitments = cycle.commitments.len().min(lines(purpose, paper::COMMITMENTS));
                let shown = i64::try_from(commitments).unwrap_or(i64::MAX);
                let count = if shown < cycle.commitment_count {
                    pl.afspraken_first(cycle.commitment_count, shown)
                } else {
                    pl.afspraken_count(cycle.commitment_count)
                };
                b.tables.push(Table {
                    caption: format!("{} — {}", cycle_name(pl, phase, &cycle.title, &years), count),
                    note: None,
                    head: vec![pl.col_kind.to_owned(), pl.col_title.to_owned()],
                    rows: cycle.commitments[..commitments]
                        .iter()
                        .map(|(theme, body)| {
                            let theme = volkshuis_domain::afspraken::Theme::parse(theme)
                                .map(|t| page.pa.theme(t).to_owned())
                                .unwrap_or_else(|_| theme.clone());
                            vec![
                                Cell::text(theme),
                                Cell::link(body.clone(), Some(format!("/orgs/{org}/afspraken/{}", cycle.id))),
                            ]
                        })
                        .collect(),
                });
            }
            if cycles_shown < cycles.len() {
                b.notes.push(pl.paper_cycles(cycles.len(), cycles_shown));
            }
            blocks.push(b);
        }
        if let Some(jobs) = read.social_return {
            let mut b =
                BlockView::new(Block::SocialReturn, pl.block_social_return, href(Module::SocialReturn), pl, nav);
            b.notes.push(match Count::masked(jobs) {
                _ if persons_open => pl.sr_placements(jobs),
                Count::FewerThanFive => pl.sr_placements_few.to_owned(),
                // Rounded to fives, as every masked count is.
                Count::Exact(shown) => pl.sr_placements(shown),
            });
            blocks.push(b);
        }
        if let Some(s) = &read.signals {
            let mut b =
                BlockView::new(Block::Signals, pl.block_signals, format!("/orgs/{org}/signalering/cijfers"), pl, nav);
            b.figures = vec![
                // Masked for every viewer, as the issue asks ("counts only"): hidden when small, rounded to fives.
                (pl.signals_sent.to_owned(), masked(pl, Count::masked(s.sent))),
                (pl.signals_picked_up.to_owned(), masked(pl, Count::masked(s.picked_up))),
            ];
            b.notes.push(pl.signals_note.to_owned());
            blocks.push(b);
        }
        if let Some(n) = &read.nazorg {
            let mut b = BlockView::new(Block::Nazorg, pl.block_nazorg, href(Module::Nazorg), pl, nav);
            match place.viewer() {
                Viewer::Municipality => b.figures.push((pl.nazorg_sold.to_owned(), masked(pl, Count::masked(n.sold)))),
                _ => {
                    b.figures.push((pl.nazorg_sold.to_owned(), personal(n.sold)));
                    b.figures.push((pl.nazorg_checks_due.to_owned(), personal(n.checks_due)));
                    if n.vves.is_empty() {
                        b.notes.push(pl.nazorg_no_vves.to_owned());
                    } else {
                        b.tables.push(Table {
                            caption: pl.nazorg_vves.to_owned(),
                            note: None,
                            head: vec![pl.col_name.to_owned(), pl.col_health.to_owned()],
                            rows: n
                                .vves
                                .iter()
                                .map(|(id, name, health)| {
                                    vec![
                                        Cell::link(name.clone(), Some(format!("/orgs/{org}/nazorg/vves/{id}"))),
                                        Cell::text(health_name(pl, *health)),
                                    ]
                                })
                                .collect(),
                        });
                    }
                }
            }
            blocks.push(b);
        }
        if let Some(list) = &read.initiatives {
            let mut b = BlockView::new(Block::Initiatives, pl.block_initiatives, href(Module::Initiatieven), pl, nav);
            if list.is_empty() {
                b.notes.push(pl.initiatives_none.to_owned());
            } else {
                let it = crate::i18n::InitiatievenTexts::of(lang);
                b.tables.push(
                    Table {
                        caption: String::new(),
                        note: None,
                        head: vec![pl.col_title.to_owned(), pl.col_stage.to_owned(), pl.col_received.to_owned()],
                        rows: list
                            .iter()
                            .map(|i| {
                                let stage = InitiativeStage::parse(&i.stage).map(|s| it.stage(s)).unwrap_or("");
                                let href = match place.viewer() {
                                    Viewer::Owner(_) => Some(format!("/orgs/{org}/initiatieven/{}", i.id)),
                                    // The organisation's own list: `/initiatieven/mijn/{id}` is its initiator's, a person's.
                                    _ if i.own => Some(format!("/orgs/{org}/initiatieven")),
                                    _ => Some("/initiatieven".to_owned()),
                                };
                                let title = match (i.own, audience) {
                                    (true, Some(name)) => format!("{} ({})", i.title, pl.initiative_own_by(name)),
                                    (true, None) => format!("{} ({})", i.title, pl.initiative_own),
                                    (false, _) => i.title.clone(),
                                };
                                vec![Cell::link(title, href), Cell::text(stage), Cell::date(Some(i.started_on))]
                            })
                            .collect(),
                    }
                    .first(lines(purpose, paper::ROWS), pl),
                );
            }
            blocks.push(b);
        }
        let mut timeline: Vec<TimelineLine> = read
            .timeline(today)
            .into_iter()
            // A sale is a buyer's: whoever sees the sales as "fewer than 5" would count them, with their dates, here.
            .filter(|e| persons_open || !matches!(e.what, Happening::HomeSold(_) | Happening::HomeBoughtBack(_)))
            .map(|e| {
                let (text, href) = match e.what.clone() {
                    Happening::CaseReceived(id, title) => {
                        (pl.ev_case_received(title), Some(format!("/orgs/{org}/overleg/{id}")))
                    }
                    Happening::CaseDecided(id, title) => {
                        (pl.ev_case_decided(title), Some(format!("/orgs/{org}/overleg/{id}")))
                    }
                    Happening::GroupFounded(_, name) => (pl.ev_group_founded(name), None),
                    Happening::GroupEnded(_, name) => (pl.ev_group_ended(name), None),
                    Happening::SignalsInMonth(count) => (pl.ev_signals(masked(pl, count)), None),
                    Happening::HomeSold(id) => {
                        (pl.ev_home_sold.to_owned(), may_edit.then(|| format!("/orgs/{org}/nazorg/verkopen/{id}")))
                    }
                    Happening::HomeBoughtBack(id) => (
                        pl.ev_home_bought_back.to_owned(),
                        may_edit.then(|| format!("/orgs/{org}/nazorg/verkopen/{id}")),
                    ),
                    Happening::InitiativeStarted(_, title) => (pl.ev_initiative(title), None),
                    Happening::CycleSigned(id, title) => {
                        (pl.ev_cycle_signed(title), Some(format!("/orgs/{org}/afspraken/{id}")))
                    }
                };
                // Signals are counted per month: the line names the month, not its first day.
                let on = if matches!(e.what, Happening::SignalsInMonth(_)) {
                    format!("{:02}-{}", u8::from(e.on.month()), e.on.year())
                } else {
                    show_date(e.on)
                };
                TimelineLine { on, text, href: if purpose == Purpose::Screen { href } else { None } }
            })
            .collect();
        // Newest first: on paper the latest few.
        let mut timeline_note = None;
        let events = lines(purpose, paper::TIMELINE);
        if timeline.len() > events {
            timeline_note = Some(pl.paper_timeline(timeline.len(), events));
            timeline.truncate(events);
        }
        PlacePage { page, pl, kind, title, href: place_href, facts, print_links, blocks, timeline, timeline_note }
    }
}

fn stock_block(
    pl: &PlekTexts,
    nav: &crate::i18n::NavTexts,
    page: &Page,
    place: &Place,
    org: i64,
    names: &Names,
    stock: &volkshuis_store::place::blocks::StockBlock,
) -> BlockView {
    let href = match &place.kind() {
        PlaceKind::Complex { id, .. } => format!("/orgs/{org}/stock/clusters/{id}"),
        PlaceKind::Buurt { code } => format!("/orgs/{org}/stock?buurt={code}"),
    };
    let mut b = BlockView::new(Block::Stock, pl.block_stock, href, pl, nav);
    // Rent bands are anchored on the liberalisation limit of the current year (the store's summary).
    let summary = &stock.summary;
    let unknown = pl.unknown;
    let named = |list: &HashMap<String, String>, code: Option<&str>| match code {
        Some(code) => VeraNames::show(list, &Some(code.to_owned())),
        None => unknown.to_owned(),
    };
    // The first column's head names the table; a caption above it would say the same twice.
    let table = |caption: &str, rows: Vec<(String, i64)>| Table {
        caption: String::new(),
        note: None,
        head: vec![caption.to_owned(), pl.col_count.to_owned()],
        rows: rows.into_iter().map(|(k, n)| vec![Cell::text(k), Cell::text(n.to_string())]).collect(),
    };
    let kinds = summary.by_kind().into_iter().map(|(c, n)| (named(names.vera.soort(), c), n)).collect();
    let statuses = summary.by_status().into_iter().map(|(c, n)| (named(&names.vera.status, c), n)).collect();
    let mut rents: Vec<(String, i64)> =
        summary.rent_bands.iter().map(|(band, n)| (page.t.rent_band(*band, summary.year), *n)).collect();
    if summary.rent_unknown > 0 {
        rents.push((unknown.to_owned(), summary.rent_unknown));
    }
    let mut periods: Vec<(String, i64)> = summary.periods.iter().map(|(p, n)| (p.label().to_owned(), *n)).collect();
    if summary.period_unknown > 0 {
        periods.push((unknown.to_owned(), summary.period_unknown));
    }
    b.tables = vec![
        table(pl.stock_by_kind, kinds),
        table(pl.stock_by_status, statuses),
        table(pl.stock_by_rent, rents),
        table(pl.stock_by_period, periods),
    ];
    match summary.built {
        Some((first, last)) if first == last => b.notes.push(pl.stock_built_one(first)),
        Some((first, last)) => b.notes.push(pl.stock_built(first, last)),
        None => {}
    }
    b.map = minimap::draw(&stock.points, MAP_WIDTH);
    b.notes.push(if b.map.is_some() { pl.stock_map.to_owned() } else { pl.stock_no_map.to_owned() });
    b
}

/// A cycle as the place page names it: its title with its years and phase, the years left out when the title holds
/// them already ("Prestatieafspraken Deventer 2027 (2027)" said it twice).
fn cycle_name(pl: &PlekTexts, phase: &str, title: &str, years: &str) -> String {
    if title.contains(years) {
        pl.afspraken_cycle_titled(phase, title)
    } else {
        pl.afspraken_cycle(phase, title, years)
    }
}
