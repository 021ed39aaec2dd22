"""Start the real service (``kenes serve``: gunicorn, whitenoise, collected static) on a throwaway SQLite
database with the starter dataset, for scripts that measure or photograph what a reader's browser gets.

Shared by bench/page_budget.py and bench/screenshots.py. Not used by the test suite (the browser tests use
pytest-django's live server, which needs no demo data).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str:
    configured = os.environ.get("KENES_CHROMIUM")
    for candidate in ([configured] if configured else []) + list(CHROMIUM_CANDIDATES):
        if Path(candidate).exists():
            return candidate
    raise SystemExit("no Chromium found (apt-get install chromium, or set KENES_CHROMIUM)")


def _kenes() -> list[str]:
    script = Path(sys.executable).parent / "kenes"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from kenes.cli import main; sys.exit(main())"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"kenes serve exited with {process.returncode} before answering:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(url + "healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"kenes serve did not answer on {url} within {seconds:.0f} s:\n{_tail(log)}")


def _tail(log: Path, lines: int = 30) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def prepare_data(data_dir: Path, corpus: Path | None) -> None:
    """Load the starter dataset (and the real texts when the corpus is there) once per data folder."""
    env = {**os.environ, "KENES_DATA_DIR": str(data_dir), "DATABASE_URL": ""}
    if not (data_dir / ".demo-loaded").exists():
        _load_demo(data_dir, corpus, env)
    # The search index lives beside the database; bring it up to date (quick when it is).
    done = subprocess.run([*_kenes(), "reindex"], cwd=REPO, env=env, stdout=sys.stderr, check=False)
    if done.returncode != 0:
        print("warning: `kenes reindex` failed: search pages will not answer", file=sys.stderr)


def open_demo_database(reuse: bool, corpus: Path, prefix: str) -> None:
    """Django set up on a demo database with an up-to-date search index, for the in-process benches.

    ``reuse``: KENES_DATA_DIR already holds a loaded demo (saves the ~40 s load between runs).
    """
    if not reuse:
        data = tempfile.mkdtemp(prefix=prefix)
        os.environ["KENES_DATA_DIR"] = data
        os.environ["DATABASE_URL"] = ""
        prepare_data(Path(data), corpus)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kenes.settings")
    import django

    django.setup()
    from kenes.search.index import stale_works, update_works

    if stale_works():
        print(update_works([], wait=60), file=sys.stderr)


def _load_demo(data_dir: Path, corpus: Path | None, env: dict[str, str]) -> None:
    command = [*_kenes(), "demo", "--quiet"]
    if corpus is not None and corpus.is_dir():
        command += ["--corpus", str(corpus)]
    else:
        print(f"({corpus} not found: starter dataset only, no legal texts)", file=sys.stderr)
    print("loading demo data:", " ".join(command), file=sys.stderr, flush=True)
    subprocess.run(command, cwd=REPO, env=env, check=True, stdout=sys.stderr)
    (data_dir / ".demo-loaded").touch()


@contextmanager
def running_service(
    data_dir: Path | None = None,
    corpus: Path | None = DEFAULT_CORPUS,
    workers: int = 2,
    *,
    as_it_is: bool = False,
) -> Iterator[str]:
    """Yield the base URL ("http://127.0.0.1:PORT/") of `kenes serve` over a demo database in ``data_dir``
    (a fresh temporary folder, removed afterwards, when None); ``as_it_is``: serve ``data_dir`` without
    loading the demo into it (a folder another bench prepared)."""
    owned = data_dir is None
    folder = Path(tempfile.mkdtemp(prefix="kenes-live-")) if owned else data_dir
    folder.mkdir(parents=True, exist_ok=True)
    try:
        if not (as_it_is and not owned):
            prepare_data(folder, corpus)
        port = _free_port()
        env = {**os.environ, "KENES_DATA_DIR": str(folder), "DATABASE_URL": "", "DEBUG": ""}
        log = folder / "serve.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [*_kenes(), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
                cwd=REPO,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        url = f"http://127.0.0.1:{port}/"
        try:
            _wait_until_up(url, process, log)
            yield url
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
    finally:
        if owned:
            shutil.rmtree(folder, ignore_errors=True)
