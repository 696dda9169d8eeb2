//! Stage moves: every pair of stages, with and without what a move needs.

use super::*;

/// Everything every move needs: a plan that adds up, one agreement, lessons written.
fn ready() -> StageFacts {
    StageFacts { plan_adds_up: true, agreements: 1, lessons: Some("De ruimte was te klein.".into()) }
}

#[test]
fn codes_are_stable() {
    let codes: Vec<&str> = Stage::ALL.iter().map(|s| s.code()).collect();
    assert_eq!(codes, ["idee", "plan", "afspraak", "loopt", "zelfstandig", "beeindigd"]);
    let needs: Vec<&str> = Need::ALL.iter().map(|n| n.code()).collect();
    assert_eq!(needs, ["ruimte", "geld", "toestemming", "advies"]);
    assert_eq!(Stage::parse(" loopt "), Ok(Stage::Running));
    assert_eq!(Need::parse("geld"), Ok(Need::Money));
    assert!(Stage::parse("beëindigd").is_err(), "the code has no diaeresis");
}

#[test]
fn one_step_forward_or_back_with_everything_in_place() {
    let chain = [Stage::Idea, Stage::Plan, Stage::Agreement, Stage::Running, Stage::Independent];
    for pair in chain.windows(2) {
        assert_eq!(may_move(pair[0], pair[1], &ready()), Ok(()), "{:?} → {:?}", pair[0], pair[1]);
        assert_eq!(may_move(pair[1], pair[0], &ready()), Ok(()), "{:?} → {:?}", pair[1], pair[0]);
    }
}

#[test]
fn every_pair_of_stages_with_everything_in_place() {
    use Stage::*;
    // Rows: from; columns: to, in the order of Stage::ALL. "ok" allowed, "skip" Skips, "end" Ended.
    let expected = [
        (Idea, ["skip", "ok", "skip", "skip", "skip", "ok"]),
        (Plan, ["ok", "skip", "ok", "skip", "skip", "ok"]),
        (Agreement, ["skip", "ok", "skip", "ok", "skip", "ok"]),
        (Running, ["skip", "skip", "ok", "skip", "ok", "ok"]),
        (Independent, ["skip", "skip", "skip", "ok", "skip", "ok"]),
        (Ended, ["end", "end", "end", "end", "end", "end"]),
    ];
    for (from, row) in expected {
        for (&to, &want) in Stage::ALL.iter().zip(row.iter()) {
            let got = match may_move(from, to, &ready()) {
                Ok(()) => "ok",
                Err(StageBlock::Skips) => "skip",
                Err(StageBlock::Ended) => "end",
                Err(other) => panic!("{from:?} → {to:?}: unexpected {other:?}"),
            };
            assert_eq!(got, want, "{from:?} → {to:?}");
        }
    }
}

#[test]
fn an_agreement_needs_a_plan_that_adds_up() {
    let facts = StageFacts { plan_adds_up: false, ..ready() };
    assert_eq!(may_move(Stage::Plan, Stage::Agreement, &facts), Err(StageBlock::PlanDoesNotAddUp));
    // Only that move: back to the idea, or on from an agreement already made, does not look at the plan.
    assert_eq!(may_move(Stage::Plan, Stage::Idea, &facts), Ok(()));
    assert_eq!(may_move(Stage::Agreement, Stage::Running, &facts), Ok(()));
    assert_eq!(may_move(Stage::Idea, Stage::Plan, &facts), Ok(()));
}

#[test]
fn running_needs_an_agreement() {
    let facts = StageFacts { agreements: 0, ..ready() };
    assert_eq!(may_move(Stage::Agreement, Stage::Running, &facts), Err(StageBlock::NoAgreement));
    assert_eq!(may_move(Stage::Agreement, Stage::Plan, &facts), Ok(()));
    assert_eq!(may_move(Stage::Running, Stage::Independent, &facts), Ok(()), "only the step into running");
    let facts = StageFacts { agreements: 3, ..ready() };
    assert_eq!(may_move(Stage::Agreement, Stage::Running, &facts), Ok(()));
}

#[test]
fn ending_needs_the_lessons_from_any_stage() {
    for lessons in [None, Some(String::new()), Some("  \n\t ".into())] {
        let facts = StageFacts { lessons, ..ready() };
        for from in [Stage::Idea, Stage::Plan, Stage::Agreement, Stage::Running, Stage::Independent] {
            assert_eq!(may_move(from, Stage::Ended, &facts), Err(StageBlock::NoLessons), "{from:?}");
        }
    }
    // Ending does not need a plan or an agreement: an idea may end before it became anything.
    let facts = StageFacts { plan_adds_up: false, agreements: 0, lessons: Some("x".into()) };
    assert_eq!(may_move(Stage::Idea, Stage::Ended, &facts), Ok(()));
    assert_eq!(may_move(Stage::Agreement, Stage::Ended, &facts), Ok(()));
}

#[test]
fn nothing_moves_out_of_ended_and_that_is_checked_first() {
    let nothing = StageFacts::default();
    for to in Stage::ALL.iter().copied() {
        assert_eq!(may_move(Stage::Ended, to, &nothing), Err(StageBlock::Ended), "{to:?}");
        assert_eq!(may_move(Stage::Ended, to, &ready()), Err(StageBlock::Ended), "{to:?}");
    }
}

#[test]
fn the_order_of_the_checks() {
    let nothing = StageFacts::default();
    // The same stage is a skip even without lessons or plan.
    assert_eq!(may_move(Stage::Plan, Stage::Plan, &nothing), Err(StageBlock::Skips));
    // A skip forward is a skip, not a missing plan or agreement.
    assert_eq!(may_move(Stage::Idea, Stage::Agreement, &nothing), Err(StageBlock::Skips));
    assert_eq!(may_move(Stage::Plan, Stage::Running, &nothing), Err(StageBlock::Skips));
    assert_eq!(may_move(Stage::Independent, Stage::Idea, &nothing), Err(StageBlock::Skips));
}

#[test]
fn the_page_lists_the_reachable_stages_with_what_blocks_them() {
    let nothing = StageFacts::default();
    assert_eq!(
        next_stages(Stage::Idea, &nothing),
        vec![(Stage::Plan, None), (Stage::Ended, Some(StageBlock::NoLessons))]
    );
    assert_eq!(
        next_stages(Stage::Plan, &nothing),
        vec![
            (Stage::Idea, None),
            (Stage::Agreement, Some(StageBlock::PlanDoesNotAddUp)),
            (Stage::Ended, Some(StageBlock::NoLessons)),
        ]
    );
    assert_eq!(
        next_stages(Stage::Agreement, &nothing),
        vec![
            (Stage::Plan, None),
            (Stage::Running, Some(StageBlock::NoAgreement)),
            (Stage::Ended, Some(StageBlock::NoLessons)),
        ]
    );
    assert_eq!(
        next_stages(Stage::Running, &ready()),
        vec![(Stage::Agreement, None), (Stage::Independent, None), (Stage::Ended, None)]
    );
    assert_eq!(next_stages(Stage::Independent, &ready()), vec![(Stage::Running, None), (Stage::Ended, None)]);
    assert_eq!(next_stages(Stage::Ended, &ready()), vec![]);
}

#[test]
fn blocks_read_in_dutch() {
    assert_eq!(StageBlock::NoLessons.to_string(), "schrijf bij het beëindigen op wat er geleerd is");
    assert_eq!(StageBlock::Skips.to_string(), "een initiatief gaat één fase vooruit of terug");
}
