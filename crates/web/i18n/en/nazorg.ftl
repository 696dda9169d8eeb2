# Aftercare (issue 21): homes sold to their tenants.
title = Aftercare
nav-home = Overview
nav-sales = Homes sold
nav-vves = Owners' associations
nav-figures = Figures
nav-checklist = Talk checklist
nav-settings = Settings
read-only-note = You see counts and the owners' association register here. Buyers' data is shown only to those who may edit in this organisation (staff and administrators), and every time someone opens it, it is logged.
personal-note = This page shows a buyer's personal data. That you opened it is written to the audit log.
intro-corporation = Homes you sold to their tenants: the talk before the sale, an independent purchase coach, checks after three and six years, and owners' associations with a healthy reserve fund.
intro-partner = As a purchase coach you see only the buyers a corporation assigned to you. You keep a short log per buyer.
intro-municipality = Counts on rental homes sold in your municipality: sales, checks on time, buyers in payment trouble, and owners' associations below the legal reserve minimum. No persons are shown here.
count-sold = Homes sold (not bought back)
count-checks-overdue = Checks overdue
count-payment-trouble = Buyers in payment trouble
count-vves-below = Associations below the reserve minimum
count-vves-red = Associations in the red
sale-new = Record a sale
my-buyers-title = My buyers
my-buyers-none = No buyers have been assigned to you yet.
checks-title = Checks to do
checks-none = No checks are open.
col-buyer = Buyer
col-address = Address
col-sold-on = Sold on
col-check = Check
col-due = Due
col-state = State
check-after = { $years ->
    [one] after 1 year
   *[other] after { $years } years
}
check-planned = Planned
check-open = Open
check-overdue = Overdue
check-done-on-time = Done on time
check-done-late = Done late
