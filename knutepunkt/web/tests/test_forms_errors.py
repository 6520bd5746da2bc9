"""add_service_errors(): a service's ValidationError shown on the form that sent the data."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from knutepunkt.network.models import Partner
from knutepunkt.web.forms import add_service_errors


class NameForm(forms.Form):
    name = forms.CharField()
    email = forms.EmailField(required=False)


def _validated(form_class: type[forms.BaseForm] = NameForm) -> forms.BaseForm:
    form = form_class({"name": "Kari", "email": ""})
    assert form.is_valid()
    return form


def test_dict_errors_go_on_the_fields_the_form_has() -> None:
    form = _validated()
    add_service_errors(form, ValidationError({"name": ["Taken.", "Too short."]}))
    assert form.errors["name"] == ["Taken.", "Too short."]
    assert "name" not in form.cleaned_data
    assert form.non_field_errors() == []


def test_errors_about_other_fields_and_the_whole_form_go_on_top() -> None:
    form = _validated()
    add_service_errors(
        form,
        ValidationError(
            {"office": "Another office.", NON_FIELD_ERRORS: "Locked.", "email": "Invalid."}
        ),
    )
    assert form.non_field_errors() == ["Another office.", "Locked."]
    assert form.errors["email"] == ["Invalid."]
    assert "office" not in form.errors


def test_a_plain_message_or_list_goes_on_top() -> None:
    form = _validated()
    add_service_errors(form, ValidationError("Only a draft can be edited."))
    add_service_errors(form, ValidationError(["First.", "Second."]))
    assert form.non_field_errors() == ["Only a draft can be edited.", "First.", "Second."]
    assert form.is_valid() is False


def test_params_are_filled_in() -> None:
    form = _validated()
    error = ValidationError("%(name)s is taken.", params={"name": "Kari"})
    add_service_errors(form, ValidationError({"name": [error], "office": [error]}))
    assert form.errors["name"] == ["Kari is taken."]
    assert form.non_field_errors() == ["Kari is taken."]


class PartnerNameForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["name"]


@pytest.mark.django_db
def test_labels_name_the_hidden_model_field_when_asked() -> None:
    form = PartnerNameForm({"name": "Frivilligsentralen"})
    assert form.is_valid()
    label = str(Partner._meta.get_field("office").verbose_name)
    add_service_errors(
        form,
        ValidationError({"office": "Not yours.", "nonsense": "Odd.", NON_FIELD_ERRORS: "No."}),
        label_other_fields=True,
    )
    assert form.non_field_errors() == [f"{label}: Not yours.", "Odd.", "No."]
