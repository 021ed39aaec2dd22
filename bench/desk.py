"""Benchmark: the advisory desk at 100,000 cases. Run on demand (never in the test suite):

    .venv/bin/python bench/desk.py                              # SQLite in a temp dir, 100,000 cases
    .venv/bin/python bench/desk.py --database-url postgres://postgres@127.0.0.1:5432/kenes_desk
    .venv/bin/python bench/desk.py --n 20000 --workers 4 --seconds 10   # a quick look
    .venv/bin/python bench/desk.py --database-url postgres://… --workers 50 --seconds 60 --parts concurrent

Reported:
- the consultant's case list with filters (status, category, urgency, "mine", page): p50/p95/p99 of the
  whole request (`GET /desk/?…` and `GET /api/desk/cases?…` through Django's test client: scoping, the
  filtered query, the count, decrypting the page's names, the audit entry, rendering);
- a case write (intake: person + case + category rows) with encryption and audit against the same write with
  encryption and audit switched off (a trivial "seal" and no audit entry): the overhead in %;
- concurrent consultants: W threads, each with its own connection, for S seconds doing intake →
  consultation → list; errors, and lost writes (cases the workers were told were saved but are not in the
  database), then the audit chain verified. ``--parts`` picks which of the three run (all by default).

After loading, PostgreSQL gets ``VACUUM ANALYZE`` (what autovacuum does to a table that just took 100,000
rows: statistics, and the visibility map that lets the case list's counts read its covering indexes
alone); SQLite is left as an installation leaves it, without ``ANALYZE`` statistics.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def setup(database_url: str | None) -> None:
    data = tempfile.mkdtemp(prefix="kenes-desk-bench-")
    os.environ["KENES_DATA_DIR"] = data
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{data}/kenes.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kenes.settings")
    os.environ["KENES_SEARCH_AUTOINDEX"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    if database_url:
        call_command("flush", interactive=False, verbosity=0) if _has_tables() else None
    call_command("migrate", verbosity=0)


def _has_tables() -> bool:
    from django.db import connection

    return "desk_case" in connection.introspection.table_names()


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))] * 1000

    return at(0.50), at(0.95), at(0.99)


def staff_world():
    from django.contrib.auth import get_user_model

    from kenes.accounts.models import Organisation
    from kenes.accounts.roles import set_membership

    orgs = [
        Organisation.objects.create(slug=f"bench-{c}", name=f"Bench {c}", country=c) for c in ("kz", "uz")
    ]
    users = []
    for org in orgs:
        for i in range(4):
            user = get_user_model().objects.create_user(f"bench-{org.country}-{i}", password="x")
            set_membership(user, org, "consultant")
            users.append(user)
    return orgs, users


def bulk_cases(n: int, orgs, users, seed: int = 1) -> None:
    """n cases through bulk_create (the fields are encrypted by the model field on the way in)."""
    from kenes.desk.crypto import blind_index, normalise_document, normalise_phone
    from kenes.desk.models import Case, CaseCategory, Category, Person, Status

    rng = random.Random(seed)
    codes = [c.value for c in Category]
    statuses = [s.value for s in Status]
    batch = 2000
    for start in range(0, n, batch):
        people, cases, cats = [], [], []
        for i in range(start, min(n, start + batch)):
            user = users[i % len(users)]
            org = orgs[0] if user.username.startswith("bench-kz") else orgs[1]
            doc, phone = f"N{i:08d}", f"+7701{i:07d}"
            person = Person(
                organisation=org,
                full_name=f"Bench Person {i}",
                document_number=doc,
                phone=phone,
                citizenship=rng.choice(["uz", "tj", "kg"]),
                document_index=blind_index("document", normalise_document(doc)),
                phone_index=blind_index("phone", normalise_phone(phone)),
            )
            case = Case(
                organisation=org,
                person=person,
                host_country="kz",
                summary=f"Bench summary {i}",
                status=rng.choice(statuses),
                consultant=user,
                urgency="urgent" if rng.random() < 0.1 else "normal",
            )
            people.append(person)
            cases.append(case)
            cats.append(CaseCategory(case=case, code=rng.choice(codes)))
        Person.objects.bulk_create(people)
        Case.objects.bulk_create(cases)
        CaseCategory.objects.bulk_create(cats)


def bench_list(users, requests: int, seed: int = 2) -> dict[str, tuple[float, float, float]]:
    from django.test import Client

    from kenes.desk.models import Category, Status

    rng = random.Random(seed)
    out = {}
    for label, base in (("page GET /desk/", "/desk/"), ("API GET /api/desk/cases", "/api/desk/cases")):
        client = Client()
        client.force_login(users[0])
        times, cpu = [], []
        for _ in range(requests):
            params = {}
            if rng.random() < 0.7:
                params["status"] = rng.choice(Status.values)
            if rng.random() < 0.5:
                params["category"] = rng.choice(Category.values)
            if rng.random() < 0.2:
                params["urgency"] = "urgent"
            if rng.random() < 0.3:
                params["mine"] = "1" if base == "/desk/" else "true"
            if base == "/desk/" and rng.random() < 0.3:
                params["page"] = str(rng.randint(1, 20))
            started, started_cpu = time.perf_counter(), time.thread_time()
            response = client.get(base, params)
            times.append(time.perf_counter() - started)
            cpu.append(time.thread_time() - started_cpu)
            assert response.status_code == 200, (base, params, response.status_code)
        out[label] = percentiles(times)
        out[label.replace("GET", "CPU of GET")] = percentiles(cpu)
    return out


def _intake(user, i: int):
    from kenes.desk import casework
    from kenes.desk.scope import staff_of

    return casework.open_case(
        staff_of(user),
        casework.Intake(
            person={
                "full_name": f"Write Person {i}",
                "document_number": f"W{i:07d}",
                "phone": f"+7702{i:07d}",
                "citizenship": "uz",
            },
            host_country="kz",
            categories=["unpaid-wages"],
            summary=f"Write summary {i}",
        ),
    )


def bench_write(users, writes: int) -> tuple[float, float, float]:
    """Median ms of an intake with encryption+audit, without, and the overhead in %."""
    from django.db import connection

    from kenes.desk import audit, crypto
    from kenes.desk.crypto import SealedText

    written = []

    def timed(offset: int) -> list[float]:
        """CPU time of each write's thread (the wall clock is at the mercy of other load on the machine)."""
        out = []
        for i in range(writes):
            started = time.thread_time()
            written.append(_intake(users[0], offset + i))
            out.append(time.thread_time() - started)
        return out

    _ = timed(10_000_000)[:0]  # warm-up
    secured = timed(20_000_000)
    saved = (crypto.seal, audit.record)
    crypto.seal = lambda plain, context: SealedText(f"v1:plain:{plain}")  # the row still passes the field
    audit.record = lambda *a, **k: None
    try:
        plain = timed(30_000_000)
    finally:
        crypto.seal, audit.record = saved
    from kenes.desk.models import CaseCategory

    # the rows written without encryption must not stay (nothing could read them): deleted in SQL, since the
    # ORM's delete would load, and so try to decrypt, them first
    plain_cases = written[-writes:]
    CaseCategory.objects.filter(case__in=[c.pk for c in plain_cases]).delete()

    def sql_id(value):  # how Django stores a UUID: 32 hex digits on SQLite, the uuid type on PostgreSQL
        return value.hex if connection.vendor == "sqlite" else value

    with connection.cursor() as cursor:
        for table, ids in (
            ("desk_case", [c.pk for c in plain_cases]),
            ("desk_person", [c.person_id for c in plain_cases]),
        ):
            marks = ", ".join(["%s"] * len(ids))
            cursor.execute(f"DELETE FROM {table} WHERE id IN ({marks})", [sql_id(i) for i in ids])
    with_both, without = statistics.median(secured) * 1000, statistics.median(plain) * 1000
    return with_both, without, (with_both / without - 1) * 100


def bench_concurrent(users, workers: int, seconds: float) -> dict:
    from django.db import connection
    from django.utils import timezone

    from kenes.desk import audit, casework
    from kenes.desk.models import Case
    from kenes.desk.scope import cases_for, staff_of

    saved_ids: list = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def work(k: int) -> None:
        user = users[k % len(users)]
        i = 0
        try:
            while time.monotonic() < stop:
                i += 1
                try:
                    case = _intake(user, 40_000_000 + k * 100_000 + i)
                    casework.add_consultation(
                        staff_of(user),
                        case,
                        held_on=timezone.localdate(),
                        channel="phone",
                        language="ru",
                        advice="bench advice",
                        minutes=5,
                    )
                    list(cases_for(user).filter(status="in-progress")[:30])
                    with lock:
                        saved_ids.append(case.pk)
                except Exception as exc:  # counted, not hidden: the bench reports every error
                    with lock:
                        errors.append(f"{type(exc).__name__}: {exc}"[:200])
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(k,)) for k in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    found = Case.objects.filter(pk__in=saved_ids).count()
    verdict = audit.verify()
    return {
        "writes": len(saved_ids),
        "errors": len(errors),
        "first_errors": errors[:3],
        "lost": len(saved_ids) - found,
        "audit_intact": verdict.intact,
        "audit_entries": verdict.entries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--database-url")
    parser.add_argument(
        "--parts",
        default="list,write,concurrent",
        help="which measures to run, comma-separated: list, write, concurrent (default: all)",
    )
    args = parser.parse_args()
    parts = {p.strip() for p in args.parts.split(",") if p.strip()}
    if not parts <= {"list", "write", "concurrent"}:
        parser.error(f"unknown part in --parts: {args.parts}")
    setup(args.database_url)
    from django.db import connection

    orgs, users = staff_world()
    started = time.perf_counter()
    bulk_cases(args.n, orgs, users)
    load_s = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    lists = bench_list(users, args.requests) if "list" in parts else {}
    secured = bench_write(users, args.writes) if "write" in parts else None
    concurrent = None
    if args.workers and "concurrent" in parts:
        concurrent = bench_concurrent(users, args.workers, args.seconds)

    command = "  ".join(["python bench/desk.py", *sys.argv[1:]])
    load = os.getloadavg()[0]
    print(
        f"\nadvisory desk, {args.n:,} cases on {connection.vendor} (loaded in {load_s:.0f} s); load average "
        f"{load:.1f} on {os.cpu_count()} cores: wall times include waiting for the CPU, CPU times do not\n"
    )
    if lists:
        print(f"{'measure':<44} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}   target")
    for label, (p50, p95, p99) in lists.items():
        print(f"{'case list with filters, ' + label:<44} {p50:8.1f} {p95:8.1f} {p99:8.1f}   p95 <= 100 ms")
    if secured is not None:
        with_both, without, overhead = secured
        print(
            f"\ncase write (intake), median CPU: {with_both:.2f} ms with encryption+audit, {without:.2f} ms "
            f"without -> overhead {overhead:+.1f} %   (target <= 30 %)"
        )
    if concurrent is None:
        print(f"\nreproduce: {command}")
        return
    print(
        f"\nconcurrent consultants: {args.workers} threads x {args.seconds:.0f} s: "
        f"{concurrent['writes']} cases saved, {concurrent['errors']} errors, "
        f"{concurrent['lost']} lost writes, audit chain "
        f"{'intact' if concurrent['audit_intact'] else 'BROKEN'} ({concurrent['audit_entries']} entries)"
    )
    for error in concurrent["first_errors"]:
        print(f"  error: {error}")
    print(f"\nreproduce: {command}")


if __name__ == "__main__":
    main()
