"""The directory as open data files: CSV (one file per table) and XLSX (one sheet per
table), under the Norwegian Licence for Open Government Data (NLOD 2.0).

The columns have stable English names; the data page explains each one (``TABLES``
carries the explanations, translated)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from knutepunkt.opendata.directory import PublicContactPoint, PublicGroup, Snapshot

LICENCE_NAME = "NLOD 2.0"
LICENCE_URL = "https://data.norge.no/nlod/no/2.0"
PUBLISHER = "Selvhjelp Norge"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _site_url(name: str, **kwargs: Any) -> str:
    """Links in the files point to the bokmål pages (the site's default language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return f"{settings.SITE_URL}{reverse(name, kwargs=kwargs)}"


def _time(value: Any) -> str:
    return value.strftime("%H:%M") if value is not None else ""


@dataclass(frozen=True)
class Column:
    key: str
    description: Promise
    value: Callable[[Any], Any]


@dataclass(frozen=True)
class Table:
    key: str
    filename: str
    title: Promise
    description: Promise
    columns: Sequence[Column]
    rows: Callable[[Snapshot], Sequence[Any]]


def _area(attr: str) -> Callable[[Any], Any]:
    def get(item: PublicGroup | PublicContactPoint) -> Any:
        return getattr(item.area, attr) if item.area is not None else ""

    return get


GROUP_COLUMNS = [
    Column("id", _("The group's number in Knutepunkt."), lambda g: g.id),
    Column(
        "url", _("The group's page on the site."), lambda g: _site_url("find:group", group_id=g.id)
    ),
    Column(
        "title",
        _("The group's name; the topic when it has none."),
        lambda g: g.own_title or g.topic_name_nb,
    ),
    Column("topic", _("The topic's key (slug)."), lambda g: g.topic_slug),
    Column("topic_nb", _("The topic in bokmål."), lambda g: g.topic_name_nb),
    Column("topic_en", _("The topic in English."), lambda g: g.topic_name_en),
    Column("format", _("in_person, phone or online."), lambda g: g.format),
    Column(
        "target", _("affected (for those who have the problem) or relatives."), lambda g: g.target
    ),
    Column(
        "status",
        _("open (takes new members) or forming (waiting for enough people)."),
        lambda g: g.status,
    ),
    Column("meeting_time", _("When the group meets, in words."), lambda g: g.meeting_time),
    Column(
        "weekday",
        _("A fixed weekly day: 0 = Monday … 6 = Sunday; empty when none."),
        lambda g: "" if g.weekday is None else g.weekday,
    ),
    Column(
        "starts", _("Local start time (HH:MM), with a fixed weekly day."), lambda g: _time(g.starts)
    ),
    Column("ends", _("Local end time (HH:MM)."), lambda g: _time(g.ends)),
    Column(
        "municipality_number",
        _("Where an in-person group meets: the municipality only."),
        _area("municipality_number"),
    ),
    Column("municipality", _("The municipality's name."), _area("municipality_name")),
    Column("county_number", _("The county's number."), _area("county_number")),
    Column("county", _("The county's name."), _area("county_name")),
    Column(
        "latitude",
        _("The municipality's centre (WGS84), never the meeting place."),
        _area("latitude"),
    ),
    Column("longitude", _("The municipality's centre (WGS84)."), _area("longitude")),
    Column(
        "contact_name",
        _("Who to contact to join: the contact point or the district office."),
        lambda g: g.contact.name,
    ),
    Column(
        "contact_email", _("The organisation's public e-mail address."), lambda g: g.contact.email
    ),
    Column(
        "contact_phone", _("The organisation's public phone number."), lambda g: g.contact.phone
    ),
    Column(
        "contact_point",
        _("The key (slug) of the group's contact point, if any."),
        lambda g: g.contact_point_slug,
    ),
    Column(
        "office", _("The key (slug) of the responsible district office."), lambda g: g.office_slug
    ),
    Column(
        "updated",
        _("When the listing last changed (UTC, ISO 8601)."),
        lambda g: g.updated_at.isoformat(),
    ),
]

CONTACT_POINT_COLUMNS = [
    Column("slug", _("The contact point's key."), lambda c: c.slug),
    Column(
        "url",
        _("Its page on the site."),
        lambda c: _site_url("directory:contact_point", slug=c.slug),
    ),
    Column("name", _("Name."), lambda c: c.name),
    Column("kind", _("contact_point or meeting_place."), lambda c: c.kind),
    Column("host", _("The organisation that hosts it."), lambda c: c.host_name),
    Column("address", _("Its public address."), lambda c: c.address),
    Column("municipality_number", _("The municipality where it is."), _area("municipality_number")),
    Column("municipality", _("The municipality's name."), _area("municipality_name")),
    Column("county_number", _("The county's number."), _area("county_number")),
    Column("county", _("The county's name."), _area("county_name")),
    Column("latitude", _("The municipality's centre (WGS84)."), _area("latitude")),
    Column("longitude", _("The municipality's centre (WGS84)."), _area("longitude")),
    Column(
        "municipalities_served",
        _("Numbers of the municipalities it serves, separated by ';'."),
        lambda c: ";".join(n for n, _m in c.served),
    ),
    Column("email", _("Public e-mail address."), lambda c: c.email),
    Column("phone", _("Public phone number."), lambda c: c.phone),
    Column("website", _("Website."), lambda c: c.website),
    Column("opening_hours", _("Opening hours, in words."), lambda c: c.opening_hours),
    Column("office", _("The key (slug) of the district office."), lambda c: c.office_slug),
    Column(
        "updated",
        _("When the listing last changed (UTC, ISO 8601)."),
        lambda c: c.updated_at.isoformat(),
    ),
]

OFFICE_COLUMNS = [
    Column("slug", _("The office's key."), lambda o: o.slug),
    Column("url", _("Its page on the site."), lambda o: _site_url("directory:office", slug=o.slug)),
    Column("name", _("Name."), lambda o: o.name),
    Column(
        "seat_number",
        _("The municipality where the office sits."),
        lambda o: o.seat.municipality_number,
    ),
    Column("seat", _("The seat's name."), lambda o: o.seat.municipality_name),
    Column(
        "counties",
        _("Numbers of the counties it covers, separated by ';'."),
        lambda o: ";".join(n for n, _m in o.counties),
    ),
    Column("email", _("Public e-mail address."), lambda o: o.email),
    Column("phone", _("Public phone number."), lambda o: o.phone),
    Column("address", _("Postal or visiting address."), lambda o: o.address),
]

TABLES: dict[str, Table] = {
    "groups": Table(
        "groups",
        "grupper",
        _("Self-help groups"),
        _(
            "Groups open for new members or forming. Never who takes part, never where a "
            "group meets."
        ),
        GROUP_COLUMNS,
        lambda s: s.groups,
    ),
    "contact_points": Table(
        "contact_points",
        "kontaktpunkter",
        _("Contact points and meeting places"),
        _("Established local contact points and meeting places."),
        CONTACT_POINT_COLUMNS,
        lambda s: s.contact_points,
    ),
    "offices": Table(
        "offices",
        "kontorer",
        _("District offices"),
        _("Selvhjelp Norge's district offices and the counties they cover."),
        OFFICE_COLUMNS,
        lambda s: s.offices,
    ),
}


def _safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def table_rows(table: Table, snapshot: Snapshot) -> list[list[Any]]:
    return [[_safe(col.value(item)) for col in table.columns] for item in table.rows(snapshot)]


def csv_bytes(table: Table, snapshot: Snapshot) -> bytes:
    """UTF-8 with a byte order mark (so spreadsheet programs read æøå right), comma-separated."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([col.key for col in table.columns])
    writer.writerows(table_rows(table, snapshot))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(snapshot: Snapshot) -> bytes:
    """One sheet per table, and a first sheet on the source and the licence."""
    workbook = Workbook()
    about = workbook.active
    assert about is not None
    about.title = "about"
    about.append([str(_("Knutepunkt directory of self-help")), PUBLISHER])
    about.append([str(_("Licence")), f"{LICENCE_NAME} {LICENCE_URL}"])
    about.append([str(_("Made")), snapshot.taken_at.isoformat()])
    for table in TABLES.values():
        sheet = workbook.create_sheet(table.key)
        sheet.append([col.key for col in table.columns])
        for row in table_rows(table, snapshot):
            sheet.append(row)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
