//! Names of the Prestatieafspraken module's domain values (`volkshuis_domain::afspraken`) in the user's language;
//! the texts are in `i18n/*/afspraken.ftl`.

use super::AfsprakenTexts;
use volkshuis_domain::afspraken::{ComputedSource, Concreteness, Missing, Phase, Progress, Theme};
use volkshuis_store::afspraken::{DocumentKind, NoteKind};

impl AfsprakenTexts {
    /// The name of a phase.
    pub fn phase(&self, phase: Phase) -> &'static str {
        match phase {
            Phase::Kennisvergaring => self.phase_kennisvergaring,
            Phase::Bod => self.phase_bod,
            Phase::Onderhandeling => self.phase_onderhandeling,
            Phase::Ondertekening => self.phase_ondertekening,
            Phase::Monitoring => self.phase_monitoring,
            Phase::Geschil => self.phase_geschil,
        }
    }

    /// The name of a theme.
    pub fn theme(&self, theme: Theme) -> &'static str {
        match theme {
            Theme::Betaalbaarheid => self.theme_betaalbaarheid,
            Theme::Doelgroepen => self.theme_doelgroepen,
            Theme::Duurzaamheid => self.theme_duurzaamheid,
            Theme::Nieuwbouw => self.theme_nieuwbouw,
            Theme::Verkoop => self.theme_verkoop,
            Theme::Leefbaarheid => self.theme_leefbaarheid,
            Theme::WonenEnZorg => self.theme_wonen_en_zorg,
        }
    }

    /// Themes as `(code, name)` options for a select.
    pub fn theme_options(&self) -> Vec<(String, String)> {
        Theme::ALL.iter().map(|t| (t.code().to_owned(), self.theme(*t).to_owned())).collect()
    }

    /// What Volkshuis computes, by name.
    pub fn computed(&self, source: ComputedSource) -> &'static str {
        match source {
            ComputedSource::UnitsInStock => self.computed_units_in_stock,
            ComputedSource::SocialRentUnits => self.computed_social_rent_units,
            ComputedSource::ParticipationCoverage => self.computed_participation_coverage,
            ComputedSource::SrPlacements => self.computed_sr_placements,
        }
    }

    /// Computed sources as `(code, name)` options for a select.
    pub fn computed_options(&self) -> Vec<(String, String)> {
        ComputedSource::ALL.iter().map(|c| (c.code().to_owned(), self.computed(*c).to_owned())).collect()
    }

    /// The name of a note's kind.
    pub fn note_kind(&self, kind: NoteKind) -> &'static str {
        match kind {
            NoteKind::Knowledge => self.note_kind_knowledge,
            NoteKind::Negotiation => self.note_kind_negotiation,
            NoteKind::Stakeholder => self.note_kind_stakeholder,
        }
    }

    /// The name of a document's kind.
    pub fn document_kind(&self, kind: DocumentKind) -> &'static str {
        match kind {
            DocumentKind::Woonvisie => self.document_kind_woonvisie,
            DocumentKind::MarketStudy => self.document_kind_market_study,
            DocumentKind::Bid => self.document_kind_bid,
            DocumentKind::Other => self.document_kind_other,
        }
    }

    /// The name of a commitment's progress.
    pub fn progress_name(&self, progress: Progress) -> &'static str {
        match progress {
            Progress::NoData => self.progress_no_data,
            Progress::Achieved => self.progress_achieved,
            Progress::OnTrack => self.progress_on_track,
            Progress::Behind => self.progress_behind,
        }
    }

    /// The name of a concreteness level.
    pub fn concreteness(&self, level: Concreteness) -> &'static str {
        match level {
            Concreteness::Concrete => self.concrete,
            Concreteness::Partly => self.partly,
            Concreteness::Vague => self.vague,
        }
    }

    /// The name of what a commitment lacks.
    pub fn missing(&self, missing: Missing) -> &'static str {
        match missing {
            Missing::MeasurableTarget => self.missing_measurable_target,
            Missing::Date => self.missing_date,
            Missing::Owner => self.missing_owner,
        }
    }
}
