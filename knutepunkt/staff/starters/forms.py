"""Staff workspace forms for the starter register. A starter's contact details are
personal data: these forms only pass them to the services, which never log their values."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from knutepunkt.geo.models import Municipality
from knutepunkt.groups.models import Topic
from knutepunkt.staff.network.forms import OfficeChoiceMixin
from knutepunkt.starters.models import Starter
from knutepunkt.web.forms import MunicipalityField, municipalities_from_text, municipality_label

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StarterForm(OfficeChoiceMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    home_municipality = MunicipalityField(label=_("Home municipality"), required=False)
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics they can serve"),
        required=False,
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    municipalities = forms.CharField(
        label=_("Places they can serve"),
        required=False,
        max_length=2000,
        help_text=_("Municipality names or numbers, separated by commas."),
    )
    trained_on = forms.DateField(label=_("Trained on"), required=False, widget=_DATE)
    consent_to_contact = forms.BooleanField(
        label=_("Agrees to be contacted about starting groups"),
        required=False,
        help_text=_("Untick when the starter withdraws consent: the record is then deleted."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, user: Any, starter: Starter | None = None, **kwargs: Any):
        if starter is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": starter.name,
                    "email": starter.email,
                    "phone": starter.phone,
                    "home_municipality": starter.home_municipality,
                    "topics": [t.pk for t in starter.topics.all()],
                    "municipalities": ", ".join(
                        municipality_label(m)
                        for m in starter.municipalities.select_related("county").defer("outline")
                    ),
                    "trained_on": starter.trained_on,
                    "consent_to_contact": starter.consent_to_contact,
                    "notes": starter.notes,
                },
            )
        super().__init__(*args, **kwargs)
        if starter is None:
            self._office_field(user)

    def clean_municipalities(self) -> list[Municipality]:
        return municipalities_from_text(self.cleaned_data.get("municipalities") or "")


class StarterFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"), required=False, queryset=Topic.objects.all(), empty_label=_("All topics")
    )
    municipality = MunicipalityField(
        label=_("Municipality"),
        required=False,
        help_text=_("Starters who can serve there or live there."),
    )
