# The main navigation, breadcrumbs, and texts that tell a user where they are or what they may do.
nav-stock = Bezit
nav-participatie = Participatie
nav-overleg = Overleg
nav-social-return = Social return
nav-admin = Beheer
nav-menu = Menu
nav-breadcrumbs = Kruimelpad
# The phone menu's button, naming where the user is.
nav-menu-here = Menu: { $place }
# A table column of short codes (a complex's code); the form that asks for an organisation's code explains more.
column-code = Code
# The dashboard of a platform administrator who belongs to no organisation.
admin-no-orgs = U bent platformbeheerder en (nog) geen lid van een organisatie. Organisaties en gebruikers beheert u onder Beheer; daar kunt u uzelf ook aan een organisatie toevoegen.
admin-manage-orgs = Organisaties beheren
admin-manage-users = Gebruikers beheren
