# Initiatieven (issue 22): neighbourhood budget — residents propose projects, the corporation checks them, households vote with a personal code sent by letter.
title = Neighbourhood budget
intro = Let the neighbourhood decide a budget: residents propose projects, you check them, and every household in the area votes with a personal code it receives by letter. The results are made public and you follow the progress of the chosen projects.
rounds-none = There are no rounds yet.
col-title = Round
col-area = Area
col-budget = Budget
col-phase = Phase
col-corporation = Corporation
phase-proposing = Proposals
phase-checking = Checking
phase-voting = Voting
phase-closed = Closed
phase-published = Results published
phases-label = Phases of the round
rules-line = Choose { $min } to { $max } projects, together no more than { $budget }.
area-gemeente = municipality { $code }
area-wijk = district { $code }
area-buurt = neighbourhood { $code }
area-complex = complex { $code }
new-title = New round
field-title = Name of the round
field-area = Area
field-area-hint = A neighbourhood code (BU…), district code (WK…) or municipality code (GM…), or the code of a complex in your stock.
field-budget = Budget (€)
field-min = Fewest projects per vote
field-max = Most projects per vote
create = Open round
err-amount = Enter an amount, for example 25000 or 25,000.00.
err-whole-number = Enter a whole number.
err-budget-not-positive = The budget must be more than zero.
err-min-below-one = A vote chooses at least one project.
err-min-above-max = The minimum cannot be more than the maximum.
err-max-above-limit = A vote chooses at most { $max } projects.
err-unknown-complex = This is not a neighbourhood, district or municipality code, nor a complex in your stock.
err-no-households = No household lives in a home of your stock in this area; nobody could vote.
households = { $count ->
    [one] 1 household in the area
   *[other] { $count } households in the area
}
public-page = Public page of the round
move-to = On to the next phase: { $phase }
move-hint-proposing = After this no more proposals come in. You can already check them now.
move-hint-checking = After this the ballot is fixed: every proposal must have been checked. Then make the voting codes and print the letters.
move-hint-voting = After this nobody can vote; the count decides which projects are funded.
move-hint-closed = After this the results are public and you follow the progress.
err-moved = The round has already moved to another phase; look at the page again.
err-last = The results are already published; there is no next phase.
err-unchecked = { $count ->
    [one] 1 proposal is still waiting to be checked.
   *[other] { $count } proposals are still waiting to be checked.
}
err-too-few-approved = { $approved } projects are approved; a vote chooses at least { $min }.
err-no-valid-ballot = No vote could be valid: the cheapest projects a vote must choose already cost more than the budget together.
projects-title = Proposals
projects-none = There are no proposals yet.
col-project = Project
col-cost = Cost
col-proposed-by = Proposed by
col-note = Note
status-submitted = waiting to be checked
status-approved = on the ballot
status-rejected = rejected
status-funded = chosen
status-underway = underway
status-done = done
decision = Decision
check-approve = Approve
check-reject = Reject
field-note = Note (public)
check-save = Save check
err-decision = Choose approve or reject.
err-past-checking = Voting has started; the ballot is fixed.
err-check-over-budget = This project costs more than the whole budget and so cannot be on the ballot.
codes-title = Voting codes and letters
codes-intro = Every household in the area receives a personal voting code by letter. The codes are shown once: print the letters or download them for the mail room, and do not keep them. Volkshuis keeps only a fingerprint of each code from which the code cannot be read. Reading the addresses is recorded in the audit log.
turnout = { $codes } codes issued, { $voted } households have voted.
codes-print = Make codes and print letters
codes-csv = Make codes and download (CSV)
codes-reissue = New codes for every household that has not voted yet
codes-reissue-hint = Only when the letters are lost or households were added: the codes on the earlier letters stop working.
err-not-voting = Voting codes are made while the round is in the Voting phase.
err-already-issued = The codes have been made already. Choose new codes if the letters are lost; the earlier codes then stop working.
err-none-left = Every household in the area has voted.
letters-title = Letters: { $title }
letters-screen-note = { $count ->
    [one] 1 letter. The codes are nowhere else: print now.
   *[other] { $count } letters. The codes are nowhere else: print now.
}
letter-residents = The residents
letter-heading = Have your say: { $title }
letter-body = { $corporation } lets the neighbourhood decide about { $budget } for { $area }. Residents have proposed projects; you choose which ones are funded.
letter-code = Your personal voting code
letter-how = Go to { $url } and enter your code there.
letter-once = Your household votes once with this code. Do not give it to anyone else.
letter-footer = Kind regards, { $corporation }
results-title = Results
results-ballots = { $count ->
    [one] 1 vote cast.
   *[other] { $count } votes cast.
}
col-votes = Votes
col-funded = Funded
funded-yes = yes
funded-no = no
progress-title = Progress
field-status = Status
field-progress = Progress (public)
progress-save = Save progress
err-not-published = You follow the progress once the results are published.
err-not-funded = Only the progress of a chosen project is followed.
public-title = Neighbourhood budget
public-intro = Here residents decide together about money for their neighbourhood. Anyone with an account can propose a project; every household in the area votes with the code from the corporation's letter.
public-explain-proposing = Propose a project now. The corporation checks the proposals; the approved ones go on the ballot.
public-explain-checking = The corporation is checking the proposals. Then every household receives a letter with a voting code.
public-explain-voting = Vote now with the code from your letter.
public-explain-closed = Voting is over. The results will follow.
public-explain-published = The results are published. Below you see how the chosen projects are getting on.
propose-title = Propose a project
field-description = What is it, and for whom?
field-cost = What does it cost (€)?
propose-submit = Submit proposal
propose-login = Log in to propose a project.
propose-sent = Thank you. Your proposal has been submitted; the corporation will check it.
err-cost = Enter the cost, more than zero, for example 1250 or 1,250.00.
err-propose-over-budget = This project costs more than the whole budget of { $budget }.
err-propose-closed = This round no longer takes proposals.
ballot-title = On the ballot
ballot-none = There are no projects on the ballot yet.
not-on-ballot-title = Not on the ballot
vote-now = Vote with your code
vote-title = Vote: { $title }
vote-intro = Enter the voting code from your letter and choose the projects you want to fund. You see your choice before you vote.
vote-not-open = You cannot vote in this round now.
field-code = Your voting code (from the letter)
code-hint = Eight characters, for example ABCD-EFGH.
choose-legend = Choose your projects
vote-check = Review my choice
summary-title = Your choice
summary-total = Together { $total } of { $budget }.
vote-confirm = Yes, this is my vote
vote-change = Change my choice
voted-thanks = Thank you. Your vote has been counted.
err-code-format = A voting code has eight characters, for example ABCD-EFGH.
err-code-unknown = This code does not belong to this round. Check the code in your letter again.
err-code-used = This code has already been used to vote. Every household votes once.
err-voting-closed = Voting in this round is not open.
err-too-few = { $min ->
    [one] Choose at least 1 project.
   *[other] Choose at least { $min } projects.
}
err-too-many = { $max ->
    [one] Choose at most 1 project.
   *[other] Choose at most { $max } projects.
}
err-over-budget = Your choice costs { $over } more than the budget together. Leave a project out.
err-duplicate = A project is in your choice twice.
err-unknown-project = A chosen project is not on the ballot of this round.
recent-round-create = { $actor } opened the neighbourhood budget round { $title }
recent-round-phase = { $actor } moved the neighbourhood budget round { $title } to the phase { $phase }
recent-round-codes = { $actor } made voting codes for { $title } ({ $count ->
    [one] 1 household
   *[other] { $count } households
})
recent-round-letters = { $actor } read the addresses for the letters of { $title }
recent-round-vote = { $actor } counted the vote of a household in { $title }
recent-project-propose = { $actor } proposed the project { $title }
recent-project-approve = { $actor } put the project { $title } on the ballot
recent-project-reject = { $actor } rejected the project { $title }
recent-project-progress = { $actor } updated the progress of the project { $title }
err-reject-note = Say why when you reject; residents read it.
err-status = Choose a status.
field-title-project = Name of the project
