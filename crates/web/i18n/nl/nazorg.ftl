# Nazorg (issue 21): woningen verkocht aan hun huurders.
title = Nazorg
nav-home = Overzicht
nav-sales = Verkochte woningen
nav-vves = VvE's
nav-figures = Cijfers
nav-checklist = Gesprekslijst
nav-settings = Instellingen
read-only-note = U ziet hier alleen aantallen en het VvE-register. Gegevens van kopers ziet alleen wie in deze organisatie mag bewerken (medewerkers en beheerders), en elke keer dat iemand ze opent wordt vastgelegd.
personal-note = Deze pagina toont persoonsgegevens van een koper. Dat u ze opent staat in het auditlog.
intro-corporation = Woningen die u aan hun huurders verkocht: het gesprek vóór de verkoop, een onafhankelijke koopcoach, controles na drie en zes jaar, en VvE's met een gezond reservefonds.
intro-partner = Als koopcoach ziet u hier alleen de kopers die een corporatie aan u heeft toegewezen. U houdt per koper een kort logboek bij.
intro-municipality = Aantallen over verkochte huurwoningen in uw gemeente: verkopen, controles op tijd, kopers met betalingsproblemen en VvE's onder het wettelijke minimum van het reservefonds. Personen ziet u hier niet.
count-sold = Verkochte woningen (niet teruggekocht)
count-checks-overdue = Controles te laat
count-payment-trouble = Kopers met betalingsproblemen
count-vves-below = VvE's onder het minimum reservefonds
count-vves-red = VvE's in het rood
sale-new = Verkoop vastleggen
my-buyers-title = Mijn kopers
my-buyers-none = Er zijn nog geen kopers aan u toegewezen.
checks-title = Controles te doen
checks-none = Er staan geen controles open.
col-buyer = Koper
col-address = Adres
col-sold-on = Verkocht op
col-check = Controle
col-due = Uiterlijk
col-state = Stand
check-after = { $years ->
    [one] na 1 jaar
   *[other] na { $years } jaar
}
check-planned = Gepland
check-open = Open
check-overdue = Te laat
check-done-on-time = Op tijd gedaan
check-done-late = Te laat gedaan
