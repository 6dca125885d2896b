"""Backup and restore, end to end through the management commands: a demo site is backed up,
restored into a new empty database and media folder, and every row and file must be
identical. Runs on SQLite and, in the PostgreSQL run, with pg_dump and pg_restore."""

import hashlib
import sqlite3
import subprocess
from pathlib import Path

import dj_database_url
import psycopg
import pytest

from tests.servers import MANAGE, fresh_database, site_environment


def table_rows(database_url):
    """{table: sorted rows} for every table in the database."""
    config = dj_database_url.parse(database_url)
    if database_url.startswith("sqlite"):
        with sqlite3.connect(config["NAME"]) as db:
            tables = [
                name
                for (name,) in db.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                )
            ]
            return {t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    with psycopg.connect(
        host=config["HOST"], port=config["PORT"], user=config["USER"], dbname=config["NAME"]
    ) as db:
        tables = [
            name
            for (name,) in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ]
        return {t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"'))) for t in tables}


def media_files(root):
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(root).rglob("*"))
        if path.is_file()
    }


def manage(environment, *arguments):
    return subprocess.run(
        MANAGE + list(arguments), env=environment, capture_output=True, text=True, check=False
    )


@pytest.fixture
def sites(tmp_path, demo_template):
    """make(name, demo=True): a site's environment, with the demo (a copy of the template)
    or with a database that is empty (not even migrated). Dropped afterwards."""
    drops = []

    def make(name, *, demo=True):
        scratch = tmp_path / name
        media = str(tmp_path / f"{name}-media")
        if demo:
            environment, drop = demo_template.site(scratch, f"backup_{name}", MEDIA_ROOT=media)
        else:
            scratch.mkdir()
            url, drop = fresh_database(tmp_path, f"backup_{name}")
            environment = site_environment(scratch, url, MEDIA_ROOT=media)
        drops.append(drop)
        return environment

    yield make
    for drop in drops:
        drop()


def test_a_backup_restores_every_row_and_file_identically(sites, tmp_path):
    original, restored = sites("original"), sites("restored", demo=False)
    before_rows = table_rows(original["DATABASE_URL"])
    before_files = media_files(original["MEDIA_ROOT"])
    assert sum(len(rows) for rows in before_rows.values()) > 1000
    assert any(name.startswith("documents/") for name in before_files)
    assert not Path(restored["MEDIA_ROOT"]).exists()

    folder = tmp_path / "backup"
    result = manage(original, "backup", str(folder))
    assert result.returncode == 0, result.stderr

    # Without --yes nothing happens.
    refused = manage(restored, "restore", str(folder))
    assert refused.returncode != 0
    assert "--yes" in refused.stderr

    result = manage(restored, "restore", str(folder), "--yes")
    assert result.returncode == 0, result.stderr
    assert table_rows(restored["DATABASE_URL"]) == before_rows
    assert media_files(restored["MEDIA_ROOT"]) == before_files


def test_a_damaged_backup_is_refused_and_changes_nothing(sites, tmp_path):
    original, restored = sites("original"), sites("restored")
    folder = tmp_path / "backup"
    assert manage(original, "backup", str(folder)).returncode == 0
    media = Path(restored["MEDIA_ROOT"])
    media.mkdir(parents=True, exist_ok=True)
    (media / "keep.txt").write_text("still here")
    before = table_rows(restored["DATABASE_URL"])

    archive = folder / "media.tar.gz"
    archive.write_bytes(archive.read_bytes() + b"tampered")
    result = manage(restored, "restore", str(folder), "--yes")
    assert result.returncode != 0
    assert "does not match the manifest" in result.stderr
    assert (media / "keep.txt").read_text() == "still here"
    assert table_rows(restored["DATABASE_URL"]) == before


def test_a_backup_never_overwrites_an_earlier_one(sites, tmp_path):
    original = sites("original")
    folder = tmp_path / "backup"
    folder.mkdir()
    (folder / "earlier.dump").write_text("an earlier backup")
    result = manage(original, "backup", str(folder))
    assert result.returncode != 0
    assert "not empty" in result.stderr
    assert (folder / "earlier.dump").read_text() == "an earlier backup"
