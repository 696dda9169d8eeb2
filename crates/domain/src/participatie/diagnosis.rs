//! How participation is organised: two axes — is the corporation active or reactive, are the tenant
//! representatives active or reactive — give four variants, each with its development path. Both parties answer the
//! same questions (1 = helemaal niet, 5 = helemaal wel); each party's answers place it in the 2×2. And the eight
//! golden rules as a self-scan. See `shared/design/PRODUCT.md`.

/// The questions about the corporation (axis 1), in Dutch.
pub const CORPORATION_QUESTIONS: [&str; 10] = [
    "De corporatie betrekt huurders bij plannen voordat er iets vastligt.",
    "De corporatie zoekt huurders zelf op, ook buiten de vaste overleggen.",
    "Er is een vast aanspreekpunt bij de corporatie voor de huurdersvertegenwoordiging.",
    "De corporatie biedt de huurdersvertegenwoordiging professionele ondersteuning.",
    "De corporatie gebruikt meerdere kanalen om huurders te bereiken (bijeenkomsten, huisbezoek, panels, online).",
    "De corporatie deelt informatie tijdig, volledig en begrijpelijk.",
    "De corporatie legt uit wat zij met de inbreng van huurders heeft gedaan.",
    "De corporatie investeert tijd en geld in nieuwe vormen van participatie.",
    "De corporatie ziet kritiek van huurders als waardevol, niet als last.",
    "De corporatie stemt haar agenda in een vroeg stadium af met de huurdersvertegenwoordiging.",
];

/// The questions about the tenant representatives (axis 2), in Dutch.
pub const REPRESENTATIVE_QUESTIONS: [&str; 10] = [
    "De vertegenwoordiging weet wat er leeft bij haar achterban.",
    "De vertegenwoordiging neemt zelf initiatief en zet onderwerpen op de agenda.",
    "De vertegenwoordiging bereikt ook jonge, werkende en nieuwe huurders.",
    "De vertegenwoordiging werkt met werkgroepen, pools of panels naast het bestuur.",
    "De vertegenwoordiging legt jaarlijks verantwoording af aan de huurders.",
    "De vertegenwoordiging heeft voldoende kennis om de corporatie scherp te houden.",
    "De vertegenwoordiging werkt samen met bewonerscommissies en informele groepen.",
    "De vertegenwoordiging werft actief nieuwe bestuurders en vrijwilligers.",
    "De vertegenwoordiging gebruikt sociale media en nieuwsbrieven om huurders te informeren.",
    "De vertegenwoordiging brengt eigen voorstellen in, niet alleen reacties.",
];

/// The eight golden rules of good participation, in Dutch.
pub const GOLDEN_RULES: [&str; 8] = [
    "Regel de formele participatie en voed die met zoveel mogelijk informele vormen die bij de plek passen.",
    "Een vast gezicht bij de corporatie en professionele ondersteuning voor de huurders.",
    "Meerdere kanalen; zet mensen in waar ze energie van krijgen.",
    "Betrek huurders zo vroeg mogelijk, niet pas als alles vastligt.",
    "Heldere kaders die passen bij de landelijke wet- en regelgeving.",
    "Maak duidelijk of het om huurders gaat of om alle bewoners van de buurt, en verbind die twee.",
    "Sociale media als noodzakelijke aanvulling op de oudere vormen.",
    "Beide partijen investeren in een goede relatie: geen harmonie, wel een werkbaar conflictoptimum.",
];

/// One of the four variants.
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
    /// The variant on the two axes.
    pub fn of(corporation_active: bool, representatives_active: bool) -> Self {
        match (corporation_active, representatives_active) {
            (true, true) => Variant::GezamenlijkeProcesregisseur,
            (true, false) => Variant::HoederVanParticipatie,
            (false, true) => Variant::VoorlopendeVertegenwoordigers,
            (false, false) => Variant::OntwikkelpuntParticipatie,
        }
    }

    /// Its name.
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
        for v in [
            Variant::GezamenlijkeProcesregisseur,
            Variant::HoederVanParticipatie,
            Variant::VoorlopendeVertegenwoordigers,
            Variant::OntwikkelpuntParticipatie,
        ] {
            assert!(!v.name().is_empty() && v.description().len() > 40 && v.path().len() > 40);
        }
    }
}
