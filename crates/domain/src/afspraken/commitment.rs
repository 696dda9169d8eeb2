//! One commitment (afspraak) in the agreements: its theme, how concrete it is written, and how it progresses.
//!
//! The rules here are deliberately modest: they point at what a reader of the agreements would ask ("by when?",
//! "who does it?", "how many?") and compare a figure with a straight line from baseline to target. They inform the
//! parties' conversation; they do not grade it.

use crate::coded_enum;
use time::{Date, Month};

coded_enum! {
    /// The theme of a commitment, as the usual chapters of prestatieafspraken (Woningwet art. 42; the themes of the
    /// woonvisie).
    pub enum Theme {
        /// Affordability: rents, housing costs, arrears.
        Betaalbaarheid = "betaalbaarheid",
        /// Target groups: allocation, urgent cases, people moving on from institutions.
        Doelgroepen = "doelgroepen",
        /// Sustainability: insulation, energy labels, heating.
        Duurzaamheid = "duurzaamheid",
        /// New construction.
        Nieuwbouw = "nieuwbouw",
        /// Sale of homes.
        Verkoop = "verkoop",
        /// Liveability of neighbourhoods.
        Leefbaarheid = "leefbaarheid",
        /// Housing and care.
        WonenEnZorg = "wonen-en-zorg",
    }
}

/// What a commitment says, as far as concreteness is concerned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CommitmentFacts<'a> {
    /// The commitment as written.
    pub text: &'a str,
    /// The unit its target is counted in ("woningen", "%"); empty when there is none.
    pub unit: &'a str,
    /// Whether a target figure was entered.
    pub has_target: bool,
    /// The year by which the target is to be met.
    pub target_year: Option<i32>,
    /// Whether a party is named as responsible.
    pub has_owner: bool,
}

coded_enum! {
    /// How concretely a commitment is written.
    pub enum Concreteness {
        /// Measurable, dated and owned.
        Concrete = "concrete",
        /// Some of the three.
        Partly = "partly",
        /// None of the three.
        Vague = "vague",
    }
}

coded_enum! {
    /// What a commitment lacks to be concrete.
    pub enum Missing {
        /// A target figure with a unit.
        MeasurableTarget = "measurable-target",
        /// A year by which it is met.
        Date = "date",
        /// A party responsible for it.
        Owner = "owner",
    }
}

/// The outcome of [`check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// How concrete the commitment is.
    pub level: Concreteness,
    /// What it lacks, in the order of [`Missing::ALL`].
    pub missing: Vec<Missing>,
    /// The hedging phrases found in its text, in the order of [`VAGUE_WORDS`]: a hint for the writer only.
    pub vague_words: Vec<&'static str>,
}

/// Hedging phrases that often mark a commitment nobody can be held to, in lower case.
pub const VAGUE_WORDS: [&str; 8] = [
    "streven",
    "zo veel mogelijk",
    "zoveel mogelijk",
    "waar mogelijk",
    "inspannen",
    "onderzoeken",
    "in overleg bezien",
    "indien mogelijk",
];

/// How concrete a commitment is: measurable (a unit and a target), dated (a target year) and owned.
///
/// The hedging phrases found are reported but do not lower the level: the level rests on the facts entered, and a
/// phrase can be meant concretely ("onderzoeken" can be the deliverable itself: a study, by a date, by someone).
pub fn check(facts: &CommitmentFacts) -> Check {
    let present = [
        (Missing::MeasurableTarget, !facts.unit.trim().is_empty() && facts.has_target),
        (Missing::Date, facts.target_year.is_some()),
        (Missing::Owner, facts.has_owner),
    ];
    let missing: Vec<Missing> = present.iter().filter(|(_, there)| !there).map(|&(what, _)| what).collect();
    let level = match missing.len() {
        0 => Concreteness::Concrete,
        n if n == present.len() => Concreteness::Vague,
        _ => Concreteness::Partly,
    };
    // Lower case, and runs of white space (a line break in a pasted text) read as one space.
    let text = facts.text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    let vague_words = VAGUE_WORDS.into_iter().filter(|phrase| text.contains(phrase)).collect();
    Check { level, missing, vague_words }
}

coded_enum! {
    /// How a commitment's figure compares with its target.
    pub enum Progress {
        /// No figure yet.
        NoData = "no-data",
        /// The target is reached.
        Achieved = "achieved",
        /// Not reached, but at least where a straight line from baseline to target says it should be by now.
        OnTrack = "on-track",
        /// Behind that line.
        Behind = "behind",
    }
}

/// Figures that differ by less than this are equal: they come from sums and shares, which are not exact.
const EPSILON: f64 = 1e-9;

/// How `actual` compares with a target, `elapsed` (a share from 0 to 1, clamped) into the target period.
///
/// The direction follows the target: a target below the baseline means fewer is better (evictions, arrears). The
/// target is achieved once the figure reaches it in that direction; before that the figure is on track when it is
/// at least as far as the straight line from baseline to target at `elapsed`. A target equal to its baseline has no
/// direction, so only the target itself counts as achieved.
pub fn progress(baseline: f64, target: f64, actual: Option<f64>, elapsed: f64) -> Progress {
    let Some(actual) = actual.filter(|a| a.is_finite()) else {
        return Progress::NoData;
    };
    if (target - baseline).abs() < EPSILON {
        return if (actual - target).abs() < EPSILON { Progress::Achieved } else { Progress::Behind };
    }
    // A NaN share says nothing has passed, rather than poisoning every comparison below.
    let elapsed = if elapsed.is_nan() { 0.0 } else { elapsed.clamp(0.0, 1.0) };
    let direction = (target - baseline).signum();
    // "At least `goal`", in the target's direction.
    let reached = |goal: f64| (actual - goal) * direction > -EPSILON;
    if reached(target) {
        Progress::Achieved
    } else if reached(baseline + (target - baseline) * elapsed) {
        Progress::OnTrack
    } else {
        Progress::Behind
    }
}

/// The share of `year` that has passed on `today`: 0 up to and including 1 January, 1 from 1 January of the next
/// year, and in between the days fully passed over the days in the year (2 July 2026: 182/365).
///
/// Counting whole days passed makes the share grow by one day's worth each midnight and reach 1 exactly when the
/// year is over, so a target due "in 2026" is not judged as due in full on 31 December.
pub fn elapsed_share(year: i32, today: Date) -> f64 {
    let Ok(start) = Date::from_calendar_date(year, Month::January, 1) else {
        return 0.0;
    };
    let passed = (today - start).whole_days();
    let length = i64::from(time::util::days_in_year(year));
    (passed.clamp(0, length) as f64) / (length as f64)
}

coded_enum! {
    /// A figure Volkshuis can compute itself as a commitment's actual value (the store implements the queries).
    pub enum ComputedSource {
        /// The number of units in the corporation's stock.
        UnitsInStock = "units-in-stock",
        /// The number of units let at a social rent.
        SocialRentUnits = "social-rent-units",
        /// The share of tenants with a voice in a participation group (Participatiekaart).
        ParticipationCoverage = "participation-coverage",
        /// Social-return placements.
        SrPlacements = "sr-placements",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn facts(
        unit: &'static str,
        has_target: bool,
        target_year: Option<i32>,
        has_owner: bool,
    ) -> CommitmentFacts<'static> {
        CommitmentFacts { text: "Wij bouwen 120 woningen.", unit, has_target, target_year, has_owner }
    }

    #[test]
    fn codes_round_trip() {
        let themes: Vec<&str> = Theme::ALL.iter().map(|t| t.code()).collect();
        assert_eq!(
            themes,
            ["betaalbaarheid", "doelgroepen", "duurzaamheid", "nieuwbouw", "verkoop", "leefbaarheid", "wonen-en-zorg"]
        );
        assert_eq!(Theme::parse("wonen-en-zorg"), Ok(Theme::WonenEnZorg));
        assert!(Theme::parse("wonen_en_zorg").is_err());
        let sources: Vec<&str> = ComputedSource::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(sources, ["units-in-stock", "social-rent-units", "participation-coverage", "sr-placements"]);
        assert_eq!(ComputedSource::parse("sr-placements"), Ok(ComputedSource::SrPlacements));
        assert_eq!(Concreteness::Partly.code(), "partly");
        assert_eq!(Missing::MeasurableTarget.code(), "measurable-target");
        assert_eq!(Progress::OnTrack.code(), "on-track");
    }

    #[test]
    fn concreteness_needs_a_measurable_target_a_year_and_an_owner() {
        let all = check(&facts("woningen", true, Some(2027), true));
        assert_eq!((all.level, all.missing), (Concreteness::Concrete, vec![]));
        let none = check(&facts("", false, None, false));
        assert_eq!(none.level, Concreteness::Vague);
        assert_eq!(none.missing, [Missing::MeasurableTarget, Missing::Date, Missing::Owner]);
        // A unit without a target figure, or a figure without a unit, is not measurable.
        let no_figure = check(&facts("woningen", false, Some(2027), true));
        assert_eq!((no_figure.level, no_figure.missing), (Concreteness::Partly, vec![Missing::MeasurableTarget]));
        let blank_unit = check(&facts("  ", true, Some(2027), true));
        assert_eq!(blank_unit.missing, [Missing::MeasurableTarget]);
        assert_eq!(check(&facts("woningen", true, None, true)).missing, [Missing::Date]);
        let owner_only = check(&facts("", false, None, true));
        assert_eq!((owner_only.level, owner_only.missing.len()), (Concreteness::Partly, 2));
    }

    #[test]
    fn hedging_phrases_are_a_hint_and_do_not_change_the_level() {
        let text =
            "Wij STREVEN ernaar zo veel\nmogelijk woningen te isoleren en onderzoeken waar mogelijk zonnepanelen.";
        let found = check(&CommitmentFacts { text, ..facts("woningen", true, Some(2027), true) });
        assert_eq!(found.level, Concreteness::Concrete, "the facts are complete");
        // In the order of VAGUE_WORDS, found in any case and across a line break.
        assert_eq!(found.vague_words, ["streven", "zo veel mogelijk", "waar mogelijk", "onderzoeken"]);
        let other = "Zoveel mogelijk, indien mogelijk; partijen zullen zich inspannen en dit in overleg bezien.";
        assert_eq!(
            check(&CommitmentFacts { text: other, ..facts("", false, None, false) }).vague_words,
            ["zoveel mogelijk", "inspannen", "in overleg bezien", "indien mogelijk"]
        );
        assert!(check(&facts("", false, None, false)).vague_words.is_empty());
    }

    #[test]
    fn progress_towards_a_higher_target() {
        // 100 homes insulated at the start, 300 by the end of the year; halfway the line says 200.
        let at = |actual, elapsed| progress(100.0, 300.0, actual, elapsed);
        assert_eq!(at(None, 0.5), Progress::NoData);
        assert_eq!(at(Some(f64::NAN), 0.5), Progress::NoData);
        assert_eq!(at(Some(300.0), 0.1), Progress::Achieved);
        assert_eq!(at(Some(350.0), 0.1), Progress::Achieved);
        assert_eq!(at(Some(200.0), 0.5), Progress::OnTrack, "exactly on the line");
        assert_eq!(at(Some(199.0), 0.5), Progress::Behind);
        assert_eq!(at(Some(100.0), 0.0), Progress::OnTrack, "nothing expected yet");
        assert_eq!(at(Some(299.0), 1.0), Progress::Behind, "the period is over");
        // The share is clamped: more than the whole period expects the target, less than none expects the baseline.
        assert_eq!(at(Some(299.0), 1.5), Progress::Behind);
        assert_eq!(at(Some(100.0), -0.5), Progress::OnTrack);
        // Shares are not exact: 0.1 + 0.2 is a hair above 0.3, and 0.3 is still on that line.
        assert_eq!(progress(0.0, 1.0, Some(0.3), 0.1 + 0.2), Progress::OnTrack);
    }

    #[test]
    fn progress_towards_a_lower_target_means_fewer_is_better() {
        // 20 evictions last year, at most 10 this year; halfway the line says 15.
        let at = |actual, elapsed| progress(20.0, 10.0, actual, elapsed);
        assert_eq!(at(Some(10.0), 0.5), Progress::Achieved);
        assert_eq!(at(Some(8.0), 0.5), Progress::Achieved);
        assert_eq!(at(Some(15.0), 0.5), Progress::OnTrack);
        assert_eq!(at(Some(14.0), 0.5), Progress::OnTrack);
        assert_eq!(at(Some(16.0), 0.5), Progress::Behind);
        assert_eq!(at(Some(25.0), 0.0), Progress::Behind, "worse than the baseline");
    }

    #[test]
    fn progress_with_a_target_equal_to_its_baseline() {
        assert_eq!(progress(50.0, 50.0, Some(50.0), 0.5), Progress::Achieved);
        assert_eq!(progress(50.0, 50.0, Some(50.0 + 1e-12), 0.5), Progress::Achieved);
        assert_eq!(progress(50.0, 50.0, Some(51.0), 0.5), Progress::Behind);
        assert_eq!(progress(50.0, 50.0, Some(49.0), 0.0), Progress::Behind);
    }

    #[test]
    fn the_share_of_the_year_passed_counts_whole_days() {
        assert_eq!(elapsed_share(2026, date!(2025 - 12 - 31)), 0.0);
        assert_eq!(elapsed_share(2026, date!(2026 - 01 - 01)), 0.0);
        assert_eq!(elapsed_share(2026, date!(2026 - 01 - 02)), 1.0 / 365.0);
        // 31 + 28 + 31 + 30 + 31 + 30 = 181 days before July, and 1 July itself has passed by the 2nd.
        assert_eq!(elapsed_share(2026, date!(2026 - 07 - 02)), 182.0 / 365.0);
        assert_eq!(elapsed_share(2026, date!(2026 - 12 - 31)), 364.0 / 365.0);
        assert_eq!(elapsed_share(2026, date!(2027 - 01 - 01)), 1.0);
        assert_eq!(elapsed_share(2026, date!(2030 - 06 - 01)), 1.0);
        // A leap year has 366 days, and 29 February among them: 31 + 29 = 60 days before 1 March 2028.
        assert_eq!(elapsed_share(2028, date!(2028 - 03 - 01)), 60.0 / 366.0);
    }
}
