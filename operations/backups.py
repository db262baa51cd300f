"""Backups of what the site cannot rebuild: the database and the uploaded media.

A backup is a folder: `database.dump` (PostgreSQL's custom format, by pg_dump)
or `database.sqlite3` (SQLite's online backup), `media.tar.gz` (the files under
MEDIA_ROOT; media on object storage are backed up by the storage itself) and
`manifest.json`. `restore` puts them back onto an empty or existing database.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore could not be made; the message says why."""


def _database(alias="default"):
    return settings.DATABASES[alias]


def _is_postgres(database):
    return database["ENGINE"].endswith("postgresql")


def _pg_arguments(database):
    arguments = ["--dbname", database["NAME"], "--no-password"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            arguments += [option, str(database[key])]
    return arguments


def _pg_environment(database):
    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    return environment


def _run(command, environment):
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _media_root():
    storage = settings.STORAGES["default"]["BACKEND"]
    if storage != "django.core.files.storage.FileSystemStorage":
        return None
    return Path(settings.MEDIA_ROOT)


def backup(folder):
    """Write a backup of the database and the media into `folder` (created); return it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=False)
    database = _database()
    if _is_postgres(database):
        dump = folder / "database.dump"
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(dump),
                *_pg_arguments(database),
            ],
            _pg_environment(database),
        )
    else:
        connections["default"].close()
        with (
            sqlite3.connect(database["NAME"]) as source,
            sqlite3.connect(folder / "database.sqlite3") as target,
        ):
            source.backup(target)
    media = _media_root()
    if media is not None:
        with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
            if media.exists():
                archive.add(media, arcname=".")
    manifest = {
        "created_at": timezone.now().isoformat(),
        "engine": database["ENGINE"],
        "media": media is not None,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return folder


def restore(folder):
    """Put the database and the media of the backup in `folder` back in place."""
    folder = Path(folder)
    if not (folder / MANIFEST).exists():
        raise BackupError(f"{folder} holds no backup ({MANIFEST} is missing).")
    database = _database()
    connections["default"].close()
    if _is_postgres(database):
        dump = folder / "database.dump"
        if not dump.exists():
            raise BackupError("This backup is of SQLite, not PostgreSQL.")
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                str(dump),
                *_pg_arguments(database),
            ],
            _pg_environment(database),
        )
    else:
        copy = folder / "database.sqlite3"
        if not copy.exists():
            raise BackupError("This backup is of PostgreSQL, not SQLite.")
        with sqlite3.connect(copy) as source, sqlite3.connect(database["NAME"]) as target:
            source.backup(target)
    media = _media_root()
    archive_path = folder / "media.tar.gz"
    if media is not None and archive_path.exists():
        if media.exists():
            shutil.rmtree(media)
        media.mkdir(parents=True)
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(media, filter="data")
