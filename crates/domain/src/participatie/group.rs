//! Participation groups: what they are, how they reach tenants, what they did, and the Overlegwet checks.

use crate::coded_enum;
use time::{Date, Duration};

coded_enum! {
    /// The kinds of participation group.
    pub enum GroupKind {
        /// An umbrella of tenant organisations.
        Koepel = "koepel",
        /// A huurdersorganisatie (Overlegwet art. 1).
        Huurdersorganisatie = "huurdersorganisatie",
        /// A bewonerscommissie of one wooncomplex.
        Bewonerscommissie = "bewonerscommissie",
        /// A liveability group.
        Leefbaarheidsgroep = "leefbaarheidsgroep",
        /// A sounding-board group.
        Klankbordgroep = "klankbordgroep",
        /// A theme or deepening group.
        Themagroep = "themagroep",
        /// A digital panel.
        DigitaalPanel = "digitaal_panel",
        /// Tenants in a neighbourhood council.
        Wijkraad = "wijkraad",
        /// Tenants in an owners' association (VvE).
        Vve = "vve",
        /// Anything else.
        Overig = "overig",
    }
}

coded_enum! {
    /// How a group reaches tenants.
    pub enum Channel {
        /// Meetings.
        Meetings = "meetings",
        /// Home visits.
        HomeVisits = "home_visits",
        /// A digital panel.
        DigitalPanel = "digital_panel",
        /// Social media.
        SocialMedia = "social_media",
        /// A newsletter.
        Newsletter = "newsletter",
        /// A neighbourhood app or chat group.
        Chat = "chat",
    }
}

coded_enum! {
    /// What a group did.
    pub enum ActivityKind {
        /// A meeting.
        Meeting = "meeting",
        /// The yearly members' meeting (Overlegwet criterion 3).
        MembersMeeting = "members_meeting",
        /// Home visits.
        HomeVisits = "home_visits",
        /// A panel round.
        PanelRound = "panel_round",
        /// A conference.
        Conference = "conference",
        /// A theme evening.
        ThemeEvening = "theme_evening",
    }
}

coded_enum! {
    /// The Overlegwet criteria for a huurdersorganisatie (all four) or a bewonerscommissie (2–4).
    pub enum Criterion {
        /// (1) A board chosen by and from the tenants.
        ChosenBoard = "chosen_board",
        /// (2) Keeps tenants informed and involves them in its positions.
        InformsAndInvolves = "informs_involves",
        /// (3) At least one meeting a year for the tenants, accounting for the past year and setting plans.
        YearlyMeeting = "yearly_meeting",
        /// (4) Open to every tenant.
        OpenToAll = "open_to_all",
    }
}

impl GroupKind {
    /// Whether this is a formal body under the Overlegwet (recognition with the criteria).
    pub fn is_formal(self) -> bool {
        matches!(self, GroupKind::Huurdersorganisatie | GroupKind::Bewonerscommissie)
    }

    /// The criteria that apply to the kind (none for informal groups).
    pub fn criteria(self) -> &'static [Criterion] {
        match self {
            GroupKind::Huurdersorganisatie => Criterion::ALL,
            GroupKind::Bewonerscommissie => &Criterion::ALL[1..],
            _ => &[],
        }
    }
}

/// One criterion as checked: met or not, with the evidence and the date of the check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionCheck {
    /// Which criterion.
    pub criterion: Criterion,
    /// Whether it is met.
    pub met: bool,
    /// The evidence (statutes, minutes, newsletter…).
    pub evidence: String,
    /// When it was checked.
    pub checked_on: Date,
}

/// Whether a formal body meets every criterion of its kind (an informal group never does).
pub fn meets_criteria(kind: GroupKind, checks: &[CriterionCheck]) -> bool {
    kind.is_formal() && kind.criteria().iter().all(|c| checks.iter().any(|k| k.criterion == *c && k.met))
}

/// Where a group stands under the Overlegwet. Recognition is the landlord's decision (RULES.md: the landlord may
/// refuse to recognise a committee that cannot show it represents the residents): the group, or whoever keeps it,
/// shows the criteria; the corporation recognises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recognition {
    /// Not a formal body (a panel, a leefbaarheidsgroep…): nothing to recognise.
    Informal,
    /// A formal body whose criteria are not all shown to be met.
    CriteriaOpen,
    /// Its criteria are met; the corporation has not recognised it (yet).
    AwaitingLandlord,
    /// Criteria met and recognised by the corporation.
    Recognised,
}

/// The recognition of a group of `kind` with these `checks`, `by_landlord` when the corporation recognised it. A
/// recognised body whose criteria lapse (a criterion unticked) is no longer counted as recognised.
pub fn recognition(kind: GroupKind, checks: &[CriterionCheck], by_landlord: bool) -> Recognition {
    match (kind.is_formal(), meets_criteria(kind, checks), by_landlord) {
        (false, _, _) => Recognition::Informal,
        (true, false, _) => Recognition::CriteriaOpen,
        (true, true, false) => Recognition::AwaitingLandlord,
        (true, true, true) => Recognition::Recognised,
    }
}

/// Whether a group counts as a recognised formal body.
pub fn recognised(kind: GroupKind, checks: &[CriterionCheck], by_landlord: bool) -> bool {
    recognition(kind, checks, by_landlord) == Recognition::Recognised
}

/// A group with no activity for twelve months is fading. A group younger than that is not judged yet, nor one
/// registered in Volkshuis less than twelve months ago: its activities before that were never recorded here, and a
/// group registered today was listed as a year without activity on the day it arrived.
pub fn is_fading(started_on: Option<Date>, registered_on: Date, last_activity: Option<Date>, today: Date) -> bool {
    let year_ago = today - Duration::days(365);
    registered_on < year_ago
        && match last_activity {
            Some(last) => last < year_ago,
            None => started_on.is_none_or(|s| s < year_ago),
        }
}

/// The first calendar year a group existed in full: the year it started when it started on 1 January, otherwise
/// the next.
pub fn first_full_year(started_on: Date) -> i32 {
    if started_on.ordinal() == 1 {
        started_on.year()
    } else {
        started_on.year() + 1
    }
}

/// A formal body without a yearly members' meeting in the last calendar year misses criterion 3. The Overlegwet's
/// yearly duties apply from the first full calendar year of a group's existence, so a year before that is not
/// judged. A group without a known start is judged every year (nothing shows it is new) — but only years it was
/// registered in Volkshuis in: a group registered this year is not asked about last year's meeting on its first day.
pub fn misses_yearly_meeting(
    kind: GroupKind,
    started_on: Option<Date>,
    registered_on: Date,
    members_meetings: &[Date],
    today: Date,
) -> bool {
    let last_year = today.year() - 1;
    let due = started_on.is_none_or(|s| last_year >= first_full_year(s)) && registered_on.year() <= last_year;
    kind.is_formal() && due && !members_meetings.iter().any(|d| d.year() == last_year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    /// Registered in Volkshuis long before any day these tests judge.
    const LONG_AGO: Date = date!(2019 - 01 - 01);

    fn check(criterion: Criterion, met: bool) -> CriterionCheck {
        CriterionCheck { criterion, met, evidence: "statuten".into(), checked_on: date!(2026 - 03 - 01) }
    }

    #[test]
    fn recognition_needs_every_criterion_of_the_kind_and_the_landlord() {
        let three =
            [Criterion::InformsAndInvolves, Criterion::YearlyMeeting, Criterion::OpenToAll].map(|c| check(c, true));
        assert!(recognised(GroupKind::Bewonerscommissie, &three, true), "a committee needs 2–4");
        assert!(
            !recognised(GroupKind::Huurdersorganisatie, &three, true),
            "an organisation needs the chosen board too"
        );
        let mut four = three.to_vec();
        four.push(check(Criterion::ChosenBoard, true));
        assert!(recognised(GroupKind::Huurdersorganisatie, &four, true));
        four[0].met = false;
        assert!(!recognised(GroupKind::Huurdersorganisatie, &four, true), "a criterion checked and not met");
        assert!(!recognised(GroupKind::Leefbaarheidsgroep, &four, true), "informal groups are not recognised bodies");
    }

    #[test]
    fn the_landlord_recognises_a_body_whose_criteria_are_met() {
        use Recognition::*;
        let met =
            [Criterion::InformsAndInvolves, Criterion::YearlyMeeting, Criterion::OpenToAll].map(|c| check(c, true));
        let committee = GroupKind::Bewonerscommissie;
        assert_eq!(recognition(committee, &met, false), AwaitingLandlord, "the group's own claim is not enough");
        assert_eq!(recognition(committee, &met, true), Recognised);
        assert_eq!(recognition(committee, &met[..2], true), CriteriaOpen, "recognised, then a criterion lapsed");
        assert_eq!(recognition(committee, &[], false), CriteriaOpen);
        assert_eq!(recognition(GroupKind::DigitaalPanel, &met, true), Informal);
        assert!(!recognised(committee, &met, false));
    }

    #[test]
    fn fading_after_twelve_months_without_activity() {
        let today = date!(2026 - 11 - 25);
        assert!(!is_fading(Some(date!(2020 - 01 - 01)), LONG_AGO, Some(date!(2026 - 01 - 10)), today));
        assert!(is_fading(Some(date!(2020 - 01 - 01)), LONG_AGO, Some(date!(2025 - 11 - 24)), today));
        assert!(!is_fading(Some(date!(2026 - 06 - 01)), LONG_AGO, None, today), "new groups get a year");
        assert!(is_fading(None, LONG_AGO, None, today), "no start and no activity: nothing to show");
        // Registered a minute ago, with no start date and no activity yet: not judged for a year.
        assert!(!is_fading(None, today, None, today), "registered today");
        assert!(!is_fading(None, date!(2025 - 11 - 26), None, today));
        assert!(is_fading(None, date!(2025 - 11 - 24), None, today), "registered a year ago, nothing since");
        let old_activity = Some(date!(2025 - 10 - 01));
        assert!(!is_fading(None, today, old_activity, today), "registered today with an activity entered back-dated");
    }

    #[test]
    fn the_yearly_members_meeting_of_last_calendar_year() {
        let today = date!(2026 - 11 - 25);
        let old = Some(date!(2020 - 01 - 01));
        assert!(!misses_yearly_meeting(GroupKind::Huurdersorganisatie, old, LONG_AGO, &[date!(2025 - 04 - 15)], today));
        assert!(
            misses_yearly_meeting(GroupKind::Huurdersorganisatie, old, LONG_AGO, &[date!(2026 - 04 - 15)], today),
            "this year's does not count for last year"
        );
        assert!(misses_yearly_meeting(GroupKind::Bewonerscommissie, old, LONG_AGO, &[], today));
        assert!(
            misses_yearly_meeting(GroupKind::Bewonerscommissie, None, LONG_AGO, &[], today),
            "no known start: judged"
        );
        assert!(
            !misses_yearly_meeting(GroupKind::DigitaalPanel, old, LONG_AGO, &[], today),
            "informal groups have no such duty"
        );
        // Registered this year: last year is not asked for, next year this year is.
        let this_year = date!(2026 - 03 - 01);
        assert!(
            !misses_yearly_meeting(GroupKind::Bewonerscommissie, None, this_year, &[], today),
            "registered in 2026"
        );
        assert!(misses_yearly_meeting(GroupKind::Bewonerscommissie, None, this_year, &[], date!(2027 - 01 - 05)));
        assert!(misses_yearly_meeting(GroupKind::Bewonerscommissie, None, date!(2025 - 12 - 31), &[], today));
    }

    #[test]
    fn the_criteria_apply_from_the_first_full_calendar_year() {
        assert_eq!(first_full_year(date!(2025 - 01 - 01)), 2025, "founded on 1 January: that year is full");
        assert_eq!(first_full_year(date!(2025 - 01 - 02)), 2026, "a day later: the next year is the first full one");
        assert_eq!(first_full_year(date!(2024 - 12 - 31)), 2025);
        let committee = GroupKind::Bewonerscommissie;
        // Founded in November 2026: not flagged for 2025 (it did not exist), nor in 2027 for 2026 (not a full year).
        let november = Some(date!(2026 - 11 - 10));
        assert!(!misses_yearly_meeting(committee, november, LONG_AGO, &[], date!(2026 - 11 - 25)));
        assert!(!misses_yearly_meeting(committee, november, LONG_AGO, &[], date!(2027 - 06 - 01)));
        // In 2028 its first full year, 2027, is judged.
        assert!(misses_yearly_meeting(committee, november, LONG_AGO, &[], date!(2028 - 01 - 01)));
        assert!(!misses_yearly_meeting(committee, november, LONG_AGO, &[date!(2027 - 03 - 01)], date!(2028 - 01 - 01)));
        // The boundary: founded 1 January 2025 is judged for 2025 in 2026; founded 2 January 2025 is not.
        let today = date!(2026 - 02 - 01);
        assert!(misses_yearly_meeting(committee, Some(date!(2025 - 01 - 01)), LONG_AGO, &[], today));
        assert!(!misses_yearly_meeting(committee, Some(date!(2025 - 01 - 02)), LONG_AGO, &[], today));
        assert!(misses_yearly_meeting(committee, Some(date!(2025 - 01 - 02)), LONG_AGO, &[], date!(2027 - 01 - 01)));
    }
}
