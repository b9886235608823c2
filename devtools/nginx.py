"""A real nginx started from the production site file, deploy/nginx/portal.conf: the front door of
the load tests (tests/load) and of the page benchmark (`benchmark_pages --bakerydemo`).

Only the `listen` address and the upstream's `server` address change; every other line is the
deployed one. The file is wrapped in a main configuration of its own (no daemon, pid, logs and
temporary files in a folder of the test's), so it needs neither root nor Debian's /etc/nginx.

    front = start_nginx(upstream="127.0.0.1:8123", work=tmp_path / "nginx-a")
    ...  # requests to front.url
    front.stop()
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SITE_CONFIG = Path(__file__).resolve().parent.parent / "deploy" / "nginx" / "portal.conf"
STARTUP_SECONDS = 10
MIME_TYPES = Path("/etc/nginx/mime.types")

_LISTEN = re.compile(r"^(\s*listen\s+)([^\s;]+)", re.MULTILINE)
_UPSTREAM = re.compile(r"^(\s*upstream\s+\w+\s*\{)(.*?)(^\s*\})", re.MULTILINE | re.DOTALL)
_UPSTREAM_SERVER = re.compile(r"^(\s*server\s+)([^\s;]+)", re.MULTILINE)


def nginx_binary():
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(path, os.X_OK)), None
    )


def site_config(listen, upstream, source=SITE_CONFIG):
    """The site file with its one `listen` address and its upstream's one `server` replaced."""
    text = source.read_text()
    text, listens = _LISTEN.subn(lambda match: match.group(1) + listen, text)
    blocks = list(_UPSTREAM.finditer(text))
    if listens != 1 or len(blocks) != 1:
        raise ValueError(f"{source} must have one `listen` and one `upstream` ({listens} and {len(blocks)})")
    block = blocks[0]
    body, servers = _UPSTREAM_SERVER.subn(lambda match: match.group(1) + upstream, block.group(2))
    if servers != 1:
        raise ValueError(f"the upstream of {source} must have one `server` ({servers})")
    return text[: block.start(2)] + body + text[block.end(2) :]


def main_config(site, work):
    """A whole nginx.conf around `site`, keeping its state inside `work`."""
    temporary = "\n".join(
        f"    {kind}_temp_path {work / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    mime = f"    include {MIME_TYPES};\n" if MIME_TYPES.exists() else ""
    # Workers started by root would otherwise run as nobody, who cannot enter the test's folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}daemon off;\nworker_processes 1;\npid {work / 'nginx.pid'};\nerror_log stderr warn;\n"
        "events {\n    worker_connections 4096;\n}\n"
        "http {\n"
        f"{mime}    default_type application/octet-stream;\n"
        f"    access_log {work / 'access.log'};\n{temporary}\n"
        f"{site}\n}}\n"
    )


@dataclass
class Nginx:
    url: str
    process: subprocess.Popen
    work: Path

    @property
    def log(self):
        return self.work / "error.log"

    def running(self):
        return self.process.poll() is None

    def log_tail(self, lines=20):
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def access_log(self):
        path = self.work / "access.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self):
        if self.running():
            self.process.send_signal(signal.SIGTERM)  # fast shutdown: the test is over
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def free_ports(count):
    """`count` distinct free ports on 127.0.0.1 (held open together while chosen, so never the same twice)."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def free_port():
    return free_ports(1)[0]


def start_nginx(upstream, work, port=None):
    """Starts nginx on 127.0.0.1:`port` (a free one by default) in front of `upstream`
    ("host:port"), and returns once it accepts connections. Call `stop()` when done."""
    port = port or free_port()
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    config = work / "nginx.conf"
    config.write_text(main_config(site_config(f"127.0.0.1:{port}", upstream), work))
    process = subprocess.Popen(
        [nginx_binary(), "-e", "stderr", "-p", f"{work}/", "-c", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=(work / "error.log").open("wb"),
        start_new_session=True,
    )
    front = Nginx(url=f"http://127.0.0.1:{port}", process=process, work=work)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if not front.running():
            raise RuntimeError(f"nginx exited:\n{front.log_tail()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return front
        except OSError:
            time.sleep(0.05)
    front.stop()
    raise RuntimeError(f"nginx did not listen on port {port} within {STARTUP_SECONDS} s:\n{front.log_tail()}")


@contextmanager
def running_nginx(upstream, work, port=None):
    """`start_nginx` for a `with` block: stopped when the block ends, whatever happens in it."""
    front = start_nginx(upstream, work, port)
    try:
        yield front
    finally:
        front.stop()
