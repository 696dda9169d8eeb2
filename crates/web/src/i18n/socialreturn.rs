//! Texts of the Social return module. Calculation lines come from the domain in Dutch.

use volkshuis_domain::socialreturn::progress::Standing;
use volkshuis_domain::socialreturn::{Bonus, Certificate, TargetGroup, Training};

texts!(SocialReturnTexts, SR_NL, SR_EN {
    title: "Social return", "Social return";
    intro_buyer: "Contracten met een social-return-verplichting, wat leveranciers bijdroegen en wat er nog openstaat.", "Contracts with a social-return obligation, what suppliers contributed and what is still open.";
    intro_supplier: "Uw contracten met een social-return-verplichting: wat u nog moet leveren en tot wanneer.", "Your contracts with a social-return obligation: what you still owe and by when.";
    intro_coordinator: "Contracten waarvoor u social return coördineert.", "Contracts for which you coordinate social return.";
    contracts: "Contracten", "Contracts";
    contracts_none: "Nog geen contracten.", "No contracts yet.";
    new_contract: "Nieuw contract", "New contract";
    tables: "Waarderingstabellen", "Valuation tables";
    tables_none: "Nog geen waarderingstabel. Begin met een voorbeeld en pas het aan.", "No valuation table yet. Start from an example and adapt it.";
    add_example_utrecht: "Voorbeeld Utrecht toevoegen", "Add the Utrecht example";
    add_example_oost: "Voorbeeld Oost-Nederland toevoegen", "Add the Oost-Nederland example";
    example: "voorbeeld", "example";
    new_version: "Nieuwe versie op basis hiervan", "New version based on this one";
    valid_from: "Geldig vanaf", "Valid from";
    source: "Bron", "Source";
    table_name: "Naam", "Name";
    full_time_hours: "Uren van een voltijdbaan", "Hours of a full-time job";
    min_hours: "Minimum uren per week (leeg: geen minimum)", "Minimum hours a week (empty: none)";
    job_value: "Waarde per voltijd-arbeidsjaar", "Value per full-time job-year";
    long_term_value: "Waarde bij lang in de uitkering (leeg: gelijk)", "Value when long on the benefit (empty: the same)";
    counted_months: "Telt hoogstens (maanden; leeg: onbeperkt)", "Counts at most (months; empty: no limit)";
    bonuses: "Bonussen per voltijd-arbeidsjaar", "Bonuses per full-time job-year";
    training_value: "Waarde per leerjaar", "Value per training year";
    work_experience: "Werkervaringsplaats per maand", "Work-experience place per month";
    other_per_hour: "Overige activiteiten per uur", "Other activities per hour";
    purchase_share: "Aandeel van de factuur dat telt (%)", "Share of the invoice that counts (%)";
    threshold: "Verplichting vanaf contractwaarde", "Obligation from contract value";
    percentage: "Verplichting (% van de contractwaarde)", "Obligation (% of contract value)";
    save_table: "Versie opslaan", "Save version";
    not_counted: "telt niet", "does not count";
    supplier: "Leverancier", "Supplier";
    coordinator: "Coördinator (leeg: geen)", "Coordinator (empty: none)";
    buyer: "Opdrachtgever", "Buyer";
    contract_title: "Omschrijving van de opdracht", "Description of the contract";
    value: "Waarde excl. btw", "Value excl. VAT";
    starts_on: "Begint op", "Starts on";
    ends_on: "Eindigt op", "Ends on";
    awarded_on: "Gegund op", "Awarded on";
    obligation: "Verplichting", "Obligation";
    obligation_percent: "Percentage van de waarde", "Percentage of the value";
    obligation_fixed: "Vast bedrag (in plaats van een percentage)", "Fixed amount (instead of a percentage)";
    obligation_suggested: "Volgens de tabel: {p}% vanaf {threshold}.", "By the table: {p}% from {threshold}.";
    cadence: "Rapportage", "Reporting";
    cadence_monthly: "maandelijks", "monthly";
    cadence_quarterly: "per kwartaal", "quarterly";
    cadence_yearly: "jaarlijks", "yearly";
    table_applies: "Waarderingstabel (de versie die gold op de gunningsdatum)", "Valuation table (the version valid on the award date)";
    save_contract: "Contract vastleggen", "Record contract";
    err_no_table: "Er is geen tabelversie die gold op de gunningsdatum.", "No table version was valid on the award date.";
    err_supplier: "Kies een leverancier.", "Choose a supplier.";
    err_dates: "De einddatum ligt voor de begindatum.", "The end date is before the start date.";
    err_amount: "Vul een bedrag in, bijvoorbeeld 250.000,00.", "Enter an amount, for example 250,000.00.";
    err_percent: "Vul een percentage in, bijvoorbeeld 5 of 2,5.", "Enter a percentage, for example 5 or 2.5.";
    err_number: "Vul een heel getal in.", "Enter a whole number.";
    err_date: "Vul een datum in.", "Enter a date.";
    progress: "Voortgang", "Progress";
    approved: "Goedgekeurd", "Approved";
    pending: "In behandeling", "Pending";
    rejected: "Afgewezen", "Rejected";
    still_owed: "Nog te leveren", "Still owed";
    expected: "Verwacht bij dit tempo", "Expected at this pace";
    days_left: "Resterende tijd", "Time left";
    days: "{n} dagen", "{n} days";
    ended: "afgelopen", "ended";
    standing_fulfilled: "Voldaan", "Fulfilled";
    standing_on_track: "Op schema", "On track";
    standing_at_risk: "Risico: achter op schema", "At risk: behind schedule";
    standing_overdue: "Niet voldaan na afloop", "Not fulfilled after the end";
    contributions: "Bijdragen", "Contributions";
    contributions_none: "Nog geen bijdragen.", "No contributions yet.";
    calculation: "Berekening", "Calculation";
    report: "Bijdrage melden", "Report a contribution";
    kind: "Soort bijdrage", "Kind of contribution";
    kind_placement: "Plaatsing (baan)", "Placement (job)";
    kind_apprenticeship: "Leerwerkplek (BBL/BOL)", "Apprenticeship (BBL/BOL)";
    kind_work_experience: "Werkervaringsplaats", "Work-experience place";
    kind_purchase: "Inkoop bij sociale onderneming of PSO-bedrijf", "Purchase from a social enterprise or PSO firm";
    kind_other: "Overige activiteit", "Other activity";
    person: "Kenmerk van de kandidaat (geen naam of BSN)", "Candidate reference (no name or citizen number)";
    person_name: "Naam (optioneel; alleen zichtbaar voor u en de coördinator)", "Name (optional; visible only to you and the coordinator)";
    target_group: "Doelgroep", "Target group";
    long_term: "Lang in de uitkering", "Long on the benefit";
    hours_per_week: "Uren per week", "Hours a week";
    start: "Begin", "Start";
    end: "Einde", "End";
    training: "Leerweg", "Training route";
    level: "Niveau (1–4, optioneel)", "Level (1–4, optional)";
    seller: "Leverancier van de inkoop", "Seller";
    certificate: "Certificaat", "Certificate";
    invoice: "Factuurbedrag excl. btw", "Invoice amount excl. VAT";
    invoice_date: "Factuurdatum", "Invoice date";
    description: "Omschrijving", "Description";
    hours: "Uren", "Hours";
    evidence: "Bewijsstukken (PDF of Office, hoogstens 10 MB)", "Evidence (PDF or Office, at most 10 MB)";
    send_report: "Melden", "Report";
    err_valuation: "Deze bijdrage kan niet worden gewaardeerd: {reason}.", "This contribution cannot be valued: {reason}.";
    approve: "Goedkeuren", "Approve";
    reject: "Afwijzen", "Reject";
    reason: "Reden (verplicht bij afwijzen)", "Reason (required when rejecting)";
    reason_shown: "Reden", "Reason";
    coordinator_shown: "Coördinator", "Coordinator";
    err_reason: "Geef een reden bij een afwijzing.", "Give a reason when rejecting.";
    err_decided: "Over deze bijdrage is al besloten.", "This contribution was decided already.";
    tenant: "Eigen huurder", "Own tenant";
    tenant_cluster: "Complex van de huurder", "The tenant's complex";
    tenant_consent: "Toestemming van de huurder op", "Tenant's consent on";
    mark_tenant: "Markeren als eigen huurder", "Mark as own tenant";
    settlement: "Afrekening", "Settlement";
    unfulfilled: "Niet ingevuld deel", "Unfulfilled part";
    withhold: "In te houden op de eindafrekening", "To withhold from the final payment";
    repair_until: "Herstelperiode tot", "Repair period until";
    did_all: "De leverancier heeft aantoonbaar alles gedaan wat hij kon (niets inhouden)", "The supplier demonstrably did all it could (withhold nothing)";
    note: "Toelichting", "Note";
    settle: "Afrekening vastleggen", "Record settlement";
    settled_on: "Afgerekend op", "Settled on";
    portfolio: "Portefeuille", "Portfolio";
    total_obligation: "Verplichting totaal", "Total obligation";
    by_supplier: "Naar leverancier", "By supplier";
    by_group: "Naar doelgroep of soort", "By target group or kind";
    by_year: "Naar jaar", "By year";
    tenant_jobs: "Banen voor eigen huurders, per complex", "Jobs for own tenants, by complex";
    tenant_jobs_none: "Nog geen banen voor eigen huurders vastgelegd.", "No jobs for own tenants recorded yet.";
    export_csv: "Exporteren (CSV)", "Export (CSV)";
    export_xlsx: "Exporteren (Excel)", "Export (Excel)";
    year_report: "Jaarverslag", "Annual report";
    year_report_title: "Social return in {year}", "Social return in {year}";
    year_report_intro: "Wat de inkoop van {org} in {year} opleverde voor mensen met een afstand tot de arbeidsmarkt.", "What {org}'s purchasing yielded in {year} for people far from the labour market.";
    count: "Aantal", "Count";
    names: "Namen zijn persoonsgegevens: elke inzage wordt vastgelegd.", "Names are personal data: every view is logged.";
    mail_report_subject: "Rapporteer social return: {title}", "Report social return: {title}";
    mail_report_body: "Een rapportageperiode van \"{title}\" is om. Nog te leveren: {owed}; het contract loopt tot {end}.\n\nMeld uw bijdragen: {link}", "A reporting period of \"{title}\" has ended. Still owed: {owed}; the contract runs until {end}.\n\nReport your contributions: {link}";
    mail_ended_subject: "Social return niet voldaan: {title}", "Social return not fulfilled: {title}";
    mail_ended_body: "Het contract \"{title}\" met {supplier} is afgelopen; er staat nog {owed} open. Leg de herstelperiode en de afrekening vast: {link}", "The contract \"{title}\" with {supplier} has ended; {owed} is still open. Record the repair period and the settlement: {link}";
    group_participatiewet: "Participatiewet", "Participatiewet";
    group_doelgroepregister: "Doelgroepregister / banenafspraak", "Doelgroepregister / banenafspraak";
    group_wia_wao: "WIA / WAO", "WIA / WAO";
    group_ww: "WW", "WW";
    group_statushouder: "Statushouder", "Refugee with residence permit";
    group_no_benefit: "Zonder uitkering", "No benefit";
    bonus_age: "50 jaar of ouder", "Aged 50 or over";
    bonus_statushouder: "Statushouder", "Refugee with residence permit";
    bonus_language: "Taalachterstand", "Language gap";
    bonus_permanent: "Vast contract", "Permanent contract";
    cert_code_so: "Code Sociale Ondernemingen", "Code Sociale Ondernemingen";
    cert_se_nl: "Social Enterprise NL", "Social Enterprise NL";
    cert_pso_aspirant: "PSO aspirant", "PSO aspirant";
    cert_pso_1: "PSO trede 1", "PSO level 1";
    cert_pso_2: "PSO trede 2", "PSO level 2";
    cert_pso_3: "PSO trede 3", "PSO level 3";
    cert_pso_30plus: "PSO 30+", "PSO 30+";
});

impl SocialReturnTexts {
    /// The name of a target group.
    pub fn group(&self, group: TargetGroup) -> &'static str {
        match group {
            TargetGroup::Participatiewet => self.group_participatiewet,
            TargetGroup::Doelgroepregister => self.group_doelgroepregister,
            TargetGroup::WiaWao => self.group_wia_wao,
            TargetGroup::Ww => self.group_ww,
            TargetGroup::Statushouder => self.group_statushouder,
            TargetGroup::NoBenefit => self.group_no_benefit,
        }
    }

    /// The name of a bonus.
    pub fn bonus(&self, bonus: Bonus) -> &'static str {
        match bonus {
            Bonus::Age50Plus => self.bonus_age,
            Bonus::Statushouder => self.bonus_statushouder,
            Bonus::LanguageGap => self.bonus_language,
            Bonus::PermanentContract => self.bonus_permanent,
        }
    }

    /// The name of a certificate.
    pub fn certificate(&self, certificate: Certificate) -> &'static str {
        match certificate {
            Certificate::CodeSocialeOndernemingen => self.cert_code_so,
            Certificate::SocialEnterpriseNl => self.cert_se_nl,
            Certificate::PsoAspirant => self.cert_pso_aspirant,
            Certificate::PsoTrede1 => self.cert_pso_1,
            Certificate::PsoTrede2 => self.cert_pso_2,
            Certificate::PsoTrede3 => self.cert_pso_3,
            Certificate::Pso30Plus => self.cert_pso_30plus,
        }
    }

    /// The name of a training route.
    pub fn training(&self, training: Training) -> &'static str {
        match training {
            Training::Bbl => "BBL",
            Training::Bol => "BOL",
        }
    }

    /// The name of a contribution kind (by code).
    pub fn kind(&self, code: &str) -> &'static str {
        match code {
            "placement" => self.kind_placement,
            "apprenticeship" => self.kind_apprenticeship,
            "work_experience" => self.kind_work_experience,
            "purchase" => self.kind_purchase,
            _ => self.kind_other,
        }
    }

    /// A portfolio key: a target group's name, or a contribution kind's.
    pub fn group_or_kind(&self, code: &str) -> &'static str {
        TargetGroup::parse(code).map(|g| self.group(g)).unwrap_or_else(|_| self.kind(code))
    }

    /// The name of a standing.
    pub fn standing(&self, standing: Standing) -> &'static str {
        match standing {
            Standing::Fulfilled => self.standing_fulfilled,
            Standing::OnTrack => self.standing_on_track,
            Standing::AtRisk => self.standing_at_risk,
            Standing::Overdue => self.standing_overdue,
        }
    }

    /// The name of a reporting cadence.
    pub fn cadence(&self, code: &str) -> &'static str {
        match code {
            "monthly" => self.cadence_monthly,
            "yearly" => self.cadence_yearly,
            _ => self.cadence_quarterly,
        }
    }
}
