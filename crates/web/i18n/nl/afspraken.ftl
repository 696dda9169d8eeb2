# Prestatieafspraken (issue 19): the yearly cycle of municipality, corporations and tenant organisations.
title = Prestatieafspraken
intro = Gemeente, corporaties en huurdersorganisaties maken elk jaar afspraken over wat zij doen voor het wonen in de gemeente, en volgen die samen.
none = Uw organisatie is nog geen partij in een cyclus.
new = Nieuwe cyclus
new-title = Een cyclus openen
new-intro = Kies de gemeente en het jaar. De partijen worden voorgesteld uit het bezit: de gemeente, elke corporatie met woningen daar, en hun huurdersorganisaties.
cannot-open = Alleen een gemeente (voor haar eigen gemeente) of een corporatie (waar zij woningen heeft) opent een cyclus.
field-gemeente = Gemeente
field-year = Jaar van de afspraken
field-last-year = Laatste jaar (alleen bij meerjarige afspraken)
field-title = Titel
field-parties = Partijen
party-units = { $units ->
    [one] 1 woning in deze gemeente
   *[other] { $units } woningen in deze gemeente
}
party-via = huurdersorganisatie van { $names }
choose-gemeente = Kies eerst een gemeente en toon de partijen.
show-parties = Toon de partijen
open = Cyclus openen
err-gemeente = Kies een gemeente uit uw werkgebied.
err-year = Vul een jaar in tussen 2000 en 2100.
err-year-of-cycle = Kies een jaar van deze afspraken: { $first } tot en met { $last }.
err-last-year = Het laatste jaar ligt op of na het eerste jaar, hoogstens tien jaar later.
err-party = Deze organisatie kan geen partij zijn in deze gemeente.
err-parties-municipality = Prestatieafspraken maakt u met de gemeente: kies de gemeente als partij.
err-parties-corporation = Prestatieafspraken gaan over het werk van een corporatie: kies minstens één corporatie als partij.
err-parties-tenants = Huurdersorganisaties zijn partij bij de prestatieafspraken van hun corporatie (Woningwet art. 44): kies ook de huurdersorganisatie van elke gekozen corporatie.
err-cycle-exists = Voor deze gemeente en deze jaren bestaan al prestatieafspraken met { $corporation }.
cycle-twice-title = Nog een cyclus openen?
cycle-twice-effect = Opent u er toch een, dan lopen twee cycli naast elkaar voor dezelfde jaren; een cyclus kan niet worden ingetrokken. Ga anders verder in de bestaande cyclus.
cycle-twice-yes = Ja, open nog een cyclus
cycle-twice-back = Terug naar het formulier
col-cycle = Cyclus
col-gemeente = Gemeente
col-years = Jaren
col-phase = Fase
years-one = { $year }
years-range = { $from }–{ $to }
phase-kennisvergaring = Kennisvergaring
phase-bod = Bod
phase-onderhandeling = Onderhandeling
phase-ondertekening = Ondertekening
phase-monitoring = Monitoring
phase-geschil = Geschil
phase-now = Huidige fase: { $phase }, sinds { $since }
phases-label = Fasen van de cyclus
phase-step = Stap { $n }: { $phase }
move-to = Naar fase: { $phase }
move-lead = De gemeente leidt de fasen; zonder gemeente op het platform de partij die de cyclus opende.
move-summary = De cyclus gaat naar de fase „{ $phase }”. Alle partijen krijgen bericht. Terug naar een eerdere fase kan daarna niet; alleen een geschil brengt een cyclus terug naar de onderhandeling of de ondertekening.
move-confirm = Ja, naar deze fase
move-cancel = Niet nu
move-talks-begin = De onderhandeling begint dan vandaag: vanaf vandaag lopen de 6 maanden waarna elke partij een geschil aan de minister kan voorleggen (art. 44 Woningwet).
moved = De fase is gewijzigd.
not-lead = Alleen de partij die de fasen leidt kan de fase wijzigen.
monitoring-waits = De monitoring begint vanzelf als alle partijen getekend hebben. Nog niet getekend: { $parties }.
not-allowed = Deze stap kan nu niet.
on-this-page = Op deze pagina
back-to-contents = Terug naar de inhoud
dates = Datums
bid-due = Het bod is uiterlijk { $date } binnen (vóór 1 juli, Woningwet art. 44).
bid-reminders = Herinneringen op { $six } en { $two }.
signing-target = Gebruikelijk getekend vóór { $date }.
date-passed = { $line } Voorbij.
parties = Partijen
lead = leidt de fasen
signed-by = getekend door { $name } op { $date }
signed-by-account = getekend door { $name } op { $date }, vastgelegd door { $account }
not-signed = nog niet getekend
private-space = Uw eigen ruimte
private-help = Alleen uw organisatie ziet deze notities, tot u er een deelt.
private-closed = De eigen ruimte van deze partij (notities en documenten die zij nog niet deelde) is alleen voor haar leden.
shared-space = Gedeelde ruimte
note-kind-knowledge = Kennis
note-kind-negotiation = Onderhandelpunt
note-kind-stakeholder = Stakeholderanalyse
note-stakeholder-help = Per partij: belangen, invloed, standpunt, en wat zij van de anderen nodig heeft.
note-title = Titel
note-body = Tekst
note-kind = Soort
note-add = Notitie bewaren
note-share = Delen met de partijen
note-share-title = Notitie delen met de partijen?
note-share-effect = { $count ->
    [one] { $parties } kan uw notitie “{ $title }” dan lezen.
   *[other] { $parties } kunnen uw notitie “{ $title }” dan lezen.
}
note-share-and = en
note-share-final = Delen kunt u niet terugdraaien: de notitie blijft zichtbaar voor de andere partijen.
note-share-yes = Ja, delen met de partijen
note-share-no = Niet delen
note-shared = gedeeld door { $org }
note-private = alleen voor u
notes-none = Nog geen notities.
facts = Feiten uit Volkshuis
facts-help = Live uit het bezit, de Participatiekaart en social return, opgevraagd op { $date }.
facts-units = Woningen in gebruik
facts-social = Sociale huur (tot en met de liberalisatiegrens)
facts-free = Vrije sector
facts-kinds = Alle eenheden in gebruik, naar soort
facts-bands = Naar huurklasse
facts-decades = Naar bouwjaar
facts-decade = { $decade }–{ $end }
facts-coverage = Vertegenwoordigd door een groep
facts-coverage-value = { $covered } van { $all } eenheden ({ $share } %)
facts-sr = Social return in contracten van de partijen
facts-sr-value = { $contracts ->
    [one] 1 contract
   *[other] { $contracts } contracten
}: verplichting { $obligation }, goedgekeurd { $approved }, { $placements ->
    [one] 1 plaatsing
   *[other] { $placements } plaatsingen
} (alle jaren samen; een afspraak over plaatsingen telt die van haar eigen jaar)
facts-none = Geen woningen van een corporatie-partij in deze gemeente.
kind-unknown = (geen soort)
bids = Biedingen
bid-of = Bod van { $org }
bid-open = nog { $days ->
    [one] 1 dag
   *[other] { $days } dagen
}
bid-due-today = vandaag de laatste dag
bid-late = { $days ->
    [one] 1 dag
   *[other] { $days } dagen
} te laat
bid-sent = verstuurd op { $date }
bid-sent-late = verstuurd op { $date }, te laat
bid-not-in = nog niet binnen
bid-edit = Uw bod bewerken
bid-title = Het bod
bid-body = Tekst van het bod
bid-board = Goedgekeurd door het bestuur op
bid-board-help = Het bod gaat pas uit als de goedkeuring van het bestuur is vastgelegd.
bid-save = Bod bewaren
bid-locked = Dit bod is verstuurd en staat vast.
bid-locked-on = Dit bod is verstuurd op { $date } en staat vast.
bid-board-on = Goedgekeurd door het bestuur op { $date }.
bid-view = Uw bod bekijken
bid-send-check = Bewaren en versturen…
err-board-future = Het bestuur kan het bod niet in de toekomst hebben goedgekeurd.
err-actual-future = Een realisatie geldt voor een jaar dat begonnen is.
sign-done = Uw organisatie heeft al getekend.
activities = Voorgenomen activiteiten
activity-theme = Thema
activity-description = Activiteit
activity-unit = Eenheid
activity-year = Jaar
activity-amount = Aantal
activity-add = Activiteit toevoegen
activity-remove = Verwijderen
activities-none = Nog geen activiteiten.
bid-send = Bod versturen
bid-send-title = Het bod versturen
bid-send-summary = U verstuurt het bod van { $org } voor { $cycle } aan de gemeente en de huurdersorganisaties. Daarna staat het vast; de andere partijen kunnen het lezen.
bid-send-confirm = Ja, verstuur het bod
err-bid-empty = Schrijf eerst de tekst van het bod.
err-bid-board = Leg eerst vast wanneer het bestuur het bod goedkeurde.
err-bid-sent = Dit bod is al verstuurd.
theme-betaalbaarheid = Betaalbaarheid
theme-doelgroepen = Doelgroepen
theme-duurzaamheid = Duurzaamheid
theme-nieuwbouw = Nieuwbouw
theme-verkoop = Verkoop
theme-leefbaarheid = Leefbaarheid
theme-wonen-en-zorg = Wonen en zorg
commitments = Afspraken
commitments-none = Nog geen afspraken.
commitment-body = Afspraak
commitment-unit = Eenheid (woningen, euro, procent…)
commitment-unit-shown = Maateenheid
commitment-baseline = Beginwaarde
commitment-owner = Wie voert het uit
commitment-computed = Realisatie berekend door Volkshuis
computed-none = Laat dit leeg als de partij de realisatie zelf invult, met bron en bewijs.
computed-units-in-stock = Woningen in gebruik in de gemeente
computed-social-rent-units = Sociale huurwoningen in de gemeente
computed-participation-coverage = Aandeel woningen met een bewonersgroep (%)
computed-sr-placements = Goedgekeurde plaatsingen social return
commitment-target = Doel { $year }
commitment-add = Afspraak toevoegen
commitments-locked = De tekst staat vast vanaf de ondertekening; wijzigingen daarna zijn addenda.
concrete = concreet
partly = deels concreet
vague = vaag
missing-measurable-target = meetbaar doel
missing-date = jaar
missing-owner = wie het uitvoert
concreteness-missing = ontbreekt: { $what }
vague-words = vage woorden: { $words }
err-body = Beschrijf de afspraak.
err-theme = Kies een thema.
err-number = Vul een getal in, zoals 1200 of 12,5 (1.200 is dubbelzinnig: duizendtal of decimalen).
err-owner = Kies een partij van deze cyclus.
target = Doel
actual = Realisatie
progress = Stand
progress-no-data = nog geen gegevens
progress-achieved = gehaald
progress-on-track = op koers
progress-behind = achter
computed-at = berekend door Volkshuis op { $date }
actual-by = { $org }, { $date }: { $source }
actual-earlier = Eerder vastgelegd: { $list }
actual-add = Realisatie vastleggen
actual-value = Waarde
actual-source = Bron
actual-evidence = Bewijs (verwijzing, rapport, link)
actual-year = Jaar
err-source = Noem de bron.
not-owner = Alleen de partij die de afspraak uitvoert legt de realisatie vast, in de fase monitoring.
monitor = Monitor
monitor-title = Monitor { $cycle }
monitor-print = Afdrukken
monitor-xlsx = Excel
sign = Ondertekenen
sign-title = De afspraken ondertekenen
sign-summary = U tekent namens { $org }: { $cycle } ({ $count ->
    [one] 1 afspraak
   *[other] { $count } afspraken
}). Als alle partijen getekend hebben staat de tekst vast en begint de monitoring; wijzigen kan daarna alleen met een addendum.
sign-name = Naam en functie van wie tekent
sign-confirm = Ja, teken namens { $org }
sign-edit = Terug
signed = Getekend.
err-sign-name = Vul de naam en functie in van wie tekent.
sign-not-now = Tekenen kan alleen in de fase ondertekening, één keer per partij.
all-signed = Alle partijen hebben getekend op { $date }.
talks = Onderhandeling
agenda = Agenda
agenda-none = Nog geen agendapunten.
agenda-add = Agendapunt toevoegen
agenda-title = Agendapunt
position = Standpunt
position-evidence = Wat onze achterban zei (peiling, panel, jaarlijkse diagnose)
position-save = Standpunt bewaren
position-cites = Achterban: { $evidence }
draft = Concepttekst
draft-none = Nog geen concepttekst.
draft-version = Versie { $version } door { $org }, { $date }
draft-save = Nieuwe versie bewaren
draft-older = Eerdere versies
talks-closed = De onderhandeling is voorbij; de tekst verandert niet meer.
dispute = Geschil
dispute-not-yet = Een geschil kan worden voorgelegd vanaf { $date }: zes maanden na de start van de onderhandeling op { $started } zonder afspraken.
dispute-open = Het geschil kan tot en met { $date } aan de minister worden voorgelegd (vier weken, Algemene termijnenwet).
dispute-closed = De termijn van vier weken om het geschil voor te leggen is verstreken op { $date }.
dispute-rule = Regel (Woningwet art. 44): als de onderhandeling zes maanden na de start geen afspraken heeft opgeleverd, kan elke partij het geschil binnen vier weken schriftelijk en met redenen aan de minister voorleggen.
dispute-start = Geschilbestand openen
dispute-point = Punt van geschil
dispute-position = Uw standpunt
dispute-file = Geschilbestand
dispute-opened = Geopend door { $org } op { $date }
dispute-positions = Standpunten
dispute-no-position = nog geen standpunt
dispute-save-position = Standpunt bewaren
dispute-policy = Het volkshuisvestingsbeleid en het bod
dispute-confirm-summary = U opent namens { $org } een geschil over { $cycle }. De cyclus gaat naar de fase geschil; gezette handtekeningen vervallen. Het bestand kan tot en met { $until } aan de minister worden voorgelegd.
dispute-confirm = Ja, open het geschil
err-point = Beschrijf het punt van geschil.
err-position = Beschrijf uw standpunt.
dispute-too-early = Een geschil kan pas vanaf { $date }.
dispute-too-late = De termijn liep af op { $date }.
dispute-already = Dit geschil is al geopend; het dossier staat hieronder.
dispute-not-in-talks = Een geschil kan alleen tijdens de onderhandeling of de ondertekening.
print = Afdrukken
timeline = Tijdlijn
timeline-none = Nog niets gebeurd.
# Meetings at the edges of the day: the planner, one meeting, and each person's own meeting times.
meetings = Overleggen
meetings-link = Overleggen plannen, met tijden aan de randen van de dag
meetings-title = Overleggen — { $cycle }
meetings-intro = Plan de gesprekken aan de randen van de dag op werkdagen: 's ochtends vóór 9:00 of 's avonds (op zijn vroegst om 17:30), zodat vrijwilligers met een baan erbij kunnen. Volkshuis stelt tijden voor die passen bij wat de leden van alle partijen hebben opgegeven (wie niets opgaf: 7:30–9:00 en 19:00–22:00), en slaat feestdagen en de daarmee gelijkgestelde dagen over.
meetings-none = Nog geen overleggen gepland.
meetings-preferences =
    { $stored ->
        [0] Nog niemand van de partijen gaf op wanneer hij of zij kan; de voorstellen gaan uit van de gewone tijden: elke werkdag, 's ochtends van 7:30 tot 9:00 en 's avonds van 19:00 tot 22:00.
        [one] Eén lid van de partijen gaf op wanneer het kan; voor de anderen gelden de gewone tijden.
       *[other] { $stored } leden van de partijen gaven op wanneer zij kunnen; voor de anderen gelden de gewone tijden.
    }
meetings-my-times = Mijn vergadertijden opgeven
meetings-plan = Een overleg plannen
meeting-field-title = Onderwerp
meeting-field-duration = Duur in minuten
meeting-field-from = Vanaf
meeting-field-days = Aantal dagen vooruit
meeting-field-place = Plaats of link (niet verplicht)
meeting-propose = Tijden voorstellen
err-duration = Vul een duur in van 15 tot 240 minuten.
err-from = Kies een dag vanaf vandaag.
err-days = Vul een aantal dagen in van 1 tot 60.
err-no-slots = In deze periode is er geen tijd die iedereen past. Kijk verder vooruit of plan een korter overleg.
col-meeting = Overleg
col-when = Tijd
col-yes = Kan
col-no = Kan niet
col-mine = Uw antwoord
meeting-proposed =
    { $count ->
        [one] 1 voorgestelde tijd
       *[other] { $count } voorgestelde tijden
    }
meeting-by = Gepland door { $org } · { $minutes } minuten
meeting-place = Plaats: { $place }
meeting-chosen = Gekozen tijd: { $when }
meeting-chosen-mark = gekozen
meeting-not-chosen = Nog geen tijd gekozen.
meeting-ics = Uitnodiging downloaden (.ics)
meeting-slots = Voorgestelde tijden
meeting-answers-help = Geef bij elke tijd aan of u kunt. U kunt uw antwoord later nog wijzigen.
answer-yes = ja
answer-no = nee
meeting-save-answers = Beschikbaarheid bewaren
err-no-answer = Geef bij minstens één tijd aan of u kunt.
meeting-choose = De tijd kiezen
meeting-choose-help = De leidende partij of wie het overleg plande kiest de tijd. Alle leden van de partijen krijgen dan een uitnodiging, in Volkshuis en per e-mail (zoals zij hun meldingen kozen).
meeting-choose-field = Tijd
meeting-choose-button = Kies deze tijd en verstuur de uitnodiging
err-choose = Kies een van de voorgestelde tijden.
meeting-agenda = Agenda
meeting-agenda-save = Agenda bewaren
meeting-minutes = Verslag
meeting-minutes-save = Verslag bewaren
meeting-text-empty = Nog niets geschreven.
meeting-back = Alle overleggen van deze cyclus
slot = { $day } { $date }, { $start }–{ $end } uur
day-mon = maandag
day-tue = dinsdag
day-wed = woensdag
day-thu = donderdag
day-fri = vrijdag
day-sat = zaterdag
day-sun = zondag
meeting-invite-subject = Uitnodiging: { $title }, { $when }
meeting-invite-notice = { $org } koos { $when } voor het overleg { $title }
meeting-invite-body =
    { $org } koos de tijd voor het overleg { $title } van { $cycle }: { $when }.

    Zet het in uw agenda met de uitnodiging (.ics): { $ics }
    Het overleg in Volkshuis, met agenda en verslag: { $link }
meeting-invite-place = Plaats: { $place }
meeting-invite-agenda = Agenda:
times-title = Mijn vergadertijden
times-intro = Wanneer kunt u vergaderen? Voor overleggen over prestatieafspraken stelt Volkshuis alleen tijden voor die passen bij iedereen die dit invulde: 's ochtends vóór 9:00 of 's avonds, op werkdagen. Uw avond mag op zijn vroegst om 17:30 beginnen. Wat u hier opgeeft, geldt voor al uw overleggen.
times-defaults = U gaf nog niets op; dan gelden de gewone tijden: elke werkdag, 's ochtends van 7:30 tot 9:00 en 's avonds van 19:00 tot 22:00.
times-weekdays = Op welke dagen kunt u?
times-morning = 's Ochtends, vóór 9:00
times-morning-from = 's Ochtends vanaf
times-evening = 's Avonds (op zijn vroegst vanaf 17:30)
times-evening-from = 's Avonds vanaf
times-evening-until = 's Avonds tot
times-save = Bewaren
times-back = Terug naar het overleg
err-time = Vul een tijd in als 7:30 of 19:00.
err-weekdays = Kies minstens één dag.
err-edges = Kies de ochtend, de avond of allebei.
err-morning-from = Een ochtendoverleg eindigt om 9:00: kies een tijd vóór 9:00.
err-evening-until = Het einde van de avond ligt na het begin, en na 17:30.
overview = Landelijk overzicht
overview-intro = Elke gemeente met een cyclus op het platform: de nieuwste cyclus, de fase en of biedingen te laat zijn.
overview-none = Er is nog geen cyclus op het platform.
col-bids = Biedingen binnen
col-signed = Getekend
col-late = Te laat
late = te laat
provisional = { $date } (nog niet vastgesteld)
no-decree = { $date } (geen gelijkstellingsbesluit bekend voor dit jaar)
mail-bid-reminder-subject = Herinnering: het bod voor { $cycle } uiterlijk { $date }
mail-bid-reminder-body =
    Het bod van { $org } voor { $cycle } moet uiterlijk { $date } bij de gemeente en de huurdersorganisaties zijn (vóór 1 juli, Woningwet art. 44). Het is nog niet verstuurd; leg ook de goedkeuring van het bestuur vast.

    Naar het bod: { $link }
notice-bid-reminder = Verstuur het bod voor { $cycle } uiterlijk { $date }
documents = Documenten
documents-help = Woonvisie of volkshuisvestingsprogramma, marktonderzoek, het bod als bestand. Een document in uw eigen ruimte ziet alleen uw organisatie.
documents-none = Nog geen documenten.
document-kind = Soort document
document-kind-woonvisie = Woonvisie of volkshuisvestingsprogramma
document-kind-market-study = Marktonderzoek
document-kind-bid = Bod
document-kind-other = Overig
document-file = Bestand
document-shared = In de gedeelde ruimte zetten
document-upload = Document toevoegen
document-by = { $org }, { $date }
addenda = Addenda
addenda-none = Geen addenda.
addendum-add = Addendum vastleggen
addendum-title = Een addendum vastleggen
addendum-intro = Een addendum legt een wijziging vast die de partijen na de ondertekening samen afspraken, bijvoorbeeld het doel voor een later jaar. De getekende tekst blijft zoals getekend; het vorige doel blijft bewaard.
addendum-agreed-on = Afgesproken op
addendum-body = Wat is er afgesproken
addendum-target = Een doel wijzigen (niet verplicht)
addendum-new-target = Nieuw doel
addendum-check = Controleren
addendum-confirm = Ja, leg het addendum vast
addendum-summary = U legt een addendum vast dat de partijen op { $date } afspraken. Het staat daarna bij de afspraken en in de tijdlijn.
addendum-summary-target = U wijzigt het doel { $year } van "{ $commitment }" van { $old } naar { $new }. Het vorige doel blijft bewaard bij het addendum.
addendum-not-signed = Een addendum wijzigt getekende afspraken: dat kan pas in de fase monitoring.
addendum-changed = doel { $year }: { $old } → { $new }
addendum-confirm-title = Addendum vastleggen?
addendum-back = Terug naar het formulier
addendum-not-lead = Alleen de partij die de fasen leidt (meestal de gemeente) legt een addendum vast. Vraag die partij het afgesproken addendum vast te leggen.
addendum-summary-body = Wat er is afgesproken: { $body }
err-addendum-future = Deze datum ligt na vandaag: leg een addendum vast als het is afgesproken.
err-addendum-before-signing = De afspraken zijn getekend op { $date }: een addendum is van die dag of later.
cite = Citeer wat uw achterban zei
cite-diagnosis = Jaarlijkse diagnose { $year } met { $corporation }
cite-diagnosis-scored = Jaarlijkse diagnose { $year } met { $corporation }: gouden regels gemiddeld { $average } van 5
cite-message = Bericht van { $group } aan de achterban: { $subject }
err-cite = Kies iets uit wat uw eigen achterban zei.
facts-initiatives = Initiatieven van bewoners in de gemeente (Initiatieven)
facts-initiatives-value = { $year }: { $initiatives ->
    [one] 1 initiatief
   *[other] { $initiatives } initiatieven
} met { $participants } deelnemers, { $volunteers } vrijwilligers, { $jobs } banen voor mensen met afstand tot de arbeidsmarkt en { $visitors } bezoekers
