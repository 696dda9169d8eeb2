# The calendar feed (ADR 0034): the account page that makes the secret address, what the feed lists, and the hour
# and place of an overleg meeting.

## The account page
page-title = Agenda-abonnement
intro = Zet de termijnen en vergaderingen van al uw organisaties in uw eigen agenda: Outlook, Google Agenda of de agenda van uw telefoon. Uw agenda haalt ze zelf op via een geheim adres en houdt ze bij: een nieuwe termijn, een verschoven datum of een geplande vergadering verschijnt vanzelf.
listed-heading = Wat erin staat
listed-deadlines = De termijnen van lopende overlegzaken: het antwoord van de huurdersorganisatie en het besluit van de corporatie, als hele dag.
listed-meetings = Overlegvergaderingen, met tijd en plaats zodra die bekend zijn.
listed-budget = De verantwoording van het overlegbudget.
listed-socialreturn = Social return: de rapportagedata, het einde van contracten en van herstelperiodes.
listed-access = Alleen wat u nu in Volkshuis mag zien. Bent u geen lid meer van een organisatie, dan verdwijnen haar data de volgende keer dat uw agenda het adres ophaalt.
listed-provisional = Een termijn in een jaar waarvoor nog geen Besluit gelijkstelling is, staat erin als “nog niet vastgesteld”; een termijn in een jaar vóór het eerste besluit dat Volkshuis kent, als “geen gelijkstellingsbesluit bekend”.
secret-warning = Het adres is geheim, zoals een wachtwoord: wie het heeft, ziet de titels en data. Deel het niet. Vermoedt u dat een ander het heeft, maak dan een nieuw adres.
none = U heeft nog geen agenda-adres.
create = Agenda-adres maken
created-heading = Uw agenda-adres
copy-now = Kopieer dit adres nu en zet het in uw agenda: het wordt maar één keer getoond. Kwijt? Maak dan een nieuw adres.
url-label = Agenda-adres
open-in-app = Openen in uw agenda-app
active-since = Uw agenda-adres werkt sinds { $date }.
last-used = Laatst opgehaald door een agenda: { $date }.
never-used = Nog niet opgehaald door een agenda.
regenerate = Nieuw adres maken
regenerate-help = Het oude adres werkt dan meteen niet meer; zet het nieuwe adres in uw agenda.
revoke = Adres intrekken
revoke-help = Daarna werkt het adres niet meer. Uw agenda houdt wat het al had tot u het abonnement daar verwijdert.
revoked = Uw agenda-adres is ingetrokken.
how-heading = Zo zet u het in uw agenda
how-outlook = Outlook: Agenda → Agenda toevoegen → Abonneren vanaf internet (in Outlook op het web: Van internet). Plak het adres en kies een naam.
how-google = Google Agenda, op een computer: klik naast “Andere agenda's” op + → Via URL, en plak het adres. Op een Android-telefoon staat de agenda daarna vanzelf in Google Agenda.
how-apple = iPhone of iPad: Instellingen → Agenda → Accounts → Voeg account toe → Anders → Voeg agenda-abonnement toe, en plak het adres. Op een Mac: Agenda → Archief → Nieuw agenda-abonnement.
how-refresh = Uw agenda haalt het adres zelf opnieuw op, meestal een paar keer per dag (Google soms maar één keer per dag). Een wijziging staat er dus niet meteen in; op de pagina's van Volkshuis wel.

## In the feed
calendar-name = Volkshuis — { $name }
answer-due = Antwoord uiterlijk: { $title }
reply-due = Besluit en reactie uiterlijk: { $title }
answer-who = { $kind } van { $corporation } aan { $tenant }.
reply-who = { $corporation } besluit over het advies van { $tenant }; volgt zij het niet of deels, dan met een gemotiveerde reactie.
not-decreed = { $summary } (nog niet vastgesteld)
not-decreed-explained = Nog niet vastgesteld: voor dat jaar is er nog geen Besluit gelijkstelling, dus een nog aan te wijzen dag kan de datum verschuiven.
no-decree = { $summary } (geen gelijkstellingsbesluit bekend)
no-decree-explained = Geen gelijkstellingsbesluit bekend voor dat jaar: Volkshuis kent de dagen die toen met een feestdag waren gelijkgesteld niet, dus de datum kan later liggen.
alarm-days =
    { $days ->
        [one] Nog { $days } dag: { $summary }
       *[other] Nog { $days } dagen: { $summary }
    }
budget-due = Verantwoording overlegbudget { $year }
budget-who = { $tenant } verantwoordt het budget dat { $corporation } voor { $year } betaalde (art. 7 Overlegwet).
meeting-summary = { $title } — { $other }
meeting-who = Overlegvergadering van { $corporation } en { $tenant }.
meeting-hour-unknown = Het tijdstip is nog niet bekend.
sr-report-due = Rapportage social return: { $title }
sr-contract-ends = Einde contract: { $title }
sr-repair-ends = Einde herstelperiode: { $title }
sr-who = Contract van { $buyer } met { $supplier }; nog te leveren: { $owed }.

## The hour and place of a meeting
field-starts = Begintijd
field-ends = Eindtijd
field-place = Plaats
when-where = Tijd en plaats
plan-save = Tijd en plaats opslaan
hours = { $start }–{ $end } uur
hours-unknown = Tijd nog niet bekend
place-unknown = Plaats nog niet bekend
err-time = Vul een tijd in als uu:mm, bijvoorbeeld 19:30.
err-end-missing = Vul ook de eindtijd in.
err-start-missing = Vul ook de begintijd in.
err-end-before-start = De eindtijd moet na de begintijd liggen.
in-your-calendar = Termijnen en vergaderingen in uw eigen agenda
