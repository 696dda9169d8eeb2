//! What Initiatieven tells the other side: the corporation's staff when a plan comes in; the initiator when the
//! corporation moves the initiative's stage or grants it money; a staff member when made its coach. Each step has
//! already been saved when they are told, so a notice that cannot be delivered is logged and the step stands (the
//! pages show it either way).

use crate::i18n::{InitiatievenTexts, NotifyTexts};
use crate::notify::{absolute, tell_board, tell_user, SETTINGS_PATH};
use crate::state::AppState;
use volkshuis_domain::initiatieven::stage::Stage;
use volkshuis_domain::money::Money;
use volkshuis_store::initiatieven::initiatives::Initiative;
use volkshuis_store::orgs;

/// A step of the corporation on an initiative, as its initiator or coach hears of it.
pub(super) enum Told {
    /// The initiative moved to a stage.
    Stage(Stage),
    /// Money was granted from a budget.
    Granted(Money),
    /// A staff member became its coach.
    Coach,
}

/// Tells the initiator (of a stage or a grant) or the new coach, unless they took the step themselves.
pub(super) async fn tell(state: &AppState, by_user_id: i64, initiative: &Initiative, told: Told) {
    let (corporation, title) = (initiative.corporation.as_str(), initiative.title.as_str());
    let (person, path) = match told {
        Told::Coach => {
            (initiative.coach.as_ref(), format!("/orgs/{}/initiatieven/{}", initiative.corporation_id, initiative.id))
        }
        _ => (initiative.initiator.as_ref(), format!("/initiatieven/mijn/{}", initiative.id)),
    };
    let Some((user_id, _)) = person else { return };
    let line = |lang| {
        let nt = NotifyTexts::of(lang);
        match told {
            Told::Stage(stage) => nt.ev_initiative_stage(corporation, InitiatievenTexts::of(lang).stage(stage), title),
            Told::Granted(amount) => nt.ev_initiative_granted(amount, corporation, title),
            Told::Coach => nt.ev_initiative_coach(corporation, title),
        }
    };
    let result = async {
        let mut tx = state.db.begin().await?;
        tell_user(state, &mut tx, (*user_id, by_user_id), initiative.corporation_id, &path, line).await?;
        tx.commit().await?;
        anyhow::Ok(())
    };
    if let Err(error) = result.await {
        tracing::warn!(?error, initiative = initiative.id, "the initiator or coach could not be told");
    }
}

/// Tells the corporation's staff that `person` brought in initiative `id`.
pub(super) async fn plan_came_in(state: &AppState, corporation_id: i64, id: i64, title: &str, person: &str) {
    let path = format!("/orgs/{corporation_id}/initiatieven/{id}");
    let result = async {
        let corporation = orgs::get(&state.db, corporation_id).await?.map(|o| o.name).unwrap_or_default();
        let mut tx = state.db.begin().await?;
        tell_board(state, &mut tx, corporation_id, &path, |lang, link| {
            let nt = NotifyTexts::of(lang);
            let line = nt.ev_initiative_submitted(person, title);
            let footer = nt.mail_footer(&corporation, absolute(state, SETTINGS_PATH));
            let body = format!("{line}\n{}\n\n-- \n{footer}", nt.mail_open(link));
            (line.clone(), body, line)
        })
        .await?;
        tx.commit().await?;
        anyhow::Ok(())
    };
    if let Err(error) = result.await {
        tracing::warn!(?error, initiative = id, "the corporation could not be told of a new initiative");
    }
}
