### Teksten van de module Social return.

title = Social return
intro-buyer = Contracten met een social-return-verplichting, wat leveranciers bijdroegen en wat er nog openstaat.
intro-supplier = Uw contracten met een social-return-verplichting: wat u nog moet leveren en tot wanneer.
intro-coordinator = Contracten waarvoor u social return coördineert.
contracts = Contracten
contracts-none = Nog geen contracten.
new-contract = Nieuw contract
tables = Waarderingstabellen
first-needed = Eerst nodig
first-supplier = Er staat nog geen leverancier in Volkshuis. Een leverancier is een organisatie op het platform: vraag de platformbeheerder die aan te maken; daarna kiest u hem hier.
first-table = U heeft nog geen waarderingstabel: een contract wordt gewaardeerd met de tabel die gold op de gunningsdatum. Neem er eerst een over, bijvoorbeeld die van Utrecht of Oost-Nederland:
tables-none = Nog geen waarderingstabel. Begin met een voorbeeld en pas het aan.
tables-none-ask-admin = Nog geen waarderingstabel. Een beheerder van uw organisatie neemt er een over (bijvoorbeeld die van Utrecht); daarna legt u contracten vast.
add-example-utrecht = Voorbeeld Utrecht toevoegen
add-example-oost = Voorbeeld Oost-Nederland toevoegen
example = voorbeeld
new-version = Nieuwe versie op basis hiervan
valid-from = Geldig vanaf
source = Bron
table-name = Naam
full-time-hours = Uren van een voltijdbaan
min-hours = Minimum uren per week (leeg: geen minimum)
job-value = Waarde per voltijd-arbeidsjaar
long-term-value = Waarde bij lang in de uitkering (leeg: gelijk)
counted-months = Telt hoogstens (maanden; leeg: onbeperkt)
bonuses = Bonussen per voltijd-arbeidsjaar
training-value = Waarde per leerjaar
work-experience = Werkervaringsplaats per maand
other-per-hour = Overige activiteiten per uur
purchase-share = Aandeel van de factuur dat telt (%)
threshold = Verplichting vanaf contractwaarde
percentage = Verplichting (% van de contractwaarde)
save-table = Versie opslaan
not-counted = telt niet
supplier = Leverancier
coordinator = Coördinator (leeg: geen)
buyer = Opdrachtgever
contract-title = Omschrijving van de opdracht
value = Waarde excl. btw
starts-on = Begint op
ends-on = Eindigt op
awarded-on = Gegund op
obligation = Verplichting
obligation-percent = Percentage van de waarde
obligation-fixed = Vast bedrag (in plaats van een percentage)
obligation-suggested = Volgens de tabel: { $p }% vanaf { $threshold }.
cadence = Rapportage
cadence-monthly = maandelijks
cadence-quarterly = per kwartaal
cadence-yearly = jaarlijks
table-applies = Het contract wordt gewaardeerd met de waarderingstabel die gold op de gunningsdatum.
save-contract = Contract vastleggen
err-no-table = Er is geen tabelversie die gold op de gunningsdatum.
err-supplier = Kies een leverancier.
err-dates = De einddatum ligt voor de begindatum.
err-reported-twice = Vanuit dit formulier is al een bijdrage gemeld (het werd twee keer verstuurd); die staat één keer in de lijst en telt één keer mee. Is dit een andere bijdrage, verstuur het formulier hieronder dan opnieuw.
err-amount = Vul een bedrag in, bijvoorbeeld 250.000,00.
err-percent = Vul een percentage in, bijvoorbeeld 5 of 2,5.
err-number = Vul een heel getal in.
err-date = Vul een datum in.
err-consent-before-award = De toestemming hoort bij het werk voor dit contract: een datum vanaf de gunning op { $date }.
err-consent-future = Deze dag ligt na vandaag: vul de dag in waarop de huurder toestemming gaf.
err-reported-later = Wat u meldt, heeft plaatsgevonden: de datum ligt niet na vandaag.
err-awarded-later = Een contract wordt vastgelegd als het gegund is: de gunningsdatum ligt niet na vandaag.
err-contract-exists = Dit contract staat al in uw lijst met contracten, met dezelfde leverancier, titel, waarde en looptijd. Is het een ander contract, geef het dan een eigen titel.
err-contract-twice = Vanuit dit formulier is al een ander contract vastgelegd (het formulier werd teruggehaald en gewijzigd). Staat dit contract nog niet in de lijst, verstuur het formulier dan opnieuw.
err-awarded-after-start = Een contract wordt gegund voordat het werk begint: de gunningsdatum ligt niet na de begindatum.
err-obligation-both = Vul een percentage of een vast bedrag in, niet allebei.
err-obligation-above-value = De verplichting is hoger dan de waarde van het contract.
progress = Voortgang
approved = Goedgekeurd
pending = In behandeling
rejected = Afgewezen
still-owed = Nog te leveren
expected = Verwacht bij dit tempo
days-left = Resterende tijd
days =
    { $n ->
        [one] { $n } dag
       *[other] { $n } dagen
    }
ended = afgelopen
standing-fulfilled = Voldaan
standing-on-track = Op schema
standing-at-risk = Risico: achter op schema
standing-overdue = Niet voldaan na afloop
contributions = Bijdragen
contributions-none = Nog geen bijdragen.
calculation = Berekening
report = Bijdrage melden
kind = Soort bijdrage
kind-placement = Plaatsing (baan)
kind-apprenticeship = Leerwerkplek (BBL/BOL)
kind-work-experience = Werkervaringsplaats
kind-purchase = Inkoop bij sociale onderneming of PSO-bedrijf
kind-other = Overige activiteit
person = Kenmerk van de kandidaat (geen naam of BSN)
person-name = Naam (optioneel; alleen zichtbaar voor u en de coördinator)
target-group = Doelgroep
long-term = Lang in de uitkering
hours-per-week = Uren per week
start = Begin
end = Einde
training = Leerweg
level = Niveau (1–4, optioneel)
seller = Leverancier van de inkoop
certificate = Certificaat
invoice = Factuurbedrag excl. btw
invoice-date = Factuurdatum
description = Omschrijving
hours = Uren
evidence = Bewijsstukken (PDF of Office, hoogstens 10 MB)
send-report = Melden
err-valuation = Deze bijdrage kan niet worden gewaardeerd: { $reason }.
approve = Goedkeuren
reject = Afwijzen
decide-approve-summary = U keurt deze bijdrage goed: { $value } telt mee voor de social-return-verplichting van dit contract. De leverancier krijgt bericht. Een besluit is definitief.
decide-reject-summary = U wijst deze bijdrage af, met als reden: „{ $reason }”. De { $value } telt niet mee voor de verplichting; de leverancier krijgt bericht en ziet de reden. Een besluit is definitief.
approve-confirm = Ja, goedkeuren
reject-confirm = Ja, afwijzen
decide-cancel = Niet besluiten
reason = Reden (verplicht bij afwijzen)
reason-shown = Reden
coordinator-shown = Coördinator
err-reason = Geef een reden bij een afwijzing.
err-decided = Over deze bijdrage is al besloten.
tenant = Eigen huurder
tenant-cluster = Complex van de huurder
tenant-consent = Toestemming van de huurder op
mark-tenant = Markeren als eigen huurder
settlement = Afrekening
unfulfilled = Niet ingevuld deel
withhold = In te houden op de eindafrekening
repair-until = Herstelperiode tot
did-all = De leverancier heeft aantoonbaar alles gedaan wat hij kon (niets inhouden)
note = Toelichting
settled-on = Afgerekend op
settle-now = De afrekening nu vastleggen (na de herstelperiode; daarna staat zij vast)
settle-confirm-title = Afrekening vastleggen?
settle-summary-figures = Goedgekeurd { $approved } van de verplichting van { $obligation }: { $unfulfilled } is niet ingevuld.
settle-summary-withhold = U houdt { $amount } in op de eindafrekening van { $supplier }.
settle-summary-all = De leverancier heeft aantoonbaar alles gedaan wat hij kon: u houdt niets in.
settle-summary-final = Daarna staat de afrekening vast: er worden geen bijdragen meer gemeld of beoordeeld. { $supplier } krijgt bericht.
settle-yes = Ja, leg de afrekening vast
settle-back = Terug naar het formulier
err-settled = De afrekening is vastgelegd op { $date } en staat vast: bijdragen melden of beoordelen en de afrekening wijzigen kan niet meer.
err-settle-running = Het contract loopt tot en met { $date }: de afrekening volgt daarna, na de herstelperiode.
err-repair-before-end = Een herstelperiode volgt op het contract: kies een datum na { $date }.
err-repair-running = De herstelperiode loopt tot en met { $date }: tot dan kan de leverancier nog melden. Leg de afrekening daarna vast.
err-settle-pending = Er wachten nog bijdragen op uw besluit: beoordeel die eerst, anders telt de afrekening zonder die bijdragen.
err-not-started = Meld dit als het begonnen is: de begindatum ligt na vandaag.
err-number-between = Vul een heel getal in van { $min } tot en met { $max }.
portfolio = Portefeuille
total-obligation = Verplichting totaal
by-supplier = Naar leverancier
by-group = Naar doelgroep of soort
by-year = Naar jaar
tenant-jobs = Banen voor eigen huurders, per complex
fewer-than-five = minder dan 5
tenant-jobs-none = Nog geen banen voor eigen huurders vastgelegd.
export-csv = Exporteren (CSV)
export-xlsx = Exporteren (Excel)
year-report = Jaarverslag
year-report-title = Social return in { $year }
year-report-intro = Wat de inkoop van { $org } in { $year } opleverde voor mensen met een afstand tot de arbeidsmarkt.
year-tenant-jobs = Eigen huurders aan het werk in { $year }, per complex
year-tenant-jobs-none = Geen plaatsingen van eigen huurders in { $year }.
count = Aantal
names = Namen zijn persoonsgegevens: elke inzage wordt vastgelegd.
mail-report-subject = Rapporteer social return: { $title }
mail-report-body =
    Een rapportageperiode van "{ $title }" is om. Nog te leveren: { $owed }; het contract loopt tot { $end }.

    Meld uw bijdragen: { $link }
mail-ended-subject = Social return niet voldaan: { $title }
mail-ended-body = Het contract "{ $title }" met { $supplier } is afgelopen; er staat nog { $owed } open. Leg de herstelperiode en de afrekening vast: { $link }
group-participatiewet = Participatiewet
group-doelgroepregister = Doelgroepregister / banenafspraak
group-wia-wao = WIA / WAO
group-ww = WW
group-statushouder = Statushouder
group-no-benefit = Zonder uitkering
bonus-age = 50 jaar of ouder
bonus-statushouder = Statushouder
bonus-language = Taalachterstand
bonus-permanent = Vast contract
cert-code-so = Code Sociale Ondernemingen
cert-se-nl = Social Enterprise NL
cert-pso-aspirant = PSO aspirant
cert-pso-1 = PSO trede 1
cert-pso-2 = PSO trede 2
cert-pso-3 = PSO trede 3
cert-pso-30plus = PSO 30+

## Berekening van een bijdrage, regel voor regel
calc-below-minimum = { $hours } uur per week is minder dan het minimum van { $min } uur: telt niet
calc-counted-months = telt hoogstens { $months ->
        [one] { $months } maand
       *[other] { $months } maanden
    }: van { $start } tot en met { $until } in plaats van { $end }
calc-placement = { $rate } per voltijd-arbeidsjaar × { $hours }/{ $full } uur × { $period }/12 maanden = { $value }
calc-placement-long-term = { $rate } per voltijd-arbeidsjaar (lang in de uitkering) × { $hours }/{ $full } uur × { $period }/12 maanden = { $value }
calc-bonus = bonus { $bonus }: { $rate } × { $hours }/{ $full } uur × { $period }/12 maanden = { $value }
calc-apprenticeship = { $rate } per leerjaar × { $period }/12 maanden = { $value }
calc-work-experience = { $rate } per maand × { $count ->
        [one] { $period } maand
       *[other] { $period } maanden
    } = { $value }
calc-purchase = { $invoice } excl. btw × { $share }% = { $value }
calc-other = { $hours } uur × { $rate } = { $value }
calc-total = totaal { $value }
err-not-in-table = de waarderingstabel kent geen waarde voor { $what }
err-end-before-start = de einddatum ligt voor de begindatum
unvalued-group = doelgroep „{ $code }”
unvalued-bonus = bonus „{ $code }”
unvalued-training = leerweg „{ $code }”
unvalued-work-experience = werkervaringsplaats
unvalued-certificate = certificaat „{ $code }”
unvalued-other = overige activiteiten
summary-hours-per-week = { $hours } u/w
summary-hours = { $hours } u
training-level-value = { $training } niveau { $level } — { $label }

## Coördinatoren (issue 17, ADR 0026)
coordinators = Coördinatoren
coordinators-intro = Organisaties waarmee u werkt als social-return-coördinator (bijvoorbeeld het Werkgeversservicepunt). Alleen deze kunt u als coördinator van een contract kiezen; een coördinator ziet de namen van kandidaten en de bewijsstukken.
coordinators-none = U werkt nog met geen enkele coördinator.
coordinator-add = Coördinator toevoegen
coordinator-save = Toevoegen
err-coordinator = Kies een coördinator waarmee uw organisatie werkt (zie Coördinatoren), of laat het veld leeg.
err-coordinator-kind = Kies een partnerorganisatie of gemeente; een leverancier, corporatie of huurdersorganisatie kan geen coördinator zijn.

## Waardering per kalendermaand en binnen de contractperiode (issue 17, ADR 0026)
calc-contract-period = telt alleen binnen de contractperiode: van { $from } tot en met { $until } (gemeld: { $start } tot en met { $end })
calc-outside-contract = valt buiten de contractperiode ({ $from } tot en met { $until }): telt niet
calc-one-bonus = statushouder en taalachterstand zijn samen één bonus: { $counted } telt, { $dropped } niet
err-outside-contract = de bijdrage valt helemaal buiten de contractperiode ({ $from } tot en met { $until })
value-changes = Herwaarderingen
value-change = Bijdrage { $id }: { $old } → { $new }; { $reason } ({ $at })
reason-months-and-period = opnieuw berekend per kalendermaand (een hele maand is een twaalfde van de jaarwaarde) en alleen voor het deel binnen de contractperiode, verdeeld over de jaren
reason-counted-months-end = opnieuw berekend: een telling van hoogstens zoveel maanden die op de 29e, 30e of 31e begint, loopt door tot het eind van een maand zonder die dag (telde een dag te weinig)
reason-other = opnieuw berekend
err-cluster = Dit complex staat niet in uw bezit. Vul de complexcode in zoals in uw bezit.
register-intro = Inkoop bij een sociale onderneming kan meetellen voor de verplichting, volgens de waarderingstabel van de opdrachtgever.
register-link = Het register van sociale ondernemingen
