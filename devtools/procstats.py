"""What a process costs, read from Linux's /proc: CPU time and memory (PSS and USS).

Worker CPU per request (the CPU its workers spent, divided by the requests they served) is what
the benchmarks compare: on a machine shared with other work, wall-clock rates move with the
neighbours' load, the CPU a request takes much less.
"""

import os
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User plus system CPU seconds that process `pid` has used (children not counted)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # After the command's closing parenthesis: state is field 3, utime 14 and stime 15 (1-based).
    return (int(fields[11]) + int(fields[12])) / _TICKS


def children(pid):
    """Pids of the direct children of `pid` (a gunicorn master's workers)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(child) for child in text]
    return found


def memory_kb(pid):
    """{field: kB} of `pid`'s memory in all (Rss, Pss, Private_Clean, Private_Dirty, ...)."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, rest = line.partition(":")
        parts = rest.split()
        if parts and parts[-1] == "kB":
            values[name.strip()] = int(parts[0])
    return values


def private_kb(values):
    """The pages only this process has (USS), of memory_kb's values."""
    return values.get("Private_Clean", 0) + values.get("Private_Dirty", 0)


def memory_mb(pid):
    """(PSS, USS) of `pid` in MB: its share of pages it shares, and the pages only it has."""
    values = memory_kb(pid)
    return values.get("Pss", 0) / 1024, private_kb(values) / 1024


class CPUMeter:
    """CPU seconds the given processes spend between `start()` and `stop()`."""

    def __init__(self, pids):
        self.pids = list(pids)
        self.before = {}
        self.seconds = 0.0
        self.ended = 0

    def start(self):
        self.before = {}
        for pid in self.pids:
            try:
                self.before[pid] = cpu_seconds(pid)
            except FileNotFoundError:
                continue
        return self

    def stop(self):
        """The CPU spent; a process that ended meanwhile (a worker replaced, a database connection
        closed) is left out and counted in `ended`, since its last CPU figures went with it."""
        self.seconds, self.ended = 0.0, 0
        for pid, before in self.before.items():
            try:
                self.seconds += cpu_seconds(pid) - before
            except FileNotFoundError:
                self.ended += 1
        return self.seconds

    def per_request_ms(self, requests):
        return 1000 * self.seconds / requests if requests else 0.0
