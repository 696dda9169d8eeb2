# The dashboard: what needs doing, the organisation to work in, the modules, recent changes in plain sentences.

todo-heading = What needs doing
todo-heading-read-only = What is going on
todo-intro-read-only = You can read this; colleagues with another role deal with it.
todo-none = Nothing is waiting for you now. New requests, questions and deadlines appear here.
todo-theirs = waiting for the other party
todo-by = by { $date }
todo-date-not-decreed = { $date } (not yet decreed)
todo-date-no-decree = { $date } (no decree known)
todo-today = today
todo-left =
    { $n ->
        [one] { $n } day left
       *[other] { $n } days left
    }
todo-late =
    { $n ->
        [one] { $n } day late
       *[other] { $n } days late
    }

# Lines of work. $party is the other organisation, $title a case's or contract's title.
line-answer = Give your answer to “{ $title }” from { $party }
line-decide = Decide on the advice of { $party } on “{ $title }” and give your reasoned reply
line-decide-view = Decide on the view of { $party } on “{ $title }” and give your reply
line-wait-answer = { $party } answers “{ $title }”
line-wait-decision = { $party } decides on your answer to “{ $title }”
line-question = Answer the question about “{ $title }” (asked on { $date })
line-wait-question = The corporation answers your question about “{ $title }” (asked on { $date })
line-budget = Account for the { $year } budget from { $party }
line-proposal = { $party } wants you as its consultation partner: accept or decline
line-wait-proposal = { $party } decides on your proposal to become consultation partners
line-message = Approve or reject the message “{ $subject }” from { $group }
line-contributions =
    { $count ->
        [one] 1 contribution to “{ $title }” awaits your review
       *[other] { $count } contributions to “{ $title }” await your review
    }
line-report = Report your social-return contributions to “{ $title }” for this period ({ $owed } to go)
line-ended-short = “{ $title }” ended { $owed } short: record the settlement
line-ended-short-supplier = “{ $title }” ended { $owed } short
line-at-risk = “{ $title }” will not meet its obligation at this pace ({ $owed } to go)
line-blind-spot =
    { $count ->
        [one] { $area }: 1 home without a voice
       *[other] { $area }: { $count } homes without a voice
    }
area-without-complex = Units without a complex
line-fading = { $group } has had no activity for a year
line-fading-many = { $count } groups have had no activity for a year
line-missed-meeting = { $group } held no members' meeting in { $year }
line-join-requests =
    { $count ->
        [one] 1 new request to join { $group }
       *[other] { $count } new requests to join { $group }
    }
line-import-errors =
    { $count ->
        [one] { $file } had 1 error when read: correct the file and read it again
       *[other] { $file } had { $count } errors when read: correct the file and read it again
    }
line-import-report = The last stock file read had errors (error report of { $date }): correct it and read it again
line-failed-mail =
    { $count ->
        [one] 1 e-mail could not be delivered
       *[other] { $count } e-mails could not be delivered
    }
line-no-admin = { $org } has no administrator: nobody there can invite members
line-no-admin-many = { $count } organisations have no administrator
line-decree = Enter the Besluit gelijkstelling (decree of days equal to holidays) for { $year }: deadlines in that year are not yet fixed
line-no-organisation = Create the first organisation (a corporation, tenant organisation or municipality) and invite its administrator

# Organisations.
landing-waiting =
    { $n ->
        [0] nothing waiting
        [one] 1 waiting for you
       *[other] { $n } waiting for you
    }

# Module cards: only what Volkshuis has.
modules-heading = Your modules
module-stock = Housing stock
module-stock-about = Complexes and units, the map and reading in the stock file.
module-participatie = Participation
module-participatie-about = The groups that speak for tenants, their activity and the coverage.
module-coverage = Coverage of participation
module-coverage-about = How many tenants of the corporations have a voice, per area.
module-overleg = Consultation
module-overleg-about = Information, advice and consent requests with their legal deadlines.
module-afspraken = Performance agreements
module-afspraken-about = The yearly bid, the negotiation, the signing and the monitoring of the agreements in the municipality.
module-social-return = Social return
module-social-return-about = Contracts with a social-return obligation and what was delivered.
module-signalering = Early signals
module-signalering-about = Early signals of rent arrears to the municipality, and soft signals to partners with the tenant's consent.
module-nazorg = Aftercare
module-nazorg-about = Homes sold to their tenants: the talk before the sale, the purchase coach, the checks after three and six years, and healthy owners' associations.
module-initiatieven = Initiatives
module-initiatieven-about = Residents' initiatives the corporation helps to grow with space, budget and a coach; neighbourhood budgets; the register of social enterprises.
module-platform = Platform administration
module-platform-about = Organisations, users, the audit log, the outgoing mail and the holidays for deadlines.

# Recent changes. $actor is a person's name or "Volkshuis".
recent-system = Volkshuis
recent-unnamed = (name unknown)
role-noun-admin = administrator
role-noun-staff = staff member
role-noun-read-only = reader
recent-login = { $actor } logged in
recent-logout = { $actor } logged out
recent-switch = { $actor } started working for { $org }
recent-password-link = { $actor } sent { $user } a link to set a password
recent-set-password = { $actor } set a new password for { $user }
recent-set-own-password = { $user } changed their own password
recent-user-create = { $actor } created an account for { $user }
recent-user-update = { $actor } changed the account of { $user }
recent-user-locale = { $actor } chose another interface language
recent-membership-create = { $actor } added { $user } to { $org } as { $role }
recent-membership-joined = { $actor } joined { $org } as { $role }
recent-membership-update = { $actor } made { $user } { $role } at { $org }
recent-membership-delete = { $actor } removed { $user } from { $org }
recent-org-create = { $actor } created the organisation { $org }
recent-org-update = { $actor } changed the details of { $org }
recent-org-gemeenten = { $actor } set the municipality codes of { $org }
recent-invitation-create = { $actor } invited { $user } to { $org } as { $role }
recent-invitation-accept = { $actor } accepted the invitation of { $org }
recent-invitation-decline = { $actor } declined the invitation of { $org }
recent-invitation-withdraw = { $actor } withdrew the invitation of { $user } to { $org }
recent-token-create = { $actor } created the API key “{ $name }”
recent-token-revoke = { $actor } revoked the API key “{ $name }”
recent-units-import =
    { $count ->
        [one] { $actor } imported 1 unit from { $file }
       *[other] { $actor } imported { $count } units from { $file }
    }
recent-units-import-skipped =
    { $count ->
        [one] { $actor } imported 1 unit from { $file }
       *[other] { $actor } imported { $count } units from { $file }
    } and skipped { $skipped ->
        [one] 1 row
       *[other] { $skipped } rows
    } with errors
recent-area-codes =
    { $count ->
        [one] { $actor } filled in the area codes of 1 unit from its position
       *[other] { $actor } filled in the area codes of { $count } units from their positions
    }
recent-areas-import = { $actor } read in { $count } areas of { $year }
recent-vera-import = { $actor } read in { $count } VERA codes
recent-decree-create = { $actor } added the decree “{ $name }”
recent-outbox-read = { $actor } read a message in the outgoing mail
recent-case-admin-open = { $actor } opened the case “{ $title }” as platform administrator
recent-partner-propose = { $actor } proposed { $org } as consultation partner
recent-partner-accept = { $actor } accepted the consultation partnership with { $org }
recent-partner-decline = { $actor } declined the consultation partnership with { $org }
recent-meeting-create = { $actor } scheduled the meeting “{ $title }”
recent-minutes-update = { $actor } recorded the minutes of “{ $title }”
recent-budget-set = { $actor } set the { $year } budget for { $org }
recent-budget-line = { $actor } booked a spending on the { $year } budget from { $org }
recent-budget-account = { $actor } accounted for the { $year } budget from { $org }
recent-group-create = { $actor } registered the group { $group }
recent-group-update = { $actor } changed the group { $group }
recent-group-criteria = { $actor } checked { $group } against the criteria of the Overlegwet
recent-group-end = { $actor } ended the group { $group }
recent-group-recognise = { $actor } recognised { $group } under the Overlegwet
recent-group-unrecognise = { $actor } withdrew the recognition of { $group }
recent-join-requests-read = { $actor } read the requests to join { $group }
recent-join-request-handled = { $actor } handled a request to join { $group }
recent-message-approve = { $actor } approved the message “{ $subject }”
recent-message-reject = { $actor } rejected the message “{ $subject }”
recent-letters = { $actor } made the letter list for “{ $subject }”
recent-contacts-import = { $actor } read in contact details of { $count } tenants
recent-contract-create = { $actor } registered the contract “{ $title }”
recent-contract-settle = { $actor } recorded the settlement of “{ $title }”
recent-contract-remove-coordinator = { $actor } removed the coordinator of “{ $title }” (it was not a coordinator of the buyer)
recent-table-create = { $actor } saved the valuation table “{ $name }”
recent-coordinator-add = { $actor } added { $org } as social-return coordinator
recent-contribution-report = { $actor } reported a contribution to “{ $title }”
recent-contribution-approve = { $actor } approved a contribution to “{ $title }”
recent-contribution-reject = { $actor } rejected a contribution to “{ $title }”
recent-contribution-tenant = { $actor } marked a contribution to “{ $title }” as work for one of its own tenants
recent-contribution-revalue = { $actor } revalued a contribution to “{ $title }” under the current rules
recent-tenant-marks-read = { $actor } looked at which contributions to “{ $title }” concern its own tenants
recent-candidate-names-read = { $actor } looked at the candidates' names for “{ $title }”
recent-candidate-names-purge = { $actor } deleted the candidates' names for “{ $title }” after the retention period
recent-evidence-read = { $actor } opened the evidence { $file } of “{ $title }”
recent-calendar-create = { $actor } set up a calendar subscription
recent-calendar-regenerate = { $actor } made a new calendar address; the old one no longer works
recent-calendar-revoke = { $actor } revoked the calendar address
recent-notice-settings = { $actor } chose how notices arrive by e-mail
recent-meeting-update = { $actor } set the time and place of “{ $title }”
recent-public-contact = { $actor } changed the residents' contact of { $org } on the Join in page
recent-unknown-named = { $actor } recorded a change to { $subject }
recent-unknown = { $actor } recorded a change
recent-pa-open = { $actor } opened the cycle { $cycle }
recent-pa-move = { $actor } moved { $cycle } to the phase { $phase }
recent-pa-sign = { $actor } signed { $cycle } on behalf of { $org }
recent-pa-signed = { $actor } put the last signature under { $cycle }; monitoring begins
recent-pa-send-bid = { $actor } sent the bid of { $org } for { $cycle }
recent-pa-commitment = { $actor } added an agreement to { $cycle }
recent-pa-actual = { $actor } recorded an actual in { $cycle }
recent-pa-share-note = { $actor } shared a note of { $org } in { $cycle }
recent-pa-agenda = { $actor } put an item on the agenda of { $cycle }
recent-pa-position = { $actor } gave the position of { $org } in { $cycle }
recent-pa-draft = { $actor } saved version { $version } of the draft text of { $cycle }
recent-pa-dispute = { $actor } opened a dispute about { $cycle } on behalf of { $org }
recent-pa-dispute-position = { $actor } gave the position of { $org } in the dispute about { $cycle }
recent-pa-bid-save = { $actor } worked on the bid for { $cycle }
recent-pa-bid-activity = { $actor } added an activity to the bid for { $cycle }
recent-pa-bid-activity-remove = { $actor } removed an activity from the bid for { $cycle }
recent-pa-note = { $actor } wrote the note { $note } for { $cycle }
recent-pa-meeting-plan = { $actor } planned the meeting { $meeting } in { $cycle }
recent-pa-meeting-availability = { $actor } said when the meeting { $meeting } in { $cycle } suits
recent-pa-meeting-choose = { $actor } chose { $when } for the meeting { $meeting } in { $cycle }
recent-pa-meeting-agenda = { $actor } updated the agenda of the meeting { $meeting } in { $cycle }
recent-pa-meeting-minutes = { $actor } recorded the minutes of the meeting { $meeting } in { $cycle }
recent-pa-edge-preferences = { $actor } gave their own meeting times
pa-phase-kennisvergaring = gathering knowledge
pa-phase-bod = bid
pa-phase-onderhandeling = negotiation
pa-phase-ondertekening = signing
pa-phase-monitoring = monitoring
pa-phase-geschil = dispute
recent-pa-document = { $actor } put a document in the shared space of { $cycle }
recent-pa-own-document = { $actor } kept the document { $note } for { $cycle }
recent-pa-addendum = { $actor } recorded an addendum to { $cycle }
recent-sg-ledger = { $actor } uploaded an arrears ledger: { $households ->
    [one] 1 household
   *[other] { $households } households
}, { $signalled } of them to be signalled
recent-sg-settings = { $actor } changed the settings of Early signals
recent-sg-bucket-create = { $actor } created a bucket for signals
recent-sg-bucket-delete = { $actor } removed a bucket for signals
recent-sg-bucket-reorder = { $actor } changed the order of the buckets
recent-sg-contact = { $actor } recorded a contact attempt on a signal
recent-sg-outcome = { $actor } recorded the result of a signal
recent-sg-move = { $actor } moved a signal to another bucket
recent-sg-pause = { $actor } paused debt collection for a picked-up signal
recent-sg-resume = { $actor } resumed debt collection for a signal
recent-sg-eviction = { $actor } recorded an eviction on a signal
recent-sg-read-ledger = { $actor } viewed the details of { $persons ->
    [one] 1 household
   *[other] { $persons } households
} in the arrears ledger
recent-sg-read-signals = { $actor } viewed the details of { $persons ->
    [one] 1 household
   *[other] { $persons } households
} in signals
recent-sg-read-soft = { $actor } viewed { $persons ->
    [one] 1 soft signal
   *[other] { $persons } soft signals
}
recent-sg-purge-households = { $actor } deleted { $deleted ->
    [one] 1 household
   *[other] { $deleted } households
} from an arrears ledger after its retention period
recent-sg-purge-signals = { $actor } deleted { $deleted ->
    [one] 1 signal
   *[other] { $deleted } signals
} after their retention period
recent-sg-purge-soft = { $actor } deleted { $deleted ->
    [one] 1 soft signal
   *[other] { $deleted } soft signals
} after their retention period
recent-join-requests-purge = { $actor } deleted { $deleted ->
    [one] 1 tenant's request to join a group after its retention period
   *[other] { $deleted } tenants' requests to join a group after their retention period
}
recent-buyers-purge = { $actor } deleted the data of { $buyers ->
    [one] 1 buyer
   *[other] { $buyers } buyers
} after the aftercare
recent-outbox-purge = { $actor } deleted { $deleted ->
    [one] 1 message from the outbox after its retention period
   *[other] { $deleted } messages from the outbox after their retention period
}
recent-sg-soft-create = { $actor } recorded a soft signal
recent-sg-soft-refer = { $actor } referred a soft signal to a partner with the tenant's consent
recent-sg-referral-partner-add = { $actor } put { $org } on the list of referral partners for soft signals
recent-sg-referral-partner-remove = { $actor } took { $org } off the list of referral partners for soft signals
recent-nz-coach-partner-add = { $actor } put { $org } on the list of purchase coach partners
recent-nz-coach-partner-remove = { $actor } took { $org } off the list of purchase coach partners
recent-sg-soft-answer = { $actor } answered a referral
recent-sg-soft-withdraw = { $actor } recorded that the tenant withdrew the consent to a referral
recent-sg-ledger-sent = { $actor } sent { $signalled ->
    [one] 1 signal
   *[other] { $signalled } signals
} from an arrears ledger
recent-sg-ledger-dropped = { $actor } uploaded a new ledger; the previous one, not yet sent, lapsed
line-checks-overdue = { $count ->
    [one] 1 check after the sale of a home is overdue
   *[other] { $count } checks after the sale of homes are overdue
}
line-referrals = { $count ->
    [one] 1 referred soft signal waits for your answer (accept or decline)
   *[other] { $count } referred soft signals wait for your answer (accept or decline)
}
line-signals-open = { $count ->
    [one] 1 early-warning signal waits for a result
   *[other] { $count } early-warning signals wait for a result
}
line-sign-cycle = Sign the performance agreements “{ $title }”
line-bid-due = Send the bid for the performance agreements “{ $title }”
line-negotiating = Conclude the negotiations on the performance agreements “{ $title }”
recent-nz-sale = { $actor } recorded the sale of a home to its tenant
recent-nz-coach = { $actor } assigned a purchase coach
recent-nz-talk = { $actor } recorded the talk before a sale
recent-nz-buyback = { $actor } recorded a buy-back
recent-nz-log = { $actor } wrote in the purchase coach's log
recent-nz-checklist = { $actor } saved version { $version } of the talk checklist
recent-nz-check = { $actor } recorded a check after a sale
recent-nz-action = { $actor } added a follow-up action
recent-nz-action-done = { $actor } completed a follow-up action
recent-nz-settings = { $actor } changed the years of the checks after a sale
recent-nz-read = { $actor } viewed the data of { $persons ->
    [one] 1 buyer
   *[other] { $persons } buyers
}
recent-in-create = { $actor } brought in the initiative “{ $title }”
recent-in-update = { $actor } updated an initiative
recent-in-stage = { $actor } moved an initiative to another stage
recent-in-log = { $actor } wrote in an initiative's log
recent-in-coach = { $actor } assigned a coach to an initiative
recent-in-publish = { $actor } published an initiative
recent-in-withdraw = { $actor } took an initiative off the public page
recent-in-lend = { $actor } lent space to an initiative
recent-in-agreement = { $actor } recorded an agreement with an initiative
recent-in-grant = { $actor } granted money to an initiative
recent-in-spend = { $actor } recorded an initiative's spending
recent-in-outcome = { $actor } recorded an initiative's outcome
recent-in-budget = { $actor } set a liveability budget
recent-in-photo = { $actor } added a photo to an initiative's outcome
