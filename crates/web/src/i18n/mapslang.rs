//! Translations of the diagnosis' typed statements (`volkshuis_domain::participatie::diagnosis`): the questions of
//! both axes, the golden rules and the four variants. The texts are in `i18n/*/mapslang.ftl`; the domain's Dutch is
//! the same as the Dutch file, which a test holds.

use super::MapslangTexts;
use volkshuis_domain::participatie::diagnosis::{CorporationQuestion, GoldenRule, RepresentativeQuestion, Variant};

impl MapslangTexts {
    /// A question about the corporation.
    pub fn corporation_question(&self, question: CorporationQuestion) -> &'static str {
        match question {
            CorporationQuestion::InvolvesEarly => self.cq_involves_early,
            CorporationQuestion::SeeksTenantsOut => self.cq_seeks_tenants_out,
            CorporationQuestion::FixedContact => self.cq_fixed_contact,
            CorporationQuestion::ProfessionalSupport => self.cq_professional_support,
            CorporationQuestion::SeveralChannels => self.cq_several_channels,
            CorporationQuestion::SharesInformation => self.cq_shares_information,
            CorporationQuestion::ExplainsUse => self.cq_explains_use,
            CorporationQuestion::InvestsInNewForms => self.cq_invests_in_new_forms,
            CorporationQuestion::ValuesCriticism => self.cq_values_criticism,
            CorporationQuestion::AlignsAgendaEarly => self.cq_aligns_agenda_early,
        }
    }

    /// A question about the tenant representatives.
    pub fn representative_question(&self, question: RepresentativeQuestion) -> &'static str {
        match question {
            RepresentativeQuestion::KnowsAchterban => self.rq_knows_achterban,
            RepresentativeQuestion::TakesInitiative => self.rq_takes_initiative,
            RepresentativeQuestion::ReachesNewTenants => self.rq_reaches_new_tenants,
            RepresentativeQuestion::WorksWithGroups => self.rq_works_with_groups,
            RepresentativeQuestion::AccountsYearly => self.rq_accounts_yearly,
            RepresentativeQuestion::KnowsEnough => self.rq_knows_enough,
            RepresentativeQuestion::WorksWithCommittees => self.rq_works_with_committees,
            RepresentativeQuestion::Recruits => self.rq_recruits,
            RepresentativeQuestion::UsesSocialMedia => self.rq_uses_social_media,
            RepresentativeQuestion::OwnProposals => self.rq_own_proposals,
        }
    }

    /// A golden rule.
    pub fn golden_rule(&self, rule: GoldenRule) -> &'static str {
        match rule {
            GoldenRule::FormalFedByInformal => self.gr_formal_fed_by_informal,
            GoldenRule::FamiliarFace => self.gr_familiar_face,
            GoldenRule::SeveralChannels => self.gr_several_channels,
            GoldenRule::InvolveEarly => self.gr_involve_early,
            GoldenRule::ClearFrameworks => self.gr_clear_frameworks,
            GoldenRule::TenantsOrResidents => self.gr_tenants_or_residents,
            GoldenRule::SocialMedia => self.gr_social_media,
            GoldenRule::BothInvest => self.gr_both_invest,
        }
    }

    /// A variant's name, description and development path.
    pub fn variant(&self, variant: Variant) -> (&'static str, &'static str, &'static str) {
        match variant {
            Variant::GezamenlijkeProcesregisseur => {
                (self.variant_joint, self.variant_joint_description, self.variant_joint_path)
            }
            Variant::HoederVanParticipatie => {
                (self.variant_guardian, self.variant_guardian_description, self.variant_guardian_path)
            }
            Variant::VoorlopendeVertegenwoordigers => {
                (self.variant_leading, self.variant_leading_description, self.variant_leading_path)
            }
            Variant::OntwikkelpuntParticipatie => {
                (self.variant_develop, self.variant_develop_description, self.variant_develop_path)
            }
        }
    }

    /// A variant's name.
    pub fn variant_name(&self, variant: Variant) -> &'static str {
        self.variant(variant).0
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use volkshuis_domain::participatie::diagnosis::{
        Variant, CORPORATION_QUESTIONS, GOLDEN_RULES, REPRESENTATIVE_QUESTIONS,
    };

    /// Every statement of the diagnosis, Dutch (from the domain) beside the translation in `lang`.
    fn every_statement(lang: Lang) -> Vec<(String, &'static str)> {
        let t = super::MapslangTexts::of(lang);
        let mut all: Vec<(String, &'static str)> = Vec::new();
        all.extend(CORPORATION_QUESTIONS.iter().map(|q| (q.to_string(), t.corporation_question(*q))));
        all.extend(REPRESENTATIVE_QUESTIONS.iter().map(|q| (q.to_string(), t.representative_question(*q))));
        all.extend(GOLDEN_RULES.iter().map(|r| (r.to_string(), t.golden_rule(*r))));
        for v in Variant::ALL {
            let (name, description, path) = t.variant(v);
            all.extend([(v.name().to_owned(), name), (v.description().to_owned(), description)]);
            all.push((v.path().to_owned(), path));
        }
        all
    }

    #[test]
    fn the_dutch_diagnosis_is_the_domains_dutch() {
        for (dutch, translated) in every_statement(Lang::Nl) {
            assert_eq!(translated, dutch);
        }
    }

    #[test]
    fn the_english_diagnosis_is_english() {
        let english = every_statement(Lang::En);
        assert_eq!(english.len(), 10 + 10 + 8 + 12);
        // Words only Dutch uses, outside the terms kept beside the English in brackets.
        let dutch_words = [" de ", " het ", " een ", " van ", " niet ", " huurders", " corporatie ", " wordt "];
        for (dutch, translated) in english {
            assert_ne!(translated, dutch, "translated");
            let outside_brackets: String =
                translated.split('(').map(|part| part.split_once(')').map_or(part, |(_, rest)| rest)).collect();
            let spaced = format!(" {} ", outside_brackets.to_lowercase());
            for word in dutch_words {
                assert!(!spaced.contains(word), "{word:?} in {translated:?}");
            }
        }
        let en = Lang::En.mapslang();
        assert_eq!(
            en.variant_name(Variant::HoederVanParticipatie),
            "Guardian of participation (hoeder van participatie)"
        );
        assert!(en.gr_both_invest.ends_with("(conflictoptimum)."));
    }
}
