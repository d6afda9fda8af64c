"""The ledger's schema revisions (Alembic, SQLAlchemy operations): one source for SQLite and
PostgreSQL. ``app.schema`` runs them on open; no ``alembic.ini`` is involved.

Adding a revision (say a table for nucleic-acid tests, once ``0004_nucleic_acid_tests.sql``):

1. ``versions/0004_nucleic_acid_tests.py`` with ``revision = "0004"`` and
   ``down_revision = "0003"`` — revision ids are the old ladder's numbers, four digits, one after
   the other (``app.schema`` reads the number as the schema version, written to SQLite's
   ``user_version`` too, so an older app still refuses a newer file);
2. ``upgrade()`` in SQLAlchemy operations, never engine-specific SQL: ``CREATE TABLE`` →
   ``op.create_table(...)`` with the constraint names the models' naming convention gives
   (``pk_<table>``, ``fk_<table>_<column>_<referred table>``, ``uq_…``, ``ix_…``), ``CREATE INDEX``
   → ``op.create_index``, ``ALTER TABLE … ADD COLUMN`` → ``op.add_column``; anything SQLite
   cannot alter in place (drop/alter a column, add a constraint) inside
   ``with op.batch_alter_table("t") as batch:``; seed rows through ``seed.insert_rows``. A partial
   index gives both ``sqlite_where=`` and ``postgresql_where=``;
3. no ``downgrade()``: a ledger only moves forward (the copy taken before upgrading is the way
   back).

``tests/test_migrations.py`` then checks the revisions build exactly the models' schema, on both
engines, and that older ledgers upgrade with nothing lost.
"""
