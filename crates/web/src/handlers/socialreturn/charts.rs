//! Bar charts as SVG, drawn on the server: no script, printable, readable by screen readers (a title and a
//! description per bar). The template draws; this computes the geometry.

use volkshuis_domain::money::Money;

/// One bar.
pub(super) struct Bar {
    /// What it is.
    pub label: String,
    /// The value as shown.
    pub value: String,
    /// Bar length in percent of the chart's bar area (0–100).
    pub width: u32,
    /// Top of the row, in pixels.
    pub y: u32,
}

/// A horizontal bar chart.
pub(super) struct BarChart {
    /// Heading and accessible name.
    pub title: &'static str,
    /// The bars, largest first as given.
    pub bars: Vec<Bar>,
    /// Total height in pixels.
    pub height: u32,
}

/// Pixels per bar row (label above, bar below).
const ROW: u32 = 44;

/// A chart of money values with their labels.
pub(super) fn money_chart(title: &'static str, rows: impl IntoIterator<Item = (String, Money)>) -> BarChart {
    let rows: Vec<(String, Money)> = rows.into_iter().collect();
    let max = rows.iter().map(|(_, m)| m.cents()).max().unwrap_or(0).max(1);
    let bars: Vec<Bar> = rows
        .into_iter()
        .enumerate()
        .map(|(i, (label, money))| Bar {
            label,
            value: money.to_string(),
            width: ((money.cents().max(0) * 100) / max) as u32,
            y: i as u32 * ROW,
        })
        .collect();
    BarChart { title, height: (bars.len() as u32 * ROW).max(ROW), bars }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest() {
        let chart =
            money_chart("t", [("a".to_owned(), Money::from_cents(200)), ("b".to_owned(), Money::from_cents(50))]);
        assert_eq!(chart.bars.iter().map(|b| b.width).collect::<Vec<_>>(), vec![100, 25]);
        assert_eq!(chart.bars[1].y, 44);
        assert_eq!(chart.height, 88);
        assert_eq!(money_chart("empty", []).height, 44);
    }
}
