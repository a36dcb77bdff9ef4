"""Catalogue + recorded status → one format-neutral report document, which every format renders.

- `richtext`  styled runs and blocks, safe text from untrusted Markdown
- `document`  the document tree (Synopsis → sections → goal tables → measure rows)
- `build`     building the document from the catalogue and statuses, with `ReportOptions`
- `tables`    the overview and legend tables
- `language`  the report's own words and dates, in the report's language
"""
