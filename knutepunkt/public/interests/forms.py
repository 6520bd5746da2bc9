"""The public interest form and the change form on the status page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from knutepunkt.geo.models import Municipality
from knutepunkt.geo.places import match_place
from knutepunkt.groups.models import GroupFormat, GroupTarget, Topic
from knutepunkt.interests.models import ALIAS_MAX_LENGTH, ContactMethod, is_phone_number
from knutepunkt.public.interests import abuse

FOR_WHOM_CHOICES = [
    (GroupTarget.AFFECTED.value, _("For myself")),
    (GroupTarget.RELATIVES.value, _("As a relative of someone who has it")),
]
CONSENT_TEXT = _(
    "What we store: the topic, your municipality, the kinds of group you accept, your "
    "first name or alias and the one way to reach you that you chose. Why: so that a "
    "contact point or district office can tell you when a group starts. Who sees it: only "
    "the staff at the contact point or district office that serves your municipality, and "
    "Selvhjelp Norge's head office. Your e-mail or phone number is stored encrypted. How "
    "long: until you get a place in a group, withdraw, or at most one year after you last "
    "confirmed that you are still waiting; we remind you before that. How to withdraw: use "
    "the link we give you after sending the form; your data is then deleted at once."
)


class InterestFieldsForm(forms.Form):
    """What the person wants and how to reach them; shared by both forms."""

    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        empty_label=_("Choose a topic"),
        error_messages={
            "required": _("Choose a topic."),
            "invalid_choice": _("Choose a topic from the list."),
        },
    )
    municipality = forms.CharField(
        label=_("Municipality"),
        max_length=100,
        help_text=_("The name or the four-digit number of the municipality where you live."),
        error_messages={"required": _("Write the name of your municipality.")},
    )
    for_whom = forms.ChoiceField(
        label=_("Who is the group for?"),
        choices=FOR_WHOM_CHOICES,
        widget=forms.RadioSelect,
        initial=GroupTarget.AFFECTED.value,
        error_messages={"required": _("Choose who the group is for.")},
    )
    formats = forms.MultipleChoiceField(
        label=_("Which kinds of group suit you?"),
        choices=GroupFormat.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose at least one."),
        error_messages={
            "required": _("Choose at least one way of meeting."),
            "invalid_choice": _("Choose from the list."),
        },
    )
    contact_method = forms.ChoiceField(
        label=_("How should we reach you?"),
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        initial=ContactMethod.EMAIL.value,
        error_messages={"required": _("Choose e-mail or phone.")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        help_text=_("Only if you chose e-mail."),
        error_messages={"invalid": _("Enter a valid e-mail address, such as ola@example.no.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=25,
        help_text=_("Only if you chose phone."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def clean_municipality(self) -> Municipality:
        text = self.cleaned_data["municipality"]
        match = match_place(text)
        if match.status == "found" and match.place is not None:
            found = Municipality.objects.current().filter(number=match.place.number).first()
            if found is not None:
                return found
        if match.status == "ambiguous":
            names = ", ".join(p.label for p in match.candidates[:5])
            raise forms.ValidationError(
                _("Several municipalities match. Write one of: %(names)s.") % {"names": names}
            )
        hint = ", ".join(p.label for p in match.candidates[:3])
        if hint:
            raise forms.ValidationError(
                _("We do not know that municipality. Did you mean: %(names)s?") % {"names": hint}
            )
        raise forms.ValidationError(_("We do not know that municipality. Check the spelling."))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        method = data.get("contact_method")
        if method == ContactMethod.EMAIL and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Write your e-mail address, or choose phone."))
        if method == ContactMethod.PHONE:
            phone = (data.get("phone") or "").strip()
            if not phone:
                self.add_error("phone", _("Write your phone number, or choose e-mail."))
            elif not is_phone_number(phone):
                self.add_error("phone", _("Enter a phone number with 8 to 15 digits."))
        return data


class InterestForm(InterestFieldsForm):
    """The public registration form, with consent and the abuse checks."""

    alias = forms.CharField(
        label=_("First name or alias"),
        max_length=ALIAS_MAX_LENGTH,
        help_text=_(
            "Only a first name or a made-up name, so we know what to call you. Do not give "
            "your full name."
        ),
        error_messages={
            "required": _("Write a first name or an alias."),
            "max_length": _("Use at most %(limit_value)d characters: a first name is enough."),
        },
    )
    consent = forms.BooleanField(
        label=_("I agree that Selvhjelp Norge stores these details to find me a group."),
        help_text=CONSENT_TEXT,
        error_messages={"required": _("We can only register your interest if you agree.")},
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    pow_challenge = forms.CharField(required=False, widget=forms.HiddenInput)
    pow_solution = forms.CharField(required=False, widget=forms.HiddenInput)
    human_check = forms.CharField(
        label=_("Write the number seven in digits"),
        required=False,
        max_length=10,
        help_text=_("A check that you are a person (needed when JavaScript is off)."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    field_order = [
        "topic",
        "municipality",
        "for_whom",
        "formats",
        "contact_method",
        "email",
        "phone",
        "alias",
        "consent",
    ]

    @property
    def is_honeypot(self) -> bool:
        return bool((self.data.get("website") or "").strip())

    @property
    def used_fallback(self) -> bool:
        """Sent without the proof of work (no JavaScript): the question was answered."""
        return not (self.data.get("pow_solution") or "").strip()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.is_honeypot:
            return data
        if self.used_fallback:
            if (data.get("human_check") or "").strip() != abuse.FALLBACK_ANSWER:
                self.add_error(
                    "human_check",
                    _("Write the number seven in digits (7) to show you are a person."),
                )
        elif not self.errors:
            # Checked last: a nonce is used up by checking it.
            outcome = abuse.check_work(data.get("pow_challenge") or "", data["pow_solution"])
            if outcome != "ok":
                self.add_error(
                    None,
                    _(
                        "The automatic check that you are a person failed or took too long. "
                        "Please send the form again."
                    ),
                )
        return data


class InterestChangeForm(InterestFieldsForm):
    """The person changes their registration from the status page."""
