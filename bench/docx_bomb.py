"""Benchmark: how fast, and in how much memory, the importer refuses DOCX zip bombs (issue 11).

Builds each bomb in a temporary folder, then reads it with ``kenes.lex.ingest.readers.read_text`` in a fresh
process and reports the wall time and the peak resident memory of that process (``ru_maxrss``). The budget:
refused within seconds and under ~500 MB. Run on demand (never in the test suite):

    .venv/bin/python bench/docx_bomb.py            # ~1 GB bombs (building them takes a minute)
    .venv/bin/python bench/docx_bomb.py --mb 256   # smaller, quicker
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PARAGRAPH = '<w:p><w:r><w:t xml:space="preserve">Статья 1. Текст. </w:t></w:r></w:p>'.encode() * 4000
HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
PROBE = """
import resource, sys, time
sys.path.insert(0, {repo!r})
from kenes.lex.ingest.readers import read_text
from kenes.lex.ingest.errors import IngestError
started = time.perf_counter()
try:
    read_text(__import__("pathlib").Path(sys.argv[1]))
    outcome = "READ (not refused)"
except IngestError as exc:
    outcome = str(exc).split(": ", 1)[1][:70]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"{{time.perf_counter() - started:.2f}}\\t{{peak}}\\t{{outcome}}")
"""


def build(path: Path, megabytes: int, declare: int | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(HEAD)
            for _ in range(megabytes * 1024 * 1024 // len(PARAGRAPH)):
                part.write(PARAGRAPH)
            part.write(b"</w:body></w:document>")
        if declare is not None:
            archive.getinfo("word/document.xml").file_size = declare
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=1024, help="uncompressed size of each bomb (MB)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bombs = {
            "honest header": build(Path(tmp) / "honest.docx", args.mb),
            "forged small size": build(Path(tmp) / "forged.docx", args.mb, declare=1024 * 1024),
        }
        print(f"| bomb ({args.mb} MB inflated) | file | refused in s | peak RSS MB | message |")
        print("|---|---:|---:|---:|---|")
        for name, path in bombs.items():
            out = subprocess.run(
                [sys.executable, "-c", PROBE.format(repo=str(REPO)), str(path)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            seconds, rss, message = out.split("\t")
            size = f"{path.stat().st_size / 1024 / 1024:.1f} MB"
            print(f"| {name} | {size} | {seconds} | {rss} | {message} |")
    print(f"\nreproduce: .venv/bin/python bench/docx_bomb.py --mb {args.mb}")


if __name__ == "__main__":
    main()
