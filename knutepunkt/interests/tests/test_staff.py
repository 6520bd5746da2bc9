"""Staff access to interests: scoped, audited, never the funder."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from knutepunkt.conftest import municipality
from knutepunkt.core.models import AuditEntry
from knutepunkt.interests.models import Interest
from knutepunkt.interests.testing import make_interest
from knutepunkt.interests.tests.helpers import english  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

EMAIL = "waiting.person@example.org"
PHONE = "+47 480 11 223"


@pytest.fixture
def molde_interest(contact_point_molde: Any) -> Interest:
    return make_interest(municipality=municipality("1506"), alias="Solveig", email=EMAIL)


def _detail(interest: Interest) -> str:
    return reverse("staff:interests:interest_detail", kwargs={"pk": interest.pk})


def test_funder_is_refused_every_interest_page(
    login: Any, funder_viewer: Any, molde_interest: Interest
) -> None:
    client = login(funder_viewer)
    for url in (
        reverse("staff:interests:interest_list"),
        _detail(molde_interest),
        reverse("staff:interests:interest_export", kwargs={"pk": molde_interest.pk}),
    ):
        response = client.get(url)
        assert response.status_code == 403
        assert EMAIL not in response.content.decode()
    assert not AuditEntry.objects.filter(action="interests.interest.contact_viewed").exists()


def test_other_office_gets_404(
    login: Any, office_staff_nord: Any, molde_interest: Interest
) -> None:
    client = login(office_staff_nord)
    assert client.get(_detail(molde_interest)).status_code == 404
    listing = client.get(reverse("staff:interests:interest_list"))
    assert "Solveig" not in listing.content.decode()


def test_list_shows_alias_but_no_contact_data(
    login: Any, office_staff_midt: Any, molde_interest: Interest, django_assert_max_num_queries: Any
) -> None:
    make_interest(municipality=municipality("1505"), alias="Per", email="", phone=PHONE)
    client = login(office_staff_midt)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("staff:interests:interest_list"))
    page = response.content.decode()
    assert "Solveig" in page and "Per" in page
    assert EMAIL not in page and PHONE not in page
    assert response["Cache-Control"] == "no-store"


def test_each_contact_view_is_audited_without_values(
    login: Any, contact_point_coordinator: Any, molde_interest: Interest
) -> None:
    client = login(contact_point_coordinator)
    for _ in range(2):
        response = client.get(_detail(molde_interest))
        assert response.status_code == 200
        assert EMAIL in response.content.decode()
        assert response["Cache-Control"] == "no-store"
    entries = AuditEntry.objects.filter(action="interests.interest.contact_viewed")
    assert entries.count() == 2
    for entry in entries:
        assert entry.actor == contact_point_coordinator
        assert entry.target_id == str(molde_interest.pk)
        text = f"{entry.target_repr} {entry.data}"
        assert EMAIL not in text and "Solveig" not in text


def test_export_gives_the_persons_data_as_json_and_is_audited(
    login: Any, office_staff_midt: Any, molde_interest: Interest
) -> None:
    client = login(office_staff_midt)
    response = client.get(
        reverse("staff:interests:interest_export", kwargs={"pk": molde_interest.pk})
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["email"] == EMAIL
    assert data["alias"] == "Solveig"
    assert data["municipality"]["number"] == "1506"
    entry = AuditEntry.objects.get(action="interests.interest.contact_viewed")
    assert entry.data == {"purpose": "export"}


def test_delete_on_request_removes_the_row(
    login: Any, office_staff_midt: Any, molde_interest: Interest
) -> None:
    client = login(office_staff_midt)
    url = reverse("staff:interests:interest_delete", kwargs={"pk": molde_interest.pk})
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    assert not Interest.objects.filter(pk=molde_interest.pk).exists()
    entry = AuditEntry.objects.get(action="interests.interest.deleted_on_request")
    assert entry.actor == office_staff_midt
    assert "Solveig" not in f"{entry.target_repr} {entry.data}"


def test_other_office_cannot_delete(
    login: Any, office_staff_nord: Any, molde_interest: Interest
) -> None:
    client = login(office_staff_nord)
    url = reverse("staff:interests:interest_delete", kwargs={"pk": molde_interest.pk})
    assert client.post(url).status_code == 404
    assert Interest.objects.filter(pk=molde_interest.pk).exists()


def test_dashboard_shows_waiting_counts_only(
    login: Any, office_staff_midt: Any, molde_interest: Interest
) -> None:
    make_interest(municipality=municipality("1506"), alias="Other", email="o@example.org")
    response = login(office_staff_midt).get(reverse("staff:dashboard"))
    page = response.content.decode()
    assert "Waiting interest" in page
    assert response.context["demand"][0].count == 2
    assert "Solveig" not in page and EMAIL not in page


def test_waiting_demand_is_per_office_and_public_counts_are_suppressed(
    molde_interest: Interest, office_nord: Any
) -> None:
    from knutepunkt.core.disclosure import public_count
    from knutepunkt.interests.demand import waiting_demand

    assert [r.count for r in waiting_demand(office=molde_interest.office)] == [1]
    assert waiting_demand(office=office_nord) == []
    assert public_count(1) == public_count(4) == "small"
    assert public_count(0) == 0 and public_count(5) == 5


def test_list_filters_by_topic_through_the_keyed_hash(
    login: Any, office_staff_midt: Any, molde_interest: Interest
) -> None:
    from knutepunkt.interests.testing import make_topic

    grief = make_topic(slug="sorg", name_nb="Sorg", name_en="Grief")
    make_interest(municipality=municipality("1506"), alias="Grete", topic=grief)
    client = login(office_staff_midt)
    url = reverse("staff:interests:interest_list")
    everyone = client.get(url).content.decode()
    assert "Solveig" in everyone and "Grete" in everyone and "Grief" in everyone
    only_grief = client.get(url, {"topic": grief.pk}).content.decode()
    assert "Grete" in only_grief and "Solveig" not in only_grief


def test_a_long_waiting_list_comes_in_pages_that_keep_the_filters(
    login: Any, office_staff_midt: Any, contact_point_molde: Any
) -> None:
    from knutepunkt.interests.testing import make_topic
    from knutepunkt.web.pagination import PER_PAGE

    grief = make_topic(slug="sorg", name_nb="Sorg", name_en="Grief")
    for number in range(PER_PAGE + 2):
        make_interest(municipality=municipality("1506"), alias=f"Venter {number:03d}", topic=grief)
    client = login(office_staff_midt)
    url = reverse("staff:interests:interest_list")
    first = client.get(url, {"status": "waiting", "topic": grief.pk})
    page = first.content.decode()
    assert f"{PER_PAGE + 2} interests" in page
    assert "Venter 000" in page and f"Venter {PER_PAGE - 1:03d}" in page  # oldest first
    assert f"Venter {PER_PAGE:03d}" not in page
    assert f'href="?status=waiting&amp;topic={grief.pk}&amp;page=2" rel="next"' in page
    second = client.get(url, {"status": "waiting", "topic": grief.pk, "page": "2"})
    rest = second.content.decode()
    assert f"Venter {PER_PAGE:03d}" in rest and f"Venter {PER_PAGE + 1:03d}" in rest
    assert "Grief" in rest  # the topics are attached to the rows of every page
    assert "Venter 000" not in rest
