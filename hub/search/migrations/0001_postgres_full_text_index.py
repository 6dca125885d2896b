"""On PostgreSQL, Wagtail's database search backend matches `(title || body) @@ query` on its
index table. Without an index on that exact expression every search concatenates and scans
every entry (1.3 s for 300 documents in bench/search_library.py); with it, PostgreSQL uses a
GIN index scan (0.06 ms). SQLite uses FTS5 and needs nothing."""

from django.db import migrations

INDEX = "hub_search_indexentry_title_body_fts"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING GIN ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index)]
