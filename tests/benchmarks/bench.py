"""Queries, render times and throughput of every public page type, run by `make bench`.

Builds a throwaway production-settings copy of the site (SQLite in a temporary
folder, or a temporary PostgreSQL database on the server of DATABASE_URL when
set) holding the demo site plus `--volume` news items and events, then prints
for every page type in both languages: the queries of one request, the median
render time through Django's whole handler, and the requests per second under
gunicorn (2 sync workers) driven by wrk on loopback, with the page cache off and
on (PAGE_CACHE), each also as a fraction of a fixed 20 KB Django response served
by the same gunicorn in the same run. Worker memory (RSS) is reported at the end.
It asserts nothing. With --write (or BENCH_WRITE=1) the table also goes into
docs/performance.md between its markers.

Usage (from the project root): .venv/bin/python tests/benchmarks/bench.py [--quick] [--write]
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.benchmarks.production_copy import (
    LOOPBACK,
    PROJECT_DIR,
    SETTINGS_MODULE,
    build_site,
    production_environment,
    start_gunicorn,
    stop_gunicorn,
    wait_until_answers,
)

DOC = PROJECT_DIR / "docs" / "performance.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"

SITE_HOST = "127.0.0.1:8000"
SITE_BASE_URL = f"http://{SITE_HOST}"
FIXED_PATH = "/bench/fixed/"
GUNICORN_WORKERS = 2
EXTRA_URLS = [
    ("search", "it", "/it/cerca/?q=ricerca"),
    ("search", "en", "/en/search/?q=research"),
    ("news feed (RSS)", "it", "/it/notizie/feed/rss/"),
    ("news feed (RSS)", "en", "/en/news/feed/rss/"),
    ("sitemap", "-", "/sitemap.xml"),
    ("404", "it", "/it/non-esiste/"),
    ("404", "en", "/en/does-not-exist/"),
]


@dataclass(frozen=True)
class Config:
    name: str
    volume: int
    render_runs: int
    wrk_seconds: int
    wrk_connections: int = 8


FULL = Config("full", volume=300, render_runs=50, wrk_seconds=4)
QUICK = Config("quick", volume=30, render_runs=10, wrk_seconds=1)


@dataclass
class Row:
    kind: str
    language: str
    url: str
    status: int = 0
    queries: int = 0
    median_ms: float = 0.0
    throughput: dict = field(default_factory=dict)  # mode -> req/s
    cache_header: str = ""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small, short smoke run")
    parser.add_argument("--volume", type=int, help="news items per language (default 300)")
    parser.add_argument(
        "--write",
        action="store_true",
        default=os.environ.get("BENCH_WRITE", "") not in ("", "0"),
        help="write the table into docs/performance.md (also BENCH_WRITE=1)",
    )
    return parser.parse_args()


def temporary_database(workdir):
    """A database URL for the run and a function that removes it afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{workdir / 'db.sqlite3'}", "SQLite", lambda: None
    import psycopg

    name = f"clls_bench_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(url)

    def drop():
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit(parts._replace(path=f"/{name}")), f"PostgreSQL ({name})", drop


def bench_environment(workdir, database_url):
    return production_environment(
        workdir,
        database_url=database_url,
        base_url=SITE_BASE_URL,
        BENCH_FIXED_RESPONSE="on",
        PAGE_CACHE="off",
    )


def prepare_site(env, volume):
    print(f"Building the site at --volume {volume}...", flush=True)
    started = time.perf_counter()
    build_site(env, "--volume", str(volume))
    print(f"  done in {time.perf_counter() - started:.0f} s\n", flush=True)


def setup_django(env):
    import logging

    import django

    os.environ.update(env)
    sys.path.insert(0, str(PROJECT_DIR))
    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)


def discover_rows():
    """One live page per (page type, language), then search, feeds, sitemap and 404."""
    from django.conf import settings
    from wagtail.models import Page

    order = [code for code, _name in settings.LANGUAGES]
    chosen = {}
    pages = Page.objects.live().filter(depth__gt=1).select_related("locale").order_by("path")
    for page in pages:
        chosen.setdefault((page.specific_class.__name__, page.locale.language_code), page)
    rows = [
        Row(kind, language, page.specific.get_url())
        for (kind, language), page in chosen.items()
        if page.specific.get_url()
    ]
    rows.sort(key=lambda r: (r.kind, order.index(r.language)))
    return rows + [Row(kind, language, url) for kind, language, url in EXTRA_URLS]


def measure_renders(rows, config):
    """Queries of one request and the median of `render_runs` renders, per URL, in-process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(raise_request_exception=False, HTTP_HOST=SITE_HOST, SERVER_PORT="8000")
    for row in rows:
        for _ in range(3):
            client.get(row.url)
        with CaptureQueriesContext(connection) as captured:
            row.status = client.get(row.url).status_code
        row.queries = len(captured)
        durations = []
        for _ in range(config.render_runs):
            started = time.perf_counter()
            client.get(row.url)
            durations.append((time.perf_counter() - started) * 1000)
        row.median_ms = statistics.median(durations)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def get(port, path):
    """Status and X-Page-Cache header of one GET."""
    request = urllib.request.Request(f"http://{LOOPBACK}:{port}{path}", headers={"Host": SITE_HOST})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
            return response.status, response.headers.get("X-Page-Cache", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Page-Cache", "")


def wrk(port, path, config):
    """Requests per second wrk gets from `path`."""
    command = [
        "wrk",
        "-t2",
        f"-c{config.wrk_connections}",
        f"-d{config.wrk_seconds}s",
        "-H",
        f"Host: {SITE_HOST}",
        f"http://{LOOPBACK}:{port}{path}",
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    return float(match.group(1)) if match else 0.0


def worker_rss_mb(master_pid):
    """Resident memory of each gunicorn worker (children of the master), in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", text, re.MULTILINE):
            rss = re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE)
            if rss:
                sizes.append(int(rss.group(1)) / 1024)
    return sizes


def measure_throughput(env, rows, config, mode, workdir):
    """Req/s of every URL and of the fixed response, under one gunicorn with PAGE_CACHE=mode."""
    port = free_port()
    env = {**env, "PAGE_CACHE": mode}
    with (workdir / f"gunicorn-{mode}.log").open("w") as log_file:
        process = start_gunicorn(env, port, log_file, GUNICORN_WORKERS)
        try:
            wait_until_answers(
                process, f"http://{LOOPBACK}:{port}{FIXED_PATH}", {"Host": SITE_HOST}
            )
            fixed = wrk(port, FIXED_PATH, config)
            for row in rows:
                # Warm both workers (and the page cache when on) before timing.
                for _ in range(4):
                    _status, header = get(port, row.url)
                if mode == "on":
                    row.cache_header = header
                row.throughput[mode] = wrk(port, row.url, config)
            fixed = max(fixed, wrk(port, FIXED_PATH, config))
            rss = worker_rss_mb(process.pid)
        finally:
            stop_gunicorn(process)
    return fixed, rss


def table(rows, fixed, config):
    """The results as a Markdown table."""
    lines = [
        "| page type | lang | URL | queries | median render ms | uncached req/s (× fixed) "
        "| cached req/s (× fixed) | X-Page-Cache |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        cells = [row.kind, row.language, f"`{row.url}`", str(row.queries), f"{row.median_ms:.1f}"]
        for mode in ("off", "on"):
            value = row.throughput.get(mode, 0.0)
            cells.append(f"{value:.0f} ({value / fixed[mode]:.0%})" if fixed[mode] else "-")
        cells.append(row.cache_header or "-")
        status = "" if row.status in (200, 404) else f" (status {row.status})"
        cells[0] += status
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report(rows, fixed, rss, config, database):
    import django
    import gunicorn
    import wagtail

    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()
    header = [
        f"Run {today}, `{config.name}` mode: `--volume {config.volume}` "
        f"({config.volume} news items and {config.volume // 5} events per language), "
        f"{SETTINGS_MODULE} with DEBUG off, {database}, local-memory cache.",
        f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"Wagtail {wagtail.__version__}, gunicorn {gunicorn.__version__} "
        f"({GUNICORN_WORKERS} sync workers), {' '.join(wrk_version[:2])} "
        f"(2 threads, {config.wrk_connections} connections, {config.wrk_seconds} s per URL), "
        f"{platform.machine()} with {os.cpu_count()} CPUs.",
        f"Render: median of {config.render_runs} requests through Django's handler "
        "(test client, after 3 warm-up requests); queries: one request after those.",
        f"Fixed 20 KB response (`{FIXED_PATH}`, same gunicorn, same run): "
        f"{fixed['off']:.0f} req/s in the uncached run, {fixed['on']:.0f} req/s in the cached run.",
        "Worker RSS after the run: "
        + "; ".join(
            f"{mode} {', '.join(f'{mb:.0f} MB' for mb in sizes) or '-'}"
            for mode, sizes in (("uncached", rss["off"]), ("cached", rss["on"]))
        )
        + ".",
    ]
    return "\n\n".join([*header, table(rows, fixed, config)])


def write_doc(text):
    content = DOC.read_text()
    if BEGIN not in content or END not in content:
        raise SystemExit(f"{DOC} lacks the markers {BEGIN} … {END}")
    before, rest = content.split(BEGIN, 1)
    _old, after = rest.split(END, 1)
    DOC.write_text(f"{before}{BEGIN}\n{text}\n{END}{after}")
    print(f"Written into {DOC.relative_to(PROJECT_DIR)}.")


def main():
    args = parse_args()
    config = QUICK if args.quick else FULL
    if args.volume is not None:
        config = Config(config.name, args.volume, config.render_runs, config.wrk_seconds)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: `apt-get install wrk` (or `make system-deps` as root).")
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
    workdir = Path(tempfile.mkdtemp(prefix="clls-bench-"))
    database_url, database, drop_database = temporary_database(workdir)
    try:
        env = bench_environment(workdir, database_url)
        prepare_site(env, config.volume)
        setup_django(env)
        rows = discover_rows()
        print(f"Rendering {len(rows)} URLs in-process...", flush=True)
        measure_renders(rows, config)
        from django.db import connections

        connections.close_all()
        fixed, rss = {}, {}
        for mode in ("off", "on"):
            print(f"Loading them under gunicorn, PAGE_CACHE={mode}...", flush=True)
            fixed[mode], rss[mode] = measure_throughput(env, rows, config, mode, workdir)
        text = report(rows, fixed, rss, config, database)
        print()
        print(text)
        if args.write:
            write_doc(text)
    finally:
        drop_database()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("Interrupted.")
