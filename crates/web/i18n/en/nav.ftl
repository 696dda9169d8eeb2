# The main navigation, breadcrumbs, and texts that tell a user where they are or what they may do.
nav-stock = Housing stock
nav-participatie = Participation
nav-overleg = Consultation
nav-afspraken = Performance agreements
nav-afspraken-overview = Performance agreements
nav-social-return = Social return
nav-signalering = Early signals
nav-nazorg = Aftercare
nav-initiatieven = Initiatives
nav-admin = Administration
nav-menu = Menu
nav-breadcrumbs = Breadcrumb
# The phone menu's button, naming where the user is.
nav-menu-here = Menu: { $place }
# A table column of short codes; the form that asks for a code explains their shape.
column-code = Code
