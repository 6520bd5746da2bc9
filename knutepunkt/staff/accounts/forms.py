"""Sign-in forms: password, code, and the password reset's new-password form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from knutepunkt.accounts.services import user_set_password


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class CodeForm(forms.Form):
    """The six-digit code from the authenticator app (or, with ``backup``, a backup code)."""

    code = forms.CharField(label=_("Code"), max_length=32)
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, backup: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.backup = backup
        field = self.fields["code"]
        if backup:
            field.label = _("Backup code")
            field.help_text = _("One of the ten backup codes you saved. Each works once.")
            field.widget.attrs.update(
                {"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
            )
        else:
            field.label = _("Six-digit code")
            field.help_text = _("Open the authenticator app on your phone and enter its code.")
            field.widget.attrs.update(
                {"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": "10"}
            )
        field.widget.attrs["aria-describedby"] = "id_code_helptext"

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not self.backup and not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Enter the six digits shown in your app."))
        return code


class NewPasswordForm(SetPasswordForm):
    """Django's new-password form, saving through the accounts service (audit log)."""

    def save(self, commit: bool = True) -> Any:
        password = self.cleaned_data["new_password1"]
        if commit:
            return user_set_password(actor=self.user, user=self.user, password=password)
        self.user.set_password(password)
        return self.user
