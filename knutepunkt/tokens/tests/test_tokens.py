"""API tokens: made by an office, shown once, stored as a hash, revocable, audited."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from knutepunkt.core.models import AuditEntry
from knutepunkt.tokens.models import ApiToken
from knutepunkt.tokens.services import (
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
    hash_key,
)

pytestmark = pytest.mark.django_db


def test_key_is_shown_once_and_only_its_hash_stored(office_staff_midt: Any) -> None:
    token, key = api_token_create(
        actor=office_staff_midt,
        office=office_staff_midt.office,
        name="Kalender",
        scopes=["events:read"],
    )
    stored = ApiToken.objects.get()
    assert key.startswith("kp_") and len(key) > 40
    assert stored.key_hash == hash_key(key)
    assert key not in str(ApiToken.objects.values().get())
    assert api_token_authenticate(key) == token
    assert api_token_authenticate(key + "x") is None
    entry = AuditEntry.objects.get(action="tokens.token.created")
    assert entry.actor == office_staff_midt
    assert key not in str(entry.data)


def test_revoked_expired_and_orphaned_tokens_stop_working(
    office_staff_midt: Any, office_staff_nord: Any
) -> None:
    office = office_staff_midt.office
    _t, revoked = api_token_create(
        actor=office_staff_midt, office=office, name="a", scopes=["events:read"]
    )
    api_token_revoke(actor=office_staff_midt, token=ApiToken.objects.get(name="a"))
    assert api_token_authenticate(revoked) is None
    assert AuditEntry.objects.filter(action="tokens.token.revoked").exists()
    expiring, key = api_token_create(
        actor=office_staff_midt,
        office=office,
        name="b",
        scopes=["events:read"],
        expires_on=timezone.localdate(),
    )
    assert api_token_authenticate(key) is not None
    ApiToken.objects.filter(pk=expiring.pk).update(
        expires_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert api_token_authenticate(key) is None
    _t, orphan = api_token_create(
        actor=office_staff_midt, office=office, name="c", scopes=["events:read"]
    )
    office_staff_midt.office = office_staff_nord.office
    office_staff_midt.save(update_fields=["office"])
    assert api_token_authenticate(orphan) is None  # the maker moved to another office


def test_only_office_staff_for_their_own_office(
    office_staff_midt: Any, office_staff_nord: Any, contact_point_coordinator: Any
) -> None:
    with pytest.raises(PermissionDenied):
        api_token_create(
            actor=office_staff_nord,
            office=office_staff_midt.office,
            name="x",
            scopes=["events:read"],
        )
    with pytest.raises(PermissionDenied):
        api_token_create(
            actor=contact_point_coordinator,
            office=office_staff_midt.office,
            name="x",
            scopes=["events:read"],
        )
    with pytest.raises(ValidationError):
        api_token_create(
            actor=office_staff_midt, office=office_staff_midt.office, name="x", scopes=["all"]
        )


def test_staff_page_shows_the_key_once_and_revokes(
    login: Any, office_staff_midt: Any, office_staff_nord: Any
) -> None:
    staff = login(office_staff_midt)
    response = staff.post(
        "/en/arbeid/api-nokler/", {"name": "Verktøy-42", "scopes": ["activities:read"]}
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    token = ApiToken.objects.get()
    key = html.split('<code class="token-key">')[1].split("</code>")[0]
    assert hash_key(key) == token.key_hash
    assert key not in staff.get("/en/arbeid/api-nokler/").content.decode()
    other = login(office_staff_nord)
    assert "Verktøy-42" not in other.get("/arbeid/api-nokler/").content.decode()
    assert other.post(f"/arbeid/api-nokler/{token.pk}/trekk-tilbake/").status_code == 404
    assert staff.post(f"/arbeid/api-nokler/{token.pk}/trekk-tilbake/").status_code == 302
    assert api_token_authenticate(key) is None


def test_coordinator_and_funder_cannot_open_the_page(
    login: Any, contact_point_coordinator: Any, funder_viewer: Any
) -> None:
    assert login(contact_point_coordinator).get("/arbeid/api-nokler/").status_code == 403
    assert login(funder_viewer).get("/arbeid/api-nokler/").status_code == 403
    assert Client().get("/arbeid/api-nokler/").status_code == 302
