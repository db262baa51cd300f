"""The page cache under gunicorn with several workers sharing Redis, and with Redis down."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.operations.test_pagecache import redis_reachable
from tests.subprocesses import ThrowawayDatabases, manage

PROJECT = Path(settings.BASE_DIR)
# A Redis database and key prefix of this module's own.
REDIS_URL = "redis://127.0.0.1:6379/14"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(database_url, tmp_path, **extra):
    return {
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PAGE_CACHE": "on",
        "CACHE_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"clls-workers-{os.getpid()}",
        **extra,
    }


class Gunicorn:
    """gunicorn serving the dev settings on a free port, stopped on exit."""

    def __init__(self, env, workers=2):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "site_clls.wsgi:application",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
            ],
            cwd=PROJECT,
            env={
                "PATH": os.environ["PATH"],
                "DJANGO_SETTINGS_MODULE": "site_clls.settings.dev",
                **env,
            },
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def __enter__(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                self.get("/healthz/")
                return self
            except OSError:
                time.sleep(0.3)
        self.process.kill()
        raise AssertionError(f"gunicorn did not start: {self.process.communicate()[1]}")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)

    def get(self, path):
        """(status, X-Page-Cache, body) of a request on a new connection."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=30) as answer:
            return answer.status, answer.headers.get("X-Page-Cache"), answer.read().decode()


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory):
    throwaway = ThrowawayDatabases(tmp_path_factory.mktemp("databases"))
    url = throwaway.create("pagecache")
    manage(PROJECT, url, "migrate", "--noinput")
    manage(PROJECT, url, "build_demo_site", "--base-url", "http://127.0.0.1")
    yield url
    throwaway.drop_all()


def test_a_purge_in_another_process_reaches_every_worker(demo_database, tmp_path):
    assert redis_reachable(), "Redis must answer on 127.0.0.1:6379"
    env = environment(demo_database, tmp_path)
    manage(
        PROJECT,
        demo_database,
        "shell",
        "-c",
        "from django.core.cache import cache; cache.clear()",
        env=env,
    )
    with Gunicorn(env) as server:
        answers = [server.get("/it/") for _ in range(8)]
        assert [status for status, _, _ in answers] == [200] * 8
        # One worker rendered the page; every later request, on either worker, is a hit.
        assert [cached for _, cached, _ in answers] == ["miss"] + ["hit"] * 7
        assert "Un piè di pagina scritto da un altro processo" not in answers[0][2]
        # An editor's change in another process (here a shell) purges the shared cache.
        manage(
            PROJECT,
            demo_database,
            "shell",
            "-c",
            "from home.models import SiteContent\n"
            "content = SiteContent.objects.get(locale__language_code='it')\n"
            "content.footer_text = 'Un piè di pagina scritto da un altro processo'\n"
            "content.save()\n",
            env=env,
        )
        after = [server.get("/it/") for _ in range(8)]
        assert all("Un piè di pagina scritto da un altro processo" in body for _, _, body in after)
        assert [cached for _, cached, _ in after] == ["miss"] + ["hit"] * 7


def test_pages_are_served_while_redis_is_down(demo_database, tmp_path):
    env = environment(demo_database, tmp_path, CACHE_URL="redis://127.0.0.1:1/0")
    with Gunicorn(env, workers=1) as server:
        for path in ("/it/", "/it/", "/en/"):
            status, cached, body = server.get(path)
            assert status == 200
            assert cached != "hit"
            assert "<html lang=" in body
