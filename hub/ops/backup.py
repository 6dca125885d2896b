"""Backups a council's IT team can take and restore: the whole database and every uploaded
file, in one folder with a manifest of checksums.

PostgreSQL is dumped with `pg_dump --format=custom` and restored with `pg_restore`; SQLite is
copied with SQLite's online backup API, so a backup taken while the site runs is consistent.
Media is a tar archive of MEDIA_ROOT. Restoring checks the manifest first and changes nothing
if any file is missing or altered.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
FORMAT_VERSION = 1


class BackupError(Exception):
    pass


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_environment(database):
    environment = {**os.environ}
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    return environment


def _pg_arguments(database):
    arguments = ["--dbname", database["NAME"]]
    if database.get("HOST"):
        arguments += ["--host", database["HOST"]]
    if database.get("PORT"):
        arguments += ["--port", str(database["PORT"])]
    if database.get("USER"):
        arguments += ["--username", database["USER"]]
    return arguments


def _dump_database(folder):
    database = settings.DATABASES["default"]
    if connection.vendor == "postgresql":
        target = folder / "database.dump"
        subprocess.run(  # noqa: S603 - a fixed program and the configured database, no shell
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)]
            + _pg_arguments(database),
            check=True,
            env=_pg_environment(database),
            capture_output=True,
        )
        return target
    if connection.vendor == "sqlite":
        target = folder / "database.sqlite3"
        source = sqlite3.connect(database["NAME"])
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return target
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def _archive_media(folder):
    target = folder / MEDIA_ARCHIVE
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target, "w:gz") as archive:
        if media.exists():
            for path in sorted(media.rglob("*")):
                if path.is_file():
                    archive.add(path, arcname=str(path.relative_to(media)))
    return target


def backup(output):
    """Write a backup into the new folder `output`; return the manifest."""
    folder = Path(output)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty; choose a new folder.")
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    files = [_dump_database(folder), _archive_media(folder)]
    manifest = {
        "format": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "database_vendor": connection.vendor,
        "files": {path.name: _sha256(path) for path in files},
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
    for path in folder.iterdir():
        path.chmod(0o600)
    return manifest


def check(folder):
    """The manifest, if every file is present and unaltered; otherwise BackupError."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} has no readable {MANIFEST}.") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError("This backup was made by a different version of the Hub.")
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file() or _sha256(path) != expected:
            raise BackupError(f"{name} is missing or does not match the manifest.")
    if manifest["database_vendor"] != connection.vendor:
        raise BackupError(
            f"This is a {manifest['database_vendor']} backup; the configured database is "
            f"{connection.vendor}."
        )
    return manifest


def _restore_database(folder):
    database = settings.DATABASES["default"]
    connection.close()
    if connection.vendor == "postgresql":
        subprocess.run(  # noqa: S603 - a fixed program and the configured database, no shell
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
            ]
            + _pg_arguments(database)
            + [str(folder / "database.dump")],
            check=True,
            env=_pg_environment(database),
            capture_output=True,
        )
        return
    source = sqlite3.connect(folder / "database.sqlite3")
    target = sqlite3.connect(database["NAME"])
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _restore_media(folder):
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="media-restore-", dir=media.parent))
    with tarfile.open(folder / MEDIA_ARCHIVE, "r:gz") as archive:
        archive.extractall(staging, filter="data")
    if media.exists():
        shutil.rmtree(media)
    staging.rename(media)


def restore(folder):
    """Replace the database and media with the backup's, after checking it."""
    folder = Path(folder)
    manifest = check(folder)
    _restore_database(folder)
    _restore_media(folder)
    return manifest
