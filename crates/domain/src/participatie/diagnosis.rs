//! How participation is organised: two axes — is the corporation active or reactive, are the tenant
//! representatives active or reactive — give four variants, each with its development path. Both parties answer the
//! same questions (1 = helemaal niet, 5 = helemaal wel); each party's answers place it in the 2×2. And the eight
//! golden rules as a self-scan. See `shared/design/PRODUCT.md`.

/// Declares a fixed list of statements as an enum: the web layer translates each variant (Fluent), `Display` and
/// [`dutch`](CorporationQuestion::dutch) give the Dutch text, for the command line and as the reference the Dutch
/// translation is tested against. The order of `ALL` is the order of the stored scores: never reorder it.
macro_rules! statements {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $dutch:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every statement, in the order the scores are stored.
            pub const ALL: [Self; [$(stringify!($variant)),+].len()] = [$(Self::$variant),+];

            /// The statement in Dutch.
            pub fn dutch(self) -> &'static str {
                match self {
                    $(Self::$variant => $dutch,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.dutch())
            }
        }
    };
}

statements! {
    /// A question about the corporation (axis 1).
    CorporationQuestion {
        /// Involves tenants before plans are fixed.
        InvolvesEarly => "De corporatie betrekt huurders bij plannen voordat er iets vastligt.",
        /// Seeks tenants out beyond the fixed meetings.
        SeeksTenantsOut => "De corporatie zoekt huurders zelf op, ook buiten de vaste overleggen.",
        /// A fixed contact for the representatives.
        FixedContact => "Er is een vast aanspreekpunt bij de corporatie voor de huurdersvertegenwoordiging.",
        /// Professional support for the representatives.
        ProfessionalSupport => "De corporatie biedt de huurdersvertegenwoordiging professionele ondersteuning.",
        /// Several channels.
        SeveralChannels => "De corporatie gebruikt meerdere kanalen om huurders te bereiken (bijeenkomsten, huisbezoek, panels, online).",
        /// Timely, complete, clear information.
        SharesInformation => "De corporatie deelt informatie tijdig, volledig en begrijpelijk.",
        /// Explains what it did with the input.
        ExplainsUse => "De corporatie legt uit wat zij met de inbreng van huurders heeft gedaan.",
        /// Invests in new forms.
        InvestsInNewForms => "De corporatie investeert tijd en geld in nieuwe vormen van participatie.",
        /// Values criticism.
        ValuesCriticism => "De corporatie ziet kritiek van huurders als waardevol, niet als last.",
        /// Aligns its agenda early.
        AlignsAgendaEarly => "De corporatie stemt haar agenda in een vroeg stadium af met de huurdersvertegenwoordiging.",
    }
}

statements! {
    /// A question about the tenant representatives (axis 2).
    RepresentativeQuestion {
        /// Knows its achterban.
        KnowsAchterban => "De vertegenwoordiging weet wat er leeft bij haar achterban.",
        /// Takes the initiative.
        TakesInitiative => "De vertegenwoordiging neemt zelf initiatief en zet onderwerpen op de agenda.",
        /// Reaches young, working and new tenants.
        ReachesNewTenants => "De vertegenwoordiging bereikt ook jonge, werkende en nieuwe huurders.",
        /// Works with groups beside the board.
        WorksWithGroups => "De vertegenwoordiging werkt met werkgroepen, pools of panels naast het bestuur.",
        /// Accounts to the tenants yearly.
        AccountsYearly => "De vertegenwoordiging legt jaarlijks verantwoording af aan de huurders.",
        /// Knows enough.
        KnowsEnough => "De vertegenwoordiging heeft voldoende kennis om de corporatie scherp te houden.",
        /// Works with committees and informal groups.
        WorksWithCommittees => "De vertegenwoordiging werkt samen met bewonerscommissies en informele groepen.",
        /// Recruits.
        Recruits => "De vertegenwoordiging werft actief nieuwe bestuurders en vrijwilligers.",
        /// Uses social media and newsletters.
        UsesSocialMedia => "De vertegenwoordiging gebruikt sociale media en nieuwsbrieven om huurders te informeren.",
        /// Brings its own proposals.
        OwnProposals => "De vertegenwoordiging brengt eigen voorstellen in, niet alleen reacties.",
    }
}

statements! {
    /// One of the eight golden rules of good participation.
    GoldenRule {
        /// Formal participation fed by informal forms.
        FormalFedByInformal => "Regel de formele participatie en voed die met zoveel mogelijk informele vormen die bij de plek passen.",
        /// A familiar face and professional support.
        FamiliarFace => "Een vast gezicht bij de corporatie en professionele ondersteuning voor de huurders.",
        /// Several channels.
        SeveralChannels => "Meerdere kanalen; zet mensen in waar ze energie van krijgen.",
        /// Involve early.
        InvolveEarly => "Betrek huurders zo vroeg mogelijk, niet pas als alles vastligt.",
        /// Clear frameworks.
        ClearFrameworks => "Heldere kaders die passen bij de landelijke wet- en regelgeving.",
        /// Tenants or all residents.
        TenantsOrResidents => "Maak duidelijk of het om huurders gaat of om alle bewoners van de buurt, en verbind die twee.",
        /// Social media.
        SocialMedia => "Sociale media als noodzakelijke aanvulling op de oudere vormen.",
        /// Both invest in the relationship.
        BothInvest => "Beide partijen investeren in een goede relatie: geen harmonie, wel een werkbaar conflictoptimum.",
    }
}

/// The questions about the corporation (axis 1), in the order of the stored scores.
pub const CORPORATION_QUESTIONS: [CorporationQuestion; 10] = CorporationQuestion::ALL;

/// The questions about the tenant representatives (axis 2), in the order of the stored scores.
pub const REPRESENTATIVE_QUESTIONS: [RepresentativeQuestion; 10] = RepresentativeQuestion::ALL;

/// The eight golden rules of good participation, in the order of the stored scores.
pub const GOLDEN_RULES: [GoldenRule; 8] = GoldenRule::ALL;

/// One of the four variants. Its [`name`](Variant::name), [`description`](Variant::description) and
/// [`path`](Variant::path) are Dutch; the web layer translates the variant itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Corporation active, representatives active.
    GezamenlijkeProcesregisseur,
    /// Corporation active, representatives reactive.
    HoederVanParticipatie,
    /// Corporation reactive, representatives active.
    VoorlopendeVertegenwoordigers,
    /// Both reactive.
    OntwikkelpuntParticipatie,
}

impl Variant {
    /// Every variant.
    pub const ALL: [Self; 4] = [
        Variant::GezamenlijkeProcesregisseur,
        Variant::HoederVanParticipatie,
        Variant::VoorlopendeVertegenwoordigers,
        Variant::OntwikkelpuntParticipatie,
    ];

    /// The variant on the two axes.
    pub fn of(corporation_active: bool, representatives_active: bool) -> Self {
        match (corporation_active, representatives_active) {
            (true, true) => Variant::GezamenlijkeProcesregisseur,
            (true, false) => Variant::HoederVanParticipatie,
            (false, true) => Variant::VoorlopendeVertegenwoordigers,
            (false, false) => Variant::OntwikkelpuntParticipatie,
        }
    }

    /// Its name, in Dutch.
    pub fn name(self) -> &'static str {
        match self {
            Variant::GezamenlijkeProcesregisseur => "Gezamenlijke procesregisseur",
            Variant::HoederVanParticipatie => "Hoeder van participatie",
            Variant::VoorlopendeVertegenwoordigers => "Voorlopende vertegenwoordigers",
            Variant::OntwikkelpuntParticipatie => "Ontwikkelpunt participatie",
        }
    }

    /// What it looks like, in Dutch.
    pub fn description(self) -> &'static str {
        match self {
            Variant::GezamenlijkeProcesregisseur => {
                "Corporatie en vertegenwoordigers investeren allebei: een brede \
                huurdersorganisatie met werkgroepen en pools, en een gezamenlijke agenda die vroeg wordt gemaakt."
            }
            Variant::HoederVanParticipatie => {
                "Een klein, ervaren bestuur daagt de corporatie uit en springt bij waar \
                het informele contact tekortschiet; de corporatie houdt zelf contact via huisbezoek, themagroepen en \
                digitale panels."
            }
            Variant::VoorlopendeVertegenwoordigers => {
                "De vertegenwoordigers gaan voorop in het bereiken van huurders en \
                laten de corporatie met kennis en goede voorbeelden zien wat participatie oplevert."
            }
            Variant::OntwikkelpuntParticipatie => {
                "Weinig traditie, pogingen die niet beklijfden, een zwakke \
                vertegenwoordiging of een beschadigde relatie."
            }
        }
    }

    /// The development path, in Dutch.
    pub fn path(self) -> &'static str {
        match self {
            Variant::GezamenlijkeProcesregisseur => {
                "Let op de tijd die het kost: werf drukbezette huurders (jong, \
                werkend, mantelzorgers) en vergader niet meer dan nodig."
            }
            Variant::HoederVanParticipatie => {
                "De corporatie houdt de vertegenwoordigers scherp en betrekt hen bij \
                wat zij zelf met huurders ophaalt."
            }
            Variant::VoorlopendeVertegenwoordigers => {
                "Een zorgvuldige, opbouwende weg van groeiend vertrouwen; laat de \
                corporatie de waarde zien aan de hand van concrete resultaten."
            }
            Variant::OntwikkelpuntParticipatie => {
                "Versterk het formele orgaan, breng nieuwe groepen in en herstel het \
                vertrouwen, eventueel met de gemeente als verbinder."
            }
        }
    }
}

/// Why answers were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// Not every question was answered.
    #[error("beantwoord alle vragen")]
    Incomplete,
    /// A score outside 1–5.
    #[error("scores lopen van 1 tot en met 5")]
    OutOfRange,
}

/// One party's place in the 2×2: each axis' mean score in tenths (10–50) and the variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// Mean of the corporation questions, in tenths.
    pub corporation_tenths: u32,
    /// Mean of the representative questions, in tenths.
    pub representatives_tenths: u32,
    /// The variant.
    pub variant: Variant,
}

fn mean_tenths(scores: &[u8]) -> u32 {
    let sum: u32 = scores.iter().map(|s| u32::from(*s)).sum();
    (sum * 10 + scores.len() as u32 / 2) / scores.len().max(1) as u32
}

/// Places one party's answers (one score 1–5 per question of each axis). An axis is *active* from a mean of 3.0.
pub fn place(corporation: &[u8], representatives: &[u8]) -> Result<Placement, AnswerError> {
    if corporation.len() != CORPORATION_QUESTIONS.len() || representatives.len() != REPRESENTATIVE_QUESTIONS.len() {
        return Err(AnswerError::Incomplete);
    }
    if corporation.iter().chain(representatives).any(|s| !(1..=5).contains(s)) {
        return Err(AnswerError::OutOfRange);
    }
    let (c, r) = (mean_tenths(corporation), mean_tenths(representatives));
    Ok(Placement { corporation_tenths: c, representatives_tenths: r, variant: Variant::of(c >= 30, r >= 30) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_place_a_party_in_the_two_by_two() {
        let p = place(&[4; 10], &[2; 10]).expect("complete");
        assert_eq!((p.corporation_tenths, p.representatives_tenths), (40, 20));
        assert_eq!(p.variant, Variant::HoederVanParticipatie);
        // A mean of exactly 3.0 counts as active; 2.9 does not.
        let edge = place(&[3; 10], &[3, 3, 3, 3, 3, 3, 3, 3, 3, 2]).expect("complete");
        assert_eq!(edge.representatives_tenths, 29);
        assert_eq!(edge.variant, Variant::HoederVanParticipatie);
        assert_eq!(place(&[5; 10], &[5; 10]).map(|p| p.variant), Ok(Variant::GezamenlijkeProcesregisseur));
        assert_eq!(place(&[1; 10], &[4; 10]).map(|p| p.variant), Ok(Variant::VoorlopendeVertegenwoordigers));
        assert_eq!(place(&[1; 10], &[1; 10]).map(|p| p.variant), Ok(Variant::OntwikkelpuntParticipatie));
        assert_eq!(place(&[3; 9], &[3; 10]), Err(AnswerError::Incomplete));
        assert_eq!(place(&[6; 10], &[3; 10]), Err(AnswerError::OutOfRange));
    }

    #[test]
    fn every_variant_has_its_texts() {
        for v in Variant::ALL {
            assert!(!v.name().is_empty() && v.description().len() > 40 && v.path().len() > 40);
        }
    }

    #[test]
    fn the_statements_keep_their_order_and_dutch_text() {
        // The stored scores are read by position: the first and last of each list stay where they are.
        assert_eq!(CORPORATION_QUESTIONS.len(), 10);
        assert_eq!(REPRESENTATIVE_QUESTIONS.len(), 10);
        assert_eq!(GOLDEN_RULES.len(), 8);
        assert_eq!(
            CORPORATION_QUESTIONS[0].to_string(),
            "De corporatie betrekt huurders bij plannen voordat er iets vastligt."
        );
        assert!(REPRESENTATIVE_QUESTIONS[9].dutch().starts_with("De vertegenwoordiging brengt eigen voorstellen"));
        assert!(GOLDEN_RULES[7].dutch().ends_with("werkbaar conflictoptimum."));
        let mut all: Vec<&str> = CORPORATION_QUESTIONS.iter().map(|q| q.dutch()).collect();
        all.extend(REPRESENTATIVE_QUESTIONS.iter().map(|q| q.dutch()));
        all.extend(GOLDEN_RULES.iter().map(|r| r.dutch()));
        let distinct: std::collections::HashSet<&str> = all.iter().copied().collect();
        assert_eq!(distinct.len(), all.len(), "every statement is its own");
    }
}
