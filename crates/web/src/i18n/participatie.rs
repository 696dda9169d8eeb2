//! Helpers over the texts of the Participatiekaart. The texts themselves are in `i18n/*/participatie.ftl`.

use super::ParticipatieTexts;
use volkshuis_domain::participatie::coverage::Coverage;
use volkshuis_domain::participatie::group::{ActivityKind, Channel, Criterion, GroupKind};

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
