# The dashboard: what needs doing, the organisation to work in, the modules, recent changes in plain sentences.

todo-heading = Wat moet er gebeuren
todo-heading-read-only = Wat er speelt
todo-intro-read-only = U kunt dit lezen; uw collega's met een andere rol handelen het af.
todo-none = Er wacht nu niets op u. Nieuwe verzoeken, vragen en termijnen verschijnen hier.
todo-theirs = wacht op de ander
todo-by = uiterlijk { $date }
todo-date-not-decreed = { $date } (nog niet vastgesteld)
todo-date-no-decree = { $date } (geen gelijkstellingsbesluit bekend)
todo-today = vandaag
todo-left =
    { $n ->
        [one] nog { $n } dag
       *[other] nog { $n } dagen
    }
todo-late =
    { $n ->
        [one] { $n } dag te laat
       *[other] { $n } dagen te laat
    }

# Lines of work. $party is the other organisation, $title a case's or contract's title.
line-answer = Geef uw antwoord op “{ $title }” van { $party }
line-decide = Besluit over het advies van { $party } op “{ $title }” en geef uw gemotiveerde reactie
line-decide-view = Besluit over de zienswijze van { $party } op “{ $title }” en geef uw reactie
line-wait-answer = { $party } geeft antwoord op “{ $title }”
line-wait-decision = { $party } besluit over uw antwoord op “{ $title }”
line-question = Beantwoord de vraag over “{ $title }” (gesteld op { $date })
line-wait-question = De corporatie beantwoordt uw vraag over “{ $title }” (gesteld op { $date })
line-budget = Leg verantwoording af over het budget { $year } van { $party }
line-proposal = { $party } wil u als overlegpartner: aanvaard of wijs af
line-wait-proposal = { $party } beslist over uw voorstel om overlegpartners te worden
line-message = Keur het bericht “{ $subject }” van { $group } goed of af
line-contributions =
    { $count ->
        [one] 1 bijdrage voor “{ $title }” wacht op uw beoordeling
       *[other] { $count } bijdragen voor “{ $title }” wachten op uw beoordeling
    }
line-report = Meld uw social-returnbijdragen voor “{ $title }” over deze periode (nog { $owed } te gaan)
line-ended-short = “{ $title }” is afgelopen met { $owed } te weinig: leg de afrekening vast
line-ended-short-supplier = “{ $title }” is afgelopen met { $owed } te weinig
line-at-risk = “{ $title }” haalt de verplichting in dit tempo niet ({ $owed } te gaan)
line-blind-spot =
    { $count ->
        [one] { $area }: 1 woning zonder stem
       *[other] { $area }: { $count } woningen zonder stem
    }
area-without-complex = Eenheden zonder complex
line-fading = { $group } heeft al een jaar geen activiteit
line-fading-many = { $count } groepen hebben al een jaar geen activiteit
line-missed-meeting = { $group } hield in { $year } geen ledenvergadering
line-join-requests =
    { $count ->
        [one] 1 nieuwe aanmelding voor { $group }
       *[other] { $count } nieuwe aanmeldingen voor { $group }
    }
line-import-errors =
    { $count ->
        [one] { $file } had 1 fout bij het inlezen: verbeter het bestand en lees het opnieuw in
       *[other] { $file } had { $count } fouten bij het inlezen: verbeter het bestand en lees het opnieuw in
    }
line-import-report = Het laatst ingelezen bezitsbestand had fouten (foutrapport van { $date }): verbeter het en lees het opnieuw in
line-failed-mail =
    { $count ->
        [one] 1 e-mail kon niet worden bezorgd
       *[other] { $count } e-mails konden niet worden bezorgd
    }
line-no-admin = { $org } heeft geen beheerder: niemand kan er leden uitnodigen
line-no-admin-many = { $count } organisaties hebben geen beheerder
line-decree = Voer het Besluit gelijkstelling voor { $year } in: termijnen in dat jaar zijn nog niet vastgesteld
line-no-organisation = Maak de eerste organisatie aan (een corporatie, huurdersorganisatie of gemeente) en nodig haar beheerder uit

# Organisations.
landing-waiting =
    { $n ->
        [0] niets wacht
        [one] 1 wacht op u
       *[other] { $n } wachten op u
    }

# Module cards: only what Volkshuis has.
modules-heading = Uw modules
module-stock = Bezit
module-stock-about = Complexen en eenheden, de kaart en het inlezen van het bezitsbestand.
module-participatie = Participatie
module-participatie-about = De groepen die namens huurders spreken, hun activiteit en de dekking.
module-coverage = Dekking van de participatie
module-coverage-about = Hoeveel huurders in de corporaties een stem hebben, per gebied.
module-overleg = Overleg
module-overleg-about = Informatie-, advies- en instemmingsverzoeken met hun wettelijke termijnen.
module-afspraken = Prestatieafspraken
module-afspraken-about = Het jaarlijkse bod, de onderhandeling, de ondertekening en de monitoring van de afspraken in de gemeente.
module-social-return = Social return
module-social-return-about = Contracten met een social-returnverplichting en wat er is geleverd.
module-signalering = Signalering
module-signalering-about = Vroegsignalering van huurachterstand aan de gemeente, en zachte signalen naar partners met toestemming van de huurder.
module-nazorg = Nazorg
module-nazorg-about = Woningen verkocht aan hun huurders: het gesprek vóór de verkoop, de koopcoach, de controles na drie en zes jaar en gezonde VvE's.
module-initiatieven = Initiatieven
module-initiatieven-about = Initiatieven van bewoners die de corporatie helpt groeien met ruimte, budget en een coach; buurtbudgetten; het register van sociale ondernemingen.
module-platform = Platformbeheer
module-platform-about = Organisaties, gebruikers, de auditlog, de uitgaande mail en de feestdagen voor termijnen.

# Recent changes. $actor is a person's name or "Volkshuis".
recent-system = Volkshuis
recent-unnamed = (naam onbekend)
role-noun-admin = beheerder
role-noun-staff = medewerker
role-noun-read-only = lezer
recent-login = { $actor } logde in
recent-logout = { $actor } logde uit
recent-switch = { $actor } ging werken voor { $org }
recent-password-link = { $actor } stuurde { $user } een link om een wachtwoord in te stellen
recent-set-password = { $actor } stelde het wachtwoord van { $user } opnieuw in
recent-set-own-password = { $user } wijzigde het eigen wachtwoord
recent-user-create = { $actor } maakte een account aan voor { $user }
recent-user-update = { $actor } wijzigde het account van { $user }
recent-user-locale = { $actor } koos een andere taal voor de schermen
recent-membership-create = { $actor } voegde { $user } toe aan { $org } als { $role }
recent-membership-joined = { $actor } werd lid van { $org } als { $role }
recent-membership-update = { $actor } maakte { $user } { $role } bij { $org }
recent-membership-delete = { $actor } haalde { $user } weg uit { $org }
recent-org-create = { $actor } maakte de organisatie { $org } aan
recent-org-update = { $actor } wijzigde de gegevens van { $org }
recent-org-gemeenten = { $actor } legde de gemeenten van { $org } vast
recent-invitation-create = { $actor } nodigde { $user } uit voor { $org } als { $role }
recent-invitation-accept = { $actor } nam de uitnodiging van { $org } aan
recent-invitation-decline = { $actor } sloeg de uitnodiging van { $org } af
recent-invitation-withdraw = { $actor } trok de uitnodiging van { $user } voor { $org } in
recent-token-create = { $actor } maakte de API-sleutel “{ $name }” aan
recent-token-revoke = { $actor } trok de API-sleutel “{ $name }” in
recent-units-import =
    { $count ->
        [one] { $actor } importeerde 1 eenheid uit { $file }
       *[other] { $actor } importeerde { $count } eenheden uit { $file }
    }
recent-units-import-skipped =
    { $count ->
        [one] { $actor } importeerde 1 eenheid uit { $file }
       *[other] { $actor } importeerde { $count } eenheden uit { $file }
    } en sloeg { $skipped ->
        [one] 1 regel
       *[other] { $skipped } regels
    } met fouten over
recent-area-codes =
    { $count ->
        [one] { $actor } vulde de gebiedscodes van 1 eenheid aan uit haar ligging
       *[other] { $actor } vulde de gebiedscodes van { $count } eenheden aan uit hun ligging
    }
recent-areas-import = { $actor } las { $count } gebieden van { $year } in
recent-vera-import = { $actor } las { $count } VERA-codes in
recent-decree-create = { $actor } voegde het besluit “{ $name }” toe
recent-outbox-read = { $actor } las een bericht in de uitgaande mail
recent-case-admin-open = { $actor } opende als platformbeheerder de zaak “{ $title }”
recent-partner-propose = { $actor } stelde { $org } voor als overlegpartner
recent-partner-accept = { $actor } aanvaardde het overlegpartnerschap met { $org }
recent-partner-decline = { $actor } wees het overlegpartnerschap met { $org } af
recent-meeting-create = { $actor } plande de vergadering “{ $title }”
recent-minutes-update = { $actor } legde het verslag van “{ $title }” vast
recent-budget-set = { $actor } stelde het budget { $year } voor { $org } vast
recent-budget-line = { $actor } boekte een uitgave op het budget { $year } van { $org }
recent-budget-account = { $actor } legde verantwoording af over het budget { $year } van { $org }
recent-group-create = { $actor } registreerde de groep { $group }
recent-group-update = { $actor } wijzigde de groep { $group }
recent-group-criteria = { $actor } toetste { $group } aan de criteria van de Overlegwet
recent-group-end = { $actor } beëindigde de groep { $group }
recent-group-recognise = { $actor } erkende { $group } onder de Overlegwet
recent-group-unrecognise = { $actor } trok de erkenning van { $group } in
recent-join-requests-read = { $actor } las de aanmeldingen voor { $group }
recent-join-request-handled = { $actor } handelde een aanmelding voor { $group } af
recent-message-approve = { $actor } keurde het bericht “{ $subject }” goed
recent-message-reject = { $actor } keurde het bericht “{ $subject }” af
recent-letters = { $actor } maakte de brievenlijst voor “{ $subject }”
recent-contacts-import = { $actor } las contactgegevens van { $count } huurders in
recent-contract-create = { $actor } legde het contract “{ $title }” vast
recent-contract-settle = { $actor } legde de afrekening van “{ $title }” vast
recent-contract-remove-coordinator = { $actor } haalde de coördinator van “{ $title }” weg (het was geen coördinator van de opdrachtgever)
recent-table-create = { $actor } legde de waarderingstabel “{ $name }” vast
recent-coordinator-add = { $actor } voegde { $org } toe als coördinator voor social return
recent-contribution-report = { $actor } meldde een bijdrage voor “{ $title }”
recent-contribution-approve = { $actor } keurde een bijdrage voor “{ $title }” goed
recent-contribution-reject = { $actor } wees een bijdrage voor “{ $title }” af
recent-contribution-tenant = { $actor } merkte een bijdrage voor “{ $title }” aan als werk voor een eigen huurder
recent-contribution-revalue = { $actor } waardeerde een bijdrage voor “{ $title }” opnieuw naar de huidige regels
recent-tenant-marks-read = { $actor } bekeek welke bijdragen voor “{ $title }” eigen huurders betreffen
recent-candidate-names-read = { $actor } bekeek de namen van kandidaten voor “{ $title }”
recent-candidate-names-purge = { $actor } verwijderde na de bewaartermijn de namen van kandidaten voor “{ $title }”
recent-evidence-read = { $actor } opende het bewijsstuk { $file } bij “{ $title }”
recent-calendar-create = { $actor } maakte een agenda-abonnement aan
recent-calendar-regenerate = { $actor } maakte een nieuw agenda-adres; het oude werkt niet meer
recent-calendar-revoke = { $actor } trok het agenda-adres in
recent-notice-settings = { $actor } koos hoe meldingen per e-mail komen
recent-meeting-update = { $actor } legde tijd en plaats van “{ $title }” vast
recent-public-contact = { $actor } wijzigde het contact voor bewoners van { $org } op de pagina Doe mee
recent-unknown-named = { $actor } legde een wijziging vast aan { $subject }
recent-unknown = { $actor } legde een wijziging vast
recent-pa-open = { $actor } opende de cyclus { $cycle }
recent-pa-move = { $actor } zette { $cycle } in de fase { $phase }
recent-pa-sign = { $actor } tekende { $cycle } namens { $org }
recent-pa-signed = { $actor } zette de laatste handtekening onder { $cycle }; de monitoring begint
recent-pa-send-bid = { $actor } verstuurde het bod van { $org } voor { $cycle }
recent-pa-commitment = { $actor } voegde een afspraak toe aan { $cycle }
recent-pa-actual = { $actor } legde een realisatie vast in { $cycle }
recent-pa-share-note = { $actor } deelde een notitie van { $org } in { $cycle }
recent-pa-agenda = { $actor } zette een agendapunt op { $cycle }
recent-pa-position = { $actor } gaf het standpunt van { $org } in { $cycle }
recent-pa-draft = { $actor } bewaarde versie { $version } van de concepttekst van { $cycle }
recent-pa-dispute = { $actor } opende namens { $org } een geschil over { $cycle }
recent-pa-dispute-position = { $actor } gaf het standpunt van { $org } in het geschil over { $cycle }
recent-pa-bid-save = { $actor } werkte aan het bod voor { $cycle }
recent-pa-bid-activity = { $actor } voegde een activiteit toe aan het bod voor { $cycle }
recent-pa-bid-activity-remove = { $actor } haalde een activiteit uit het bod voor { $cycle }
recent-pa-note = { $actor } schreef de notitie { $note } bij { $cycle }
recent-pa-meeting-plan = { $actor } plande het overleg { $meeting } in { $cycle }
recent-pa-meeting-availability = { $actor } gaf door wanneer het past voor het overleg { $meeting } in { $cycle }
recent-pa-meeting-choose = { $actor } koos { $when } voor het overleg { $meeting } in { $cycle }
recent-pa-meeting-agenda = { $actor } werkte de agenda bij van het overleg { $meeting } in { $cycle }
recent-pa-meeting-minutes = { $actor } legde het verslag vast van het overleg { $meeting } in { $cycle }
recent-pa-edge-preferences = { $actor } gaf de eigen vergadertijden op
pa-phase-kennisvergaring = kennisvergaring
pa-phase-bod = bod
pa-phase-onderhandeling = onderhandeling
pa-phase-ondertekening = ondertekening
pa-phase-monitoring = monitoring
pa-phase-geschil = geschil
recent-pa-document = { $actor } zette een document in de gedeelde ruimte van { $cycle }
recent-pa-own-document = { $actor } bewaarde het document { $note } bij { $cycle }
recent-pa-addendum = { $actor } legde een addendum vast bij { $cycle }
recent-sg-ledger = { $actor } bracht een grootboek in: { $households ->
    [one] 1 huishouden
   *[other] { $households } huishoudens
}, waarvan { $signalled } te signaleren
recent-sg-settings = { $actor } wijzigde de instellingen van Signalering
recent-sg-bucket-create = { $actor } maakte een bak voor signalen aan
recent-sg-bucket-delete = { $actor } verwijderde een bak voor signalen
recent-sg-bucket-reorder = { $actor } veranderde de volgorde van de bakken
recent-sg-contact = { $actor } legde een contactpoging bij een signaal vast
recent-sg-outcome = { $actor } legde het resultaat van een signaal vast
recent-sg-move = { $actor } verplaatste een signaal naar een andere bak
recent-sg-pause = { $actor } pauzeerde de incasso bij een opgepakt signaal
recent-sg-resume = { $actor } hervatte de incasso bij een signaal
recent-sg-eviction = { $actor } legde een ontruiming bij een signaal vast
recent-sg-read-ledger = { $actor } bekeek gegevens van { $persons ->
    [one] 1 huishouden
   *[other] { $persons } huishoudens
} in het grootboek
recent-sg-read-signals = { $actor } bekeek gegevens van { $persons ->
    [one] 1 huishouden
   *[other] { $persons } huishoudens
} in signalen
recent-sg-read-soft = { $actor } bekeek { $persons ->
    [one] 1 zacht signaal
   *[other] { $persons } zachte signalen
}
recent-sg-purge-households = { $actor } verwijderde na de bewaartermijn { $deleted ->
    [one] 1 huishouden
   *[other] { $deleted } huishoudens
} uit een grootboek
recent-sg-purge-signals = { $actor } verwijderde na de bewaartermijn { $deleted ->
    [one] 1 signaal
   *[other] { $deleted } signalen
}
recent-sg-purge-soft = { $actor } verwijderde na de bewaartermijn { $deleted ->
    [one] 1 zacht signaal
   *[other] { $deleted } zachte signalen
}
recent-join-requests-purge = { $actor } verwijderde na de bewaartermijn { $deleted ->
    [one] 1 aanmelding van een huurder bij een groep
   *[other] { $deleted } aanmeldingen van huurders bij groepen
}
recent-buyers-purge = { $actor } verwijderde na de nazorg de gegevens van { $buyers ->
    [one] 1 koper
   *[other] { $buyers } kopers
}
recent-outbox-purge = { $actor } verwijderde na de bewaartermijn { $deleted ->
    [one] 1 bericht
   *[other] { $deleted } berichten
} uit de uitgaande mail
recent-sg-soft-create = { $actor } legde een zacht signaal vast
recent-sg-soft-refer = { $actor } verwees met toestemming van de huurder een zacht signaal door naar een partner
recent-sg-referral-partner-add = { $actor } zette { $org } op de lijst van verwijspartners voor zachte signalen
recent-sg-referral-partner-remove = { $actor } haalde { $org } van de lijst van verwijspartners voor zachte signalen
recent-nz-coach-partner-add = { $actor } zette { $org } op de lijst van koopcoach-partners
recent-nz-coach-partner-remove = { $actor } haalde { $org } van de lijst van koopcoach-partners
recent-sg-soft-answer = { $actor } beantwoordde een doorverwijzing
recent-sg-soft-withdraw = { $actor } legde vast dat de huurder de toestemming voor een doorverwijzing introk
recent-sg-ledger-sent = { $actor } verstuurde { $signalled ->
    [one] 1 signaal
   *[other] { $signalled } signalen
} uit een grootboek
recent-sg-ledger-dropped = { $actor } bracht een nieuw grootboek in; het vorige, nog niet verstuurde, verviel
line-checks-overdue = { $count ->
    [one] 1 controle na de verkoop van een woning is te laat
   *[other] { $count } controles na de verkoop van woningen zijn te laat
}
line-referrals = { $count ->
    [one] 1 doorverwezen zacht signaal wacht op uw antwoord (aannemen of afwijzen)
   *[other] { $count } doorverwezen zachte signalen wachten op uw antwoord (aannemen of afwijzen)
}
line-signals-open = { $count ->
    [one] 1 signaal van vroegsignalering wacht op een resultaat
   *[other] { $count } signalen van vroegsignalering wachten op een resultaat
}
line-sign-cycle = Onderteken de prestatieafspraken „{ $title }”
line-bid-due = Stuur het bod voor de prestatieafspraken „{ $title }”
line-negotiating = Rond de onderhandelingen over de prestatieafspraken „{ $title }” af
recent-nz-sale = { $actor } legde de verkoop van een woning aan de huurder vast
recent-nz-coach = { $actor } wees een koopcoach toe
recent-nz-talk = { $actor } legde het gesprek vóór een verkoop vast
recent-nz-buyback = { $actor } legde een terugkoop vast
recent-nz-log = { $actor } schreef in het logboek van de koopcoach
recent-nz-checklist = { $actor } sloeg versie { $version } van de gesprekslijst op
recent-nz-check = { $actor } legde een controle na verkoop vast
recent-nz-action = { $actor } voegde een vervolgactie toe
recent-nz-action-done = { $actor } rondde een vervolgactie af
recent-nz-settings = { $actor } wijzigde de jaren van de controles na verkoop
recent-nz-read = { $actor } bekeek gegevens van { $persons ->
    [one] 1 koper
   *[other] { $persons } kopers
}
recent-in-create = { $actor } diende het initiatief “{ $title }” in
recent-in-update = { $actor } werkte een initiatief bij
recent-in-stage = { $actor } zette een initiatief in een andere fase
recent-in-log = { $actor } schreef in het logboek van een initiatief
recent-in-coach = { $actor } wees een coach toe aan een initiatief
recent-in-publish = { $actor } maakte een initiatief openbaar
recent-in-withdraw = { $actor } haalde een initiatief van de openbare pagina
recent-in-lend = { $actor } leende ruimte uit aan een initiatief
recent-in-agreement = { $actor } legde een afspraak met een initiatief vast
recent-in-grant = { $actor } kende geld toe aan een initiatief
recent-in-spend = { $actor } legde een uitgave van een initiatief vast
recent-in-outcome = { $actor } legde de opbrengst van een initiatief vast
recent-in-budget = { $actor } stelde een leefbaarheidsbudget in
recent-in-photo = { $actor } voegde een foto toe bij de opbrengst van een initiatief
