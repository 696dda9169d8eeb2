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
not-a-date = is not a date (write d-m-yyyy or yyyy-mm-dd)
no-such-date = is written as a date, but no such day exists (or it lies before 1900 or after 2199)
not-yes-no = must be ja (yes) or nee (no)
not-in-list = must be one of these: { $allowed }
not-an-email = is not an e-mail address
not-positive = must be more than zero
negative = must not be negative
not-in-vera = is not a code of the VERA list { $list }
unknown-unit = is not in the stock (unknown idExtern)
no-rows = the file has no rows of data
after-today = lies after today, the day of the ledger
wrong-field-count = has { $found } fields, the header has { $expected }
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
money-separator-twice = has more than one decimal separator: write, for example, 1234.50 or 1,234.50
money-too-large = is too large

## Files that are not a stock file, or look like one (issue #17).
file-utf16 = this looks like UTF-16; save the file as CSV (UTF-8 or Windows-1252) with ; as the separator
file-not-text = this is not a text file; save the file as CSV (UTF-8 or Windows-1252) with ; as the separator
file-separator-tab = the columns seem to be separated by tabs; save the file as CSV with ; or , as the separator
file-separator-pipe = the columns seem to be separated by | characters; save the file as CSV with ; or , as the separator
file-header-too-large = the header line is larger than { $max } MB; this is not a stock file
file-too-many-columns = the header line has { $found } columns, more than the { $max } that are read
file-unterminated-quote = a quote (") on line { $line } is never closed
warning-unknown-columns = { $count } columns are unknown and are ignored: { $names }
control-character = contains a control character (U+{ $code }), which is not text
byte-order-mark = contains a byte-order mark (U+FEFF) in the middle of the file: were two files pasted together?
unterminated-quote = a quote (") on this row is never closed; the file was not read from here on
row-too-large = the row is larger than { $max } MB (a quote that is never closed?); the file was not read from here on
empty-stock-unconfirmed = the file has no units: as the full stock it would mark { $missing ->
        [one] its { $missing } unit
       *[other] all { $missing } units
    } out of use; confirm explicitly that the stock is now empty if that is what you mean
money-ambiguous = is ambiguous: one separator with three digits after it may separate thousands or decimals (write 1234 or 1234.00)
