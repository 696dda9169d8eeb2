# The calendar feed (ADR 0034): the account page that makes the secret address, what the feed lists, and the hour
# and place of an overleg meeting.

## The account page
page-title = Calendar subscription
intro = Put the deadlines and meetings of all your organisations in your own calendar: Outlook, Google Calendar or your phone's calendar. Your calendar fetches them itself from a secret address and keeps them up to date: a new deadline, a moved date or a planned meeting appears by itself.
listed-heading = What it lists
listed-deadlines = The deadlines of open consultation cases: the tenant organisation's answer and the corporation's decision, as all-day events.
listed-meetings = Consultation meetings (overlegvergaderingen), with time and place once they are known.
listed-budget = Accounting for the consultation budget.
listed-socialreturn = Social return: reporting dates, the end of contracts and of repair periods.
listed-access = Only what you may see in Volkshuis now. When you are no longer a member of an organisation, its dates disappear the next time your calendar fetches the address.
listed-provisional = A deadline in a year no Besluit gelijkstelling covers yet is marked “not yet decreed”; one in a year before the first decree Volkshuis knows, “no decree known”.
secret-warning = The address is secret, like a password: whoever has it sees the titles and dates. Do not share it. If you think someone else has it, make a new address.
none = You have no calendar address yet.
create = Make a calendar address
created-heading = Your calendar address
copy-now = Copy this address now and add it to your calendar: it is shown only once. Lost it? Make a new address.
url-label = Calendar address
open-in-app = Open in your calendar app
active-since = Your calendar address has worked since { $date }.
last-used = Last fetched by a calendar: { $date }.
never-used = Not fetched by a calendar yet.
regenerate = Make a new address
regenerate-help = The old address stops working at once; add the new address to your calendar.
revoke = Revoke the address
revoke-help = After that the address no longer works. Your calendar keeps what it already had until you remove the subscription there.
revoked = Your calendar address was revoked.
how-heading = How to add it to your calendar
how-outlook = Outlook: Calendar → Add calendar → Subscribe from web (in Outlook on the web: From internet). Paste the address and choose a name.
how-google = Google Calendar, on a computer: click + next to “Other calendars” → From URL, and paste the address. On an Android phone the calendar then appears in Google Calendar by itself.
how-apple = iPhone or iPad: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar, and paste the address. On a Mac: Calendar → File → New Calendar Subscription.
how-refresh = Your calendar fetches the address again by itself, usually a few times a day (Google sometimes only once a day). So a change does not show there at once; on the pages of Volkshuis it does.

## In the feed
calendar-name = Volkshuis — { $name }
answer-due = Answer due: { $title }
reply-due = Decision and reply due: { $title }
answer-who = { $kind } from { $corporation } to { $tenant }.
reply-who = { $corporation } decides on the advice of { $tenant }; if it does not follow it, or only partly, with a reasoned reply.
not-decreed = { $summary } (not yet decreed)
not-decreed-explained = Not yet decreed: no Besluit gelijkstelling covers that year yet, so a day still to be decreed may move the date.
no-decree = { $summary } (no decree known)
no-decree-explained = No decree known for that year: Volkshuis does not know the days then decreed equal to a holiday, so the date may be later.
alarm-days =
    { $days ->
        [one] { $days } day left: { $summary }
       *[other] { $days } days left: { $summary }
    }
budget-due = Accounting for the consultation budget { $year }
budget-who = { $tenant } accounts for the budget { $corporation } paid for { $year } (art. 7 Overlegwet).
meeting-summary = { $title } — { $other }
meeting-who = Consultation meeting (overlegvergadering) of { $corporation } and { $tenant }.
meeting-hour-unknown = The time is not known yet.
sr-report-due = Social return report: { $title }
sr-contract-ends = Contract ends: { $title }
sr-repair-ends = Repair period ends: { $title }
sr-who = Contract of { $buyer } with { $supplier }; still to deliver: { $owed }.

## The hour and place of a meeting
field-starts = Start time
field-ends = End time
field-place = Place
when-where = Time and place
plan-save = Save time and place
hours = { $start }–{ $end }
hours-unknown = Time not known yet
place-unknown = Place not known yet
err-time = Enter a time as hh:mm, for example 19:30.
err-end-missing = Enter the end time too.
err-start-missing = Enter the start time too.
err-end-before-start = The end time must be after the start time.
in-your-calendar = Deadlines and meetings in your own calendar
