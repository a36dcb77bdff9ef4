"""Frozen reports: what a monitoring report showed, kept in `reports/<id>/` of the workspace.

- `synopse`  the as-of data of a Berichtsstand (catalogue text, states, public notes) as one
             Snapshot, and its JSON form `synopse.json` that old reports are rendered from
- `diff`     what changed between two snapshots (fields, new notes, catalogue revisions)
- `store`    freezing under a lock (temp folder + rename, read-only files), listing,
             withdrawing, verifying checksums

Rendering lives above (`report/`, `render/`); `reporting.py` joins them into the freeze service.
"""
