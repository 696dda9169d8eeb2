# Initiatieven (issue 22): buurtbudget — bewoners stellen projecten voor, de corporatie toetst, huishoudens stemmen met een persoonlijke code per brief.
title = Buurtbudget
intro = Laat de buurt beslissen over een budget: bewoners stellen projecten voor, u toetst ze, en elk huishouden in het gebied stemt met een persoonlijke code die het per brief krijgt. De uitslag wordt openbaar en u houdt de voortgang van de gekozen projecten bij.
rounds-none = Er zijn nog geen rondes.
col-title = Ronde
col-area = Gebied
col-budget = Budget
col-phase = Fase
col-corporation = Corporatie
phase-proposing = Voorstellen
phase-checking = Toetsen
phase-voting = Stemmen
phase-closed = Gesloten
phase-published = Uitslag bekend
phases-label = Fasen van de ronde
rules-line = Kies { $min } tot en met { $max } projecten, samen niet meer dan { $budget }.
area-gemeente = gemeente { $code }
area-wijk = wijk { $code }
area-buurt = buurt { $code }
area-complex = complex { $code }
new-title = Nieuwe ronde
field-title = Naam van de ronde
field-area = Gebied
field-area-hint = Een buurtcode (BU…), wijkcode (WK…) of gemeentecode (GM…), of de code van een complex uit uw bezit.
field-budget = Budget (€)
field-min = Minimaal aantal projecten per stem
field-max = Maximaal aantal projecten per stem
create = Ronde openen
err-amount = Vul een bedrag in, bijvoorbeeld 25000 of 25.000,00.
err-whole-number = Vul een heel getal in.
err-budget-not-positive = Het budget moet groter zijn dan nul.
err-min-below-one = Een stem kiest minstens één project.
err-min-above-max = Het minimum mag niet groter zijn dan het maximum.
err-max-above-limit = Een stem kiest hoogstens { $max } projecten.
err-unknown-complex = Dit is geen buurt-, wijk- of gemeentecode en geen complex uit uw bezit.
err-no-households = In dit gebied woont geen huishouden in een woning uit uw bezit; niemand zou kunnen stemmen.
households = { $count ->
    [one] 1 huishouden in het gebied
   *[other] { $count } huishoudens in het gebied
}
public-page = Openbare pagina van de ronde
move-to = Naar de volgende fase: { $phase }
move-hint-proposing = Daarna komen er geen voorstellen meer bij. U kunt nu al toetsen.
move-hint-checking = Daarna ligt het stembiljet vast: alle voorstellen moeten getoetst zijn. Maak daarna de stemcodes en print de brieven.
move-hint-voting = Daarna kan niemand meer stemmen; de telling bepaalt welke projecten geld krijgen.
move-hint-closed = Daarna is de uitslag openbaar en houdt u de voortgang bij.
err-moved = De ronde is intussen al naar een andere fase gegaan; bekijk de pagina opnieuw.
err-last = De uitslag is al bekend; er is geen volgende fase.
err-unchecked = { $count ->
    [one] Er wacht nog 1 voorstel op de toets.
   *[other] Er wachten nog { $count } voorstellen op de toets.
}
err-too-few-approved = Er zijn { $approved } projecten goedgekeurd; een stem kiest er minstens { $min }.
err-no-valid-ballot = Geen enkele stem kan geldig zijn: de goedkoopste projecten die een stem moet kiezen, kosten samen al meer dan het budget.
projects-title = Voorstellen
projects-none = Er zijn nog geen voorstellen.
col-project = Project
col-cost = Kosten
col-proposed-by = Voorgesteld door
col-note = Toelichting
status-submitted = wacht op toets
status-approved = op het stembiljet
status-rejected = afgewezen
status-funded = gekozen
status-underway = in uitvoering
status-done = klaar
decision = Besluit
check-approve = Goedkeuren
check-reject = Afwijzen
field-note = Toelichting (openbaar)
check-save = Toets opslaan
err-decision = Kies goedkeuren of afwijzen.
err-past-checking = Het stemmen is begonnen; het stembiljet ligt vast.
err-check-over-budget = Dit project kost meer dan het hele budget en kan dus niet op het stembiljet.
codes-title = Stemcodes en brieven
codes-intro = Elk huishouden in het gebied krijgt een persoonlijke stemcode per brief. De codes worden één keer getoond: print de brieven of download ze voor de postkamer, en bewaar ze niet. Volkshuis bewaart alleen een onherleidbare vingerafdruk van elke code. Het lezen van de adressen komt in het logboek.
turnout = { $codes } codes uitgegeven, { $voted } huishoudens hebben gestemd.
codes-print = Codes maken en brieven printen
codes-csv = Codes maken en downloaden (CSV)
codes-reissue = Nieuwe codes voor alle huishoudens die nog niet stemden
codes-reissue-hint = Alleen als de brieven kwijt zijn of er huishoudens bij kwamen: de codes op de eerdere brieven werken daarna niet meer.
err-not-voting = Stemcodes maakt u terwijl de ronde in de fase Stemmen is.
err-already-issued = De codes zijn al gemaakt. Kies voor nieuwe codes als de brieven kwijt zijn; de eerdere codes vervallen dan.
err-none-left = Alle huishoudens in het gebied hebben gestemd.
letters-title = Brieven: { $title }
letters-screen-note = { $count ->
    [one] 1 brief. De codes staan nergens anders: print nu.
   *[other] { $count } brieven. De codes staan nergens anders: print nu.
}
letter-residents = De bewoners
letter-heading = Stem mee: { $title }
letter-body = { $corporation } laat de buurt beslissen over { $budget } voor { $area }. Bewoners hebben projecten voorgesteld; u kiest welke er geld krijgen.
letter-code = Uw persoonlijke stemcode
letter-how = Ga naar { $url } en vul daar uw code in.
letter-once = Met deze code stemt uw huishouden één keer. Geef hem aan niemand anders.
letter-footer = Met vriendelijke groet, { $corporation }
results-title = Uitslag
results-ballots = { $count ->
    [one] 1 stem uitgebracht.
   *[other] { $count } stemmen uitgebracht.
}
col-votes = Stemmen
col-funded = Krijgt geld
funded-yes = ja
funded-no = nee
progress-title = Voortgang
field-status = Stand
field-progress = Voortgang (openbaar)
progress-save = Voortgang opslaan
err-not-published = De voortgang houdt u bij als de uitslag bekend is.
err-not-funded = Alleen de voortgang van een gekozen project wordt bijgehouden.
public-title = Buurtbudget
public-intro = Hier beslissen bewoners samen over geld voor hun buurt. Iedereen met een account kan een project voorstellen; elk huishouden in het gebied stemt met de code uit de brief van de corporatie.
public-explain-proposing = Stel nu een project voor. De corporatie toetst de voorstellen; de goedgekeurde komen op het stembiljet.
public-explain-checking = De corporatie toetst de voorstellen. Daarna krijgt elk huishouden een brief met een stemcode.
public-explain-voting = Stem nu met de code uit uw brief.
public-explain-closed = Het stemmen is voorbij. De uitslag volgt.
public-explain-published = De uitslag is bekend. Hieronder ziet u hoe het met de gekozen projecten gaat.
propose-title = Stel een project voor
field-description = Wat is het, en voor wie?
field-cost = Wat kost het (€)?
propose-submit = Voorstel indienen
propose-login = Log in om een project voor te stellen.
propose-sent = Dank u. Uw voorstel is ingediend; de corporatie toetst het.
err-cost = Vul de kosten in, meer dan nul, bijvoorbeeld 1250 of 1.250,00.
err-propose-over-budget = Dit project kost meer dan het hele budget van { $budget }.
err-propose-closed = Deze ronde neemt geen voorstellen meer aan.
ballot-title = Op het stembiljet
ballot-none = Er staan nog geen projecten op het stembiljet.
not-on-ballot-title = Niet op het stembiljet
vote-now = Stemmen met uw code
vote-title = Stemmen: { $title }
vote-intro = Vul de stemcode uit uw brief in en kies de projecten die u geld wilt geven. U ziet uw keuze nog voordat u stemt.
vote-not-open = U kunt nu niet stemmen in deze ronde.
field-code = Uw stemcode (uit de brief)
code-hint = Acht tekens, bijvoorbeeld ABCD-EFGH.
choose-legend = Kies uw projecten
vote-check = Bekijk mijn keuze
summary-title = Uw keuze
summary-total = Samen { $total } van { $budget }.
vote-confirm = Ja, dit is mijn stem
vote-change = Keuze wijzigen
voted-thanks = Dank u wel. Uw stem is geteld.
err-code-format = Een stemcode heeft acht tekens, bijvoorbeeld ABCD-EFGH.
err-code-unknown = Deze code hoort niet bij deze ronde. Kijk de code in uw brief nog eens na.
err-code-used = Met deze code is al gestemd. Elk huishouden stemt één keer.
err-voting-closed = Het stemmen in deze ronde is niet open.
err-too-few = { $min ->
    [one] Kies minstens 1 project.
   *[other] Kies minstens { $min } projecten.
}
err-too-many = { $max ->
    [one] Kies hoogstens 1 project.
   *[other] Kies hoogstens { $max } projecten.
}
err-over-budget = Uw keuze kost samen { $over } meer dan het budget. Laat een project weg.
err-duplicate = Een project staat twee keer in uw keuze.
err-unknown-project = Een gekozen project staat niet op het stembiljet van deze ronde.
recent-round-create = { $actor } opende de buurtbudgetronde { $title }
recent-round-phase = { $actor } zette de buurtbudgetronde { $title } in de fase { $phase }
recent-round-codes = { $actor } maakte stemcodes voor { $title } ({ $count ->
    [one] 1 huishouden
   *[other] { $count } huishoudens
})
recent-round-letters = { $actor } las de adressen voor de brieven van { $title }
recent-round-vote = { $actor } telde de stem van een huishouden in { $title }
recent-project-propose = { $actor } stelde het project { $title } voor
recent-project-approve = { $actor } zette het project { $title } op het stembiljet
recent-project-reject = { $actor } wees het project { $title } af
recent-project-progress = { $actor } werkte de voortgang van het project { $title } bij
err-reject-note = Schrijf bij een afwijzing waarom; bewoners lezen het.
err-status = Kies een stand.
field-title-project = Naam van het project
