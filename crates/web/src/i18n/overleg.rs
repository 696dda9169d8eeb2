//! Texts of the Overleg module. Legal rules next to deadlines come from the domain in Dutch, the language of the law.

use volkshuis_domain::overleg::case::Stage;
use volkshuis_domain::overleg::{AnswerKind, Decision, RequestKind, Subject};

texts!(OverlegTexts, OV_NL, OV_EN {
    title: "Overleg", "Consultation";
    intro_tenant: "Wat ligt er voor ons: verzoeken van de verhuurder, met de eerstvolgende termijn bovenaan.", "What awaits us: requests from the landlord, the nearest deadline first.";
    intro_corporation: "Verzoeken aan de huurdersorganisaties, met hun wettelijke termijnen.", "Requests to the tenant organisations, with their legal deadlines.";
    open: "Lopend", "Open";
    all: "Alle zaken", "All cases";
    none: "Er zijn geen zaken.", "There are no cases.";
    new: "Nieuw verzoek", "New request";
    col_title: "Titel", "Title";
    col_party: "Met", "With";
    col_kind: "Soort", "Kind";
    col_stage: "Stand", "Status";
    col_deadline: "Termijn", "Deadline";
    days_left: "nog {n} dagen", "{n} days left";
    day_left: "nog 1 dag", "1 day left";
    due_today: "vandaag", "today";
    days_late: "{n} dagen over de termijn", "{n} days past the deadline";
    late_org: "Termijn verstreken zonder antwoord", "Deadline passed without an answer";
    late_corp: "Reactie van de verhuurder te laat", "Landlord's reply overdue";
    partners: "Overlegpartners", "Consultation partners";
    partners_none: "Nog geen overlegpartners.", "No consultation partners yet.";
    add_partner: "Overlegpartner vastleggen", "Record consultation partner";
    agreed_weeks: "Afgesproken adviestermijn in weken (leeg: 6 weken, de wettelijke termijn)", "Agreed advice term in weeks (empty: 6 weeks, the legal term)";
    weeks: "{n} weken", "{n} weeks";
    year: "Jaaroverzicht", "Year overview";
    stage_informed: "Ter informatie", "For information";
    stage_awaiting_answer: "Wacht op antwoord", "Awaiting answer";
    stage_awaiting_decision: "Wacht op besluit", "Awaiting decision";
    stage_closed: "Afgerond", "Closed";
    kind_information: "Informatie", "Information";
    kind_advice: "Adviesaanvraag", "Request for advice";
    kind_consent: "Instemmingsverzoek", "Request for consent";
    kind_view: "Verzoek om zienswijze", "Request for a view";
    subject_maintenance: "Onderhoud en verbetering", "Maintenance and improvement";
    subject_demolition: "Sloop, renovatie, aankoop, verkoop en bezwaring", "Demolition, renovation, acquisition, sale and encumbrance";
    subject_allocation: "Toewijzing en verhuur", "Allocation and letting";
    subject_rent: "Huurovereenkomst en huurbeleid", "Lease terms and rent policy";
    subject_service_package: "Dienstenpakket", "Service package";
    subject_service_costs: "Servicekosten en nutsvoorzieningen", "Service costs and utilities";
    subject_merger: "Fusie", "Merger";
    subject_liveability: "Leefbaarheid en herstructurering", "Liveability and restructuring";
    subject_care: "Wonen voor ouderen, gehandicapten en zorg", "Housing for the elderly, disabled and care";
    subject_other: "Overig", "Other";
    answer_advice: "Advies", "Advice";
    answer_no_objection: "Geen bezwaar", "No objection";
    answer_consent_given: "Instemming", "Consent";
    answer_consent_conditions: "Instemming onder voorwaarden", "Consent with conditions";
    answer_consent_refused: "Geen instemming", "Consent refused";
    answer_view: "Zienswijze", "View";
    decision_followed: "Advies gevolgd", "Advice followed";
    decision_partly: "Advies deels gevolgd", "Advice partly followed";
    decision_not: "Advies niet gevolgd", "Advice not followed";
    step_sent: "Verzonden door de verhuurder", "Sent by the landlord";
    step_received: "Ontvangen door de organisatie", "Received by the organisation";
    step_opened: "Geopend door de organisatie", "Opened by the organisation";
    step_commented: "Interne opmerking", "Internal comment";
    step_asked: "Vraag om informatie", "Request for information";
    step_question_answered: "Vraag beantwoord", "Question answered";
    step_answered: "Beantwoord", "Answered";
    step_decided: "Besluit vastgelegd", "Decision recorded";
    step_document: "Document toegevoegd", "Document added";
    field_partner: "Huurdersorganisatie", "Tenant organisation";
    field_kind: "Soort verzoek", "Kind of request";
    field_subject: "Onderwerp (Overlegwet)", "Subject (Overlegwet)";
    field_title: "Titel", "Title";
    field_explanation: "Toelichting", "Explanation";
    field_received: "Ontvangen door de organisatie op", "Received by the organisation on";
    field_received_help: "De termijn loopt vanaf de dag waarop de organisatie het verzoek ontvangt.", "The term runs from the day the organisation receives the request.";
    field_clusters: "Complexen (codes, gescheiden door komma's)", "Complexes (codes, separated by commas)";
    field_documents: "Documenten (PDF, Word, Excel, PowerPoint of OpenDocument; hoogstens 10 MB per bestand)", "Documents (PDF, Word, Excel, PowerPoint or OpenDocument; at most 10 MB per file)";
    send: "Verzoek versturen", "Send request";
    err_consent_subject: "Instemming kan alleen worden gevraagd over servicekosten en nutsvoorzieningen (art. 5a Overlegwet).", "Consent can only be asked on service costs and utilities (art. 5a Overlegwet).";
    err_term_short: "De adviestermijn is minstens 6 weken.", "The advice term is at least 6 weeks.";
    err_not_partner: "Kies een huurdersorganisatie waarmee u overlegt.", "Choose a tenant organisation you consult.";
    err_file_type: "{name}: alleen PDF- en Office-bestanden zijn toegestaan.", "{name}: only PDF and Office files are allowed.";
    err_file_size: "{name}: het bestand is groter dan 10 MB.", "{name}: the file is larger than 10 MB.";
    err_files_again: "Kies de bestanden opnieuw: een browser onthoudt ze niet na een fout.", "Choose the files again: a browser does not keep them after an error.";
    err_date: "Vul een datum in.", "Enter a date.";
    err_weeks: "Vul een aantal weken in van 6 tot 52.", "Enter a number of weeks from 6 to 52.";
    err_no_answer_expected: "Op informatie hoeft niet te worden geantwoord; stel gerust een vraag.", "Information needs no answer; feel free to ask a question.";
    err_already_answered: "Er is al geantwoord.", "This was answered already.";
    err_closed: "Deze zaak is afgerond; er kan niets meer aan worden toegevoegd.", "This case is closed; nothing more can be added.";
    err_answer_fit: "Dit antwoord past niet bij dit soort verzoek.", "This answer does not fit this kind of request.";
    err_text_required: "Schrijf het advies, de zienswijze of de voorwaarden uit.", "Write out the advice, view or conditions.";
    err_nothing_to_decide: "Er is (nog) geen advies of zienswijze om over te besluiten.", "There is no advice or view to decide on (yet).";
    err_reply_required: "Geef een schriftelijke, gemotiveerde reactie als u het advies niet of deels volgt (art. 5 lid 3 Overlegwet).", "Give a reasoned written reply when you do not (fully) follow the advice (art. 5(3) Overlegwet).";
    conflict: "Iemand anders heeft deze zaak intussen bijgewerkt. Hieronder staat de zaak zoals die nu is; uw tekst is niet verloren.", "Someone else updated this case in the meantime. Below is the case as it is now; your text is not lost.";
    your_text: "Uw niet-verstuurde tekst", "Your unsent text";
    deadlines: "Termijnen", "Deadlines";
    answer_deadline: "Antwoord uiterlijk", "Answer by";
    reply_deadline: "Besluit en gemotiveerde reactie uiterlijk", "Decision and reasoned reply by";
    execution: "Uitvoering van het voornemen", "Carrying out the plan";
    exec_awaiting: "Pas na het besluit op het advies.", "Only after the decision on the advice.";
    exec_without_answer: "Komt er geen antwoord, dan mag de verhuurder het voornemen uitvoeren vanaf", "If no answer comes, the landlord may carry out the plan from";
    exec_not_without_consent: "Niet zonder instemming van de organisatie (art. 5a); bij een geschil beslist de Huurcommissie.", "Not without the organisation's consent (art. 5a); a dispute goes to the Huurcommissie.";
    exec_from: "Mag worden uitgevoerd vanaf", "May be carried out from";
    request: "Verzoek", "Request";
    received_on: "Ontvangen op", "Received on";
    complexes: "Complexen", "Complexes";
    answer: "Antwoord van de organisatie", "The organisation's answer";
    answer_kind: "Ons antwoord", "Our answer";
    answer_text: "Advies, zienswijze of voorwaarden", "Advice, view or conditions";
    answer_submit: "Antwoord versturen", "Send answer";
    answered_on: "Ontvangen door de verhuurder op", "Received by the landlord on";
    not_answered: "Nog geen antwoord.", "No answer yet.";
    decision: "Besluit van de verhuurder", "The landlord's decision";
    decision_field: "Besluit", "Decision";
    reply_text: "Gemotiveerde reactie (verplicht als het advies niet of deels wordt gevolgd)", "Reasoned reply (required when the advice is not or partly followed)";
    decision_submit: "Besluit versturen", "Send decision";
    decided_on: "Ontvangen door de organisatie op", "Received by the organisation on";
    informed_note: "Dit is informatie; er wordt geen antwoord gevraagd. Heeft u vragen, stel ze hieronder.", "This is information; no answer is asked. If you have questions, ask them below.";
    comments: "Interne bespreking", "Internal discussion";
    comments_help: "Alleen zichtbaar voor de leden van uw eigen organisatie.", "Visible only to the members of your own organisation.";
    comments_none: "Nog geen opmerkingen.", "No comments yet.";
    comment_field: "Opmerking", "Comment";
    comment_submit: "Plaatsen", "Post";
    questions: "Vragen om informatie", "Requests for information";
    questions_none: "Geen vragen.", "No questions.";
    question_field: "Uw vraag aan de verhuurder", "Your question to the landlord";
    question_submit: "Vraag stellen", "Ask";
    question_answer_field: "Antwoord", "Answer";
    question_answer_submit: "Beantwoorden", "Answer";
    question_open: "Nog niet beantwoord; de verhuurder antwoordt zo spoedig mogelijk (art. 3 Overlegwet).", "Not answered yet; the landlord answers as soon as possible (art. 3 Overlegwet).";
    asked_on: "Gesteld op", "Asked on";
    documents: "Documenten", "Documents";
    documents_none: "Geen documenten.", "No documents.";
    trail: "Verloop", "History";
    print: "Afdrukken of bewaren als PDF", "Print or save as PDF";
    back: "Terug naar overleg", "Back to consultation";
    printed_on: "Afgedrukt op", "Printed on";
    year_title: "Overleg in {year}", "Consultation in {year}";
    year_requests: "Verzoeken naar soort", "Requests by kind";
    year_org_on_time: "Antwoord binnen de termijn (organisatie)", "Answered within the term (organisation)";
    year_corp_on_time: "Besluit binnen 14 dagen (verhuurder)", "Decision within 14 days (landlord)";
    year_followed: "Advies gevolgd", "Advice followed";
    year_partly: "deels gevolgd", "partly followed";
    year_not: "niet gevolgd", "not followed";
    year_previous: "Vorig jaar", "Previous year";
    year_field: "Jaar", "Year";
    year_next: "Volgend jaar", "Next year";
    meetings: "Overlegvergaderingen", "Consultation meetings";
    meetings_missing: "Er staat dit jaar nog geen overlegvergadering met {org}; de Overlegwet vraagt er minstens één per jaar.", "No consultation meeting with {org} this year yet; the Overlegwet asks for at least one a year.";
    add_meeting: "Vergadering plannen", "Plan a meeting";
    field_date: "Datum", "Date";
    field_meeting_title: "Omschrijving", "Description";
    agenda: "Agenda", "Agenda";
    agenda_none: "Nog geen agendapunten.", "No agenda items yet.";
    field_item: "Agendapunt", "Agenda item";
    add_item: "Agendapunt toevoegen", "Add agenda item";
    minutes: "Verslag", "Minutes";
    minutes_none: "Nog geen verslag.", "No minutes yet.";
    minutes_save: "Verslag opslaan", "Save minutes";
    budget: "Budget (art. 7 Overlegwet)", "Budget (art. 7 Overlegwet)";
    budget_none: "Nog geen budget vastgelegd.", "No budget recorded yet.";
    budget_amount: "Afgesproken bedrag", "Agreed amount";
    budget_spent: "Besteed", "Spent";
    budget_left: "Over", "Left";
    budget_set: "Budget vastleggen", "Record budget";
    budget_account_by: "Verantwoorden uiterlijk", "Account for it by";
    budget_accounted: "Verantwoord op", "Accounted for on";
    budget_account: "Verantwoording afgerond", "Accounting done";
    budget_add_line: "Uitgave toevoegen", "Add spending";
    budget_open: "Budget en uitgaven", "Budget and spending";
    field_category: "Soort uitgave", "Kind of spending";
    field_description: "Omschrijving", "Description";
    field_amount: "Bedrag (€)", "Amount (€)";
    err_amount: "Vul een bedrag in, bijvoorbeeld 1.250,00.", "Enter an amount, for example 1,250.00.";
    cat_training: "Scholing", "Training";
    cat_experts: "Deskundigen en advies", "Experts and advice";
    cat_meetings: "Vergaderkosten", "Meeting costs";
    cat_communication: "Communicatie met de achterban", "Communication with members";
    cat_memberships: "Lidmaatschappen", "Memberships";
    cat_other: "Overig", "Other";
    dash_open: "Lopende zaken", "Open cases";
    dash_late: "Over de termijn", "Past the deadline";
    dash_next: "Eerstvolgende termijn", "Next deadline";
    dash_open_questions: "Onbeantwoorde vragen", "Unanswered questions";
    notifications: "Meldingen", "Notifications";
    mark_read: "Gelezen", "Mark read";
    mail_new_subject: "Nieuw verzoek van {corporation}: {title}", "New request from {corporation}: {title}";
    mail_new_body: "{corporation} heeft uw organisatie een verzoek gestuurd: {title} ({kind}).\n\n{deadline}\n\nBekijk het verzoek: {link}", "{corporation} sent your organisation a request: {title} ({kind}).\n\n{deadline}\n\nSee the request: {link}";
    mail_deadline_line: "Antwoord uiterlijk op {date}.", "Answer by {date}.";
    mail_reminder_subject: "Herinnering: nog {n} dagen voor {title}", "Reminder: {n} days left for {title}";
    mail_reminder_body: "De termijn voor uw antwoord op \"{title}\" van {corporation} loopt af op {date} (nog {n} dagen).\n\nBekijk het verzoek: {link}", "The term for your answer to \"{title}\" from {corporation} ends on {date} ({n} days left).\n\nSee the request: {link}";
    mail_reply_subject: "Herinnering: gemotiveerde reactie op {title} uiterlijk {date}", "Reminder: reasoned reply on {title} due {date}";
    mail_reply_body: "{tenant} heeft advies gegeven op \"{title}\". Volgt u het advies niet of deels, dan moet uw gemotiveerde reactie uiterlijk {date} bij de organisatie zijn (art. 5 lid 3 Overlegwet).\n\nLeg het besluit vast: {link}", "{tenant} gave advice on \"{title}\". If you do not (fully) follow it, your reasoned reply must reach the organisation by {date} (art. 5(3) Overlegwet).\n\nRecord the decision: {link}";
    mail_budget_subject: "Herinnering: verantwoording budget {year} uiterlijk {date}", "Reminder: account for the {year} budget by {date}";
    mail_budget_body: "Het budget dat {corporation} voor {year} betaalde, moet uiterlijk {date} zijn verantwoord (art. 7 Overlegwet).\n\nNaar het budget: {link}", "The budget {corporation} paid for {year} must be accounted for by {date} (art. 7 Overlegwet).\n\nGo to the budget: {link}";
    notice_reminder: "Nog {n} dagen voor uw antwoord op: {title}", "{n} days left for your answer to: {title}";
    notice_reply: "Besluit en reactie op advies uiterlijk {date}: {title}", "Decision and reply on advice due {date}: {title}";
    notice_new: "Nieuw verzoek: {title}", "New request: {title}";
    notice_budget: "Verantwoord het budget {year} uiterlijk {date}", "Account for the {year} budget by {date}";
});

impl OverlegTexts {
    /// The name of a request kind.
    pub fn kind(&self, kind: RequestKind) -> &'static str {
        match kind {
            RequestKind::Information => self.kind_information,
            RequestKind::Advice => self.kind_advice,
            RequestKind::Consent => self.kind_consent,
            RequestKind::View => self.kind_view,
        }
    }

    /// The name of a subject.
    pub fn subject(&self, subject: Subject) -> &'static str {
        match subject {
            Subject::Maintenance => self.subject_maintenance,
            Subject::DemolitionRenovationSale => self.subject_demolition,
            Subject::Allocation => self.subject_allocation,
            Subject::RentPolicy => self.subject_rent,
            Subject::ServicePackage => self.subject_service_package,
            Subject::ServiceCosts => self.subject_service_costs,
            Subject::Merger => self.subject_merger,
            Subject::Liveability => self.subject_liveability,
            Subject::HousingForCare => self.subject_care,
            Subject::Other => self.subject_other,
        }
    }

    /// The name of an answer.
    pub fn answer_name(&self, answer: AnswerKind) -> &'static str {
        match answer {
            AnswerKind::Advice => self.answer_advice,
            AnswerKind::NoObjection => self.answer_no_objection,
            AnswerKind::ConsentGiven => self.answer_consent_given,
            AnswerKind::ConsentWithConditions => self.answer_consent_conditions,
            AnswerKind::ConsentRefused => self.answer_consent_refused,
            AnswerKind::View => self.answer_view,
        }
    }

    /// The name of a decision.
    pub fn decision_name(&self, decision: Decision) -> &'static str {
        match decision {
            Decision::Followed => self.decision_followed,
            Decision::PartlyFollowed => self.decision_partly,
            Decision::NotFollowed => self.decision_not,
        }
    }

    /// The name of a stage.
    pub fn stage(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::Informed => self.stage_informed,
            Stage::AwaitingAnswer => self.stage_awaiting_answer,
            Stage::AwaitingDecision => self.stage_awaiting_decision,
            Stage::Closed => self.stage_closed,
        }
    }

    /// The name of a trail step (its stored code, or the code itself when unknown).
    pub fn step(&self, code: &str) -> String {
        match code {
            "sent" => self.step_sent,
            "received" => self.step_received,
            "opened" => self.step_opened,
            "commented" => self.step_commented,
            "asked" => self.step_asked,
            "question_answered" => self.step_question_answered,
            "answered" => self.step_answered,
            "decided" => self.step_decided,
            "document" => self.step_document,
            other => return other.to_owned(),
        }
        .to_owned()
    }

    /// The name of a budget category (by code).
    pub fn category(&self, code: &str) -> &'static str {
        match code {
            "training" => self.cat_training,
            "experts" => self.cat_experts,
            "meetings" => self.cat_meetings,
            "communication" => self.cat_communication,
            "memberships" => self.cat_memberships,
            _ => self.cat_other,
        }
    }

    /// "n days left", "today" or "n days late".
    pub fn days(&self, days_left: i64) -> String {
        match days_left {
            0 => self.due_today.to_owned(),
            1 => self.day_left.to_owned(),
            n if n > 1 => self.days_left.replace("{n}", &n.to_string()),
            n => self.days_late.replace("{n}", &(-n).to_string()),
        }
    }
}

/// The budget categories' codes, in the order forms list them.
pub const BUDGET_CATEGORIES: [&str; 6] = ["training", "experts", "meetings", "communication", "memberships", "other"];

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    #[test]
    fn day_counts_read_naturally() {
        let t = Lang::Nl.overleg();
        assert_eq!(t.days(0), "vandaag");
        assert_eq!(t.days(1), "nog 1 dag");
        assert_eq!(t.days(12), "nog 12 dagen");
        assert_eq!(t.days(-3), "3 dagen over de termijn");
        assert_eq!(Lang::En.overleg().days(5), "5 days left");
    }
}
