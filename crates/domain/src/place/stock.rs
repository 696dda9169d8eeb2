//! A place's stock in figures: its units by kind, status, rent band and period of building.

use crate::bezit::rent::RentBand;
use std::collections::BTreeMap;

/// What a unit contributes to its place's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitFacts {
    /// The VERA kind (`soort`), if known.
    pub soort: Option<String>,
    /// The VERA status, if known.
    pub status: Option<String>,
    /// Net rent in cents, if known.
    pub rent_cents: Option<i64>,
    /// Year built, if known.
    pub bouwjaar: Option<i64>,
}

/// A period of building, as housing policy groups them (pre-war, reconstruction, the seventies and eighties, the
/// nineties and noughties, recent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Period {
    /// Before 1945.
    PreWar,
    /// 1945–1969.
    Reconstruction,
    /// 1970–1989.
    Seventies,
    /// 1990–2009.
    Nineties,
    /// 2010 and later.
    Recent,
}

impl Period {
    /// Every period, oldest first.
    pub const ALL: [Period; 5] =
        [Period::PreWar, Period::Reconstruction, Period::Seventies, Period::Nineties, Period::Recent];

    /// The period a year falls in.
    pub fn of(year: i64) -> Self {
        match year {
            ..=1944 => Period::PreWar,
            1945..=1969 => Period::Reconstruction,
            1970..=1989 => Period::Seventies,
            1990..=2009 => Period::Nineties,
            _ => Period::Recent,
        }
    }

    /// The years as a label ("1945–1969").
    pub fn label(self) -> &'static str {
        match self {
            Period::PreWar => "< 1945",
            Period::Reconstruction => "1945–1969",
            Period::Seventies => "1970–1989",
            Period::Nineties => "1990–2009",
            Period::Recent => "≥ 2010",
        }
    }
}

/// The figures of a place's units. Codes stay codes here; the web layer names them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StockSummary {
    /// All units.
    pub units: i64,
    /// Units per kind code (`None`: unknown), largest first in [`StockSummary::by_kind`].
    pub kinds: BTreeMap<Option<String>, i64>,
    /// Units per status code.
    pub statuses: BTreeMap<Option<String>, i64>,
    /// Units per rent band, low to high (units without a rent are not in a band).
    pub rent_bands: Vec<(RentBand, i64)>,
    /// Units without a known rent.
    pub rent_unknown: i64,
    /// Units per period of building, oldest first (units without a year are not in a period).
    pub periods: Vec<(Period, i64)>,
    /// Units without a known year.
    pub period_unknown: i64,
    /// The oldest and newest year built.
    pub built: Option<(i64, i64)>,
    /// The year whose liberalisation limit the rent bands are anchored on.
    pub year: i32,
}

impl StockSummary {
    /// The figures of `units`, with rent bands anchored on the liberalisation limit of `year`.
    pub fn of<'a>(units: impl IntoIterator<Item = &'a UnitFacts>, year: i32) -> Self {
        let mut summary = StockSummary { year, ..StockSummary::default() };
        let mut bands: BTreeMap<usize, i64> = BTreeMap::new();
        let mut periods: BTreeMap<Period, i64> = BTreeMap::new();
        for unit in units {
            summary.units += 1;
            *summary.kinds.entry(unit.soort.clone()).or_default() += 1;
            *summary.statuses.entry(unit.status.clone()).or_default() += 1;
            match unit.rent_cents.and_then(|cents| band_of(cents, year)) {
                Some(index) => *bands.entry(index).or_default() += 1,
                None => summary.rent_unknown += 1,
            }
            match unit.bouwjaar {
                Some(year) => {
                    *periods.entry(Period::of(year)).or_default() += 1;
                    summary.built = Some(match summary.built {
                        None => (year, year),
                        Some((first, last)) => (first.min(year), last.max(year)),
                    });
                }
                None => summary.period_unknown += 1,
            }
        }
        summary.rent_bands = bands.into_iter().map(|(i, n)| (RentBand::ALL[i], n)).collect();
        summary.periods = periods.into_iter().collect();
        summary
    }

    /// Units per kind, most first, ties by code (unknown last).
    pub fn by_kind(&self) -> Vec<(Option<&str>, i64)> {
        ranked(&self.kinds)
    }

    /// Units per status, most first, ties by code (unknown last).
    pub fn by_status(&self) -> Vec<(Option<&str>, i64)> {
        ranked(&self.statuses)
    }
}

fn ranked(counts: &BTreeMap<Option<String>, i64>) -> Vec<(Option<&str>, i64)> {
    let mut list: Vec<(Option<&str>, i64)> = counts.iter().map(|(k, n)| (k.as_deref(), *n)).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.is_none().cmp(&b.0.is_none())).then(a.0.cmp(&b.0)));
    list
}

/// The index in [`RentBand::ALL`] of the band `cents` falls in.
fn band_of(cents: i64, year: i32) -> Option<usize> {
    let band = RentBand::of(cents, year);
    RentBand::ALL.iter().position(|b| *b == band)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(soort: Option<&str>, rent: Option<i64>, bouwjaar: Option<i64>) -> UnitFacts {
        UnitFacts { soort: soort.map(str::to_owned), status: Some("VER".into()), rent_cents: rent, bouwjaar }
    }

    #[test]
    fn counts_units_by_kind_band_and_period() {
        let units = [
            unit(Some("WON"), Some(49_999), Some(1930)),
            unit(Some("WON"), Some(50_000), Some(1944)),
            unit(Some("WON"), Some(93_293), Some(1945)),
            unit(Some("PAR"), Some(93_294), Some(2010)),
            unit(None, None, None),
        ];
        let s = StockSummary::of(&units, 2026);
        assert_eq!(s.units, 5);
        assert_eq!(s.by_kind(), vec![(Some("WON"), 3), (Some("PAR"), 1), (None, 1)]);
        assert_eq!(s.by_status(), vec![(Some("VER"), 5)]);
        // 499.99 is low, 500.00 middle, the 2026 limit itself high (still social rent), a cent above it free.
        assert_eq!(
            s.rent_bands,
            vec![(RentBand::Low, 1), (RentBand::Middle, 1), (RentBand::High, 1), (RentBand::Free, 1)]
        );
        assert_eq!(s.rent_unknown, 1);
        assert_eq!(s.periods, vec![(Period::PreWar, 2), (Period::Reconstruction, 1), (Period::Recent, 1)]);
        assert_eq!(s.period_unknown, 1);
        assert_eq!(s.built, Some((1930, 2010)));
    }

    #[test]
    fn periods_meet_at_their_edges() {
        assert_eq!(Period::of(1944), Period::PreWar);
        assert_eq!(Period::of(1969), Period::Reconstruction);
        assert_eq!(Period::of(1970), Period::Seventies);
        assert_eq!(Period::of(2009), Period::Nineties);
        assert_eq!(Period::of(2010), Period::Recent);
    }

    #[test]
    fn an_empty_place_has_no_figures() {
        let s = StockSummary::of(&[], 2026);
        assert_eq!((s.units, s.built, s.rent_bands.len()), (0, None, 0));
    }
}
