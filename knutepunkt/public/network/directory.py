"""Reads for the public directory: what exists where, and the SVG maps drawn from it.

Only public information: established contact points and meeting places
(``ContactPoint.objects.public()``) and public groups (``SelfHelpGroup.objects.public()``),
as classified by :func:`knutepunkt.reports.coverage.public_coverage`; the outlines are
the one cached projection of :func:`knutepunkt.geo.maps.municipality_map`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, gettext_lazy

from knutepunkt.core.i18n import LocalizedText, content_language
from knutepunkt.geo.maps import municipality_map
from knutepunkt.geo.models import Municipality
from knutepunkt.geo.places import places_version
from knutepunkt.geo.svgmap import MapArea, render_svg
from knutepunkt.groups.index import IndexedGroup, find_index
from knutepunkt.groups.models import GroupFormat, GroupStatus, GroupTarget
from knutepunkt.reports.coverage import NOTHING as COVERAGE_NOTHING
from knutepunkt.reports.coverage import SERVED, SOME, PublicCoverage, public_coverage

MAP_CACHE_SECONDS = 60 * 60 * 24
# Fill classes, most to least: a contact point or meeting place serves it; only groups; none.
CONTACT_POINT, GROUPS, NOTHING = "m-cp", "m-grp", "m-none"
COVERAGE_LABELS = {
    CONTACT_POINT: gettext_lazy("Contact point or meeting place"),
    GROUPS: gettext_lazy("Self-help groups, no contact point yet"),
    NOTHING: gettext_lazy("Nothing here yet – ask the district office"),
}


# The public map's class for each level of reports.coverage's one classification.
PUBLIC_CLASSES = {SERVED: CONTACT_POINT, SOME: GROUPS, COVERAGE_NOTHING: NOTHING}


@dataclass(frozen=True)
class Coverage:
    """Public coverage (:func:`knutepunkt.reports.coverage.public_coverage`: established
    contact points and public groups only) in the public map's classes."""

    data: PublicCoverage

    def css_class(self, municipality_id: int) -> str:
        return PUBLIC_CLASSES[self.data.coverage_class(municipality_id)]

    @property
    def any_ids(self) -> frozenset[int]:
        return self.data.any_ids

    def fingerprint(self) -> str:
        return self.data.fingerprint()


def coverage() -> Coverage:
    """Which municipalities have something public (three small queries)."""
    return Coverage(public_coverage())


def indexed_coverage() -> Coverage:
    """The same as :func:`coverage`, from the in-memory index (no query once it is built):
    municipalities with an established contact point located there or serving them, and
    those where public groups meet (a group's own municipality, else its contact
    point's)."""

    def build() -> Coverage:
        index = find_index()
        groups = frozenset(g.location for g in index.groups.values() if g.location is not None)
        return Coverage(PublicCoverage(frozenset(index.contact_points_at), groups))

    return find_index().derived("public-coverage", build)


@dataclass(frozen=True)
class ListedGroup:
    """A public group as the directory's pages list it (``includes/group_list.html``)."""

    id: int
    heading: LocalizedText  # its own title (bokmål), else its topic's name
    status_label: str
    target_label: str
    where: str
    where_marked: bool  # a contact point's name: bokmål, marked as such on other pages
    meeting_time: str


def listed_groups(groups: Iterable[IndexedGroup]) -> list[ListedGroup]:
    language = content_language()
    listed = []
    for group in groups:
        marked = False
        if group.format == GroupFormat.IN_PERSON:
            if group.municipality_id:
                where = group.place_name
            else:
                where, marked = group.contact_point_name, bool(group.contact_point_name)
        else:
            where = str(GroupFormat(group.format).label)
        listed.append(
            ListedGroup(
                heading=(
                    LocalizedText(group.title, "nb") if group.title else group.topic.name(language)
                ),
                id=group.id,
                status_label=str(GroupStatus(group.status).label),
                target_label=str(GroupTarget(group.target).label),
                where=where,
                where_marked=marked,
                meeting_time=group.meeting_time,
            )
        )
    return listed


def map_figure(
    *, county_numbers: tuple[str, ...] | None = None, data: Coverage | None = None
) -> SafeString:
    """The rendered map figure (SVG, legend, attribution) for the whole country or for
    some counties. Cached per language and per data version: any change in which
    municipalities have contact points or groups, or in the geography, gives a new key."""
    data = data if data is not None else coverage()
    language = get_language() or "nb"
    scope = ",".join(county_numbers or ("all",))
    key = f"kp-map:{scope}:{language}:{places_version()}:{data.fingerprint()}"
    html = cache.get(key)
    if html is None:
        html = _render_figure(county_numbers, data)
        cache.set(key, html, MAP_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by our template and svgmap, all escaped


def municipality_hrefs() -> Callable[[str], str]:
    """Municipality page URLs in the active language, reversing once instead of per row."""
    pattern = reverse("directory:municipality", kwargs={"number": "0000"})
    return lambda number: pattern.replace("0000", number)


def _render_figure(county_numbers: tuple[str, ...] | None, data: Coverage) -> str:
    national = not county_numbers
    projected = municipality_map(county_numbers=county_numbers)
    rows = Municipality.objects.current().order_by("number")
    if county_numbers:
        rows = rows.filter(county__number__in=county_numbers)
    municipality_href = municipality_hrefs()
    labels = {css: str(text) for css, text in COVERAGE_LABELS.items()}
    areas = []
    for pk, number, name in rows.values_list("pk", "number", "name"):
        css = data.css_class(pk)
        areas.append(
            MapArea(
                key=number,
                href=municipality_href(number),
                label=f"{name}: {labels[css]}",
                css_class=css,
            )
        )
    label = gettext("Map of Norway's municipalities") if national else gettext("Map of the area")
    svg = render_svg(projected, areas, label=label)
    legend = [(css, labels[css]) for css in (CONTACT_POINT, GROUPS, NOTHING)]
    return render_to_string(
        "network/includes/map_figure.html", {"svg": svg, "legend": legend, "national": national}
    )
