# Maps without background tiles, and the texts of the diagnosis (questions, golden rules, variants).
map-tiles-missing = The background map cannot be loaded. The municipality borders show where everything is.
map-tiles-credit = Map data © Kadaster

## The questions about the corporation (axis 1).
cq-involves-early = The corporation involves tenants in plans before anything is fixed.
cq-seeks-tenants-out = The corporation seeks out tenants itself, also outside the regular meetings.
cq-fixed-contact = The tenant representatives have a fixed contact person at the corporation.
cq-professional-support = The corporation offers the tenant representatives professional support.
cq-several-channels = The corporation uses several channels to reach tenants (meetings, home visits, panels, online).
cq-shares-information = The corporation shares information in good time, completely and understandably.
cq-explains-use = The corporation explains what it did with the tenants' input.
cq-invests-in-new-forms = The corporation invests time and money in new forms of participation.
cq-values-criticism = The corporation sees criticism from tenants as valuable, not as a burden.
cq-aligns-agenda-early = The corporation aligns its agenda with the tenant representatives at an early stage.

## The questions about the tenant representatives (axis 2).
rq-knows-achterban = The representatives know what matters to the tenants they speak for (their achterban).
rq-takes-initiative = The representatives take the initiative themselves and put topics on the agenda.
rq-reaches-new-tenants = The representatives also reach young, working and new tenants.
rq-works-with-groups = The representatives work with working groups, pools or panels beside the board.
rq-accounts-yearly = The representatives account to the tenants every year.
rq-knows-enough = The representatives know enough to keep the corporation on its toes.
rq-works-with-committees = The representatives work together with residents' committees (bewonerscommissies) and informal groups.
rq-recruits = The representatives actively recruit new board members and volunteers.
rq-uses-social-media = The representatives use social media and newsletters to inform tenants.
rq-own-proposals = The representatives bring in proposals of their own, not only reactions.

## The eight golden rules.
gr-formal-fed-by-informal = Arrange the formal participation and feed it with as many informal forms as suit the place.
gr-familiar-face = A familiar face at the corporation and professional support for the tenants.
gr-several-channels = Several channels; let people take part where it gives them energy.
gr-involve-early = Involve tenants as early as possible, not only once everything is fixed.
gr-clear-frameworks = Clear frameworks that fit the national laws and regulations.
gr-tenants-or-residents = Make clear whether it is about the tenants or about all residents of the neighbourhood, and connect the two.
gr-social-media = Social media as a necessary addition to the older forms.
gr-both-invest = Both parties invest in a good relationship: not harmony, but a workable level of conflict (conflictoptimum).

## The four variants: name, description and development path. The Dutch names stay beside the English: they are
## the names under which the model is known.
variant-joint = Joint process director (gezamenlijke procesregisseur)
variant-joint-description = Corporation and representatives both invest: a broad tenant organisation with working groups and pools, and a joint agenda that is made early.
variant-joint-path = Mind the time it takes: recruit busy tenants (young, working, carers) and do not meet more than needed.
variant-guardian = Guardian of participation (hoeder van participatie)
variant-guardian-description = A small, experienced board challenges the corporation and steps in where the informal contact falls short; the corporation keeps in touch itself through home visits, theme groups and digital panels.
variant-guardian-path = The corporation keeps the representatives sharp and involves them in what it gathers from tenants itself.
variant-leading = Representatives leading the way (voorlopende vertegenwoordigers)
variant-leading-description = The representatives lead the way in reaching tenants and show the corporation, with knowledge and good examples, what participation yields.
variant-leading-path = A careful, constructive path of growing trust; show the corporation the value through concrete results.
variant-develop = Participation still to develop (ontwikkelpunt participatie)
variant-develop-description = Little tradition, attempts that did not take hold, weak representation or a damaged relationship.
variant-develop-path = Strengthen the formal body, bring in new groups and restore trust, if need be with the municipality as a go-between.
