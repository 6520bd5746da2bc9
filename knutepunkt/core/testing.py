"""Helpers for browser tests (Playwright in Debian's Chromium, axe-core from PyPI)."""

from __future__ import annotations

from typing import Any

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page for WCAG 2.0/2.1/2.2 A and AA rules; return the violations."""
    from axe_playwright_python.sync_playwright import Axe

    # resultTypes: only violations come back with every node (much faster on long pages).
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = Axe().run(page, options=options)
    return list(result.response["violations"])


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        targets = [node.get("target") for node in violation.get("nodes", [])][:3]
        lines.append(f"{violation['id']} ({violation.get('impact')}): {targets}")
    return "\n".join(lines)
