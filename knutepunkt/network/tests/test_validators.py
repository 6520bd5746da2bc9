"""Organisation numbers: nine digits with a modulus-11 check digit. KP-ADMIN-SERVICES"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from knutepunkt.network.validators import is_valid_organisation_number, validate_organisation_number


# Check digits computed by hand with the weights 3 2 7 6 5 4 3 2:
# 97476067 → 9·3+7·2+4·7+7·6+6·5+0·4+6·3+7·2 = 173, 173 mod 11 = 8, 11 − 8 = 3.
@pytest.mark.parametrize("number", ["974760673", "923063021", "123456785", "000000000"])
def test_valid_organisation_numbers_pass(number: str) -> None:
    assert is_valid_organisation_number(number)
    validate_organisation_number(number)


def test_spaces_between_groups_are_allowed() -> None:
    assert is_valid_organisation_number("974 760 673")


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("974760674", "wrong check digit"),
        ("123456789", "wrong check digit"),
        ("97476067", "eight digits"),
        ("9747606730", "ten digits"),
        ("97476067A", "a letter"),
        ("ABCDEFGHI", "letters"),
        ("100000130", "check digit would be 10, which is impossible"),
        ("100000131", "check digit would be 10, which is impossible"),
    ],
)
def test_invalid_organisation_numbers_fail(number: str, why: str) -> None:
    assert not is_valid_organisation_number(number), why
    with pytest.raises(ValidationError) as excinfo:
        validate_organisation_number(number)
    assert excinfo.value.code == "invalid_organisation_number"


def test_empty_organisation_number_is_allowed() -> None:
    validate_organisation_number("")
