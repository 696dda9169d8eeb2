### Texts of the Social return module.

title = Social return
intro-buyer = Contracts with a social-return obligation, what suppliers contributed and what is still open.
intro-supplier = Your contracts with a social-return obligation: what you still owe and by when.
intro-coordinator = Contracts for which you coordinate social return.
contracts = Contracts
contracts-none = No contracts yet.
new-contract = New contract
tables = Valuation tables
first-needed = Needed first
first-supplier = There is no supplier in Volkshuis yet. A supplier is an organisation on the platform: ask the platform administrator to create it; then choose it here.
first-table = You have no valuation table yet: a contract is valued with the table that applied on its award date. First adopt one, for example Utrecht's or Oost-Nederland's:
tables-none = No valuation table yet. Start from an example and adapt it.
tables-none-ask-admin = No valuation table yet. An administrator of your organisation adopts one (Utrecht's, for example); then you record contracts.
add-example-utrecht = Add the Utrecht example
add-example-oost = Add the Oost-Nederland example
example = example
new-version = New version based on this one
valid-from = Valid from
source = Source
table-name = Name
full-time-hours = Hours of a full-time job
min-hours = Minimum hours a week (empty: none)
job-value = Value per full-time job-year
long-term-value = Value when long on the benefit (empty: the same)
counted-months = Counts at most (months; empty: no limit)
bonuses = Bonuses per full-time job-year
training-value = Value per training year
work-experience = Work-experience place per month
other-per-hour = Other activities per hour
purchase-share = Share of the invoice that counts (%)
threshold = Obligation from contract value
percentage = Obligation (% of contract value)
save-table = Save version
not-counted = does not count
supplier = Supplier
coordinator = Coordinator (empty: none)
buyer = Buyer
contract-title = Description of the contract
value = Value excl. VAT
starts-on = Starts on
ends-on = Ends on
awarded-on = Awarded on
obligation = Obligation
obligation-percent = Percentage of the value
obligation-fixed = Fixed amount (instead of a percentage)
obligation-suggested = By the table: { $p }% from { $threshold }.
cadence = Reporting
cadence-monthly = monthly
cadence-quarterly = quarterly
cadence-yearly = yearly
table-applies = The contract is valued with the valuation table that applied on the award date.
save-contract = Record contract
err-no-table = No table version was valid on the award date.
err-supplier = Choose a supplier.
err-dates = The end date is before the start date.
err-reported-twice = A contribution was reported from this form already (it was sent twice); it is in the list once and counts once. If this is another contribution, send the form below again.
err-amount = Enter an amount, for example 250,000.00.
err-percent = Enter a percentage, for example 5 or 2.5.
err-number = Enter a whole number.
err-date = Enter a date.
err-consent-before-award = The consent belongs to the work for this contract: a date from its award on { $date }.
err-consent-future = This day is after today: enter the day the tenant gave consent.
err-reported-later = What you report has taken place: the date is not after today.
err-awarded-later = A contract is recorded once it is awarded: the award date is not after today.
err-contract-exists = This contract is in your list of contracts already, with the same supplier, title, value and period. If it is another contract, give it a title of its own.
err-contract-twice = Another contract was already recorded from this form (it was brought back and changed). If this contract is not in the list yet, send the form again.
err-awarded-after-start = A contract is awarded before its work starts: the award date is not after the start date.
err-obligation-both = Enter a percentage or a fixed amount, not both.
err-obligation-above-value = The obligation is higher than the contract's value.
progress = Progress
approved = Approved
pending = Pending
rejected = Rejected
still-owed = Still owed
expected = Expected at this pace
days-left = Time left
days =
    { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
ended = ended
standing-fulfilled = Fulfilled
standing-on-track = On track
standing-at-risk = At risk: behind schedule
standing-overdue = Not fulfilled after the end
contributions = Contributions
contributions-none = No contributions yet.
calculation = Calculation
report = Report a contribution
kind = Kind of contribution
kind-placement = Placement (job)
kind-apprenticeship = Apprenticeship (BBL/BOL)
kind-work-experience = Work-experience place
kind-purchase = Purchase from a social enterprise or PSO firm
kind-other = Other activity
person = Candidate reference (no name or citizen number)
person-name = Name (optional; visible only to you and the coordinator)
target-group = Target group
long-term = Long on the benefit
hours-per-week = Hours a week
start = Start
end = End
training = Training route
level = Level (1–4, optional)
seller = Seller
certificate = Certificate
invoice = Invoice amount excl. VAT
invoice-date = Invoice date
description = Description
hours = Hours
evidence = Evidence (PDF or Office, at most 10 MB)
send-report = Report
err-valuation = This contribution cannot be valued: { $reason }.
approve = Approve
reject = Reject
decide-approve-summary = You approve this contribution: { $value } counts towards this contract's social-return obligation. The supplier is told. A decision is final.
decide-reject-summary = You reject this contribution, for this reason: “{ $reason }”. The { $value } does not count towards the obligation; the supplier is told and sees the reason. A decision is final.
approve-confirm = Yes, approve
reject-confirm = Yes, reject
decide-cancel = Do not decide
reason = Reason (required when rejecting)
reason-shown = Reason
coordinator-shown = Coordinator
err-reason = Give a reason when rejecting.
err-decided = This contribution was decided already.
tenant = Own tenant
tenant-cluster = The tenant's complex
tenant-consent = Tenant's consent on
mark-tenant = Mark as own tenant
settlement = Settlement
unfulfilled = Unfulfilled part
withhold = To withhold from the final payment
repair-until = Repair period until
did-all = The supplier demonstrably did all it could (withhold nothing)
note = Note
settled-on = Settled on
settle-now = Record the settlement now (after the repair period; it is final then)
settle-confirm-title = Record the settlement?
settle-summary-figures = Approved { $approved } of the obligation of { $obligation }: { $unfulfilled } is unfulfilled.
settle-summary-withhold = You withhold { $amount } from the final payment to { $supplier }.
settle-summary-all = The supplier demonstrably did all it could: you withhold nothing.
settle-summary-final = The settlement is final then: no contributions are reported or decided any more. { $supplier } is told.
settle-yes = Yes, record the settlement
settle-back = Back to the form
err-settled = The settlement was recorded on { $date } and is final: contributions can no longer be reported or decided, nor the settlement changed.
err-settle-running = The contract runs until { $date } inclusive: the settlement follows, after the repair period.
err-repair-before-end = A repair period follows the contract: choose a date after { $date }.
err-repair-running = The repair period runs until { $date } inclusive: until then the supplier may still report. Record the settlement after that.
err-settle-pending = Contributions still await your decision: decide on them first, or the settlement counts without them.
err-not-started = Report this once it has started: the start date is after today.
err-number-between = Enter a whole number from { $min } to { $max }.
portfolio = Portfolio
total-obligation = Total obligation
by-supplier = By supplier
by-group = By target group or kind
by-year = By year
tenant-jobs = Jobs for own tenants, by complex
fewer-than-five = fewer than 5
tenant-jobs-none = No jobs for own tenants recorded yet.
export-csv = Export (CSV)
export-xlsx = Export (Excel)
year-report = Annual report
year-report-title = Social return in { $year }
year-report-intro = What { $org }'s purchasing yielded in { $year } for people far from the labour market.
year-tenant-jobs = Own tenants at work in { $year }, per complex
year-tenant-jobs-none = No placements of own tenants in { $year }.
count = Count
names = Names are personal data: every view is logged.
mail-report-subject = Report social return: { $title }
mail-report-body =
    A reporting period of "{ $title }" has ended. Still owed: { $owed }; the contract runs until { $end }.

    Report your contributions: { $link }
mail-ended-subject = Social return not fulfilled: { $title }
mail-ended-body = The contract "{ $title }" with { $supplier } has ended; { $owed } is still open. Record the repair period and the settlement: { $link }
group-participatiewet = Participatiewet
group-doelgroepregister = Doelgroepregister / banenafspraak
group-wia-wao = WIA / WAO
group-ww = WW
group-statushouder = Refugee with residence permit
group-no-benefit = No benefit
bonus-age = Aged 50 or over
bonus-statushouder = Refugee with residence permit
bonus-language = Language gap
bonus-permanent = Permanent contract
cert-code-so = Code Sociale Ondernemingen
cert-se-nl = Social Enterprise NL
cert-pso-aspirant = PSO aspirant
cert-pso-1 = PSO level 1
cert-pso-2 = PSO level 2
cert-pso-3 = PSO level 3
cert-pso-30plus = PSO 30+

## A contribution's calculation, line by line
calc-below-minimum = { $hours } hours a week is less than the minimum of { $min } hours: does not count
calc-counted-months = counts for at most { $months ->
        [one] { $months } month
       *[other] { $months } months
    }: from { $start } up to and including { $until } instead of { $end }
calc-placement = { $rate } per full-time work year × { $hours }/{ $full } hours × { $period }/12 months = { $value }
calc-placement-long-term = { $rate } per full-time work year (long on a benefit) × { $hours }/{ $full } hours × { $period }/12 months = { $value }
calc-bonus = bonus { $bonus }: { $rate } × { $hours }/{ $full } hours × { $period }/12 months = { $value }
calc-apprenticeship = { $rate } per school year × { $period }/12 months = { $value }
calc-work-experience = { $rate } per month × { $count ->
        [one] { $period } month
       *[other] { $period } months
    } = { $value }
calc-purchase = { $invoice } excl. VAT × { $share }% = { $value }
calc-other = { $hours } hours × { $rate } = { $value }
calc-total = total { $value }
err-not-in-table = the valuation table has no value for { $what }
err-end-before-start = the end date is before the start date
unvalued-group = target group “{ $code }”
unvalued-bonus = bonus “{ $code }”
unvalued-training = training route “{ $code }”
unvalued-work-experience = work-experience places
unvalued-certificate = certificate “{ $code }”
unvalued-other = other activities
summary-hours-per-week = { $hours } h/wk
summary-hours = { $hours } h
training-level-value = { $training } level { $level } — { $label }

## Coordinators (issue 17, ADR 0026)
coordinators = Coordinators
coordinators-intro = Organisations you work with as social-return coordinator (the Werkgeversservicepunt, for example). Only these can be chosen as coordinator of a contract; a coordinator sees candidates' names and the evidence files.
coordinators-none = You do not work with any coordinator yet.
coordinator-add = Add a coordinator
coordinator-save = Add
err-coordinator = Choose a coordinator your organisation works with (see Coordinators), or leave the field empty.
err-coordinator-kind = Choose a partner organisation or a municipality; a supplier, corporation or tenant organisation cannot be a coordinator.

## Valuation by calendar months and within the contract period (issue 17, ADR 0026)
calc-contract-period = counts only within the contract period: from { $from } up to and including { $until } (reported: { $start } up to and including { $end })
calc-outside-contract = falls outside the contract period ({ $from } up to and including { $until }): does not count
calc-one-bonus = { $counted } and { $dropped } together are one bonus: { $counted } counts, { $dropped } does not
err-outside-contract = the contribution falls entirely outside the contract period ({ $from } up to and including { $until })
value-changes = Re-valuations
value-change = Contribution { $id }: { $old } → { $new }; { $reason } ({ $at })
reason-months-and-period = recalculated by calendar months (a whole month is a twelfth of the year value) and only for the part inside the contract period, split over the years
reason-counted-months-end = recalculated: a count of at most so many months that starts on the 29th, 30th or 31st runs to the end of a month without that day (it counted one day too few)
reason-other = recalculated
err-cluster = This complex is not in your stock. Enter the complex code as it is in your stock.
register-intro = Purchases from a social enterprise can count towards the obligation, by the buyer's valuation table.
register-link = The register of social enterprises
