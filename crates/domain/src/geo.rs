//! Coordinates: WGS84 is canonical; RD New (EPSG:28992) is accepted and converted.

/// A WGS84 position in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLon {
    /// Latitude (breedtegraad).
    pub lat: f64,
    /// Longitude (lengtegraad).
    pub lon: f64,
}

/// The box around the Netherlands (with its waters) in which a unit's position must lie.
const NL_LAT: (f64, f64) = (50.6, 53.7);
const NL_LON: (f64, f64) = (3.2, 7.3);

impl LatLon {
    /// A position, if it lies in the Netherlands (a swapped pair or a zero is a data error, not a place).
    pub fn in_netherlands(lat: f64, lon: f64) -> Option<Self> {
        let inside = (NL_LAT.0..=NL_LAT.1).contains(&lat) && (NL_LON.0..=NL_LON.1).contains(&lon);
        inside.then_some(Self { lat, lon })
    }
}

/// Converts RD New (Rijksdriehoeksmeting, EPSG:28992) to WGS84 with the published polynomial approximation
/// (Schreutelkamp & Strang van Hees), accurate to about a metre in the Netherlands — enough for maps and areas.
pub fn rd_to_wgs84(x: f64, y: f64) -> LatLon {
    let dx = (x - 155_000.0) * 1e-5;
    let dy = (y - 463_000.0) * 1e-5;
    let lat_terms = [
        (0, 1, 3235.65389),
        (2, 0, -32.58297),
        (0, 2, -0.24750),
        (2, 1, -0.84978),
        (0, 3, -0.06550),
        (2, 2, -0.01709),
        (1, 0, -0.00738),
        (4, 0, 0.00530),
        (2, 3, -0.00039),
        (4, 1, 0.00033),
        (1, 1, -0.00012),
    ];
    let lon_terms = [
        (1, 0, 5260.52916),
        (1, 1, 105.94684),
        (1, 2, 2.45656),
        (3, 0, -0.81885),
        (1, 3, 0.05594),
        (3, 1, -0.05607),
        (0, 1, 0.01199),
        (3, 2, -0.00256),
        (1, 4, 0.00128),
        (0, 2, 0.00022),
        (2, 0, -0.00022),
        (5, 0, 0.00026),
    ];
    let sum = |terms: &[(i32, i32, f64)]| terms.iter().map(|&(p, q, k)| k * dx.powi(p) * dy.powi(q)).sum::<f64>();
    LatLon { lat: 52.155_174_40 + sum(&lat_terms) / 3600.0, lon: 5.387_206_21 + sum(&lon_terms) / 3600.0 }
}

/// A polygon: an outer ring and holes, each a closed or open list of `[lon, lat]` points.
#[derive(Debug, Clone, PartialEq)]
pub struct Polygon {
    /// Rings; the first is the outline, the others are holes.
    pub rings: Vec<Vec<[f64; 2]>>,
}

impl Polygon {
    /// Whether the point lies inside the outline and outside every hole (even-odd rule).
    pub fn contains(&self, point: LatLon) -> bool {
        let mut rings = self.rings.iter();
        let Some(outline) = rings.next() else {
            return false;
        };
        ring_contains(outline, point) && !rings.any(|hole| ring_contains(hole, point))
    }

    /// The bounding box `(min_lon, min_lat, max_lon, max_lat)` of the outline.
    pub fn bbox(&self) -> [f64; 4] {
        let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for [lon, lat] in self.rings.first().into_iter().flatten() {
            b = [b[0].min(*lon), b[1].min(*lat), b[2].max(*lon), b[3].max(*lat)];
        }
        b
    }
}

fn ring_contains(ring: &[[f64; 2]], point: LatLon) -> bool {
    let (x, y) = (point.lon, point.lat);
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for i in 0..ring.len() {
        let ([xi, yi], [xj, yj]) = (ring[i], ring[j]);
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: LatLon, lat: f64, lon: f64) -> bool {
        // 2e-5 degrees is about two metres.
        (a.lat - lat).abs() < 2e-5 && (a.lon - lon).abs() < 2e-5
    }

    #[test]
    fn rd_reference_points() {
        // Amersfoort, the origin of RD.
        assert!(close(rd_to_wgs84(155_000.0, 463_000.0), 52.155_174_40, 5.387_206_21));
        // Westertoren, Amsterdam (RDNAPTRANS reference point).
        let westertoren = rd_to_wgs84(120_700.723, 487_525.501);
        assert!(close(westertoren, 52.374_532_5, 4.883_525_6), "{westertoren:?}");
        // Martinitoren, Groningen.
        let martini = rd_to_wgs84(233_883.131, 582_065.167);
        assert!(close(martini, 53.219_383_2, 6.568_200_5), "{martini:?}");
    }

    #[test]
    fn positions_outside_the_country_are_refused() {
        assert!(LatLon::in_netherlands(52.09, 5.12).is_some());
        assert!(LatLon::in_netherlands(5.12, 52.09).is_none(), "swapped");
        assert!(LatLon::in_netherlands(0.0, 0.0).is_none());
    }

    #[test]
    fn point_in_polygon_with_hole() {
        let square = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0], [0.0, 0.0]];
        let hole = vec![[4.0, 4.0], [6.0, 4.0], [6.0, 6.0], [4.0, 6.0]];
        let polygon = Polygon { rings: vec![square, hole] };
        assert!(polygon.contains(LatLon { lat: 2.0, lon: 2.0 }));
        assert!(!polygon.contains(LatLon { lat: 5.0, lon: 5.0 }), "in the hole");
        assert!(!polygon.contains(LatLon { lat: 11.0, lon: 5.0 }));
        assert_eq!(polygon.bbox(), [0.0, 0.0, 10.0, 10.0]);
    }
}
