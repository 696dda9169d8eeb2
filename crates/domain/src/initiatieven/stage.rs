//! The stages of an initiative, what it asks of the corporation, and which stage moves are allowed.

use crate::coded_enum;

coded_enum! {
    /// Where an initiative stands. The first five follow each other; [`Stage::Ended`] can follow any of them.
    pub enum Stage {
        /// An idea has come in; the coach gets to know the people behind it.
        Idea = "idee",
        /// The people behind it work out a business plan or budget.
        Plan = "plan",
        /// The plan adds up; the corporation and the initiative make agreements (space, money, zelfbeheer, …).
        Agreement = "afspraak",
        /// The initiative runs, with the coach nearby.
        Running = "loopt",
        /// The initiative stands on its own; the coach steps back.
        Independent = "zelfstandig",
        /// The initiative has ended. That is part of enterprise; the log keeps what was learned.
        Ended = "beeindigd",
    }
}

coded_enum! {
    /// What an initiative asks of the corporation.
    pub enum Need {
        /// Space: a vacant shop, a former care home, a common room.
        Space = "ruimte",
        /// Money, for instance from a liveability budget.
        Money = "geld",
        /// Permission, for instance to use or change a common space.
        Permission = "toestemming",
        /// Advice from the corporation's staff.
        Advice = "advies",
    }
}

/// What the store knows of an initiative that decides whether it may change stage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StageFacts {
    /// The business plan or budget adds up (see [`crate::initiatieven::plan::BusinessPlan::adds_up`]).
    pub plan_adds_up: bool,
    /// The number of agreements made: loans of space, grants, zelfbeheer agreements and a recorded permission or
    /// advice, counted by the store.
    pub agreements: u32,
    /// What was learned, written when the initiative ends.
    pub lessons: Option<String>,
}

/// Why a stage move is refused. `Display` is Dutch (the CLI); the web layer translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StageBlock {
    /// The initiative has ended: nothing moves out of [`Stage::Ended`].
    #[error("een beëindigd initiatief gaat niet meer naar een andere fase")]
    Ended,
    /// The move is not one step forward or back (or stays where it is).
    #[error("een initiatief gaat één fase vooruit of terug")]
    Skips,
    /// From plan to agreement needs a plan that adds up.
    #[error("naar de fase afspraak kan pas met een ondernemingsplan of begroting die sluit")]
    PlanDoesNotAddUp,
    /// From agreement to running needs at least one agreement.
    #[error("naar de fase loopt kan pas met minstens één afspraak (ruimte, geld, zelfbeheer, toestemming of advies)")]
    NoAgreement,
    /// Ending needs the lessons written down.
    #[error("schrijf bij het beëindigen op wat er geleerd is")]
    NoLessons,
}

/// The position of a stage in the chain idea → plan → agreement → running → independent; `None` for ended.
fn position(stage: Stage) -> Option<u8> {
    match stage {
        Stage::Idea => Some(0),
        Stage::Plan => Some(1),
        Stage::Agreement => Some(2),
        Stage::Running => Some(3),
        Stage::Independent => Some(4),
        Stage::Ended => None,
    }
}

/// Whether an initiative may move from `from` to `to`.
///
/// The checks, in this order, and the first that fails is returned:
/// 1. nothing moves out of [`Stage::Ended`] ([`StageBlock::Ended`]), not even to itself;
/// 2. staying in the same stage is not a move ([`StageBlock::Skips`]);
/// 3. ending is allowed from any stage once the lessons are written (non-empty after trimming), otherwise
///    [`StageBlock::NoLessons`];
/// 4. any other move is one step forward or back in the chain idea ↔ plan ↔ agreement ↔ running ↔ independent,
///    otherwise [`StageBlock::Skips`];
/// 5. plan → agreement needs a plan that adds up ([`StageBlock::PlanDoesNotAddUp`]);
/// 6. agreement → running needs at least one agreement ([`StageBlock::NoAgreement`]).
///
/// A step back is always allowed: a plan that stops adding up or an agreement that falls through sends the
/// initiative back rather than ending it.
pub fn may_move(from: Stage, to: Stage, facts: &StageFacts) -> Result<(), StageBlock> {
    let Some(from_at) = position(from) else {
        return Err(StageBlock::Ended);
    };
    if from == to {
        return Err(StageBlock::Skips);
    }
    let Some(to_at) = position(to) else {
        let learned = facts.lessons.as_deref().is_some_and(|lessons| !lessons.trim().is_empty());
        return if learned { Ok(()) } else { Err(StageBlock::NoLessons) };
    };
    if from_at.abs_diff(to_at) != 1 {
        return Err(StageBlock::Skips);
    }
    match (from, to) {
        (Stage::Plan, Stage::Agreement) if !facts.plan_adds_up => Err(StageBlock::PlanDoesNotAddUp),
        (Stage::Agreement, Stage::Running) if facts.agreements == 0 => Err(StageBlock::NoAgreement),
        _ => Ok(()),
    }
}

/// Every stage an initiative in `from` can move to, in the order of [`Stage::ALL`] (so: the step back, the step
/// forward, then ending), each with what blocks the move now (`None` when it is allowed). Empty for an ended
/// initiative.
pub fn next_stages(from: Stage, facts: &StageFacts) -> Vec<(Stage, Option<StageBlock>)> {
    Stage::ALL
        .iter()
        .copied()
        .filter_map(|to| match may_move(from, to, facts) {
            Ok(()) => Some((to, None)),
            Err(StageBlock::Ended | StageBlock::Skips) => None,
            Err(block) => Some((to, Some(block))),
        })
        .collect()
}

#[cfg(test)]
#[path = "stage_tests.rs"]
mod tests;
