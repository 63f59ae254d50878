"""Alembic environment of the gradebook: always run through grader.gradebook.schema.upgrade().

The caller hands over a connection that is already inside the transaction that
holds the migration lock (see schema.py), so every revision and the version
stamp commit together or not at all.
"""
from alembic import context

from grader.gradebook.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations of the gradebook run via grader.gradebook.schema.upgrade(url)")

context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
