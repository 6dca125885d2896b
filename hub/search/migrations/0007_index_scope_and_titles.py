"""The full-text index learns who may find each chunk, and PostgreSQL gets a small index of
titles and headings, so that a query touches only what the visitor may see and a query
matching every chunk ranks a bounded set (hub/search/engine.py).

- Every chunk has a `scope` word ('hubp12pub': partnership 12's, for everyone; see
  models.scope_word), filled here for the chunks already indexed.
- SQLite: the FTS5 table is made again with a fourth column, `scope`, kept by the same three
  triggers, and rebuilt from the chunks. (Adding the column rebuilt the chunk table, which
  dropped the old triggers; 0002's note.)
- PostgreSQL: `search_vector` also holds the scope word (weight D, no position), and a new
  `title_vector` holds the title (A), the heading (B) and the scope word, with its own GIN
  index; one trigger keeps both.
"""

from django.db import migrations, models

SCOPE_SQL = (
    "UPDATE hubsearch_searchchunk SET scope = "
    "CASE WHEN partnership_id IS NOT NULL THEN 'hubp' || partnership_id "
    "WHEN consortium_id IS NOT NULL THEN 'hubc' || consortium_id ELSE 'huball' END || "
    "CASE visibility WHEN 'public' THEN 'pub' WHEN 'signed_in' THEN 'sig' ELSE 'res' END"
)

SQLITE = [
    "DROP TRIGGER IF EXISTS hubsearch_chunk_au",
    "DROP TRIGGER IF EXISTS hubsearch_chunk_ad",
    "DROP TRIGGER IF EXISTS hubsearch_chunk_ai",
    "DROP TABLE IF EXISTS hubsearch_chunk_fts",
    SCOPE_SQL,
    "CREATE VIRTUAL TABLE hubsearch_chunk_fts USING fts5(title, heading, text, scope, "
    "content='hubsearch_searchchunk', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER hubsearch_chunk_ai AFTER INSERT ON hubsearch_searchchunk BEGIN "
    "INSERT INTO hubsearch_chunk_fts(rowid, title, heading, text, scope) "
    "VALUES (new.id, new.title, new.heading, new.text, new.scope); END",
    "CREATE TRIGGER hubsearch_chunk_ad AFTER DELETE ON hubsearch_searchchunk BEGIN "
    "INSERT INTO hubsearch_chunk_fts(hubsearch_chunk_fts, rowid, title, heading, text, scope) "
    "VALUES ('delete', old.id, old.title, old.heading, old.text, old.scope); END",
    "CREATE TRIGGER hubsearch_chunk_au AFTER UPDATE ON hubsearch_searchchunk BEGIN "
    "INSERT INTO hubsearch_chunk_fts(hubsearch_chunk_fts, rowid, title, heading, text, scope) "
    "VALUES ('delete', old.id, old.title, old.heading, old.text, old.scope); "
    "INSERT INTO hubsearch_chunk_fts(rowid, title, heading, text, scope) "
    "VALUES (new.id, new.title, new.heading, new.text, new.scope); END",
    "INSERT INTO hubsearch_chunk_fts(hubsearch_chunk_fts) VALUES ('rebuild')",
]

# The index first: after the update, the table has pending (deferred) trigger events.
POSTGRESQL = [
    "ALTER TABLE hubsearch_searchchunk ADD COLUMN title_vector tsvector",
    """CREATE OR REPLACE FUNCTION hubsearch_chunk_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      scope tsvector := setweight(array_to_tsvector(ARRAY[coalesce(NEW.scope, '')]), 'D');
    BEGIN
      NEW.title_vector :=
        setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(NEW.heading, '')), 'B') || scope;
      NEW.search_vector := NEW.title_vector ||
        setweight(to_tsvector('english', coalesce(NEW.text, '')), 'C');
      RETURN NEW;
    END $$""",
    "DROP TRIGGER IF EXISTS hubsearch_chunk_vector ON hubsearch_searchchunk",
    "CREATE TRIGGER hubsearch_chunk_vector BEFORE INSERT OR UPDATE OF title, heading, text, "
    "scope ON hubsearch_searchchunk FOR EACH ROW EXECUTE FUNCTION hubsearch_chunk_vector()",
    "CREATE INDEX hubsearch_chunk_title_gin ON hubsearch_searchchunk USING GIN (title_vector)",
    SCOPE_SQL,  # fires the trigger: both vectors are made again
]


def _forward(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("hubsearch", "0006_chunk_reach")]

    operations = [
        migrations.AddField(
            model_name="searchchunk",
            name="scope",
            field=models.CharField(blank=True, default="", max_length=40),
        ),
        migrations.RunPython(_forward, migrations.RunPython.noop),
    ]
