from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from knutepunkt.network.models import DistrictOffice
from knutepunkt.tokens.models import TokenScope


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What is the token for?"),
        max_length=100,
        help_text=_("E.g. “Calendar sync” or “Spreadsheet for the annual plan”."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("What may it do?"),
        choices=TokenScope.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    expires_on = forms.DateField(
        label=_("Expires (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    office = forms.ModelChoiceField(
        label=_("District office"), queryset=DistrictOffice.objects.order_by("name")
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not user.is_head_office:
            del self.fields["office"]
