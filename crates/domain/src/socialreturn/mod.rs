//! Social return (SROI) in procurement: obligations in contracts, valued by the buyer's own dated table
//! (*bouwblokken*), and followed to the end of the contract. See `shared/design/RULES.md` (Social return).
//!
//! - [`table`]: a buyer's valuation table, one version per valid-from date, and the two shipped examples;
//! - [`contribution`]: what a supplier reports;
//! - [`valuation`]: the value of one contribution, exact to the cent, with its calculation line by line
//!   ([`lines`]), pro rata calendar months ([`months`]) and within the contract period;
//! - [`progress`]: the obligation, progress against it and time, and the settlement at the end.

pub mod contribution;
pub mod examples;
pub mod lines;
pub mod months;
pub mod progress;
pub mod table;
pub mod valuation;

use crate::coded_enum;

coded_enum! {
    /// Whom a placement helps: the target groups of the tables.
    pub enum TargetGroup {
        /// Participatiewet benefit.
        Participatiewet = "participatiewet",
        /// Doelgroepregister / banenafspraak.
        Doelgroepregister = "doelgroepregister",
        /// WIA or WAO benefit.
        WiaWao = "wia_wao",
        /// WW benefit.
        Ww = "ww",
        /// Statushouder (refugee with a residence permit).
        Statushouder = "statushouder",
        /// Far from work without a benefit.
        NoBenefit = "no_benefit",
    }
}

coded_enum! {
    /// Extras on a placement's value.
    pub enum Bonus {
        /// Aged 50 or over.
        Age50Plus = "age_50_plus",
        /// Statushouder.
        Statushouder = "statushouder",
        /// A language gap (taalachterstand).
        LanguageGap = "language_gap",
        /// A permanent contract.
        PermanentContract = "permanent_contract",
    }
}

impl Bonus {
    /// Its Dutch name as it stands in a sentence (the calculation lines' `Display`, which the CLI prints).
    pub fn dutch(self) -> &'static str {
        match self {
            Bonus::Age50Plus => "50 jaar of ouder",
            Bonus::Statushouder => "statushouder",
            Bonus::LanguageGap => "taalachterstand",
            Bonus::PermanentContract => "vast contract",
        }
    }
}

coded_enum! {
    /// Vocational training routes.
    pub enum Training {
        /// Beroepsbegeleidende leerweg: learning while working.
        Bbl = "bbl",
        /// Beroepsopleidende leerweg: an internship.
        Bol = "bol",
    }
}

coded_enum! {
    /// Certificates of social enterprises and socially responsible firms.
    pub enum Certificate {
        /// Registered with the Code Sociale Ondernemingen.
        CodeSocialeOndernemingen = "code_so",
        /// Member of Social Enterprise NL.
        SocialEnterpriseNl = "se_nl",
        /// PSO aspirant.
        PsoAspirant = "pso_aspirant",
        /// PSO trede 1.
        PsoTrede1 = "pso_1",
        /// PSO trede 2.
        PsoTrede2 = "pso_2",
        /// PSO trede 3.
        PsoTrede3 = "pso_3",
        /// PSO 30+ (at least 30% target-group staff).
        Pso30Plus = "pso_30plus",
    }
}

/// Money times a fraction, rounded half up to the cent, without floating point.
pub(crate) fn pro_rata(cents: i64, numerator: i64, denominator: i64) -> i64 {
    if denominator == 0 {
        return 0;
    }
    let product = i128::from(cents) * i128::from(numerator);
    let d = i128::from(denominator);
    let rounded = if product >= 0 { (product + d / 2) / d } else { (product - d / 2) / d };
    i64::try_from(rounded).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pro_rata_rounds_half_up_to_the_cent() {
        assert_eq!(pro_rata(4_000_000, 24 * 181, 36 * 365), 1_322_374);
        assert_eq!(pro_rata(5, 1, 2), 3);
        assert_eq!(pro_rata(-5, 1, 2), -3);
        assert_eq!(pro_rata(100, 1, 0), 0);
    }
}
