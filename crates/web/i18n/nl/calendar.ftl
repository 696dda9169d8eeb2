# The days decreed equal to a holiday under the Algemene termijnenwet (art. 3 lid 3), kept by a platform administrator.
decrees-title = Met feestdagen gelijkgestelde dagen
decrees-intro = Wettelijke termijnen lopen door als ze eindigen op een zaterdag, zondag of feestdag (Algemene termijnenwet). De feestdagen van de wet zelf, met Goede Vrijdag, rekent Volkshuis zelf uit. Dagen die de regering bij een Besluit gelijkstelling met een feestdag gelijkstelt, staan hieronder; voeg een nieuw besluit toe zodra het is gepubliceerd.
decrees-through = De besluiten lopen van { $first } tot en met { $last }. Termijnen die van een later jaar afhangen, worden getoond als “nog niet vastgesteld”; termijnen die van een eerder jaar afhangen als “geen gelijkstellingsbesluit bekend”.
decrees-through-except = De besluiten lopen van { $first } tot en met { $last }, behalve { $gaps }: voor die jaren is er nog geen besluit. Termijnen die van zo’n jaar of van een later jaar afhangen, worden getoond als “nog niet vastgesteld”; termijnen die van een jaar vóór { $first } afhangen als “geen gelijkstellingsbesluit bekend”.
decrees-none = Er is nog geen besluit ingevoerd: elke termijn is nog niet vastgesteld.
decree-years = Jaren
decree-source = Bron
decree-new = Nieuw besluit toevoegen
field-decree-name = Naam van het besluit
field-decree-source = Bron (bijvoorbeeld de Staatsblad-vindplaats)
field-decree-first-year = Eerste jaar
field-decree-last-year = Laatste jaar
field-decree-days = Gelijkgestelde dagen, één per regel: datum en reden (bijvoorbeeld “2029-05-11 vrijdag na Hemelvaartsdag”)
decree-add = Besluit toevoegen
decree-saved = Het besluit is opgeslagen; { $moved ->
        [one] { $moved } opgeslagen termijn is opnieuw berekend.
       *[other] { $moved } opgeslagen termijnen zijn opnieuw berekend.
    }
err-decree-years = Vul twee jaren in, het eerste niet na het laatste (tussen 1965 en 2199).
err-decree-line = Regel { $line }: “{ $text }” begint niet met een datum (2029-05-11 of 11-5-2029).
err-decree-outside = { $day } valt buiten de jaren van het besluit.
err-decree-off = { $day } telt al niet mee voor termijnen ({ $why }).
err-decree-twice = { $day } is al met een feestdag gelijkgesteld.
