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
too-many-fields = heeft { $found } velden, de kop heeft er { $expected }
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
money-too-large = is te groot
