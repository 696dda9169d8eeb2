//! The demo corporation's stock: the complexes of [`plan::PLANS`] turned into units with addresses, postcodes,
//! BAG ids, positions, kinds and rents, and written as an import file. Seeded: the same stock every time.

mod address;
pub(crate) mod facts;
pub(crate) mod plan;
mod postcodes;

use crate::rng::Rng;
use address::{numbered, Numbered};
use plan::{Plan, PLANS};
use postcodes::PostcodeBook;
use volkshuis_domain::bezit::import::Column;

/// The seed of the demo stock.
const SEED: u64 = 42;

/// One unit of the demo stock.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DemoUnit {
    /// The corporation's id for the unit.
    pub(crate) id_extern: String,
    /// Index of its complex in [`PLANS`].
    pub(crate) complex: usize,
    /// VERA EENHEIDSOORT.
    pub(crate) soort: &'static str,
    /// VERA EENHEIDDETAILSOORT.
    pub(crate) detail: &'static str,
    /// VERA EENHEIDSTATUS.
    pub(crate) status: &'static str,
    /// Street.
    pub(crate) street: &'static str,
    /// House number.
    pub(crate) number: u32,
    /// House letter.
    pub(crate) letter: Option<char>,
    /// Addition.
    pub(crate) addition: Option<String>,
    /// Postcode, `7411AB`.
    pub(crate) postcode: String,
    /// Latitude.
    pub(crate) lat: f64,
    /// Longitude.
    pub(crate) lon: f64,
    /// BAG verblijfsobject id.
    pub(crate) vbo: String,
    /// BAG pand id.
    pub(crate) pand: String,
    /// Floor area in m².
    pub(crate) area: u32,
    /// Rooms (dwellings only).
    pub(crate) rooms: Option<u32>,
    /// In the social (DAEB) segment.
    pub(crate) daeb: bool,
    /// Net rent in cents per month.
    pub(crate) rent: u32,
    /// Service costs in cents per month.
    pub(crate) service: u32,
}

impl DemoUnit {
    /// Its complex.
    pub(crate) fn plan(&self) -> &'static Plan {
        &PLANS[self.complex]
    }

    /// Whether it is a dwelling (woonruimte).
    pub(crate) fn is_dwelling(&self) -> bool {
        self.soort == "WOO"
    }
}

/// The code of the complex at `index` in [`PLANS`].
pub(crate) fn complex_code(index: usize) -> String {
    format!("CPX{:06}", index + 1)
}

/// The whole demo stock, complex by complex.
pub(crate) fn generate() -> Vec<DemoUnit> {
    let mut rng = Rng::new(SEED);
    let mut book = PostcodeBook::new();
    let mut units = Vec::new();
    let mut pand_no = 0u64;
    for (complex, plan) in PLANS.iter().enumerate() {
        for part in plan.parts {
            let centre = plan.place.lat + rng.range(-0.0011, 0.0011);
            let centre_lon = plan.place.lon + rng.range(-0.0017, 0.0017);
            let angle = rng.range(0.0, std::f64::consts::PI);
            let first_pand = pand_no;
            for Numbered { number, letter, addition, detail, soort, along, across, building } in numbered(part) {
                pand_no = pand_no.max(first_pand + building + 1);
                let postcode = book.postcode(&mut rng, plan.place.area, plan.place.town, part.street, number);
                // Metres along and across the street, turned by the street's angle, to degrees.
                let (north, east) = (
                    along * angle.sin() + across * angle.cos() + rng.range(-1.0, 1.0),
                    along * angle.cos() - across * angle.sin() + rng.range(-1.0, 1.0),
                );
                let lat = centre + north / 111_320.0;
                let lon = centre_lon + east / (111_320.0 * centre.to_radians().cos());
                let unit_no = units.len() + 1;
                let gm = plan.place.gemeente;
                let (area, rooms, rent, service) = attributes(&mut rng, detail, plan.bouwjaar);
                let dwelling = soort == "WOO";
                let daeb = dwelling && rng.chance(plan.social);
                // Mid-rent dwellings (niet-DAEB) rent above the social limit.
                let rent = if dwelling && !daeb { rent + 38_000 } else { rent };
                let vacant = if soort == "PAR" { 0.10 } else { 0.03 };
                units.push(DemoUnit {
                    id_extern: format!("VHE{unit_no:08}"),
                    complex,
                    soort,
                    detail,
                    status: if rng.chance(vacant) { "LEE" } else { "VEH" },
                    street: part.street,
                    number,
                    letter,
                    addition,
                    postcode,
                    lat,
                    lon,
                    vbo: format!("{gm}01{:010}", 2_000_000 + unit_no),
                    pand: format!("{gm}10{:010}", 3_000_000 + first_pand + building),
                    area,
                    rooms,
                    daeb,
                    rent,
                    service,
                });
            }
        }
    }
    units
}

/// Floor area, rooms, net rent and service costs (cents) for a unit of `detail` built in `bouwjaar`.
fn attributes(rng: &mut Rng, detail: &str, bouwjaar: i32) -> (u32, Option<u32>, u32, u32) {
    // Newer homes are larger and dearer; the oldest stock is the cheapest.
    let newer = u32::try_from((bouwjaar - 1920).clamp(0, 100)).unwrap_or(0);
    match detail {
        "TUS" | "EIN" | "HOE" => {
            let extra = if detail == "TUS" { 0 } else { 6 };
            let rooms = if bouwjaar < 1960 { rng.between(3, 4) } else { rng.between(4, 5) };
            (
                rng.between(72, 98) + extra,
                Some(rooms),
                rng.between(58_000, 72_000) + newer * 90,
                rng.between(500, 1_500),
            )
        }
        "POW" => (rng.between(46, 64), Some(rng.between(2, 3)), rng.between(47_000, 58_000), rng.between(2_500, 4_000)),
        "POF" => (rng.between(58, 72), Some(3), rng.between(53_000, 64_000), rng.between(3_000, 4_500)),
        "GAL" | "COR" => {
            let rooms = rng.between(2, 3);
            (
                rng.between(50, 62) + rooms * 6,
                Some(rooms),
                rng.between(56_000, 66_000) + newer * 80,
                rng.between(3_500, 5_500),
            )
        }
        "BEN" | "BOV" => {
            (rng.between(55, 80), Some(rng.between(2, 4)), rng.between(55_000, 70_000), rng.between(800, 1_800))
        }
        "WIR" => (rng.between(60, 140), None, rng.between(90_000, 180_000), rng.between(2_000, 4_000)),
        "GAR" => (rng.between(15, 18), None, rng.between(6_000, 9_500), 0),
        _ => (rng.between(12, 14), None, rng.between(4_500, 7_000), 0),
    }
}

/// The demo stock as an import file: the header and one `;`-separated row per unit, as Dutch Excel writes it.
pub(crate) fn import_file(units: &[DemoUnit]) -> String {
    const COLUMNS: [Column; 26] = [
        Column::IdExtern,
        Column::ClusterCode,
        Column::ClusterNaam,
        Column::ClusterSoort,
        Column::Soort,
        Column::DetailSoort,
        Column::Status,
        Column::Straatnaam,
        Column::Huisnummer,
        Column::Huisletter,
        Column::HuisnummerToevoeging,
        Column::Postcode,
        Column::Woonplaats,
        Column::BagVerblijfsobjectId,
        Column::BagPandId,
        Column::GemeenteCode,
        Column::WijkCode,
        Column::BuurtCode,
        Column::Breedtegraad,
        Column::Lengtegraad,
        Column::Bouwjaar,
        Column::Gebruiksoppervlakte,
        Column::KamersAantal,
        Column::MaatschappelijkLabel,
        Column::Nettohuur,
        Column::Brutohuur,
    ];
    let money = |cents: u32| format!("{},{:02}", cents / 100, cents % 100);
    let mut file = COLUMNS.map(Column::name).join(";");
    for u in units {
        let place = u.plan().place;
        let gm = place.gemeente;
        let row = [
            u.id_extern.clone(),
            complex_code(u.complex),
            u.plan().name.to_owned(),
            "VEX".to_owned(),
            u.soort.to_owned(),
            u.detail.to_owned(),
            u.status.to_owned(),
            u.street.to_owned(),
            u.number.to_string(),
            u.letter.map(String::from).unwrap_or_default(),
            u.addition.clone().unwrap_or_default(),
            u.postcode.clone(),
            place.town.to_owned(),
            u.vbo.clone(),
            u.pand.clone(),
            format!("GM{gm}"),
            format!("WK{gm}{:02}", place.wijk),
            format!("BU{gm}{:02}{:02}", place.wijk, place.buurt),
            format!("{:.6}", u.lat).replace('.', ","),
            format!("{:.6}", u.lon).replace('.', ","),
            u.plan().bouwjaar.to_string(),
            u.area.to_string(),
            u.rooms.map(|r| r.to_string()).unwrap_or_default(),
            if u.daeb { "DAE" } else { "NDA" }.to_owned(),
            money(u.rent),
            money(u.rent + u.service),
        ];
        file.push('\n');
        file.push_str(&row.join(";"));
    }
    file
}

/// The CBS buurt code of the complex at `index`.
pub(crate) fn buurt_code(index: usize) -> String {
    let place = PLANS[index].place;
    format!("BU{}{:02}{:02}", place.gemeente, place.wijk, place.buurt)
}

#[cfg(test)]
mod tests;
