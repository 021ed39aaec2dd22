"""Benchmark: the live API against its OpenAPI document with schemathesis, every check (issue 11).

Starts `kenes serve` (gunicorn) over a throw-away SQLite database with the starter dataset (and the real
texts when ../shared/corpus is there), creates an editor, and runs `st run --checks all` with that editor's
HTTP Basic login. Prints the failures per check (a table) and the command that reproduces it. The test suite
runs the same document with every check but ``positive_data_acceptance`` (tests/harden/test_api_contract.py);
this bench shows that one too: the schema-valid requests the API refuses for reasons a schema cannot state.

    .venv/bin/python bench/api_contract.py                     # 25 examples per operation
    .venv/bin/python bench/api_contract.py --max-examples 100 --no-corpus
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from live_service import DEFAULT_CORPUS, REPO, running_service  # noqa: E402

PASSWORD = "Contract-bench-pw-2026"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=25)
    parser.add_argument("--no-corpus", action="store_true", help="starter dataset only (quicker)")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="kenes-contract-"))
    corpus = None if args.no_corpus else DEFAULT_CORPUS
    with running_service(data, corpus=corpus) as url:
        env = {**os.environ, "KENES_DATA_DIR": str(data), "DATABASE_URL": "", "KENES_PASSWORD": PASSWORD}
        subprocess.run(
            [sys.executable, "-m", "kenes.cli", "editor", "contract"], cwd=REPO, env=env, check=True
        )
        command = [
            str(Path(sys.executable).parent / "st"), "run", f"{url}api/openapi.json", "--checks", "all",
            "-a", f"contract:{PASSWORD}", "--max-examples", str(args.max_examples), "--workers", "1",
            "--seed", "1", "--no-color",
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True)
    out = done.stdout
    (data / "schemathesis.txt").write_text(out)
    failures = re.findall(r"❌ (ST\d+ [^:]+): (\d+)", out)
    total = re.search(r"(\d+) generated", out)
    print("| check | failures |\n|---|---:|")
    for name, count in failures or [("(none)", "0")]:
        print(f"| {name} | {count} |")
    print(f"\n{total.group(0) if total else '?'} test cases; schemathesis exit status {done.returncode}")
    print(f"full report: {data / 'schemathesis.txt'}")
    print(f"reproduce: .venv/bin/python bench/api_contract.py --max-examples {args.max_examples}"
          + (" --no-corpus" if args.no_corpus else ""))  # fmt: skip


if __name__ == "__main__":
    main()
