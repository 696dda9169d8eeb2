//! When and where a consultation meeting is held: a start and end time on its day, and a place. Both are optional
//! (meetings planned before they existed have neither, and a meeting may be planned before its hour is known), but
//! a time is a pair: an end without a start, or a start without an end, says nothing a calendar can show.

use crate::text::{Name, TextError};
use time::Time;

/// The hour and place of a meeting, as parsed from the form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MeetingPlan {
    /// Start and end, local time in the Netherlands, the end later than the start on the same day.
    pub hours: Option<(Time, Time)>,
    /// Where (an address, a room, or "online").
    pub place: Option<Name>,
}

/// Why a plan was refused, per field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// Not a time of day (`19:30`).
    #[error("geen tijd (uu:mm)")]
    TimeFormat,
    /// A start without an end.
    #[error("vul ook de eindtijd in")]
    EndMissing,
    /// An end without a start.
    #[error("vul ook de begintijd in")]
    StartMissing,
    /// The end is not after the start.
    #[error("de eindtijd ligt niet na de begintijd")]
    EndNotAfterStart,
    /// The place is not a usable single line.
    #[error("plaats: {0}")]
    Place(TextError),
}

/// A field of the plan, to put a message next to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanField {
    /// The start time.
    Start,
    /// The end time.
    End,
    /// The place.
    Place,
}

impl MeetingPlan {
    /// Parses the form's three fields; every problem is returned with its field, so each shows where it belongs.
    pub fn parse(start: &str, end: &str, place: &str) -> Result<Self, Vec<(PlanField, PlanError)>> {
        let mut problems = Vec::new();
        let (start, end) = (parse_time(start), parse_time(end));
        // A time typed wrongly is reported as such, not also as missing.
        let (start_typed, end_typed) = (start != Ok(None), end != Ok(None));
        let start = start.map_err(|e| problems.push((PlanField::Start, e))).ok().flatten();
        let end = end.map_err(|e| problems.push((PlanField::End, e))).ok().flatten();
        let place = match place.trim() {
            "" => None,
            typed => Name::parse(typed).map_err(|e| problems.push((PlanField::Place, PlanError::Place(e)))).ok(),
        };
        let hours = match (start, end) {
            (Some(start), Some(end)) if end > start => Some((start, end)),
            (Some(_), Some(_)) => {
                problems.push((PlanField::End, PlanError::EndNotAfterStart));
                None
            }
            (Some(_), None) if !end_typed => {
                problems.push((PlanField::End, PlanError::EndMissing));
                None
            }
            (None, Some(_)) if !start_typed => {
                problems.push((PlanField::Start, PlanError::StartMissing));
                None
            }
            _ => None,
        };
        if problems.is_empty() {
            Ok(Self { hours, place })
        } else {
            Err(problems)
        }
    }
}

/// A time of day as a time input sends it (`19:30`, or `19:30:00`) or as typed the Dutch way (`19.30`, `9:05`);
/// empty is `None`.
pub fn parse_time(input: &str) -> Result<Option<Time>, PlanError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    let mut parts = input.split([':', '.']);
    let mut number = |max: u8, digits: std::ops::RangeInclusive<usize>| {
        parts
            .next()
            .filter(|p| digits.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u8>().ok())
            .filter(|n| *n <= max)
    };
    let (Some(hour), Some(minute)) = (number(23, 1..=2), number(59, 2..=2)) else {
        return Err(PlanError::TimeFormat);
    };
    let second = match parts.next() {
        None => 0,
        Some(s) if s.len() == 2 && s == "00" => 0,
        Some(_) => return Err(PlanError::TimeFormat),
    };
    if parts.next().is_some() {
        return Err(PlanError::TimeFormat);
    }
    Time::from_hms(hour, minute, second).map(Some).map_err(|_| PlanError::TimeFormat)
}

/// A time as a time input shows it: `19:30`.
pub fn show_time(time: Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::time;

    #[test]
    fn times_come_from_time_inputs_or_typed() {
        assert_eq!(parse_time("19:30"), Ok(Some(time!(19:30))));
        assert_eq!(parse_time(" 9:05 "), Ok(Some(time!(9:05))));
        assert_eq!(parse_time("19.30"), Ok(Some(time!(19:30))), "the Dutch way");
        assert_eq!(parse_time("19:30:00"), Ok(Some(time!(19:30))), "a time input with seconds");
        assert_eq!(parse_time("00:00"), Ok(Some(time!(0:00))));
        assert_eq!(parse_time(""), Ok(None));
        for bad in ["24:00", "19:60", "19", "19:3", "half acht", "19:30:15", "-1:30", "19:30:00:00", "+9:30"] {
            assert_eq!(parse_time(bad), Err(PlanError::TimeFormat), "{bad}");
        }
        assert_eq!(show_time(time!(9:05)), "09:05");
    }

    #[test]
    fn a_plan_has_both_times_or_neither() {
        let plan = MeetingPlan::parse("19:30", "21:30", "  Buurthuis De Linde ").expect("valid");
        assert_eq!(plan.hours, Some((time!(19:30), time!(21:30))));
        assert_eq!(plan.place.as_ref().map(Name::as_str), Some("Buurthuis De Linde"));
        assert_eq!(MeetingPlan::parse("", "", ""), Ok(MeetingPlan::default()), "nothing planned yet");
        let place_only = MeetingPlan::parse("", "", "Online").expect("a place alone");
        assert_eq!(place_only.hours, None);
        assert_eq!(MeetingPlan::parse("19:30", "", ""), Err(vec![(PlanField::End, PlanError::EndMissing)]));
        assert_eq!(MeetingPlan::parse("", "21:30", ""), Err(vec![(PlanField::Start, PlanError::StartMissing)]));
    }

    #[test]
    fn the_end_comes_after_the_start() {
        assert_eq!(MeetingPlan::parse("21:30", "19:30", ""), Err(vec![(PlanField::End, PlanError::EndNotAfterStart)]));
        assert_eq!(MeetingPlan::parse("19:30", "19:30", ""), Err(vec![(PlanField::End, PlanError::EndNotAfterStart)]));
    }

    #[test]
    fn every_problem_is_reported_at_its_field() {
        let long = "x".repeat(Name::MAX + 1);
        let problems = MeetingPlan::parse("19:30", "", &long).expect_err("two problems");
        assert_eq!(
            problems,
            vec![
                (PlanField::Place, PlanError::Place(TextError::TooLong { max: Name::MAX })),
                (PlanField::End, PlanError::EndMissing),
            ]
        );
        let problems = MeetingPlan::parse("25:00", "21:30", &long).expect_err("two problems");
        assert_eq!(
            problems,
            vec![
                (PlanField::Start, PlanError::TimeFormat),
                (PlanField::Place, PlanError::Place(TextError::TooLong { max: Name::MAX })),
            ],
            "a bad start is not also reported as missing"
        );
        let problems = MeetingPlan::parse("19:30", "later", "").expect_err("bad end");
        assert_eq!(problems, vec![(PlanField::End, PlanError::TimeFormat)]);
    }
}
