//! The phases of a cycle as a bar at the top of every cycle page, the current one marked, so a party always knows
//! where the cycle stands.

use super::years;
use crate::i18n::AfsprakenTexts;
use crate::views::show_date;
use volkshuis_domain::afspraken::Phase;
use volkshuis_store::afspraken::Cycle;

/// One step of the bar.
pub(super) struct Step {
    pub label: String,
    pub done: bool,
    pub current: bool,
}

/// The bar, and the sentence that names the current phase.
pub(super) struct PhaseBar {
    pub cycle_id: i64,
    pub org_id: i64,
    pub title: String,
    pub years: String,
    pub steps: Vec<Step>,
    pub now: String,
}

impl PhaseBar {
    pub(super) fn of(pa: &AfsprakenTexts, cycle: &Cycle, org_id: i64) -> Self {
        // A dispute interrupts the talks or the signing: the walk shows the talks as where it stands.
        let position = match cycle.phase {
            Phase::Geschil => Phase::Onderhandeling,
            phase => phase,
        };
        let mut steps: Vec<Step> = Phase::WALK
            .iter()
            .map(|p| Step {
                label: pa.phase_step(i64::from(p.number()), pa.phase(*p)),
                done: *p < position,
                current: *p == cycle.phase,
            })
            .collect();
        if cycle.phase == Phase::Geschil {
            steps.push(Step {
                label: pa.phase_step(i64::from(Phase::Geschil.number()), pa.phase(Phase::Geschil)),
                done: false,
                current: true,
            });
        }
        PhaseBar {
            cycle_id: cycle.id,
            org_id,
            title: cycle.title.clone(),
            years: years(pa, cycle),
            steps,
            now: pa.phase_now(pa.phase(cycle.phase), show_date(cycle.phase_since)),
        }
    }
}
