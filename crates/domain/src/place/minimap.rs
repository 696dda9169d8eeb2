//! A place's units as dots on a small map drawn without tiles (an inline SVG): the page needs no map server and
//! prints as it shows.

use std::collections::HashMap;

/// A small map: its size and the dots on it, in SVG user units (y grows downwards).
#[derive(Debug, Clone, PartialEq)]
pub struct MiniMap {
    /// Width of the drawing.
    pub width: u32,
    /// Height of the drawing.
    pub height: u32,
    /// One dot per distinct position (units in one building share a dot), with how many units it stands for.
    pub dots: Vec<(u32, u32, u32)>,
}

/// The margin kept free around the dots, in user units.
const MARGIN: f64 = 8.0;

/// Draws `points` (latitude, longitude) in a box `width` wide, as high as their extent needs (at most `width`,
/// at least a quarter of it). Longitude is shrunk by the cosine of the mean latitude, so shapes keep their
/// proportions at Dutch latitudes. Points outside the Netherlands' rough box or not finite are left out; `None`
/// when nothing is left.
pub fn draw(points: &[(f64, f64)], width: u32) -> Option<MiniMap> {
    let points: Vec<(f64, f64)> = points
        .iter()
        .copied()
        .filter(|(lat, lon)| {
            lat.is_finite() && lon.is_finite() && (50.0..54.0).contains(lat) && (3.0..8.0).contains(lon)
        })
        .collect();
    if points.is_empty() {
        return None;
    }
    let mean_lat = points.iter().map(|p| p.0).sum::<f64>() / points.len() as f64;
    let shrink = mean_lat.to_radians().cos();
    let xy: Vec<(f64, f64)> = points.iter().map(|(lat, lon)| (lon * shrink, -lat)).collect();
    let (min_x, max_x) = xy.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
    let (min_y, max_y) = xy.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let inner = f64::from(width) - 2.0 * MARGIN;
    let (span_x, span_y) = (max_x - min_x, max_y - min_y);
    // One scale for both axes; a single position (or a row) is drawn in the middle.
    let scale = match (span_x > 0.0, span_y > 0.0) {
        (false, false) => 0.0,
        _ => inner / span_x.max(span_y),
    };
    let height = (span_y * scale + 2.0 * MARGIN).clamp(f64::from(width) / 4.0, f64::from(width));
    let (offset_x, offset_y) = ((f64::from(width) - span_x * scale) / 2.0, (height - span_y * scale) / 2.0);
    let mut dots: Vec<(u32, u32, u32)> = Vec::new();
    let mut index: HashMap<(u32, u32), usize> = HashMap::new();
    for (x, y) in xy {
        let at = (((x - min_x) * scale + offset_x).round() as u32, ((y - min_y) * scale + offset_y).round() as u32);
        match index.get(&at) {
            Some(&i) => dots[i].2 += 1,
            None => {
                index.insert(at, dots.len());
                dots.push((at.0, at.1, 1));
            }
        }
    }
    Some(MiniMap { width, height: height.round() as u32, dots })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_building_is_one_dot_in_the_middle() {
        let map = draw(&[(52.37, 4.89), (52.37, 4.89), (52.37, 4.89)], 200).expect("drawn");
        assert_eq!((map.width, map.height), (200, 50));
        assert_eq!(map.dots, vec![(100, 25, 3)]);
    }

    #[test]
    fn north_is_up_and_east_is_right_within_the_margins() {
        // A square of about 1 km: west-south, east-south, west-north.
        let map = draw(&[(52.000, 5.000), (52.000, 5.0146), (52.009, 5.000)], 200).expect("drawn");
        let (sw, se, nw) = (map.dots[0], map.dots[1], map.dots[2]);
        assert!(se.0 > sw.0 && se.1 == sw.1, "east is to the right: {map:?}");
        assert!(nw.1 < sw.1 && nw.0 == sw.0, "north is up: {map:?}");
        for dot in &map.dots {
            assert!((8..=192).contains(&dot.0) && (8..=map.height - 8).contains(&dot.1), "{dot:?} in {map:?}");
        }
        // 0.0146° of longitude at 52° is about as long as 0.009° of latitude: the drawing is about square.
        assert!((185..=200).contains(&map.height), "{map:?}");
    }

    #[test]
    fn points_outside_the_country_or_unknown_are_left_out() {
        assert_eq!(draw(&[(0.0, 0.0), (f64::NAN, 5.0)], 200), None);
        assert_eq!(draw(&[], 200), None);
        assert_eq!(draw(&[(0.0, 0.0), (52.1, 5.1)], 200).expect("one left").dots.len(), 1);
    }
}
