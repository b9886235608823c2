"""The README's first install on an empty PostgreSQL database gives a real site in both
languages at the configured address, with its first administrator and no default password."""

import json
import re
import secrets

import psycopg
import pytest
import requests
from bs4 import BeautifulSoup

from tests.processes import database_url, manage, production_environment, start

HOST = "portal.example.org"
ADMIN_PASSWORD = secrets.token_urlsafe(16)


@pytest.fixture
def empty_database(demo_site):
    from django.db import connection

    server = dict(connection.settings_dict)
    name = f"portal_first_install_{secrets.token_hex(4)}"
    admin = database_url({**server, "NAME": "postgres"})
    with psycopg.connect(admin, autocommit=True) as control:
        control.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**server, "NAME": name}
    finally:
        with psycopg.connect(admin, autocommit=True) as control:
            control.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def visit(web, path):
    return requests.get(
        web.url + path,
        headers={"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"},
        timeout=15,
    )


def test_first_install_serves_the_home_page_in_both_languages_at_the_configured_host(empty_database, tmp_path):
    environment = production_environment(
        empty_database, tmp_path, SITE_URL=f"https://{HOST}", ALLOWED_HOSTS=f"{HOST},127.0.0.1", WEB_CONCURRENCY="1"
    )
    manage(environment, "migrate", "--noinput")
    manage(environment, "install_site")
    admin = {
        "DJANGO_SUPERUSER_USERNAME": "office-admin",
        "DJANGO_SUPERUSER_EMAIL": "admin@example.org",
        "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
    }
    manage({**environment, **admin}, "createsuperuser", "--noinput")
    manage(environment, "collectstatic", "--noinput", "-v0")
    web = start("web", environment, tmp_path)
    try:
        english, chinese = visit(web, "/en/"), visit(web, "/zh-hans/")
        sitemap = visit(web, "/sitemap.xml")
        signed_in = sign_in(web, "office-admin", ADMIN_PASSWORD)
        no_default = sign_in(web, "admin", "admin")
    finally:
        web.stop()

    assert english.status_code == 200 and chinese.status_code == 200
    assert heading(english) == "Information Office of Shanghai Municipality"
    assert heading(chinese) == "上海市人民政府新闻办公室"
    assert BeautifulSoup(english.text, "html.parser").title.get_text(strip=True)
    website = structured_data(english)
    assert website["url"] == f"https://{HOST}/en/"
    assert structured_data(chinese)["url"] == f"https://{HOST}/zh-hans/"
    assert f"<loc>https://{HOST}/en/</loc>" in sitemap.text and "localhost" not in sitemap.text
    assert signed_in and not no_default


def heading(response):
    return BeautifulSoup(response.text, "html.parser").select_one("main h1").get_text(strip=True)


def structured_data(response):
    scripts = BeautifulSoup(response.text, "html.parser").select('script[type="application/ld+json"]')
    assert scripts, "the home page carries no JSON-LD"
    return json.loads(scripts[0].string)


def sign_in(web, username, password):
    session = requests.Session()
    headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Referer": f"https://{HOST}/admin/login/"}
    page = session.get(web.url + "/admin/login/", headers=headers, timeout=15)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    cookies = "; ".join(f"{name}={value}" for name, value in page.cookies.get_dict().items())
    answer = session.post(
        web.url + "/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": username, "password": password},
        headers={**headers, "Cookie": cookies},
        allow_redirects=False,
        timeout=15,
    )
    return answer.status_code == 302
