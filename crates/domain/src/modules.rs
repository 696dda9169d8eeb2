//! The modules of Volkshuis and which kinds of organisation work in each.
//!
//! One rule for two readers: the handlers' guards answer 404 for an organisation whose kind has no pages in a
//! module, and the main navigation shows a module only where those guards let the user in. Both ask this module, so
//! the menu cannot offer a page the server refuses (ADR 0031).
//!
//! Every page of a module opens to every role of a member organisation (reading is [`Action::View`]); what a role
//! changes is the controls inside a module, not which modules it reaches.
//!
//! [`Action::View`]: crate::access::Action::View

use crate::org::OrgKind;

/// A module of the platform, in the order the main navigation lists them.
///
/// A module gets a variant here and a line in [`Module::open_to`] when its pages exist; until then no menu names
/// it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Module {
    /// Bezit: a corporation's complexes and units.
    Bezit,
    /// Participatiekaart: groups, coverage and the yearly diagnosis.
    Participatie,
    /// Overleg under the Overlegwet between a corporation and its tenant organisations.
    Overleg,
    /// Prestatieafspraken: the yearly cycle of municipality, corporations and tenant organisations.
    Afspraken,
    /// Social return: buyers' contracts and suppliers' contributions.
    SocialReturn,
    /// Signalering: rent-arrears signals from landlord to municipality, soft signals to partners.
    Signalering,
    /// Nazorg: homes sold to their tenants, the koopcoach, the checks after the sale, VvE's.
    Nazorg,
    /// Initiatieven: residents' initiatives the corporation helps to grow, budget rounds, social enterprises.
    Initiatieven,
}

impl Module {
    /// Every module, in menu order.
    pub const ALL: [Module; 8] = [
        Module::Bezit,
        Module::Participatie,
        Module::Overleg,
        Module::Afspraken,
        Module::SocialReturn,
        Module::Signalering,
        Module::Nazorg,
        Module::Initiatieven,
    ];

    /// A stable code (for tests and markup hooks).
    pub fn code(self) -> &'static str {
        match self {
            Module::Bezit => "bezit",
            Module::Participatie => "participatie",
            Module::Overleg => "overleg",
            Module::Afspraken => "afspraken",
            Module::SocialReturn => "social-return",
            Module::Signalering => "signalering",
            Module::Nazorg => "nazorg",
            Module::Initiatieven => "initiatieven",
        }
    }

    /// Whether an organisation of this kind has pages in the module.
    pub fn open_to(self, kind: OrgKind) -> bool {
        match self {
            Module::Bezit => kind == OrgKind::Corporation,
            // A municipality sees the coverage figures (see `coverage_only`), nothing else of the module.
            Module::Participatie => is_overlegwet_party(kind) || kind == OrgKind::Municipality,
            Module::Overleg => is_overlegwet_party(kind),
            // The three parties of the law (Woningwet art. 44).
            Module::Afspraken => is_overlegwet_party(kind) || kind == OrgKind::Municipality,
            // A tenant organisation neither buys nor supplies; every other kind buys, supplies or coordinates.
            Module::SocialReturn => kind != OrgKind::TenantOrganisation,
            // The landlord that signals, the municipality that receives, the partner a soft signal is referred to.
            // Inside, a person is shown only to members who may edit (staff, administrators); see the store's
            // `signalering::PersonalScope`.
            Module::Signalering => {
                matches!(kind, OrgKind::Corporation | OrgKind::Municipality | OrgKind::Partner)
            }
            // The corporation that sold, the partner whose koopcoaches guide buyers, the municipality that sees
            // counts. Buyers are shown to the corporation's staff and the assigned coach only (the store's
            // `nazorg::BuyerScope`).
            Module::Nazorg => matches!(kind, OrgKind::Corporation | OrgKind::Municipality | OrgKind::Partner),
            // The corporation that coaches and lends; tenant organisations and partners that bring initiatives in
            // and follow their own. A resident without an organisation brings one in from `/initiatieven`.
            Module::Initiatieven => {
                matches!(kind, OrgKind::Corporation | OrgKind::TenantOrganisation | OrgKind::Partner)
            }
        }
    }
}

/// Whether an organisation of this kind is a party under the Overlegwet (a corporation or a tenant organisation):
/// the parties have Overleg and the whole Participatiekaart.
pub fn is_overlegwet_party(kind: OrgKind) -> bool {
    matches!(kind, OrgKind::Corporation | OrgKind::TenantOrganisation)
}

/// Whether an organisation of this kind reaches only the coverage figures of the Participatiekaart (a municipality):
/// no groups, no diagnosis.
pub fn coverage_only(kind: OrgKind) -> bool {
    Module::Participatie.open_to(kind) && !is_overlegwet_party(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table of kinds and modules, written out so that a change to the rule shows here.
    #[test]
    fn each_kind_reaches_its_modules() {
        use OrgKind::*;
        let table = [
            (Corporation, [true, true, true, true, true, true, true, true]),
            (TenantOrganisation, [false, true, true, true, false, false, false, true]),
            (Municipality, [false, true, false, true, true, true, true, false]),
            (Supplier, [false, false, false, false, true, false, false, false]),
            (Partner, [false, false, false, false, true, true, true, true]),
        ];
        for (kind, expected) in table {
            assert_eq!(Module::ALL.map(|m| m.open_to(kind)), expected, "{kind}");
        }
    }

    #[test]
    fn only_a_municipality_sees_coverage_alone() {
        let only: Vec<OrgKind> = OrgKind::ALL.into_iter().filter(|k| coverage_only(*k)).collect();
        assert_eq!(only, vec![OrgKind::Municipality]);
    }

    #[test]
    fn codes_are_distinct() {
        let mut codes: Vec<&str> = Module::ALL.iter().map(|m| m.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Module::ALL.len());
    }
}
