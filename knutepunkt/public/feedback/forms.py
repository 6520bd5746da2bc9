from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from knutepunkt.feedback.models import MESSAGE_MAX_LENGTH
from knutepunkt.web.abuse import HoneypotMixin


class ReportForm(HoneypotMixin, forms.Form):
    """ "Something wrong with this listing?": what is wrong, and an address for an answer."""

    message = forms.CharField(
        label=_("What is wrong?"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For example a phone number that no longer works, or a group that has ended. "
            "Please do not write about yourself or other people's health."
        ),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        help_text=_("Only if you want an answer. We delete it when we have handled your message."),
    )
