//! One unit as it arrives in an import, fully parsed.

use crate::geo::LatLon;
use crate::ids::{BagId, BuurtCode, GemeenteCode, HouseNumber, Postcode, WijkCode};
use crate::money::Money;

/// DAEB status: social (DAE) or commercial (NDA) segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SocialLabel {
    /// Diensten van algemeen economisch belang: the social segment.
    Daeb,
    /// Niet-DAEB.
    NonDaeb,
}

impl SocialLabel {
    /// The VERA code.
    pub fn code(self) -> &'static str {
        match self {
            SocialLabel::Daeb => "DAE",
            SocialLabel::NonDaeb => "NDA",
        }
    }

    /// Parses the VERA code (`DAE`, `NDA`; also the words `DAEB` and `niet-DAEB`).
    pub fn parse(input: &str) -> Option<Self> {
        match input.trim().to_ascii_uppercase().as_str() {
            "DAE" | "DAEB" => Some(SocialLabel::Daeb),
            "NDA" | "NIET-DAEB" | "NIET DAEB" | "NDAEB" => Some(SocialLabel::NonDaeb),
            _ => None,
        }
    }
}

/// A unit (verhuureenheid) as the corporation's file describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRecord {
    /// The corporation's own id for the unit (its key across imports).
    pub id_extern: String,
    /// The complex code, if the unit belongs to one.
    pub cluster_code: Option<String>,
    /// The complex name.
    pub cluster_naam: Option<String>,
    /// The complex's kind (VERA CLUSTERSOORT). A property of the complex, not of the unit: it is kept on the complex
    /// and left out of the unit's fingerprint, so files without the column re-import unchanged.
    pub cluster_soort: Option<String>,
    /// VERA eenheid soort (e.g. `WON`).
    pub soort: Option<String>,
    /// VERA detail soort (e.g. `EGW`).
    pub detail_soort: Option<String>,
    /// VERA eenheid status (e.g. `VHR`).
    pub status: Option<String>,
    /// Street name.
    pub straatnaam: String,
    /// House number, letter and addition.
    pub huisnummer: HouseNumber,
    /// Postcode.
    pub postcode: Postcode,
    /// Town.
    pub woonplaats: String,
    /// BAG verblijfsobject id.
    pub bag_verblijfsobject: Option<BagId>,
    /// BAG pand id.
    pub bag_pand: Option<BagId>,
    /// CBS gemeente.
    pub gemeente: Option<GemeenteCode>,
    /// CBS wijk.
    pub wijk: Option<WijkCode>,
    /// CBS buurt.
    pub buurt: Option<BuurtCode>,
    /// Position (converted from RD when given so).
    pub position: Option<LatLon>,
    /// Construction year.
    pub bouwjaar: Option<i32>,
    /// Usable floor area in m².
    pub gebruiksoppervlakte: Option<f64>,
    /// Number of rooms.
    pub kamers: Option<i32>,
    /// DAEB label.
    pub label: Option<SocialLabel>,
    /// Net rent per month.
    pub nettohuur: Option<Money>,
    /// Gross rent per month.
    pub brutohuur: Option<Money>,
}

impl UnitRecord {
    /// A canonical text of every field, so a re-import can tell changed units from unchanged ones.
    pub fn fingerprint(&self) -> String {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let position = self.position.map(|p| format!("{:.6},{:.6}", p.lat, p.lon)).unwrap_or_default();
        [
            self.id_extern.clone(),
            opt(&self.cluster_code),
            opt(&self.cluster_naam),
            opt(&self.soort),
            opt(&self.detail_soort),
            opt(&self.status),
            self.straatnaam.clone(),
            self.huisnummer.to_string(),
            self.postcode.to_string(),
            self.woonplaats.clone(),
            self.bag_verblijfsobject.as_ref().map(ToString::to_string).unwrap_or_default(),
            self.bag_pand.as_ref().map(ToString::to_string).unwrap_or_default(),
            self.gemeente.as_ref().map(ToString::to_string).unwrap_or_default(),
            self.wijk.as_ref().map(ToString::to_string).unwrap_or_default(),
            self.buurt.as_ref().map(ToString::to_string).unwrap_or_default(),
            position,
            self.bouwjaar.map(|v| v.to_string()).unwrap_or_default(),
            self.gebruiksoppervlakte.map(|v| format!("{v:.2}")).unwrap_or_default(),
            self.kamers.map(|v| v.to_string()).unwrap_or_default(),
            self.label.map(|l| l.code().to_owned()).unwrap_or_default(),
            self.nettohuur.map(|m| m.cents().to_string()).unwrap_or_default(),
            self.brutohuur.map(|m| m.cents().to_string()).unwrap_or_default(),
        ]
        .join("\u{1f}")
    }
}
