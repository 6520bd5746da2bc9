"""Group proposals in the database: running the engine, accepting and dismissing."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from knutepunkt.conftest import municipality
from knutepunkt.core.models import AuditEntry
from knutepunkt.geo.distance import haversine_km
from knutepunkt.groups.models import GroupStatus, SelfHelpGroup
from knutepunkt.interests.formation.proposals import (
    proposal_accept,
    proposal_dismiss,
    run_formation,
)
from knutepunkt.interests.models import (
    GroupProposal,
    GroupProposalMember,
    InterestStatus,
    ProposalStatus,
)
from knutepunkt.interests.tests.formation_fixtures import AROUND_MOLDE, FINNMARK, register

pytestmark = pytest.mark.django_db


def _proposed() -> GroupProposal:
    """Run the formation; exactly one proposal is expected and returned."""
    [outcome] = run_formation()
    assert outcome.proposal is not None
    return outcome.proposal


@pytest.fixture
def five_around_molde(contact_point_molde: Any) -> list[Any]:
    return [register(number) for number in AROUND_MOLDE]


def test_the_five_municipalities_lie_within_50_km_of_molde() -> None:
    molde = municipality("1506")
    for number in AROUND_MOLDE:
        other = municipality(number)
        distance = haversine_km(molde.latitude, molde.longitude, other.latitude, other.longitude)
        assert distance <= 50, number


def test_five_people_around_molde_give_one_proposal_at_the_molde_contact_point(
    five_around_molde: list[Any], contact_point_molde: Any
) -> None:
    [outcome] = run_formation()
    proposal = outcome.proposal
    assert proposal is not None
    assert proposal.contact_point == contact_point_molde
    assert proposal.office == contact_point_molde.office
    assert proposal.format == "in_person"
    assert proposal.status == ProposalStatus.OPEN
    assert {m.interest_id for m in proposal.members.all()} == {i.pk for i in five_around_molde}


def test_four_people_give_no_proposal(contact_point_molde: Any) -> None:
    for number in AROUND_MOLDE[:4]:
        register(number)
    assert run_formation() == []
    assert not GroupProposal.objects.exists()


def test_people_spread_thin_in_finnmark_get_a_phone_proposal(
    office_nord: Any, contact_point_tromso: Any
) -> None:
    people = [register(number, formats=("in_person", "phone")) for number in FINNMARK]
    online_only = register("5601", formats=("online",))
    [outcome] = run_formation()
    proposal = outcome.proposal
    assert proposal is not None
    assert proposal.format == "phone"
    assert proposal.contact_point is None
    assert proposal.county is not None and proposal.county.number == "56"
    assert proposal.office == office_nord
    members = {m.interest_id for m in proposal.members.all()}
    assert members == {p.pk for p in people}
    assert online_only.pk not in members


def test_members_of_an_open_proposal_are_not_proposed_again(
    five_around_molde: list[Any],
) -> None:
    run_formation()
    assert run_formation() == []
    newcomers = [register(number) for number in AROUND_MOLDE]
    [outcome] = run_formation()
    assert outcome.proposal is not None
    members = {m.interest_id for m in outcome.proposal.members.all()}
    assert members == {p.pk for p in newcomers}
    assert GroupProposal.objects.count() == 2


def test_the_database_refuses_a_person_in_two_open_proposals(
    five_around_molde: list[Any],
) -> None:
    from django.db import IntegrityError, transaction

    proposal = _proposed()
    other = GroupProposal.objects.create(
        topic=proposal.topic, format="phone", office=proposal.office
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        GroupProposalMember.objects.create(proposal=other, interest=five_around_molde[0])


def test_a_dry_run_stores_nothing(five_around_molde: list[Any]) -> None:
    outcomes = run_formation(dry_run=True)
    assert len(outcomes) == 1
    assert outcomes[0].proposal is None
    assert not GroupProposal.objects.exists()


def test_form_groups_dry_run_prints_counts_and_places_but_no_alias(
    five_around_molde: list[Any],
) -> None:
    out = StringIO()
    call_command("form_groups", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "Would propose 1 group(s) for 5 people." in text
    assert "Kontaktpunkt for selvhjelp i Molde" in text
    assert "Molde 1" in text and "Rauma 1" in text
    assert "Person" not in text and "@" not in text
    assert not GroupProposal.objects.exists()


def test_form_groups_stores_the_proposals(five_around_molde: list[Any]) -> None:
    out = StringIO()
    call_command("form_groups", stdout=out)
    assert "Proposed 1 group(s)" in out.getvalue()
    assert GroupProposal.objects.open().count() == 1


def test_accepting_creates_a_forming_public_group_and_tells_the_people(
    five_around_molde: list[Any],
    contact_point_molde: Any,
    office_staff_midt: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    [outcome] = run_formation()
    proposal = outcome.proposal
    assert proposal is not None
    with django_capture_on_commit_callbacks(execute=True):
        group = proposal_accept(proposal=proposal, actor=office_staff_midt)
    assert group.status == GroupStatus.FORMING
    assert group.contact_point == contact_point_molde
    assert group.municipality == contact_point_molde.municipality
    assert SelfHelpGroup.objects.public().filter(pk=group.pk).exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        f"person{i}@example.no" for i in range(1, 6)
    )
    for interest in five_around_molde:
        interest.refresh_from_db()
        assert interest.status == InterestStatus.PLACED
        assert interest.group == group
        assert (interest.alias, interest.email, interest.phone) == ("", "", "")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.group == group
    assert proposal.decided_by == office_staff_midt
    assert not proposal.members.filter(open=True).exists()
    assert AuditEntry.objects.filter(action="interests.proposal.accepted").count() == 1


def test_a_proposal_is_decided_only_once(
    five_around_molde: list[Any], office_staff_midt: Any
) -> None:
    proposal = _proposed()
    proposal_dismiss(proposal=proposal, actor=office_staff_midt, reason="Ingen lokaler")
    with pytest.raises(ValidationError):
        proposal_accept(proposal=proposal, actor=office_staff_midt)


def test_dismissing_needs_a_reason(five_around_molde: list[Any], office_staff_midt: Any) -> None:
    proposal = _proposed()
    with pytest.raises(ValidationError):
        proposal_dismiss(proposal=proposal, actor=office_staff_midt, reason="  ")
    assert GroupProposal.objects.get().status == ProposalStatus.OPEN


def test_dismissed_people_are_proposed_again_only_when_something_changes(
    five_around_molde: list[Any], office_staff_midt: Any
) -> None:
    proposal = _proposed()
    proposal_dismiss(proposal=proposal, actor=office_staff_midt, reason="Ingen lokaler")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DISMISSED
    assert proposal.dismiss_reason == "Ingen lokaler"
    assert AuditEntry.objects.filter(action="interests.proposal.dismissed").count() == 1
    assert run_formation() == []  # the same five at the same place: not again
    register("1506")
    [again] = run_formation()
    assert again.proposal is not None
    assert again.proposal.members.count() == 6


def test_another_office_may_not_decide(
    five_around_molde: list[Any], office_staff_nord: Any
) -> None:
    from django.core.exceptions import PermissionDenied

    proposal = _proposed()
    with pytest.raises(PermissionDenied):
        proposal_accept(proposal=proposal, actor=office_staff_nord)
    with pytest.raises(PermissionDenied):
        proposal_dismiss(proposal=proposal, actor=office_staff_nord, reason="Nei")


def test_a_new_registration_runs_the_formation_after_commit(
    contact_point_molde: Any, django_capture_on_commit_callbacks: Any
) -> None:
    for number in AROUND_MOLDE[:4]:
        with django_capture_on_commit_callbacks(execute=True):
            register(number)
    assert not GroupProposal.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        register(AROUND_MOLDE[4])
    assert GroupProposal.objects.open().count() == 1


def test_suggested_starters_consent_serve_the_topic_and_reach_the_place(
    five_around_molde: list[Any], office_midt: Any
) -> None:
    from knutepunkt.starters.models import Starter

    angst = five_around_molde[0].topic
    fitting = Starter.objects.create(name="Kari", office=office_midt, consent_to_contact=True)
    fitting.topics.add(angst)
    fitting.municipalities.add(municipality("1539"))
    no_consent = Starter.objects.create(name="Ola", office=office_midt)
    no_consent.topics.add(angst)
    no_consent.municipalities.add(municipality("1506"))
    too_far = Starter.objects.create(name="Per", office=office_midt, consent_to_contact=True)
    too_far.topics.add(angst)
    too_far.municipalities.add(municipality("5001"))  # Trondheim
    assert list(_proposed().suggested_starters.all()) == [fitting]
