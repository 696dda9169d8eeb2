//! Bar charts drawn on the server: no script, printable, readable by screen readers. Each bar is a list item whose
//! label and value are HTML text (so a long supplier or target-group name wraps instead of being clipped, as text
//! inside an SVG would be) above a bar drawn as SVG. The template draws; this computes the lengths.

use volkshuis_domain::money::Money;

/// One bar.
pub(super) struct Bar {
    /// What it is.
    pub label: String,
    /// The value as shown.
    pub value: String,
    /// Bar length in percent of the chart's bar area (0–100).
    pub width: u32,
}

/// A horizontal bar chart.
pub(super) struct BarChart {
    /// Heading and accessible name.
    pub title: &'static str,
    /// The bars, largest first as given.
    pub bars: Vec<Bar>,
}

/// A chart of money values with their labels.
pub(super) fn money_chart(title: &'static str, rows: impl IntoIterator<Item = (String, Money)>) -> BarChart {
    let rows: Vec<(String, Money)> = rows.into_iter().collect();
    let max = rows.iter().map(|(_, m)| m.cents()).max().unwrap_or(0).max(1);
    let bars = rows
        .into_iter()
        .map(|(label, money)| Bar {
            label,
            value: money.to_string(),
            width: ((money.cents().max(0) * 100) / max) as u32,
        })
        .collect();
    BarChart { title, bars }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest() {
        let chart =
            money_chart("t", [("a".to_owned(), Money::from_cents(200)), ("b".to_owned(), Money::from_cents(50))]);
        assert_eq!(chart.bars.iter().map(|b| b.width).collect::<Vec<_>>(), vec![100, 25]);
        assert!(money_chart("empty", []).bars.is_empty());
        let negative = money_chart("n", [("a".to_owned(), Money::from_cents(-5))]);
        assert_eq!(negative.bars[0].width, 0, "a negative amount draws no bar");
    }
}
