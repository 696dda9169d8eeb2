# Zoeken (issue 23): één zoekvak bovenaan elke pagina, en de pagina met resultaten.
box-label = Zoeken
page-label = Wat zoekt u?
box-placeholder = Complex, adres, groep…
box-button = Zoeken
title = Zoeken
help = Typ minstens twee tekens: de naam of code van een complex, een postcode met of zonder huisnummer (1234 AB 12), het begin van een straatnaam (met huisnummer), de idExtern of het BAG-id (16 cijfers) van een woning of pand van uw corporatie, of een woord uit de naam van een groep, overlegzaak, contract, prestatieafspraken of initiatief. U vindt alleen wat uw organisatie mag zien.
keys = Druk op / om naar het zoekvak te gaan. Pijl-omlaag in het zoekvak brengt u naar het eerste resultaat; met Tab of de pijltjes gaat u door de resultaten.
nothing = Niets gevonden voor „{ $text }”.
nothing-help = Zoek op de naam of code van een complex, een postcode met huisnummer (1234 AB 12), het begin van een straatnaam, de idExtern of het BAG-id (16 cijfers) van een woning of pand van uw corporatie, of een woord uit de naam van een groep, overlegzaak, contract, prestatieafspraken of initiatief. U vindt alleen wat uw organisatie mag zien.
results = { $n ->
        [one] { $n } resultaat voor „{ $text }”
       *[other] { $n } resultaten voor „{ $text }”
    }
results-shown = { $n ->
        [one] { $n } resultaat getoond voor „{ $text }”; er zijn er meer, zie onder de lijst
       *[other] { $n } resultaten getoond voor „{ $text }”; er zijn er meer, zie onder de lijst
    }
results-label = Resultaten
more = Er zijn meer dan { $n } resultaten van de soort „{ $kind }”. Typ meer om het aantal te beperken.
more-building = Dit pand heeft meer dan { $n } eenheden:
more-stock = Zoek „{ $text }” in uw bezit
kind-complex = Complex
kind-address = Adres
kind-group = Groep
kind-case = Overlegzaak
kind-contract = Contract
kind-cycle = Prestatieafspraken
kind-initiative = Initiatief
