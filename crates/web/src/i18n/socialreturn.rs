//! Helpers over the texts of the Social return module. Calculation lines come from the domain in Dutch. The texts themselves are in `i18n/*/social-return.ftl`.

use super::SocialReturnTexts;
use volkshuis_domain::socialreturn::progress::Standing;
use volkshuis_domain::socialreturn::{Bonus, Certificate, TargetGroup, Training};

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
