//! Who sits at the table of a cycle: prestatieafspraken are made by the municipality, the corporations working in
//! it and their tenant organisations (Woningwet art. 44 lid 1 and 2). A cycle opened without one of them was no
//! cycle the law knows (a municipality alone, or without the tenants who are parties by law).

use crate::org::OrgKind;

/// What the chosen parties of a new cycle lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartiesProblem {
    /// The gemeente's municipality is on the platform and was not chosen.
    NoMunicipality,
    /// No corporation among them.
    NoCorporation,
    /// A chosen corporation's tenant organisations (its Overleg partners here) were all left out.
    NoTenants,
}

/// The table a new cycle sets, as chosen (the opener included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table<'a> {
    /// The kinds of the chosen parties.
    pub chosen: &'a [OrgKind],
    /// Whether the gemeente's municipality is on the platform (a corporation where it is not still opens a cycle).
    pub municipality_offered: bool,
    /// Whether a chosen corporation has tenant organisations here of which none was chosen.
    pub corporation_without_its_tenants: bool,
}

/// The problem with a new cycle's parties, if any.
pub fn parties_problem(table: Table<'_>) -> Option<PartiesProblem> {
    if table.municipality_offered && !table.chosen.contains(&OrgKind::Municipality) {
        Some(PartiesProblem::NoMunicipality)
    } else if !table.chosen.contains(&OrgKind::Corporation) {
        Some(PartiesProblem::NoCorporation)
    } else if table.corporation_without_its_tenants {
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
    fn a_cycle_has_the_municipality_a_corporation_and_its_tenants() {
        let table = |chosen, municipality_offered, corporation_without_its_tenants| {
            parties_problem(Table { chosen, municipality_offered, corporation_without_its_tenants })
        };
        assert_eq!(table(&[Municipality], true, false), Some(PartiesProblem::NoCorporation));
        assert_eq!(table(&[Corporation, TenantOrganisation], true, false), Some(PartiesProblem::NoMunicipality));
        assert_eq!(table(&[Corporation, TenantOrganisation], false, false), None, "no municipality on the platform");
        assert_eq!(table(&[Municipality, Corporation], true, true), Some(PartiesProblem::NoTenants));
        assert_eq!(table(&[Municipality, Corporation], true, false), None, "its corporation has no tenants here");
        assert_eq!(table(&[Municipality, Corporation, TenantOrganisation], true, false), None);
    }
}
