"""Load the demo network (``manage.py load_demo``).

The rows are written directly through the ORM, not through the apps' service functions:
the services layer is being written in parallel, and demo data is system-owned seed data,
so no audit entries are wanted. Every object is still ``full_clean()``-ed before it is
saved, so invalid demo data fails loudly, and everything runs in one transaction.

Idempotent: every row is found by its natural key (slug, office + name, office + date +
title, username …) and only created when missing; existing rows — possibly edited by
users — are left exactly as they are.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.utils import timezone, translation

from knutepunkt.accounts.models import User
from knutepunkt.activity.models import Activity, OfficeTask, PlanGoal
from knutepunkt.activity.reference import ensure_office_tasks_and_plan_goals
from knutepunkt.demo.data import (
    activities_2012,
    activities_current,
    activities_previous,
    contact_points,
    events,
    groups,
    nynorsk,
    offices,
    partners,
    starters,
    topics,
    users,
)
from knutepunkt.events.models import Event
from knutepunkt.geo.loading import load_geography
from knutepunkt.geo.models import County, Municipality
from knutepunkt.geo.places import place_key, valid_then
from knutepunkt.groups.models import GroupStatusChange, SelfHelpGroup, Topic
from knutepunkt.network.models import (
    ContactPoint,
    ContactPointStatusChange,
    DistrictOffice,
    OfficeCounty,
    Partner,
    PlanningGroupMember,
)
from knutepunkt.starters.models import Starter


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


class DemoLoader:
    def __init__(self, *, today: datetime.date) -> None:
        self.today = today
        self.created: Counter[str] = Counter()
        self.municipalities = {m.number: m for m in Municipality.objects.current(today)}
        self.counties = {c.number: c for c in County.objects.current(today)}
        self.offices: dict[str, DistrictOffice] = {}
        self.partners: dict[tuple[str, str], Partner] = {}
        self.contact_points: dict[str, ContactPoint] = {}
        self.topics: dict[str, Topic] = {}
        self.tasks = {t.number: t for t in OfficeTask.objects.all()}
        self.goals = {g.number: g for g in PlanGoal.objects.all()}

    # --- helpers ---------------------------------------------------------------------------

    def _ensure(
        self,
        model: type[models.Model],
        key: dict[str, Any],
        fields: dict[str, Any] | None = None,
        m2m: dict[str, Iterable[Any]] | None = None,
    ) -> Any:
        """The row matching ``key``, created from ``key`` + ``fields`` when missing."""
        existing = model._default_manager.filter(**key).first()
        if existing is not None:
            return existing
        obj = model(**{k: v for k, v in key.items() if "__" not in k}, **(fields or {}))
        obj.full_clean()
        obj.save()
        for name, values in (m2m or {}).items():
            getattr(obj, name).set(list(values))
        self._count(model)
        return obj

    def _count(self, model: type[models.Model]) -> None:
        with translation.override("en"):
            self.created[str(model._meta.verbose_name_plural)] += 1

    def _municipality(self, number: str | None) -> Municipality | None:
        if number is None:
            return None
        return self.municipalities[number]

    def _partner(self, office: str, name: str) -> Partner:
        return self.partners[(office, name)]

    def _aware(self, day: datetime.date, hhmm: str) -> datetime.datetime:
        hour, minute = (int(part) for part in hhmm.split(":"))
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))

    # --- the network -----------------------------------------------------------------------

    def run(self) -> None:
        self.load_offices()
        self.load_partners()
        self.load_contact_points()
        self.load_topics()
        self.load_groups()
        self.load_starters()
        self.load_events()
        self.load_past_events()
        self.load_activities_2012()
        self.load_previous_year_activities()
        self.load_current_activities()
        self.load_users()

    def load_offices(self) -> None:
        for data in offices.OFFICES:
            fields = {
                k: data[k]
                for k in ("name", "email", "phone", "address", "description_nb", "description_en")
            }
            fields["description_nn"] = nynorsk.OFFICES.get(data["slug"], "")
            fields["seat"] = self._municipality(data["seat"])
            office = self._ensure(DistrictOffice, {"slug": data["slug"]}, fields)
            self.offices[data["slug"]] = office
            for number in data["counties"]:
                self._ensure(OfficeCounty, {"county": self.counties[number]}, {"office": office})

    def load_partners(self) -> None:
        for data in partners.PARTNERS:
            office = self.offices[data["office"]]
            fields = {
                "kind": data["kind"],
                "municipality": self._municipality(data["municipality"]),
                "organisation_number": data["organisation_number"],
                "email": data["email"],
                "notes": data["notes"],
            }
            partner = self._ensure(Partner, {"office": office, "name": data["name"]}, fields)
            self.partners[(data["office"], data["name"])] = partner

    def load_contact_points(self) -> None:
        for data in contact_points.CONTACT_POINTS:
            office_slug = data["office"]
            history = data["history"]
            if history[-1][0] != data["status"]:
                raise ValueError(f"Demo contact point {data['slug']}: history ends elsewhere.")
            fields: dict[str, Any] = {
                "name": data["name"],
                "kind": data.get("kind", "contact_point"),
                "office": self.offices[office_slug],
                "host": self._partner(office_slug, data["host"]) if data["host"] else None,
                "municipality": self._municipality(data["municipality"]),
                "status": data["status"],
                "next_step": data.get("next_step", ""),
            }
            for name in (
                "email",
                "phone",
                "opening_hours",
                "description_nb",
                "description_en",
            ):
                fields[name] = data.get(name, "")
            fields["description_nn"] = nynorsk.CONTACT_POINTS.get(data["slug"], "")
            if data["status"] == "planning":
                fields["follow_up_on"] = self.today + datetime.timedelta(days=30)
            served = [self.municipalities[n] for n in data["served"]]
            cp = self._ensure(
                ContactPoint, {"slug": data["slug"]}, fields, {"municipalities_served": served}
            )
            self.contact_points[data["slug"]] = cp
            previous = ""
            for status, day, note in history:
                self._ensure(
                    ContactPointStatusChange,
                    {"contact_point": cp, "to_status": status, "changed_on": _date(day)},
                    {"from_status": previous, "note": note},
                )
                previous = status
            for partner_name, role in data["planning_group"]:
                self._ensure(
                    PlanningGroupMember,
                    {"contact_point": cp, "partner": self._partner(office_slug, partner_name)},
                    {"role": role},
                )

    # --- groups and people -----------------------------------------------------------------

    def load_topics(self) -> None:
        for slug, name_nb, name_en, words in topics.TOPICS:
            name_nn, nynorsk_words = topics.NYNORSK[slug]
            fields = {
                "name_nb": name_nb,
                "name_nn": name_nn,
                "name_en": name_en,
                "synonyms": ", ".join([*words, *nynorsk_words]),
            }
            self.topics[slug] = self._ensure(Topic, {"slug": slug}, fields)

    def load_groups(self) -> None:
        for data in groups.GROUPS:
            history = [(status, _date(day)) for status, day in data["history"]]
            started = next((d for s, d in history if s in ("open", "closed")), None)
            ended = next((d for s, d in history if s == "ended"), None)
            key = {
                "office": self.offices[data["office"]],
                "topic": self.topics[data["topic"]],
                "contact_point": self.contact_points.get(data["contact_point"] or ""),
                "municipality": self._municipality(data["municipality"]),
                "format": data["format"],
                "target": data["target"],
            }
            fields = {
                "status": history[-1][0],
                "meeting_time": data["meeting_time"],
                "description_nb": data["description_nb"],
                "description_nn": nynorsk.GROUPS.get((data["topic"], data["contact_point"]), ""),
                "description_en": data["description_en"],
                "started_on": started,
                "ended_on": ended,
            }
            group = self._ensure(SelfHelpGroup, key, fields)
            previous = ""
            for status, day in history:
                self._ensure(
                    GroupStatusChange,
                    {"group": group, "to_status": status, "changed_on": day},
                    {"from_status": previous},
                )
                previous = status

    def load_starters(self) -> None:
        for data in starters.STARTERS:
            trained_on = _date(data["trained_on"])
            fields = {
                "name": data["name"],
                "phone": data["phone"],
                "home_municipality": self._municipality(data["home"]),
                "trained_on": trained_on,
                "consent_to_contact": True,
                "consent_given_at": self._aware(trained_on, "15:00"),
                "notes": f"Opplæring: {data['training']}. Demodata.",
            }
            self._ensure(
                Starter,
                {"office": self.offices[data["office"]], "email": data["email"]},
                fields,
                {
                    "topics": [self.topics[t] for t in data["topics"]],
                    "municipalities": [self.municipalities[n] for n in data["places"]],
                },
            )

    def load_events(self) -> None:
        now = timezone.now()
        for data in events.EVENTS:
            office_slug = data["office"]
            starts_at = self._aware(
                self.today + datetime.timedelta(days=data["in_days"]), data["start"]
            )
            organiser = (
                self._partner(office_slug, data["organiser_partner"])
                if data["organiser_partner"]
                else None
            )
            fields = {
                "title": data["title"],
                "kind": data["kind"],
                "description": data["description"],
                "description_nn": nynorsk.EVENTS[data["slug"]][0],
                "description_en": nynorsk.EVENTS[data["slug"]][1],
                "starts_at": starts_at,
                "ends_at": starts_at + datetime.timedelta(hours=data["hours"]),
                "venue": data["venue"],
                "address": data["address"],
                "municipality": self._municipality(data["municipality"]),
                "online": data.get("online", False),
                "office": self.offices[office_slug],
                "contact_point": self.contact_points.get(data["contact_point"] or ""),
                "organiser_partner": organiser,
                "capacity": data["capacity"],
                "signup_opens_at": now,
                "signup_closes_at": starts_at - datetime.timedelta(hours=2),
            }
            self._ensure(
                Event,
                {"slug": data["slug"]},
                fields,
                {"partners": [organiser] if organiser else []},
            )

    def _held_on(self, data: dict[str, Any]) -> datetime.date:
        """The day a past event was held: a month and day of last year, or some days
        before today within this year."""
        if data["last_year"] is not None:
            month, day = data["last_year"]
            return datetime.date(self.today.year - 1, month, day)
        start_of_year = self.today.replace(month=1, day=1)
        return max(start_of_year, self.today - datetime.timedelta(days=data["days_ago"]))

    def load_past_events(self) -> None:
        for data in events.PAST_EVENTS:
            starts_at = self._aware(self._held_on(data), data["start"])
            fields = {
                "title": data["title"],
                "kind": data["kind"],
                "description": data["description"],
                "starts_at": starts_at,
                "ends_at": starts_at + datetime.timedelta(hours=data["hours"]),
                "venue": data["venue"],
                "address": data["address"],
                "municipality": self._municipality(data["municipality"]),
                "office": self.offices[data["office"]],
                "contact_point": self.contact_points.get(data["contact_point"] or ""),
                "capacity": data["capacity"],
                "signup_opens_at": starts_at - datetime.timedelta(days=30),
                "signup_closes_at": starts_at - datetime.timedelta(hours=2),
                "attended_count": data["attended"],
            }
            self._ensure(Event, {"slug": data["slug"]}, fields)

    # --- activity log ----------------------------------------------------------------------

    def _municipality_on(self, number: str | None, day: datetime.date) -> Municipality | None:
        """The demo data name today's municipalities; an activity of an earlier year gets
        the row of its own time (Molde 1506 → Molde 1502 in 2012), so its report shows the
        names as they were."""
        if number is not None and number not in self.municipalities:
            # A number of that time only (Sandøy 1546 in 2012).
            return Municipality.objects.current(day).get(number=number)
        today = self._municipality(number)
        if today is None or today.valid_from <= day:
            return today
        then = valid_then(today, day)
        same = [m for m in then if place_key(m.name) == place_key(today.name.split(" - ")[0])]
        return (same or then or [today])[0]

    def _activity_m2m(self, kind: str, office_slug: str, partner_names: list[str]) -> dict:
        task_numbers, goal_numbers = activities_2012.TASKS_BY_KIND[kind]
        return {
            "partners": [self._partner(office_slug, name) for name in partner_names],
            "office_tasks": [self.tasks[n] for n in task_numbers],
            "plan_goals": [self.goals[n] for n in goal_numbers],
        }

    def load_activities_2012(self) -> None:
        office_slug = activities_2012.OFFICE
        office = self.offices[office_slug]
        for data in activities_2012.ACTIVITIES_2012:
            day = _date(data["date"])
            fields = {
                "end_date": _date(data["end_date"]) if data["end_date"] else None,
                "kind": data["kind"],
                "municipality": self._municipality_on(data["municipality"], day),
                "contact_point": self.contact_points.get(data["contact_point"] or ""),
                "participants": data["participants"],
                "people_reached": data["people_reached"],
                "notes": data["notes"],
            }
            self._ensure(
                Activity,
                {"office": office, "date": day, "title": data["title"]},
                fields,
                self._activity_m2m(data["kind"], office_slug, data["partners"]),
            )

    def load_previous_year_activities(self) -> None:
        year = self.today.year - 1
        for data in activities_previous.PREVIOUS_YEAR_ACTIVITIES:
            fields = {
                "date": datetime.date(year, data["month"], data["day"]),
                "kind": data["kind"],
                "municipality": self._municipality(data["municipality"]),
                "contact_point": self.contact_points.get(data["contact_point"] or ""),
                "participants": data["participants"],
                "people_reached": data["people_reached"],
            }
            office = self.offices[data["office"]]
            self._ensure(
                Activity,
                {"office": office, "title": data["title"], "date__year": year},
                fields,
                self._activity_m2m(data["kind"], data["office"], []),
            )

    def load_current_activities(self) -> None:
        start_of_year = self.today.replace(month=1, day=1)
        for data in activities_current.CURRENT_ACTIVITIES:
            day = max(start_of_year, self.today - datetime.timedelta(days=data["days_ago"]))
            fields = {
                "date": day,
                "kind": data["kind"],
                "municipality": self._municipality(data["municipality"]),
                "contact_point": self.contact_points.get(data["contact_point"] or ""),
                "participants": data["participants"],
                "people_reached": data["people_reached"],
            }
            office = self.offices[data["office"]]
            self._ensure(
                Activity,
                {"office": office, "title": data["title"], "date__year": self.today.year},
                fields,
                self._activity_m2m(data["kind"], data["office"], []),
            )

    # --- staff -----------------------------------------------------------------------------

    def load_users(self) -> None:
        for data in users.USERS:
            if User.objects.filter(username=data["username"]).exists():
                continue
            user = User(
                username=data["username"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=f"{data['username']}@selvhjelp.example.org",
                role=data["role"],
                is_staff=data["is_staff"],
                office=self.offices.get(data.get("office", "")),
                contact_point=self.contact_points.get(data.get("contact_point", "")),
            )
            user.set_password(users.DEMO_PASSWORD)
            user.full_clean()
            user.save()
            self._count(User)


def load_demo(*, if_empty: bool = False) -> Counter[str] | None:
    """Load the demo network; returns how many rows of each kind were created, or None
    when ``if_empty`` is set and a district office already exists."""
    if if_empty and DistrictOffice.objects.exists():
        return None
    if not Municipality.objects.exists():
        load_geography()
    if not OfficeTask.objects.exists():
        ensure_office_tasks_and_plan_goals(OfficeTask, PlanGoal)
    with transaction.atomic():
        loader = DemoLoader(today=timezone.localdate())
        loader.run()
    return loader.created
