"""Legitimate throughput while an attacker floods wrong passwords (issue 11: failed-login throttling).

Starts the real service (``kenes serve``: gunicorn, 2 workers × 2 threads, SQLite, starter data) behind a
simulated reverse proxy (``KENES_PROXY_COUNT=1``, each client's address in X-Forwarded-For), then measures the
requests per second and latency of legitimate readers (portal pages and API reads) while, in turn:

- control: the attackers' connections ask for a trivial page instead (what any flood over that many
  connections costs, whatever it sends: the floor for the next two);
- flood, one address: attackers POST wrong HTTP Basic passwords for rotating user names from one address
  (locked out per address after the failure limit);
- flood, many addresses: attackers try one account from a new address each time (locked out per account).

Each flood phase sits between two quiet phases (readers only) and is compared with their mean, so the load
other programs put on the machine drifts out of the ratio; the median over the rounds is reported.

Throughout, an editor with the right password also writes through HTTP Basic from their own address twice a
second: they must keep getting in during the floods (the lockout is not theirs). Target: flooded throughput
within 20 % of quiet.

    .venv/bin/python bench/login_flood.py [--seconds 8] [--rounds 2] [--readers 16] [--attackers 8]
"""

from __future__ import annotations

import argparse
import base64
import itertools
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from live_service import REPO, _kenes, prepare_data, running_service  # noqa: E402

EDITOR, EDITOR_PASSWORD = "bench-editor", "quiet-meadow-lantern-42"
READ_PATHS = ["/", "/countries/kz", "/api/works?limit=5", "/rights/", "/api/jurisdictions"]


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    lock = threading.Lock()

    def add(self, status: int, seconds: float) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1


def _request(url: str, method: str = "GET", headers: dict | None = None, body: bytes | None = None) -> int:
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        exc.read()
        return exc.code
    except OSError:
        return 0


def _basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def _reader(base: str, number: int, stop: threading.Event, tally: Tally) -> None:
    headers = {"X-Forwarded-For": f"198.51.100.{number + 1}"}
    for path in itertools.cycle(READ_PATHS):
        if stop.is_set():
            return
        started = time.perf_counter()
        status = _request(base.rstrip("/") + path, headers=headers)
        tally.add(status, time.perf_counter() - started)


def _attacker(base: str, number: int, mode: str, stop: threading.Event, tally: Tally) -> None:
    for attempt in itertools.count():
        if stop.is_set():
            return
        if mode == "control":  # the same connections asking for a trivial page: what any flood costs
            started = time.perf_counter()
            tally.add(_request(base + "healthz"), time.perf_counter() - started)
            continue
        if mode == "address":  # one address, guessing user names
            ip, username = "203.0.113.66", f"admin{attempt % 50}"
        else:  # a new address each time, one account
            ip, username = f"10.{number}.{attempt // 250 % 250}.{attempt % 250 + 1}", "director"
        headers = {
            "X-Forwarded-For": ip,
            "Authorization": _basic(username, f"guess-{attempt}"),
            "Content-Type": "application/json",
        }
        started = time.perf_counter()
        status = _request(base + "api/works", "POST", headers, b"{}")
        tally.add(status, time.perf_counter() - started)


def _editor(base: str, stop: threading.Event, tally: Tally) -> None:
    """The legitimate editor's authenticated write (an empty body: 422 once authenticated), every 0.5 s."""
    headers = {
        "X-Forwarded-For": "192.0.2.10",
        "Authorization": _basic(EDITOR, EDITOR_PASSWORD),
        "Content-Type": "application/json",
    }
    while not stop.wait(0.5):
        started = time.perf_counter()
        tally.add(_request(base + "api/works", "POST", headers, b"{}"), time.perf_counter() - started)


def _attack_process(base: str, attackers: int, mode: str, seconds: float, results) -> None:
    """The attackers, in their own process: they must not share the readers' interpreter lock."""
    stop = threading.Event()
    attacks = Tally()
    threads = [
        threading.Thread(target=_attacker, args=(base, i, mode, stop, attacks)) for i in range(attackers)
    ]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    results.put((attacks.latencies, attacks.statuses))


def _phase(base: str, seconds: float, readers: int, attackers: int, mode: str | None) -> dict:
    stop = threading.Event()
    reads, editor = Tally(), Tally()
    threads = [threading.Thread(target=_reader, args=(base, i, stop, reads)) for i in range(readers)]
    # the editor is legitimate load too (an Argon2 check per request): present in every phase
    threads.append(threading.Thread(target=_editor, args=(base, stop, editor)))
    process = None
    results: multiprocessing.Queue = multiprocessing.Queue()
    if mode:
        process = multiprocessing.Process(
            target=_attack_process, args=(base, attackers, mode, seconds, results)
        )
        process.start()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    attack_latencies, attack_statuses = results.get() if process else ([], {})
    if process:
        process.join()
    lat = sorted(reads.latencies) or [0.0]
    attack_lat = sorted(attack_latencies) or [0.0]
    return {
        "reads_per_s": len(reads.latencies) / seconds,
        "p50_ms": statistics.median(lat) * 1000,
        "p99_ms": lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000,
        "read_errors": sum(n for s, n in reads.statuses.items() if s != 200),
        "attacks_per_s": len(attack_latencies) / seconds,
        "attack_p50_ms": statistics.median(attack_lat) * 1000,
        "attack_statuses": dict(sorted(attack_statuses.items())),
        "editor_statuses": dict(sorted(editor.statuses.items())),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--attackers", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    os.environ["KENES_PROXY_COUNT"] = "1"
    folder = Path(tempfile.mkdtemp(prefix="kenes-flood-"))
    prepare_data(folder, None)
    env = {**os.environ, "KENES_DATA_DIR": str(folder), "DATABASE_URL": "", "KENES_PASSWORD": EDITOR_PASSWORD}
    subprocess.run([*_kenes(), "editor", EDITOR], cwd=REPO, env=env, check=True, stdout=sys.stderr)
    env["KENES_PASSWORD"] = "copper-river-signal-77"
    subprocess.run([*_kenes(), "editor", "director"], cwd=REPO, env=env, check=True, stdout=sys.stderr)

    floods = (
        ("control: /healthz flood", "control"),
        ("flood, one address", "address"),
        ("flood, many addresses", "account"),
    )
    ratios: dict[str, list[float]] = {label: [] for label, _mode in floods}
    last: dict[str, dict] = {}
    with running_service(folder, corpus=None, workers=args.workers) as base:
        _phase(base, 2, args.readers, 0, None)  # warm-up
        for _round in range(args.rounds):
            # quiet, flood, quiet, flood, …, quiet: each flood is compared with the quiet phases on either
            # side of it, so the load other programs put on the machine drifts out of the ratio
            quiet_before = _phase(base, args.seconds, args.readers, 0, None)
            last["quiet"] = quiet_before
            for label, mode in floods:
                flooded = _phase(base, args.seconds, args.readers, args.attackers, mode)
                quiet_after = _phase(base, args.seconds, args.readers, 0, None)
                reference = (quiet_before["reads_per_s"] + quiet_after["reads_per_s"]) / 2
                ratios[label].append(flooded["reads_per_s"] / reference if reference else 0.0)
                last[label] = flooded
                quiet_before = quiet_after

    print(
        f"\nlegitimate readers: {args.readers}, attackers: {args.attackers}, {args.seconds:.0f} s per phase, "
        f"{args.rounds} rounds, gunicorn {args.workers} workers × 2 threads, SQLite"
    )
    print(
        f"{'phase':<24}{'vs quiet (median, each round)':<36}{'reads/s':>8}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'attacks/s':>10}  attack answers / editor answers (last round)"
    )
    for label in ["quiet", *ratios]:
        r = last[label]
        shares = ratios.get(label)
        share = (
            f"{statistics.median(shares) * 100:.0f} % ({', '.join(f'{x * 100:.0f}' for x in shares)})"
            if shares
            else "100 %"
        )
        print(
            f"{label:<24}{share:<36}{r['reads_per_s']:>8.1f}{r['p50_ms']:>8.0f}{r['p99_ms']:>8.0f}"
            f"{r['attacks_per_s']:>10.1f}  {r['attack_statuses']} / {r['editor_statuses']}"
        )
    worst = min(statistics.median(ratios[label]) for label, mode in floods if mode != "control")
    print(f"\nworst flooded throughput: {worst * 100:.0f} % of quiet (median over rounds; target ≥ 80 %).")
    print("The control phase is what any flood over that many connections costs, whatever it asks for.")
    print("reproduce: .venv/bin/python bench/login_flood.py " + " ".join(sys.argv[1:]))
    return 0 if worst >= 0.8 else 1


if __name__ == "__main__":
    sys.exit(main())
