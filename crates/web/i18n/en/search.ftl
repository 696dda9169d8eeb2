# Search (issue 23): one search box at the top of every page, and the results page.
box-label = Search
page-label = What are you looking for?
box-placeholder = Complex, address, group…
box-button = Search
title = Search
help = Type at least two characters: the name or code of a complex, a postcode with or without house number (1234 AB 12), the start of a street name (with house number), the idExtern or BAG id (16 digits) of a home or building of your corporation, or a word from the name of a group, Overleg case, contract, performance agreements or initiative. You only find what your organisation may see.
keys = Press / to go to the search box. Arrow down in the search box takes you to the first result; Tab or the arrow keys move through the results.
nothing = Nothing found for “{ $text }”.
nothing-help = Search for the name or code of a complex, a postcode with house number (1234 AB 12), the start of a street name, the idExtern or BAG id (16 digits) of a home or building of your corporation, or a word from the name of a group, Overleg case, contract, performance agreements or initiative. You only find what your organisation may see.
results = { $n ->
        [one] { $n } result for “{ $text }”
       *[other] { $n } results for “{ $text }”
    }
results-shown = { $n ->
        [one] { $n } result shown for “{ $text }”; there are more, see below the list
       *[other] { $n } results shown for “{ $text }”; there are more, see below the list
    }
results-label = Results
more = There are more than { $n } results of the kind “{ $kind }”. Type more to narrow them down.
more-building = This building has more than { $n } units:
more-stock = Search your stock for “{ $text }”
kind-complex = Complex
kind-address = Address
kind-group = Group
kind-case = Consultation case
kind-contract = Contract
kind-cycle = Performance agreements
kind-initiative = Initiative
