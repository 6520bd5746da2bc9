"""Form helpers shared by the public site and the staff workspace."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.forms import BaseForm
from django.utils import timezone

from knutepunkt.geo.models import Municipality
from knutepunkt.geo.places import PLACE_ERRORS, municipality_named, place_by_number


def _field_label(form: BaseForm, name: str) -> str:
    """The model field's label for an error about a field the form does not show."""
    try:
        return str(form.instance._meta.get_field(name).verbose_name)  # type: ignore[attr-defined]
    except (AttributeError, FieldDoesNotExist):
        return ""


def add_service_errors(
    form: BaseForm, error: ValidationError, *, label_other_fields: bool = False
) -> None:
    """Show a service's ValidationError on a (validated) form.

    A dict error's messages go on the fields it names when the form has them; messages
    about other fields, ``NON_FIELD_ERRORS`` and a plain message or list go at the top of
    the form. With ``label_other_fields``, a message about a field the form does not show
    starts with that model field's label ("District office: …")."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        if name in form.fields:
            form.add_error(name, errors)
            continue
        label = _field_label(form, name) if label_other_fields and name != NON_FIELD_ERRORS else ""
        if label:
            form.add_error(None, [f"{label}: {message}" for message in ValidationError(errors)])
        else:
            form.add_error(None, errors)


# --- Municipalities ------------------------------------------------------------------------

MUNICIPALITY_DATALIST_ID = "municipality-options"


def municipality_label(municipality: Municipality) -> str:
    """How a form writes a municipality: "Molde (Møre og Romsdal)", the text the datalist
    offers and the parser reads back (the county tells namesakes apart)."""
    place = place_by_number(municipality.number)
    if place is not None and place.name == municipality.name:
        return place.label
    return f"{municipality.name} ({municipality.county.name})"  # no longer current


def municipalities_from_text(text: str) -> list[Municipality]:
    """Several municipalities typed in one box, separated by commas, semicolons or new
    lines ("Molde, Herøy (Nordland), 5001"): each once, in the order typed, or every
    error at once."""
    found: dict[int, Municipality] = {}
    errors: list[ValidationError] = []
    for part in re.split(r"[,;\n]", text):
        part = " ".join(part.split())
        if not part:
            continue
        try:
            municipality = municipality_named(part)
        except ValidationError as exc:
            errors.append(exc)
        else:
            found.setdefault(municipality.pk, municipality)
    if errors:
        raise ValidationError(errors)
    return list(found.values())


class MunicipalityField(forms.CharField):
    """A municipality typed by name or number ("Molde", "1506", "Herøy (Nordland)"), with
    the suggestions of the one shared datalist (``{% municipality_datalist %}`` from the
    ``municipalities`` tag library, once per page). Cleans to the current
    :class:`Municipality` row, or None when left empty.

    The messages are :data:`knutepunkt.geo.places.PLACE_ERRORS`; ``error_messages`` may
    reword them (same keys)."""

    default_error_messages = PLACE_ERRORS

    def __init__(self, *args: Any, date_field: str | None = None, **kwargs: Any) -> None:
        """``date_field``: the form's field (declared before this one) holding the date the
        municipality is used for (an activity's date, an event's start): the name or
        number is resolved against the municipalities valid that day, so a 2012 activity
        in Askim is accepted and one in Lillestrøm refused with the names valid then."""
        kwargs.setdefault("max_length", 120)
        super().__init__(*args, **kwargs)
        self.date_field = date_field
        self.widget.attrs.update({"list": MUNICIPALITY_DATALIST_ID, "autocomplete": "off"})

    def _clean_bound_field(self, bf: Any) -> Any:
        value = bf.initial if self.disabled else bf.data
        day = bf.form.cleaned_data.get(self.date_field) if self.date_field else None
        if isinstance(day, datetime.datetime):
            day = timezone.localdate(day) if timezone.is_aware(day) else day.date()
        return self.clean(value, on=day)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Municipality):
            return municipality_label(value)
        if isinstance(value, int):
            found = (
                Municipality.objects.select_related("county")
                .defer("outline")
                .filter(pk=value)
                .first()
            )
            return municipality_label(found) if found else ""
        return value

    def clean(self, value: Any, on: datetime.date | None = None) -> Municipality | None:
        if isinstance(value, Municipality):
            return value
        text = " ".join(str(super().clean(value) or "").split())
        if not text:
            return None
        return municipality_named(text, self.error_messages, on=on)
