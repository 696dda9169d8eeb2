### Meldingen van wat de andere partij deed (Overleg, Social return, Prestatieafspraken, Signalering, Initiatieven, Nazorg), per e-mail of in een dagelijks overzicht.

## De kop van elke pagina
header-notices = Meldingen
header-unread = { $n ->
        [one] { $n } ongelezen melding
       *[other] { $n } ongelezen meldingen
    }

## De pagina /account/notifications
page-title = Meldingen
page-intro = Hier ziet u wat de andere partij deed: verzoeken, antwoorden, besluiten, goed- en afkeuringen, fasen en toekenningen in Overleg, Social return, Prestatieafspraken, Signalering, Initiatieven en Nazorg. In Volkshuis ziet u ze altijd; per e-mail zoals u hieronder kiest.
unread-title = Ongelezen meldingen
none-unread = U heeft geen ongelezen meldingen.
mark-read = Markeer als gelezen
mark-all-read = Markeer alles als gelezen
mail-title = Meldingen per e-mail
mail-legend = Hoe wilt u meldingen per e-mail krijgen?
choice-immediate = Direct
choice-immediate-hint = Een e-mail bij elke stap van de andere partij, zodra die is gezet.
choice-digest = Eén keer per dag
choice-digest-hint = Alles sinds het vorige overzicht in één e-mail, elke avond om { $time } (Nederlandse tijd). Is er niets nieuws, dan krijgt u geen e-mail.
choice-none = Geen e-mail
choice-none-hint = U ziet de meldingen alleen hier en op uw overzicht.
reminders-follow = Herinneringen aan termijnen volgen dezelfde keuze.
save-choice = Keuze opslaan
saved = Uw keuze is opgeslagen.
err-choice = Kies hoe u meldingen per e-mail wilt krijgen.
waiting = { $n ->
        [one] { $n } melding wacht
       *[other] { $n } meldingen wachten
    } op het overzicht van { $when }.
send-now = Overzicht nu versturen
sent-now = Het overzicht is onderweg naar uw e-mailadres.
nothing-waiting = Er wacht niets op het overzicht.
last-digest = Het vorige overzicht ging weg op { $when }.

## E-mail bij één stap
mail-by = Door { $who } namens { $org }.
mail-open = Bekijk het in Volkshuis: { $link }
mail-footer = U krijgt deze e-mail als lid van { $recipient }. Kies zelf of u meldingen direct, één keer per dag of niet per e-mail krijgt: { $settings }

## Het dagelijkse overzicht
digest-subject = Volkshuis: { $n ->
        [one] { $n } melding
       *[other] { $n } meldingen
    } ({ $date })
digest-intro = Dit gebeurde sinds uw vorige overzicht:
digest-footer = U krijgt dit overzicht elke dag om { $time } als er iets nieuws is. Kies zelf hoe u meldingen krijgt: { $settings }

## Wat de andere partij deed (de regel in Volkshuis en het onderwerp van de e-mail)
ev-request-sent = { $org } stuurde een nieuw verzoek ({ $kind }): { $title }
ev-answered = { $org } gaf antwoord ({ $answer }): { $title }
ev-answer-withdrawn = { $org } trok het antwoord in om het te verbeteren: { $title }
ev-question-asked = { $org } stelde een vraag over: { $title }
ev-question-answered = { $org } beantwoordde een vraag over: { $title }
ev-decided = { $org } nam een besluit ({ $decision }): { $title }
ev-meeting-planned = { $org } plande een overlegvergadering op { $date }: { $title }
ev-meeting-replanned = { $org } legde tijd en plaats vast van de overlegvergadering op { $date }: { $title }
ev-agenda-item = { $org } zette een punt op de agenda van: { $title }
ev-minutes = { $org } legde het verslag vast van: { $title }
ev-budget-set = { $org } stelde het budget voor { $year } vast op { $amount }
ev-budget-accounted = { $org } verantwoordde het budget van { $year }
ev-partner-proposed = { $org } stelt voor om overlegpartners te worden
ev-partner-accepted = { $org } aanvaardde het voorstel om overlegpartners te worden
ev-partner-declined = { $org } wees het voorstel af om overlegpartners te worden
ev-contract-registered = { $org } registreerde een contract met social return: { $title }
ev-contribution-reported = { $org } rapporteerde een bijdrage aan social return voor: { $title }
ev-contribution-approved = { $org } keurde een bijdrage goed voor: { $title }
ev-contribution-rejected = { $org } keurde een bijdrage af voor: { $title }
ev-settled = { $org } legde de afrekening vast van: { $title }
ev-coordinator-added = { $org } werkt voortaan met uw organisatie als coördinator van social return
calendar-title = Termijnen in uw eigen agenda
calendar-intro = Liever een herinnering in Outlook of op uw telefoon? Abonneer u op de termijnen en vergaderingen van uw organisaties.
calendar-link = Agenda-abonnement instellen
ev-cycle-opened = { $org } opende de prestatieafspraken { $title }, met uw organisatie als partij
ev-cycle-phase = { $org } zette { $title } in de fase { $phase }
ev-cycle-bid-sent = { $org } verstuurde zijn bod voor { $title }
ev-cycle-signed = { $org } tekende { $title }
ev-cycle-dispute = { $org } opende een geschil over { $title }
ev-cycle-addendum = { $org } legde een addendum vast bij { $title }
ev-signals-waiting = Er wachten nieuwe signalen van vroegsignalering
ev-signal-answered = De gemeente heeft een signaal beantwoord
ev-referral-made = Er wacht een nieuwe doorverwijzing
ev-referral-answered = Een partner heeft een doorverwijzing beantwoord

## Initiatieven en Nazorg: aan één persoon (de initiatiefnemer, een coach) of aan de corporatie
ev-initiative-submitted = { $person } diende een bewonersinitiatief in: { $title }
ev-initiative-stage = { $org } zette uw initiatief { $title } in de fase { $stage }
ev-initiative-granted = { $org } kende uw initiatief { $title } { $amount } toe
ev-initiative-coach = { $org } maakte u coach van het bewonersinitiatief { $title }
ev-koopcoach-assigned = { $org } wees u een koper toe als koopcoach
mail-footer-personal = U krijgt deze e-mail omdat het over u gaat. Kies zelf of u meldingen direct, één keer per dag of niet per e-mail krijgt: { $settings }
ev-consent-withdrawn = De toestemming voor een doorverwijzing is ingetrokken
ev-referral-partner-listed = { $org } zette uw organisatie op de lijst van partners voor doorverwijzingen van zachte signalen
ev-referral-partner-unlisted = { $org } haalde uw organisatie van de lijst van partners voor doorverwijzingen van zachte signalen; wat al doorverwezen is, blijft bij u
