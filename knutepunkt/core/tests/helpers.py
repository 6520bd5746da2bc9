"""Test helpers for the admin and the services (KP-ADMIN-SERVICES)."""

from __future__ import annotations

import datetime
from typing import Any

from django.test import Client
from django.urls import reverse

from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.activity.services import activity_create
from knutepunkt.groups.models import GroupFormat, SelfHelpGroup, Topic
from knutepunkt.groups.services import group_create, topic_create
from knutepunkt.network.models import Partner, PartnerKind
from knutepunkt.network.services import partner_create
from knutepunkt.starters.models import Starter
from knutepunkt.starters.services import starter_create


def topic(slug: str = "angst", nb: str = "Angst", en: str = "Anxiety") -> Topic:
    found = Topic.objects.filter(slug=slug).first()
    return found or topic_create(actor=None, slug=slug, name_nb=nb, name_en=en)


def partner(office: Any, name: str = "Frivilligsentralen", number: str = "") -> Partner:
    return partner_create(
        actor=None, name=name, kind=PartnerKind.VOLUNTEER_CENTRE, office=office, municipality=number
    )


def group(office: Any, contact_point: Any = None) -> SelfHelpGroup:
    return group_create(
        actor=None,
        topic=topic(),
        office=office,
        contact_point=contact_point,
        format=GroupFormat.ONLINE if contact_point is None else GroupFormat.IN_PERSON,
    )


def starter(office: Any, email: str = "ola.starter@example.org") -> Starter:
    return starter_create(
        actor=None, name="Ola Igangsetter", email=email, office=office, consent_to_contact=True
    )


def activity(office: Any, title: str = "Informasjonsmøte") -> Activity:
    return activity_create(
        actor=None,
        office=office,
        date=datetime.date(2024, 3, 5),
        kind=ActivityKind.OWN_EVENT,
        title=title,
        participants=12,
    )


def admin_url(obj: Any, view: str) -> str:
    meta = obj._meta
    args = [obj.pk] if view in {"change", "delete", "history"} else []
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


def _post_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def form_post_data(response: Any) -> dict[str, Any]:
    """The POST data a browser would send back for an admin change form, unchanged."""
    data: dict[str, Any] = {}

    def add(form: Any) -> None:
        for name in form.fields:
            value = form[name].value()
            if value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else _post_value(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add(formset.management_form)
        for form in formset.forms:
            add(form)
    return data


def change_via_admin(client: Client, obj: Any, **changes: Any) -> Any:
    """GET the change form, change some fields, POST it back; returns the POST response."""
    url = admin_url(obj, "change")
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    data = form_post_data(page)
    data.update({k: _post_value(v) for k, v in changes.items()})
    return client.post(url, data)
