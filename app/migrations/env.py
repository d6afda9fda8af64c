"""Alembic's entry point, run by ``app.schema`` on a connection the app already holds.

The app opens the connection and the transaction itself (so every pending revision, the stamp of a
ledger from the numbered-SQL days and the checks before COMMIT are one transaction); nothing here
reads an ``alembic.ini`` or a URL.
"""

from __future__ import annotations

from alembic import context

attributes = context.config.attributes
context.configure(
    connection=attributes["connection"],
    transaction_per_migration=False,
    on_version_apply=attributes.get("on_version_apply"),
)
with context.begin_transaction():  # joins the caller's transaction: Alembic neither commits nor
    context.run_migrations()  # rolls back here
