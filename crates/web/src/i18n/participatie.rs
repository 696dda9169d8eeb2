//! Texts of the Participatiekaart.

use volkshuis_domain::participatie::coverage::Coverage;
use volkshuis_domain::participatie::group::{ActivityKind, Channel, Criterion, GroupKind};

texts!(ParticipatieTexts, PT_NL, PT_EN {
    title: "Participatie", "Participation";
    intro: "Alle groepen waarin huurders meepraten, voor welke complexen en buurten zij spreken, en waar niemand spreekt.", "Every group in which tenants have a say, which complexes and neighbourhoods they speak for, and where nobody does.";
    groups: "Groepen", "Groups";
    groups_none: "Nog geen groepen vastgelegd.", "No groups recorded yet.";
    new_group: "Groep vastleggen", "Record a group";
    edit_group: "Groep wijzigen", "Change the group";
    end_group: "Groep beëindigen (telt niet meer mee)", "End the group (no longer counts)";
    coverage: "Dekking", "Coverage";
    diagnosis: "Diagnose", "Diagnosis";
    kind: "Soort groep", "Kind of group";
    name: "Naam", "Name";
    parent: "Valt onder (optioneel)", "Falls under (optional)";
    corporation: "Corporatie (wiens bezit)", "Corporation (whose stock)";
    area_kind: "Spreekt voor", "Speaks for";
    area_complexes: "complexen", "complexes";
    area_buurten: "buurten", "neighbourhoods";
    area_all: "alle huurders van de corporatie", "all tenants of the corporation";
    area_codes: "Complexcodes of buurtcodes (gescheiden door komma's)", "Complex or neighbourhood codes (separated by commas)";
    contact_role: "Contactpersoon (rol, geen privé-adres), bijv. secretaris", "Contact (a role, not a private address), e.g. secretary";
    approx_size: "Ongeveer hoeveel leden of deelnemers", "About how many members or participants";
    channels: "Kanalen", "Channels";
    description: "Wat doet de groep? (openbaar)", "What does the group do? (public)";
    join_info: "Hoe doe je mee? (openbaar)", "How to join? (public)";
    started_on: "Actief sinds", "Active since";
    save: "Opslaan", "Save";
    err_area: "Geef minstens één complexcode of buurtcode.", "Give at least one complex or neighbourhood code.";
    err_corporation: "Kies een corporatie waarmee uw organisatie overlegt.", "Choose a corporation your organisation consults.";
    recognised: "Erkend (Overlegwet)", "Recognised (Overlegwet)";
    not_recognised: "Nog niet erkend", "Not recognised yet";
    fading: "Verwatert: geen activiteit in 12 maanden", "Fading: no activity in 12 months";
    missed_meeting: "Geen jaarvergadering in {year} (criterium 3 Overlegwet)", "No members' meeting in {year} (criterion 3 Overlegwet)";
    kept_by: "Bijgehouden door", "Kept by";
    activities: "Activiteiten", "Activities";
    activities_none: "Nog geen activiteiten.", "No activities yet.";
    add_activity: "Activiteit toevoegen", "Add activity";
    activity_kind: "Soort activiteit", "Kind of activity";
    held_on: "Datum", "Date";
    topic: "Onderwerp", "Topic";
    participants: "Aantal deelnemers", "Participants";
    criteria: "Criteria Overlegwet", "Overlegwet criteria";
    criteria_help: "Vink aan wat aantoonbaar is en noem het bewijs (statuten, notulen, nieuwsbrief).", "Tick what can be shown and name the evidence (statutes, minutes, newsletter).";
    evidence: "Bewijs", "Evidence";
    save_criteria: "Criteria opslaan", "Save criteria";
    checked_on: "gecontroleerd op", "checked on";
    inbox: "Aanmeldingen van huurders", "Requests from tenants";
    inbox_none: "Geen aanmeldingen.", "No requests.";
    inbox_private: "Persoonsgegevens: alleen voor de leden van {org}. Elke inzage wordt vastgelegd.", "Personal data: only for the members of {org}. Every view is logged.";
    cov_formal: "Erkende vertegenwoordiging", "Recognised representation";
    cov_informal: "Alleen informele groepen", "Informal groups only";
    cov_none: "Geen stem (blinde vlek)", "No voice (blind spot)";
    per: "Per", "By";
    per_gemeente: "gemeente", "municipality";
    per_wijk: "wijk", "district";
    per_buurt: "buurt", "neighbourhood";
    per_complex: "complex", "complex";
    area: "Gebied", "Area";
    units: "Eenheden", "Units";
    blind_share: "Zonder stem", "Without a voice";
    recompute: "Opnieuw berekenen", "Recompute";
    map: "Op de kaart", "On the map";
    all_kinds: "alle soorten groepen", "all kinds of group";
    year: "Jaar", "Year";
    participants_word: "deelnemers", "participants";
    axes_legend: "Boven: de corporatie actief, onder: reactief. Links: de huurdersvertegenwoordiging actief, rechts: reactief.", "Top: the corporation active, bottom: reactive. Left: the tenant representatives active, right: reactive.";
    party: "Partij", "Party";
    message_footer: "Dit bericht komt van {group}, via {corporation}. U krijgt het omdat u huurt bij {corporation}; uw gegevens zijn niet met de groep gedeeld.", "This message is from {group}, through {corporation}. You receive it because you rent from {corporation}; your details were not shared with the group.";
    achterban: "Bericht aan de achterban", "Message to the tenants";
    achterban_help: "De corporatie keurt het bericht goed en verstuurt het per e-mail of brief. U ziet alleen aantallen, nooit namen of adressen.", "The corporation approves the message and sends it by e-mail or letter. You see only counts, never names or addresses.";
    subject: "Onderwerp", "Subject";
    body: "Bericht", "Message";
    submit_message: "Ter goedkeuring aanbieden", "Submit for approval";
    messages: "Berichten", "Messages";
    status_submitted: "wacht op goedkeuring", "awaiting approval";
    status_approved: "verstuurd", "sent";
    status_rejected: "afgewezen", "rejected";
    emailed: "per e-mail", "by e-mail";
    letters: "per brief", "by letter";
    to_approve: "Berichten van groepen", "Messages from groups";
    approve: "Goedkeuren en versturen", "Approve and send";
    reject: "Afwijzen", "Reject";
    reason: "Reden (bij afwijzen)", "Reason (when rejecting)";
    letter_list: "Brievenlijst (afdrukken)", "Letter list (print)";
    letter_csv: "Brievenlijst voor samenvoegen (CSV)", "Letter list for mail merge (CSV)";
    contacts: "Contactgegevens van huurders", "Tenants' contact details";
    contacts_help: "Een apart bestand naast het bezitsbestand, met de kolommen idExtern, naam en email (optioneel). Persoonsgegevens: alleen gebruikt om goedgekeurde berichten te versturen; nooit zichtbaar voor groepen.", "A file apart from the stock file, with the columns idExtern, naam and email (optional). Personal data: only used to send approved messages; never visible to groups.";
    contacts_counts: "{n} huurders, van wie {e} met e-mailadres.", "{n} tenants, {e} of them with an e-mail address.";
    contacts_upload: "Bestand inlezen", "Import file";
    import_errors: "Het bestand is niet ingelezen; er is niets veranderd:", "The file was not imported; nothing changed:";
    no_stock: "Deze organisatie heeft geen bezit en overlegt (nog) met geen corporatie.", "This organisation has no stock and consults no corporation (yet).";
    lookup_title: "Wie spreekt voor mijn woning?", "Who speaks for my home?";
    lookup_intro: "Vul uw postcode en huisnummer in. U ziet welke groepen huurders vertegenwoordigen in uw complex of buurt, en hoe u meedoet.", "Enter your postcode and house number. You will see which groups represent tenants in your complex or neighbourhood, and how to join.";
    postcode: "Postcode", "Postcode";
    number: "Huisnummer", "House number";
    addition: "Letter of toevoeging (optioneel)", "Letter or addition (optional)";
    search: "Zoeken", "Search";
    not_found: "Dit adres staat niet in het bezit van een corporatie in Volkshuis. Controleer postcode en huisnummer.", "This address is not in the stock of a corporation in Volkshuis. Check the postcode and house number.";
    no_groups: "Voor dit adres is (nog) geen groep bekend. Wilt u er een beginnen? Vraag het uw corporatie.", "No group is known for this address (yet). Want to start one? Ask your corporation.";
    contact: "Contact via", "Contact through";
    join: "Aanmelden of contact opnemen", "Join or get in touch";
    your_name: "Uw naam", "Your name";
    your_contact: "E-mailadres of telefoonnummer", "E-mail address or phone number";
    message: "Bericht (optioneel)", "Message (optional)";
    consent: "Ik geef toestemming mijn naam en contactgegevens aan deze groep te geven, zodat zij contact met mij opneemt.", "I consent to my name and contact details being given to this group so that it can contact me.";
    err_too_many: "U heeft net al een paar aanmeldingen verstuurd. Probeer het over een kwartier opnieuw.", "You have just sent several requests. Please try again in a quarter of an hour.";
    err_consent: "Zonder uw toestemming kunnen wij uw gegevens niet doorgeven.", "Without your consent we cannot pass on your details.";
    send: "Versturen", "Send";
    sent: "Verstuurd. De groep neemt contact met u op.", "Sent. The group will contact you.";
    notice_join: "Nieuwe aanmelding voor {group}", "New request for {group}";
    diagnosis_title: "Hoe is participatie georganiseerd? ({year})", "How is participation organised? ({year})";
    diagnosis_intro: "Corporatie en huurdersorganisatie beantwoorden dezelfde vragen (1 = helemaal niet, 5 = helemaal wel). Het resultaat plaatst beide in een van vier varianten.", "Corporation and tenant organisation answer the same questions (1 = not at all, 5 = fully). The result places both in one of four variants.";
    with_partner: "Met", "With";
    axis_corporation: "De corporatie", "The corporation";
    axis_representatives: "De huurdersvertegenwoordiging", "The tenant representatives";
    golden_rules: "De acht gouden regels (zelfscan)", "The eight golden rules (self-scan)";
    remark: "Toelichting", "Remark";
    submit_answers: "Antwoorden opslaan", "Save answers";
    err_scores: "Geef bij elke vraag een score van 1 tot en met 5.", "Give every question a score from 1 to 5.";
    result: "Resultaat", "Result";
    party_corporation: "Corporatie", "Corporation";
    party_tenant: "Huurdersorganisatie", "Tenant organisation";
    not_answered: "nog niet ingevuld", "not filled in yet";
    development_path: "Ontwikkelpad", "Development path";
    history: "Eerdere jaren", "Earlier years";
    kind_koepel: "Koepel", "Umbrella organisation";
    kind_huurdersorganisatie: "Huurdersorganisatie", "Tenant organisation";
    kind_bewonerscommissie: "Bewonerscommissie", "Residents' committee";
    kind_leefbaarheidsgroep: "Leefbaarheidsgroep", "Liveability group";
    kind_klankbordgroep: "Klankbordgroep", "Sounding-board group";
    kind_themagroep: "Thema- of verdiepingsgroep", "Theme group";
    kind_digitaal_panel: "Digitaal panel", "Digital panel";
    kind_wijkraad: "Huurders in een wijkraad", "Tenants in a neighbourhood council";
    kind_vve: "Huurders in een VvE", "Tenants in an owners' association";
    kind_overig: "Overig", "Other";
    ch_meetings: "Bijeenkomsten", "Meetings";
    ch_home_visits: "Huisbezoek", "Home visits";
    ch_digital_panel: "Digitaal panel", "Digital panel";
    ch_social_media: "Sociale media", "Social media";
    ch_newsletter: "Nieuwsbrief", "Newsletter";
    ch_chat: "Buurtapp of chatgroep", "Neighbourhood app or chat";
    act_meeting: "Vergadering", "Meeting";
    act_members_meeting: "Jaarvergadering (ledenvergadering)", "Yearly members' meeting";
    act_home_visits: "Huisbezoeken", "Home visits";
    act_panel_round: "Panelronde", "Panel round";
    act_conference: "Conferentie", "Conference";
    act_theme_evening: "Thema-avond", "Theme evening";
    crit_chosen_board: "1. Een bestuur gekozen door en uit de huurders", "1. A board chosen by and from the tenants";
    crit_informs: "2. Informeert de huurders en betrekt hen bij standpunten", "2. Informs tenants and involves them in positions";
    crit_yearly_meeting: "3. Minstens één vergadering per jaar voor de huurders", "3. At least one meeting a year for the tenants";
    crit_open: "4. Staat open voor elke huurder", "4. Open to every tenant";
});

impl ParticipatieTexts {
    /// The name of a group kind.
    pub fn kind(&self, kind: GroupKind) -> &'static str {
        match kind {
            GroupKind::Koepel => self.kind_koepel,
            GroupKind::Huurdersorganisatie => self.kind_huurdersorganisatie,
            GroupKind::Bewonerscommissie => self.kind_bewonerscommissie,
            GroupKind::Leefbaarheidsgroep => self.kind_leefbaarheidsgroep,
            GroupKind::Klankbordgroep => self.kind_klankbordgroep,
            GroupKind::Themagroep => self.kind_themagroep,
            GroupKind::DigitaalPanel => self.kind_digitaal_panel,
            GroupKind::Wijkraad => self.kind_wijkraad,
            GroupKind::Vve => self.kind_vve,
            GroupKind::Overig => self.kind_overig,
        }
    }

    /// The name of a channel.
    pub fn channel(&self, channel: Channel) -> &'static str {
        match channel {
            Channel::Meetings => self.ch_meetings,
            Channel::HomeVisits => self.ch_home_visits,
            Channel::DigitalPanel => self.ch_digital_panel,
            Channel::SocialMedia => self.ch_social_media,
            Channel::Newsletter => self.ch_newsletter,
            Channel::Chat => self.ch_chat,
        }
    }

    /// The name of an activity kind.
    pub fn activity(&self, kind: ActivityKind) -> &'static str {
        match kind {
            ActivityKind::Meeting => self.act_meeting,
            ActivityKind::MembersMeeting => self.act_members_meeting,
            ActivityKind::HomeVisits => self.act_home_visits,
            ActivityKind::PanelRound => self.act_panel_round,
            ActivityKind::Conference => self.act_conference,
            ActivityKind::ThemeEvening => self.act_theme_evening,
        }
    }

    /// The text of a criterion.
    pub fn criterion(&self, criterion: Criterion) -> &'static str {
        match criterion {
            Criterion::ChosenBoard => self.crit_chosen_board,
            Criterion::InformsAndInvolves => self.crit_informs,
            Criterion::YearlyMeeting => self.crit_yearly_meeting,
            Criterion::OpenToAll => self.crit_open,
        }
    }

    /// The name of a coverage level.
    pub fn coverage_name(&self, coverage: Coverage) -> &'static str {
        match coverage {
            Coverage::Formal => self.cov_formal,
            Coverage::Informal => self.cov_informal,
            Coverage::None => self.cov_none,
        }
    }

    /// The name of an area kind.
    pub fn area_kind(&self, code: &str) -> &'static str {
        match code {
            "complexes" => self.area_complexes,
            "buurten" => self.area_buurten,
            _ => self.area_all,
        }
    }
}
