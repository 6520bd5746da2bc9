from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORG_NUMBER_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def is_valid_organisation_number(value: str) -> bool:
    """Norwegian organisation numbers: 9 digits, the last a modulus-11 check digit."""
    digits = value.replace(" ", "")
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], ORG_NUMBER_WEIGHTS, strict=True))
    remainder = total % 11
    check = 0 if remainder == 0 else 11 - remainder
    if check == 10:
        return False
    return check == int(digits[8])


def validate_organisation_number(value: str) -> None:
    if not value:
        return
    if not is_valid_organisation_number(value):
        raise ValidationError(
            _(
                "%(value)s is not a valid Norwegian organisation number (9 digits with a valid "
                "check digit)."
            ),
            code="invalid_organisation_number",
            params={"value": value},
        )
