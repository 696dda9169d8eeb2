### Texts of the Overleg (consultation) module.

title = Consultation
intro-tenant = What awaits us: requests from the landlord, the nearest deadline first.
intro-corporation = Requests to the tenant organisations, with their legal deadlines.
open = Open
all = All cases
none = There are no cases.
new = New request
col-title = Title
col-party = With
col-kind = Kind
col-stage = Status
col-deadline = Deadline
days-left =
    { $n ->
        [one] { $n } day left
       *[other] { $n } days left
    }
due-today = today
days-late =
    { $n ->
        [one] { $n } day past the deadline
       *[other] { $n } days past the deadline
    }
late-org = Deadline passed without an answer
late-corp = Landlord's reply overdue
partners = Consultation partners
partners-none = No consultation partners yet.
new-no-partner = { $org } has no tenant organisation to consult yet, and a request always goes to such a partner. First propose one under Consultation partners; once the tenant organisation accepts, you can send a request here.
new-no-partner-link = To the consultation partners
add-partner = Propose as consultation partner (the tenant organisation accepts)
agreed-weeks = Term in weeks (empty: 6 weeks; for an advice request that is the legal term, for consent and a view the date you ask)
weeks =
    { $n ->
        [one] { $n } week
       *[other] { $n } weeks
    }
year = Year overview
stage-informed = For information
stage-awaiting-answer = Awaiting answer
stage-awaiting-decision = Awaiting decision
stage-closed = Closed
kind-information = Information (informatierecht)
kind-advice = Request for advice (adviesrecht)
kind-consent = Request for consent (instemmingsrecht)
kind-view = Request for a view (zienswijze)
subject-maintenance = Maintenance and improvement
subject-demolition = Demolition, renovation, acquisition, sale and encumbrance
subject-allocation = Allocation and letting
subject-rent = Lease terms and rent policy
subject-service-package = Service package
subject-service-costs = Service costs and utilities
subject-merger = Merger
subject-liveability = Liveability and restructuring
subject-care = Housing for the elderly, disabled and care
subject-other = Other
answer-advice = Advice
answer-no-objection = No objection
answer-consent-given = Consent
answer-consent-conditions = Consent with conditions
answer-consent-refused = Consent refused
answer-view = View
decision-followed = Advice followed
decision-partly = Advice partly followed
decision-not = Advice not followed
decision-view-followed = View followed
decision-view-partly = View partly followed
decision-view-not = View not followed
step-sent = Sent by the landlord
step-received = Received by the organisation
step-opened = Opened by the organisation
step-commented = Internal comment
step-asked = Request for information
step-question-answered = Question answered
step-answered = Answered
step-decided = Decision recorded
step-document = Document added
field-partner = Tenant organisation
field-kind = Kind of request
field-subject = Subject (Overlegwet)
field-title = Title
field-explanation = Explanation
field-received = Received by the organisation on
field-received-help = The term runs from the day the organisation receives the request.
field-received-earlier = The organisation received this request before, outside Volkshuis (by letter, for example): the term runs from that day
err-received-earlier = This day is before today. A request you send here reaches the organisation today; if it received it before, outside Volkshuis, tick that below.
field-documents = Documents (PDF, Word, Excel, PowerPoint or OpenDocument; at most 10 MB per file)
send = Send request
err-consent-subject = Consent can only be asked on service costs and utilities (art. 5a Overlegwet).
err-term-short = The advice term is at least 6 weeks.
err-not-partner = Choose a tenant organisation you consult.
err-file-type = { $name }: only PDF and Office files are allowed.
err-file-size = { $name }: the file is larger than 10 MB.
err-files-again = Choose the files again: a browser does not keep them after an error.
err-date = Enter a date.
err-spent-later = An expense has been made, so not after today.
err-spent-other-year = This expense does not fall in { $year }: it belongs to the budget of its own year.
err-received-future = The day of receipt lies in the future. Enter the day the organisation received the request.
err-received-before-law = That day lies before 1 July 1998, when the Overlegwet came into force. Check the year.
err-weeks = Enter a number of weeks from 6 to 52.
err-no-answer-expected = Information needs no answer; feel free to ask a question.
err-already-answered = This request was answered already; the answer sent is shown below. Nothing was sent again.
err-closed = This case is closed; nothing more can be added.
err-answer-fit = This answer does not fit this kind of request.
err-text-required = Write out the advice, view or conditions.
err-nothing-to-decide = There is no advice or view to decide on (yet).
err-reply-required = Give a reasoned written reply when you do not (fully) follow the advice (art. 5(3) Overlegwet).
conflict = Someone else updated this case in the meantime. Below is the case as it is now; your text is not lost.
your-text = Your unsent text
deadlines = Deadlines
answer-deadline = Answer by
reply-deadline = Decision and reasoned reply by
execution = Carrying out the plan
exec-awaiting = Only after the decision on the advice.
exec-without-answer = If no answer comes, the landlord may carry out the plan from
exec-not-without-consent = Not without the organisation's consent (art. 5a); a dispute goes to the Huurcommissie.
exec-from = May be carried out from
request = Request
received-on = Received on
complexes = Complexes
answer = The organisation's answer
answer-kind = Our answer
answer-text = Advice, view or conditions
answer-submit = Send answer
answered-on = Received by the landlord on
not-answered = No answer yet.
decision = The landlord's decision
decision-field = Decision
reply-text = Reasoned reply (required when the advice is not or partly followed)
decision-submit = Send decision
decided-on = Received by the organisation on
informed-note = This is information; no answer is asked. If you have questions, ask them below.
comments = Internal discussion
comments-help = Visible only to the members of your own organisation.
comments-none = No comments yet.
comment-field = Comment
comment-submit = Post
questions = Requests for information
questions-none = No questions.
question-field = Your question to the landlord
question-submit = Ask
question-answer-field = Answer
question-answer-submit = Answer
question-open = Not answered yet; the landlord answers as soon as possible (art. 3 Overlegwet).
asked-on = Asked on
documents = Documents
documents-none = No documents.
trail = History
print = Print or save as PDF
back = Back to consultation
printed-on = Printed on
year-title = Consultation in { $year }
year-requests = Requests by kind
year-org-on-time = Answered within the term (organisation)
year-corp-on-time = Decision within 14 days (landlord)
year-followed = Advice followed
year-partly = partly followed
year-not = not followed
year-previous = Previous year
year-field = Year
year-next = Next year
meetings = Consultation meetings
meetings-missing = No consultation meeting with { $org } this year yet; the Overlegwet asks for at least one a year.
add-meeting = Plan a meeting
field-date = Date
field-meeting-title = Description
agenda = Agenda
agenda-none = No agenda items yet.
field-item = Agenda item
add-item = Add agenda item
minutes = Minutes
minutes-none = No minutes yet.
minutes-save = Save minutes
budget = Budget (art. 7 Overlegwet)
budget-none = No budget recorded yet.
budget-amount = Agreed amount
budget-spent = Spent
budget-left = Left
budget-set = Record budget
budget-account-by = Account for it by
budget-accounted = Accounted for on
budget-account = Accounting done
budget-account-title = Close the accounting for { $year }?
budget-account-effect = You record that your organisation has accounted for the { $year } budget: { $spent } spent of { $amount }. The corporation is told.
budget-account-final = After this no more expenses can be added to this budget; closing cannot be undone.
budget-account-yes = Yes, close the accounting
budget-account-back = Back, close nothing
err-budget-accounted = The accounting for this budget has been closed; no more expenses can be added.
budget-add-line = Add spending
budget-open = Budget and spending
field-category = Kind of spending
field-description = Description
field-amount = Amount (€)
err-amount = Enter an amount, for example 1,250.00.
cat-training = Training
cat-experts = Experts and advice
cat-meetings = Meeting costs
cat-communication = Communication with members
cat-memberships = Memberships
cat-other = Other
dash-open = Open cases
dash-late = Past the deadline, your step
dash-late-theirs = Past the deadline, the other party's step
dash-next = Next deadline
dash-open-questions = Unanswered questions
notifications = Notifications
mark-read = Mark as read
mail-deadline-line = Answer by { $date }.
mail-reminder-subject = Reminder: { $n ->
        [one] { $n } day
       *[other] { $n } days
    } left for { $title }
mail-reminder-body =
    The term for your answer to "{ $title }" from { $corporation } ends on { $date } ({ $n ->
        [one] { $n } day
       *[other] { $n } days
    } left).

    See the request: { $link }
mail-reply-subject = Reminder: reasoned reply on { $title } due { $date }
mail-reply-body =
    { $tenant } gave advice on "{ $title }". If you do not (fully) follow it, your reasoned reply must reach the organisation by { $date } (art. 5(3) Overlegwet).

    Record the decision: { $link }
mail-budget-subject = Reminder: account for the { $year } budget by { $date }
mail-budget-body =
    The budget { $corporation } paid for { $year } must be accounted for by { $date } (art. 7 Overlegwet).

    Go to the budget: { $link }
notice-reminder = { $n ->
        [one] { $n } day
       *[other] { $n } days
    } left for your answer to: { $title }
notice-reply = Decision and reply on advice due { $date }: { $title }
notice-budget = Account for the { $year } budget by { $date }

## Rules next to the deadlines (law names and article references stay Dutch)
rule-advice-term = 6 weeks after receipt (art. 5 Overlegwet)
rule-agreed-advice-term = { $weeks } weeks after receipt, as agreed (art. 5 Overlegwet: at least 6 weeks)
rule-requested-term = { $weeks } weeks after receipt, as the corporation asks (the law sets no term for this)
rule-reply-term = 14 days after receipt of the advice (art. 5 lid 3 Overlegwet)
rule-execution-term = 3 days after receipt of the reasoned reply (art. 5 lid 4 Overlegwet)
rule-execution-next-day = the plan may be carried out from the day after
rule-budget-term = 2 months after the end of the year (art. 7 Overlegwet)
rule-advice-term-ended = the term ended without advice (art. 5 lid 4 onder b Overlegwet)
rule-advice-term-ended-before-advice = the term ended before the answer came in (art. 5 lid 4 onder b Overlegwet)
rule-no-objection = no objection in writing (art. 5 lid 4 onder a Overlegwet)
rule-consent-given = consent given (art. 5a Overlegwet)
rule-consent-conditions = consent given under conditions (art. 5a Overlegwet): only within those conditions
rule-advice-followed = advice followed
rule-non-working-day = ends on { $day }, so on the next working day (art. 1 Algemene termijnenwet)
rule-two-working-days = extended until it includes two working days (art. 2 Algemene termijnenwet)
day-off-saturday = a Saturday
day-off-sunday = a Sunday
holiday-new-years-day = New Year's Day
holiday-easter-monday = Easter Monday
holiday-kings-day = King's Day
holiday-liberation-day = Liberation Day (5 May)
holiday-ascension-day = Ascension Day
holiday-whit-monday = Whit Monday
holiday-christmas-day = Christmas Day
holiday-boxing-day = Boxing Day
holiday-good-friday = Good Friday
day-off-decreed = a day decreed equal to a holiday
deadline-provisional = { $date } (not yet decreed: no Besluit gelijkstelling covers that year yet, so a day still to be decreed may move the date)
deadline-no-decree = { $date } (no decree known for that year: Volkshuis does not know the days then decreed equal to a holiday, so the date may be later)
answer-check = Check the answer
decision-check = Check the decision
confirm-title = Check and confirm
confirm-intro = This has legal effect. Read what you give; it is sent only when you confirm.
summary-consent-given = You consent to “{ $title }”; the corporation may carry this out from { $date }.
summary-consent-conditions = You consent to “{ $title }” on your conditions; the corporation may carry this out with those conditions from { $date }.
summary-consent-refused = You refuse your consent to “{ $title }”; the corporation may not carry this out without your consent.
summary-no-objection = You have no objection to “{ $title }”; the corporation may carry this out from { $date }.
summary-view-no-objection = You have no objection to “{ $title }”; the corporation sees this when it decides.
summary-advice = You advise on “{ $title }”; the corporation decides by { $date }, and if it does not follow your advice you first receive its reasoned reply.
summary-view = You give your view on “{ $title }”; the corporation records its decision on it in Volkshuis, where you will see it.
summary-advice-late = You advise on “{ $title }” after the term, which ended on { $term }: the corporation could carry out the plan from { $from } (art. 5 lid 4 onder b Overlegwet). Volkshuis sets no 14-day reply term for an advice after the term (art. 5 lid 3 names it for an advice within the term); the corporation does see your advice.
summary-decision-followed = You follow the advice on “{ $title }”; you may carry out the plan from { $date }.
summary-decision-partly = You partly follow the advice on “{ $title }”; the organisation receives your reasoned reply, and you may carry out the plan from { $date }.
summary-decision-not = You do not follow the advice on “{ $title }”; the organisation receives your reasoned reply, and you may carry out the plan from { $date }.
summary-view-decision = You record your decision on the view on “{ $title }” ({ $decision }); the organisation sees it, with your reply. For a view the law sets no term or date of execution.
confirm-your-text = Your text
confirm-send = Confirm and send
confirm-edit = Back: change
correct-title = Correct the answer
correct-note = Sent the wrong answer by mistake? You can withdraw it until { $until } and answer again, as long as the corporation has not decided; the trail keeps both.
correct-submit = Withdraw the answer
correct-summary = You withdraw your answer “{ $answer }”. { $corporation } is told; the trail keeps the withdrawn answer.
correct-effect-decision = { $corporation } can then no longer decide on it.
correct-effect-no-objection = { $corporation } may then no longer carry out the plan on the strength of this answer.
correct-effect-consent = Without your consent { $corporation } may not carry out the plan (art. 5a Overlegwet).
correct-term-open = The case then waits for your answer again, by { $date } at the latest.
correct-term-ended = The term for your answer has already ended ({ $date }): as long as you do not answer again, { $corporation } may carry out the plan without your advice or view (art. 5 Overlegwet).
correct-term-ended-consent = The term for your answer has already ended ({ $date }); you can still answer again.
correct-confirm = Yes, withdraw the answer
correct-cancel = Do not withdraw
step-answer-withdrawn = Answer withdrawn to correct it
err-correction-closed = This answer can no longer be corrected: it was sent more than 24 hours ago, or the corporation has decided on it.
err-nothing-to-withdraw = There is no sent answer to withdraw: it was withdrawn already, or no answer was sent yet. Below is where the request stands now.
err-choose-answer = Choose an answer: nothing is chosen in advance.
err-choose-decision = Choose a decision: nothing is chosen in advance.
err-unknown-complexes = These complex codes are not in your stock: { $codes }. Check them on the page Stock → Complexes.
proposals-sent = Proposed
proposals-received = Proposals to become a consultation partner
proposal-waiting = waiting for the tenant organisation to accept
proposal-accept = Accept
proposal-decline = Decline
proposal-help = Only once you accept a proposal can the corporation send you requests, and do you see its coverage figures.
# After an answer was withdrawn to correct it: the answer form with its text.
withdrawn-kept = Your answer was withdrawn. Its text is below, ready to correct: choose again what you answer and send it.
err-reply-required-view = Give a reply when you do not or only partly follow the view, so the organisation knows why. (The law sets no term for a view; Volkshuis asks for the reply.)
reply-text-view = Reply (asked for when the view is not or only partly followed)
err-term-passed = With this day of receipt the advice term ended already, on { $date }: the organisation sees the request here only now, after its term. If that is right all the same (an old request you record here, say), tick it below.
field-term-passed = Yes, the organisation received the request on { $received } and the advice term ended on { $ended }
