"""Helpers shared by the staff event views."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms import BaseForm


def add_service_error(form: BaseForm, error: ValidationError) -> None:
    """Show a service's validation error on the matching field, or above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def error_text(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)
