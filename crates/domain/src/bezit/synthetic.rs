//! A realistic synthetic stock, for demos and benchmarks: complexes of 10–300 units in real municipalities, plausible
//! addresses and postcodes, BAG ids with the right structure, rents and types in realistic proportions.
//! The same seed gives the same file (rand's `StdRng` is a fixed algorithm for a given rand version).

use super::import::Column;
use crate::boundaries::{Area, AreaKind};
use crate::geo::LatLon;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Real municipalities (CBS code 2023, name, rough centre, first postcode digits).
const PLACES: &[(&str, &str, f64, f64, u16)] = &[
    ("0363", "Amsterdam", 52.370, 4.895, 1011),
    ("0599", "Rotterdam", 51.922, 4.479, 3011),
    ("0518", "'s-Gravenhage", 52.078, 4.288, 2511),
    ("0344", "Utrecht", 52.091, 5.122, 3511),
    ("0772", "Eindhoven", 51.441, 5.470, 5611),
    ("0014", "Groningen", 53.219, 6.566, 9711),
    ("0153", "Enschede", 52.221, 6.894, 7511),
    ("0758", "Breda", 51.589, 4.776, 4811),
    ("0268", "Nijmegen", 51.842, 5.853, 6511),
    ("0855", "Tilburg", 51.560, 5.091, 5011),
    ("0034", "Almere", 52.350, 5.265, 1311),
    ("0202", "Arnhem", 51.985, 5.899, 6811),
    ("0392", "Haarlem", 52.387, 4.646, 2011),
    ("0193", "Zwolle", 52.516, 6.083, 8011),
    ("0935", "Maastricht", 50.851, 5.691, 6211),
    ("0546", "Leiden", 52.160, 4.497, 2311),
    ("0080", "Leeuwarden", 53.201, 5.800, 8911),
    ("0503", "Delft", 52.012, 4.357, 2611),
    ("0200", "Apeldoorn", 52.211, 5.969, 7311),
    ("0603", "Rijswijk", 52.036, 4.325, 2281),
];

const STREETS: &[&str] = &[
    "Kerkstraat",
    "Schoolstraat",
    "Molenweg",
    "Dorpsstraat",
    "Stationsweg",
    "Julianastraat",
    "Beatrixlaan",
    "Wilhelminaplein",
    "Eikenlaan",
    "Beukenlaan",
    "Lindenhof",
    "Esdoornstraat",
    "Tulpstraat",
    "Rozenstraat",
    "Vondelstraat",
    "Rembrandtlaan",
    "Van Goghstraat",
    "Spinozaweg",
    "Erasmusplein",
    "Thorbeckestraat",
    "Marconistraat",
    "Edisonweg",
    "Zonnebloemstraat",
    "Merelstraat",
    "Lijsterbeslaan",
    "Havenkade",
    "Dijkstraat",
    "Polderweg",
    "Parkweg",
    "Laan van Nieuw-Oost-Indië",
];

const COMPLEX_NAMES: &[&str] = &[
    "De Ark",
    "Het Anker",
    "De Horst",
    "Zonnehof",
    "De Linde",
    "Het Baken",
    "De Kroon",
    "Parkzicht",
    "De Vliet",
    "Het Hof",
];

/// The header of a generated file (the import template).
pub fn header() -> String {
    Column::ALL.map(Column::name).join(";")
}

/// Generates `count` unit rows (without header), `;`-separated, in the import format.
pub struct Generator {
    rng: StdRng,
    areas: Vec<Area>,
    remaining: u64,
    unit_no: u64,
    complex_no: u64,
    left_in_complex: u64,
    complex: Complex,
}

#[derive(Default)]
struct Complex {
    gemeente: String,
    town: String,
    street: &'static str,
    next_number: u32,
    postcode_digits: u16,
    wijk: u8,
    buurt: u8,
    lat: f64,
    lon: f64,
    pand: u64,
    soort: &'static str,
    detail: &'static str,
    daeb: bool,
    bouwjaar: u32,
}

impl Generator {
    /// A generator for `count` units from `seed`.
    pub fn new(count: u64, seed: u64) -> Self {
        Self {
            rng: StdRng::seed_from_u64(seed),
            areas: Vec::new(),
            remaining: count,
            unit_no: 0,
            complex_no: 0,
            left_in_complex: 0,
            complex: Complex::default(),
        }
    }

    /// Places the complexes inside these municipalities (real boundaries) instead of around known town centres.
    pub fn within(mut self, areas: Vec<Area>) -> Self {
        self.areas = areas.into_iter().filter(|a| a.kind == AreaKind::Gemeente && !a.polygons.is_empty()).collect();
        self
    }

    /// A municipality (digits, name) and a point inside it, when areas were given.
    fn place_in_area(&mut self) -> Option<(String, String, f64, f64, u16)> {
        let area = self.areas.get(self.rng.gen_range(0..self.areas.len().max(1)))?;
        let polygon = &area.polygons[self.rng.gen_range(0..area.polygons.len())];
        let [min_lon, min_lat, max_lon, max_lat] = polygon.bbox();
        for _ in 0..200 {
            let point =
                LatLon { lat: self.rng.gen_range(min_lat..=max_lat), lon: self.rng.gen_range(min_lon..=max_lon) };
            if polygon.contains(point) {
                let digits = area.code.trim_start_matches("GM").to_owned();
                // Not the real postcode area: a stable four-digit number per municipality.
                let postcode = 1000 + (digits.parse::<u16>().unwrap_or(0) * 7) % 8900;
                return Some((digits, area.name.clone(), point.lat, point.lon, postcode));
            }
        }
        None
    }

    fn next_complex(&mut self) {
        self.complex_no += 1;
        self.left_in_complex = self.rng.gen_range(10..=300);
        let (gemeente, town, lat, lon, postcode, spread) = match self.place_in_area() {
            Some((gm, town, lat, lon, postcode)) => (gm, town, lat, lon, postcode, 0.0),
            None => {
                let (gm, town, lat, lon, postcode) = PLACES[self.rng.gen_range(0..PLACES.len())];
                (gm.to_owned(), town.to_owned(), lat, lon, postcode, 1.0)
            }
        };
        let rng = &mut self.rng;
        let roll: f64 = rng.gen();
        // VERA codes: woonruimte with a dwelling type, bedrijfsruimte, parkeergelegenheid.
        const DWELLINGS: [&str; 8] = ["GAL", "POF", "POW", "TUS", "HOE", "EIN", "BEN", "MAI"];
        let (soort, detail) = if roll < 0.92 {
            ("WOO", DWELLINGS[rng.gen_range(0..DWELLINGS.len())])
        } else if roll < 0.97 {
            ("BED", "KAN")
        } else {
            ("PAR", "GAR")
        };
        self.complex = Complex {
            gemeente,
            town,
            street: STREETS[rng.gen_range(0..STREETS.len())],
            next_number: rng.gen_range(1..40),
            postcode_digits: postcode + rng.gen_range(0..80),
            wijk: rng.gen_range(0..10),
            buurt: rng.gen_range(0..10),
            lat: lat + spread * rng.gen_range(-0.025..0.025),
            lon: lon + spread * rng.gen_range(-0.04..0.04),
            pand: self.complex_no,
            soort,
            detail,
            daeb: rng.gen_bool(0.82),
            bouwjaar: rng.gen_range(1920..=2024),
        };
    }
}

impl Iterator for Generator {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        if self.left_in_complex == 0 {
            self.next_complex();
        }
        self.left_in_complex -= 1;
        self.unit_no += 1;
        let c = &mut self.complex;
        let rng = &mut self.rng;
        let (gm, town) = (c.gemeente.clone(), c.town.clone());
        let number = c.next_number;
        c.next_number += 1;
        let letter = if rng.gen_bool(0.05) { "A" } else { "" };
        let addition = if rng.gen_bool(0.04) { "1" } else { "" };
        let letters = [b'A' + rng.gen_range(0..20), b'A' + rng.gen_range(0..26)];
        let postcode = format!("{}{}", c.postcode_digits, String::from_utf8_lossy(&letters));
        let (lat, lon) = (c.lat + rng.gen_range(-0.0008..0.0008), c.lon + rng.gen_range(-0.0012..0.0012));
        let rent_cents: u32 = if c.soort == "PAR" {
            rng.gen_range(4_000..9_000)
        } else if c.daeb {
            rng.gen_range(45_000..90_000)
        } else {
            rng.gen_range(90_000..140_000)
        };
        let service = rng.gen_range(2_000..6_000);
        let area: u32 = if c.soort == "PAR" { rng.gen_range(12..20) } else { rng.gen_range(35..130) };
        let rooms = if c.soort == "WOO" { rng.gen_range(1..=6).to_string() } else { String::new() };
        let status = if rng.gen_bool(0.96) { "VEH" } else { "LEE" };
        let money = |cents: u32| format!("{},{:02}", cents / 100, cents % 100);
        let fields = [
            format!("VHE{:08}", self.unit_no),
            format!("CPX{:06}", self.complex_no),
            format!("{} {}", COMPLEX_NAMES[(self.complex_no as usize) % COMPLEX_NAMES.len()], self.complex_no),
            // Most complexes are exploitation clusters; every seventh a maintenance cluster (no random draw, so the
            // rest of a seeded file stays as it was).
            if self.complex_no.is_multiple_of(7) { "OND" } else { "VEX" }.to_owned(),
            c.soort.to_owned(),
            c.detail.to_owned(),
            status.to_owned(),
            c.street.to_owned(),
            number.to_string(),
            letter.to_owned(),
            addition.to_owned(),
            postcode,
            town,
            format!("{gm}01{:010}", self.unit_no),
            format!("{gm}10{:010}", c.pand),
            format!("GM{gm}"),
            format!("WK{gm}{:02}", c.wijk),
            format!("BU{gm}{:02}{:02}", c.wijk, c.buurt),
            format!("{lat:.6}").replace('.', ","),
            format!("{lon:.6}").replace('.', ","),
            String::new(),
            String::new(),
            c.bouwjaar.to_string(),
            area.to_string(),
            rooms,
            if c.daeb { "DAE" } else { "NDA" }.to_owned(),
            money(rent_cents),
            money(rent_cents + service),
        ];
        Some(fields.join(";"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bezit::import::StockReader;

    #[test]
    fn same_seed_same_file_and_every_row_imports() {
        let a: Vec<String> = Generator::new(700, 7).collect();
        let b: Vec<String> = Generator::new(700, 7).collect();
        let c: Vec<String> = Generator::new(700, 8).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        let file = format!("{}\n{}\n", header(), a.join("\n"));
        let reader = StockReader::new(file.as_bytes()).expect("header");
        let rows: Vec<_> = reader.collect();
        assert_eq!(rows.len(), 700);
        let errors: Vec<_> = rows.iter().filter_map(|r| r.as_ref().err()).collect();
        assert!(errors.is_empty(), "{errors:?}");
        let units: Vec<_> = rows.into_iter().filter_map(Result::ok).collect();
        let complexes: std::collections::HashSet<_> = units.iter().map(|r| r.unit.cluster_code.clone()).collect();
        assert!(complexes.len() >= 3, "700 units make several complexes of 10–300");
        let daeb = units.iter().filter(|r| r.unit.label == Some(crate::bezit::SocialLabel::Daeb)).count();
        assert!(daeb > 350, "most units are social housing: {daeb}");
        assert!(units.iter().all(|r| r.unit.position.is_some() && r.unit.bag_verblijfsobject.is_some()));
    }

    #[test]
    fn within_real_boundaries_units_lie_in_their_municipality() {
        let square = |x: f64| crate::geo::Polygon {
            rings: vec![vec![[x, 52.0], [x + 0.5, 52.0], [x + 0.5, 52.5], [x, 52.5], [x, 52.0]]],
        };
        let area = |code: &str, name: &str, x: f64| Area {
            kind: AreaKind::Gemeente,
            code: code.into(),
            name: name.into(),
            year: Some(2023),
            polygons: vec![square(x)],
        };
        let areas = vec![area("GM0001", "West", 4.0), area("GM0002", "Oost", 5.0)];
        let index = crate::boundaries::AreaIndex::new(&areas);
        let file = format!("{}\n{}\n", header(), Generator::new(600, 3).within(areas).collect::<Vec<_>>().join("\n"));
        let rows: Vec<_> = StockReader::new(file.as_bytes()).expect("header").filter_map(Result::ok).collect();
        assert_eq!(rows.len(), 600);
        let inside = rows
            .iter()
            .filter(|r| {
                let found = r.unit.position.and_then(|p| index.find(p));
                found == r.unit.gemeente.as_ref().map(|g| g.as_str())
            })
            .count();
        // Units scatter some tens of metres around their complex; at a border one may fall just outside.
        assert!(inside >= 590, "{inside} of 600 inside their own municipality");
        assert!(rows.iter().any(|r| r.unit.woonplaats == "Oost") && rows.iter().any(|r| r.unit.woonplaats == "West"));
    }
}
