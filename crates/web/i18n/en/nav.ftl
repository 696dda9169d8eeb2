# The main navigation, breadcrumbs, and texts that tell a user where they are or what they may do.
nav-stock = Housing stock
nav-participatie = Participation
nav-overleg = Consultation
nav-social-return = Social return
nav-admin = Administration
nav-menu = Menu
nav-breadcrumbs = Breadcrumb
# The phone menu's button, naming where the user is.
nav-menu-here = Menu: { $place }
# A table column of short codes (a complex's code); the form that asks for an organisation's code explains more.
column-code = Code
# The dashboard of a platform administrator who belongs to no organisation.
admin-no-orgs = You are a platform administrator and not (yet) a member of any organisation. You manage organisations and users under Administration; there you can also add yourself to an organisation.
admin-manage-orgs = Manage organisations
admin-manage-users = Manage users
