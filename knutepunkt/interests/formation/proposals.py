"""Group proposals: run the formation engine and store what it proposes; staff accept a
proposal (a forming group is created and the people are told) or dismiss it."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knutepunkt.core.audit import audit_log
from knutepunkt.geo.models import County
from knutepunkt.groups.models import GroupStatus, SelfHelpGroup
from knutepunkt.groups.services import group_create
from knutepunkt.interests.formation.engine import Proposal, form_groups
from knutepunkt.interests.formation.loader import load_engine_input
from knutepunkt.interests.models import (
    GroupProposal,
    GroupProposalMember,
    Interest,
    InterestStatus,
    ProposalStatus,
)
from knutepunkt.interests.services import interest_mark_placed

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User
    from knutepunkt.starters.models import Starter

logger = logging.getLogger(__name__)

# Any fixed number: the key of the PostgreSQL advisory lock that serialises runs.
_ADVISORY_LOCK_KEY = 7_311_206


@dataclass(frozen=True)
class FormationOutcome:
    """One proposal of a run: the engine's plan, and the stored row (None in a dry run)."""

    plan: Proposal
    proposal: GroupProposal | None


def _signature(
    topic: int, target: str, fmt: str, place: int | None, county: str | None, members: Any
) -> tuple[Any, ...]:
    return (topic, target, fmt, place, county, frozenset(members))


def _dismissed_signatures(topic_ids: Collection[int] | None) -> set[tuple[Any, ...]]:
    """What staff already dismissed, so the same people are not proposed again for the
    same place and format until something changes (someone new joins or leaves)."""
    proposals = GroupProposal.objects.filter(status=ProposalStatus.DISMISSED)
    if topic_ids is not None:
        proposals = proposals.filter(topic_id__in=topic_ids)
    members: dict[int, set[int]] = defaultdict(set)
    for proposal_id, interest_id in GroupProposalMember.objects.filter(
        proposal__in=proposals
    ).values_list("proposal_id", "interest_id"):
        members[proposal_id].add(interest_id)
    return {
        _signature(topic, target, fmt, place, county, members[pk])
        for pk, topic, target, fmt, place, county in proposals.values_list(
            "pk", "topic_id", "target", "format", "contact_point_id", "county__number"
        )
    }


def _lock_runs() -> None:
    """Two runs at once (two people registering) must not propose the same person twice;
    the member constraint would refuse it, the lock avoids the failed run."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_ADVISORY_LOCK_KEY])


def run_formation(
    *,
    actor: User | None = None,
    dry_run: bool = False,
    topic_ids: Collection[int] | None = None,
) -> list[FormationOutcome]:
    """Run the engine on every waiting interest (of ``topic_ids`` when given) not already
    in an open proposal, store the new proposals (unless ``dry_run``) and return them."""
    with transaction.atomic():
        _lock_runs()
        data = load_engine_input(topic_ids=topic_ids)
        plans = form_groups(
            data.interests,
            data.places,
            data.starters,
            parameters=data.parameters,
            excluded=data.excluded,
            county_offices=data.county_offices,
        )
        dismissed = _dismissed_signatures(topic_ids)
        plans = [
            plan
            for plan in plans
            if plan.office is not None
            and _signature(
                plan.topic, plan.target, plan.format, plan.place, plan.county, plan.members
            )
            not in dismissed
        ]
        if dry_run or not plans:
            return [FormationOutcome(plan, None) for plan in plans]
        stored = _store(plans)
        audit_log(
            actor=actor,
            action="interests.proposal.formed",
            data={
                "proposals": [p.pk for p in stored],
                "people": sum(len(p.members) for p in plans),
            },
        )
    return [FormationOutcome(plan, row) for plan, row in zip(plans, stored, strict=True)]


def _store(plans: list[Proposal]) -> list[GroupProposal]:
    """Bulk insert: a run over the whole country can make thousands of proposals."""
    counties = dict(County.objects.current().values_list("number", "pk"))
    now = timezone.now()
    new = []
    for plan in plans:
        assert plan.office is not None  # run_formation keeps only plans with an office
        new.append(
            GroupProposal(
                topic_id=plan.topic,
                target=plan.target,
                format=plan.format,
                contact_point_id=plan.place,
                county_id=counties.get(plan.county) if plan.county else None,
                office_id=plan.office,
                created_at=now,
            )
        )
    rows = GroupProposal.objects.bulk_create(new)
    GroupProposalMember.objects.bulk_create(
        [
            GroupProposalMember(proposal_id=row.pk, interest_id=member)
            for row, plan in zip(rows, plans, strict=True)
            for member in plan.members
        ]
    )
    Through = GroupProposal.suggested_starters.through
    Through.objects.bulk_create(
        [
            Through(groupproposal_id=row.pk, starter_id=starter)
            for row, plan in zip(rows, plans, strict=True)
            for starter in plan.starters
        ]
    )
    return rows


# --- Reading and deciding -----------------------------------------------------------------


def _ensure_decidable(actor: User | None, proposal: GroupProposal) -> GroupProposal:
    """Lock the row and check that it is still open and the actor may decide it."""
    if (
        actor is not None
        and not GroupProposal.objects.visible_to(actor).filter(pk=proposal.pk).exists()
    ):
        raise PermissionDenied(_("You may not decide this proposal."))
    locked = GroupProposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status != ProposalStatus.OPEN:
        raise ValidationError(_("This proposal has already been decided."))
    return locked


def _close(proposal: GroupProposal, actor: User | None, status: str, fields: list[str]) -> None:
    proposal.status = status
    proposal.decided_at = timezone.now()
    proposal.decided_by = actor if actor is not None and actor.is_authenticated else None
    proposal.save(update_fields=["status", "decided_at", "decided_by", *fields])
    proposal.members.update(open=False)


def proposal_accept(
    *, proposal: GroupProposal, actor: User | None, starter: Starter | None = None
) -> SelfHelpGroup:
    """Create the group (status forming) at the proposed place, or by phone/online in the
    proposal's office; mark every person still waiting as placed (which e-mails them and
    deletes their contact data) and record the proposal as accepted."""
    if starter is not None and not proposal.suggested_starters.filter(pk=starter.pk).exists():
        raise ValidationError({"starter": _("Choose one of the suggested starters.")})
    with transaction.atomic():
        locked = _ensure_decidable(actor, proposal)
        place = locked.contact_point
        group = group_create(
            actor=actor,
            topic=locked.topic,
            office=locked.office,
            contact_point=place,
            municipality=place.municipality if place is not None else None,
            format=locked.format,
            target=locked.target,
            status=GroupStatus.FORMING,
            starter=starter,
        )
        interests = Interest.objects.filter(
            proposal_memberships__proposal=locked, status=InterestStatus.WAITING
        ).order_by("pk")
        placed = 0
        for interest in interests:
            interest_mark_placed(interest=interest, group=group, actor=actor)
            placed += 1
        locked.group = group
        _close(locked, actor, ProposalStatus.ACCEPTED, ["group"])
        audit_log(
            actor=actor,
            action="interests.proposal.accepted",
            target=locked,
            data={"group": group, "placed": placed, "starter": starter},
        )
    proposal.refresh_from_db()
    return group


def proposal_dismiss(*, proposal: GroupProposal, actor: User | None, reason: str) -> GroupProposal:
    """Dismiss a proposal with a reason; its people are free for later proposals."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"dismiss_reason": _("Say why the proposal is dismissed.")})
    with transaction.atomic():
        locked = _ensure_decidable(actor, proposal)
        locked.dismiss_reason = reason
        _close(locked, actor, ProposalStatus.DISMISSED, ["dismiss_reason"])
        audit_log(
            actor=actor,
            action="interests.proposal.dismissed",
            target=locked,
            data={"reason": reason},
        )
    proposal.refresh_from_db()
    return proposal
