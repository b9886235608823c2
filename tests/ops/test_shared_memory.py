"""gunicorn's workers share the app, and jieba's and pypinyin's dictionaries, with the master
that loaded them before forking (gunicorn.conf.py): each holds only what its own requests made."""

from pathlib import Path
from urllib.parse import quote

import requests

from tests.processes import start

# Both languages, the agencies' A to Z (pypinyin) and a Chinese search (jieba).
PAGES = [
    "/en/",
    "/zh-hans/",
    "/zh-hans/government/agencies/",
    "/en/press/",
    f"/zh-hans/search/?q={quote('新闻发布会')}",
]


def memory_kb(pid):
    """{field: kB} of the process's smaps_rollup (Rss, Private_Clean, Private_Dirty, ...)."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, rest = line.partition(":")
        parts = rest.split()
        if parts and parts[-1] == "kB":
            values[name.strip()] = int(parts[0])
    return values


def workers_of(pid):
    return [
        int(child) for task in Path(f"/proc/{pid}/task").iterdir() for child in (task / "children").read_text().split()
    ]


def test_a_worker_holds_little_of_its_own_memory(demo_site, tmp_path):
    web = start("web", demo_site, tmp_path)
    try:
        for _ in range(5):
            for path in PAGES:
                response = requests.get(web.url + path, headers={"X-Forwarded-Proto": "https"}, timeout=30)
                assert response.status_code == 200, path
        workers = workers_of(web.popen.pid)
        assert len(workers) == 2
        for worker in workers:
            memory = memory_kb(worker)
            private = memory["Private_Clean"] + memory["Private_Dirty"]
            # Loaded in each worker, the app and the dictionaries would be most of its memory
            # (about 130 of 180 MB); shared, its own pages are a small part.
            assert private < 0.4 * memory["Rss"], f"worker {worker}: {private} kB own of {memory['Rss']} kB"
    finally:
        web.stop()
