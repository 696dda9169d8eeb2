### Messages when reading the stock file: why a row or the file was refused.
### Column names (idExtern, rdX, …) are VERA names and stay the same in every language.

## The error report's (CSV) header, and the column of an error in the row as a whole.
report-line = line
report-column = column
report-value = value
report-reason = reason
whole-row = (row)

## The file as a whole.
file-empty = the file is empty
file-missing-columns = required columns are missing: { $columns }
file-duplicate-column = column { $name } appears twice
file-unreadable = the file cannot be read as CSV (line { $line }): { $reason }

## Warnings.
warning-unknown-column = column { $name } is unknown and is ignored
warning-missing-not-marked = { $missing ->
        [one] { $missing } unit is missing from the file but was not marked out of use: the file has rows with errors, and it may be in them
       *[other] { $missing } units are missing from the file but were not marked out of use: the file has rows with errors, and they may be in them
    }

## A value or row.
required = is required
too-long = is longer than { $max } characters
not-integer = must be a whole number
out-of-range = must be between { $min } and { $max }
not-a-number = is not a number
area-out-of-range = must be between { $min } and { $max } m²
lat-lon-apart = latitude and longitude go together
rd-apart = rdX and rdY go together
outside-netherlands = is not in the Netherlands (latitude and longitude swapped?)
social-label = must be DAE or NDA
too-many-fields = has { $found } fields, the header has { $expected }
unreadable-from-here = the file cannot be read from here on: { $reason }
duplicate = already appears on line { $first }

## Identifiers.
id-length = must have { $expected } digits, has { $found }
id-leading-zero-lost = has 15 digits: Excel probably removed the leading zero (set the column to Text)
id-not-digits = may only contain digits
id-wrong-object-type = is a BAG id of object type { $found }, expected { $expected }
id-postcode = is not a valid postcode (expected 1234AB)
id-cbs-code = is not a valid { $kind } (expected { $example })
cbs-gemeentecode = municipality code
cbs-wijkcode = district code
cbs-buurtcode = neighbourhood code
house-number-not-integer = house number must be a whole number
house-number-too-large = house number is too large
house-number-out-of-range = house number must be between 1 and 99999
house-letter = house letter must be one letter
house-number-addition = house number addition: at most 4 letters or digits

## Amounts.
money-not-an-amount = is not an amount
money-too-many-decimals = has more than two decimals
money-too-large = is too large
