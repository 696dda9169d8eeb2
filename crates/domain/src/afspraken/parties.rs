//! Who sits at the table of a cycle: prestatieafspraken are made by the municipality, the corporations working in
//! it and their tenant organisations (Woningwet art. 44 lid 1 and 2). A cycle opened without one of them was no
//! cycle the law knows (a municipality alone, or without the tenants who are parties by law).

use crate::org::OrgKind;

/// What the chosen parties of a new cycle lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartiesProblem {
    /// No municipality among them.
    NoMunicipality,
    /// No corporation among them.
    NoCorporation,
    /// Tenant organisations work in the gemeente and none was chosen.
    NoTenants,
}

/// The problem with a new cycle's parties (the opener included), if any; `tenants_offered` says whether the gemeente
/// has tenant organisations to choose from.
pub fn parties_problem(parties: &[OrgKind], tenants_offered: bool) -> Option<PartiesProblem> {
    if !parties.contains(&OrgKind::Municipality) {
        Some(PartiesProblem::NoMunicipality)
    } else if !parties.contains(&OrgKind::Corporation) {
        Some(PartiesProblem::NoCorporation)
    } else if tenants_offered && !parties.contains(&OrgKind::TenantOrganisation) {
        Some(PartiesProblem::NoTenants)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrgKind::{Corporation, Municipality, TenantOrganisation};

    #[test]
    fn a_cycle_has_a_municipality_a_corporation_and_the_tenants_there_are() {
        assert_eq!(parties_problem(&[Municipality], true), Some(PartiesProblem::NoCorporation));
        assert_eq!(parties_problem(&[Corporation, TenantOrganisation], true), Some(PartiesProblem::NoMunicipality));
        assert_eq!(parties_problem(&[Municipality, Corporation], true), Some(PartiesProblem::NoTenants));
        assert_eq!(parties_problem(&[Municipality, Corporation], false), None, "no tenant organisation there");
        assert_eq!(parties_problem(&[Municipality, Corporation, TenantOrganisation], true), None);
        assert_eq!(parties_problem(&[Corporation, Municipality, Corporation, TenantOrganisation], true), None);
    }
}
