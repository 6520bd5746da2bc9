"""Where an interest goes: the established contact point serving the municipality, or else
the district office covering its county."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from knutepunkt.geo.models import Municipality
from knutepunkt.network.models import ContactPoint, DistrictOffice


def route_interest(municipality: Municipality) -> tuple[ContactPoint | None, DistrictOffice]:
    """(contact point or None, responsible district office) for a municipality."""
    contact_point = (
        ContactPoint.objects.public()
        .filter(municipalities_served=municipality)
        .select_related("office")
        .order_by("pk")
        .first()
    )
    if contact_point is not None:
        return contact_point, contact_point.office
    office = DistrictOffice.objects.filter(officecounty__county=municipality.county_id).first()
    if office is None:
        raise ValidationError(
            {"municipality": _("No district office covers this municipality yet.")}
        )
    return None, office
