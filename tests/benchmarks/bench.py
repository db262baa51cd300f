"""Render-time and throughput benchmark of the public site, run by `make bench`.

Builds a throwaway production-like database under .local/bench/, times every page
type in both languages in-process with Django's test client, then measures requests
per second against gunicorn on loopback. It prints figures and asserts nothing.

Usage (from the project root): .venv/bin/python tests/benchmarks/bench.py [--quick]
"""

import argparse
import http.client
import os
import platform
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
BENCH_DIR = PROJECT_DIR / ".local" / "bench"
DATABASE_PATH = BENCH_DIR / "db.sqlite3"
GUNICORN_LOG = BENCH_DIR / "gunicorn.log"
VENV_BIN = PROJECT_DIR / ".venv" / "bin"
SETTINGS_MODULE = "site_clls.settings.production"

# The demo Site is 127.0.0.1:8000; sending that Host lets Wagtail match it exactly.
SITE_HOSTNAME = "127.0.0.1"
SITE_PORT = 8000
SITE_HOST = f"{SITE_HOSTNAME}:{SITE_PORT}"
SITE_BASE_URL = f"http://{SITE_HOST}"
LOOPBACK = "127.0.0.1"

NOT_FOUND_URLS = [("it", "/it/non-esiste/"), ("en", "/en/does-not-exist/")]
LOAD_PATHS = ["/it/", "/en/"]
GUNICORN_WORKERS = 2
LOAD_CONCURRENCY = 8
GUNICORN_START_TIMEOUT = 30


@dataclass(frozen=True)
class Config:
    """How many requests each part of the benchmark makes."""

    name: str
    warmups: int
    render_runs: int
    load_requests: int
    load_seconds: float
    load_warmups: int


FULL = Config(
    "full", warmups=3, render_runs=30, load_requests=1000, load_seconds=20, load_warmups=40
)
QUICK = Config(
    "quick", warmups=3, render_runs=10, load_requests=200, load_seconds=5, load_warmups=16
)


@dataclass(frozen=True)
class Target:
    """One URL to time, with the page type and language it stands for."""

    kind: str
    language: str
    url: str


@dataclass(frozen=True)
class RenderResult:
    """Server-side timings of one URL."""

    target: Target
    status: int
    median_ms: float
    p95_ms: float
    queries: int


@dataclass
class ClientTally:
    """What one load-generator thread saw; merged once all threads have finished."""

    latencies: list = field(default_factory=list)
    non_200: int = 0
    errors: int = 0


@dataclass(frozen=True)
class LoadResult:
    """Throughput and latency of one path under load."""

    path: str
    requests: int
    elapsed: float
    latencies: list
    non_200: int
    errors: int


class RequestBudget:
    """A thread-safe countdown of the requests the load generator may still send."""

    def __init__(self, total):
        self._left = total
        self._lock = threading.Lock()

    def take(self):
        """Claim one request; False once the budget is spent."""
        with self._lock:
            if self._left <= 0:
                return False
            self._left -= 1
            return True


def parse_args():
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer requests, for a smoke run")
    return parser.parse_args()


def bench_environment():
    """The environment of every process: production settings on the throwaway database."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        DATABASE_URL=f"sqlite:///{DATABASE_PATH}",
        SECRET_KEY="bench-only-secret",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        # Plain HTTP on loopback: there is no TLS proxy in front to satisfy the redirect.
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        # Local-memory cache, so figures do not depend on whatever CACHE_URL the shell has.
        CACHE_URL="",
        MEDIA_ROOT=str(BENCH_DIR / "media"),
        STATIC_ROOT=str(BENCH_DIR / "staticfiles"),
        SITE_BASE_URL=SITE_BASE_URL,
        PYTHONUNBUFFERED="1",
    )
    return env


def print_header(config):
    """Print the versions and settings the figures were taken with."""
    import django
    import gunicorn
    import wagtail

    print("CLLS site benchmark")
    rows = [
        ("mode", config.name),
        ("python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("django / wagtail", f"{django.get_version()} / {wagtail.__version__}"),
        ("gunicorn", f"{gunicorn.__version__}, {GUNICORN_WORKERS} sync workers"),
        ("settings", f"{SETTINGS_MODULE} (DEBUG off)"),
        ("database", f"SQLite {sqlite3.sqlite_version}, {DATABASE_PATH}"),
        ("machine", f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}"),
        ("render", f"{config.warmups} warm-up + {config.render_runs} timed requests per URL"),
        (
            "load",
            f"{LOAD_CONCURRENCY} clients, {config.load_requests} requests "
            f"or {config.load_seconds:g} s per path",
        ),
    ]
    width = max(len(label) for label, _value in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    print()


def reset_database():
    """Delete the previous run's database so every run starts from the same content."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-journal", "-wal", "-shm"):
        DATABASE_PATH.with_name(DATABASE_PATH.name + suffix).unlink(missing_ok=True)


def run_manage(env, *args):
    """Run one manage.py command, showing its output only if it fails."""
    # Output is captured because build_demo_site prints the local admin password.
    command = [str(VENV_BIN / "python"), "manage.py", *args]
    result = subprocess.run(command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"`manage.py {' '.join(args)}` failed with code {result.returncode}.")


def prepare_site(env):
    """Build a fresh database with the demo site and collect the static files."""
    print("Preparing a fresh database and the static files...", flush=True)
    started = time.perf_counter()
    reset_database()
    run_manage(env, "migrate", "--noinput")
    run_manage(env, "build_demo_site", "--base-url", SITE_BASE_URL)
    run_manage(env, "collectstatic", "--noinput")
    print(f"  done in {time.perf_counter() - started:.1f} s\n")


def setup_django(env):
    """Configure Django in this process exactly as the subprocesses see it."""
    import logging

    import django

    os.environ.update(env)
    sys.path.insert(0, str(PROJECT_DIR))
    django.setup()
    # The timed 404s would each log a "Not Found" warning; real errors still show.
    logging.getLogger("django.request").setLevel(logging.ERROR)


def discover_targets():
    """One live page per (page type, language), then the 404 page in each language."""
    from django.conf import settings
    from wagtail.models import Page

    language_order = [code for code, _name in settings.LANGUAGES]
    chosen = {}
    pages = Page.objects.live().filter(depth__gt=1).select_related("locale").order_by("path")
    for page in pages:
        key = (page.specific_class.__name__, page.locale.language_code)
        chosen.setdefault(key, page)

    targets = []
    for (kind, language), page in chosen.items():
        url = page.specific.get_url()
        if url is None:
            print(f"  skipped {kind} ({language}) “{page.title}”: it has no URL")
            continue
        targets.append(Target(kind, language, url))
    targets.sort(key=lambda t: (t.kind, language_order.index(t.language)))
    targets += [Target("404", language, url) for language, url in NOT_FOUND_URLS]
    return targets


def percentile(samples, pct):
    """The pct-th percentile of samples, interpolated between the nearest ranks."""
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[pct - 1]


def time_render(client, target, config):
    """Time one URL through the whole Django stack and count the queries of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(config.warmups):
        client.get(target.url)
    durations = []
    for _ in range(config.render_runs):
        started = time.perf_counter()
        response = client.get(target.url)
        durations.append((time.perf_counter() - started) * 1000)
    # Counted after the timed runs so caches are in the same state as when timed.
    with CaptureQueriesContext(connection) as captured:
        client.get(target.url)
    return RenderResult(
        target=target,
        status=response.status_code,
        median_ms=statistics.median(durations),
        p95_ms=percentile(durations, 95),
        queries=len(captured),
    )


def measure_renders(config):
    """Time every discovered URL in-process."""
    from django.test import Client

    # Errors become 500 rows in the table instead of stopping the benchmark.
    client = Client(raise_request_exception=False, HTTP_HOST=SITE_HOST, SERVER_PORT=str(SITE_PORT))
    return [time_render(client, target, config) for target in discover_targets()]


def print_table(headers, rows, right_aligned):
    """Print rows under headers in aligned columns; right_aligned holds column indexes."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in [headers, *cells]) for i in range(len(headers))]

    def line(row):
        return "  ".join(
            cell.rjust(width) if i in right_aligned else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()

    print(line(headers))
    print("  ".join("-" * width for width in widths))
    for row in cells:
        print(line(row))
    print()


def print_renders(results, config):
    """Print the server-side render table."""
    print(f"Server-side render time (in-process, median and p95 of {config.render_runs} runs)")
    headers = ["page type", "lang", "URL", "status", "median ms", "p95 ms", "queries"]
    rows = [
        (
            r.target.kind,
            r.target.language,
            r.target.url,
            r.status,
            f"{r.median_ms:.2f}",
            f"{r.p95_ms:.2f}",
            r.queries,
        )
        for r in results
    ]
    print_table(headers, rows, right_aligned={3, 4, 5, 6})


def free_port():
    """A loopback TCP port nobody is listening on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port, log_file):
    """Start gunicorn on a loopback port, logging to log_file."""
    command = [
        str(VENV_BIN / "gunicorn"),
        "site_clls.wsgi:application",
        "--bind",
        f"{LOOPBACK}:{port}",
        "--workers",
        str(GUNICORN_WORKERS),
        # Its default control socket is one fixed path in $HOME, shared with any other gunicorn.
        "--no-control-socket",
    ]
    return subprocess.Popen(
        command, cwd=PROJECT_DIR, env=env, stdout=log_file, stderr=subprocess.STDOUT
    )


def stop_gunicorn(process):
    """Stop gunicorn gracefully, killing it if it does not exit in time."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def fetch(connection, path):
    """GET path on an open connection and return the status, reading the whole body."""
    connection.request("GET", path, headers={"Host": SITE_HOST})
    response = connection.getresponse()
    response.read()
    return response.status


def wait_until_ready(process, port):
    """Block until gunicorn answers on port, or fail if it exits or takes too long."""
    deadline = time.monotonic() + GUNICORN_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with code {process.returncode}; see {GUNICORN_LOG}")
        connection = http.client.HTTPConnection(LOOPBACK, port, timeout=5)
        try:
            fetch(connection, LOAD_PATHS[0])
            return
        except (OSError, http.client.HTTPException):
            time.sleep(0.2)
        finally:
            connection.close()
    raise SystemExit(
        f"gunicorn did not answer within {GUNICORN_START_TIMEOUT} s; see {GUNICORN_LOG}"
    )


def send_one(connection, path):
    """GET path, retrying once on a fresh connection if the server dropped a kept-alive one."""
    try:
        return fetch(connection, path)
    except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
        connection.close()
        return fetch(connection, path)


def client_loop(port, path, budget, deadline, tally):
    """One simulated client: send requests back to back, reusing its connection when allowed."""
    # Gunicorn's sync workers answer "Connection: close"; http.client then reconnects by
    # itself, so the figures include one TCP connect per request, as a proxy would pay.
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=30)
    try:
        while time.perf_counter() < deadline and budget.take():
            started = time.perf_counter()
            try:
                status = send_one(connection, path)
            except (OSError, http.client.HTTPException):
                tally.errors += 1
                connection.close()
                continue
            tally.latencies.append((time.perf_counter() - started) * 1000)
            if status != 200:
                tally.non_200 += 1
    finally:
        connection.close()


def run_load(port, path, total, seconds):
    """Drive path with LOAD_CONCURRENCY clients until total requests or seconds run out."""
    budget = RequestBudget(total)
    tallies = [ClientTally() for _ in range(LOAD_CONCURRENCY)]
    started = time.perf_counter()
    deadline = started + seconds
    # Daemon threads, so an interrupted run exits without draining the request budget.
    threads = [
        threading.Thread(
            target=client_loop, args=(port, path, budget, deadline, tally), daemon=True
        )
        for tally in tallies
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies = [ms for tally in tallies for ms in tally.latencies]
    return LoadResult(
        path=path,
        requests=len(latencies),
        elapsed=elapsed,
        latencies=latencies,
        non_200=sum(tally.non_200 for tally in tallies),
        errors=sum(tally.errors for tally in tallies),
    )


def measure_throughput(env, config):
    """Serve the site with gunicorn and load each path in turn."""
    port = free_port()
    results = []
    with GUNICORN_LOG.open("w") as log_file:
        process = start_gunicorn(env, port, log_file)
        try:
            wait_until_ready(process, port)
            for path in LOAD_PATHS:
                # Warm every worker (templates, URL resolvers, connections) before timing.
                run_load(port, path, config.load_warmups, config.load_seconds)
                results.append(run_load(port, path, config.load_requests, config.load_seconds))
        finally:
            stop_gunicorn(process)
    return results


def print_throughput(results):
    """Print the throughput table."""
    print(
        f"Throughput (gunicorn, {GUNICORN_WORKERS} sync workers, {LOAD_CONCURRENCY} concurrent "
        f"clients on loopback, Host {SITE_HOST})"
    )
    headers = [
        "path",
        "requests",
        "seconds",
        "req/s",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "non-200",
        "errors",
    ]
    rows = []
    for r in results:
        if r.latencies:
            p50, p90, p99 = (f"{percentile(r.latencies, pct):.1f}" for pct in (50, 90, 99))
        else:
            p50 = p90 = p99 = "-"
        rows.append(
            (
                r.path,
                r.requests,
                f"{r.elapsed:.1f}",
                f"{r.requests / r.elapsed:.1f}",
                p50,
                p90,
                p99,
                r.non_200,
                r.errors,
            )
        )
    print_table(headers, rows, right_aligned=set(range(1, len(headers))))


def exit_on_sigterm():
    """Turn SIGTERM into SystemExit, so the finally blocks still stop gunicorn."""
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))


def main():
    """Prepare the site, then print render times and throughput."""
    config = QUICK if parse_args().quick else FULL
    exit_on_sigterm()
    env = bench_environment()
    print_header(config)
    prepare_site(env)
    setup_django(env)
    print_renders(measure_renders(config), config)

    from django.db import connections

    # Release this process's SQLite handle before gunicorn's workers open theirs.
    connections.close_all()
    print_throughput(measure_throughput(env, config))
    print(f"gunicorn log: {GUNICORN_LOG.relative_to(PROJECT_DIR)}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        # The finally blocks have already stopped gunicorn; spare the traceback.
        sys.exit("Interrupted.")
