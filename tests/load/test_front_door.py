"""nginx in front of each app server (deploy/nginx/portal.conf) does what production needs of it:
slow uploaders cannot take gunicorn's few threads, oversized bodies stop at the door, pages go
out compressed, and the app builds its links with the scheme and host the visitor used.

Everything here speaks to 127.0.0.1 only, with a timeout on every socket and every loop.
"""

import re
import socket
import threading
import time
import uuid
from contextlib import ExitStack
from urllib.parse import urlsplit

import requests
from bs4 import BeautifulSoup

from .visitors import Visitor

TRICKLERS = 8
TRICKLE_BODY_BYTES = 1_000_000
TRICKLE_CHUNK, TRICKLE_PAUSE = b"x=yy", 0.25  # 16 bytes a second
HEALTH_SECONDS = 1.0
OVER_THE_CAP = 7 * 1024 * 1024  # nginx takes 6 MB
SOCKET_SECONDS = 5


def client():
    session = requests.Session()
    session.trust_env = False  # never through a proxy from the environment: loopback only
    return session


def host_and_port(url):
    parts = urlsplit(url)
    return parts.hostname, parts.port


def request_head(method, url, path, headers):
    host, port = host_and_port(url)
    lines = [
        f"{method} {path} HTTP/1.1",
        f"Host: {host}:{port}",
        *(f"{name}: {value}" for name, value in headers.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def status_of(head):
    match = re.match(rb"HTTP/1\.[01] (\d{3})", head)
    return int(match.group(1)) if match else None


class Trickler:
    """A client on a very slow line: it announces a large form and sends a few bytes at a time."""

    def __init__(self, url, number):
        host, port = host_and_port(url)
        origin = f"https://{host}:{port}"
        self.connection = socket.create_connection((host, port), timeout=SOCKET_SECONDS)
        # As a real form post would look, so that a server that reads it would get past the
        # HTTPS redirect and the CSRF origin checks, to reading the body.
        self.connection.sendall(
            request_head(
                "POST",
                url,
                "/en/cns/feedback/",
                {
                    "X-Forwarded-For": f"10.9.0.{number + 1}",
                    "X-Forwarded-Proto": "https",
                    "Origin": origin,
                    "Referer": origin + "/en/cns/feedback/",
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Content-Length": str(TRICKLE_BODY_BYTES),
                },
            )
        )
        self.sent, self.error = 0, None

    def trickle(self, stopping):
        while not stopping.is_set() and self.sent + len(TRICKLE_CHUNK) < TRICKLE_BODY_BYTES:
            try:
                self.connection.sendall(TRICKLE_CHUNK)
            except OSError as error:
                self.error = error
                return
            self.sent += len(TRICKLE_CHUNK)
            stopping.wait(TRICKLE_PAUSE)

    def close(self):
        self.connection.close()


def timed_health_check(url):
    started = time.monotonic()
    try:
        with client() as http:
            status = http.get(
                f"{url}/healthz", headers={"X-Forwarded-For": "192.0.2.99"}, timeout=HEALTH_SECONDS
            ).status_code
    except requests.RequestException as error:
        status = type(error).__name__
    return status, time.monotonic() - started


def test_eight_slow_uploads_do_not_keep_the_health_check_waiting(stack):
    # Against gunicorn alone (2 workers x 4 threads) the eight hold every thread and some checks
    # time out; nginx holds their bodies until they are whole, and these never are.
    server = stack.servers[0]
    stopping = threading.Event()
    with ExitStack() as cleanup:
        tricklers = [Trickler(server.url, number) for number in range(TRICKLERS)]
        for trickler in tricklers:
            cleanup.callback(trickler.close)
        threads = [threading.Thread(target=trickler.trickle, args=(stopping,), daemon=True) for trickler in tricklers]
        for thread in threads:
            thread.start()
        cleanup.callback(lambda: [thread.join(timeout=SOCKET_SECONDS) for thread in threads])
        cleanup.callback(stopping.set)

        time.sleep(1)  # long enough for a server that reads bodies itself to have handed them all a thread
        checks = []
        for _ in range(6):
            checks.append(timed_health_check(server.url))
            time.sleep(0.2)
        still_sending = [trickler.error is None and trickler.sent > 0 for trickler in tricklers]

    assert all(status == 200 and seconds < HEALTH_SECONDS for status, seconds in checks), (checks, stack.logs())
    assert all(still_sending), "the slow clients were cut off before the checks ran"


def test_a_body_over_the_cap_is_refused_by_nginx_before_it_reaches_the_app(stack):
    server = stack.servers[1]
    marker = uuid.uuid4().hex
    host, port = host_and_port(server.url)
    with socket.create_connection((host, port), timeout=SOCKET_SECONDS) as connection:
        connection.sendall(
            request_head(
                "POST",
                server.url,
                f"/en/press/register/?probe={marker}",
                {
                    "X-Forwarded-For": "192.0.2.98",
                    "X-Forwarded-Proto": "https",
                    "Content-Type": "multipart/form-data; boundary=portal",
                    "Content-Length": str(OVER_THE_CAP),
                },
            )
        )
        answer = b""
        while b"</html>" not in answer and len(answer) < 65536:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    assert status_of(answer) == 413, answer[:300]
    assert b"\r\nServer: nginx" in answer
    head, _blank, body = answer.partition(b"\r\n\r\n")
    assert b"Content-Type: text/html; charset=utf-8" in head
    page = BeautifulSoup(body, "html.parser")
    assert page.h1.get_text() == "The file is too large"
    assert page.find(lang="zh-Hans").h2.get_text() == "文件过大"

    # A request the app does see shows up in its log; the refused one never did.
    seen = uuid.uuid4().hex
    assert Visitor("192.0.2.98").get(server, f"/healthz?probe={seen}").status_code == 200
    deadline = time.monotonic() + 5
    while seen not in server.log.read_text(errors="replace") and time.monotonic() < deadline:
        time.sleep(0.1)
    log = server.log.read_text(errors="replace")
    assert seen in log, "the app server's access log shows no requests"
    assert marker not in log


def test_pages_and_static_files_go_out_compressed(stack):
    server = stack.servers[0]
    visitor = Visitor("192.0.2.97")
    page = visitor.get(server, "/en/", headers={"Accept-Encoding": "gzip"})
    assert page.status_code == 200
    assert page.headers.get("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in page.headers.get("Vary", "")
    assert "<html" in page.text  # requests has unpacked it

    plain = visitor.get(server, "/en/", headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200 and "Content-Encoding" not in plain.headers

    stylesheet = BeautifulSoup(page.text, "html.parser").select_one("link[rel=stylesheet][href^='/static/']")
    assert stylesheet is not None
    css = visitor.get(server, stylesheet["href"], headers={"Accept-Encoding": "gzip"})
    assert css.status_code == 200
    assert css.headers.get("Content-Encoding") == "gzip"
    assert "max-age=31536000" in css.headers.get("Cache-Control", ""), css.headers  # a hashed name: kept a year


def test_absolute_links_are_the_configured_address_and_redirects_keep_the_visitors_host(stack):
    server = stack.servers[1]
    host, port = host_and_port(server.url)
    public = f"https://{host}:{port}/"
    configured = f"https://{host}:{host_and_port(stack.servers[0].url)[1]}/"  # SITE_URL, as install_site set it

    page = Visitor("192.0.2.96").get(server, "/en/")  # X-Forwarded-Proto: https, as the load balancer sends
    assert page.status_code == 200
    alternates = [
        link["href"] for link in BeautifulSoup(page.text, "html.parser").select("link[rel=alternate][hreflang]")
    ]
    # Whatever host the request named, the site's own address: a Host header never makes links.
    assert alternates and all(href.startswith(configured) for href in alternates), alternates

    # Without the load balancer's header nginx passes its own scheme (http), and the app sends
    # the visitor to the same address over HTTPS.
    with client() as http:
        direct = http.get(f"{server.url}/en/press/", allow_redirects=False, timeout=SOCKET_SECONDS)
    assert direct.status_code == 301
    assert direct.headers["Location"] == public + "en/press/"
