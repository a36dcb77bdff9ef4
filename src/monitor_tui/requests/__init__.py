"""Update requests to the responsible offices ("Abfrage") and their answers read back.

- `letter`   the request as a format-neutral letter: sender, office, reply date, per measure
             the catalogue text, the state so far, the last public notes and the fields to fill
- `docx_form` the letter as a DOCX form (tables, tick boxes Word and LibreOffice click) and
             reading a filled-in form back
- `pdf`, `markdown` the letter for print and for review
- `answers`  a filled-in form → per measure what would change (the preview) → saved entries
- `service`  writing the requests of a day into `exports/abfragen/<date>/`, never overwriting
"""
