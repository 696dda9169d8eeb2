# The days decreed equal to a holiday under the Algemene termijnenwet (art. 3 lid 3), kept by a platform administrator.
decrees-title = Days decreed equal to holidays
decrees-intro = Statutory terms run on when they end on a Saturday, Sunday or holiday (Algemene termijnenwet). Volkshuis computes the holidays the law names itself, Good Friday included. Days the government decrees equal to a holiday by a Besluit gelijkstelling are listed below; add a new decree as soon as it is published.
decrees-through = The decrees cover the years { $first } up to and including { $last }. Terms that depend on a later year are shown as “not yet decreed”; terms that depend on an earlier year as “no decree known”.
decrees-through-except = The decrees cover the years { $first } up to and including { $last }, except { $gaps }: no decree covers those yet. Terms that depend on such a year or a later one are shown as “not yet decreed”; terms that depend on a year before { $first } as “no decree known”.
decrees-none = No decree has been entered yet: every term is not yet decreed.
decree-years = Years
decree-source = Source
decree-new = Add a new decree
field-decree-name = Name of the decree
field-decree-source = Source (for example the Staatsblad reference)
field-decree-first-year = First year
field-decree-last-year = Last year
field-decree-days = Decreed days, one per line: date and reason (for example “2029-05-11 vrijdag na Hemelvaartsdag”)
decree-add = Add decree
decree-saved = The decree was saved; { $moved ->
        [one] { $moved } stored deadline was recomputed.
       *[other] { $moved } stored deadlines were recomputed.
    }
err-decree-years = Enter two years, the first not after the last (between 1965 and 2199).
err-decree-line = Line { $line }: “{ $text }” does not start with a date (2029-05-11 or 11-5-2029).
err-decree-outside = { $day } lies outside the decree's years.
err-decree-off = { $day } does not count for terms already ({ $why }).
err-decree-twice = { $day } is already decreed equal to a holiday.
