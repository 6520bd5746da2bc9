"""The head-office form for a person's data request: one e-mail address or phone number."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from knutepunkt.workflows.erasure import Contact, parse_contact


class PersonLookupForm(forms.Form):
    contact = forms.CharField(
        label=_("E-mail address or phone number"),
        max_length=254,
        help_text=_("Exactly as the person gave it to us; phone numbers in any format."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    confirm = forms.BooleanField(
        label=_("I have checked who is asking, and the person wants all of it deleted"),
        required=False,
    )

    def clean_contact(self) -> Contact:
        try:
            return parse_contact(self.cleaned_data["contact"])
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc

    def contact_value(self) -> Contact:
        value: Any = self.cleaned_data["contact"]
        return value
