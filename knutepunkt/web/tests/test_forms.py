"""The one municipality form field and the one datalist its inputs refer to."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template import Context, Template

from knutepunkt.conftest import municipality
from knutepunkt.geo.places import current_places, match_place
from knutepunkt.web.forms import (
    MUNICIPALITY_DATALIST_ID,
    MunicipalityField,
    municipalities_from_text,
    municipality_label,
)

pytestmark = pytest.mark.django_db


class PlaceForm(forms.Form):
    municipality = MunicipalityField(label="Municipality", required=False)


class Reworded(forms.Form):
    municipality = MunicipalityField(
        label="Municipality", error_messages={"unknown": "Unknown municipality: “%(text)s”."}
    )


def _datalist() -> str:
    return Template("{% load municipalities %}{% municipality_datalist %}").render(Context())


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("Molde", "1506"),
        ("molde", "1506"),
        ("1506", "1506"),
        ("1506 Molde", "1506"),
        ("Molde (Møre og Romsdal)", "1506"),
        ("Herøy  (Nordland)", "1818"),
    ],
)
def test_field_cleans_typed_text_to_the_current_municipality(typed: str, number: str) -> None:
    form = PlaceForm({"municipality": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["municipality"] == municipality(number)


def test_empty_field_is_none() -> None:
    form = PlaceForm({"municipality": "  "})
    assert form.is_valid()
    assert form.cleaned_data["municipality"] is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Atlantis", "We do not know the municipality “Atlantis”."),
        ("Mollde", "Did you mean: Molde?"),
        ("Herøy", "Several municipalities match “Herøy”"),
        ("9999", "No municipality has the number 9999."),
    ],
)
def test_field_errors_say_what_went_wrong(typed: str, message: str) -> None:
    form = PlaceForm({"municipality": typed})
    assert not form.is_valid()
    assert message in form.errors["municipality"][0]


def test_field_messages_can_be_reworded_per_form() -> None:
    form = Reworded({"municipality": "Atlantis"})
    assert not form.is_valid()
    assert form.errors["municipality"] == ["Unknown municipality: “Atlantis”."]
    form = Reworded({"municipality": ""})
    assert not form.is_valid()
    assert form.errors["municipality"] == ["This field is required."]


def test_field_shows_a_municipality_as_its_label_and_refers_to_the_datalist() -> None:
    molde = municipality("1506")
    for initial in (molde, molde.pk):
        html = str(PlaceForm(initial={"municipality": initial})["municipality"])
        assert 'value="Molde"' in html
        assert f'list="{MUNICIPALITY_DATALIST_ID}"' in html
    assert municipality_label(municipality("1818")) == "Herøy (Nordland - Nordlánnda)"


def test_several_municipalities_in_one_box() -> None:
    found = municipalities_from_text("Molde, 5001; Herøy (Nordland)\nmolde,,")
    assert [m.number for m in found] == ["1506", "5001", "1818"]
    with pytest.raises(ValidationError) as excinfo:
        municipalities_from_text("Molde, Atlantis; Herøy")
    messages = excinfo.value.messages
    assert len(messages) == 2
    assert "Atlantis" in messages[0] and "Several municipalities match" in messages[1]


def test_one_datalist_offers_every_current_municipality_as_the_field_writes_it() -> None:
    html = _datalist()
    assert html.count("<datalist") == 1
    assert f'<datalist id="{MUNICIPALITY_DATALIST_ID}">' in html
    values = re.findall(r'<option value="([^"]*)">', html)
    assert len(values) == 357
    assert "Herøy (Møre og Romsdal)" in values and "Herøy (Nordland - Nordlánnda)" in values
    # Every suggestion parses back to its own municipality.
    numbers = [match_place(value.replace("&#x27;", "'")).place for value in values]
    assert [p.number for p in numbers if p] == [p.number for p in current_places()]


def test_staff_form_pages_render_the_shared_datalist_once(login, office_staff_midt) -> None:
    from django.urls import reverse

    client = login(office_staff_midt)
    for name in (
        "staff:network:partner_create",
        "staff:network:partner_list",
        "staff:events:event_create",
        "staff:activity:activity_create",
        "staff:starters:starter_list",
    ):
        html = client.get(reverse(name)).content.decode()
        assert html.count(f'<datalist id="{MUNICIPALITY_DATALIST_ID}">') == 1, name
        assert f'list="{MUNICIPALITY_DATALIST_ID}"' in html, name
