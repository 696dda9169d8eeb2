# Kaarten zonder achtergrondkaart, en de teksten van de diagnose (vragen, gouden regels, varianten).
map-tiles-missing = De achtergrondkaart kan niet worden geladen. De gemeentegrenzen laten zien waar alles ligt.
map-tiles-credit = Kaartgegevens © Kadaster

## De vragen over de corporatie (as 1); gelijk aan de domeintekst (`CorporationQuestion`).
cq-involves-early = De corporatie betrekt huurders bij plannen voordat er iets vastligt.
cq-seeks-tenants-out = De corporatie zoekt huurders zelf op, ook buiten de vaste overleggen.
cq-fixed-contact = Er is een vast aanspreekpunt bij de corporatie voor de huurdersvertegenwoordiging.
cq-professional-support = De corporatie biedt de huurdersvertegenwoordiging professionele ondersteuning.
cq-several-channels = De corporatie gebruikt meerdere kanalen om huurders te bereiken (bijeenkomsten, huisbezoek, panels, online).
cq-shares-information = De corporatie deelt informatie tijdig, volledig en begrijpelijk.
cq-explains-use = De corporatie legt uit wat zij met de inbreng van huurders heeft gedaan.
cq-invests-in-new-forms = De corporatie investeert tijd en geld in nieuwe vormen van participatie.
cq-values-criticism = De corporatie ziet kritiek van huurders als waardevol, niet als last.
cq-aligns-agenda-early = De corporatie stemt haar agenda in een vroeg stadium af met de huurdersvertegenwoordiging.

## De vragen over de huurdersvertegenwoordiging (as 2).
rq-knows-achterban = De vertegenwoordiging weet wat er leeft bij haar achterban.
rq-takes-initiative = De vertegenwoordiging neemt zelf initiatief en zet onderwerpen op de agenda.
rq-reaches-new-tenants = De vertegenwoordiging bereikt ook jonge, werkende en nieuwe huurders.
rq-works-with-groups = De vertegenwoordiging werkt met werkgroepen, pools of panels naast het bestuur.
rq-accounts-yearly = De vertegenwoordiging legt jaarlijks verantwoording af aan de huurders.
rq-knows-enough = De vertegenwoordiging heeft voldoende kennis om de corporatie scherp te houden.
rq-works-with-committees = De vertegenwoordiging werkt samen met bewonerscommissies en informele groepen.
rq-recruits = De vertegenwoordiging werft actief nieuwe bestuurders en vrijwilligers.
rq-uses-social-media = De vertegenwoordiging gebruikt sociale media en nieuwsbrieven om huurders te informeren.
rq-own-proposals = De vertegenwoordiging brengt eigen voorstellen in, niet alleen reacties.

## De acht gouden regels.
gr-formal-fed-by-informal = Regel de formele participatie en voed die met zoveel mogelijk informele vormen die bij de plek passen.
gr-familiar-face = Een vast gezicht bij de corporatie en professionele ondersteuning voor de huurders.
gr-several-channels = Meerdere kanalen; zet mensen in waar ze energie van krijgen.
gr-involve-early = Betrek huurders zo vroeg mogelijk, niet pas als alles vastligt.
gr-clear-frameworks = Heldere kaders die passen bij de landelijke wet- en regelgeving.
gr-tenants-or-residents = Maak duidelijk of het om huurders gaat of om alle bewoners van de buurt, en verbind die twee.
gr-social-media = Sociale media als noodzakelijke aanvulling op de oudere vormen.
gr-both-invest = Beide partijen investeren in een goede relatie: geen harmonie, wel een werkbaar conflictoptimum.

## De vier varianten: naam, beschrijving en ontwikkelpad.
variant-joint = Gezamenlijke procesregisseur
variant-joint-description = Corporatie en vertegenwoordigers investeren allebei: een brede huurdersorganisatie met werkgroepen en pools, en een gezamenlijke agenda die vroeg wordt gemaakt.
variant-joint-path = Let op de tijd die het kost: werf drukbezette huurders (jong, werkend, mantelzorgers) en vergader niet meer dan nodig.
variant-guardian = Hoeder van participatie
variant-guardian-description = Een klein, ervaren bestuur daagt de corporatie uit en springt bij waar het informele contact tekortschiet; de corporatie houdt zelf contact via huisbezoek, themagroepen en digitale panels.
variant-guardian-path = De corporatie houdt de vertegenwoordigers scherp en betrekt hen bij wat zij zelf met huurders ophaalt.
variant-leading = Voorlopende vertegenwoordigers
variant-leading-description = De vertegenwoordigers gaan voorop in het bereiken van huurders en laten de corporatie met kennis en goede voorbeelden zien wat participatie oplevert.
variant-leading-path = Een zorgvuldige, opbouwende weg van groeiend vertrouwen; laat de corporatie de waarde zien aan de hand van concrete resultaten.
variant-develop = Ontwikkelpunt participatie
variant-develop-description = Weinig traditie, pogingen die niet beklijfden, een zwakke vertegenwoordiging of een beschadigde relatie.
variant-develop-path = Versterk het formele orgaan, breng nieuwe groepen in en herstel het vertrouwen, eventueel met de gemeente als verbinder.
