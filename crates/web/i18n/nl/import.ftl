### Meldingen bij het inlezen van het bezitsbestand: waarom een regel of het bestand werd geweigerd.
### De kolomnamen (idExtern, rdX, …) zijn VERA-namen en blijven in elke taal gelijk.

## De kop van het foutrapport (CSV) en de kolom van een fout in de regel als geheel.
report-line = regel
report-column = kolom
report-value = waarde
report-reason = reden
whole-row = (rij)

## Het bestand als geheel.
file-empty = het bestand is leeg
file-missing-columns = verplichte kolommen ontbreken: { $columns }
file-duplicate-column = kolom { $name } staat er twee keer in
file-unreadable = het bestand is niet te lezen als CSV (regel { $line }): { $reason }

## Waarschuwingen.
warning-unknown-column = kolom { $name } is onbekend en wordt genegeerd
warning-missing-not-marked = { $missing ->
        [one] { $missing } eenheid ontbreekt in het bestand maar is niet buiten gebruik gezet: het bestand heeft regels met fouten, en daar kan zij in staan
       *[other] { $missing } eenheden ontbreken in het bestand maar zijn niet buiten gebruik gezet: het bestand heeft regels met fouten, en daar kunnen ze in staan
    }

## Een waarde of regel.
required = is verplicht
too-long = is langer dan { $max } tekens
not-integer = moet een geheel getal zijn
out-of-range = moet tussen { $min } en { $max } liggen
not-a-number = is geen getal
area-out-of-range = moet tussen { $min } en { $max } m² liggen
lat-lon-apart = breedtegraad en lengtegraad horen samen
rd-apart = rdX en rdY horen samen
outside-netherlands = ligt niet in Nederland (breedte- en lengtegraad verwisseld?)
social-label = moet DAE of NDA zijn
not-a-date = is geen datum (schrijf d-m-jjjj of jjjj-mm-dd)
no-such-date = is geschreven als datum, maar die dag bestaat niet (of ligt voor 1900 of na 2199)
not-yes-no = moet ja of nee zijn
not-in-list = moet een van deze zijn: { $allowed }
not-an-email = is geen e-mailadres
not-positive = moet meer dan nul zijn
negative = mag niet negatief zijn
not-in-vera = is geen code uit de VERA-lijst { $list }
unknown-unit = staat niet in het bezit (idExtern onbekend)
no-rows = het bestand heeft geen regels met gegevens
after-today = ligt na vandaag, de dag van het grootboek
wrong-field-count = heeft { $found } velden, de kop heeft er { $expected }
unreadable-from-here = het bestand is vanaf hier niet te lezen: { $reason }
duplicate = komt al voor op regel { $first }

## Identificaties.
id-length = moet { $expected } cijfers hebben, heeft er { $found }
id-leading-zero-lost = heeft 15 cijfers: Excel heeft waarschijnlijk de voorloopnul weggehaald (zet de kolom op Tekst)
id-not-digits = mag alleen cijfers bevatten
id-wrong-object-type = is een BAG-id van objecttype { $found }, verwacht { $expected }
id-postcode = is geen geldige postcode (verwacht 1234AB)
id-cbs-code = is geen geldige { $kind } (verwacht { $example })
cbs-gemeentecode = gemeentecode
cbs-wijkcode = wijkcode
cbs-buurtcode = buurtcode
house-number-not-integer = huisnummer moet een geheel getal zijn
house-number-too-large = huisnummer is te groot
house-number-out-of-range = huisnummer moet tussen 1 en 99999 liggen
house-letter = huisletter moet één letter zijn
house-number-addition = huisnummertoevoeging: hoogstens 4 letters of cijfers

## Bedragen.
money-not-an-amount = is geen bedrag
money-too-many-decimals = heeft meer dan twee decimalen
money-separator-twice = heeft meer dan één decimaalteken: schrijf bijvoorbeeld 1234,50 of 1.234,50
money-too-large = is te groot

## Bestanden die geen bezitsbestand zijn, of er een lijken (issue #17).
file-utf16 = dit lijkt UTF-16; sla het bestand op als CSV (UTF-8 of Windows-1252) met ; als scheidingsteken
file-not-text = dit is geen tekstbestand; sla het bestand op als CSV (UTF-8 of Windows-1252) met ; als scheidingsteken
file-separator-tab = de kolommen lijken gescheiden door tabs; sla het bestand op als CSV met ; of , als scheidingsteken
file-separator-pipe = de kolommen lijken gescheiden door |-tekens; sla het bestand op als CSV met ; of , als scheidingsteken
file-header-too-large = de kopregel is groter dan { $max } MB; dit is geen bezitsbestand
file-too-many-columns = de kopregel heeft { $found } kolommen, meer dan de { $max } die gelezen worden
file-unterminated-quote = een aanhalingsteken (") op regel { $line } wordt niet meer gesloten
warning-unknown-columns = { $count } kolommen zijn onbekend en worden genegeerd: { $names }
control-character = bevat een stuurteken (U+{ $code }), dat geen tekst is
byte-order-mark = bevat een BOM-teken (U+FEFF) midden in het bestand: zijn er twee bestanden aan elkaar geplakt?
unterminated-quote = een aanhalingsteken (") op deze rij wordt niet meer gesloten; het bestand is vanaf hier niet gelezen
row-too-large = de rij is groter dan { $max } MB (een aanhalingsteken dat niet gesloten wordt?); het bestand is vanaf hier niet gelezen
empty-stock-unconfirmed = het bestand heeft geen eenheden: als volledig bezit zou het { $missing ->
        [one] de { $missing } eenheid
       *[other] alle { $missing } eenheden
    } buiten gebruik zetten; bevestig uitdrukkelijk dat het bezit leeg is als dat de bedoeling is
money-ambiguous = is dubbelzinnig: één scheidingsteken met drie cijfers erachter kan duizendtallen of decimalen scheiden (schrijf 1234 of 1234,00)
