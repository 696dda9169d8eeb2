//! The user interface in Dutch (first) and English.
//!
//! The texts live in Fluent files, `crates/web/i18n/<lang>/<context>.ftl`, which a translator edits without Rust.
//! The build checks them and generates one struct per context ([`Texts`], [`OverlegTexts`], …): a plain message is a
//! field (`t.login_title`), a message with arguments a method (`t.err_too_long(n)`), so a template or handler that
//! uses a missing message, or a language that lacks one, fails to compile (see `docs/adr/0023-texts-in-fluent.md`).

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

    /// The position in the generated tables (`Lang` order).
    pub(crate) fn index(self) -> usize {
        match self {
            Lang::Nl => 0,
            Lang::En => 1,
        }
    }

    /// The texts in this language.
    pub fn texts(self) -> &'static Texts {
        Texts::of(self)
    }

    /// The texts of the Social return module in this language.
    pub fn socialreturn(self) -> &'static SocialReturnTexts {
        SocialReturnTexts::of(self)
    }

    /// The texts of the Participatiekaart in this language.
    pub fn participatie(self) -> &'static ParticipatieTexts {
        ParticipatieTexts::of(self)
    }

    /// The texts of the stock import's problems in this language.
    pub fn import(self) -> &'static ImportTexts {
        ImportTexts::of(self)
    }

    /// The texts of the Overleg module in this language.
    pub fn overleg(self) -> &'static OverlegTexts {
        OverlegTexts::of(self)
    }

    /// The texts of the Prestatieafspraken module in this language.
    pub fn afspraken(self) -> &'static AfsprakenTexts {
        AfsprakenTexts::of(self)
    }

    /// The texts of the maps without tiles and of the diagnosis' statements in this language.
    pub fn mapslang(self) -> &'static MapslangTexts {
        MapslangTexts::of(self)
    }
}

/// A calendar date as shown to users (`04-05-2026`). Here, below the views, so that texts which name a date
/// (a deadline, a block's day) need not import the views (`crate::views` re-exports it).
pub fn show_date(date: time::Date) -> String {
    date.format(time::macros::format_description!("[day]-[month]-[year]")).unwrap_or_default()
}

mod afspraken;
mod fluent;
mod import;
mod initiatieven;
mod mapslang;
mod nazorg;
mod overleg;
mod participatie;
mod signalering;
mod socialreturn;
pub use generated::AfsprakenTexts;
pub use generated::BuurtbudgetTexts;
pub use generated::CalendarTexts;
pub use generated::DashboardTexts;
pub use generated::IcalTexts;
pub use generated::InitiatievenTexts;
pub use generated::MapslangTexts;
pub use generated::NavTexts;
pub use generated::NazorgTexts;
pub use generated::NotifyTexts;
pub use generated::OndernemingenTexts;
pub use generated::PickersTexts;
pub use generated::PlekTexts;
pub use generated::SearchTexts;
pub use generated::SignaleringTexts;
pub use generated::VveTexts;
pub use generated::{ImportTexts, OverlegTexts, ParticipatieTexts, SocialReturnTexts, Texts};
pub use overleg::BUDGET_CATEGORIES;

/// The structs and statics generated from the Fluent files by `build/texts.rs`.
mod generated {
    #![allow(clippy::too_many_arguments)]
    use super::Lang;
    include!(concat!(env!("OUT_DIR"), "/texts.rs"));
}

impl Texts {
    /// Why personal data was read, as the audit log records it (the codes of Signalering's and Nazorg's scopes).
    pub fn read_purpose(&self, code: &str) -> Option<&'static str> {
        Some(match code {
            "verzending_en_terugkoppeling" => self.purpose_send_and_follow,
            "levering_per_bestand" => self.purpose_deliver_by_file,
            "contact_met_huishouden" => self.purpose_outreach,
            "gemeentelijke_rapportage" => self.purpose_municipal_report,
            "zachte_signalen" => self.purpose_soft_signals,
            "doorverwijzing" => self.purpose_referral,
            "koopcoach" => self.purpose_koopcoach,
            "verkoop_en_nazorg" => self.purpose_sale_and_aftercare,
            _ => return None,
        })
    }

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

    /// The name of a rent band as it counts in `year`: the two bands that meet at the liberalisation limit name its
    /// amount and the year it is the limit of (another year's when `year`'s is not known yet).
    pub fn rent_band(&self, band: volkshuis_domain::bezit::rent::RentBand, year: i32) -> String {
        use volkshuis_domain::bezit::rent::{liberalisation_limit_of, RentBand};
        let (limit, of) = liberalisation_limit_of(year);
        match band {
            RentBand::Low => self.rent_lt500.to_owned(),
            RentBand::Middle => self.rent_500_700.to_owned(),
            RentBand::High => self.rent_700_lib(limit, of),
            RentBand::Free => self.rent_lib(limit, of),
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

    /// A role as a sentence names the person who has it ("als medewerker", "as a staff member"): the labels are
    /// capitalised for lists and buttons.
    pub fn role_in_sentence(&self, role: Role) -> &'static str {
        match role {
            Role::Admin => self.role_sentence_admin,
            Role::Staff => self.role_sentence_staff,
            Role::ReadOnly => self.role_sentence_read_only,
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
    fn every_message_formats_in_both_languages() {
        for count in [0, 1, 2, 17] {
            let (nl, en) = (generated::every_message(Lang::Nl, count), generated::every_message(Lang::En, count));
            assert_eq!(nl.len(), en.len());
            assert!(nl.len() > 600, "all contexts are there");
            for (context, id, text) in nl.iter().chain(&en) {
                assert!(!text.trim().is_empty(), "{context}/{id} is empty");
                // Fluent writes an unresolved reference as `{$name}` or `{id}`; a formatted text has none.
                assert!(!text.contains("{$") && !text.contains('\u{2068}'), "{context}/{id}: {text}");
            }
        }
    }

    #[test]
    fn arguments_and_plurals_follow_the_language() {
        let (nl, en) = (Texts::of(Lang::Nl), Texts::of(Lang::En));
        assert_ne!(nl.login_title, en.login_title);
        assert_eq!(nl.err_too_long(64), "Gebruik hoogstens 64 tekens.");
        assert_eq!(en.err_too_long(64), "Use at most 64 characters.");
        assert_eq!(nl.stock_map_units(1), "1 eenheid in beeld");
        assert_eq!(nl.stock_map_units(2), "2 eenheden in beeld");
        assert_eq!(en.stock_map_clusters(1, 1), "1 unit in 1 group in view");
        assert_eq!(en.stock_map_clusters(3, 1200), "1200 units in 3 groups in view");
        let body = nl.mail_reset_body("https://x/r", "Anna");
        assert!(body.starts_with("Beste Anna,\n\nU heeft gevraagd") && body.contains("\n\nhttps://x/r\n\n"), "{body}");
        let (ov_nl, ov_en) = (Lang::Nl.overleg(), Lang::En.overleg());
        assert_eq!(ov_nl.notice_reminder(1, "Sloop"), "Nog 1 dag voor uw antwoord op: Sloop");
        assert_eq!(ov_en.notice_reminder(7, "Demolition"), "7 days left for your answer to: Demolition");
        assert_eq!(ov_en.days(-1), "1 day past the deadline");
        assert_eq!(
            ov_nl.mail_reminder_body("Woonstad", "2 maart 2026", "https://x/c", 5, "Sloop"),
            "De termijn voor uw antwoord op \"Sloop\" van Woonstad loopt af op 2 maart 2026 (nog 5 dagen).\n\n\
             Bekijk het verzoek: https://x/c"
        );
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }
}
