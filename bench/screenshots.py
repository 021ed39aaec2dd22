"""Screenshots of the main pages at phone (360x740) and desktop (1280x800) widths, into docs/screenshots/.

They are how a newcomer first sees Kenes: look at them after changing a template or the CSS.

    .venv/bin/python bench/screenshots.py                     # fresh temp SQLite + kenes demo (~30 s)
    .venv/bin/python bench/screenshots.py --data-dir /tmp/kd  # reuse a demo database between runs
    .venv/bin/python bench/screenshots.py --url http://127.0.0.1:8000/ --only article

It starts `kenes serve` (the production server: gunicorn, whitenoise) over the starter dataset and the real
texts of ../shared/corpus, and drives Debian's Chromium. Each shot is the top of the page, up to
2 screens tall, in Russian (the default reader) unless the shot says otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from live_service import CHROMIUM_ARGS, DEFAULT_CORPUS, REPO, chromium_path, running_service  # noqa: E402

OUT = REPO / "docs" / "screenshots"
LC = "/akn/kz/act/code/2015-11-23/414-v"
SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
MAX_SCREENS = 2


def _fill_stay_form(page) -> None:
    page.locator("#id_entry_0").fill("2025-01-10")
    page.locator("#id_exit_0").fill("2025-03-01")
    page.locator("#id_entry_1").fill("2025-04-01")
    page.locator("[name=on]").fill("2025-04-20")
    page.locator("form.rights-form button.primary").click()
    page.wait_for_load_state("load")
    page.locator("#answer-title").scroll_into_view_if_needed()


@dataclass(frozen=True)
class Shot:
    name: str
    path: str
    lang: str = "ru-RU"
    action: Callable | None = None
    from_top: bool = True  # False: photograph from where the action left the page


SHOTS = [
    Shot("home", "/"),
    Shot("home-kk", "/", lang="kk-KZ"),
    Shot("search", "/search?q=заработная+плата"),
    Shot("act", LC),
    Shot("article", f"{LC}/~art_113"),
    Shot("article-en", f"{LC}/~art_113", lang="en-US"),
    Shot("country", "/countries/kz"),
    Shot("convention", "/conventions/c087"),
    Shot("rights", "/rights/", lang="en-US"),
    Shot("rights-stay-answer", "/rights/stay/", lang="ru-RU", action=_fill_stay_form, from_top=False),
]


def take(browser, base: str, shot: Shot, size: str) -> tuple[Path, int]:
    viewport = SIZES[size]
    context = browser.new_context(
        base_url=base.rstrip("/"),
        viewport=viewport,
        locale=shot.lang,
        device_scale_factor=1,
        is_mobile=size == "phone",
        has_touch=size == "phone",
    )
    page = context.new_page()
    response = page.goto(shot.path, wait_until="load")
    status = response.status if response else 0
    if shot.action is not None:
        shot.action(page)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    top = 0 if shot.from_top else page.evaluate("() => window.scrollY")
    clip_height = min(height - top, int(viewport["height"] * MAX_SCREENS))
    path = OUT / f"{shot.name}-{size}.png"
    page.screenshot(
        path=str(path),
        full_page=True,
        clip={"x": 0, "y": top, "width": viewport["width"], "height": clip_height},
    )
    context.close()
    return path, status


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="photograph a service already running here instead of starting one")
    parser.add_argument("--data-dir", type=Path, help="keep the demo database here (reused when present)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--only", action="append", default=[], help="only the shots with these names")
    args = parser.parse_args()
    shots = [s for s in SHOTS if not args.only or s.name in args.only]
    OUT.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    def run(base: str) -> list[tuple[str, str, int, Path]]:
        done = []
        for shot in shots:
            for size in SIZES:
                path, status = take(browser, base, shot, size)
                done.append((shot.name, size, status, path))
        return done

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        if args.url:
            done = run(args.url)
        else:
            with running_service(args.data_dir, args.corpus) as base:
                done = run(base)
        browser.close()

    print(f"{'shot':<20} {'size':<8} {'status':>6}  file")
    for name, size, status, path in done:
        print(f"{name:<20} {size:<8} {status:>6}  {path.relative_to(REPO)}")
    failed = [d for d in done if d[2] != 200]
    if failed:
        print(f"{len(failed)} page(s) did not answer 200: look at their shots", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
