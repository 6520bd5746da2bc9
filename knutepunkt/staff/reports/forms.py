from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from knutepunkt.reports.models import NARRATIVE_FIELDS, AnnualReport, NationalReport


class NarrativeForm(forms.ModelForm):
    """The office's written sections of its annual report."""

    class Meta:
        model = AnnualReport
        fields = list(NARRATIVE_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in NARRATIVE_FIELDS}


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for reopening"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class IntroductionForm(forms.ModelForm):
    class Meta:
        model = NationalReport
        fields = ["introduction"]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 14})}
