"""The data the public-site journeys and page checks run against.

Built on the demo network (``load_demo``: offices, contact points, groups, events), plus a
few rows written through the services so each journey has exactly what it needs:
a forming anxiety group at the Molde contact point, a Tromsø contact point with a group,
and an event with one place that one person has already taken.

Transactional (live-server) tests flush the database after each test, which also wipes
the information pages a data migration wrote; :func:`restore_info_pages` puts them back.
"""

from __future__ import annotations

import datetime
import importlib
from dataclasses import dataclass
from io import StringIO
from typing import Any

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from knutepunkt.conftest import municipality
from knutepunkt.events import services as event_services
from knutepunkt.events.models import Event, EventKind, Registration
from knutepunkt.groups.models import GroupStatus, SelfHelpGroup, Topic
from knutepunkt.groups.services import group_create
from knutepunkt.network.models import ContactPoint, ContactPointStatus, DistrictOffice
from knutepunkt.network.services import contact_point_create
from knutepunkt.pages.models import InfoPage
from knutepunkt.pages.services import info_page_create

MOLDE = "1506"
TROMSO = "5501"
FULL_EVENT_SLUG = "apent-mote-en-plass"
FIRST_PERSON_EMAIL = "kari.forst@example.org"


@dataclass(frozen=True)
class PublicSite:
    molde_contact_point: ContactPoint
    molde_group: SelfHelpGroup
    tromso_contact_point: ContactPoint
    tromso_group: SelfHelpGroup
    office_midt: DistrictOffice
    office_nord: DistrictOffice
    full_event: Event
    first_registration: Registration
    info_slugs: tuple[str, ...]


def restore_info_pages() -> tuple[str, ...]:
    """The information pages of the data migrations (bokmål and English, then nynorsk),
    created again when missing."""
    first = importlib.import_module("knutepunkt.pages.migrations.0002_initial_info_pages")
    nynorsk = importlib.import_module("knutepunkt.pages.migrations.0004_info_pages_in_nynorsk")
    for fields in first.PAGES:
        if not InfoPage.objects.filter(slug=fields["slug"]).exists():
            info_page_create(actor=None, **fields)
    for page in InfoPage.objects.filter(slug__in=list(nynorsk.NYNORSK)):
        changed = nynorsk.apply_nynorsk(page, nynorsk.NYNORSK[page.slug])
        if page.slug == "tilgjengelighet":
            changed = nynorsk.update_accessibility(page) or changed
        if changed:
            page.save()
    return tuple(InfoPage.objects.published().values_list("slug", flat=True))


def _in_days(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def build_public_site() -> PublicSite:
    """Load the demo and add the journey rows. Afterwards the mail outbox holds only the
    first person's confirmation e-mail (with their cancel link)."""
    slugs = restore_info_pages()
    call_command("load_demo", stdout=StringIO())
    molde = ContactPoint.objects.get(slug="molde")
    anxiety = Topic.objects.get(slug="angst")
    molde_group = group_create(
        actor=None,
        topic=anxiety,
        contact_point=molde,
        municipality=MOLDE,
        status=GroupStatus.FORMING,
        title="Ny angstgruppe i Molde",
        description_nb="Gruppa starter når fem personer har meldt interesse.",
        description_en="The group starts when five people have registered interest.",
    )
    office_nord = DistrictOffice.objects.get(seat__number=TROMSO)
    tromso = contact_point_create(
        actor=None,
        name="Selvhjelp Tromsø",
        slug="tromso",
        municipality=TROMSO,
        office=office_nord,
        status=ContactPointStatus.ESTABLISHED,
        municipalities_served=[municipality(TROMSO)],
        email="selvhjelp@tromso.example.org",
        phone="77 00 00 00",
        address="Demogata 7, 9008 Tromsø",
        description_nb="Frivilligsentralen i Tromsø er kontaktpunkt for selvhjelp.",
        description_en="Tromsø volunteer centre is the contact point for self-help.",
    )
    tromso_group = group_create(
        actor=None,
        topic=anxiety,
        contact_point=tromso,
        municipality=TROMSO,
        status=GroupStatus.OPEN,
        title="Angstgruppe i Tromsø",
        meeting_time="Hver onsdag kl. 18",
    )
    starts = _in_days(14, 18)
    full_event = event_services.event_create(
        actor=None,
        title="Åpent møte med én plass",
        slug=FULL_EVENT_SLUG,
        kind=EventKind.OPEN_MEETING,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        office=molde.office,
        contact_point=molde,
        municipality=municipality(MOLDE),
        venue="Molde frivilligsentral",
        address="Demogata 10, 6413 Molde",
        description="Et lite møte: bare én plass, så blir det venteliste.",
        capacity=1,
        has_waiting_list=True,
    )
    mail.outbox = []
    first = event_services.registration_create(
        event=full_event, name="Kari Først", email=FIRST_PERSON_EMAIL, language="nb"
    )
    return PublicSite(
        molde_contact_point=molde,
        molde_group=molde_group,
        tromso_contact_point=tromso,
        tromso_group=tromso_group,
        office_midt=molde.office,
        office_nord=office_nord,
        full_event=full_event,
        first_registration=first,
        info_slugs=slugs,
    )


def mails_to(address: str) -> list[Any]:
    """The e-mails in the locmem outbox sent to ``address``, oldest first."""
    return [message for message in mail.outbox if address in message.to]
