//! English names of the VERA codes the pages show (the kinds and states of units, social labels, kinds of complex).
//! The official list (`Referentiedata.csv`) names its codes in Dutch only; the English interface showed "Woonruimte
//! (WOO)" beside English text. These are our translations, kept beside the code as the Dutch name is: a code the
//! list gains later, without a translation here, is shown with its Dutch name (a test holds that every code of these
//! lists in the official file has one).

/// The VERA lists the pages show, by their official names (`vera_names` reads these).
pub use volkshuis_domain::vera::lists::{COMPLEX_KIND, SOCIAL_LABEL, UNIT_DETAIL_KIND, UNIT_KIND, UNIT_STATE};

/// Each list with its translations: the one place that says which lists have English names.
const TABLES: [(&str, &[(&str, &str)]); 5] = [
    (UNIT_KIND, UNIT_KINDS),
    (UNIT_DETAIL_KIND, UNIT_DETAIL_KINDS),
    (UNIT_STATE, UNIT_STATES),
    (SOCIAL_LABEL, SOCIAL_LABELS),
    (COMPLEX_KIND, COMPLEX_KINDS),
];

/// Whether the VERA list `list` has English names here (the others are not shown in the interface).
pub fn has_english_names(list: &str) -> bool {
    TABLES.iter().any(|(name, _)| *name == list)
}

/// The English name of `code` in the VERA list `list`, when there is one.
pub fn english(list: &str, code: &str) -> Option<&'static str> {
    let (_, table) = TABLES.iter().find(|(name, _)| *name == list)?;
    table.iter().find(|(c, _)| *c == code).map(|(_, name)| *name)
}

const UNIT_KINDS: &[(&str, &str)] = &[
    ("BED", "Business premises"),
    ("INT", "Residential care property"),
    ("MOG", "Social real estate"),
    ("OVE", "Other"),
    ("PAR", "Parking"),
    ("REC", "Recreational property"),
    ("WOO", "Dwelling"),
];

const UNIT_STATES: &[(&str, &str)] = &[
    ("ADM", "Administrative only (managed by others)"),
    ("LEE", "Vacant"),
    ("OND", "Under maintenance"),
    ("ONT", "In development"),
    ("UIT", "Out of operation"),
    ("VEH", "Let"),
    ("VEK", "Sold"),
];

// DAEB stays DAEB: it is the name of the legal category (services of general economic interest), also in English
// texts about Dutch housing.
const SOCIAL_LABELS: &[(&str, &str)] =
    &[("DAE", "DAEB"), ("GNDV", "Consolidated non-DAEB entity"), ("NDA", "Non-DAEB")];

const COMPLEX_KINDS: &[(&str, &str)] = &[
    ("BUU", "Neighbourhood"),
    ("FIN", "Financial"),
    ("MAR", "Market"),
    ("OND", "Maintenance"),
    ("PRO", "Project"),
    ("RAY", "Region"),
    ("SER", "Service charges"),
    ("STO", "Utility charges"),
    ("STR", "Strategic"),
    ("VEX", "Property operation"),
    ("VVE", "Owners' association"),
    ("WIJ", "District"),
    ("WRD", "Valuation"),
    ("WGP", "Wbmgp (urban areas act)"),
];

const UNIT_DETAIL_KINDS: &[(&str, &str)] = &[
    ("ANT", "Antenna site"),
    ("ATE", "Studio (workshop)"),
    ("BAS", "Primary school"),
    ("BED", "Industrial hall"),
    ("BEN", "Ground-floor flat"),
    ("BER", "Storage room"),
    ("BIB", "Library"),
    ("BIJ", "Meeting room"),
    ("BOU", "Building plot"),
    ("BOV", "Upper-floor flat"),
    ("BRE", "Community school"),
    ("BUU", "Neighbourhood centre"),
    ("CJG", "Youth and family centre"),
    ("COR", "Corridor flat"),
    ("CUL", "Cultural space"),
    ("DAG", "Day activity space"),
    ("EIN", "End-of-terrace house"),
    ("EPK", "Leasehold plot"),
    ("FIE", "Bicycle parking"),
    ("GAL", "Gallery flat"),
    ("GAR", "Garage"),
    ("GEM", "Community centre"),
    ("GTW", "Linked semi-detached house"),
    ("GWO", "Linked house"),
    ("HAL", "Partly detached house"),
    ("HER", "Town house"),
    ("HOE", "Corner house"),
    ("HOR", "Hospitality premises"),
    ("HOS", "Hospice"),
    ("JON", "Youth centre"),
    ("KAM", "Room"),
    ("KAN", "Office space"),
    ("KNG", "Multi-generation home"),
    ("KIN", "Childcare location"),
    ("KTI", "Office space of a housing association"),
    ("LGI", "Institution for people with physical disabilities"),
    ("LIG", "Mooring"),
    ("LVG", "Institution for people with physical and intellectual disabilities"),
    ("MAA", "Social work space (neighbourhood)"),
    ("MAI", "Maisonette"),
    ("MUL", "Multifunctional centre"),
    ("MWR", "Social work space (not neighbourhood)"),
    ("OPS", "Storage yard"),
    ("OPV", "Shelter"),
    ("PAM", "Motorcycle parking space"),
    ("PAO", "Covered parking space"),
    ("PAR", "Car parking space"),
    ("POF", "Flat off a closed stairwell"),
    ("POW", "Flat off an open porch"),
    ("PRA", "Practice premises"),
    ("PRW", "Home with practice"),
    ("PZI", "Mental health care institution"),
    ("REC", "Holiday home"),
    ("REZ", "Recreation hall"),
    ("SCH", "School building"),
    ("SCO", "Mobility scooter space"),
    ("STP", "Support point (debt advice)"),
    ("TIJ", "Temporary home"),
    ("TIN", "Tiny house"),
    ("TUS", "Mid-terrace house"),
    ("TWE", "Semi-detached house"),
    ("VEI", "Safety house"),
    ("VGI", "Institution for people with intellectual disabilities"),
    ("VOL", "Allotment"),
    ("VPL", "Nursing home"),
    ("VRI", "Detached house"),
    ("VZO", "Residential care home"),
    ("WAT", "Floating home"),
    ("WEL", "Welfare work space (neighbourhood)"),
    ("WER", "Work centre"),
    ("WIJ", "Neighbourhood sports facility"),
    ("WIR", "Shop"),
    ("WOB", "Houseboat"),
    ("WOW", "Mobile home"),
    ("WWI", "Shop with dwelling"),
    ("WWP", "Mobile home pitch"),
    ("WWR", "Welfare work space (not neighbourhood)"),
    ("ZIE", "Hospital"),
    ("ZST", "Care support point"),
];
