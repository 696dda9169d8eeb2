# Eén plek per complex en buurt (issue 23): alles van één complex of buurt op één pagina.
kind-complex = Complex
kind-buurt = Buurt
intro = Alles wat Volkshuis over deze plek weet, per onderdeel. U ziet wat uw organisatie mag zien; elk blok leidt naar het onderdeel zelf.
fact-corporation = Corporatie
fact-corporations = Corporaties
fact-units = Verhuureenheden in gebruik
fact-buurten = Buurt
fact-gemeente = Gemeente
fact-signals-sales = Signalen en verkopen
signals-sales-per-buurt = Die ziet een gemeente per buurt, niet per complex: open de buurt hierboven.
fact-complexes = Complexen in deze buurt
print-link-for = Afdrukken voor een bewonersbijeenkomst met { $name }
print-intro-for = Overzicht voor een bijeenkomst met huurders: alleen wat { $name } ook mag zien.
printed-on = Afgedrukt op
print-back = Terug naar de pagina van deze plek
print-how = Druk dit blad af met Ctrl+P (op een Mac: Cmd+P); deze regel komt niet op papier.
to-module = Naar { $module }
unknown = onbekend
block-stock = Bezit
block-participation = Wie spreekt voor de huurders
block-overleg = Overleg
block-afspraken = Prestatieafspraken
block-social-return = Social return
block-signals = Signalen van huurachterstand
block-nazorg = Verkochte woningen en VvE's
block-initiatives = Initiatieven
block-timeline = Het afgelopen jaar
stock-by-kind = Soort
stock-by-status = Status
stock-by-rent = Huur
stock-by-period = Bouwperiode
stock-built = Bouwjaren { $first } tot en met { $last }
stock-built-one = Bouwjaar { $year }
stock-map = Ligging van de eenheden: één stip per adres, groter waar meer eenheden op één plek staan.
stock-no-map = Van deze eenheden zijn geen coördinaten bekend.
col-count = Aantal
part-groups = Groepen
part-none = Geen groep spreekt voor deze plek.
part-formal = Met een erkende huurdersorganisatie of bewonerscommissie
part-informal = Alleen door groepen zonder erkenning
part-uncovered = Zonder vertegenwoordiging
part-blind-spots = Blinde vlekken
part-no-blind-spots = Geen blinde vlekken: voor elke verhuureenheid spreekt een groep.
part-coverage-only = Als gemeente ziet u de dekking, niet de groepen zelf.
col-title = Onderwerp
col-kind = Soort
col-stage = Stand
col-deadline = Termijn
col-received = Ontvangen
col-name = Naam
col-health = Gezondheid
overleg-none = Geen open of recente zaken over deze plek.
afspraken-none = Geen prestatieafspraken van deze gemeente waarin u en de corporatie partij zijn.
afspraken-cycle = { $title } ({ $years }), { $phase }
afspraken-cycle-titled = { $title }, { $phase }
afspraken-count = { $n ->
    [one] 1 afspraak voor deze corporatie of voor alle partijen samen
   *[other] { $n } afspraken voor deze corporatie of voor alle partijen samen
}
afspraken-first = de eerste { $shown } van { $n } afspraken voor deze corporatie of voor alle partijen samen
sr-placements-few = Minder dan 5 huurders uit deze plek aan het werk via social return.
sr-placements = { $n ->
    [0] Nog geen plaatsingen van huurders uit deze plek.
    [one] 1 huurder uit deze plek aan het werk via social return.
   *[other] { $n } huurders uit deze plek aan het werk via social return.
}
signals-sent = Verstuurd in de laatste twaalf maanden
signals-picked-up = Opgepakt door de gemeente
signals-note = Alleen aantallen, nooit personen; 1 tot 4 staat er als “minder dan 5”, de andere aantallen zijn afgerond op vijftallen.
fewer-than-five = minder dan 5
nazorg-sold = Verkocht aan de huurder (niet teruggekocht)
nazorg-checks-due = Controles open of te laat
nazorg-vves = VvE's
nazorg-no-vves = Geen VvE geregistreerd bij deze complexen.
health-groen = In orde
health-oranje = Aandacht nodig
health-rood = Knelpunt
initiatives-none = Geen initiatieven bij deze plek.
initiative-own = ingediend door uw organisatie
initiative-own-by = ingediend door { $name }
timeline-none = Het afgelopen jaar is er hier niets gebeurd dat u mag zien.
ev-case-received = Verzoek aan de huurders: { $title }
ev-case-decided = Besluit genomen: { $title }
ev-group-founded = Groep begonnen: { $name }
ev-group-ended = Groep gestopt: { $name }
ev-signals = Signalen van huurachterstand verstuurd: { $count }
ev-home-sold = Een woning verkocht aan de huurder
ev-home-bought-back = Een woning teruggekocht
ev-initiative = Initiatief ingediend: { $title }
ev-cycle-signed = Prestatieafspraken getekend: { $title }
place-link = Alles over deze plek
# Het blad voor een bewonersbijeenkomst drukt het begin van een lange lijst af en zegt hoeveel er zijn.
paper-first = Op dit blad staan de eerste { $shown } van de { $n } op de pagina in Volkshuis.
paper-cycles = Op dit blad staan { $shown } van de { $n } cycli op de pagina in Volkshuis.
paper-timeline = Op dit blad staan de laatste { $shown } van de { $n } gebeurtenissen op de pagina in Volkshuis.
