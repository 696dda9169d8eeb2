# One place per complex and buurt (issue 23): everything of one complex or neighbourhood on one page.
kind-complex = Complex
kind-buurt = Neighbourhood
intro = Everything Volkshuis knows about this place, per module. You see what your organisation may see; each block leads to the module itself.
fact-corporation = Corporation
fact-corporations = Corporations
fact-units = Rental units in use
fact-buurten = Neighbourhood
fact-gemeente = Municipality
fact-signals-sales = Signals and sales
signals-sales-per-buurt = A municipality sees these per buurt, not per complex: open the buurt above.
fact-complexes = Complexes in this neighbourhood
print-link-for = Print for a tenants' meeting with { $name }
print-intro-for = Overview for a meeting with tenants: only what { $name } may see too.
printed-on = Printed on
print-back = Back to this place's page
print-how = Print this sheet with Ctrl+P (on a Mac: Cmd+P); this line does not go on paper.
to-module = To { $module }
unknown = unknown
block-stock = Stock
block-participation = Who speaks for the tenants
block-overleg = Consultation
block-afspraken = Performance agreements
block-social-return = Social return
block-signals = Rent-arrears signals
block-nazorg = Homes sold and owners' associations
block-initiatives = Initiatives
block-timeline = The past year
stock-by-kind = Kind
stock-by-status = Status
stock-by-rent = Rent
stock-by-period = Period built
stock-built = Built { $first } to { $last }
stock-built-one = Built { $year }
stock-map = Where the units are: one dot per address, larger where more units share a spot.
stock-no-map = No coordinates are known for these units.
col-count = Number
part-groups = Groups
part-none = No group speaks for this place.
part-formal = With a recognised tenant organisation or residents' committee
part-informal = Only by groups without recognition
part-uncovered = Without representation
part-blind-spots = Blind spots
part-no-blind-spots = No blind spots: a group speaks for every rental unit.
part-coverage-only = As a municipality you see the coverage, not the groups themselves.
col-title = Subject
col-kind = Kind
col-stage = Stage
col-deadline = Deadline
col-received = Received
col-name = Name
col-health = Health
overleg-none = No open or recent cases about this place.
afspraken-none = No performance agreements of this municipality in which you and the corporation take part.
afspraken-cycle = { $title } ({ $years }), { $phase }
afspraken-cycle-titled = { $title }, { $phase }
afspraken-count = { $n ->
    [one] 1 commitment for this corporation or for all parties together
   *[other] { $n } commitments for this corporation or for all parties together
}
afspraken-first = the first { $shown } of { $n } commitments for this corporation or for all parties together
sr-placements-few = Fewer than 5 tenants from this place at work through social return.
sr-placements = { $n ->
    [0] No placements of tenants from this place yet.
    [one] 1 tenant from this place at work through social return.
   *[other] { $n } tenants from this place at work through social return.
}
signals-sent = Sent in the last twelve months
signals-picked-up = Picked up by the municipality
signals-note = Counts only, never persons; 1 to 4 shows as “fewer than 5”, other counts are rounded to fives.
fewer-than-five = fewer than 5
nazorg-sold = Sold to the tenant (not bought back)
nazorg-checks-due = Checks open or late
nazorg-vves = Owners' associations
nazorg-no-vves = No owners' association registered for these complexes.
health-groen = In order
health-oranje = Needs attention
health-rood = Problem
initiatives-none = No initiatives at this place.
initiative-own = brought in by your organisation
initiative-own-by = brought in by { $name }
timeline-none = Nothing you may see happened here in the past year.
ev-case-received = Request to the tenants: { $title }
ev-case-decided = Decision taken: { $title }
ev-group-founded = Group started: { $name }
ev-group-ended = Group stopped: { $name }
ev-signals = Rent-arrears signals sent: { $count }
ev-home-sold = A home sold to its tenant
ev-home-bought-back = A home bought back
ev-initiative = Initiative brought in: { $title }
ev-cycle-signed = Performance agreements signed: { $title }
place-link = Everything about this place
# The one-pager prints the first lines of a long list and says how many there are.
paper-first = This sheet shows the first { $shown } of the { $n } on the page in Volkshuis.
paper-cycles = This sheet shows { $shown } of the { $n } cycles on the page in Volkshuis.
paper-timeline = This sheet shows the latest { $shown } of the { $n } events on the page in Volkshuis.
