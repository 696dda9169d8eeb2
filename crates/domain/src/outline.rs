//! Light outlines of areas for a map whose background tiles cannot load: only the areas in view, their rings
//! simplified to what a screen shows at the zoom level (and rounded to match), each with a point inside it where its
//! name can go. The map then shows where things are without a single tile (see `docs/adr/0036-…`).

use crate::boundaries::Area;
use crate::geo::Polygon;

/// A map view or a bounding box: `[west, south, east, north]` in degrees.
pub type BBox = [f64; 4];

/// One area's outline as a map draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    /// CBS code (`GM0363`).
    pub code: String,
    /// Name.
    pub name: String,
    /// Its polygons, each its rings (the outline first, then holes) of closed `[lon, lat]` lists.
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
    /// A point inside its largest polygon, where its name goes.
    pub label: [f64; 2],
    /// Its bounding box, so the map can tell whether the name fits at the zoom it shows.
    pub bbox: BBox,
}

/// Degrees of longitude one screen pixel spans at a Web Mercator zoom level (256-pixel tiles).
pub fn degrees_per_pixel(zoom: u8) -> f64 {
    360.0 / (256.0 * 2f64.powi(i32::from(zoom.min(24))))
}

/// The simplification tolerance at a zoom level: one pixel of latitude at Dutch latitudes (a degree of latitude spans
/// about 1/cos 52° = 1.6 times the pixels of a degree of longitude there), so no simplified edge strays a pixel.
pub fn tolerance(zoom: u8) -> f64 {
    degrees_per_pixel(zoom) * 0.6
}

/// Decimals that keep a coordinate within a quarter of the tolerance (a quarter pixel): finer would only make the JSON
/// bigger.
fn decimals(tolerance: f64) -> i32 {
    ((-(tolerance / 4.0).log10()).ceil() as i32).clamp(2, 7)
}

fn round(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

/// Parses a view as a map sends it, `west,south,east,north` in degrees: four finite numbers, west below east and south
/// below north, on the globe.
pub fn parse_view(text: &str) -> Option<BBox> {
    let values: Vec<f64> =
        text.split(',').map(|v| v.trim().parse::<f64>().ok().filter(|v| v.is_finite())).collect::<Option<_>>()?;
    let [w, s, e, n]: [f64; 4] = values.try_into().ok()?;
    let on_globe = (-180.0..=180.0).contains(&w) && (-180.0..=180.0).contains(&e);
    let on_globe = on_globe && (-90.0..=90.0).contains(&s) && (-90.0..=90.0).contains(&n);
    (w < e && s < n && on_globe).then_some([w, s, e, n])
}

/// Whether two boxes share a point.
pub fn intersects(a: BBox, b: BBox) -> bool {
    a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

/// The distance from `p` to the segment `a`–`b`, in degrees (flat: outlines are drawn, not measured).
fn segment_distance(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let length2 = dx * dx + dy * dy;
    let t = if length2 == 0.0 { 0.0 } else { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2).clamp(0.0, 1.0) };
    let (x, y) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    (x * x + y * y).sqrt()
}

/// Douglas–Peucker: the fewest points of `line` that keep every dropped point within `tolerance` of the result. The
/// first and last points stay; a closed ring is first split at the point farthest from its start, so both halves have
/// two distinct ends. Iterative, so a ring of a hundred thousand points cannot overflow the stack.
pub fn simplify(line: &[[f64; 2]], tolerance: f64) -> Vec<[f64; 2]> {
    let n = line.len();
    if n < 3 {
        return line.to_vec();
    }
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[n - 1] = true;
    let mut stack = Vec::new();
    if line[0] == line[n - 1] {
        let far = (1..n - 1)
            .max_by(|&i, &j| {
                segment_distance(line[i], line[0], line[0]).total_cmp(&segment_distance(line[j], line[0], line[0]))
            })
            .unwrap_or(n / 2);
        keep[far] = true;
        stack.extend([(0, far), (far, n - 1)]);
    } else {
        stack.push((0, n - 1));
    }
    while let Some((first, last)) = stack.pop() {
        if last <= first + 1 {
            continue;
        }
        let (mut worst, mut index) = (0.0, first);
        for (i, point) in line.iter().enumerate().take(last).skip(first + 1) {
            let d = segment_distance(*point, line[first], line[last]);
            if d > worst {
                (worst, index) = (d, i);
            }
        }
        if worst > tolerance {
            keep[index] = true;
            stack.extend([(first, index), (index, last)]);
        }
    }
    line.iter().zip(keep).filter_map(|(p, k)| k.then_some(*p)).collect()
}

fn ring_bbox(ring: &[[f64; 2]]) -> BBox {
    ring.iter().fold([f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY], |b, [x, y]| {
        [b[0].min(*x), b[1].min(*y), b[2].max(*x), b[3].max(*y)]
    })
}

/// A ring as drawn at this tolerance: closed, simplified, rounded, without repeated points; `None` when it is smaller
/// than a pixel or two (an islet, a sliver) or collapses to fewer than three corners.
fn drawn_ring(ring: &[[f64; 2]], tolerance: f64, decimals: i32) -> Option<Vec<[f64; 2]>> {
    let b = ring_bbox(ring);
    if b[2] - b[0] < 2.0 * tolerance && b[3] - b[1] < 2.0 * tolerance {
        return None;
    }
    let mut closed = ring.to_vec();
    if closed.first() != closed.last() {
        closed.push(closed[0]);
    }
    let mut out: Vec<[f64; 2]> = Vec::new();
    for [x, y] in simplify(&closed, tolerance) {
        let point = [round(x, decimals), round(y, decimals)];
        if out.last() != Some(&point) {
            out.push(point);
        }
    }
    // A closed triangle is four points: the first again at the end.
    (out.len() >= 4).then_some(out)
}

/// The area of a ring (shoelace), unsigned, in square degrees.
fn ring_area(ring: &[[f64; 2]]) -> f64 {
    let twice: f64 = ring.windows(2).map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1]).sum();
    (twice / 2.0).abs()
}

/// A point inside the polygon for its name: on a few horizontal lines through its middle, the midpoint of the widest
/// stretch that lies inside (between an entry and an exit of its rings, holes included). The middle of the bounding
/// box would fall outside a crescent or a U-shaped municipality.
pub fn label_point(polygon: &Polygon) -> [f64; 2] {
    let b = polygon.bbox();
    let mut best: Option<(f64, [f64; 2])> = None;
    for share in [0.5, 0.35, 0.65, 0.2, 0.8] {
        let y = b[1] + (b[3] - b[1]) * share;
        let mut crossings: Vec<f64> = Vec::new();
        for ring in &polygon.rings {
            let count = ring.len();
            for i in 0..count {
                let (p, q) = (ring[i], ring[(i + 1) % count]);
                if (p[1] > y) != (q[1] > y) {
                    crossings.push(p[0] + (y - p[1]) / (q[1] - p[1]) * (q[0] - p[0]));
                }
            }
        }
        crossings.sort_by(f64::total_cmp);
        for pair in crossings.chunks_exact(2) {
            let width = pair[1] - pair[0];
            if best.is_none_or(|(w, _)| width > w) {
                best = Some((width, [(pair[0] + pair[1]) / 2.0, y]));
            }
        }
    }
    best.map_or([(b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0], |(_, point)| point)
}

/// The outlines of the areas whose polygons meet the view, as drawn at `zoom`. A polygon that only touches the view
/// is sent whole (panning a little then needs nothing new); polygons elsewhere and those smaller than a pixel are
/// left out.
pub fn outlines(areas: &[Area], view: BBox, zoom: u8) -> Vec<Outline> {
    let tolerance = tolerance(zoom);
    let decimals = decimals(tolerance);
    areas
        .iter()
        .filter_map(|area| {
            let mut bbox = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
            let mut largest: Option<(f64, &Polygon)> = None;
            let mut polygons = Vec::new();
            for polygon in &area.polygons {
                let b = polygon.bbox();
                if !intersects(b, view) {
                    continue;
                }
                let mut rings = polygon.rings.iter();
                let Some(outer) = rings.next().and_then(|r| drawn_ring(r, tolerance, decimals)) else { continue };
                let mut drawn = vec![outer];
                drawn.extend(rings.filter_map(|r| drawn_ring(r, tolerance, decimals)));
                polygons.push(drawn);
                bbox = [bbox[0].min(b[0]), bbox[1].min(b[1]), bbox[2].max(b[2]), bbox[3].max(b[3])];
                let size = polygon.rings.first().map_or(0.0, |r| ring_area(r));
                if largest.is_none_or(|(s, _)| size > s) {
                    largest = Some((size, polygon));
                }
            }
            let (_, largest) = largest?;
            let [x, y] = label_point(largest);
            Some(Outline {
                code: area.code.clone(),
                name: area.name.clone(),
                polygons,
                label: [round(x, decimals), round(y, decimals)],
                bbox: bbox.map(|v| round(v, decimals)),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundaries::AreaKind;
    use crate::geo::LatLon;

    fn area(code: &str, polygons: Vec<Vec<Vec<[f64; 2]>>>) -> Area {
        Area {
            kind: AreaKind::Gemeente,
            code: code.into(),
            name: format!("Gemeente {code}"),
            year: Some(2023),
            polygons: polygons.into_iter().map(|rings| Polygon { rings }).collect(),
        }
    }

    fn square(x: f64, y: f64, size: f64) -> Vec<[f64; 2]> {
        vec![[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    }

    /// A square with every side cut into `n` steps that wobble by `wobble` degrees.
    fn wobbly_square(x: f64, y: f64, size: f64, n: usize, wobble: f64) -> Vec<[f64; 2]> {
        let mut ring = Vec::new();
        for side in 0..4 {
            for i in 0..n {
                let t = size * i as f64 / n as f64;
                let w = if i % 2 == 1 { wobble } else { 0.0 };
                ring.push(match side {
                    0 => [x + t, y + w],
                    1 => [x + size - w, y + t],
                    2 => [x + size - t, y + size - w],
                    _ => [x + w, y + size - t],
                });
            }
        }
        ring.push(ring[0]);
        ring
    }

    #[test]
    fn a_view_is_four_ordered_numbers_on_the_globe() {
        assert_eq!(parse_view("4.8,52.3,4.9,52.4"), Some([4.8, 52.3, 4.9, 52.4]));
        assert_eq!(parse_view(" 4.8, 52.3 ,4.9,52.4"), Some([4.8, 52.3, 4.9, 52.4]));
        for bad in ["4.9,52.3,4.8,52.4", "4.8,52.4,4.9,52.3", "4.8,52.3,4.9", "a,b,c,d", "4,52,5,53,1", "NaN,1,2,3"] {
            assert_eq!(parse_view(bad), None, "{bad}");
        }
        assert_eq!(parse_view("-200,50,5,53"), None);
        assert_eq!(parse_view("4,50,5,95"), None);
        assert!(intersects([4.0, 52.0, 5.0, 53.0], [5.0, 53.0, 6.0, 54.0]), "a shared corner counts");
        assert!(!intersects([4.0, 52.0, 5.0, 53.0], [5.1, 52.0, 6.0, 53.0]));
    }

    #[test]
    fn a_pixel_halves_with_every_zoom_level() {
        assert!((degrees_per_pixel(0) - 360.0 / 256.0).abs() < 1e-12);
        assert!((degrees_per_pixel(8) * 2.0 - degrees_per_pixel(7)).abs() < 1e-12);
        assert!(tolerance(7) > 0.006 && tolerance(7) < 0.007, "{}", tolerance(7));
        assert_eq!(decimals(tolerance(7)), 3);
        assert_eq!(decimals(tolerance(19)), 7, "at most a centimetre");
    }

    #[test]
    fn douglas_peucker_keeps_the_corners_and_drops_the_wobble() {
        let ring = wobbly_square(4.0, 52.0, 1.0, 50, 0.001);
        let simple = simplify(&ring, 0.01);
        assert_eq!(simple.len(), 5, "{simple:?}");
        for corner in [[4.0, 52.0], [5.0, 52.0], [5.0, 53.0], [4.0, 53.0]] {
            assert!(simple.contains(&corner), "{corner:?} in {simple:?}");
        }
        // Finer than the wobble, every wobble stays.
        assert_eq!(simplify(&ring, 0.0005).len(), ring.len());
        // Every dropped point lies within the tolerance of the simplified line.
        let coarse = simplify(&ring, 0.01);
        for p in &ring {
            let near = coarse.windows(2).map(|w| segment_distance(*p, w[0], w[1])).fold(f64::INFINITY, f64::min);
            assert!(near <= 0.01 + 1e-12, "{p:?} strays {near}");
        }
        // An open line keeps its ends; two points stay two.
        assert_eq!(simplify(&[[0.0, 0.0], [1.0, 0.001], [2.0, 0.0]], 0.01), vec![[0.0, 0.0], [2.0, 0.0]]);
        assert_eq!(simplify(&[[0.0, 0.0], [1.0, 1.0]], 0.01).len(), 2);
    }

    #[test]
    fn a_long_ring_does_not_overflow_the_stack() {
        let ring: Vec<[f64; 2]> = (0..200_000)
            .map(|i| {
                let a = i as f64 / 200_000.0 * std::f64::consts::TAU;
                [5.0 + a.cos(), 52.0 + a.sin()]
            })
            .chain(std::iter::once([6.0, 52.0]))
            .collect();
        let simple = simplify(&ring, 0.001);
        assert!(simple.len() > 20 && simple.len() < 200, "{}", simple.len());
    }

    #[test]
    fn only_areas_in_view_are_sent_and_islets_are_dropped() {
        let areas = vec![
            area("GM0001", vec![vec![wobbly_square(4.0, 52.0, 0.5, 40, 0.0001)]]),
            // Two parts: a big one in view and a small island far away.
            area("GM0002", vec![vec![square(4.5, 52.0, 0.5)], vec![square(6.0, 53.0, 0.01)]]),
            area("GM0003", vec![vec![square(7.0, 50.0, 0.2)]]),
        ];
        let view = [3.9, 51.9, 5.1, 52.6];
        let drawn = outlines(&areas, view, 8);
        assert_eq!(drawn.iter().map(|o| o.code.as_str()).collect::<Vec<_>>(), ["GM0001", "GM0002"]);
        assert_eq!(drawn[0].polygons[0][0].len(), 5, "the wobble is below a pixel at zoom 8");
        assert_eq!(drawn[1].polygons.len(), 1, "the island is outside the view");
        assert_eq!(drawn[1].bbox, [4.5, 52.0, 5.0, 52.5]);
        // At zoom 6 (a pixel is about 0.013°), the island of GM0002 in view is too small to draw; the area stays.
        let wide = outlines(&areas, [3.0, 50.0, 8.0, 54.0], 6);
        let gm2 = wide.iter().find(|o| o.code == "GM0002").expect("GM0002");
        assert_eq!(gm2.polygons.len(), 1);
        // An area whose only polygon is too small is left out altogether.
        let tiny = vec![area("GM0004", vec![vec![square(5.0, 52.0, 0.001)]])];
        assert!(outlines(&tiny, view, 7).is_empty());
        assert!(outlines(&[], view, 7).is_empty(), "no boundaries imported: nothing, no error");
    }

    #[test]
    fn holes_stay_holes_and_coordinates_are_rounded() {
        let outer = square(4.0, 52.0, 1.0);
        let hole = square(4.25, 52.25, 0.5);
        let shifted: Vec<[f64; 2]> = outer.iter().map(|[x, y]| [x + 0.000_012_345, *y]).collect();
        let areas = vec![area("GM0005", vec![vec![shifted, hole.clone()]])];
        let drawn = outlines(&areas, [3.0, 51.0, 6.0, 54.0], 7);
        assert_eq!(drawn[0].polygons[0].len(), 2, "outline and hole");
        assert_eq!(drawn[0].polygons[0][1], hole);
        assert_eq!(drawn[0].polygons[0][0][0], [4.0, 52.0], "rounded to 3 decimals at zoom 7");
    }

    #[test]
    fn the_label_lies_inside_even_a_u_shape() {
        // A U: the middle of its bounding box (5.0, 52.5) is in the gap between the arms.
        let u = Polygon {
            rings: vec![vec![
                [4.0, 52.0],
                [6.0, 52.0],
                [6.0, 53.0],
                [5.6, 53.0],
                [5.6, 52.2],
                [4.4, 52.2],
                [4.4, 53.0],
                [4.0, 53.0],
                [4.0, 52.0],
            ]],
        };
        let [x, y] = label_point(&u);
        assert!(!u.contains(LatLon { lat: 52.5, lon: 5.0 }), "the box's middle is outside");
        assert!(u.contains(LatLon { lat: y, lon: x }), "({x}, {y}) inside");
        // A square with a hole in the middle: the label avoids the hole.
        let ring = Polygon { rings: vec![square(4.0, 52.0, 1.0), square(4.2, 52.2, 0.6)] };
        let [x, y] = label_point(&ring);
        assert!(ring.contains(LatLon { lat: y, lon: x }), "({x}, {y}) inside the ring");
        // The label of an area is in its largest polygon.
        let two = area("GM0006", vec![vec![square(4.0, 52.0, 0.1)], vec![square(5.0, 52.0, 0.8)]]);
        let drawn = outlines(&[two], [3.0, 51.0, 7.0, 54.0], 9);
        assert!(drawn[0].label[0] > 5.0 && drawn[0].label[0] < 5.8, "{:?}", drawn[0].label);
    }
}
