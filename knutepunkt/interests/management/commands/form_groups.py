"""``manage.py form_groups [--dry-run]``: propose new groups where enough people wait.

Prints counts and municipality names only: never an alias or contact data.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from knutepunkt.geo.models import County, Municipality
from knutepunkt.groups.models import GroupFormat, Topic
from knutepunkt.interests.formation.proposals import run_formation
from knutepunkt.interests.models import Interest
from knutepunkt.network.models import ContactPoint


class Command(BaseCommand):
    help = "Propose new self-help groups where enough people wait for the same topic."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be proposed without storing anything.",
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        outcomes = run_formation(dry_run=dry_run)
        plans = [outcome.plan for outcome in outcomes]
        topics = dict(Topic.objects.values_list("pk", "name_nb"))
        places = {
            cp.pk: f"{cp.name} ({cp.municipality.name})"
            for cp in ContactPoint.objects.filter(
                pk__in={p.place for p in plans if p.place}
            ).select_related("municipality")
        }
        counties = dict(County.objects.current().values_list("number", "name"))
        members = [m for p in plans for m in p.members]
        where = dict(Interest.objects.filter(pk__in=members).values_list("pk", "municipality_id"))
        names = dict(
            Municipality.objects.filter(pk__in=set(where.values())).values_list("pk", "name")
        )
        formats = dict(GroupFormat.choices)
        verb = "Would propose" if dry_run else "Proposed"
        self.stdout.write(f"{verb} {len(plans)} group(s) for {len(members)} people.")
        for outcome in outcomes:
            plan = outcome.plan
            if plan.place is not None:
                place = places.get(plan.place, "?")
            elif plan.county is not None:
                place = counties.get(plan.county, plan.county)
            else:
                place = "national"
            spread = Counter(names.get(where.get(m), "?") for m in plan.members)
            municipalities = ", ".join(f"{name} {n}" for name, n in sorted(spread.items()))
            label = f"#{outcome.proposal.pk} " if outcome.proposal is not None else ""
            self.stdout.write(
                f"- {label}{topics.get(plan.topic, plan.topic)} · {formats[plan.format]} · "
                f"{place} · {len(plan.members)} people ({municipalities}) · "
                f"{len(plan.starters)} starter(s)"
            )
