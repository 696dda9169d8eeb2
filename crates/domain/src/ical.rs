//! iCalendar text (RFC 5545) for a subscribed calendar: deadlines as all-day events, meetings as events at a local
//! time in Europe/Amsterdam. A small writer rather than a crate (ADR 0034): it writes the few properties a
//! subscription needs, with the three things a writer must get right — CRLF line ends, lines folded at 75 octets
//! without splitting a character, and TEXT values escaped (`\\`, `\;`, `\,`, `\n`).

use time::{Date, Duration, OffsetDateTime, Time};

/// The time zone of every timed event: the calendar carries its definition ([`VTIMEZONE`]), so an event keeps the
/// local time that was typed, whatever the client's own zone, and summer time is the client's to apply.
pub const TIME_ZONE: &str = "Europe/Amsterdam";

/// Europe/Amsterdam by the EU rule (summer time from the last Sunday of March, 02:00, to the last Sunday of October,
/// 03:00), as Outlook, Google Calendar and Apple Calendar write it themselves.
const VTIMEZONE: [&str; 18] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "X-LIC-LOCATION:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// The longest content line in octets, CRLF not counted (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

/// A calendar to publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// The name a client shows for the subscription.
    pub name: String,
    /// How often a client should fetch it again.
    pub refresh: Duration,
    /// The events, in the order written.
    pub events: Vec<Event>,
}

/// When an event takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The whole day (a deadline): `DTSTART;VALUE=DATE`, ending the next day.
    AllDay(Date),
    /// From `starts` to `ends` on `date`, local time in [`TIME_ZONE`].
    Local {
        /// The day.
        date: Date,
        /// The start.
        starts: Time,
        /// The end, later than the start on the same day.
        ends: Time,
    },
}

/// A reminder the client shows before the event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alarm {
    /// How long before the start: for an all-day event the start is midnight, so 6 days 15 hours is 09:00 a week
    /// ahead.
    pub before: Duration,
    /// The reminder's text.
    pub text: String,
}

/// One event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// A stable id, the same at every fetch, so a client updates the event instead of adding another.
    pub uid: String,
    /// When.
    pub when: When,
    /// The title.
    pub summary: String,
    /// A short explanation (may hold line breaks).
    pub description: String,
    /// Where, for a meeting.
    pub location: Option<String>,
    /// The page where it is done.
    pub url: Option<String>,
    /// Whether the event makes its owner busy (a meeting does, a deadline does not).
    pub busy: bool,
    /// Reminders.
    pub alarms: Vec<Alarm>,
}

/// The calendar as iCalendar text, stamped with `now` (`DTSTAMP`: when this copy was made).
pub fn write(calendar: &Calendar, now: OffsetDateTime) -> String {
    let mut out = String::new();
    let stamp = utc_stamp(now);
    let refresh = duration_value(calendar.refresh);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Volkshuis//Agenda//NL");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("NAME:{}", escape_text(&calendar.name)));
    line(&mut out, &format!("X-WR-CALNAME:{}", escape_text(&calendar.name)));
    line(&mut out, &format!("X-WR-TIMEZONE:{TIME_ZONE}"));
    line(&mut out, &format!("REFRESH-INTERVAL;VALUE=DURATION:{refresh}"));
    line(&mut out, &format!("X-PUBLISHED-TTL:{refresh}"));
    if calendar.events.iter().any(|e| matches!(e.when, When::Local { .. })) {
        for text in VTIMEZONE {
            line(&mut out, text);
        }
    }
    for event in &calendar.events {
        write_event(&mut out, event, &stamp);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn write_event(out: &mut String, event: &Event, stamp: &str) {
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}", escape_text(&event.uid)));
    line(out, &format!("DTSTAMP:{stamp}"));
    match event.when {
        When::AllDay(date) => {
            line(out, &format!("DTSTART;VALUE=DATE:{}", date_value(date)));
            let next = date.next_day().unwrap_or(date);
            line(out, &format!("DTEND;VALUE=DATE:{}", date_value(next)));
        }
        When::Local { date, starts, ends } => {
            line(out, &format!("DTSTART;TZID={TIME_ZONE}:{}", local_value(date, starts)));
            line(out, &format!("DTEND;TZID={TIME_ZONE}:{}", local_value(date, ends)));
        }
    }
    line(out, &format!("SUMMARY:{}", escape_text(&event.summary)));
    if !event.description.is_empty() {
        line(out, &format!("DESCRIPTION:{}", escape_text(&event.description)));
    }
    if let Some(location) = &event.location {
        line(out, &format!("LOCATION:{}", escape_text(location)));
    }
    if let Some(url) = &event.url {
        // A URI, not TEXT: written as it is, but never with a line break in it.
        line(out, &format!("URL:{}", url.replace(['\r', '\n'], "")));
    }
    line(out, if event.busy { "TRANSP:OPAQUE" } else { "TRANSP:TRANSPARENT" });
    for alarm in &event.alarms {
        line(out, "BEGIN:VALARM");
        line(out, "ACTION:DISPLAY");
        line(out, &format!("DESCRIPTION:{}", escape_text(&alarm.text)));
        line(out, &format!("TRIGGER:{}", duration_value(-alarm.before)));
        line(out, "END:VALARM");
    }
    line(out, "END:VEVENT");
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, a line break becomes
/// `\n`; other control characters (which TEXT may not hold) are dropped, tabs kept.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                // CRLF and a lone CR are one line break each.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded (RFC 5545 §3.1): at most 75 octets per line, each continuation starting with
/// one space (which counts), never inside a UTF-8 character; every line ends with CRLF.
pub fn line(out: &mut String, content: &str) {
    let mut room = LINE_OCTETS;
    let mut used = 0;
    for c in content.chars() {
        let size = c.len_utf8();
        if used + size > room {
            out.push_str("\r\n ");
            room = LINE_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += size;
    }
    out.push_str("\r\n");
}

/// `YYYYMMDD`.
fn date_value(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), u8::from(date.month()), date.day())
}

/// `YYYYMMDDTHHMMSS`, a local time (the zone is in the `TZID` parameter).
fn local_value(date: Date, time: Time) -> String {
    format!("{}T{:02}{:02}{:02}", date_value(date), time.hour(), time.minute(), time.second())
}

/// `YYYYMMDDTHHMMSSZ`.
fn utc_stamp(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!("{}Z", local_value(at.date(), at.time()))
}

/// A duration value (RFC 5545 §3.3.6): `PT1H`, `-P6DT15H`, `P0D`; seconds below a minute are dropped.
pub fn duration_value(duration: Duration) -> String {
    let sign = if duration.is_negative() { "-" } else { "" };
    let total = duration.whole_minutes().unsigned_abs();
    let (days, hours, minutes) = (total / (24 * 60), total / 60 % 24, total % 60);
    let mut out = format!("{sign}P");
    if days > 0 {
        out.push_str(&format!("{days}D"));
    }
    if hours > 0 || minutes > 0 {
        out.push('T');
        if hours > 0 {
            out.push_str(&format!("{hours}H"));
        }
        if minutes > 0 {
            out.push_str(&format!("{minutes}M"));
        }
    }
    if total == 0 {
        out.push_str("0D");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime, time};

    fn deadline() -> Event {
        Event {
            uid: "overleg-case-4-answer@volkshuis.test".to_owned(),
            when: When::AllDay(date!(2027 - 01 - 06)),
            summary: "Antwoord uiterlijk: Isolatie, daken; fase 2".to_owned(),
            description: "6 weken na ontvangst van de adviesaanvraag, zie artikel 5 Overlegwet\nVerzoek van Woonstad"
                .to_owned(),
            location: None,
            url: Some("https://volkshuis.test/orgs/2/overleg/4".to_owned()),
            busy: false,
            alarms: vec![Alarm { before: Duration::days(6) + Duration::hours(15), text: "Nog 7 dagen".to_owned() }],
        }
    }

    fn meeting() -> Event {
        Event {
            uid: "overleg-meeting-9@volkshuis.test".to_owned(),
            when: When::Local { date: date!(2026 - 12 - 10), starts: time!(19:30), ends: time!(21:30) },
            summary: "Overlegvergadering".to_owned(),
            description: String::new(),
            location: Some("Buurthuis De Linde, zaal 2".to_owned()),
            url: None,
            busy: true,
            alarms: Vec::new(),
        }
    }

    fn calendar(events: Vec<Event>) -> Calendar {
        Calendar { name: "Volkshuis — Dirk Bakker".to_owned(), refresh: Duration::hours(1), events }
    }

    const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a, b; c\\d"), "a\\, b\\; c\\\\d");
        assert_eq!(escape_text("een\ntwee\r\ndrie\rvier"), "een\\ntwee\\ndrie\\nvier");
        assert_eq!(escape_text("tab\there\u{7}bell"), "tab\therebell", "tabs stay, other control characters go");
        assert_eq!(escape_text("Café “De Linde”: 19:30"), "Café “De Linde”: 19:30", "colons and quotes stay");
    }

    #[test]
    fn short_lines_are_not_folded_and_end_with_crlf() {
        let mut out = String::new();
        line(&mut out, "SUMMARY:kort");
        assert_eq!(out, "SUMMARY:kort\r\n");
        let exact = "X".repeat(75);
        let mut out = String::new();
        line(&mut out, &exact);
        assert_eq!(out, format!("{exact}\r\n"), "75 octets fit on one line");
    }

    #[test]
    fn long_lines_fold_at_75_octets_and_unfold_to_the_original() {
        let content = format!("DESCRIPTION:{}", "abcdefghij".repeat(20));
        let mut out = String::new();
        line(&mut out, &content);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines.last(), Some(&""), "ends with CRLF");
        let lines = &lines[..lines.len() - 1];
        assert_eq!(lines[0].len(), 75);
        assert!(lines[1..].iter().all(|l| l.starts_with(' ') && l.len() <= 75), "{lines:?}");
        assert_eq!(lines[1].len(), 75, "a continuation is a space and 74 octets");
        assert_eq!(out.replace("\r\n ", "").trim_end(), content, "unfolding gives the line back");
    }

    #[test]
    fn folding_never_splits_a_character() {
        // "é" is two octets and "€" three: a line full of them cannot end exactly at 75.
        for text in ["é".repeat(100), "€".repeat(60), format!("SUMMARY:{}", "aé€".repeat(30))] {
            let mut out = String::new();
            line(&mut out, &text);
            for l in out.split("\r\n") {
                assert!(l.len() <= 75, "{} octets: {l}", l.len());
            }
            assert_eq!(out.replace("\r\n ", "").trim_end(), text);
        }
    }

    /// Every line ends with CRLF and none is longer than 75 octets. Checked apart from the snapshots, which show
    /// line ends as `\n` (insta compares text with its line ends normalised).
    fn assert_crlf_and_folded(text: &str) {
        assert!(text.ends_with("\r\n"), "{text}");
        assert!(!text.replace("\r\n", "").contains(['\n', '\r']), "no bare line feeds or returns: {text:?}");
        for l in text.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
    }

    /// A deadline alone: an all-day event with its alarm, TEXT values escaped, a long description folded, no
    /// time zone (no event needs one) and no empty properties (no location).
    #[test]
    fn a_calendar_with_a_deadline() {
        let text = write(&calendar(vec![deadline()]), NOW);
        assert_crlf_and_folded(&text);
        insta::assert_snapshot!(text);
    }

    /// A deadline and a meeting: the whole calendar, with the zone defined before the meeting that names it, the
    /// meeting busy at local times, its empty description left out.
    #[test]
    fn a_calendar_with_a_deadline_and_a_meeting() {
        let text = write(&calendar(vec![deadline(), meeting()]), NOW);
        assert_crlf_and_folded(&text);
        insta::assert_snapshot!(text);
    }

    #[test]
    fn an_empty_calendar_is_still_a_calendar() {
        let text = write(&calendar(Vec::new()), NOW);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.contains("VEVENT"));
    }

    #[test]
    fn durations_are_written_as_rfc_5545_values() {
        assert_eq!(duration_value(Duration::hours(1)), "PT1H");
        assert_eq!(duration_value(-(Duration::days(6) + Duration::hours(15))), "-P6DT15H");
        assert_eq!(duration_value(-Duration::days(13) - Duration::hours(15)), "-P13DT15H");
        assert_eq!(duration_value(Duration::minutes(90)), "PT1H30M");
        assert_eq!(duration_value(Duration::days(2)), "P2D");
        assert_eq!(duration_value(Duration::ZERO), "P0D");
    }

    #[test]
    fn the_stamp_is_utc() {
        let text = write(&calendar(vec![deadline()]), datetime!(2026-07-01 23:30 +2));
        assert!(text.contains("DTSTAMP:20260701T213000Z"), "{text}");
    }
}
