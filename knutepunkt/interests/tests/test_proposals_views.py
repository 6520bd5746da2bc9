"""The staff pages for group proposals: who sees what, accepting and dismissing."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from knutepunkt.conftest import municipality
from knutepunkt.groups.models import GroupStatus, SelfHelpGroup
from knutepunkt.interests.formation.proposals import run_formation
from knutepunkt.interests.models import GroupProposal, Interest, InterestStatus, ProposalStatus
from knutepunkt.interests.tests.formation_fixtures import AROUND_MOLDE, register
from knutepunkt.starters.models import Starter

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(contact_point_molde: Any, office_midt: Any) -> GroupProposal:
    people = [register(number, alias=f"Alias{i}") for i, number in enumerate(AROUND_MOLDE)]
    starter = Starter.objects.create(
        name="Kari Igangsetter",
        email="kari@example.no",
        phone="98765432",
        office=office_midt,
        consent_to_contact=True,
    )
    starter.topics.add(people[0].topic)
    starter.municipalities.add(municipality("1506"))
    [outcome] = run_formation()
    assert outcome.proposal is not None
    return outcome.proposal


def _detail(proposal: GroupProposal) -> str:
    return reverse("staff:interests:proposal_detail", kwargs={"pk": proposal.pk})


def test_coordinator_sees_the_proposal_for_their_contact_point(
    proposal: GroupProposal, contact_point_coordinator: Any, login: Any
) -> None:
    client = login(contact_point_coordinator)
    listing = client.get(reverse("staff:interests:proposal_list"))
    assert listing.status_code == 200
    assert _detail(proposal) in listing.content.decode()
    page = client.get(_detail(proposal))
    html = page.content.decode()
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    for i in range(5):
        assert f"Alias{i}" in html
    assert "@example.no" not in html  # neither the people's nor the starter's e-mail
    assert "Kari Igangsetter" in html
    assert "98765432" not in html


def test_office_staff_see_the_starters_contact_details(
    proposal: GroupProposal, office_staff_midt: Any, login: Any
) -> None:
    html = login(office_staff_midt).get(_detail(proposal)).content.decode()
    assert "kari@example.no" in html
    assert "person1@example.no" not in html


def test_another_office_gets_404_and_an_empty_list(
    proposal: GroupProposal, office_staff_nord: Any, login: Any
) -> None:
    client = login(office_staff_nord)
    assert client.get(_detail(proposal)).status_code == 404
    listing = client.get(reverse("staff:interests:proposal_list"))
    assert _detail(proposal) not in listing.content.decode()
    accept = reverse("staff:interests:proposal_accept", kwargs={"pk": proposal.pk})
    assert client.post(accept).status_code == 404
    assert GroupProposal.objects.get().status == ProposalStatus.OPEN


def test_the_funder_is_refused(proposal: GroupProposal, funder_viewer: Any, login: Any) -> None:
    assert login(funder_viewer).get(reverse("staff:interests:proposal_list")).status_code == 403


def test_accepting_in_the_workspace_starts_a_forming_group(
    proposal: GroupProposal,
    office_staff_midt: Any,
    login: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = login(office_staff_midt)
    starter = proposal.suggested_starters.get()
    url = reverse("staff:interests:proposal_accept", kwargs={"pk": proposal.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"starter": starter.pk})
    assert response.status_code == 302
    group = SelfHelpGroup.objects.get()
    assert group.status == GroupStatus.FORMING
    assert group.starter == starter
    assert len(mail.outbox) == 5
    assert not Interest.objects.filter(status=InterestStatus.WAITING).exists()
    page = client.get(_detail(proposal)).content.decode()
    assert "Alias0" not in page  # the aliases are deleted with the contact data


def test_dismissing_without_a_reason_shows_an_error(
    proposal: GroupProposal, contact_point_coordinator: Any, login: Any
) -> None:
    client = login(contact_point_coordinator)
    url = reverse("staff:interests:proposal_dismiss", kwargs={"pk": proposal.pk})
    response = client.post(url, {"dismiss_reason": ""})
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert GroupProposal.objects.get().status == ProposalStatus.OPEN
    response = client.post(url, {"dismiss_reason": "Lokalet er opptatt hele høsten"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DISMISSED


def test_a_decided_proposal_cannot_be_accepted_again(
    proposal: GroupProposal, office_staff_midt: Any, login: Any
) -> None:
    client = login(office_staff_midt)
    dismiss = reverse("staff:interests:proposal_dismiss", kwargs={"pk": proposal.pk})
    client.post(dismiss, {"dismiss_reason": "Nei"})
    accept = reverse("staff:interests:proposal_accept", kwargs={"pk": proposal.pk})
    response = client.post(accept, {})
    assert response.status_code == 400
    assert "already been decided" in response.content.decode()
    assert not SelfHelpGroup.objects.exists()


def test_the_list_costs_a_fixed_number_of_queries(
    proposal: GroupProposal,
    head_office_admin: Any,
    login: Any,
    django_assert_max_num_queries: Any,
) -> None:
    client = login(head_office_admin)
    for number in AROUND_MOLDE:
        register(number)
    run_formation()
    with django_assert_max_num_queries(12):
        response = client.get(reverse("staff:interests:proposal_list"))
    assert response.content.decode().count("/arbeid/gruppeforslag/") >= 2


def test_many_proposals_come_in_pages(
    proposal: GroupProposal, office_staff_midt: Any, login: Any
) -> None:
    from knutepunkt.web.pagination import PER_PAGE

    made = [proposal.pk]
    for _ in range(PER_PAGE):  # copies of the formed proposal, newer each time
        proposal.pk = None
        proposal.save()
        made.append(proposal.pk)
    client = login(office_staff_midt)
    url = reverse("staff:interests:proposal_list")
    first = client.get(url).content.decode()
    assert f"{PER_PAGE + 1} proposals" in first
    newest, oldest = made[-1], made[0]
    assert f"/gruppeforslag/{newest}/" in first and f"/gruppeforslag/{oldest}/" not in first
    assert 'href="?page=2" rel="next"' in first
    second = client.get(url, {"page": "2"}).content.decode()
    assert f"/gruppeforslag/{oldest}/" in second and f"/gruppeforslag/{newest}/" not in second
    # Each row counts its own people: the formed proposal 5, the copies none.
    people = [int(cell) for cell in re.findall(r"<td>(\d+)</td>", second)]
    assert people == [len(AROUND_MOLDE)]
    assert set(re.findall(r"<td>(\d+)</td>", first)) == {"0"}
