"""gunicorn's workers share the app, and jieba's and pypinyin's dictionaries, with the master
that loaded them before forking (gunicorn.conf.py): each holds only what its own requests made."""

from urllib.parse import quote

import requests

from devtools import procstats
from tests.processes import start

# Both languages, the agencies' A to Z (pypinyin) and a Chinese search (jieba).
PAGES = [
    "/en/",
    "/zh-hans/",
    "/zh-hans/government/agencies/",
    "/en/press/",
    f"/zh-hans/search/?q={quote('新闻发布会')}",
]


def test_a_worker_holds_little_of_its_own_memory(demo_site, tmp_path):
    web = start("web", demo_site, tmp_path)
    try:
        for _ in range(5):
            for path in PAGES:
                response = requests.get(web.url + path, headers={"X-Forwarded-Proto": "https"}, timeout=30)
                assert response.status_code == 200, path
        workers = procstats.children(web.popen.pid)
        assert len(workers) == 2
        for worker in workers:
            memory = procstats.memory_kb(worker)
            private = procstats.private_kb(memory)
            # Loaded in each worker, the app and the dictionaries would be most of its memory
            # (about 130 of 180 MB); shared, its own pages are a small part.
            assert private < 0.4 * memory["Rss"], f"worker {worker}: {private} kB own of {memory['Rss']} kB"
    finally:
        web.stop()
