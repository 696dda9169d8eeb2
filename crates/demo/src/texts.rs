//! The demo's texts that speak about its stock — cases, group descriptions, the contract — written from the
//! generated complexes, so a case about De Linde names as many homes as De Linde has.

use crate::portfolio::facts::{enumerate, ComplexFacts};

/// The renovation advice request for one complex, planned for `year`.
pub(crate) fn renovation(complex: &ComplexFacts, year: i32) -> String {
    format!(
        "Wij willen in {year} de {homes} van complex {name} ({streets}, {town}; bouwjaar {built}) isoleren (dak, gevel \
         en vloer) en nieuwe kozijnen met isolatieglas plaatsen. De huurverhoging na renovatie is € 25 per maand; 70% \
         van de bewoners moet instemmen met het sociaal plan. Wij vragen uw advies over het plan en het sociaal plan.",
        homes = complex.dwellings_text(),
        name = complex.name,
        streets = complex.street_list(),
        town = complex.town,
        built = complex.bouwjaar,
    )
}

/// The consent request on cleaning the staircases of the complexes that have them.
pub(crate) fn staircase_cleaning(complexes: &[&ComplexFacts]) -> String {
    let each: Vec<String> = complexes.iter().map(|c| format!("{} ({})", c.name, c.dwellings_text())).collect();
    let homes: u32 = complexes.iter().map(|c| c.dwellings).sum();
    format!(
        "Wij willen de schoonmaak van de trappenhuizen in {} onderbrengen bij een nieuw schoonmaakbedrijf. Voor de \
         {homes} woningen stijgen de servicekosten met € 1,85 per maand. Hiervoor vragen wij uw instemming (art. 5a \
         Overlegwet).",
        enumerate(&each.iter().map(String::as_str).collect::<Vec<_>>()),
    )
}

/// What the maintenance plan does to a complex of this kind.
fn planned_work(complex: &ComplexFacts) -> &'static str {
    let main = complex.kinds.iter().max_by_key(|(_, n)| **n).map(|(k, _)| *k).unwrap_or("");
    match main {
        "TUS" | "HOE" | "EIN" => "buitenschilderwerk en dakgoten",
        "POW" | "POF" => "voegwerk en trappenhuizen",
        "GAL" => "galerijen en balkons",
        "COR" => "liften en brandmeldinstallatie",
        _ => "buitenschilderwerk",
    }
}

/// The maintenance plan for `year`, for information, naming the complexes whose turn it is.
pub(crate) fn maintenance_plan(complexes: &[&ComplexFacts], year: i32) -> String {
    let items: Vec<String> = complexes
        .iter()
        .map(|c| format!("{} ({}, {}): {}", c.name, c.dwellings_text(), c.bouwjaar, planned_work(c)))
        .collect();
    format!(
        "Ter informatie: het onderhoudsplan voor {year}. Aan de beurt zijn {}. De bewoners krijgen een brief zodra \
         de aannemer bekend is.",
        enumerate(&items.iter().map(String::as_str).collect::<Vec<_>>()),
    )
}

/// The rent policy for `year`, over the corporation's whole stock.
pub(crate) fn rent_policy(all: &[ComplexFacts], year: i32) -> String {
    let social: u32 = all.iter().map(|c| c.social).sum();
    let mid: u32 = all.iter().map(|c| c.dwellings - c.social).sum();
    format!(
        "Wij stellen voor de huren van onze {social} sociale huurwoningen per 1 juli {year} met de inflatie te \
         verhogen, en huren boven de streefhuur te bevriezen. Voor onze {mid} middenhuurwoningen volgen wij de \
         wettelijke maximale verhoging. Wij vragen uw advies."
    )
}

/// The allocation advice request for the new homes in Noord, finished in `year`: older tenants of these complexes
/// first, so their homes come free for families.
pub(crate) fn allocation(houses: &ComplexFacts, flat: &ComplexFacts, year: i32) -> String {
    format!(
        "Wij willen ouderen uit de {houses} ({house_homes}) en {flat} ({flat_homes}) voorrang geven bij de 40 nieuwe \
         gelijkvloerse woningen op het oude schoolterrein aan de Molenweg in {town}-Noord, die in {year} worden \
         opgeleverd. Zo komen eengezinswoningen vrij voor gezinnen.",
        houses = houses.name,
        house_homes = houses.dwellings_text(),
        flat = flat.name,
        flat_homes = flat.dwellings_text(),
        town = houses.town,
    )
}

/// Who a tenant organisation speaks for, from the complexes it covers.
pub(crate) fn association(complexes: &[&ComplexFacts]) -> String {
    let mut towns: Vec<&str> = Vec::new();
    for c in complexes {
        if !towns.contains(&c.town) {
            towns.push(c.town);
        }
    }
    let homes: u32 = complexes.iter().map(|c| c.dwellings).sum();
    format!(
        "Wij komen op voor de huurders van Woonstad in {} ({homes} woningen in {} complexen): huurbeleid, onderhoud, \
         servicekosten en leefbaarheid.",
        enumerate(&towns),
        complexes.len(),
    )
}

/// The residents' committee of one complex.
pub(crate) fn committee(complex: &ComplexFacts) -> String {
    format!(
        "De bewonerscommissie van {} ({} aan de {}), nu vooral over de renovatie.",
        complex.name,
        complex.dwellings_text(),
        complex.street_list()
    )
}

/// The tenants' council of a district, from its complexes.
pub(crate) fn district_council(complexes: &[&ComplexFacts], district: &str) -> String {
    let names: Vec<&str> = complexes.iter().map(|c| c.name).collect();
    let homes: u32 = complexes.iter().map(|c| c.dwellings).sum();
    format!("Huurders in {district}: {} ({homes} woningen). In opbouw.", enumerate(&names))
}

/// The digital panel of one complex.
pub(crate) fn panel(complex: &ComplexFacts) -> String {
    format!(
        "Vier keer per jaar een korte vragenlijst voor de bewoners van de {} van {}.",
        complex.dwellings_text(),
        complex.name
    )
}

/// The title of the renovation contract of one complex.
pub(crate) fn contract_title(complex: &ComplexFacts) -> String {
    format!("Renovatie {}: dak, gevel en kozijnen", complex.name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn complex(name: &'static str, kind: &'static str, dwellings: u32, social: u32) -> ComplexFacts {
        ComplexFacts {
            code: "CPX000099".into(),
            name,
            town: "Deventer",
            streets: vec!["Lindelaan", "Kastanjelaan"],
            dwellings,
            social,
            other: 0,
            kinds: BTreeMap::from([(kind, dwellings)]),
            bouwjaar: 1968,
        }
    }

    #[test]
    fn case_texts_carry_the_numbers_of_their_complexes() {
        let linde = complex("De Linde", "TUS", 11, 11);
        let text = renovation(&linde, 2027);
        assert!(text.contains("de 11 eengezinswoningen van complex De Linde (Lindelaan en Kastanjelaan, Deventer"));
        assert!(text.contains("bouwjaar 1968") && text.contains("in 2027"));
        assert!(!text.contains("120"));
        let flats = complex("Schildersbuurt", "POF", 176, 176);
        let portiek = complex("Rivierenbuurt", "POW", 138, 138);
        let cleaning = staircase_cleaning(&[&portiek, &flats]);
        assert!(
            cleaning.contains("Rivierenbuurt (138 portiekwoningen) en Schildersbuurt (176 woningen in portiekflats)")
        );
        assert!(cleaning.contains("Voor de 314 woningen"));
        let plan = maintenance_plan(&[&flats, &linde], 2027);
        assert!(
            plan.contains("Schildersbuurt (176 woningen in portiekflats, 1968): voegwerk en trappenhuizen en De Linde")
        );
        let policy = rent_policy(&[complex("A", "GAL", 100, 60), complex("B", "TUS", 50, 50)], 2027);
        assert!(
            policy.contains("onze 110 sociale huurwoningen per 1 juli 2027") && policy.contains("onze 40 middenhuur")
        );
        let flat = complex("Flat De Wieken", "GAL", 120, 120);
        let noord = allocation(&linde, &flat, 2027);
        assert!(noord.contains("De Linde (11 eengezinswoningen) en Flat De Wieken (120 galerijwoningen)"), "{noord}");
    }

    #[test]
    fn group_texts_describe_their_own_complexes() {
        let a = complex("De Linde", "TUS", 118, 118);
        let mut b = complex("Schoolstraat e.o.", "TUS", 44, 44);
        b.town = "Wijhe";
        let text = association(&[&a, &b]);
        assert!(text.contains("in Deventer en Wijhe (162 woningen in 2 complexen)"), "{text}");
        assert!(committee(&a).contains("De Linde (118 eengezinswoningen aan de Lindelaan en Kastanjelaan)"));
        assert!(district_council(&[&a, &b], "Deventer-Noord").contains("De Linde en Schoolstraat e.o. (162 woningen)"));
        let one = complex("Zonnehof", "COR", 1, 1);
        assert!(panel(&one).contains("de 1 appartement van Zonnehof"), "singular for one home");
        assert_eq!(contract_title(&a), "Renovatie De Linde: dak, gevel en kozijnen");
    }
}
