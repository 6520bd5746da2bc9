"""Every admin page of every registered model, for every role that uses the admin: the
changelist, the add form and the change form of a record the role can see. None may
answer with a server error (office staff once got 500 on a plan goal: the scoped admin
added a read-only "office" field to a model that has none)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from knutepunkt.accounts.models import User

pytestmark = pytest.mark.django_db


def _visible(model: type[Any], user: User) -> Any:
    queryset = model._default_manager.all()
    if hasattr(queryset, "visible_to"):
        queryset = queryset.visible_to(user)
    return queryset.order_by("pk").first()


def _pages(user: User) -> list[tuple[str, str]]:
    pages = []
    for model, _model_admin in admin.site._registry.items():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        for name in ("changelist", "add"):
            try:
                pages.append((f"{info}_{name}", reverse(f"{info}_{name}")))
            except NoReverseMatch:
                continue
        obj = _visible(model, user)
        if obj is not None:
            pages.append((f"{info}_change", reverse(f"{info}_change", args=[obj.pk])))
    return pages


@pytest.mark.parametrize("username", ["hovedkontor", "midt", "molde"])
def test_no_admin_page_fails_for_any_role(username, login):
    call_command("load_demo", stdout=io.StringIO())
    user = User.objects.get(username=username)
    client = login(user)
    client.raise_request_exception = False
    pages = _pages(user)
    # Every model the demo fills has a change page among them.
    assert len(pages) > 2 * len(admin.site._registry)
    failures = []
    opened = 0
    for name, url in pages:
        status = client.get(url).status_code
        if status >= 500:
            failures.append(f"{name} {url}: {status}")
        opened += status == 200
    assert not failures, "\n".join(failures)
    assert opened > 0
