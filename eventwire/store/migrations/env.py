"""Alembic environment. ``Store`` passes its open connection in ``config.attributes``; the
alembic command line (``alembic -c eventwire/store/alembic.ini ...``) uses the ini's URL."""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from eventwire.store.schema import metadata

config = context.config


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with create_engine(config.get_main_option("sqlalchemy.url")).begin() as conn:
        _run(conn)
