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
        let mut text = String::with_capacity(256);
        self.write_fingerprint(&mut text);
        text
    }

    /// Appends [`UnitRecord::fingerprint`] to `out` (the import reuses one buffer for millions of rows).
    pub fn write_fingerprint(&self, out: &mut String) {
        use std::fmt::Write;
        const SEP: char = '\u{1f}';
        let text = |out: &mut String, v: &Option<String>| {
            out.push_str(v.as_deref().unwrap_or_default());
            out.push(SEP);
        };
        // `write!` into a String cannot fail.
        let _ = write!(out, "{}{SEP}", self.id_extern);
        text(out, &self.cluster_code);
        text(out, &self.cluster_naam);
        text(out, &self.soort);
        text(out, &self.detail_soort);
        text(out, &self.status);
        let _ = write!(
            out,
            "{}{SEP}{}{SEP}{}{SEP}{}{SEP}",
            self.straatnaam, self.huisnummer, self.postcode, self.woonplaats
        );
        for id in [&self.bag_verblijfsobject, &self.bag_pand] {
            out.push_str(id.as_ref().map(|b| b.as_str()).unwrap_or_default());
            out.push(SEP);
        }
        out.push_str(self.gemeente.as_ref().map(|c| c.as_str()).unwrap_or_default());
        out.push(SEP);
        out.push_str(self.wijk.as_ref().map(|c| c.as_str()).unwrap_or_default());
        out.push(SEP);
        out.push_str(self.buurt.as_ref().map(|c| c.as_str()).unwrap_or_default());
        out.push(SEP);
        if let Some(p) = self.position {
            let _ = write!(out, "{:.6},{:.6}", p.lat, p.lon);
        }
        out.push(SEP);
        if let Some(v) = self.bouwjaar {
            let _ = write!(out, "{v}");
        }
        out.push(SEP);
        if let Some(v) = self.gebruiksoppervlakte {
            let _ = write!(out, "{v:.2}");
        }
        out.push(SEP);
        if let Some(v) = self.kamers {
            let _ = write!(out, "{v}");
        }
        out.push(SEP);
        out.push_str(self.label.map(|l| l.code()).unwrap_or_default());
        out.push(SEP);
        if let Some(m) = self.nettohuur {
            let _ = write!(out, "{}", m.cents());
        }
        out.push(SEP);
        if let Some(m) = self.brutohuur {
            let _ = write!(out, "{}", m.cents());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::UnitRecord;
    use crate::bezit::import::StockReader;
    use crate::bezit::synthetic::{header, Generator};

    /// The fingerprint as the first version wrote it, field by field. Stored fingerprints were made this way, so a
    /// faster way to write it must give exactly the same text, or every unit would look changed on its next import.
    fn first_version(u: &UnitRecord) -> String {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let position = u.position.map(|p| format!("{:.6},{:.6}", p.lat, p.lon)).unwrap_or_default();
        [
            u.id_extern.clone(),
            opt(&u.cluster_code),
            opt(&u.cluster_naam),
            opt(&u.soort),
            opt(&u.detail_soort),
            opt(&u.status),
            u.straatnaam.clone(),
            u.huisnummer.to_string(),
            u.postcode.to_string(),
            u.woonplaats.clone(),
            u.bag_verblijfsobject.as_ref().map(ToString::to_string).unwrap_or_default(),
            u.bag_pand.as_ref().map(ToString::to_string).unwrap_or_default(),
            u.gemeente.as_ref().map(ToString::to_string).unwrap_or_default(),
            u.wijk.as_ref().map(ToString::to_string).unwrap_or_default(),
            u.buurt.as_ref().map(ToString::to_string).unwrap_or_default(),
            position,
            u.bouwjaar.map(|v| v.to_string()).unwrap_or_default(),
            u.gebruiksoppervlakte.map(|v| format!("{v:.2}")).unwrap_or_default(),
            u.kamers.map(|v| v.to_string()).unwrap_or_default(),
            u.label.map(|l| l.code().to_owned()).unwrap_or_default(),
            u.nettohuur.map(|m| m.cents().to_string()).unwrap_or_default(),
            u.brutohuur.map(|m| m.cents().to_string()).unwrap_or_default(),
        ]
        .join("\u{1f}")
    }

    #[test]
    fn the_fingerprint_text_is_unchanged_from_the_first_version() {
        let mut file = header();
        for row in Generator::new(500, 7) {
            file.push('\n');
            file.push_str(&row);
        }
        // Sparse rows too: empty optional fields, letters and additions.
        file.push_str("\nX1;;;;;;;Dorpsstraat;1;a;bis;1234 ab;Ergens;;;;;;;;;;;;;;;");
        let mut compared = 0;
        for row in StockReader::new(file.as_bytes()).expect("header") {
            let unit = row.expect("valid row").unit;
            assert_eq!(unit.fingerprint(), first_version(&unit), "line of {}", unit.id_extern);
            compared += 1;
        }
        assert_eq!(compared, 501);
    }
}
