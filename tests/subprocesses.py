"""Running manage.py of a tree of the project against throwaway databases, as a deploy would."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
from psycopg import sql


class ThrowawayDatabases:
    """Databases for runs of manage.py, on this test run's backend, all dropped at the end."""

    def __init__(self, folder):
        self.folder = folder
        url = os.environ.get("DATABASE_URL", "")
        self.server = url if url.startswith("postgres") else None
        self.names = []

    def create(self, name, copy_of=None):
        """A new database, empty or a copy of one made before; returns its DATABASE_URL."""
        if self.server is None:
            path = self.folder / f"{name}.sqlite3"
            if copy_of:
                shutil.copyfile(self.folder / f"{copy_of}.sqlite3", path)
            return f"sqlite:///{path}"
        # The pid keeps parallel runs apart and away from the main suite's `test` databases.
        full_name = f"clls_throwaway_{os.getpid()}_{name}"
        with self.connect() as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(full_name))
            )
            create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(full_name))
            if copy_of:
                template = f"clls_throwaway_{os.getpid()}_{copy_of}"
                create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
            connection.execute(create)
        self.names.append(full_name)
        return urlsplit(self.server)._replace(path=f"/{full_name}").geturl()

    def drop_all(self):
        if self.server is None:
            return
        with self.connect() as connection:
            for name in self.names:
                connection.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )

    def connect(self):
        maintenance = urlsplit(self.server)._replace(path="/postgres").geturl()
        return psycopg.connect(maintenance, autocommit=True)


def manage(tree, database_url, *args, env=None, describe=None):
    """Run manage.py in `tree` against `database_url`; fail with its output if it fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=tree,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "site_clls.settings.dev",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(tree / "media"),
            **(env or {}),
        },
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, (
        f"`manage.py {describe or ' '.join(args)}` in {tree} exited with {result.returncode}\n"
        f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    )
    return result.stdout


def run_script(tree, database_url, script, **env):
    """Run the Python file `script` in `tree`'s shell; returns the JSON it printed last."""
    stdout = manage(
        tree,
        database_url,
        "shell",
        "--no-imports",
        "-c",
        Path(script).read_text(),
        env=env,
        describe=f"shell -c <{Path(script).name}>",
    )
    # The dev settings print e-mails (workflow notifications) to stdout before the JSON.
    return json.loads(stdout.strip().splitlines()[-1])
