### Notices of what the other party did (Overleg, Social return, Prestatieafspraken, Signalering, Initiatives, Aftercare), by mail or in a daily digest.

## Every page's header
header-notices = Notifications
header-unread = { $n ->
        [one] { $n } unread notification
       *[other] { $n } unread notifications
    }

## The page /account/notifications
page-title = Notifications
page-intro = What the other party did: requests, answers, decisions, approvals and rejections, stages and grants in Consultation, Social return, Performance agreements, Early signals, Initiatives and Aftercare. You always see them in Volkshuis; by mail as you choose below.
unread-title = Unread notifications
none-unread = You have no unread notifications.
mark-read = Mark as read
mark-all-read = Mark all as read
mail-title = Notifications by mail
mail-legend = How do you want notifications by mail?
choice-immediate = Immediately
choice-immediate-hint = A mail for every step the other party takes, as soon as it is taken.
choice-digest = Once a day
choice-digest-hint = Everything since the last digest in one mail, every evening at { $time } (Dutch time). Nothing new, no mail.
choice-none = No mail
choice-none-hint = You see notifications only here and on your dashboard.
reminders-follow = Deadline reminders follow the same choice.
save-choice = Save choice
saved = Your choice has been saved.
err-choice = Choose how you want notifications by mail.
waiting = { $n ->
        [one] { $n } notification is
       *[other] { $n } notifications are
    } waiting for the digest of { $when }.
send-now = Send the digest now
sent-now = The digest is on its way to your mail address.
nothing-waiting = Nothing is waiting for the digest.
last-digest = The previous digest went out on { $when }.

## Mail for one step
mail-by = By { $who } for { $org }.
mail-open = See it in Volkshuis: { $link }
mail-footer = You get this mail as a member of { $recipient }. Choose whether you get notifications immediately, once a day or not by mail: { $settings }

## The daily digest
digest-subject = Volkshuis: { $n ->
        [one] { $n } notification
       *[other] { $n } notifications
    } ({ $date })
digest-intro = This happened since your previous digest:
digest-footer = You get this digest every day at { $time } when there is something new. Choose how you get notifications: { $settings }

## What the other party did (the line in Volkshuis and the subject of the mail)
ev-request-sent = { $org } sent a new request ({ $kind }): { $title }
ev-answered = { $org } answered ({ $answer }): { $title }
ev-answer-withdrawn = { $org } withdrew its answer to correct it: { $title }
ev-question-asked = { $org } asked a question about: { $title }
ev-question-answered = { $org } answered a question about: { $title }
ev-decided = { $org } decided ({ $decision }): { $title }
ev-meeting-planned = { $org } planned a consultation meeting on { $date }: { $title }
ev-meeting-replanned = { $org } set the time and place of the consultation meeting on { $date }: { $title }
ev-agenda-item = { $org } added an item to the agenda of: { $title }
ev-minutes = { $org } recorded the minutes of: { $title }
ev-budget-set = { $org } set the { $year } budget at { $amount }
ev-budget-accounted = { $org } accounted for the { $year } budget
ev-partner-proposed = { $org } proposes to become consultation partners (under the Overlegwet)
ev-partner-accepted = { $org } accepted the proposal to become consultation partners
ev-partner-declined = { $org } declined the proposal to become consultation partners
ev-contract-registered = { $org } registered a contract with social return: { $title }
ev-contribution-reported = { $org } reported a social-return contribution for: { $title }
ev-contribution-approved = { $org } approved a contribution for: { $title }
ev-contribution-rejected = { $org } rejected a contribution for: { $title }
ev-settled = { $org } recorded the settlement of: { $title }
ev-coordinator-added = { $org } now works with your organisation as its social-return coordinator
calendar-title = Deadlines in your own calendar
calendar-intro = Rather have a reminder in Outlook or on your phone? Subscribe to the deadlines and meetings of your organisations.
calendar-link = Set up a calendar subscription
ev-cycle-opened = { $org } opened the performance agreements { $title }, with your organisation as a party
ev-cycle-phase = { $org } moved { $title } to the phase { $phase }
ev-cycle-bid-sent = { $org } sent its bid for { $title }
ev-cycle-signed = { $org } signed { $title }
ev-cycle-dispute = { $org } opened a dispute about { $title }
ev-cycle-addendum = { $org } recorded an addendum to { $title }
ev-signals-waiting = New early signals are waiting
ev-signal-answered = The municipality answered a signal
ev-referral-made = A new referral is waiting
ev-referral-answered = A partner answered a referral

## Initiatives and aftercare: to one person (the initiator, a coach) or to the corporation
ev-initiative-submitted = { $person } submitted a residents' initiative: { $title }
ev-initiative-stage = { $org } moved your initiative { $title } to the stage { $stage }
ev-initiative-granted = { $org } granted your initiative { $title } { $amount }
ev-initiative-coach = { $org } made you the coach of the residents' initiative { $title }
ev-koopcoach-assigned = { $org } assigned a buyer to you as koopcoach
mail-footer-personal = You receive this e-mail because it concerns you. Choose whether notices come by e-mail at once, once a day or not at all: { $settings }
ev-consent-withdrawn = The consent to a referral was withdrawn
ev-referral-partner-listed = { $org } put your organisation on its list of partners for referrals of soft signals
ev-referral-partner-unlisted = { $org } took your organisation off its list of partners for referrals of soft signals; what was already referred stays with you
