### Algemene teksten: navigatie, inloggen, beheer, bezit en e-mail.

skip-to-content = Naar de inhoud
nav-main = Hoofdmenu
nav-dashboard = Overzicht
nav-orgs = Organisaties
nav-users = Gebruikers
nav-audit = Logboek
nav-outbox = Uitgaande mail
logout = Uitloggen
footer = Volkshuis — samen werken aan de volkshuisvesting
error-request-id = Kenmerk van dit verzoek
error-home = Naar de startpagina
error-title-prefix = Fout:
draft-restored = Uw nog niet verstuurde tekst is teruggezet.
err-not-found-title = Niet gevonden
err-not-found-text = Deze pagina bestaat niet (meer). Controleer het adres of ga terug.
err-forbidden-title = Geen toegang
err-forbidden-text = U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Vraag het de beheerder van de organisatie waar deze pagina bij hoort: die bepaalt wie daar wat mag.
err-forbidden-member = Uw rol bij { $org }: { $role }.
err-forbidden-outsider = U bent geen lid van de organisatie waar deze pagina bij hoort.
err-csrf-title = Formulier verlopen
err-csrf-text = Dit formulier kon niet veilig worden verwerkt, dus er is niets opgeslagen. Misschien bent u intussen uitgelogd of stond de pagina lang open. Kopieer eventueel wat u typte, ga terug, laad de pagina opnieuw en probeer het nog eens.
err-internal-title = Er ging iets mis
err-internal-text = Er ging bij ons iets mis. Probeer het later opnieuw; blijft het misgaan, noem dan het kenmerk hieronder.
err-busy-title = Even geduld
err-busy-text = Het platform is op dit moment bezig met een grote wijziging, zoals het inlezen van een bestand. Uw wijziging is niet opgeslagen; probeer het over een ogenblik opnieuw.
err-busy-read-text = Het platform is op dit moment bezig met een grote wijziging, zoals het inlezen van een bestand, en kon deze pagina nu niet laden. Probeer het over een ogenblik opnieuw.
err-unreachable-title = Database even niet bereikbaar
err-unreachable-text = De verbinding met de database viel weg en wordt hersteld. Uw wijziging is waarschijnlijk niet opgeslagen: kijk over een ogenblik op de pagina of ze er staat, en verstuur haar anders opnieuw (ga terug: wat u typte staat er nog).
err-unreachable-read-text = De verbinding met de database viel weg en wordt hersteld. Laad de pagina over een ogenblik opnieuw.
login-title = Inloggen
login-intro = Log in met het e-mailadres en wachtwoord van uw Volkshuis-account.
field-email = E-mailadres
field-password = Wachtwoord
login-button = Inloggen
login-forgot = Wachtwoord vergeten?
login-failed = E-mailadres of wachtwoord klopt niet.
forgot-title = Wachtwoord vergeten
forgot-intro = Vul uw e-mailadres in. U krijgt een e-mail met een link om een nieuw wachtwoord te kiezen.
forgot-button = Stuur de link
forgot-sent = Als dit adres bij ons bekend is, is er een e-mail onderweg. De link werkt één uur.
back-to-login = Terug naar inloggen
reset-title = Nieuw wachtwoord kiezen
field-new-password = Nieuw wachtwoord
password-hint = Minstens 10 tekens. Een zin van een paar woorden is sterk en goed te onthouden.
field-confirm-password = Herhaal het wachtwoord
reset-button = Wachtwoord opslaan
reset-invalid = Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.
err-password-mismatch = De wachtwoorden zijn niet gelijk.
account-password-title = Wachtwoord wijzigen
account-password-intro = Na het opslaan bent u op andere apparaten en in andere browsers uitgelogd; hier blijft u ingelogd.
field-current-password = Huidig wachtwoord
account-password-button = Wachtwoord opslaan
err-current-password = Dit is niet uw huidige wachtwoord.
notice-password-saved = Uw nieuwe wachtwoord is opgeslagen. Op andere apparaten bent u uitgelogd.
dashboard-welcome = Welkom
dashboard-your-role = Uw rol
dashboard-members-count = Aantal leden
dashboard-open-org = Leden en gegevens van de organisatie
dashboard-no-orgs = U bent geen lid (meer) van een organisatie. Een beheerder van een organisatie kan u uitnodigen; de uitnodiging ziet u dan hier.
dashboard-invited = U bent uitgenodigd om lid te worden van een organisatie. Neem de uitnodiging aan om te beginnen.
dashboard-invited-link = Naar mijn uitnodigingen
dashboard-other-orgs = Uw andere organisaties
dashboard-switch-to = Werk voor
dashboard-recent = Recente wijzigingen in uw organisatie
org-members = Leden
field-name = Naam
field-role = Rol
actions = Acties
save = Opslaan
remove = Verwijderen
edit = Wijzigen
cancel = Annuleren
filter = Filteren
nothing-found = Niets gevonden.
older = Oudere regels
form-has-errors = Het formulier is nog niet goed ingevuld. Zie de meldingen bij de velden.
org-add-member = Lid toevoegen
org-no-admin = geen beheerder
org-new = Nieuwe organisatie
org-edit = Organisatie wijzigen
org-gemeenten = Gemeente(n)
org-gemeenten-none = Voor deze gemeente is nog geen gemeentecode vastgelegd. De beheerder van het platform legt die vast; tot dan zijn er geen cijfers te zien.
org-working-area = Werkgebied
org-working-area-help = De gemeenten waar de corporatie bezit heeft (uit het bezitsbestand) en de gemeenten die voor haar zijn opgegeven.
org-area-units = { $n ->
        [one] { $n } eenheid
       *[other] { $n } eenheden
    }
org-area-declared = opgegeven
field-code = Code (kort, kleine letters, bijv. woonstad)
org-code = Code voor import en koppelingen: { $code }
field-kind = Soort organisatie
field-gemeenten = Gemeentecodes (CBS), bijv. GM0150, GM0301: voor een gemeente haar eigen grondgebied (zij ziet alleen daar cijfers), voor een corporatie het werkgebied naast de gemeenten waar zij bezit heeft
field-gemeente-year = Jaar van de gemeentegrenzen (CBS) waaruit de codes komen
user-new = Nieuwe gebruiker
user-status = Status
user-inactive = geblokkeerd
user-password-help = Laat het wachtwoord leeg om de gebruiker per e-mail een link te sturen waarmee hij of zij zelf een wachtwoord kiest.
field-password-optional = Wachtwoord (optioneel)
field-platform-admin = Platformbeheerder
field-active = Mag inloggen
field-org = Organisatie
field-org-optional = Organisatie (optioneel)
user-memberships = Lidmaatschappen
user-add-membership = Lidmaatschap toevoegen
audit-when = Wanneer
audit-actor = Wie
audit-action = Handeling
audit-entity = Onderwerp
audit-before = voor
audit-after = na
audit-from = Vanaf
audit-until = Tot
audit-personal-only = Alleen inzage in persoonsgegevens
audit-what = Wat er gebeurde
audit-technical = Technische gegevens
audit-number = Nummer
audit-personal = Inzage in persoonsgegevens
audit-no-org = Geen organisatie
audit-housekeeping = Volkshuis (automatische opschoning)
outbox-smtp-on = Mail wordt via SMTP verstuurd; hier staat wat is verzonden.
outbox-smtp-off = Er is geen SMTP-server ingesteld: mail wordt niet verstuurd maar blijft hier staan.
outbox-kept = Een bericht wordt { $days } dagen na het schrijven verwijderd.
outbox-to = Aan
outbox-subject = Onderwerp
outbox-status = Status
outbox-secret-hidden = De persoonlijke link in deze mail is hier ingekort: de mail gaat per e-mail naar de ontvanger, en alleen die kiest met de link een wachtwoord.
outbox-tenant = een huurder (adres niet getoond)
outbox-tenant-body = Deze mail ging naar een huurder die geen gebruiker van het platform is (nieuws van een bewonersgroep). Naam, adres en inhoud zijn persoonsgegevens van de corporatie en worden hier niet getoond.
status-queued = wacht op verzending
status-sent = verzonden
status-held = in de outbox (geen SMTP)
status-failed = mislukt
err-required = Vul dit veld in.
err-too-long = Gebruik hoogstens { $n } tekens.
err-too-short = Gebruik minstens { $n } tekens.
err-format = Dit is geen geldige waarde.
err-amount-ambiguous = Dit bedrag is dubbelzinnig: één punt of komma met drie cijfers erachter kan duizendtallen scheiden of decimalen (350.000 kan ook 350 euro zijn). Schrijf bijvoorbeeld 350000 of 350.000,00.
err-amount-separator-twice = Dit bedrag heeft twee decimaaltekens. Schrijf bijvoorbeeld 1234,50 of 1.234,50.
err-amount-decimals = Een bedrag heeft hoogstens twee cijfers achter de komma.
audit-purpose = Doel
purpose-send-and-follow = signalen versturen en opvolgen (verhuurder)
purpose-deliver-by-file = signalen per bestand leveren aan de gemeente
purpose-outreach = contact met het huishouden (gemeente)
purpose-municipal-report = rapportage van de gemeente
purpose-soft-signals = zachte signalen vastleggen en doorverwijzen
purpose-referral = een doorverwijzing oppakken (partner)
purpose-koopcoach = begeleiding als koopcoach
purpose-sale-and-aftercare = verkoop en nazorg
err-period-reversed = Deze datum ligt vóór de begindatum: kies een einddatum op of na de begindatum.
err-day-unreadable = Deze datum bestaat niet of ligt vóór 1900 of na 2199. Schrijf bijvoorbeeld 17-03-2026.
err-amount-too-large = Dit bedrag is te groot: Volkshuis neemt bedragen tot € 1.000.000.000.
err-code-format = Een code bestaat uit kleine letters (a–z), cijfers en streepjes, zonder spaties of accenten en niet beginnend of eindigend met een streepje, bijv. hv-de-sleutel.
err-control-character = Hier staat een onzichtbaar stuurteken in, vaak een teken dat uit een ander programma is meegeplakt. Typ de tekst opnieuw of haal het teken weg.
err-code-taken = Deze code is al in gebruik.
err-gemeente-format = { $code } is geen gemeentecode (GM en vier cijfers, bijv. GM0150).
err-gemeente-unknown = Gemeentecode { $code } is onbekend: geen ingelezen gemeentegrens en geen woning in het bezit van een corporatie heeft deze code. Zijn de gemeentegrenzen nog niet ingelezen? Dat doet de beheerder van de server met “volkshuis import boundaries” (zie de README).
err-boundary-year = Vul een jaartal in, bijv. 2023.
err-email-taken = Dit e-mailadres is al in gebruik.
err-choose = Maak een keuze.
err-role = Kies een rol.
notice-logged-out = U bent uitgelogd.
notice-not-saved = U was uitgelogd (of uw sessie was verlopen), dus wat u net verstuurde is niet opgeslagen. Log in; u komt terug op de pagina van het formulier om het opnieuw te versturen.
notice-password-changed = Uw wachtwoord is opgeslagen. U kunt nu inloggen.
notice-saved = Opgeslagen.
notice-answer-sent = Uw antwoord is verstuurd; de corporatie krijgt er bericht van.
notice-decision-sent = Het besluit is vastgelegd; de huurdersorganisatie krijgt er bericht van.
notice-question-sent = Uw vraag is verstuurd.
notice-question-answered = Uw antwoord op de vraag is verstuurd.
notice-member-added = Het lid is toegevoegd.
notice-invited = Het account is aangemaakt en er is een e-mail verstuurd om een wachtwoord te kiezen.
notice-session-expired = Log in om verder te gaan.
stock-title = Bezit
stock-units = Eenheden
stock-units-lower = eenheden
stock-unit-lower = eenheid
stock-clusters = Complexen
stock-import = Bestand inlezen
stock-search = Zoeken (straat, postcode, plaats, id)
stock-gemeente = Gemeentecode
stock-cbs-year = gemeentegrenzen CBS { $year }
stock-wijk = Wijkcode
stock-buurt = Buurtcode
stock-soort = Soort
stock-status = Status
stock-label = DAEB
stock-non-daeb = Niet-DAEB
stock-rent-band = Nettohuur
stock-showing = Getoond
stock-of = van
stock-address = Adres
stock-postcode = Postcode
stock-town = Plaats
stock-cluster = Complex
stock-cluster-soort = Clustersoort (VERA, bijv. VEX)
stock-rent = Nettohuur
stock-gross-rent = Brutohuur
stock-average-rent = Gem. nettohuur
stock-empty-import = Er is nog geen bezit. Lees het bezitsbestand in:
stock-pages = Pagina's
stock-previous = Vorige
stock-next = Volgende
stock-out-of-use = Buiten gebruik (ontbrak in een volledig bestand)
stock-position = Ligging
stock-built = Bouwjaar
stock-area = Gebruiksoppervlakte
stock-rooms = Kamers
stock-file-refused = Het bestand kan niet worden gelezen
stock-imported = Ingelezen
stock-in-file = In het bestand:
stock-see-units = Naar het bezit
stock-checked-ok = Gecontroleerd: geen fouten
stock-checked-not-saved = Er is nog niets opgeslagen. Kies het bestand opnieuw en klik op Inlezen om het bezit bij te werken.
stock-has-errors = Het bestand bevat fouten
stock-marked-missing = buiten gebruik gezet
stock-missing-kept = ongemoeid gelaten
stock-missing-would-mark = die gaan buiten gebruik als u dit bestand als volledig bezit inleest
stock-warning = Let op
stock-nothing-saved = Er is niets opgeslagen. Verbeter het bestand en probeer het opnieuw, of kies voor het inlezen van alleen de goede regels.
stock-download-report = Foutrapport downloaden (CSV)
stock-line = Regel
stock-column = Kolom
stock-value = Waarde
stock-reason = Reden
stock-upload = Bezitsbestand inlezen
stock-upload-help = Een CSV-bestand uit uw ERP of Excel, met VERA-kolomnamen. Eerst controleren kan zonder iets op te slaan.
stock-template = Sjabloon downloaden
stock-file = Bestand
stock-valid-rows = Goede regels inlezen, ook als andere regels fouten hebben
stock-mark-missing = Dit is het volledige bezit: eenheden die ontbreken buiten gebruik zetten
stock-confirm-empty-stock = Het bezit is nu leeg: een bestand zonder eenheden mag alle eenheden buiten gebruik zetten
stock-check-only = Alleen controleren
stock-import-button = Inlezen
stock-no-file = Kies een bestand.
rent-lt500 = tot € 500
rent-500-700 = € 500 – € 700
rent-700-lib = € 700 – { $limit } (liberalisatiegrens { $year })
rent-lib = boven { $limit } (liberalisatiegrens { $year })
stock-map = Kaart
stock-sending = Bestand verzenden: { $pct }%
stock-checking = Het bestand wordt gecontroleerd en ingelezen…
stock-upload-failed = Verzenden is mislukt. Controleer de verbinding en probeer het opnieuw.
stock-import-running = Er loopt al een import voor deze corporatie. Wacht tot die klaar is en probeer het dan opnieuw.
stock-import-failed = De import is afgebroken door een storing van de server. Er is niets opgeslagen; probeer het later opnieuw.
stock-import-unknown-title = Deze import is niet (meer) bekend
stock-import-stopped-title = De import is niet uitgevoerd
stock-import-unknown = De server is sindsdien opnieuw gestart, of de import is meer dan een dag geleden afgerond. Liep de import nog toen de server stopte, dan is hij helemaal teruggedraaid: het bezit is ongewijzigd. Een afgeronde import staat bij de recente wijzigingen op uw overzicht. Lees het bestand zo nodig opnieuw in.
stock-running-import = Het bestand wordt ingelezen
stock-running-check = Het bestand wordt gecontroleerd
stock-running-hint = U kunt deze pagina open laten; hij wordt vanzelf bijgewerkt. Sluit u hem, dan gaat de import gewoon door.
stock-refresh = Bijwerken
stock-again = Nog een bestand inlezen
stock-more-than = meer dan { $n }
stock-map-loading = De kaart wordt geladen…
stock-map-failed = De gegevens voor de kaart konden niet worden geladen.
stock-map-bad-request = zoom (0–22) en bbox (west,zuid,oost,noord) zijn nodig
stock-map-help = Zoom in om complexen en uiteindelijk losse eenheden te zien. Zonder achtergrondkaart blijven de gegevens zichtbaar.
stock-map-clusters = { $units ->
        [one] { $units } eenheid
       *[other] { $units } eenheden
    } in { $groups ->
        [one] { $groups } groep
       *[other] { $groups } groepen
    } in beeld
stock-map-units = { $units ->
        [one] { $units } eenheid
       *[other] { $units } eenheden
    } in beeld
read-log-title = Inzage in persoonsgegevens
read-log-help = Elke keer dat iemand van uw organisatie persoonsgegevens opende of vastlegde (signalen, kopers, stemmen, brieflijsten en contactgegevens van huurders), met wanneer, wie, wat en waarom. De gegevens zelf staan hier niet in, alleen welke rijen het betrof. Wat een koopcoach van een partnerorganisatie leest, staat in het logboek van die organisatie.
read-log-none = Niemand van uw organisatie heeft in deze periode persoonsgegevens geopend.
tokens-title = API-sleutels
tokens-help = Met een API-sleutel leest een ander systeem (zoals uw ERP of BI) de gegevens van uw organisatie via de JSON-API. Een sleutel kan alleen lezen, tenzij een beheerder van een corporatie hem het recht geeft het grootboek van Signalering in te brengen.
tokens-made-twice = Deze sleutel is al gemaakt (het formulier werd nog eens verstuurd, bijvoorbeeld door de pagina te verversen). De code is één keer getoond en wordt niet opnieuw getoond. Niet bewaard? Trek de sleutel hieronder in en maak een nieuwe.
tokens-created = Nieuwe sleutel gemaakt
tokens-copy-now = Kopieer de sleutel nu: hij wordt niet opgeslagen en is hierna niet meer te zien.
tokens-created-at = Gemaakt
tokens-last-used = Laatst gebruikt
tokens-revoked = ingetrokken
tokens-ledger = Deze sleutel mag ook het grootboek van Signalering inbrengen
tokens-ledger-help = Voor het boekhoudsysteem dat elke maand de huurachterstanden aanlevert (POST /api/v1/signalering/grootboek). Het recht geldt zolang u actief beheerder van deze corporatie bent. Zonder dit vinkje kan een sleutel alleen lezen.
tokens-ledger-tag = grootboek
tokens-ledger-lapsed = grootboek: werkt niet zolang de maker geen actieve beheerder is
tokens-revoke = Intrekken
tokens-never-used = nog niet
tokens-none = Deze organisatie heeft nog geen API-sleutels. Maak er hieronder een voor elk systeem dat de gegevens leest.
tokens-new = Nieuwe sleutel
tokens-name = Waarvoor (bijv. ERP-koppeling)
dashboard-stock = Bezit: complexen en eenheden
kind-corporation = Woningcorporatie
kind-tenant-organisation = Huurdersorganisatie
kind-municipality = Gemeente
kind-supplier = Leverancier
kind-partner = Partner
about-corporation = Een woningcorporatie beheert het bezit, werkt samen met huurders en gemeente, en legt hier vast wat zij afspreekt en doet.
about-tenant-organisation = Een huurdersorganisatie spreekt namens de huurders en heeft wettelijke rechten op informatie, advies en instemming.
about-municipality = Een gemeente ziet hoeveel huurders in de corporaties een stem hebben, en volgt social return in haar eigen opdrachten.
about-supplier = Een leverancier meldt hier wat hij doet voor social return in zijn opdrachten.
about-partner = Een partner werkt samen met corporaties en gemeenten: een wijkteam of schuldhulpverlening krijgt doorverwijzingen van zachte signalen, een werkgeversservicepunt begeleidt social return, een koopcoach begeleidt kopers.
role-admin = Beheerder
role-staff = Medewerker
role-read-only = Alleen lezen
mail-reset-subject = Nieuw wachtwoord voor Volkshuis
mail-reset-body =
    Beste { $name },

    U heeft gevraagd om een nieuw wachtwoord voor Volkshuis. Kies het via deze link (één uur geldig):

    { $link }

    Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft zoals het was.

    Volkshuis
mail-invite-subject = Uw account voor Volkshuis
mail-invite-body =
    Beste { $name },

    Er is een Volkshuis-account voor u aangemaakt. Kies uw wachtwoord via deze link (zeven dagen geldig):

    { $link }

    Volkshuis
err-too-large-title = Te groot
err-too-large-text = Wat u verstuurde is groter dan deze pagina aanneemt. Er is niets opgeslagen. Maak het bestand of de tekst kleiner en probeer het opnieuw.
err-bad-request-title = Formulier onleesbaar
err-bad-request-text = Het formulier kwam niet volledig of niet leesbaar aan. Er is niets opgeslagen. Laad de pagina opnieuw en probeer het nog eens.
err-nul-title = Onzichtbaar teken in het formulier
err-nul-text = In een veld van het formulier staat een nul-teken (U+0000), een onzichtbaar teken dat meestal uit een ander programma is meegeplakt. Er is niets opgeslagen. Ga terug naar het formulier (wat u typte staat er nog), typ de geplakte tekst opnieuw en verstuur het nog eens.
err-method-title = Zo kan deze pagina niet worden opgevraagd
err-method-text = Deze site kent dit soort verzoek niet; er is niets veranderd. Open de pagina via een link of een formulier van Volkshuis.
err-bad-address-title = Adres niet te lezen
err-bad-address-text = Het adres van deze pagina bevat een waarde die Volkshuis niet kan lezen (bijvoorbeeld letters waar een getal hoort). Ga terug en volg een link in plaats van het adres met de hand aan te passen.

## Vertraging na herhaalde pogingen (ADR 0028).
throttled =
    { $seconds ->
        [one] Te veel pogingen kort na elkaar. Probeer het over { $seconds } seconde opnieuw.
       *[other] Te veel pogingen kort na elkaar. Probeer het over { $seconds } seconden opnieuw.
    }

## Uitnodigingen voor een organisatie: lid pas na accepteren.
org-invite-help = Vul naam en e-mailadres in. De persoon krijgt een uitnodiging en wordt pas lid na het accepteren. Heeft het adres nog geen account, dan maakt Volkshuis er een aan met deze naam.
org-invite-button = Uitnodigen
notice-invitation-sent = Er is een uitnodiging verstuurd. De persoon wordt lid na het accepteren.
err-already-member = Deze persoon is al lid. Wijzig de rol in de lijst hierboven.
invitations-title = Uitnodigingen
invitations-intro = U wordt pas lid van een organisatie als u de uitnodiging accepteert.
invitations-none = U heeft geen openstaande uitnodigingen.
invitation-line = { $org } nodigt u uit als { $role } (geldig tot { $until }).
invitation-accept = Accepteren
invitation-decline = Afwijzen
notice-invitation-accepted = U bent nu lid van de organisatie.
notice-invitation-declined = De uitnodiging is afgewezen.
invitation-notice = { $org } nodigt u uit om lid te worden.
mail-org-invite-subject = Uitnodiging van { $org } in Volkshuis
mail-org-invite-body =
    Beste { $name },

    { $org } nodigt u uit om als { $role } mee te werken in Volkshuis. U wordt pas lid als u accepteert (veertien dagen geldig). Accepteren of afwijzen doet u na het inloggen:

    { $link }

    Volkshuis
mail-org-invite-new-body =
    Beste { $name },

    { $org } nodigt u uit om als { $role } mee te werken in Volkshuis. Er is een account voor u aangemaakt. Kies eerst uw wachtwoord via deze link; de link is zeven dagen geldig, de uitnodiging veertien dagen:

    { $link }

    Na het inloggen ziet u de uitnodiging en kunt u die accepteren of afwijzen.

    Volkshuis
org-invited = Uitgenodigd, nog niet geaccepteerd
org-invited-until = geldig tot
nav-decrees = Feestdagen voor termijnen
unit-ref-hint = De idExtern van de eenheid, of het adres als postcode en huisnummer: 7411 AB 12, 7411 AB 12A of 7411 AB 12-1.
err-unit-ref = Geen eenheid in uw bezit heeft deze idExtern of dit adres. Vul de idExtern in, of postcode en huisnummer (7411 AB 12).
err-unit-ref-addition = Dit adres heeft een huisletter of toevoeging: vul die ook in (7411 AB 12A of 7411 AB 12-1), of vul de idExtern in.
err-unit-ref-several = Op dit adres staan meer eenheden van uw bezit: vul de idExtern in.
rescue-logged-out-title = U bent intussen uitgelogd
rescue-logged-out-text = Wat u verstuurde is niet opgeslagen: u was een tijd niet actief, of bent elders uitgelogd. Hieronder staat wat u typte. Kopieer het, log opnieuw in (in een nieuw tabblad, dan blijft deze pagina staan) en plak het in het formulier.
rescue-token-text = Dit formulier kon niet veilig worden verwerkt, dus er is niets opgeslagen. Misschien stond de pagina lang open, of bent u intussen uitgelogd of opnieuw ingelogd. Hieronder staat wat u typte: kopieer het, log zo nodig opnieuw in, open het formulier opnieuw en plak het erin.
rescue-typed = Wat u typte
rescue-field = Tekst { $n }
rescue-login = Opnieuw inloggen

## An organisation's members: the last administrator, removing a member, withdrawing an invitation
err-last-admin = Dit is de enige beheerder van de organisatie. Maak eerst iemand anders beheerder; anders kan niemand meer leden uitnodigen, rollen wijzigen of het inzagelog lezen.
member-remove-title = { $name } uit de organisatie verwijderen?
member-remove-what = { $name } ({ $email }) is daarna geen lid meer van { $org } en ziet geen enkele pagina van de organisatie meer. Terugkomen kan alleen met een nieuwe uitnodiging.
member-remove-yourself = U verwijdert uzelf: u verliest direct de toegang tot deze organisatie.
member-remove-yes = Ja, verwijder uit de organisatie
member-remove-back = Terug naar de organisatie
org-invitation-withdraw = Intrekken
notice-invitation-withdrawn = De uitnodiging is ingetrokken; ze kan niet meer worden aangenomen.
notice-invitation-gone = Die uitnodiging was al beantwoord of ingetrokken; er is niets veranderd.
notice-member-removed = Het lid is uit de organisatie verwijderd.
notice-left-organisation = U bent geen lid meer van die organisatie.
err-own-platform-admin = U kunt uw eigen rechten als platformbeheerder niet intrekken; een andere platformbeheerder kan dat.
err-own-active = U kunt uw eigen account niet uitzetten; een andere platformbeheerder kan dat.
rescue-forbidden-text = Dit is niet opgeslagen. Wat u typte staat hieronder, om te bewaren of door te geven aan wie het wel mag.
notice-invitation-unanswerable = Die uitnodiging kan niet meer worden beantwoord: ze is verlopen, ingetrokken of al beantwoord. Vraag de beheerder van de organisatie zo nodig om een nieuwe.
err-email-format = Vul één e-mailadres in, zoals naam@voorbeeld.nl.
role-sentence-admin = beheerder
role-sentence-staff = medewerker
role-sentence-read-only = lezer (alleen lezen)
