# Prestatieafspraken (issue 19): the yearly cycle of municipality, corporations and tenant organisations.
title = Performance agreements
intro = Every year the municipality, the housing corporations and the tenant organisations agree on what they will do for housing in the municipality, and follow it up together.
none = Your organisation is not a party to any cycle yet.
new = New cycle
new-title = Open a cycle
new-intro = Choose the municipality and the year. The parties are suggested from the stock: the municipality, every corporation with homes there, and their tenant organisations.
cannot-open = Only a municipality (for its own area) or a corporation (where it has homes) opens a cycle.
field-gemeente = Municipality
field-year = Year of the agreements
field-last-year = Last year (multi-year agreements only)
field-title = Title
field-parties = Parties
party-units = { $units ->
    [one] 1 home in this municipality
   *[other] { $units } homes in this municipality
}
party-via = tenant organisation of { $names }
choose-gemeente = Choose a municipality first and show the parties.
show-parties = Show the parties
open = Open the cycle
err-gemeente = Choose a municipality from your working area.
err-year = Enter a year between 2000 and 2100.
err-year-of-cycle = Choose a year of these agreements: { $first } to { $last }.
err-last-year = The last year is on or after the first year, at most ten years later.
err-party = This organisation cannot be a party in this municipality.
err-parties-municipality = Performance agreements are made with the municipality: choose the municipality as a party.
err-parties-corporation = Performance agreements are about a corporation's work: choose at least one corporation as a party.
err-parties-tenants = Tenant organisations are parties to their corporation's agreements (Housing Act art. 44): also choose the tenant organisation of each corporation chosen.
err-cycle-exists = Performance agreements with { $corporation } already exist for this municipality and these years.
cycle-twice-title = Open another cycle?
cycle-twice-effect = If you open one all the same, two cycles run side by side for the same years; a cycle cannot be withdrawn. Otherwise continue in the existing cycle.
cycle-twice-yes = Yes, open another cycle
cycle-twice-back = Back to the form
col-cycle = Cycle
col-gemeente = Municipality
col-years = Years
col-phase = Phase
years-one = { $year }
years-range = { $from }–{ $to }
phase-kennisvergaring = Gathering knowledge
phase-bod = Bid
phase-onderhandeling = Negotiation
phase-ondertekening = Signing
phase-monitoring = Monitoring
phase-geschil = Dispute
phase-now = Current phase: { $phase }, since { $since }
phases-label = Phases of the cycle
phase-step = Step { $n }: { $phase }
move-to = To phase: { $phase }
move-lead = The municipality leads the phases; without a municipality on the platform, the party that opened the cycle.
move-summary = The cycle moves to the phase “{ $phase }”. Every party is told. It cannot go back to an earlier phase afterwards; only a dispute brings a cycle back to negotiating or signing.
move-confirm = Yes, to this phase
move-cancel = Not now
move-talks-begin = The negotiations then begin today: from today run the 6 months after which any party may put a dispute to the minister (art. 44 Woningwet).
moved = The phase was changed.
not-lead = Only the party that leads the phases can change the phase.
monitoring-waits = Monitoring begins by itself once every party has signed. Not signed yet: { $parties }.
not-allowed = This step is not possible now.
on-this-page = On this page
back-to-contents = Back to the contents
dates = Dates
bid-due = The bid is due by { $date } (before 1 July, Woningwet art. 44).
bid-reminders = Reminders on { $six } and { $two }.
signing-target = Usually signed before { $date }.
date-passed = { $line } Passed.
parties = Parties
lead = leads the phases
signed-by = signed by { $name } on { $date }
signed-by-account = signed by { $name } on { $date }, recorded by { $account }
not-signed = not signed yet
private-space = Your own space
private-help = Only your organisation sees these notes, until you share one.
private-closed = This party's own space (notes and documents it has not shared) is for its members only.
shared-space = Shared space
note-kind-knowledge = Knowledge
note-kind-negotiation = Negotiation point
note-kind-stakeholder = Stakeholder analysis
note-stakeholder-help = Per party: interests, influence, position, and what it needs from the others.
note-title = Title
note-body = Text
note-kind = Kind
note-add = Save note
note-share = Share with the parties
note-share-title = Share the note with the parties?
note-share-effect = { $count ->
    [one] { $parties } can then read your note “{ $title }”.
   *[other] { $parties } can then read your note “{ $title }”.
}
note-share-and = and
note-share-final = Sharing cannot be undone: the note stays visible to the other parties.
note-share-yes = Yes, share with the parties
note-share-no = Do not share
note-shared = shared by { $org }
note-private = only for you
notes-none = No notes yet.
facts = Facts from Volkshuis
facts-help = Live from the stock, the participation map and social return, read on { $date }.
facts-units = Homes in use
facts-social = Social rent (up to the liberalisation limit)
facts-free = Free sector
facts-kinds = All units in use, by kind
facts-bands = By rent band
facts-decades = By year built
facts-decade = { $decade }–{ $end }
facts-coverage = Covered by a group
facts-coverage-value = { $covered } of { $all } units ({ $share } %)
facts-sr = Social return in the parties' contracts
facts-sr-value = { $contracts ->
    [one] 1 contract
   *[other] { $contracts } contracts
}: obligation { $obligation }, approved { $approved }, { $placements ->
    [one] 1 placement
   *[other] { $placements } placements
} (all years together; a commitment on placements counts those of its own year)
facts-none = No homes of a corporation party in this municipality.
kind-unknown = (no kind)
bids = Bids
bid-of = Bid of { $org }
bid-open = { $days ->
    [one] 1 day
   *[other] { $days } days
} left
bid-due-today = today is the last day
bid-late = { $days ->
    [one] 1 day
   *[other] { $days } days
} late
bid-sent = sent on { $date }
bid-sent-late = sent on { $date }, late
bid-not-in = not in yet
bid-edit = Edit your bid
bid-title = The bid
bid-body = Text of the bid
bid-board = Approved by the board on
bid-board-help = The bid goes out only once the board's approval is recorded.
bid-save = Save the bid
bid-locked = This bid was sent and is locked.
bid-locked-on = This bid was sent on { $date } and is locked.
bid-board-on = Approved by the board on { $date }.
bid-view = View your bid
bid-send-check = Save and send…
err-board-future = The board cannot have approved the bid in the future.
err-actual-future = An actual is for a year that has begun.
sign-done = Your organisation has signed already.
activities = Intended activities
activity-theme = Theme
activity-description = Activity
activity-unit = Unit
activity-year = Year
activity-amount = Number
activity-add = Add activity
activity-remove = Remove
activities-none = No activities yet.
bid-send = Send the bid
bid-send-title = Send the bid
bid-send-summary = You send the bid of { $org } for { $cycle } to the municipality and the tenant organisations. It is then locked; the other parties can read it.
bid-send-confirm = Yes, send the bid
err-bid-empty = Write the text of the bid first.
err-bid-board = Record first when the board approved the bid.
err-bid-sent = This bid was sent already.
theme-betaalbaarheid = Affordability
theme-doelgroepen = Target groups
theme-duurzaamheid = Sustainability
theme-nieuwbouw = New construction
theme-verkoop = Sales
theme-leefbaarheid = Liveability
theme-wonen-en-zorg = Housing and care
commitments = Agreements
commitments-none = No agreements yet.
commitment-body = Agreement
commitment-unit = Unit (homes, euro, percent…)
commitment-unit-shown = Measured in
commitment-baseline = Baseline
commitment-owner = Who carries it out
commitment-computed = Actual computed by Volkshuis
computed-none = Leave this empty when the party enters the actual itself, with source and evidence.
computed-units-in-stock = Homes in use in the municipality
computed-social-rent-units = Social-rent homes in the municipality
computed-participation-coverage = Share of homes with a residents' group (%)
computed-sr-placements = Approved social-return placements
commitment-target = Target { $year }
commitment-add = Add agreement
commitments-locked = The text is locked from the signing on; later changes are addenda.
concrete = concrete
partly = partly concrete
vague = vague
missing-measurable-target = measurable target
missing-date = year
missing-owner = who carries it out
concreteness-missing = missing: { $what }
vague-words = vague words: { $words }
err-body = Describe the agreement.
err-theme = Choose a theme.
err-number = Enter a number, such as 1200 or 12.5 (1,200 is ambiguous: thousands or decimals).
err-owner = Choose a party of this cycle.
target = Target
actual = Actual
progress = Status
progress-no-data = no data yet
progress-achieved = achieved
progress-on-track = on track
progress-behind = behind
computed-at = computed by Volkshuis on { $date }
actual-by = { $org }, { $date }: { $source }
actual-earlier = Entered before: { $list }
actual-add = Record actual
actual-value = Value
actual-source = Source
actual-evidence = Evidence (reference, report, link)
actual-year = Year
err-source = Name the source.
not-owner = Only the party that carries out the agreement records the actual, in the monitoring phase.
monitor = Monitor
monitor-title = Monitor { $cycle }
monitor-print = Print
monitor-xlsx = Excel
sign = Sign
sign-title = Sign the agreements
sign-summary = You sign on behalf of { $org }: { $cycle } ({ $count ->
    [one] 1 agreement
   *[other] { $count } agreements
}). Once every party has signed, the text is locked and monitoring begins; after that, changes need an addendum.
sign-name = Name and function of the signatory
sign-confirm = Yes, sign on behalf of { $org }
sign-edit = Back
signed = Signed.
err-sign-name = Enter the name and function of the signatory.
sign-not-now = Signing is possible only in the signing phase, once per party.
all-signed = Every party signed on { $date }.
talks = Negotiation
agenda = Agenda
agenda-none = No agenda items yet.
agenda-add = Add agenda item
agenda-title = Agenda item
position = Position
position-evidence = What our members said (poll, panel, yearly diagnosis)
position-save = Save position
position-cites = Members: { $evidence }
draft = Draft text
draft-none = No draft text yet.
draft-version = Version { $version } by { $org }, { $date }
draft-save = Save a new version
draft-older = Earlier versions
talks-closed = The negotiation is over; the text no longer changes.
dispute = Dispute
dispute-not-yet = A dispute can be submitted from { $date }: six months after the negotiation began on { $started } without agreements.
dispute-open = The dispute can be submitted to the Minister up to and including { $date } (four weeks, Algemene termijnenwet).
dispute-closed = The four weeks to submit the dispute ended on { $date }.
dispute-rule = Rule (Woningwet art. 44): if the negotiation has not produced agreements six months after it began, any party may submit the dispute to the Minister within four weeks, in writing and with reasons.
dispute-start = Open a dispute file
dispute-point = Point in dispute
dispute-position = Your position
dispute-file = Dispute file
dispute-opened = Opened by { $org } on { $date }
dispute-positions = Positions
dispute-no-position = no position yet
dispute-save-position = Save position
dispute-policy = The housing policy and the bid
dispute-confirm-summary = You open a dispute about { $cycle } on behalf of { $org }. The cycle moves to the dispute phase; signatures given lapse. The file can be submitted to the Minister up to and including { $until }.
dispute-confirm = Yes, open the dispute
err-point = Describe the point in dispute.
err-position = Describe your position.
dispute-too-early = A dispute is possible only from { $date }.
dispute-too-late = The term ended on { $date }.
dispute-already = This dispute was opened already; its file is below.
dispute-not-in-talks = A dispute is possible only during the negotiation or the signing.
print = Print
timeline = Timeline
timeline-none = Nothing has happened yet.
# Meetings at the edges of the day: the planner, one meeting, and each person's own meeting times.
meetings = Meetings
meetings-link = Plan meetings before or after working hours
meetings-title = Meetings — { $cycle }
meetings-intro = Plan the talks at the edges of the day on working days: mornings before 9:00 or evenings (from 17:30 at the earliest), so that volunteers with a job can take part. Volkshuis proposes times that suit what the members of all parties said (for whoever said nothing: 7:30–9:00 and 19:00–22:00), and skips public holidays and the days decreed equal to them.
meetings-none = No meetings planned yet.
meetings-preferences =
    { $stored ->
        [0] None of the parties has said yet when they can meet; the proposals use the usual times: every working day, mornings from 7:30 to 9:00 and evenings from 19:00 to 22:00.
        [one] One member of the parties said when they can; the usual times apply to the others.
       *[other] { $stored } members of the parties said when they can; the usual times apply to the others.
    }
meetings-my-times = Set my meeting times
meetings-plan = Plan a meeting
meeting-field-title = Subject
meeting-field-duration = Duration in minutes
meeting-field-from = From
meeting-field-days = Number of days ahead
meeting-field-place = Place or link (optional)
meeting-propose = Propose times
err-duration = Enter a duration from 15 to 240 minutes.
err-from = Choose a day from today.
err-days = Enter a number of days from 1 to 60.
err-no-slots = There is no time in this period that suits everyone. Look further ahead or plan a shorter meeting.
col-meeting = Meeting
col-when = Time
col-yes = Can
col-no = Cannot
col-mine = Your answer
meeting-proposed =
    { $count ->
        [one] 1 proposed time
       *[other] { $count } proposed times
    }
meeting-by = Planned by { $org } · { $minutes } minutes
meeting-place = Place: { $place }
meeting-chosen = Time chosen: { $when }
meeting-chosen-mark = chosen
meeting-not-chosen = No time chosen yet.
meeting-ics = Download the invitation (.ics)
meeting-slots = Proposed times
meeting-answers-help = Say for each time whether you can make it. You can change your answer later.
answer-yes = yes
answer-no = no
meeting-save-answers = Save availability
err-no-answer = Say for at least one time whether you can make it.
meeting-choose = Choose the time
meeting-choose-help = The lead party or whoever planned the meeting chooses the time. All members of the parties then get an invitation, in Volkshuis and by mail (as they chose for their notices).
meeting-choose-field = Time
meeting-choose-button = Choose this time and send the invitation
err-choose = Choose one of the proposed times.
meeting-agenda = Agenda
meeting-agenda-save = Save the agenda
meeting-minutes = Minutes
meeting-minutes-save = Save the minutes
meeting-text-empty = Nothing written yet.
meeting-back = All meetings of this cycle
slot = { $day } { $date }, { $start }–{ $end }
day-mon = Monday
day-tue = Tuesday
day-wed = Wednesday
day-thu = Thursday
day-fri = Friday
day-sat = Saturday
day-sun = Sunday
meeting-invite-subject = Invitation: { $title }, { $when }
meeting-invite-notice = { $org } chose { $when } for the meeting { $title }
meeting-invite-body =
    { $org } chose the time for the meeting { $title } of { $cycle }: { $when }.

    Add it to your calendar with the invitation (.ics): { $ics }
    The meeting in Volkshuis, with agenda and minutes: { $link }
meeting-invite-place = Place: { $place }
meeting-invite-agenda = Agenda:
times-title = My meeting times
times-intro = When can you meet? For meetings on performance agreements Volkshuis only proposes times that suit everyone who filled this in: mornings before 9:00 or evenings, on working days. Your evening may begin at 17:30 at the earliest. What you give here applies to all your meetings.
times-defaults = You have not said anything yet; the usual times apply: every working day, mornings from 7:30 to 9:00 and evenings from 19:00 to 22:00.
times-weekdays = On which days can you?
times-morning = Mornings, before 9:00
times-morning-from = Mornings from
times-evening = Evenings (from 17:30 at the earliest)
times-evening-from = Evenings from
times-evening-until = Evenings until
times-save = Save
times-back = Back to the meeting
err-time = Enter a time such as 7:30 or 19:00.
err-weekdays = Choose at least one day.
err-edges = Choose mornings, evenings or both.
err-morning-from = A morning meeting ends at 9:00: choose a time before 9:00.
err-evening-until = The end of the evening is after its start, and after 17:30.
overview = National overview
overview-intro = Every municipality with a cycle on the platform: the newest cycle, its phase and whether bids are late.
overview-none = There is no cycle on the platform yet.
col-bids = Bids in
col-signed = Signed
col-late = Late
late = late
provisional = { $date } (not yet decreed)
no-decree = { $date } (no decree known for this year)
mail-bid-reminder-subject = Reminder: the bid for { $cycle } by { $date }
mail-bid-reminder-body =
    The bid of { $org } for { $cycle } is due at the municipality and the tenant organisations by { $date } (before 1 July, Woningwet art. 44). It has not been sent yet; record the board's approval too.

    To the bid: { $link }
notice-bid-reminder = Send the bid for { $cycle } by { $date }
documents = Documents
documents-help = Housing policy (woonvisie or volkshuisvestingsprogramma), market studies, the bid as a file. A document in your own space is seen by your organisation only.
documents-none = No documents yet.
document-kind = Kind of document
document-kind-woonvisie = Housing policy (woonvisie or volkshuisvestingsprogramma)
document-kind-market-study = Market study
document-kind-bid = Bid
document-kind-other = Other
document-file = File
document-shared = Put it in the shared space
document-upload = Add document
document-by = { $org }, { $date }
addenda = Addenda
addenda-none = No addenda.
addendum-add = Record an addendum
addendum-title = Record an addendum
addendum-intro = An addendum records a change the parties agreed after signing, such as the target for a later year. The signed text stays as signed; the previous target is kept.
addendum-agreed-on = Agreed on
addendum-body = What was agreed
addendum-target = Change a target (optional)
addendum-new-target = New target
addendum-check = Check
addendum-confirm = Yes, record the addendum
addendum-summary = You record an addendum the parties agreed on { $date }. It then shows with the agreements and in the timeline.
addendum-summary-target = You change the { $year } target of "{ $commitment }" from { $old } to { $new }. The previous target is kept with the addendum.
addendum-not-signed = An addendum changes signed agreements: only possible in the monitoring phase.
addendum-changed = target { $year }: { $old } → { $new }
addendum-confirm-title = Record the addendum?
addendum-back = Back to the form
addendum-not-lead = Only the party that leads the phases (usually the municipality) records an addendum. Ask that party to record the agreed addendum.
addendum-summary-body = What was agreed: { $body }
err-addendum-future = This date is after today: record an addendum once it has been agreed.
err-addendum-before-signing = The agreements were signed on { $date }: an addendum is from that day or later.
cite = Cite what your members said
cite-diagnosis = Yearly diagnosis { $year } with { $corporation }
cite-diagnosis-scored = Yearly diagnosis { $year } with { $corporation }: golden rules on average { $average } of 5
cite-message = Message of { $group } to its members: { $subject }
err-cite = Choose from what your own members said.
facts-initiatives = Residents' initiatives in the municipality (Initiatives)
facts-initiatives-value = { $year }: { $initiatives ->
    [one] 1 initiative
   *[other] { $initiatives } initiatives
} with { $participants } participants, { $volunteers } volunteers, { $jobs } jobs for people far from the labour market and { $visitors } visitors
