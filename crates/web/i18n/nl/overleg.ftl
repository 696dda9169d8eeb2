### Teksten van de module Overleg.

title = Overleg
intro-tenant = Wat ligt er voor ons: verzoeken van de verhuurder, met de eerstvolgende termijn bovenaan.
intro-corporation = Verzoeken aan de huurdersorganisaties, met hun wettelijke termijnen.
open = Lopend
all = Alle zaken
none = Er zijn geen zaken.
new = Nieuw verzoek
col-title = Titel
col-party = Met
col-kind = Soort
col-stage = Stand
col-deadline = Termijn
days-left =
    { $n ->
        [one] nog { $n } dag
       *[other] nog { $n } dagen
    }
due-today = vandaag
days-late =
    { $n ->
        [one] { $n } dag over de termijn
       *[other] { $n } dagen over de termijn
    }
late-org = Termijn verstreken zonder antwoord
late-corp = Reactie van de verhuurder te laat
partners = Overlegpartners
partners-none = Nog geen overlegpartners.
new-no-partner = Er is nog geen huurdersorganisatie waarmee { $org } overlegt, en een verzoek gaat altijd naar zo’n overlegpartner. Stel er eerst een voor onder Overlegpartners; zodra de huurdersorganisatie het voorstel aanneemt, kunt u hier een verzoek sturen.
new-no-partner-link = Naar de overlegpartners
add-partner = Voorstellen als overlegpartner (de huurdersorganisatie aanvaardt)
agreed-weeks = Termijn in weken (leeg: 6 weken; voor een adviesaanvraag is dat de wettelijke termijn, voor instemming en zienswijze de datum die u vraagt)
weeks =
    { $n ->
        [one] { $n } week
       *[other] { $n } weken
    }
year = Jaaroverzicht
stage-informed = Ter informatie
stage-awaiting-answer = Wacht op antwoord
stage-awaiting-decision = Wacht op besluit
stage-closed = Afgerond
kind-information = Informatie
kind-advice = Adviesaanvraag
kind-consent = Instemmingsverzoek
kind-view = Verzoek om zienswijze
subject-maintenance = Onderhoud en verbetering
subject-demolition = Sloop, renovatie, aankoop, verkoop en bezwaring
subject-allocation = Toewijzing en verhuur
subject-rent = Huurovereenkomst en huurbeleid
subject-service-package = Dienstenpakket
subject-service-costs = Servicekosten en nutsvoorzieningen
subject-merger = Fusie
subject-liveability = Leefbaarheid en herstructurering
subject-care = Wonen voor ouderen, gehandicapten en zorg
subject-other = Overig
answer-advice = Advies
answer-no-objection = Geen bezwaar
answer-consent-given = Instemming
answer-consent-conditions = Instemming onder voorwaarden
answer-consent-refused = Geen instemming
answer-view = Zienswijze
decision-followed = Advies gevolgd
decision-partly = Advies deels gevolgd
decision-not = Advies niet gevolgd
decision-view-followed = Zienswijze gevolgd
decision-view-partly = Zienswijze deels gevolgd
decision-view-not = Zienswijze niet gevolgd
step-sent = Verzonden door de verhuurder
step-received = Ontvangen door de organisatie
step-opened = Geopend door de organisatie
step-commented = Interne opmerking
step-asked = Vraag om informatie
step-question-answered = Vraag beantwoord
step-answered = Beantwoord
step-decided = Besluit vastgelegd
step-document = Document toegevoegd
field-partner = Huurdersorganisatie
field-kind = Soort verzoek
field-subject = Onderwerp (Overlegwet)
field-title = Titel
field-explanation = Toelichting
field-received = Ontvangen door de organisatie op
field-received-help = De termijn loopt vanaf de dag waarop de organisatie het verzoek ontvangt.
field-received-earlier = De organisatie ontving dit verzoek al eerder, buiten Volkshuis (bijvoorbeeld per brief): de termijn loopt vanaf die dag
err-received-earlier = Deze dag ligt vóór vandaag. Een verzoek dat u hier verstuurt, ontvangt de organisatie vandaag; ontving zij het al eerder buiten Volkshuis, vink dat dan hieronder aan.
field-documents = Documenten (PDF, Word, Excel, PowerPoint of OpenDocument; hoogstens 10 MB per bestand)
send = Verzoek versturen
err-consent-subject = Instemming kan alleen worden gevraagd over servicekosten en nutsvoorzieningen (art. 5a Overlegwet).
err-term-short = De adviestermijn is minstens 6 weken.
err-not-partner = Kies een huurdersorganisatie waarmee u overlegt.
err-file-type = { $name }: alleen PDF- en Office-bestanden zijn toegestaan.
err-file-size = { $name }: het bestand is groter dan 10 MB.
err-files-again = Kies de bestanden opnieuw: een browser onthoudt ze niet na een fout.
err-date = Vul een datum in.
err-spent-later = Een uitgave is gedaan, dus niet na vandaag.
err-spent-other-year = Deze uitgave valt niet in { $year }: ze hoort bij het budget van haar eigen jaar.
err-received-future = De dag van ontvangst ligt in de toekomst. Vul de dag in waarop de organisatie het verzoek ontving.
err-received-before-law = Die dag ligt vóór 1 juli 1998, toen de Overlegwet inging. Controleer het jaar.
err-weeks = Vul een aantal weken in van 6 tot 52.
err-no-answer-expected = Op informatie hoeft niet te worden geantwoord; stel gerust een vraag.
err-already-answered = Dit verzoek is al beantwoord; hieronder staat het verstuurde antwoord. Er is niets opnieuw verstuurd.
err-closed = Deze zaak is afgerond; er kan niets meer aan worden toegevoegd.
err-answer-fit = Dit antwoord past niet bij dit soort verzoek.
err-text-required = Schrijf het advies, de zienswijze of de voorwaarden uit.
err-nothing-to-decide = Er is (nog) geen advies of zienswijze om over te besluiten.
err-reply-required = Geef een schriftelijke, gemotiveerde reactie als u het advies niet of deels volgt (art. 5 lid 3 Overlegwet).
conflict = Iemand anders heeft deze zaak intussen bijgewerkt. Hieronder staat de zaak zoals die nu is; uw tekst is niet verloren.
your-text = Uw niet-verstuurde tekst
deadlines = Termijnen
answer-deadline = Antwoord uiterlijk
reply-deadline = Besluit en gemotiveerde reactie uiterlijk
execution = Uitvoering van het voornemen
exec-awaiting = Pas na het besluit op het advies.
exec-without-answer = Komt er geen antwoord, dan mag de verhuurder het voornemen uitvoeren vanaf
exec-not-without-consent = Niet zonder instemming van de organisatie (art. 5a); bij een geschil beslist de Huurcommissie.
exec-from = Mag worden uitgevoerd vanaf
request = Verzoek
received-on = Ontvangen op
complexes = Complexen
answer = Antwoord van de organisatie
answer-kind = Ons antwoord
answer-text = Advies, zienswijze of voorwaarden
answer-submit = Antwoord versturen
answered-on = Ontvangen door de verhuurder op
not-answered = Nog geen antwoord.
decision = Besluit van de verhuurder
decision-field = Besluit
reply-text = Gemotiveerde reactie (verplicht als het advies niet of deels wordt gevolgd)
decision-submit = Besluit versturen
decided-on = Ontvangen door de organisatie op
informed-note = Dit is informatie; er wordt geen antwoord gevraagd. Heeft u vragen, stel ze hieronder.
comments = Interne bespreking
comments-help = Alleen zichtbaar voor de leden van uw eigen organisatie.
comments-none = Nog geen opmerkingen.
comment-field = Opmerking
comment-submit = Plaatsen
questions = Vragen om informatie
questions-none = Geen vragen.
question-field = Uw vraag aan de verhuurder
question-submit = Vraag stellen
question-answer-field = Antwoord
question-answer-submit = Beantwoorden
question-open = Nog niet beantwoord; de verhuurder antwoordt zo spoedig mogelijk (art. 3 Overlegwet).
asked-on = Gesteld op
documents = Documenten
documents-none = Geen documenten.
trail = Verloop
print = Afdrukken of bewaren als PDF
back = Terug naar overleg
printed-on = Afgedrukt op
year-title = Overleg in { $year }
year-requests = Verzoeken naar soort
year-org-on-time = Antwoord binnen de termijn (organisatie)
year-corp-on-time = Besluit binnen 14 dagen (verhuurder)
year-followed = Advies gevolgd
year-partly = deels gevolgd
year-not = niet gevolgd
year-previous = Vorig jaar
year-field = Jaar
year-next = Volgend jaar
meetings = Overlegvergaderingen
meetings-missing = Er staat dit jaar nog geen overlegvergadering met { $org }; de Overlegwet vraagt er minstens één per jaar.
add-meeting = Vergadering plannen
field-date = Datum
field-meeting-title = Omschrijving
agenda = Agenda
agenda-none = Nog geen agendapunten.
field-item = Agendapunt
add-item = Agendapunt toevoegen
minutes = Verslag
minutes-none = Nog geen verslag.
minutes-save = Verslag opslaan
budget = Budget (art. 7 Overlegwet)
budget-none = Nog geen budget vastgelegd.
budget-amount = Afgesproken bedrag
budget-spent = Besteed
budget-left = Over
budget-set = Budget vastleggen
budget-account-by = Verantwoorden uiterlijk
budget-accounted = Verantwoord op
budget-account = Verantwoording afgerond
budget-account-title = Verantwoording van { $year } afronden?
budget-account-effect = U legt vast dat uw organisatie het budget van { $year } heeft verantwoord: { $spent } besteed van { $amount }. De corporatie krijgt daarvan bericht.
budget-account-final = Daarna kunnen er geen uitgaven meer bij dit budget; het afronden is niet terug te draaien.
budget-account-yes = Ja, rond de verantwoording af
budget-account-back = Terug, niets afronden
err-budget-accounted = De verantwoording van dit budget is afgerond; er kunnen geen uitgaven meer bij.
budget-add-line = Uitgave toevoegen
budget-open = Budget en uitgaven
field-category = Soort uitgave
field-description = Omschrijving
field-amount = Bedrag (€)
err-amount = Vul een bedrag in, bijvoorbeeld 1.250,00.
cat-training = Scholing
cat-experts = Deskundigen en advies
cat-meetings = Vergaderkosten
cat-communication = Communicatie met de achterban
cat-memberships = Lidmaatschappen
cat-other = Overig
dash-open = Lopende zaken
dash-late = Over de termijn, uw stap
dash-late-theirs = Over de termijn, stap van de andere partij
dash-next = Eerstvolgende termijn
dash-open-questions = Onbeantwoorde vragen
notifications = Meldingen
mark-read = Markeer als gelezen
mail-deadline-line = Antwoord uiterlijk op { $date }.
mail-reminder-subject = Herinnering: nog { $n ->
        [one] { $n } dag
       *[other] { $n } dagen
    } voor { $title }
mail-reminder-body =
    De termijn voor uw antwoord op "{ $title }" van { $corporation } loopt af op { $date } (nog { $n ->
        [one] { $n } dag
       *[other] { $n } dagen
    }).

    Bekijk het verzoek: { $link }
mail-reply-subject = Herinnering: gemotiveerde reactie op { $title } uiterlijk { $date }
mail-reply-body =
    { $tenant } heeft advies gegeven op "{ $title }". Volgt u het advies niet of deels, dan moet uw gemotiveerde reactie uiterlijk { $date } bij de organisatie zijn (art. 5 lid 3 Overlegwet).

    Leg het besluit vast: { $link }
mail-budget-subject = Herinnering: verantwoording budget { $year } uiterlijk { $date }
mail-budget-body =
    Het budget dat { $corporation } voor { $year } betaalde, moet uiterlijk { $date } zijn verantwoord (art. 7 Overlegwet).

    Naar het budget: { $link }
notice-reminder = Nog { $n ->
        [one] { $n } dag
       *[other] { $n } dagen
    } voor uw antwoord op: { $title }
notice-reply = Besluit en reactie op advies uiterlijk { $date }: { $title }
notice-budget = Verantwoord het budget { $year } uiterlijk { $date }

## Regels naast de termijnen (wet en artikel blijven in het Nederlands)
rule-advice-term = 6 weken na ontvangst (art. 5 Overlegwet)
rule-agreed-advice-term = { $weeks } weken na ontvangst, zoals afgesproken (art. 5 Overlegwet: minstens 6 weken)
rule-requested-term = { $weeks } weken na ontvangst, zoals de corporatie vraagt (de wet stelt hiervoor geen termijn)
rule-reply-term = 14 dagen na ontvangst van het advies (art. 5 lid 3 Overlegwet)
rule-execution-term = 3 dagen na ontvangst van de gemotiveerde reactie (art. 5 lid 4 Overlegwet)
rule-execution-next-day = uitvoering vanaf de dag daarna
rule-budget-term = 2 maanden na afloop van het jaar (art. 7 Overlegwet)
rule-advice-term-ended = na afloop van de termijn zonder advies (art. 5 lid 4 onder b Overlegwet)
rule-advice-term-ended-before-advice = na afloop van de termijn, voordat het antwoord binnenkwam (art. 5 lid 4 onder b Overlegwet)
rule-no-objection = schriftelijk geen bezwaar (art. 5 lid 4 onder a Overlegwet)
rule-consent-given = instemming gegeven (art. 5a Overlegwet)
rule-consent-conditions = instemming onder voorwaarden gegeven (art. 5a Overlegwet): alleen binnen die voorwaarden
rule-advice-followed = advies gevolgd
rule-non-working-day = eindigt op { $day }, dus op de eerstvolgende werkdag (art. 1 Algemene termijnenwet)
rule-two-working-days = verlengd tot er twee werkdagen in vallen (art. 2 Algemene termijnenwet)
day-off-saturday = zaterdag
day-off-sunday = zondag
holiday-new-years-day = Nieuwjaarsdag
holiday-easter-monday = Tweede Paasdag
holiday-kings-day = Koningsdag
holiday-liberation-day = Bevrijdingsdag (5 mei)
holiday-ascension-day = Hemelvaartsdag
holiday-whit-monday = Tweede Pinksterdag
holiday-christmas-day = Eerste Kerstdag
holiday-boxing-day = Tweede Kerstdag
holiday-good-friday = Goede Vrijdag
day-off-decreed = een bij besluit met een feestdag gelijkgestelde dag
deadline-provisional = { $date } (nog niet vastgesteld: er is nog geen Besluit gelijkstelling voor dat jaar, dus een nog aan te wijzen dag kan de datum verschuiven)
deadline-no-decree = { $date } (geen gelijkstellingsbesluit bekend voor dat jaar: Volkshuis kent de dagen die toen met een feestdag waren gelijkgesteld niet, dus de datum kan later liggen)
answer-check = Antwoord controleren
decision-check = Besluit controleren
confirm-title = Controleer en bevestig
confirm-intro = Dit heeft rechtsgevolgen. Lees wat u geeft; pas als u bevestigt, wordt het verstuurd.
summary-consent-given = U stemt in met “{ $title }”; de corporatie mag dit uitvoeren vanaf { $date }.
summary-consent-conditions = U stemt onder uw voorwaarden in met “{ $title }”; de corporatie mag dit met die voorwaarden uitvoeren vanaf { $date }.
summary-consent-refused = U weigert uw instemming met “{ $title }”; de corporatie mag dit niet uitvoeren zonder uw instemming.
summary-no-objection = U hebt geen bezwaar tegen “{ $title }”; de corporatie mag dit uitvoeren vanaf { $date }.
summary-view-no-objection = U hebt geen bezwaar tegen “{ $title }”; de corporatie ziet dat bij haar besluit.
summary-advice = U geeft advies over “{ $title }”; de corporatie besluit uiterlijk { $date }, en volgt zij uw advies niet, dan krijgt u eerst haar gemotiveerde reactie.
summary-view = U geeft uw zienswijze over “{ $title }”; de corporatie legt haar besluit erop vast in Volkshuis, u ziet het hier.
summary-advice-late = U geeft advies over “{ $title }” na de termijn, die eindigde op { $term }: de corporatie mocht het voornemen al uitvoeren vanaf { $from } (art. 5 lid 4 onder b Overlegwet). Volkshuis zet voor een advies na de termijn geen reactietermijn van 14 dagen (art. 5 lid 3 noemt die bij een advies binnen de termijn); de corporatie ziet uw advies wel.
summary-decision-followed = U volgt het advies over “{ $title }”; u mag het plan uitvoeren vanaf { $date }.
summary-decision-partly = U volgt het advies over “{ $title }” deels; de organisatie krijgt uw gemotiveerde reactie, en u mag het plan uitvoeren vanaf { $date }.
summary-decision-not = U volgt het advies over “{ $title }” niet; de organisatie krijgt uw gemotiveerde reactie, en u mag het plan uitvoeren vanaf { $date }.
summary-view-decision = U legt uw besluit op de zienswijze over “{ $title }” vast ({ $decision }); de organisatie ziet het, met uw reactie. Voor een zienswijze noemt de wet geen termijn of datum van uitvoering.
confirm-your-text = Uw tekst
confirm-send = Bevestigen en versturen
confirm-edit = Terug: wijzigen
correct-title = Antwoord corrigeren
correct-note = Per vergissing het verkeerde antwoord verstuurd? U kunt het tot { $until } intrekken en opnieuw antwoorden, zolang de corporatie nog niet heeft besloten; het logboek bewaart beide.
correct-submit = Antwoord intrekken
correct-summary = U trekt uw antwoord „{ $answer }” in. { $corporation } krijgt daarvan bericht; het logboek bewaart het ingetrokken antwoord.
correct-effect-decision = { $corporation } kan er dan niet meer op besluiten.
correct-effect-no-objection = { $corporation } mag het voornemen dan niet meer op grond van dit antwoord uitvoeren.
correct-effect-consent = Zonder uw instemming mag { $corporation } het voornemen niet uitvoeren (art. 5a Overlegwet).
correct-term-open = De zaak wacht dan weer op uw antwoord, uiterlijk { $date }.
correct-term-ended = De termijn voor uw antwoord is al verstreken ({ $date }): zolang u niet opnieuw antwoordt, mag { $corporation } het voornemen uitvoeren zonder uw advies of zienswijze (art. 5 Overlegwet).
correct-term-ended-consent = De termijn voor uw antwoord is al verstreken ({ $date }); u kunt nog opnieuw antwoorden.
correct-confirm = Ja, antwoord intrekken
correct-cancel = Niet intrekken
step-answer-withdrawn = Antwoord ingetrokken om te corrigeren
err-correction-closed = Dit antwoord kan niet meer worden gecorrigeerd: het is langer dan 24 uur geleden verstuurd, of de corporatie heeft er al over besloten.
err-nothing-to-withdraw = Er is geen verstuurd antwoord om in te trekken: het is al ingetrokken of er is nog niet geantwoord. Hieronder ziet u hoe het verzoek er nu voor staat.
err-choose-answer = Kies een antwoord: er is niets vooraf gekozen.
err-choose-decision = Kies een besluit: er is niets vooraf gekozen.
err-unknown-complexes = Deze complexcodes staan niet in uw bezit: { $codes }. Controleer ze op de pagina Bezit → Complexen.
proposals-sent = Voorgesteld
proposals-received = Voorstellen om overlegpartner te worden
proposal-waiting = wacht op aanvaarding door de huurdersorganisatie
proposal-accept = Aanvaarden
proposal-decline = Afwijzen
proposal-help = Pas als u een voorstel aanvaardt, kan de corporatie u verzoeken sturen en ziet u haar dekkingscijfers.
# After an answer was withdrawn to correct it: the answer form with its text.
withdrawn-kept = Uw antwoord is ingetrokken. De tekst staat hieronder klaar om te verbeteren: kies opnieuw wat u antwoordt en verstuur het.
err-reply-required-view = Geef een reactie als u de zienswijze niet of deels volgt: zo weet de organisatie waarom. (De wet noemt voor een zienswijze geen termijn; Volkshuis vraagt de reactie wel.)
reply-text-view = Reactie (gevraagd als de zienswijze niet of deels wordt gevolgd)
err-term-passed = Met deze ontvangstdatum is de adviestermijn al verstreken, op { $date }: de organisatie ziet het verzoek hier pas nu, met de termijn voorbij. Klopt dat toch (bijvoorbeeld een oud verzoek dat u hier vastlegt), vink het dan hieronder aan.
field-term-passed = Ja, de organisatie ontving het verzoek op { $received } en de adviestermijn is verstreken op { $ended }
