"""Run by test_third_language.py in its own process, under settings that add a third language.

Generates the migrations the new language's columns need (into the copy of the project's
migrations that the settings point at), migrates a scratch database, loads the demo content,
then asks for every page of the sitemap in the new language and prints what came back as JSON.
"""

import json
import re
import sys
from io import StringIO
from urllib.parse import urlsplit

import django

django.setup()

from bs4 import BeautifulSoup  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

LANGUAGE = sys.argv[1]

quiet = StringIO()
call_command("makemigrations", stdout=quiet)
call_command("migrate", "--noinput", stdout=quiet)
call_command("load_demo_content", stdout=quiet)

client = Client(raise_request_exception=False)
sitemap = client.get("/sitemap.xml").content.decode()
paths = sorted({urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)})
pages = {}
for path in paths:
    if not path.startswith(f"/{LANGUAGE}/"):
        continue
    response = client.get(path)
    page = BeautifulSoup(response.content, "html.parser")
    pages[path] = {
        "status": response.status_code,
        "lang": page.html.get("lang") if page.html else None,
        "switcher": [item.get("lang") for item in page.select("nav.language-switcher li > *")],
        "notice": bool(page.select(".notice--translation")),
    }
print(
    json.dumps(
        {"paths": len(paths), "pages": pages, "root": client.get("/", HTTP_ACCEPT_LANGUAGE=LANGUAGE)["Location"]}
    )
)
