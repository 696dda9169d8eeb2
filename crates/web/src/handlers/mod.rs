//! The routes, one module per use case; each module exposes its own `router()`.

mod account_password;
mod admin;
pub(crate) mod afspraken;
pub(crate) mod api;
mod calendar_feed;
pub(crate) mod dashboard;
mod home;
mod initiatieven;
mod invitations;
mod language;
mod login;
pub(crate) mod nazorg;
mod notices;
mod org;
mod outlines;
pub(crate) mod overleg;
mod participatie;
mod partner_list;
mod party;
mod password_reset;
pub(crate) mod pickers;
pub(crate) mod place;
mod read_log;
mod search;
mod signalering;
pub(crate) mod socialreturn;
pub(crate) mod stock;
mod tokens;

use crate::state::AppState;
use axum::Router;
pub(crate) use calendar_feed::redacted_path;

/// All page routes (the API's are nested apart, in `app.rs`, under other layers).
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(login::router())
        .merge(language::router())
        .merge(password_reset::router())
        .merge(account_password::router())
        .merge(home::router())
        .merge(org::router())
        .merge(invitations::router())
        .merge(notices::router())
        .merge(overleg::router())
        .merge(participatie::router())
        .merge(afspraken::router())
        .merge(afspraken::admin_router())
        .merge(socialreturn::router())
        .merge(signalering::router())
        .merge(nazorg::router())
        .merge(initiatieven::router())
        .merge(place::router())
        .merge(admin::router())
        .merge(stock::router())
        .merge(tokens::router())
        .merge(read_log::router())
        .merge(calendar_feed::router())
        .merge(outlines::router())
        .merge(pickers::router())
        .merge(search::router())
}
