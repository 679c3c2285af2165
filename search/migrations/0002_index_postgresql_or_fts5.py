"""The index proper, which each database keeps its own way: a tsvector column with
a GIN index on PostgreSQL, an FTS5 table on SQLite (see search.backends)."""

from django.db import migrations

POSTGRESQL = [
    "ALTER TABLE search_searchentry ADD COLUMN vector tsvector NOT NULL DEFAULT ''",
    "CREATE INDEX search_entry_vector_idx ON search_searchentry USING gin (vector)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS search_entry_vector_idx",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS vector",
]
# Tokens come normalised (search.normalise): FTS5 must not fold them further.
SQLITE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, lead, body, title_stem,"
    " lead_stem, body_stem, tokenize = 'unicode61 remove_diacritics 0')",
]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS search_fts"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_entry")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
