"""Ready-made events staff can start from ("Create from template"). Kept as data: add an
``EventTemplate`` to ``TEMPLATES`` to offer another one."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from knutepunkt.events.models import EventKind
from knutepunkt.network.models import PartnerKind


@dataclass(frozen=True)
class EventTemplate:
    key: str
    name: str | Promise  # shown to staff, translated
    title: str  # domain content in bokmål
    kind: str
    duration: datetime.timedelta
    target_group: str
    description: str  # bokmål
    description_nn: str
    description_en: str
    suggested_partner_kind: str = ""

    def initial(self, start: datetime.datetime) -> dict[str, Any]:
        """The create form's prefilled values, starting at ``start``."""
        return {
            "title": self.title,
            "kind": self.kind,
            "target_group": self.target_group,
            "description": self.description,
            "description_nn": self.description_nn,
            "description_en": self.description_en,
            "starts_at": start,
            "ends_at": start + self.duration,
            "template": self.key,
        }


# Seed 004: "Informasjonstreff om selvorganisert selvhjelp" for frisklivssentraler.
INFORMATION_MEETING_HEALTHY_LIFE_CENTRE = EventTemplate(
    key="informasjonstreff-frisklivssentral",
    name=_("Information meeting on self-help at a healthy life centre (2 hours)"),
    title="Informasjonstreff om selvorganisert selvhjelp",
    kind=EventKind.INFORMATION_MEETING,
    duration=datetime.timedelta(hours=2),
    target_group="Innbyggere",
    description=(
        "Et informasjonstreff på to timer om selvorganisert selvhjelp, med rom for "
        "informasjon og dialog om å starte selvhjelpsgrupper etter kurs eller aktivitet "
        "ved frisklivssentralen.\n\n"
        "Innhold:\n"
        "– Hva er selvhjelp?\n"
        "– Hvordan kan selvorganisert selvhjelp styrke mulighetene for mestring?\n"
        "– Hvordan komme i gang med en selvhjelpsgruppe etter kurs/aktivitet?"
    ),
    description_nn=(
        "Eit informasjonstreff på to timar om sjølvorganisert sjølvhjelp, med rom for "
        "informasjon og dialog om å starte sjølvhjelpsgrupper etter kurs eller aktivitet "
        "ved frisklivssentralen.\n\n"
        "Innhald:\n"
        "– Kva er sjølvhjelp?\n"
        "– Korleis kan sjølvorganisert sjølvhjelp styrkje moglegheitene for meistring?\n"
        "– Korleis kome i gang med ei sjølvhjelpsgruppe etter kurs/aktivitet?"
    ),
    description_en=(
        "A two-hour information meeting on self-organised self-help, with time for "
        "information and dialogue about starting self-help groups after a course or "
        "activity at the healthy life centre.\n\n"
        "Programme:\n"
        "– What is self-help?\n"
        "– How can self-organised self-help strengthen coping?\n"
        "– How to get started with a self-help group after a course or activity?"
    ),
    suggested_partner_kind=PartnerKind.HEALTHY_LIFE_CENTRE,
)

TEMPLATES: dict[str, EventTemplate] = {
    template.key: template for template in [INFORMATION_MEETING_HEALTHY_LIFE_CENTRE]
}


def get_template(key: str | None) -> EventTemplate | None:
    return TEMPLATES.get(key or "")
