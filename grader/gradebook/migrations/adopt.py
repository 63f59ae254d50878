"""How revisions that add whole tables create them: only what is missing, so a database whose
tables an older nngrader made with create_all() (or the site made on first use) is adopted as it is."""
from __future__ import annotations

import sqlalchemy as sa


def create_missing(bind, tables) -> None:
    for table in tables:
        table.create(bind, checkfirst=True)
        present = {ix["name"] for ix in sa.inspect(bind).get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in present:
                index.create(bind)


def drop_present(bind, tables) -> None:
    for table in reversed(tables):
        table.drop(bind, checkfirst=True)
