"""Listing corrections: a visitor's message lands in the responsible office's queue only,
accepting it changes the listing through its service, and the sender's address goes."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from knutepunkt.core.models import AuditEntry
from knutepunkt.feedback.models import ChangeRequest, ChangeRequestStatus, ListingKind
from knutepunkt.feedback.services import change_request_submit, change_requests_purge
from knutepunkt.groups.models import GroupStatus, SelfHelpGroup
from knutepunkt.groups.services import group_create, topic_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(contact_point_molde: Any) -> SelfHelpGroup:
    topic = topic_create(actor=None, slug="sorg", name_nb="Sorg", name_en="Grief")
    return group_create(
        actor=None,
        topic=topic,
        contact_point=contact_point_molde,
        status=GroupStatus.OPEN,
        title="Sorggruppe",
        meeting_time="Mandager",
    )


def report(client: Client, path: str, **data: str) -> Any:
    return client.post(path, {"message": "", "email": "", "website": "", **data})


def test_visitor_report_lands_in_the_responsible_office_queue_only(
    client: Client, group: SelfHelpGroup, login: Any, office_staff_midt: Any, office_staff_nord: Any
) -> None:
    page = client.get(f"/finn-hjelp/gruppe/{group.pk}/")
    assert page.status_code == 200
    assert f'action="/meld-feil/gruppe/{group.pk}/"' in page.content.decode()
    response = report(
        client,
        f"/meld-feil/gruppe/{group.pk}/",
        message="Gruppen møtes nå på tirsdager.",
        email="Besoker@Example.org",
    )
    assert response.status_code == 302
    request = ChangeRequest.objects.get()
    assert (request.kind, request.office_id, request.group_id) == (
        ListingKind.GROUP,
        group.office_id,
        group.pk,
    )
    assert request.email == "besoker@example.org"
    midt, nord = login(office_staff_midt), login(office_staff_nord)
    assert "Sorggruppe" in midt.get("/arbeid/rettelser/").content.decode()
    assert "Sorggruppe" not in nord.get("/arbeid/rettelser/").content.decode()
    assert midt.get(f"/arbeid/rettelser/{request.pk}/").status_code == 200
    assert nord.get(f"/arbeid/rettelser/{request.pk}/").status_code == 404
    assert nord.post(f"/arbeid/rettelser/{request.pk}/avvis/").status_code == 404
    # The audit log records that a request came, never the address.
    entry = AuditEntry.objects.get(action="feedback.change_request.created")
    assert "besoker" not in str(entry.data)


def test_accepting_changes_the_listing_and_deletes_the_address(
    client: Client,
    group: SelfHelpGroup,
    login: Any,
    office_staff_midt: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    request = change_request_submit(
        listing=group, message="Den møtes på tirsdager nå.", email="a@example.org"
    )
    staff = login(office_staff_midt)
    form = staff.get(f"/arbeid/rettelser/{request.pk}/")
    assert 'value="Mandager"' in form.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            f"/arbeid/rettelser/{request.pk}/",
            {
                "title": "Sorggruppe",
                "format": group.format,
                "target": group.target,
                "meeting_time": "Tirsdager kl. 18",
                "meeting_weekday": "1",
                "meeting_starts": "18:00",
                "meeting_ends": "",
                "description_nb": "",
                "description_en": "",
                "status": GroupStatus.OPEN,
                "on": "",
                "reply": "Takk, rettet!",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    group.refresh_from_db()
    assert (group.meeting_time, group.meeting_weekday) == ("Tirsdager kl. 18", 1)
    request.refresh_from_db()
    assert request.status == ChangeRequestStatus.ACCEPTED
    assert request.email == ""
    assert set(request.changed_fields) == {"meeting_time", "meeting_weekday", "meeting_starts"}
    # The change went through the group's own service: its audit entry is there.
    assert AuditEntry.objects.filter(
        action="groups.group.updated", target_id=str(group.pk), actor=office_staff_midt
    ).exists()
    assert mail.outbox[0].to == ["a@example.org"]
    assert "Takk, rettet!" in mail.outbox[0].body
    # The public page shows the corrected listing.
    assert "Tirsdager kl. 18" in client.get(f"/finn-hjelp/gruppe/{group.pk}/").content.decode()


def test_accept_without_a_change_is_refused(
    group: SelfHelpGroup, login: Any, office_staff_midt: Any
) -> None:
    request = change_request_submit(listing=group, message="Noe er feil her.")
    staff = login(office_staff_midt)
    response = staff.post(
        f"/en/arbeid/rettelser/{request.pk}/",
        {
            "title": group.title,
            "format": group.format,
            "target": group.target,
            "meeting_time": group.meeting_time,
            "status": group.status,
        },
    )
    assert response.status_code == 400
    assert "Nothing was changed" in response.content.decode()
    request.refresh_from_db()
    assert request.status == ChangeRequestStatus.NEW


def test_status_correction_ends_a_group_with_history(
    group: SelfHelpGroup, office_staff_midt: Any
) -> None:
    from knutepunkt.feedback.services import change_request_accept

    request = change_request_submit(listing=group, message="Gruppen er lagt ned.")
    changed = change_request_accept(
        actor=office_staff_midt, request=request, values={"status": GroupStatus.ENDED}
    )
    assert changed == ["status"]
    group.refresh_from_db()
    assert group.status == GroupStatus.ENDED
    assert group.status_changes.filter(to_status=GroupStatus.ENDED).exists()


def test_dismiss_deletes_the_address(
    group: SelfHelpGroup,
    login: Any,
    office_staff_midt: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    request = change_request_submit(listing=group, message="Feil telefonnummer?", email="b@ex.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(office_staff_midt).post(
            f"/arbeid/rettelser/{request.pk}/avvis/", {"reply": ""}
        )
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.email, request.replied) == (
        ChangeRequestStatus.DISMISSED,
        "",
        True,
    )
    assert mail.outbox[0].to == ["b@ex.org"]


def test_contact_point_and_office_pages_have_the_form(
    client: Client, contact_point_molde: Any, office_midt: Any
) -> None:
    page = client.get("/kontaktpunkt/molde/").content.decode()
    assert 'action="/meld-feil/kontaktpunkt/molde/"' in page
    page = client.get("/kontorer/midt/").content.decode()
    assert 'action="/meld-feil/kontor/midt/"' in page
    response = report(client, "/meld-feil/kontaktpunkt/molde/", message="Ny åpningstid: 9–15.")
    assert response.status_code == 302
    request = ChangeRequest.objects.get()
    assert (request.kind, request.office_id) == (ListingKind.CONTACT_POINT, office_midt.pk)


def test_non_public_listing_cannot_be_reported(client: Client, group: SelfHelpGroup) -> None:
    group.status = GroupStatus.CLOSED
    group.save(update_fields=["status"])
    assert client.get(f"/meld-feil/gruppe/{group.pk}/").status_code == 404
    assert client.get("/meld-feil/annet/1/").status_code == 404


def test_honeypot_and_rate_limit(client: Client, group: SelfHelpGroup) -> None:
    path = f"/meld-feil/gruppe/{group.pk}/"
    assert report(client, path, message="Spam spam spam", website="x").status_code == 302
    assert not ChangeRequest.objects.exists()
    for n in range(5):
        assert report(client, path, message=f"Melding nummer {n}").status_code == 302
    assert report(client, path, message="Enda en melding").status_code == 429
    assert ChangeRequest.objects.count() == 5


def test_empty_message_is_a_form_error(client: Client, group: SelfHelpGroup) -> None:
    response = report(client, f"/en/meld-feil/gruppe/{group.pk}/", message="")
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_office_staff_cannot_change_an_office_listing(
    office_midt: Any, office_staff_midt: Any, head_office_admin: Any
) -> None:
    from django.core.exceptions import PermissionDenied

    from knutepunkt.feedback.services import change_request_accept

    request = change_request_submit(listing=office_midt, message="Ny e-postadresse.")
    with pytest.raises(PermissionDenied):
        change_request_accept(
            actor=office_staff_midt, request=request, values={"email": "ny@example.org"}
        )
    change_request_accept(
        actor=head_office_admin, request=request, values={"email": "ny@example.org"}
    )
    office_midt.refresh_from_db()
    assert office_midt.email == "ny@example.org"


def test_purge_deletes_old_closed_requests(group: SelfHelpGroup, office_staff_midt: Any) -> None:
    from knutepunkt.feedback.services import change_request_dismiss

    old = change_request_submit(listing=group, message="Gammel melding.")
    change_request_dismiss(actor=office_staff_midt, request=old)
    change_request_submit(listing=group, message="Ny melding.")
    assert change_requests_purge(older_than_days=-1) == 1
    assert ChangeRequest.objects.count() == 1
