# Pickers (complexes, buurten, groups, organisations chosen by name), date inputs, names beside codes, and counts
# with their plural (issue 18).
picker-search-help = Type part of the name or code; choose with arrow down and Enter.
picker-codes-help = Type the codes, separated by commas (for example { $example }).
picker-code-help = Type the code (for example { $example }).
picker-no-results = Nothing found.
picker-results = { $n ->
        [one] { $n } result
       *[other] { $n } results
    }
picker-more = More than { $n } found; keep typing to narrow down.
picker-search-failed = Searching does not work right now. Please try again shortly.
picker-chosen = Chosen
picker-added = { $label } chosen.
picker-removed = { $label } removed.
picker-remove = Remove { $label }
picker-unknown = { $code } (not found)
picker-empty = — choose —
name-and-code = { $name } ({ $code })
date-hint = dd-mm-yyyy
complex = Complex
complexes = Complexes
buurten = Neighbourhoods (buurten)
complex-count = { $n ->
        [one] { $n } complex
       *[other] { $n } complexes
    }
import-counts = { $total ->
        [one] { $total } unit
       *[other] { $total } units
    }: { $new } new, { $changed } changed, { $unchanged } unchanged.
import-missing = { $n ->
        [one] { $n } unit is missing from the file
       *[other] { $n } units are missing from the file
    }
import-error-count = { $n ->
        [one] { $n } error.
       *[other] { $n } errors.
    }
import-rows-read = { $n ->
        [one] { $n } row read
       *[other] { $n } rows read
    }
participants = { $n ->
        [one] { $n } participant
       *[other] { $n } participants
    }
err-postcode-empty = Enter your postcode, for example 1234 AB.
err-postcode-format = A postcode is four digits and two letters, for example 1234 AB.
err-number-empty = Enter your house number, for example 12.
err-number-format = A house number begins with a number, for example 12 or 12a; an addition may also go in the next field (not in both).
no-groups-ask = No group is known for this address yet. Would you like to start one or take part? Ask { $corporation }.
no-groups-ask-contact = No group is known for this address yet. Would you like to start one or take part? Ask { $corporation }: { $contact }.
err-tenant-cluster = Choose the complex the tenant lives in.
public-contact = Contact for tenants (on the public page)
public-contact-help = How tenants reach you when there is no group for their address yet, for example a phone number, e-mail address or web page.
public-contact-save = Save contact
contribution-date = Date (for a purchase, the invoice date)
