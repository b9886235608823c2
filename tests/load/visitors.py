"""Clients that behave like people reaching the app machines (their nginx) through the load balancer."""

import re
from dataclasses import dataclass
from io import BytesIO
from urllib.parse import urlsplit

import requests
from bs4 import BeautifulSoup
from PIL import Image

from pressroom.factories import registration_form_data

TIMEOUT_SECONDS = 60
# Staff accounts the `stack` fixture creates: (username, password).
MODERATOR = ("load-moderator", "a-long-load-test-password-1")
PRESS_OFFICER = ("load-press-officer", "a-long-load-test-password-2")


@dataclass
class Outcome:
    """What one request got back; `status` 0 means no HTTP answer at all (`detail` says why)."""

    method: str
    path: str
    server: str
    status: int
    detail: str = ""

    @property
    def server_error(self):
        return self.status == 0 or self.status >= 500


class Visitor:
    """One person: their own address (X-Forwarded-For) and cookies, over HTTPS as the load
    balancer says (X-Forwarded-Proto), sent to a machine's nginx, which adds its own peer.

    The cookies are kept by hand because the production cookies are Secure, and an HTTP
    client library would not send them back over the plain-HTTP loopback to the servers.
    """

    def __init__(self, address):
        self.address = address
        self.cookies = {}
        self.http = requests.Session()
        self.http.trust_env = False

    def _headers(self, server, extra=None):
        headers = {
            "X-Forwarded-For": self.address,
            "X-Forwarded-Proto": "https",
            "Accept-Language": "en",
            "Origin": "https://" + urlsplit(server.url).netloc,
            "Referer": "https://" + urlsplit(server.url).netloc + "/",
            # A new connection per request, as separate people make: a kept-alive one that the
            # server closes while a visitor waits would fail the next POST, which browsers retry
            # but this client would not.
            "Connection": "close",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        return {**headers, **(extra or {})}

    def request(self, method, server, path, **kwargs):
        response = self.http.request(
            method,
            server.url + path,
            headers=self._headers(server, kwargs.pop("headers", None)),
            allow_redirects=False,
            timeout=TIMEOUT_SECONDS,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, server, path, **kwargs):
        return self.request("GET", server, path, **kwargs)

    def post(self, server, path, data, files=None):
        return self.request("POST", server, path, data=data, files=files)

    def form_fields(self, server, path, selector="main form[method=post]"):
        """Opens the page and returns what its form would send untouched (hidden fields, first choices)."""
        response = self.get(server, path)
        assert response.status_code == 200, (path, response.status_code)
        form = BeautifulSoup(response.text, "html.parser").select_one(selector)
        assert form is not None, f"no form {selector!r} on {path}"
        fields = {}
        for control in form.select("input[name]"):
            if control.get("type") in {"hidden", "text", "email", "tel"}:
                fields[control["name"]] = control.get("value", "")
        for select in form.select("select[name]"):
            options = [option.get("value", "") for option in select.select("option")]
            fields[select["name"]] = next((value for value in options if value), "")
        return fields

    def log_in(self, server, username, password):
        fields = self.form_fields(server, "/admin/login/", "form")
        response = self.post(server, "/admin/login/", {**fields, "username": username, "password": password})
        assert response.status_code == 302, f"{username} could not sign in (HTTP {response.status_code})"
        return response


def outcome(method, server, path, call):
    try:
        response = call()
    except requests.RequestException as error:
        return Outcome(method, path, server.name, 0, f"{type(error).__name__}: {error}")
    # An error's page (what the person reads), otherwise where a redirect leads.
    detail = response.text if response.status_code >= 400 else response.headers.get("Location", "")
    return Outcome(method, path, server.name, response.status_code, detail)


def press_card(label):
    """A small PNG such as a phone photo of a press card would be, different for each journalist."""
    image = Image.new("RGB", (64, 40), color=(hash(label) % 256, 90, 160))
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def registration_answers(number, email):
    answers = registration_form_data(
        full_name=f"Load Journalist {number}",
        native_name="",
        press_card_number=f"SG-LOAD-{number:04d}",
        email=email,
    )
    # The interview formset's counts come from the form as the journalist opened it.
    return {key: value for key, value in answers.items() if not key.endswith("_FORMS")}


REGISTER_PATH = "/en/press/register/"


def send_registration(visitor, server, fields, number, email):
    """Sends the registration form, as opened earlier (`fields`), filled in for journalist `number`."""
    data = {**fields, **registration_answers(number, email)}
    files = {"credential_upload": (f"card-{number}.png", press_card(email), "image/png")}
    return visitor.post(server, REGISTER_PATH, data, files)


def register(visitor, server, number, email):
    fields = visitor.form_fields(server, REGISTER_PATH, "main form[method=post]")
    return send_registration(visitor, server, fields, number, email)


def confirmation_path(message):
    match = re.search(r"https?://[^/\s]+(/\S*/press/register/confirm/\S+)", message)
    assert match, f"no confirmation link in:\n{message}"
    return match.group(1)
