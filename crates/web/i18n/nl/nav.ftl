# The main navigation, breadcrumbs, and texts that tell a user where they are or what they may do.
nav-stock = Bezit
nav-participatie = Participatie
nav-overleg = Overleg
nav-afspraken = Prestatieafspraken
nav-afspraken-overview = Prestatieafspraken
nav-social-return = Social return
nav-signalering = Signalering
nav-nazorg = Nazorg
nav-initiatieven = Initiatieven
nav-admin = Beheer
nav-menu = Menu
nav-breadcrumbs = Kruimelpad
# The phone menu's button, naming where the user is.
nav-menu-here = Menu: { $place }
# A table column of short codes; the form that asks for a code explains their shape.
column-code = Code
