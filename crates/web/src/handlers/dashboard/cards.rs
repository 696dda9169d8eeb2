//! The module cards of an organisation: only the modules Volkshuis has, and only those its kind uses.

use crate::i18n::DashboardTexts;
use volkshuis_domain::modules::{coverage_only, Module};
use volkshuis_domain::org::OrgKind;

/// A module as a card: its name, what it is for, where it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Card {
    /// The module's name.
    pub title: &'static str,
    /// What it is for.
    pub about: &'static str,
    /// Where it opens.
    pub href: String,
}

/// The modules of an organisation of `kind` (id `org`): those the one rule of `domain::modules` opens to it, the
/// rule the menu and the guards follow (ADR 0031). A municipality's Participatie is its coverage figures.
pub(crate) fn cards(dt: &DashboardTexts, org: i64, kind: OrgKind) -> Vec<Card> {
    let card = |title, about, path: &str| Card { title, about, href: format!("/orgs/{org}{path}") };
    Module::ALL
        .into_iter()
        .filter(|m| m.open_to(kind))
        .map(|m| match m {
            Module::Bezit => card(dt.module_stock, dt.module_stock_about, "/stock"),
            Module::Participatie if coverage_only(kind) => {
                card(dt.module_coverage, dt.module_coverage_about, "/participatie/dekking")
            }
            Module::Participatie => card(dt.module_participatie, dt.module_participatie_about, "/participatie"),
            Module::Overleg => card(dt.module_overleg, dt.module_overleg_about, "/overleg"),
            Module::Afspraken => card(dt.module_afspraken, dt.module_afspraken_about, "/afspraken"),
            Module::SocialReturn => card(dt.module_social_return, dt.module_social_return_about, "/sr"),
            Module::Signalering => card(dt.module_signalering, dt.module_signalering_about, "/signalering"),
            Module::Nazorg => card(dt.module_nazorg, dt.module_nazorg_about, "/nazorg"),
            Module::Initiatieven => card(dt.module_initiatieven, dt.module_initiatieven_about, "/initiatieven"),
        })
        .collect()
}

/// The platform administrators' card.
pub(crate) fn platform(dt: &DashboardTexts) -> Card {
    Card { title: dt.module_platform, about: dt.module_platform_about, href: "/admin/orgs".to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn titles(kind: OrgKind) -> Vec<&'static str> {
        cards(DashboardTexts::of(Lang::Nl), 3, kind).into_iter().map(|c| c.title).collect()
    }

    #[test]
    fn each_kind_sees_only_the_modules_it_uses() {
        assert_eq!(
            titles(OrgKind::Corporation),
            [
                "Bezit",
                "Participatie",
                "Overleg",
                "Prestatieafspraken",
                "Social return",
                "Signalering",
                "Nazorg",
                "Initiatieven"
            ]
        );
        assert_eq!(
            titles(OrgKind::TenantOrganisation),
            ["Participatie", "Overleg", "Prestatieafspraken", "Initiatieven"]
        );
        assert_eq!(
            titles(OrgKind::Municipality),
            ["Dekking van de participatie", "Prestatieafspraken", "Social return", "Signalering", "Nazorg"]
        );
        assert_eq!(titles(OrgKind::Supplier), ["Social return"]);
        assert_eq!(
            titles(OrgKind::Partner),
            ["Social return", "Signalering", "Nazorg", "Initiatieven"],
            "as the menu shows it: a partner may coordinate, receives referrals and coaches buyers"
        );
        let hrefs: Vec<String> =
            cards(DashboardTexts::of(Lang::En), 3, OrgKind::Municipality).into_iter().map(|c| c.href).collect();
        assert_eq!(
            hrefs,
            [
                "/orgs/3/participatie/dekking",
                "/orgs/3/afspraken",
                "/orgs/3/sr",
                "/orgs/3/signalering",
                "/orgs/3/nazorg"
            ]
        );
    }
}
