"""Every kind of public page can be reached by following links from the home page, in
each language, and the links stay in the language of the page they are on."""

from __future__ import annotations

import re
from collections import Counter, deque
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
from django.db import connection
from django.test import Client
from django.urls import Resolver404, resolve

from knutepunkt.core.testing import OutlineJoins
from knutepunkt.core.tests.public_data import build_public_site

pytestmark = pytest.mark.django_db

# Every public view a visitor can land on without a personal link (tokens) or a script.
REACHABLE = {
    "pages:home",
    "pages:info_index",
    "pages:info_page",
    "find:search",
    "directory:map",
    "directory:office_list",
    "directory:office",
    "directory:contact_point",
    "directory:municipality_index",
    "directory:municipality",
    "events:list",
    "events:detail",
    "events:ical",
    "interests:register",
    "statistics:index",
}
LINK = re.compile(r'<a\s[^>]*href="([^"#]*)')
# Pages of one kind opened at most (357 municipality pages say the same about links).
PER_KIND = 3


def crawl(client: Client, start: str) -> tuple[set[str], list[str]]:
    """The view names reached from ``start`` by links, and links that left its language."""
    prefix = start.rstrip("/")
    seen, reached, strays = {start}, set(), []
    opened: Counter[str] = Counter()
    queue = deque([start])
    while queue:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        for href in LINK.findall(response.content.decode()):
            url = urlparse(urljoin(path, href.replace("&amp;", "&")))
            if url.scheme not in ("", "http") or url.netloc not in ("", "testserver"):
                continue
            try:
                match = resolve(url.path)
            except Resolver404:
                continue
            if match.view_name.startswith(("admin:", "set_language")) or "/arbeid/" in url.path:
                continue
            reached.add(match.view_name)
            # The API and its data files have one address for every language (?lang=).
            if prefix and not url.path.startswith((prefix + "/", "/api/")):
                strays.append(f"{path} -> {url.path}")
            target = url.path + (f"?{url.query}" if url.query else "")
            if target not in seen and opened[match.view_name] < PER_KIND:
                seen.add(target)
                opened[match.view_name] += 1
                queue.append(target)
    return reached, strays


@pytest.mark.parametrize("start", ["/", "/nn/", "/en/"])
def test_every_kind_of_public_page_is_linked_from_the_home_page(
    client: Client, reference_data: Any, start: str
) -> None:
    build_public_site()
    with connection.execute_wrapper(outlines := OutlineJoins()):
        reached, strays = crawl(client, start)
    assert sorted(REACHABLE - reached) == []
    assert strays == []
    # No public page loads municipality outlines along with its rows (see OutlineJoins).
    assert outlines.queries == []
