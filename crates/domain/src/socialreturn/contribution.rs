//! What a supplier reports towards its obligation. A person is only a pseudonymous reference here; a name, if
//! entered at all, lives elsewhere under stricter rules.

use super::{Bonus, Certificate, TargetGroup, Training};
use crate::money::Money;
use serde::{Deserialize, Serialize};
use time::Date;

/// One contribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Contribution {
    /// A job for someone far from the labour market.
    Placement {
        /// The supplier's pseudonymous reference for the person (never a name or BSN).
        person: String,
        /// The person's target group.
        group: TargetGroup,
        /// Whether the person was long on the benefit (the higher value some tables give).
        long_term: bool,
        /// First day.
        start: Date,
        /// Last day.
        end: Date,
        /// Hours a week.
        hours_per_week: u32,
        /// Extras that apply.
        bonuses: Vec<Bonus>,
    },
    /// An apprenticeship (BBL) or internship (BOL).
    Apprenticeship {
        /// The supplier's reference for the student.
        person: String,
        /// BBL or BOL.
        training: Training,
        /// MBO level.
        level: Option<u8>,
        /// First day.
        start: Date,
        /// Last day.
        end: Date,
    },
    /// A work-experience place.
    WorkExperience {
        /// The supplier's reference for the person.
        person: String,
        /// First day.
        start: Date,
        /// Last day.
        end: Date,
    },
    /// A purchase from a social enterprise or PSO-certified firm.
    Purchase {
        /// The seller.
        seller: String,
        /// Its certificate.
        certificate: Certificate,
        /// Invoice amount excl. VAT.
        invoice: Money,
        /// Invoice date.
        date: Date,
    },
    /// Another activity (volunteering, knowledge sharing), by the hour.
    Other {
        /// What was done.
        description: String,
        /// Hours spent.
        hours: u32,
        /// When (the last day).
        date: Date,
    },
}

impl Contribution {
    /// A stable code for the kind (storage, filters).
    pub fn kind_code(&self) -> &'static str {
        match self {
            Contribution::Placement { .. } => "placement",
            Contribution::Apprenticeship { .. } => "apprenticeship",
            Contribution::WorkExperience { .. } => "work_experience",
            Contribution::Purchase { .. } => "purchase",
            Contribution::Other { .. } => "other",
        }
    }

    /// The day it starts counting (for the year it belongs to).
    pub fn first_day(&self) -> Date {
        match self {
            Contribution::Placement { start, .. }
            | Contribution::Apprenticeship { start, .. }
            | Contribution::WorkExperience { start, .. } => *start,
            Contribution::Purchase { date, .. } | Contribution::Other { date, .. } => *date,
        }
    }

    /// The target group of a placement.
    pub fn target_group(&self) -> Option<TargetGroup> {
        match self {
            Contribution::Placement { group, .. } => Some(*group),
            _ => None,
        }
    }
}
