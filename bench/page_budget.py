"""Benchmark: the page budgets of issue 4, measured in headless Chromium against the real service.

For each page: the bytes a cold-cache visit transfers (HTML+CSS+JS, compressed as actually served, headers
included) and first contentful paint on a slow 3G profile (400 ms RTT, 400 kbit/s each way, CPU 4x slower).
Budgets: <= 30 KB and <= 1 s for an article page and a search page.

Run on demand (never in the test suite):

    .venv/bin/python bench/page_budget.py                      # fresh temp SQLite + kenes demo (~30 s)
    .venv/bin/python bench/page_budget.py --data-dir /tmp/kd   # reuse a demo database between runs
    .venv/bin/python bench/page_budget.py --url http://127.0.0.1:8000/   # a service already running

It starts `kenes serve` (gunicorn + whitenoise, static collected) on a free port. Chromium sends
`Accept-Encoding: gzip, deflate` over plain HTTP (brotli only over HTTPS), so the bytes are what a reader gets
from a plain-HTTP deployment; the "br" column adds what brotli would give the same bodies behind TLS.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from live_service import CHROMIUM_ARGS, DEFAULT_CORPUS, chromium_path, running_service  # noqa: E402

LC = "/akn/kz/act/code/2015-11-23/414-v"
PAGES = {
    "article": f"{LC}/~art_113",
    "search": "/search?q=заработная+плата",
    "act (TOC)": LC,
    "home": "/",
}
BUDGETED = {"article", "search"}
BUDGET_BYTES = 30 * 1024
BUDGET_FCP_MS = 1000
SLOW_3G = {
    "offline": False,
    "latency": 400,  # ms round trip, added to every request
    "downloadThroughput": 400 * 1000 / 8,  # bytes/s
    "uploadThroughput": 400 * 1000 / 8,
}
CPU_SLOWDOWN = 4
COUNTED_TYPES = {"Document", "Stylesheet", "Script"}


@dataclass
class Visit:
    status: int = 0
    fcp_ms: float | None = None
    html_done_ms: float | None = None  # last byte of the HTML
    css_done_ms: float | None = None  # last byte of the last stylesheet (render-blocking)
    by_type: dict[str, int] = field(default_factory=dict)  # resource type -> bytes on the wire
    encodings: dict[str, str] = field(default_factory=dict)  # url -> content-encoding
    urls: list[str] = field(default_factory=list)  # the HTML, CSS and JS fetched

    @property
    def counted(self) -> int:
        return sum(n for t, n in self.by_type.items() if t in COUNTED_TYPES)

    @property
    def other(self) -> int:
        return sum(n for t, n in self.by_type.items() if t not in COUNTED_TYPES)


def visit(browser, url: str, throttle: bool) -> Visit:
    """One cold visit in a fresh profile: bytes per resource type and, when throttled, FCP."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ru-RU")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if throttle:
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    result = Visit()
    kinds: dict[str, tuple[str, str]] = {}

    def on_response(event: dict) -> None:
        headers = {k.lower(): v for k, v in event["response"]["headers"].items()}
        kinds[event["requestId"]] = (event["type"], event["response"]["url"])
        result.encodings[event["response"]["url"]] = headers.get("content-encoding", "identity")

    def on_finished(event: dict) -> None:
        kind, resource = kinds.get(event["requestId"], ("Other", "?"))
        result.by_type[kind] = result.by_type.get(kind, 0) + int(event["encodedDataLength"])
        if kind in COUNTED_TYPES:
            result.urls.append(resource)

    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.loadingFinished", on_finished)
    response = page.goto(url, wait_until="load", timeout=120_000)
    result.status = response.status if response else 0
    page.wait_for_timeout(200)  # let the last loadingFinished events arrive
    result.fcp_ms = page.evaluate(
        "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime ?? null"
    )
    result.html_done_ms, result.css_done_ms = page.evaluate(
        """() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const css = performance.getEntriesByType('resource').filter((r) => r.name.includes('.css'));
          return [nav.responseEnd, css.length ? Math.max(...css.map((r) => r.responseEnd)) : null];
        }"""
    )
    context.close()
    return result


def brotli_size(url: str) -> int | None:
    """What the same HTML+CSS+JS would weigh with brotli (whitenoise keeps .br files; HTML is measured gzip
    -9 when the server sends it uncompressed), to show the HTTPS figure."""
    try:
        request = urllib.request.Request(url, headers={"Accept-Encoding": "br"})
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            encoding = response.headers.get("Content-Encoding", "identity")
    except OSError:
        return None
    return len(body) if encoding == "br" else len(gzip.compress(body, 9))


def measure(base: str, pages: dict[str, str], runs: int, browser) -> list[dict]:
    rows = []
    for name, path in pages.items():
        url = base.rstrip("/") + path
        cold = visit(browser, url, throttle=False)
        slow = [visit(browser, url, throttle=True) for _ in range(runs)]
        fcps = [v.fcp_ms for v in slow if v.fcp_ms]
        html_done = [v.html_done_ms for v in slow if v.html_done_ms]
        css_done = [v.css_done_ms for v in slow if v.css_done_ms]
        br = [brotli_size(u) for u in dict.fromkeys(cold.urls) if not u.startswith("data:")]
        rows.append(
            {
                "page": name,
                "path": path,
                "status": cold.status,
                "html": cold.by_type.get("Document", 0),
                "css": cold.by_type.get("Stylesheet", 0),
                "js": cold.by_type.get("Script", 0),
                "total": cold.counted,
                "other": cold.other,
                "br": sum(n for n in br if n) if all(n is not None for n in br) else None,
                "encoding": ", ".join(sorted(set(cold.encodings.values()))),
                "fcp": statistics.median(fcps) if fcps else None,
                "fcp_range": (min(fcps), max(fcps)) if fcps else None,
                "html_done": statistics.median(html_done) if html_done else None,
                "css_done": statistics.median(css_done) if css_done else None,
                "budgeted": name in BUDGETED,
            }
        )
    return rows


def _ms(t: float | None) -> str:
    return "-" if t is None else f"{t:.0f}"


def _kb(n: int | None) -> str:
    return "-" if n is None else f"{n / 1024:.1f}"


def print_table(rows: list[dict], runs: int) -> bool:
    print(
        f"\nPage budgets: cold cache, bytes on the wire incl. headers; FCP median of {runs} runs on slow 3G "
        f"(RTT {SLOW_3G['latency']} ms, {SLOW_3G['downloadThroughput'] * 8 / 1000:.0f} kbit/s, "
        f"CPU {CPU_SLOWDOWN}x)"
    )
    header = (
        f"{'page':<10} {'status':>6} {'HTML KB':>8} {'CSS KB':>7} {'JS KB':>6} {'total KB':>9} "
        f"{'(br) KB':>8} {'other KB':>8} {'encoding':<14} {'HTML ms':>7} {'CSS ms':>7} {'FCP ms':>7} "
        f"{'FCP range':>12}  verdict"
    )
    print(header)
    print("-" * len(header))
    ok = True
    for r in rows:
        fcp = "-" if r["fcp"] is None else f"{r['fcp']:.0f}"
        spread = "-" if r["fcp_range"] is None else f"{r['fcp_range'][0]:.0f}-{r['fcp_range'][1]:.0f}"
        if r["status"] != 200:
            verdict = f"page answers {r['status']}"
            ok = ok and not r["budgeted"]
        elif r["budgeted"]:
            within = r["total"] <= BUDGET_BYTES and r["fcp"] is not None and r["fcp"] <= BUDGET_FCP_MS
            verdict = "within budget" if within else "OVER BUDGET"
            ok = ok and within
        else:
            verdict = "(not budgeted)"
        print(
            f"{r['page']:<10} {r['status']:>6} {_kb(r['html']):>8} {_kb(r['css']):>7} {_kb(r['js']):>6} "
            f"{_kb(r['total']):>9} {_kb(r['br']):>8} {_kb(r['other']):>8} {r['encoding'] or '-':<14} "
            f"{_ms(r['html_done']):>7} {_ms(r['css_done']):>7} {fcp:>7} {spread:>12}  {verdict}"
        )
    print(
        f"budget: article and search pages <= {BUDGET_BYTES // 1024} KB (HTML+CSS+JS) "
        f"and <= {BUDGET_FCP_MS} ms FCP"
    )
    print("HTML ms / CSS ms: median time the last byte of the HTML / of the stylesheets arrived (slow 3G)")
    for r in rows:
        print(f"  {r['page']}: {r['path']}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="measure a service already running here instead of starting one")
    parser.add_argument("--data-dir", type=Path, help="keep the demo database here (reused when present)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5, help="throttled visits per page (default 5)")
    parser.add_argument(
        "--page", action="append", default=[], metavar="NAME=PATH", help="measure this page instead"
    )
    args = parser.parse_args()
    pages = dict(p.split("=", 1) for p in args.page) if args.page else PAGES

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        if args.url:
            rows = measure(args.url, pages, args.runs, browser)
        else:
            with running_service(args.data_dir, args.corpus) as base:
                rows = measure(base, pages, args.runs, browser)
        browser.close()
    ok = print_table(rows, args.runs)
    print("command: .venv/bin/python bench/page_budget.py " + " ".join(sys.argv[1:]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
