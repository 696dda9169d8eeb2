# Pickers (complexes, buurten, groups, organisations chosen by name), date inputs, names beside codes, and counts
# with their plural (issue 18).
picker-search-help = Typ een deel van de naam of code; kies met pijltje omlaag en Enter.
picker-codes-help = Typ de codes, gescheiden door komma's (bijvoorbeeld { $example }).
picker-code-help = Typ de code (bijvoorbeeld { $example }).
picker-no-results = Niets gevonden.
picker-results = { $n ->
        [one] { $n } resultaat
       *[other] { $n } resultaten
    }
picker-more = Meer dan { $n } gevonden; typ verder om te verfijnen.
picker-search-failed = Zoeken lukt nu niet. Probeer het zo opnieuw.
picker-chosen = Gekozen
picker-added = { $label } gekozen.
picker-removed = { $label } verwijderd.
picker-remove = { $label } verwijderen
picker-unknown = { $code } (niet gevonden)
picker-empty = — kies —
name-and-code = { $name } ({ $code })
date-hint = dd-mm-jjjj
complex = Complex
complexes = Complexen
buurten = Buurten
complex-count = { $n ->
        [one] { $n } complex
       *[other] { $n } complexen
    }
import-counts = { $total ->
        [one] { $total } eenheid
       *[other] { $total } eenheden
    }: { $new } nieuw, { $changed } gewijzigd, { $unchanged } ongewijzigd.
import-missing = { $n ->
        [one] { $n } eenheid staat niet in het bestand
       *[other] { $n } eenheden staan niet in het bestand
    }
import-error-count = { $n ->
        [one] { $n } fout.
       *[other] { $n } fouten.
    }
import-rows-read = { $n ->
        [one] { $n } regel gelezen
       *[other] { $n } regels gelezen
    }
participants = { $n ->
        [one] { $n } deelnemer
       *[other] { $n } deelnemers
    }
err-postcode-empty = Vul uw postcode in, bijvoorbeeld 1234 AB.
err-postcode-format = Een postcode is vier cijfers en twee letters, bijvoorbeeld 1234 AB.
err-number-empty = Vul uw huisnummer in, bijvoorbeeld 12.
err-number-format = Een huisnummer begint met een getal, bijvoorbeeld 12 of 12a; een toevoeging mag ook in het volgende veld (niet in allebei).
no-groups-ask = Voor dit adres is (nog) geen groep bekend. Wilt u er een beginnen of meedoen? Vraag het { $corporation }.
no-groups-ask-contact = Voor dit adres is (nog) geen groep bekend. Wilt u er een beginnen of meedoen? Vraag het { $corporation }: { $contact }.
err-tenant-cluster = Kies het complex waarin de huurder woont.
public-contact = Contact voor huurders (op de openbare pagina)
public-contact-help = Hoe huurders u bereiken als er voor hun adres nog geen groep is, bijvoorbeeld een telefoonnummer, e-mailadres of webpagina.
public-contact-save = Contact opslaan
contribution-date = Datum (bij inkoop de factuurdatum)
