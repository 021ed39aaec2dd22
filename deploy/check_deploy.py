"""Check the production set-up of docs/DEPLOY.md on this machine, end to end, and print a table.

What it does, with the repository's own deploy/ files (nothing is installed system-wide):

1. a fresh data folder, the production environment (KENES_ENV=production, a SECRET_KEY, ALLOWED_HOSTS),
   DATABASE_URL as given (PostgreSQL in production; SQLite when unset, said in the table);
2. ``kenes migrate`` and ``manage.py check --deploy --fail-level WARNING``;
3. ``collectstatic``, then gunicorn with deploy/gunicorn.conf.py on a free loopback port, whose access log
   must keep no query string and no client address (a question asked in the URL);
4. when nginx is installed (Debian: ``apt-get install nginx-light``): deploy/nginx.conf with a self-signed
   certificate on free ports, and through it: HTTPS with HSTS and the Content-Security-Policy, the HTTP to
   HTTPS redirect, a 2,000-character question posted to the search page, a JSON 414 under /api/, nginx's
   own access log as private as gunicorn's, and 50 slow-header clients that neither hold gunicorn's
   threads nor slow a normal request, and are cut off by nginx's client_header_timeout.

    .venv/bin/python deploy/check_deploy.py                        # SQLite
    DATABASE_URL=postgres://user@127.0.0.1:5432/kenes_check .venv/bin/python deploy/check_deploy.py

Exit status 0 when every check passed (``--without-nginx``: a missing nginx is not a failure).
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
RESULTS: list[tuple[str, bool, str]] = []


def check(name: str, ok: bool, detail: str = "") -> bool:
    RESULTS.append((name, ok, detail))
    return ok


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kenes(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV_BIN / "python"), "-m", "kenes.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True
    )


def wait_for(url: str, seconds: float = 60, context: ssl.SSLContext | None = None) -> int:
    """The status of ``url`` once it answers (a redirect counts), 0 if it never did within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
            with urllib.request.urlopen(request, timeout=3, context=context) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code
        except OSError:
            time.sleep(0.3)
    return 0


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(
    url: str, context: ssl.SSLContext | None = None, data: bytes | None = None
) -> tuple[int, dict[str, str], bytes, float]:
    opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=context))
    started = time.monotonic()
    try:
        with opener.open(url, data=data, timeout=30) as response:
            return response.status, dict(response.headers), response.read(), time.monotonic() - started
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read(), time.monotonic() - started


def nginx_config(folder: Path, upstream: int, https: int, http: int) -> Path:
    """deploy/nginx.conf, pointed at this run's ports and certificate, inside a minimal main config."""
    site = (REPO / "deploy" / "nginx.conf").read_text()
    site = site.replace("127.0.0.1:8000", f"127.0.0.1:{upstream}").replace("kenes.example.org", "localhost")
    site = site.replace("listen 443 ssl", f"listen {https} ssl").replace(
        "listen [::]:443 ssl", f"listen [::]:{https} ssl"
    )
    site = site.replace("listen 80;", f"listen {http};").replace("listen [::]:80;", f"listen [::]:{http};")
    site = site.replace(
        "return 301 https://$host$request_uri;", f"return 301 https://$host:{https}$request_uri;"
    )
    site = site.replace("/etc/letsencrypt/live/localhost/fullchain.pem", str(folder / "cert.pem"))
    site = site.replace("/etc/letsencrypt/live/localhost/privkey.pem", str(folder / "key.pem"))
    site = site.replace("/var/log/nginx/kenes.access.log", str(folder / "access.log"))
    main = (
        f"pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nevents {{ worker_connections 512; }}\n"
        f"http {{\n access_log off;\n client_body_temp_path {folder}/body;\n"
        f" proxy_temp_path {folder}/proxy;\n"
        f" fastcgi_temp_path {folder}/f;\n uwsgi_temp_path {folder}/u;\n scgi_temp_path {folder}/s;\n"
        f"{site}\n}}\n"
    )
    path = folder / "nginx.conf"
    path.write_text(main)
    return path


#: what a person may put in a URL: it must reach no access log
SECRET = "Aigerim-Saparova-no-permit"


def private_requests(base: str, context: ssl.SSLContext | None = None) -> list[str]:
    """A pasted question and a stay check's answers in query strings; returns the paths asked."""
    paths = ["/search", "/rights/stay/"]
    question = urllib.parse.urlencode({"q": f"{SECRET}: работаю без разрешения"})
    fetch(f"{base}/search?{question}", context)
    fetch(f"{base}/rights/stay/?entered=2026-09-01&note={SECRET}", context)
    time.sleep(0.5)  # the servers write their access lines after the response
    return paths


def check_log(name: str, log: Path, paths: list[str]) -> bool:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    lines = [line for line in text.splitlines() if any(f" {p}" in line for p in paths)]
    leaked = [line for line in text.splitlines() if SECRET in line or "127.0.0.1 " in line]
    detail = f"{len(lines)} lines for the paths asked; leaked: {leaked[:1]}"
    return check(name, len(lines) >= len(paths) and not leaked, detail)


def slow_clients(port: int, count: int = 50) -> list[socket.socket]:
    """Connections that send half a request line and then nothing (the slowloris attack)."""
    sockets = []
    for _ in range(count):
        raw = socket.create_connection(("127.0.0.1", port), timeout=30)
        client = ssl.create_default_context()
        client.check_hostname, client.verify_mode = False, ssl.CERT_NONE
        wrapped = client.wrap_socket(raw, server_hostname="localhost")
        wrapped.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-a: ")
        sockets.append(wrapped)
    return sockets


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="kenes-deploy-check-"))
    database = os.environ.get("DATABASE_URL", "")
    env = {
        **os.environ,
        "KENES_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "KENES_DATA_DIR": str(folder / "data"),
        "DATABASE_URL": database,
        "DEBUG": "",
    }
    check("database", True, database.split("@")[-1] if database else "SQLite (production uses PostgreSQL)")
    done = kenes(env, "migrate", "-v", "0")
    if not check("kenes migrate", done.returncode == 0, done.stderr[-300:]):
        return report()
    done = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    check("manage.py check --deploy", done.returncode == 0, (done.stdout + done.stderr).strip()[-300:])
    done = manage(env, "collectstatic", "--noinput", "-v", "0")
    check("collectstatic", done.returncode == 0, done.stderr[-300:])

    upstream = free_port()
    gunicorn = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "-c",
            str(REPO / "deploy" / "gunicorn.conf.py"),
            "kenes.wsgi:application",
        ],
        cwd=REPO,
        env={
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{upstream}",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_THREADS": "2",
        },
        stdout=(folder / "gunicorn.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    nginx = None
    try:
        status = wait_for(f"http://127.0.0.1:{upstream}/healthz", seconds=180)
        check("gunicorn (deploy/gunicorn.conf.py) answers", status == 200, f"/healthz: {status}")
        asked = private_requests(f"http://127.0.0.1:{upstream}")
        check_log("gunicorn's access log keeps no query or address", folder / "gunicorn.log", asked)
        if shutil.which("nginx") is None:
            missing = "not installed (Debian: apt-get install nginx-light); its checks did not run"
            check("nginx", "--without-nginx" in sys.argv, missing)
            return report()
        certificate = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
        certificate += [
            "-subj",
            "/CN=localhost",
            "-keyout",
            str(folder / "key.pem"),
            "-out",
            str(folder / "cert.pem"),
        ]
        subprocess.run(certificate, check=True, capture_output=True)
        https, http = free_port(), free_port()
        config = nginx_config(folder, upstream, https, http)
        test = subprocess.run(
            ["nginx", "-t", "-c", str(config), "-p", str(folder)], capture_output=True, text=True
        )
        if not check("nginx -t (deploy/nginx.conf)", test.returncode == 0, test.stderr.strip()[-300:]):
            return report()
        nginx = subprocess.Popen(["nginx", "-c", str(config), "-p", str(folder), "-g", "daemon off;"])
        insecure = ssl.create_default_context()
        insecure.check_hostname, insecure.verify_mode = False, ssl.CERT_NONE
        base = f"https://localhost:{https}"
        wait_for(f"{base}/healthz", context=insecure)
        status, headers, _body, _t = fetch(f"{base}/", insecure)
        check("HTTPS page through nginx", status == 200, f"GET /: {status}")
        check("HSTS header", "max-age=" in headers.get("Strict-Transport-Security", ""), "")
        check(
            "Content-Security-Policy", "default-src 'self'" in headers.get("Content-Security-Policy", ""), ""
        )
        status, headers, _b, _t = fetch(f"http://localhost:{http}/search")
        check(
            "HTTP redirects to HTTPS",
            status == 301 and headers.get("Location", "").startswith("https://"),
            "",
        )
        # a question as people write them, 2,000 characters: far over the 8 KB request line as a GET
        # address, so the search form posts it (kenes/portal/search_form.py)
        letter = urllib.parse.urlencode({"q": "Работодатель не платит зарплату третий месяц. " * 43})
        status, headers, body, _t = fetch(f"{base}/search", insecure, letter.encode())
        check(
            "a 2,000-character question posted to the search page",
            status in (200, 503) and headers.get("Content-Type", "").startswith("text/html"),
            f"{status} ({len(letter)} bytes; 503: this check's database holds no law to search)",
        )
        status, headers, body, _t = fetch(f"{base}/api/search?q={'a' * 9000}", insecure)
        check(
            "414 under /api/ is JSON",
            status == 414 and body.startswith(b'{"error"'),
            f"{status} {headers.get('Content-Type')}",
        )
        asked = private_requests(base, insecure)
        check_log("nginx's access log keeps no query or address", folder / "access.log", asked)
        attackers = slow_clients(https)
        status, _h, _b, seconds = fetch(f"{base}/healthz", insecure)
        check("a request beside 50 slow-header clients", status == 200 and seconds < 3, f"{seconds:.2f} s")
        time.sleep(12)  # past client_header_timeout (10 s)
        cut = 0
        for attacker in attackers:
            attacker.settimeout(1)
            try:
                cut += attacker.recv(1) == b""
            except (OSError, ssl.SSLError):
                cut += 1
            attacker.close()
        check(
            "slow-header clients cut off by nginx", cut == len(attackers), f"{cut} of {len(attackers)} closed"
        )
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=20)
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
    return report()


def report() -> int:
    width = max(len(name) for name, _ok, _d in RESULTS)
    print(f"| {'check':<{width}} | result | detail |\n|{'-' * (width + 2)}|--------|--------|")
    for name, ok, detail in RESULTS:
        print(f"| {name:<{width}} | {'PASS' if ok else 'FAIL':<6} | {' '.join(detail.split())[:120]} |")
    print("\nreproduce: DATABASE_URL=… .venv/bin/python deploy/check_deploy.py")
    return 0 if all(ok for _name, ok, _d in RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
