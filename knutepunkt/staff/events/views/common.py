"""Helpers shared by the staff event views."""

from __future__ import annotations

from django.core.exceptions import ValidationError


def error_text(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)
