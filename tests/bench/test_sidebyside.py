"""The pieces of the side-by-side benchmark (devtools.sidebyside) that run quickly: the CPU and
memory it reads from /proc, the table it prints, and the pages of this site it compares. The
benchmark itself (bakerydemo installed, both sites under load) is too slow for the suite."""

import os
import subprocess
import sys
import time
from io import StringIO

import pytest

from django.core.management import call_command

from devtools import procstats, sidebyside
from devtools.management.commands.benchmark_pages import Command


def burn(seconds):
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_the_cpu_meter_counts_the_cpu_its_processes_spend():
    meter = procstats.CPUMeter([os.getpid()]).start()
    burn(0.3)
    spent = meter.stop()

    assert 0.25 <= spent < 1.0
    assert meter.per_request_ms(100) == pytest.approx(spent * 10)


def test_the_cpu_meter_does_not_count_a_process_left_idle():
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(2)"])  # noqa: S603
    try:
        time.sleep(0.5)  # past the interpreter's start
        meter = procstats.CPUMeter([sleeper.pid]).start()
        burn(0.3)  # this process works, the sleeper does not
        assert meter.stop() < 0.05
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_masters_workers_are_its_children():
    started = [subprocess.Popen(["sleep", "5"]) for _ in range(2)]  # noqa: S607
    try:
        assert {process.pid for process in started} <= set(procstats.children(os.getpid()))
    finally:
        for process in started:
            process.kill()
            process.wait()


def test_memory_is_read_as_pss_and_uss():
    pss, uss = procstats.memory_mb(os.getpid())
    assert 10 < uss <= pss + 1  # a Python with Django loaded; PSS counts its private pages too


def test_the_table_is_markdown_with_a_ratio_per_row():
    run = sidebyside.Run(ok=100, other=0, rps=50.0, worker_ms=9.0, database_ms=1.0, p95=20.0)
    theirs = sidebyside.Run(ok=100, other=0, rps=25.0, worker_ms=18.0, database_ms=2.0, p95=40.0)
    rows = [("home page", sidebyside.server_cell(run), sidebyside.server_cell(theirs), sidebyside.ratio(10, 20))]

    assert sidebyside.format_table(rows).splitlines() == [
        "| | this site | bakerydemo | ratio |",
        "| --- | --- | --- | --- |",
        "| home page | 9.0 + 1.0 DB | 18.0 + 2.0 DB | 0.50 |",
    ]
    assert sidebyside.ratio(1, 0) == "-"


def test_the_pages_compared_are_served_within_the_query_budget(db):
    call_command("load_demo_content", stdout=StringIO())
    pages, queries = Command().our_pages()

    assert set(pages) == {"home", "listing", "detail", "agency profile", "guide", "search", "search (Chinese)"}
    assert pages["home"] == "/en/"
    assert queries["guide"] <= 12
    assert all(count > 0 for count in queries.values())


def test_a_process_that_ends_during_the_measure_is_counted_as_ended():
    short = subprocess.Popen([sys.executable, "-c", "pass"])  # noqa: S603
    meter = procstats.CPUMeter([os.getpid(), short.pid]).start()
    short.wait()
    meter.stop()

    assert meter.ended == 1
