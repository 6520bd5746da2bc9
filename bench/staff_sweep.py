"""Server time of every staff page a signed-in person can reach by following links.

Starts at the staff front page as a district office's staff and as head office, follows
every link under ``/arbeid/`` that the pages render (the same crawl a person clicking
through would make), and times each HTML page in-process with the production settings
of the calling bench: one warm-up request, then the median of ``SWEEP_REQUESTS``.

Detail pages of many objects share one view: at most ``PER_VIEW`` addresses per URL
name are visited, so the crawl covers every view without visiting all 50,000 groups.
Files (XLSX, PDF, CSV, calendars) are fetched once to see that they answer, but are not
pages and are not counted in the figures. Nothing is posted: a GET must not change
anything, and the sweep checks that no page answers with a server error.
"""

from __future__ import annotations

import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from html import unescape
from typing import Any
from urllib.parse import urldefrag, urlsplit

TARGET_MS = 150  # the bar for every staff page, server time
PER_VIEW = 3
SWEEP_REQUESTS = 3
MAX_PAGES = 400
# Links that end the session or only make sense as a form's target.
SKIP = re.compile(r"/arbeid/(logg-ut|utlogging|logout)|/arbeid/konto/(slett|delete)")
HREF = re.compile(r'href="([^"#]+)')


@dataclass
class Sweep:
    pages: dict[str, float] = field(default_factory=dict)  # url -> median ms
    files: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def slowest(self) -> tuple[str, float]:
        return max(self.pages.items(), key=lambda item: item[1], default=("-", 0.0))

    def summary(self, label: str) -> str:
        """One log line: how many pages, and the five slowest; then any server errors and
        a warning for a page over :data:`TARGET_MS` (one line each)."""
        ranked = sorted(self.pages.items(), key=lambda item: item[1], reverse=True)
        lines = [
            f"staff sweep {label}: {len(self.pages)} pages, {self.files} files, "
            f"{len(self.errors)} server errors; slowest: "
            + ", ".join(f"{url} {ms:.0f} ms" for url, ms in ranked[:5])
        ]
        lines += [f"staff sweep error: {error}" for error in self.errors]
        url, ms = self.slowest
        if ms > TARGET_MS:
            lines.append(f"WARNING: {url} takes more than {TARGET_MS} ms")
        return "\n# ".join(lines)


def _get(client: Any, url: str) -> tuple[Any, float]:
    started = time.perf_counter()
    response = client.get(url)
    return response, (time.perf_counter() - started) * 1000


def sweep(client: Any, *, who: str, start: str = "/arbeid/", result: Sweep | None = None) -> Sweep:
    """Crawl as ``client``; pages are recorded as ``"<who> <url>"``."""
    from django.urls import Resolver404, resolve

    result = result or Sweep()
    queue = [start]
    seen: set[str] = set()
    per_view: Counter[str] = Counter()
    while queue and len(result.pages) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        try:
            view = resolve(urlsplit(url).path).view_name
        except Resolver404:
            continue
        if per_view[view] >= PER_VIEW:
            continue
        per_view[view] += 1
        response, _ms = _get(client, url)  # warm-up: per-process caches, compiled templates
        if response.status_code >= 500:
            result.errors.append(f"{url}: {response.status_code}")
            continue
        if response.status_code != 200:
            continue  # redirects (sign-in steps), 403/404 of links to other scopes
        if "text/html" not in response.get("Content-Type", ""):
            result.files += 1
            continue
        times = [_get(client, url)[1] for _ in range(SWEEP_REQUESTS)]
        result.pages[f"{who} {url}"] = statistics.median(times)
        for href in HREF.findall(response.content.decode()):
            link = urldefrag(unescape(href))[0]
            if link.startswith("/arbeid/") and not SKIP.search(link) and link not in seen:
                queue.append(link)
    return result
