//! The user interface in Dutch (first) and English.
//!
//! Every text is a field of [`Texts`], so a template that uses a missing text, or a language that lacks one, fails
//! to compile (see `docs/adr/0003-i18n.md`). Placeholders such as `{n}` are filled in by the caller.

use volkshuis_domain::access::Role;
use volkshuis_domain::org::OrgKind;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Nederlands, the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Parses a language code (`nl`, `en`).
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language code, for `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The texts in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// The texts of the Social return module in this language.
    pub fn socialreturn(self) -> &'static SocialReturnTexts {
        match self {
            Lang::Nl => &socialreturn::SR_NL,
            Lang::En => &socialreturn::SR_EN,
        }
    }

    /// The texts of the Participatiekaart in this language.
    pub fn participatie(self) -> &'static ParticipatieTexts {
        match self {
            Lang::Nl => &participatie::PT_NL,
            Lang::En => &participatie::PT_EN,
        }
    }

    /// The texts of the Overleg module in this language.
    pub fn overleg(self) -> &'static OverlegTexts {
        match self {
            Lang::Nl => &overleg::OV_NL,
            Lang::En => &overleg::OV_EN,
        }
    }
}

/// Declares a struct of texts with one static per language: `texts!(Struct, NL_STATIC, EN_STATIC { key: nl, en; … })`.
macro_rules! texts {
    ($name:ident, $nl_static:ident, $en_static:ident { $($key:ident: $nl:expr, $en:expr;)* }) => {
        /// Every text of one part of the UI in one language.
        #[derive(Debug)]
        pub struct $name {
            $(#[doc = $en] pub $key: &'static str,)*
        }
        pub(crate) static $nl_static: $name = $name { $($key: $nl,)* };
        pub(crate) static $en_static: $name = $name { $($key: $en,)* };
    };
}

mod overleg;
mod participatie;
mod socialreturn;
pub use overleg::{OverlegTexts, BUDGET_CATEGORIES};
pub use participatie::ParticipatieTexts;
pub use socialreturn::SocialReturnTexts;

texts!(Texts, NL, EN {
    skip_to_content: "Naar de inhoud", "Skip to content";
    nav_main: "Hoofdmenu", "Main menu";
    nav_dashboard: "Overzicht", "Dashboard";
    nav_orgs: "Organisaties", "Organisations";
    nav_users: "Gebruikers", "Users";
    nav_audit: "Logboek", "Audit log";
    nav_outbox: "Uitgaande mail", "Outbox";
    logout: "Uitloggen", "Log out";
    footer: "Volkshuis — samen werken aan de volkshuisvesting", "Volkshuis — working together on public housing";
    error_request_id: "Kenmerk van dit verzoek", "Request id";
    error_home: "Naar de startpagina", "Go to the start page";
    err_not_found_title: "Niet gevonden", "Not found";
    err_not_found_text: "Deze pagina bestaat niet (meer). Controleer het adres of ga terug.", "This page does not exist (any more). Check the address or go back.";
    err_forbidden_title: "Geen toegang", "No access";
    err_forbidden_text: "U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Vraag het de beheerder van uw organisatie.", "You do not have access to this page. If you think this is wrong, ask your organisation's administrator.";
    err_csrf_title: "Formulier verlopen", "Form expired";
    err_csrf_text: "Dit formulier kon niet veilig worden verwerkt. Ga terug, laad de pagina opnieuw en probeer het nog eens.", "This form could not be processed safely. Go back, reload the page and try again.";
    err_internal_title: "Er ging iets mis", "Something went wrong";
    err_internal_text: "Er ging bij ons iets mis. Probeer het later opnieuw; blijft het misgaan, noem dan het kenmerk hieronder.", "Something went wrong on our side. Try again later; if it keeps failing, quote the id below.";
    login_title: "Inloggen", "Log in";
    login_intro: "Log in met het e-mailadres en wachtwoord van uw Volkshuis-account.", "Log in with the e-mail address and password of your Volkshuis account.";
    field_email: "E-mailadres", "E-mail address";
    field_password: "Wachtwoord", "Password";
    login_button: "Inloggen", "Log in";
    login_forgot: "Wachtwoord vergeten?", "Forgot your password?";
    login_failed: "E-mailadres of wachtwoord klopt niet.", "E-mail address or password is incorrect.";
    login_locked: "Te veel mislukte pogingen. Inloggen is geblokkeerd tot {time} (UTC). Wachtwoord vergeten? Vraag een nieuw aan.", "Too many failed attempts. Logging in is blocked until {time} (UTC). Forgot your password? Request a new one.";
    forgot_title: "Wachtwoord vergeten", "Forgot password";
    forgot_intro: "Vul uw e-mailadres in. U krijgt een e-mail met een link om een nieuw wachtwoord te kiezen.", "Enter your e-mail address. You will receive a link to choose a new password.";
    forgot_button: "Stuur de link", "Send the link";
    forgot_sent: "Als dit adres bij ons bekend is, is er een e-mail onderweg. De link werkt één uur.", "If this address is known to us, an e-mail is on its way. The link works for one hour.";
    back_to_login: "Terug naar inloggen", "Back to log in";
    reset_title: "Nieuw wachtwoord kiezen", "Choose a new password";
    field_new_password: "Nieuw wachtwoord", "New password";
    password_hint: "Minstens 10 tekens. Een zin van een paar woorden is sterk en goed te onthouden.", "At least 10 characters. A sentence of a few words is strong and easy to remember.";
    field_confirm_password: "Herhaal het wachtwoord", "Repeat the password";
    reset_button: "Wachtwoord opslaan", "Save password";
    reset_invalid: "Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.", "This link has expired or was already used. Request a new one.";
    err_password_mismatch: "De wachtwoorden zijn niet gelijk.", "The passwords do not match.";
    dashboard_welcome: "Welkom", "Welcome";
    dashboard_your_role: "Uw rol", "Your role";
    dashboard_members_count: "Aantal leden", "Number of members";
    dashboard_open_org: "Leden en gegevens van de organisatie", "Members and details of the organisation";
    dashboard_no_orgs: "U bent nog geen lid van een organisatie. Vraag de beheerder van uw organisatie om u toe te voegen.", "You are not a member of any organisation yet. Ask your organisation's administrator to add you.";
    dashboard_other_orgs: "Uw andere organisaties", "Your other organisations";
    dashboard_switch_to: "Werk voor", "Work for";
    dashboard_recent: "Recente wijzigingen in uw organisatie", "Recent changes in your organisation";
    org_members: "Leden", "Members";
    field_name: "Naam", "Name";
    field_role: "Rol", "Role";
    actions: "Acties", "Actions";
    save: "Opslaan", "Save";
    remove: "Verwijderen", "Remove";
    edit: "Wijzigen", "Edit";
    cancel: "Annuleren", "Cancel";
    filter: "Filteren", "Filter";
    nothing_found: "Niets gevonden.", "Nothing found.";
    older: "Oudere regels", "Older entries";
    form_has_errors: "Het formulier is nog niet goed ingevuld. Zie de meldingen bij de velden.", "The form is not complete yet. See the messages at the fields.";
    org_add_member: "Lid toevoegen", "Add member";
    org_add_member_help: "Is het e-mailadres nog niet bekend, dan maakt Volkshuis een account aan en krijgt de persoon een e-mail om een wachtwoord te kiezen.", "If the address is not known yet, Volkshuis creates an account and e-mails the person a link to choose a password.";
    field_name_if_new: "Naam (voor een nieuw account)", "Name (for a new account)";
    org_new: "Nieuwe organisatie", "New organisation";
    org_edit: "Organisatie wijzigen", "Edit organisation";
    field_code: "Code (kort, kleine letters, bijv. woonstad)", "Code (short, lower case, e.g. woonstad)";
    field_kind: "Soort organisatie", "Kind of organisation";
    user_new: "Nieuwe gebruiker", "New user";
    user_status: "Status", "Status";
    user_inactive: "geblokkeerd", "blocked";
    user_password_help: "Laat het wachtwoord leeg om de gebruiker per e-mail een link te sturen waarmee hij of zij zelf een wachtwoord kiest.", "Leave the password empty to e-mail the user a link to choose a password themselves.";
    field_password_optional: "Wachtwoord (optioneel)", "Password (optional)";
    field_platform_admin: "Platformbeheerder", "Platform administrator";
    field_active: "Mag inloggen", "May log in";
    field_org: "Organisatie", "Organisation";
    field_org_optional: "Organisatie (optioneel)", "Organisation (optional)";
    user_memberships: "Lidmaatschappen", "Memberships";
    user_add_membership: "Lidmaatschap toevoegen", "Add membership";
    audit_when: "Wanneer", "When";
    audit_actor: "Wie", "Who";
    audit_action: "Handeling", "Action";
    audit_entity: "Onderwerp", "Subject";
    audit_change: "Wijziging", "Change";
    audit_before: "voor", "before";
    audit_after: "na", "after";
    audit_from: "Vanaf", "From";
    audit_until: "Tot", "Until";
    audit_personal_only: "Alleen inzage in persoonsgegevens", "Only reads of personal data";
    outbox_smtp_on: "Mail wordt via SMTP verstuurd; hier staat wat is verzonden.", "Mail is sent through SMTP; this lists what was sent.";
    outbox_smtp_off: "Er is geen SMTP-server ingesteld: mail wordt niet verstuurd maar blijft hier staan.", "No SMTP server is configured: mail is not sent but kept here.";
    outbox_to: "Aan", "To";
    outbox_subject: "Onderwerp", "Subject";
    outbox_status: "Status", "Status";
    status_queued: "wacht op verzending", "queued";
    status_sent: "verzonden", "sent";
    status_held: "in de outbox (geen SMTP)", "in the outbox (no SMTP)";
    status_failed: "mislukt", "failed";
    err_required: "Vul dit veld in.", "Please fill in this field.";
    err_too_long: "Gebruik hoogstens {n} tekens.", "Use at most {n} characters.";
    err_too_short: "Gebruik minstens {n} tekens.", "Use at least {n} characters.";
    err_format: "Dit is geen geldige waarde.", "This is not a valid value.";
    err_code_taken: "Deze code is al in gebruik.", "This code is already in use.";
    err_email_taken: "Dit e-mailadres is al in gebruik.", "This e-mail address is already in use.";
    err_choose: "Maak een keuze.", "Please choose.";
    notice_logged_out: "U bent uitgelogd.", "You are logged out.";
    notice_password_changed: "Uw wachtwoord is opgeslagen. U kunt nu inloggen.", "Your password was saved. You can log in now.";
    notice_saved: "Opgeslagen.", "Saved.";
    notice_member_added: "Het lid is toegevoegd.", "The member was added.";
    notice_invited: "Het account is aangemaakt en er is een e-mail verstuurd om een wachtwoord te kiezen.", "The account was created and an e-mail was sent to choose a password.";
    notice_session_expired: "Log in om verder te gaan.", "Log in to continue.";
    stock_title: "Bezit", "Housing stock";
    stock_units: "Eenheden", "Units";
    stock_units_lower: "eenheden", "units";
    stock_clusters: "Complexen", "Complexes";
    stock_clusters_lower: "complexen", "complexes";
    stock_import: "Bestand inlezen", "Import file";
    stock_search: "Zoeken (straat, postcode, plaats, id)", "Search (street, postcode, town, id)";
    stock_gemeente: "Gemeentecode", "Municipality code";
    stock_wijk: "Wijkcode", "District code";
    stock_buurt: "Buurtcode", "Neighbourhood code";
    stock_soort: "Soort", "Type";
    stock_status: "Status", "Status";
    stock_label: "DAEB", "DAEB";
    stock_non_daeb: "Niet-DAEB", "Non-DAEB";
    stock_rent_band: "Nettohuur", "Net rent";
    stock_showing: "Getoond", "Showing";
    stock_of: "van", "of";
    stock_address: "Adres", "Address";
    stock_postcode: "Postcode", "Postcode";
    stock_town: "Plaats", "Town";
    stock_cluster: "Complex", "Complex";
    stock_cluster_soort: "Clustersoort (VERA, bijv. VEX)", "Complex kind (VERA, e.g. VEX)";
    stock_rent: "Nettohuur", "Net rent";
    stock_gross_rent: "Brutohuur", "Gross rent";
    stock_average_rent: "Gem. nettohuur", "Avg. net rent";
    stock_empty_import: "Er is nog geen bezit. Lees het bezitsbestand in:", "There is no stock yet. Import the stock file:";
    stock_pages: "Pagina's", "Pages";
    stock_previous: "Vorige", "Previous";
    stock_next: "Volgende", "Next";
    stock_out_of_use: "Buiten gebruik (ontbrak in een volledig bestand)", "Out of use (missing from a full file)";
    stock_position: "Ligging", "Position";
    stock_built: "Bouwjaar", "Year built";
    stock_area: "Gebruiksoppervlakte", "Usable area";
    stock_rooms: "Kamers", "Rooms";
    stock_file_refused: "Het bestand kan niet worden gelezen", "The file cannot be read";
    stock_imported: "Ingelezen", "Imported";
    stock_checked_ok: "Gecontroleerd: geen fouten", "Checked: no errors";
    stock_has_errors: "Het bestand bevat fouten", "The file has errors";
    stock_new: "nieuw", "new";
    stock_changed: "gewijzigd", "changed";
    stock_unchanged: "ongewijzigd", "unchanged";
    stock_missing: "eenheden staan niet in het bestand", "units are missing from the file";
    stock_marked_missing: "buiten gebruik gezet", "marked out of use";
    stock_warning: "Let op", "Note";
    stock_error_rows: "fouten.", "errors.";
    stock_nothing_saved: "Er is niets opgeslagen. Verbeter het bestand en probeer het opnieuw, of kies voor het inlezen van alleen de goede regels.", "Nothing was saved. Correct the file and try again, or choose to import only the valid rows.";
    stock_download_report: "Foutrapport downloaden (CSV)", "Download the error report (CSV)";
    stock_line: "Regel", "Line";
    stock_column: "Kolom", "Column";
    stock_value: "Waarde", "Value";
    stock_reason: "Reden", "Reason";
    stock_upload: "Bezitsbestand inlezen", "Import the stock file";
    stock_upload_help: "Een CSV-bestand uit uw ERP of Excel, met VERA-kolomnamen. Eerst controleren kan zonder iets op te slaan.", "A CSV file from your ERP or Excel, with VERA column names. You can check it first without saving anything.";
    stock_template: "Sjabloon downloaden", "Download the template";
    stock_file: "Bestand", "File";
    stock_valid_rows: "Goede regels inlezen, ook als andere regels fouten hebben", "Import the valid rows even if other rows have errors";
    stock_mark_missing: "Dit is het volledige bezit: eenheden die ontbreken buiten gebruik zetten", "This is the full stock: mark missing units out of use";
    stock_check_only: "Alleen controleren", "Check only";
    stock_import_button: "Inlezen", "Import";
    stock_no_file: "Kies een bestand.", "Choose a file.";
    rent_lt500: "tot € 500", "below € 500";
    rent_500_700: "€ 500 – € 700", "€ 500 – € 700";
    rent_700_lib: "€ 700 – liberalisatiegrens", "€ 700 – liberalisation limit";
    rent_lib: "boven de liberalisatiegrens", "above the liberalisation limit";
    stock_map: "Kaart", "Map";
    stock_sending: "Bestand verzenden: {pct}%", "Sending the file: {pct}%";
    stock_checking: "Het bestand wordt gecontroleerd en ingelezen…", "Checking and importing the file…";
    stock_upload_failed: "Verzenden is mislukt. Controleer de verbinding en probeer het opnieuw.", "Sending failed. Check the connection and try again.";
    stock_import_running: "Er loopt al een import voor deze corporatie. Wacht tot die klaar is en probeer het dan opnieuw.", "An import for this corporation is already running. Wait until it is done, then try again.";
    stock_import_failed: "De import is afgebroken door een storing van de server. Er is niets opgeslagen; probeer het later opnieuw.", "The import was stopped by a server fault. Nothing was saved; try again later.";
    stock_running_import: "Het bestand wordt ingelezen", "Importing the file";
    stock_running_check: "Het bestand wordt gecontroleerd", "Checking the file";
    stock_rows_read: "regels gelezen", "rows read";
    stock_running_hint: "U kunt deze pagina open laten; hij wordt vanzelf bijgewerkt. Sluit u hem, dan gaat de import gewoon door.", "You can leave this page open; it updates itself. If you close it, the import carries on.";
    stock_refresh: "Bijwerken", "Refresh";
    stock_again: "Nog een bestand inlezen", "Import another file";
    stock_more_than: "meer dan {n}", "more than {n}";
    stock_map_loading: "De kaart wordt geladen…", "Loading the map…";
    stock_map_failed: "De gegevens voor de kaart konden niet worden geladen.", "The map data could not be loaded.";
    stock_map_help: "Zoom in om complexen en uiteindelijk losse eenheden te zien. Zonder achtergrondkaart blijven de gegevens zichtbaar.", "Zoom in to see complexes and, at street level, single units. Without the background map the data stays visible.";
    stock_map_clusters: "{units} eenheden in {groups} groepen in beeld", "{units} units in {groups} groups in view";
    stock_map_units: "{units} eenheden in beeld", "{units} units in view";
    tokens_title: "API-sleutels", "API tokens";
    tokens_help: "Met een API-sleutel leest een ander systeem (zoals uw ERP of BI) de gegevens van uw organisatie via de JSON-API. Een sleutel kan alleen lezen.", "With an API token another system (your ERP or BI, say) reads your organisation's data through the JSON API. A token can only read.";
    tokens_created: "Nieuwe sleutel gemaakt", "New token created";
    tokens_copy_now: "Kopieer de sleutel nu: hij wordt niet opgeslagen en is hierna niet meer te zien.", "Copy the token now: it is not stored and will not be shown again.";
    tokens_created_at: "Gemaakt", "Created";
    tokens_last_used: "Laatst gebruikt", "Last used";
    tokens_revoked: "ingetrokken", "revoked";
    tokens_revoke: "Intrekken", "Revoke";
    tokens_new: "Nieuwe sleutel", "New token";
    tokens_name: "Waarvoor (bijv. ERP-koppeling)", "What for (e.g. ERP link)";
    dashboard_stock: "Bezit: complexen en eenheden", "Housing stock: complexes and units";
    kind_corporation: "Woningcorporatie", "Housing corporation";
    kind_tenant_organisation: "Huurdersorganisatie", "Tenant organisation";
    kind_municipality: "Gemeente", "Municipality";
    kind_supplier: "Leverancier", "Supplier";
    kind_partner: "Partner", "Partner";
    about_corporation: "Een woningcorporatie beheert het bezit, werkt samen met huurders en gemeente, en legt hier vast wat zij afspreekt en doet.", "A housing corporation manages its stock, works with tenants and the municipality, and records here what it agrees and does.";
    about_tenant_organisation: "Een huurdersorganisatie spreekt namens de huurders en heeft wettelijke rechten op informatie, advies en instemming.", "A tenant organisation speaks for the tenants and has legal rights to information, advice and consent.";
    about_municipality: "Een gemeente maakt prestatieafspraken met corporaties en huurders en ontvangt signalen van betalingsachterstanden.", "A municipality makes performance agreements with corporations and tenants and receives signals of payment arrears.";
    about_supplier: "Een leverancier meldt hier wat hij doet voor social return in zijn opdrachten.", "A supplier reports here what it does for social return in its contracts.";
    about_partner: "Een partner (wijkteam, schuldhulp, koopcoach) werkt mee aan wat hem wordt gevraagd.", "A partner (neighbourhood team, debt help, buyer's coach) works on what it is asked to.";
    role_admin: "Beheerder", "Administrator";
    role_staff: "Medewerker", "Staff";
    role_read_only: "Alleen lezen", "Read only";
    mail_reset_subject: "Nieuw wachtwoord voor Volkshuis", "New password for Volkshuis";
    mail_reset_body: "Beste {name},\n\nU heeft gevraagd om een nieuw wachtwoord voor Volkshuis. Kies het via deze link (één uur geldig):\n\n{link}\n\nHeeft u dit niet gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft zoals het was.\n\nVolkshuis", "Dear {name},\n\nYou asked for a new Volkshuis password. Choose it with this link (valid for one hour):\n\n{link}\n\nDid you not ask for this? Then ignore this e-mail; your password stays as it was.\n\nVolkshuis";
    mail_invite_subject: "Uw account voor Volkshuis", "Your Volkshuis account";
    mail_invite_body: "Beste {name},\n\nEr is een Volkshuis-account voor u aangemaakt. Kies uw wachtwoord via deze link (zeven dagen geldig):\n\n{link}\n\nVolkshuis", "Dear {name},\n\nA Volkshuis account was created for you. Choose your password with this link (valid for seven days):\n\n{link}\n\nVolkshuis";
});

impl Texts {
    /// The name of an organisation kind.
    pub fn kind(&self, kind: OrgKind) -> &'static str {
        match kind {
            OrgKind::Corporation => self.kind_corporation,
            OrgKind::TenantOrganisation => self.kind_tenant_organisation,
            OrgKind::Municipality => self.kind_municipality,
            OrgKind::Supplier => self.kind_supplier,
            OrgKind::Partner => self.kind_partner,
        }
    }

    /// What an organisation of this kind does in Volkshuis.
    pub fn kind_about(&self, kind: OrgKind) -> &'static str {
        match kind {
            OrgKind::Corporation => self.about_corporation,
            OrgKind::TenantOrganisation => self.about_tenant_organisation,
            OrgKind::Municipality => self.about_municipality,
            OrgKind::Supplier => self.about_supplier,
            OrgKind::Partner => self.about_partner,
        }
    }

    /// The name of a rent band.
    pub fn rent_band(&self, band: volkshuis_domain::bezit::rent::RentBand) -> &'static str {
        use volkshuis_domain::bezit::rent::RentBand;
        match band {
            RentBand::Low => self.rent_lt500,
            RentBand::Middle => self.rent_500_700,
            RentBand::High => self.rent_700_lib,
            RentBand::Free => self.rent_lib,
        }
    }

    /// The name of a role.
    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Admin => self.role_admin,
            Role::Staff => self.role_staff,
            Role::ReadOnly => self.role_read_only,
        }
    }

    /// Kinds as `(code, name)` options for a select.
    pub fn kind_options(&self) -> Vec<(String, String)> {
        OrgKind::ALL.into_iter().map(|k| (k.code().to_owned(), self.kind(k).to_owned())).collect()
    }

    /// Roles as `(code, name)` options for a select, highest first.
    pub fn role_options(&self) -> Vec<(String, String)> {
        Role::ALL.into_iter().rev().map(|r| (r.code().to_owned(), self.role(r).to_owned())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_differ_and_keep_placeholders() {
        assert_ne!(NL.login_title, EN.login_title);
        for (nl, en) in [(NL.err_too_long, EN.err_too_long), (NL.mail_reset_body, EN.mail_reset_body)] {
            for placeholder in ["{n}", "{name}", "{link}"] {
                assert_eq!(nl.contains(placeholder), en.contains(placeholder), "{placeholder} in {nl}");
            }
        }
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }
}
