### General texts: navigation, login, administration, housing stock and e-mail.

skip-to-content = Skip to content
nav-main = Main menu
nav-dashboard = Dashboard
nav-orgs = Organisations
nav-users = Users
nav-audit = Audit log
nav-outbox = Outbox
logout = Log out
footer = Volkshuis — working together on public housing
error-request-id = Request id
error-home = Go to the start page
error-title-prefix = Error:
draft-restored = Your text that was not yet sent has been put back.
err-not-found-title = Not found
err-not-found-text = This page does not exist (any more). Check the address or go back.
err-forbidden-title = No access
err-forbidden-text = You do not have access to this page. If you think this is wrong, ask the administrator of the organisation this page belongs to: they decide who may do what there.
err-forbidden-member = Your role at { $org }: { $role }.
err-forbidden-outsider = You are not a member of the organisation this page belongs to.
err-csrf-title = Form expired
err-csrf-text = This form could not be processed safely, so nothing was saved. Perhaps you were logged out meanwhile or the page was open for a long time. Copy what you typed if you wish, go back, reload the page and try again.
err-internal-title = Something went wrong
err-internal-text = Something went wrong on our side. Try again later; if it keeps failing, quote the id below.
err-busy-title = One moment
err-busy-text = The platform is busy with a large change right now, such as a file being read in. Your change was not saved; try again in a moment.
err-busy-read-text = The platform is busy with a large change right now, such as a file being read in, and could not load this page. Try again in a moment.
err-unreachable-title = Database briefly unreachable
err-unreachable-text = The connection to the database was lost and is being restored. Your change was most likely not saved: look at the page in a moment to see whether it is there, and otherwise send it again (go back: what you typed is still there).
err-unreachable-read-text = The connection to the database was lost and is being restored. Reload the page in a moment.
login-title = Log in
login-intro = Log in with the e-mail address and password of your Volkshuis account.
field-email = E-mail address
field-password = Password
login-button = Log in
login-forgot = Forgot your password?
login-failed = E-mail address or password is incorrect.
forgot-title = Forgot password
forgot-intro = Enter your e-mail address. You will receive a link to choose a new password.
forgot-button = Send the link
forgot-sent = If this address is known to us, an e-mail is on its way. The link works for one hour.
back-to-login = Back to log in
reset-title = Choose a new password
field-new-password = New password
password-hint = At least 10 characters. A sentence of a few words is strong and easy to remember.
field-confirm-password = Repeat the password
reset-button = Save password
reset-invalid = This link has expired or was already used. Request a new one.
err-password-mismatch = The passwords do not match.
account-password-title = Change password
account-password-intro = After saving, you are signed out on other devices and browsers; here you stay signed in.
field-current-password = Current password
account-password-button = Save password
err-current-password = This is not your current password.
notice-password-saved = Your new password is saved. You are signed out on other devices.
dashboard-welcome = Welcome
dashboard-your-role = Your role
dashboard-members-count = Number of members
dashboard-open-org = Members and details of the organisation
dashboard-no-orgs = You are not (or no longer) a member of an organisation. An organisation's administrator can invite you; you will see the invitation here.
dashboard-invited = You have been invited to join an organisation. Accept the invitation to begin.
dashboard-invited-link = To my invitations
dashboard-other-orgs = Your other organisations
dashboard-switch-to = Work for
dashboard-recent = Recent changes in your organisation
org-members = Members
field-name = Name
field-role = Role
actions = Actions
save = Save
remove = Remove
edit = Edit
cancel = Cancel
filter = Filter
nothing-found = Nothing found.
older = Older entries
form-has-errors = The form is not complete yet. See the messages at the fields.
org-add-member = Add member
org-no-admin = no administrator
org-new = New organisation
org-edit = Edit organisation
org-gemeenten = Municipality code(s)
org-gemeenten-none = No municipality code (CBS) has been set for this municipality yet. The platform administrator sets it; until then there are no figures to show.
org-working-area = Working area
org-working-area-help = The municipalities where the corporation has stock (from its stock file) and those declared for it.
org-area-units = { $n ->
        [one] { $n } unit
       *[other] { $n } units
    }
org-area-declared = declared
field-code = Code (short, lower case, e.g. woonstad)
org-code = Code for imports and integrations: { $code }
field-kind = Kind of organisation
field-gemeenten = Municipality codes (CBS), e.g. GM0150, GM0301: for a municipality its own territory (it sees figures only there), for a corporation its working area beside the municipalities where it has stock
field-gemeente-year = Year of the CBS boundary set the codes come from
user-new = New user
user-status = Status
user-inactive = blocked
user-password-help = Leave the password empty to e-mail the user a link to choose a password themselves.
field-password-optional = Password (optional)
field-platform-admin = Platform administrator
field-active = May log in
field-org = Organisation
field-org-optional = Organisation (optional)
user-memberships = Memberships
user-add-membership = Add membership
audit-when = When
audit-actor = Who
audit-action = Action
audit-entity = Subject
audit-before = before
audit-after = after
audit-from = From
audit-until = Until
audit-personal-only = Only reads of personal data
audit-what = What happened
audit-technical = Technical details
audit-number = Number
audit-personal = Read of personal data
audit-no-org = No organisation
audit-housekeeping = Volkshuis (automatic clean-up)
outbox-smtp-on = Mail is sent through SMTP; this lists what was sent.
outbox-smtp-off = No SMTP server is configured: mail is not sent but kept here.
outbox-kept = A message is deleted { $days } days after it was written.
outbox-to = To
outbox-subject = Subject
outbox-status = Status
outbox-secret-hidden = The personal link in this mail is shortened here: the mail goes to its recipient by e-mail, and only they choose a password with the link.
outbox-tenant = a tenant (address not shown)
outbox-tenant-body = This mail went to a tenant who is not a user of the platform (news from a residents' group). Name, address and contents are the corporation's personal data and are not shown here.
status-queued = queued
status-sent = sent
status-held = in the outbox (no SMTP)
status-failed = failed
err-required = Please fill in this field.
err-too-long = Use at most { $n } characters.
err-too-short = Use at least { $n } characters.
err-format = This is not a valid value.
err-amount-ambiguous = This amount is ambiguous: one point or comma followed by three digits can separate thousands or decimals (350.000 could also be 350 euros). Write for example 350000 or 350.000,00.
err-amount-separator-twice = This amount has two decimal signs. Write for example 1234,50 or 1.234,50.
err-amount-decimals = An amount has at most two digits after the decimal sign.
audit-purpose = Purpose
purpose-send-and-follow = sending and following up signals (landlord)
purpose-deliver-by-file = delivering signals by file to the municipality
purpose-outreach = contacting the household (municipality)
purpose-municipal-report = the municipality's reporting
purpose-soft-signals = recording and referring soft signals
purpose-referral = taking up a referral (partner)
purpose-koopcoach = guidance as koopcoach
purpose-sale-and-aftercare = sale and aftercare
err-period-reversed = This date lies before the start date: choose an end date on or after the start date.
err-day-unreadable = This date does not exist or lies before 1900 or after 2199. Write for example 17-03-2026.
err-amount-too-large = This amount is too large: Volkshuis takes amounts up to € 1,000,000,000.
err-code-format = A code holds lower-case letters (a–z), digits and hyphens, no spaces or accents, and does not begin or end with a hyphen, e.g. hv-de-sleutel.
err-control-character = This holds an invisible control character, often one pasted along from another program. Type the text again or remove the character.
err-code-taken = This code is already in use.
err-gemeente-format = { $code } is not a municipality code (GM and four digits, e.g. GM0150).
err-gemeente-unknown = Municipality code { $code } is unknown: no imported boundary and no home in any corporation's stock has this code. Are the municipality boundaries not imported yet? The server's administrator does that with “volkshuis import boundaries” (see the README).
err-boundary-year = Enter a year, e.g. 2023.
err-email-taken = This e-mail address is already in use.
err-choose = Please choose.
err-role = Choose a role.
notice-logged-out = You are logged out.
notice-not-saved = You were logged out (or your session had expired), so what you just sent was not saved. Log in; you will return to the form's page to send it again.
notice-password-changed = Your password was saved. You can log in now.
notice-saved = Saved.
notice-answer-sent = Your answer has been sent; the corporation is notified.
notice-decision-sent = The decision is recorded; the tenant organisation is notified.
notice-question-sent = Your question has been sent.
notice-question-answered = Your answer to the question has been sent.
notice-member-added = The member was added.
notice-invited = The account was created and an e-mail was sent to choose a password.
notice-session-expired = Log in to continue.
stock-title = Housing stock
stock-units = Units
stock-units-lower = units
stock-unit-lower = unit
stock-clusters = Complexes
stock-import = Import file
stock-search = Search (street, postcode, town, id)
stock-gemeente = Municipality code
stock-cbs-year = CBS municipal boundaries of { $year }
stock-wijk = District code
stock-buurt = Neighbourhood code
stock-soort = Type
stock-status = Status
stock-label = DAEB
stock-non-daeb = Non-DAEB
stock-rent-band = Net rent
stock-showing = Showing
stock-of = of
stock-address = Address
stock-postcode = Postcode
stock-town = Town
stock-cluster = Complex
stock-cluster-soort = Complex kind (VERA, e.g. VEX)
stock-rent = Net rent
stock-gross-rent = Gross rent
stock-average-rent = Avg. net rent
stock-empty-import = There is no stock yet. Import the stock file:
stock-pages = Pages
stock-previous = Previous
stock-next = Next
stock-out-of-use = Out of use (missing from a full file)
stock-position = Position
stock-built = Year built
stock-area = Usable area
stock-rooms = Rooms
stock-file-refused = The file cannot be read
stock-imported = Imported
stock-in-file = In the file:
stock-see-units = To the housing stock
stock-checked-ok = Checked: no errors
stock-checked-not-saved = Nothing has been saved yet. Choose the file again and click Import to update the stock.
stock-has-errors = The file has errors
stock-marked-missing = marked out of use
stock-missing-kept = left unchanged
stock-missing-would-mark = they go out of use if you import this file as the whole stock
stock-warning = Note
stock-nothing-saved = Nothing was saved. Correct the file and try again, or choose to import only the valid rows.
stock-download-report = Download the error report (CSV)
stock-line = Line
stock-column = Column
stock-value = Value
stock-reason = Reason
stock-upload = Import the stock file
stock-upload-help = A CSV file from your ERP or Excel, with VERA column names. You can check it first without saving anything.
stock-template = Download the template
stock-file = File
stock-valid-rows = Import the valid rows even if other rows have errors
stock-mark-missing = This is the full stock: mark missing units out of use
stock-confirm-empty-stock = The stock is now empty: a file without units may mark every unit out of use
stock-check-only = Check only
stock-import-button = Import
stock-no-file = Choose a file.
rent-lt500 = below € 500
rent-500-700 = € 500 – € 700
rent-700-lib = € 700 – { $limit } (liberalisation limit { $year })
rent-lib = above { $limit } (liberalisation limit { $year })
stock-map = Map
stock-sending = Sending the file: { $pct }%
stock-checking = Checking and importing the file…
stock-upload-failed = Sending failed. Check the connection and try again.
stock-import-running = An import for this corporation is already running. Wait until it is done, then try again.
stock-import-failed = The import was stopped by a server fault. Nothing was saved; try again later.
stock-import-unknown-title = This import is not known (any more)
stock-import-stopped-title = The import was not carried out
stock-import-unknown = The server has restarted since, or the import finished more than a day ago. If it was still running when the server stopped, it was rolled back completely: the stock is unchanged. A finished import is listed under the recent changes on your dashboard. Read the file in again if need be.
stock-running-import = Importing the file
stock-running-check = Checking the file
stock-running-hint = You can leave this page open; it updates itself. If you close it, the import carries on.
stock-refresh = Refresh
stock-again = Import another file
stock-more-than = more than { $n }
stock-map-loading = Loading the map…
stock-map-failed = The map data could not be loaded.
stock-map-bad-request = zoom (0–22) and bbox (west,south,east,north) are required
stock-map-help = Zoom in to see complexes and, at street level, single units. Without the background map the data stays visible.
stock-map-clusters = { $units ->
        [one] { $units } unit
       *[other] { $units } units
    } in { $groups ->
        [one] { $groups } group
       *[other] { $groups } groups
    } in view
stock-map-units = { $units ->
        [one] { $units } unit
       *[other] { $units } units
    } in view
read-log-title = Reads of personal data
read-log-help = Every time someone of your organisation opened or recorded personal data (signals, buyers, votes, letter lists and tenants' contact details), with when, who, what and why. The data itself is not here, only which rows it concerned. What a koopcoach of a partner organisation reads is in that organisation's log.
read-log-none = Nobody of your organisation opened personal data in this period.
tokens-title = API tokens
tokens-help = With an API token another system (your ERP or BI, say) reads your organisation's data through the JSON API. A token can only read, unless a corporation's administrator gives it the right to bring in the arrears ledger of Early signals.
tokens-made-twice = This token was made already (the form was sent again, for instance by reloading the page). Its code was shown once and is not shown again. Not kept? Revoke the token below and make a new one.
tokens-created = New token created
tokens-copy-now = Copy the token now: it is not stored and will not be shown again.
tokens-created-at = Created
tokens-last-used = Last used
tokens-revoked = revoked
tokens-ledger = This token may also bring in the arrears ledger of Early signals
tokens-ledger-help = For the accounting system that sends the rent arrears each month (POST /api/v1/signalering/grootboek). The right holds while you are an active administrator of this corporation. Without this box a token can only read.
tokens-ledger-tag = ledger
tokens-ledger-lapsed = ledger: not working while its maker is not an active administrator
tokens-revoke = Revoke
tokens-never-used = not yet
tokens-none = This organisation has no API keys yet. Make one below for each system that reads its data.
tokens-new = New token
tokens-name = What for (e.g. ERP link)
dashboard-stock = Housing stock: complexes and units
kind-corporation = Housing corporation
kind-tenant-organisation = Tenant organisation (huurdersorganisatie)
kind-municipality = Municipality
kind-supplier = Supplier
kind-partner = Partner
about-corporation = A housing corporation manages its stock, works with tenants and the municipality, and records here what it agrees and does.
about-tenant-organisation = A tenant organisation (huurdersorganisatie) speaks for the tenants and has legal rights under the Overlegwet: to information (informatierecht), advice (adviesrecht) and consent (instemmingsrecht).
about-municipality = A municipality sees how many tenants of the corporations have a voice, and follows social return in its own contracts.
about-supplier = A supplier reports here what it does for social return in its contracts.
about-partner = A partner works with corporations and municipalities: a neighbourhood team or debt help receives referred soft signals, an employers' service point guides social return, a purchase coach guides buyers.
role-admin = Administrator
role-staff = Staff
role-read-only = Read only
mail-reset-subject = New password for Volkshuis
mail-reset-body =
    Dear { $name },

    You asked for a new Volkshuis password. Choose it with this link (valid for one hour):

    { $link }

    Did you not ask for this? Then ignore this e-mail; your password stays as it was.

    Volkshuis
mail-invite-subject = Your Volkshuis account
mail-invite-body =
    Dear { $name },

    A Volkshuis account was created for you. Choose your password with this link (valid for seven days):

    { $link }

    Volkshuis
err-too-large-title = Too large
err-too-large-text = What you sent is larger than this page accepts. Nothing was saved. Make the file or text smaller and try again.
err-bad-request-title = Form unreadable
err-bad-request-text = The form did not arrive complete or readable. Nothing was saved. Reload the page and try again.
err-nul-title = Invisible character in the form
err-nul-text = A field of the form holds a null character (U+0000), an invisible character usually pasted from another program. Nothing was saved. Go back to the form (what you typed is still there), type the pasted text again and send it once more.
err-method-title = This page cannot be requested this way
err-method-text = This site does not know this kind of request; nothing was changed. Open the page through a link or a form on Volkshuis.
err-bad-address-title = Address unreadable
err-bad-address-text = The address of this page holds a value Volkshuis cannot read (letters where a number belongs, for instance). Go back and follow a link instead of editing the address by hand.

## Delay after repeated attempts (ADR 0028).
throttled =
    { $seconds ->
        [one] Too many attempts in a short time. Please try again in { $seconds } second.
       *[other] Too many attempts in a short time. Please try again in { $seconds } seconds.
    }

## Invitations to an organisation: a member only after accepting.
org-invite-help = Enter name and e-mail address. The person gets an invitation and becomes a member only after accepting it. If the address has no account yet, Volkshuis creates one with this name.
org-invite-button = Invite
notice-invitation-sent = An invitation was sent. The person becomes a member after accepting it.
err-already-member = This person is already a member. Change the role in the list above.
invitations-title = Invitations
invitations-intro = You become a member of an organisation only when you accept its invitation.
invitations-none = You have no open invitations.
invitation-line = { $org } invites you as { $role } (valid until { $until }).
invitation-accept = Accept
invitation-decline = Decline
notice-invitation-accepted = You are now a member of the organisation.
notice-invitation-declined = The invitation was declined.
invitation-notice = { $org } invites you to become a member.
mail-org-invite-subject = Invitation from { $org } in Volkshuis
mail-org-invite-body =
    Dear { $name },

    { $org } invites you to work in Volkshuis as { $role }. You become a member only when you accept (valid for fourteen days). Accept or decline after logging in:

    { $link }

    Volkshuis
mail-org-invite-new-body =
    Dear { $name },

    { $org } invites you to work in Volkshuis as { $role }. An account was created for you. First choose your password with this link; the link is valid for seven days, the invitation for fourteen:

    { $link }

    After logging in you will see the invitation and can accept or decline it.

    Volkshuis
org-invited = Invited, not yet accepted
org-invited-until = valid until
nav-decrees = Holidays for terms
unit-ref-hint = The unit's idExtern, or its address as postcode and house number: 7411 AB 12, 7411 AB 12A or 7411 AB 12-1.
err-unit-ref = No unit in your stock has this idExtern or address. Enter the idExtern, or postcode and house number (7411 AB 12).
err-unit-ref-addition = This address has a house letter or addition: enter it too (7411 AB 12A or 7411 AB 12-1), or enter the idExtern.
err-unit-ref-several = More than one unit of your stock has this address: enter the idExtern.
rescue-logged-out-title = You have been logged out
rescue-logged-out-text = What you sent has not been saved: you were inactive for a while, or logged out elsewhere. Below is what you typed. Copy it, log in again (in a new tab, so this page stays) and paste it into the form.
rescue-token-text = This form could not be processed safely, so nothing was saved. Perhaps the page was open for a long time, or you logged out or in again meanwhile. Below is what you typed: copy it, log in again if needed, open the form again and paste it in.
rescue-typed = What you typed
rescue-field = Text { $n }
rescue-login = Log in again

## An organisation's members: the last administrator, removing a member, withdrawing an invitation
err-last-admin = This is the organisation's only administrator. Make someone else an administrator first; otherwise nobody can invite members, change roles or read the read log any more.
member-remove-title = Remove { $name } from the organisation?
member-remove-what = { $name } ({ $email }) will then no longer be a member of { $org } and will see none of the organisation's pages. Coming back takes a new invitation.
member-remove-yourself = You are removing yourself: you lose access to this organisation at once.
member-remove-yes = Yes, remove from the organisation
member-remove-back = Back to the organisation
org-invitation-withdraw = Withdraw
notice-invitation-withdrawn = The invitation is withdrawn; it can no longer be accepted.
notice-invitation-gone = That invitation was answered or withdrawn already; nothing changed.
notice-member-removed = The member is removed from the organisation.
notice-left-organisation = You are no longer a member of that organisation.
err-own-platform-admin = You cannot withdraw your own platform administrator rights; another platform administrator can.
err-own-active = You cannot deactivate your own account; another platform administrator can.
rescue-forbidden-text = This was not saved. What you typed is below, to keep or to pass on to someone who may.
notice-invitation-unanswerable = That invitation can no longer be answered: it expired, was withdrawn or was answered already. Ask the organisation's administrator for a new one if need be.
err-email-format = Enter one e-mail address, such as name@example.nl.
role-sentence-admin = an administrator
role-sentence-staff = a staff member
role-sentence-read-only = a reader (read only)
