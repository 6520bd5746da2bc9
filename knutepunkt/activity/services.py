"""The district offices' activity log. The annual report's figures come from these rows."""

from __future__ import annotations

import contextvars
import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from knutepunkt.activity.models import Activity, ActivityImport, ClosedYear, OfficeTask, PlanGoal
from knutepunkt.core.audit import audit_entry, audit_log, audit_log_many
from knutepunkt.core.bulk import insert_instances, insert_values
from knutepunkt.core.services import (
    apply_changes,
    check_fields,
    ensure_office_access,
    ensure_same_office,
    resolve_office,
    set_m2m,
    snapshot,
    update_fields_for,
)
from knutepunkt.geo.models import Municipality
from knutepunkt.geo.services import municipality_from
from knutepunkt.network.models import Partner

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User
    from knutepunkt.events.models import Event
    from knutepunkt.network.models import ContactPoint, DistrictOffice

ACTIVITY_FIELDS = frozenset(
    {
        "office",
        "date",
        "end_date",
        "kind",
        "title",
        "municipality",
        "partners",
        "participants",
        "people_reached",
        "channel",
        "office_tasks",
        "plan_goals",
        "notes",
        "event",
        "contact_point",
        "url",
    }
)
_M2M = {"partners": Partner, "office_tasks": OfficeTask, "plan_goals": PlanGoal}
# Activity texts describe the office's work, not people; "name" does not occur.
_NO_PERSONAL_FIELDS: frozenset[str] = frozenset()
# Set while an import writes rows whose years were checked once for the whole file.
_skip_year_check: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "activity_skip_year_check", default=False
)


def _counts_not_negative(values: Mapping[str, Any]) -> None:
    errors = {
        name: _("The number cannot be negative.")
        for name in ("participants", "people_reached")
        if values.get(name) is not None and values[name] < 0
    }
    if errors:
        raise ValidationError(errors)


def _resolve_many(name: str, values: Iterable[Any] | None) -> list[Any] | None:
    """Objects or pks → objects; an unknown pk is a validation error, not a half-save."""
    if values is None:
        return None
    model = _M2M[name]
    values = list(values)
    if all(isinstance(v, model) and v.pk is not None for v in values):
        return values  # already rows (e.g. resolved once for a whole import)
    try:
        pks = [v.pk if isinstance(v, Model) else int(v) for v in values]
        found = {obj.pk: obj for obj in model._default_manager.filter(pk__in=set(pks))}
    except (TypeError, ValueError) as exc:
        raise ValidationError({name: _("Choose valid entries.")}) from exc
    missing = sorted({pk for pk in pks if pk not in found})
    if missing:
        raise ValidationError(
            {name: _("Unknown entries: %(ids)s.") % {"ids": ", ".join(map(str, missing))}}
        )
    return [found[pk] for pk in pks]


def _check_references(activity: Activity, partners: list[Partner] | None) -> None:
    ensure_same_office(activity.office, partners or [], "partners")
    ensure_same_office(activity.office, [activity.contact_point], "contact_point")
    ensure_same_office(activity.office, [activity.event], "event")


def ensure_years_open(office: DistrictOffice | int, dates: Iterable[datetime.date | None]) -> None:
    """Refuse a change to activities dated in a closed year of the office (its annual
    report is approved), naming the report so the person knows whom to ask."""
    office_id = office if isinstance(office, int) else office.pk
    years = {d.year for d in dates if d is not None}
    if not years:
        return
    closed = (
        ClosedYear.objects.filter(office_id=office_id, year__in=years)
        .select_related("office")
        .order_by("year")
        .first()
    )
    if closed is not None:
        message = _(
            "%(year)s is closed: the annual report of %(office)s for %(year)s was approved "
            "on %(date)s. Activities of that year cannot be changed unless head office "
            "reopens the report."
        ) % {
            "year": closed.year,
            "office": closed.office.name,
            "date": date_format(timezone.localdate(closed.closed_at), "SHORT_DATE_FORMAT"),
        }
        raise ValidationError({"date": ValidationError(message, code="year_closed")})


def activity_year_close(*, office: DistrictOffice, year: int, actor: User | None) -> ClosedYear:
    """Close ``year`` of the office's log (called when its annual report is approved)."""
    with transaction.atomic():
        closed, created = ClosedYear.objects.get_or_create(
            office=office, year=year, defaults={"closed_at": timezone.now()}
        )
        if created:
            audit_log(
                actor=actor,
                action="activity.year.closed",
                target=office,
                office=office,
                data={"year": year},
            )
    return closed


def activity_year_reopen(*, office: DistrictOffice, year: int, actor: User | None) -> None:
    """Open ``year`` of the office's log again (its annual report was reopened)."""
    with transaction.atomic():
        deleted, _rows = ClosedYear.objects.filter(office=office, year=year).delete()
        if deleted:
            audit_log(
                actor=actor,
                action="activity.year.reopened",
                target=office,
                office=office,
                data={"year": year},
            )


def activity_create(
    *,
    actor: User | None,
    date: datetime.date,
    kind: str,
    title: str,
    office: DistrictOffice | None = None,
    end_date: datetime.date | None = None,
    municipality: Municipality | str | None = None,
    partners: Iterable[Partner | int] = (),
    participants: int | None = None,
    people_reached: int | None = None,
    channel: str = "",
    office_tasks: Iterable[OfficeTask | int] = (),
    plan_goals: Iterable[PlanGoal | int] = (),
    notes: str = "",
    event: Event | None = None,
    contact_point: ContactPoint | None = None,
    url: str = "",
    new_partners: Sequence[tuple[str, str]] = (),
) -> Activity:
    """Log an activity for an office, with the partners, tasks and plan goals it served.

    Everything is checked before anything is written: an unknown partner, task or goal
    leaves no activity behind. ``new_partners`` are (name, kind) pairs added to the
    office's partner register in the same transaction (a name already in the register is
    linked, not duplicated).
    """
    _counts_not_negative({"participants": participants, "people_reached": people_reached})
    activity = Activity(
        office=resolve_office(actor, office),
        date=date,
        end_date=end_date,
        kind=kind,
        title=title,
        municipality=municipality_from(municipality, on=date),
        participants=participants,
        people_reached=people_reached,
        channel=channel,
        notes=notes,
        event=event,
        contact_point=contact_point,
        url=url,
        created_by=actor,
    )
    related = {
        "partners": _resolve_many("partners", partners),
        "office_tasks": _resolve_many("office_tasks", office_tasks),
        "plan_goals": _resolve_many("plan_goals", plan_goals),
    }
    _check_references(activity, related["partners"])
    activity.full_clean()
    if not _skip_year_check.get():
        ensure_years_open(activity.office_id, [activity.date])
    with transaction.atomic():
        if new_partners:
            related["partners"] = _add_new_partners(
                actor, activity.office, related["partners"] or [], new_partners
            )
        activity.save()
        data = snapshot(activity, ACTIVITY_FIELDS - _M2M.keys())
        for name, values in related.items():
            if values:  # a new activity has no links yet: nothing to clear
                getattr(activity, name).set(values)
            data[name] = sorted(obj.pk for obj in values or [])
        audit_log(
            actor=actor,
            action="activity.activity.created",
            target=activity,
            data=data,
            personal_fields=_NO_PERSONAL_FIELDS,
        )
    return activity


def _add_new_partners(
    actor: User | None,
    office: DistrictOffice,
    partners: list[Partner],
    new_partners: Sequence[tuple[str, str]],
) -> list[Partner]:
    """Create the named partners in the office's register (through the network service)
    and return the full partner list; must run inside the caller's transaction."""
    from knutepunkt.network.services import partner_create

    existing = {p.name.casefold(): p for p in Partner.objects.filter(office=office)}
    chosen = {p.pk: p for p in partners}
    for raw_name, kind in new_partners:
        name = " ".join(raw_name.split())
        if not name:
            continue
        partner = existing.get(name.casefold())
        if partner is None:
            try:
                partner = partner_create(actor=actor, name=name, kind=kind, office=office)
            except ValidationError as exc:
                messages = "; ".join(m for ms in exc.message_dict.values() for m in ms)
                raise ValidationError(
                    {
                        "new_partners": _("“%(name)s”: %(errors)s")
                        % {"name": name, "errors": messages}
                    }
                ) from exc
            existing[name.casefold()] = partner
        chosen[partner.pk] = partner
    return list(chosen.values())


# What a row of an import may hold (activity_create's arguments, minus office and links
# to events and contact points, plus the names of partners to create).
IMPORT_ROW_FIELDS = frozenset(
    {
        "date",
        "end_date",
        "kind",
        "title",
        "municipality",
        "partners",
        "participants",
        "people_reached",
        "office_tasks",
        "plan_goals",
        "notes",
        "url",
        "new_partner_names",
        "line",
    }
)
# Foreign keys of an imported activity are resolved in bulk before validation: checking
# them again per row would cost a query each.
_RESOLVED_FKS = ("office", "municipality", "event", "contact_point", "created_by")
_MAX_ROW_ERRORS = 10


def activity_import(
    *,
    actor: User | None,
    office: DistrictOffice,
    rows: Sequence[Mapping[str, Any]],
    new_partner_kind: str | None = None,
    fingerprint: str = "",
    file_name: str = "",
) -> list[Activity]:
    """Log many activities at once (a year's spreadsheet), all or nothing.

    Each row holds :func:`activity_create` arguments (``line``: its line in the file, for
    messages); ``new_partner_names`` in a row are created in the office's register with
    ``new_partner_kind`` (once per name). Every row is validated before anything is
    written; then the activities, their links and their audit entries (the same entry
    per activity as :func:`activity_create` writes) are inserted in bulk, and the import
    is audited once more as a whole.

    ``fingerprint`` (:func:`knutepunkt.activity.imports.fingerprint`) is remembered per
    office: the same file imported again is refused with a validation error.
    """
    ensure_office_access(actor, office)
    for row in rows:
        check_fields(row, IMPORT_ROW_FIELDS, "activity_import")
    if not new_partner_kind and any(row.get("new_partner_names") for row in rows):
        raise ValidationError({"new_partners": _("Choose a type for the new partners.")})
    if fingerprint:
        ensure_not_imported(office, fingerprint)
    resolved = _resolve_rows(rows)
    # Checked once for the whole file, before anything is written.
    ensure_years_open(office, [row.get("date") for row in resolved])
    activities, related = _validated_activities(actor, office, resolved)
    with transaction.atomic():
        new_names = {" ".join(n.split()) for row in resolved for n in row["new_partner_names"]}
        created = _partners_by_name(actor, office, new_names, new_partner_kind or "")
        for links, row in zip(related, resolved, strict=True):
            extra = [created[" ".join(n.split()).casefold()] for n in row["new_partner_names"]]
            if extra:
                chosen = {p.pk: p for p in links["partners"]}
                chosen.update((p.pk, p) for p in extra)
                links["partners"] = list(chosen.values())
        insert_instances(activities, with_pks=True)
        _link_in_bulk(activities, related)
        audit_log_many(
            audit_entry(
                actor=actor,
                action="activity.activity.created",
                target=activity,
                data={
                    **snapshot(activity, ACTIVITY_FIELDS - _M2M.keys()),
                    **{name: sorted(obj.pk for obj in links[name]) for name in _M2M},
                },
                personal_fields=_NO_PERSONAL_FIELDS,
            )
            for activity, links in zip(activities, related, strict=True)
        )
        if fingerprint:
            _remember_import(actor, office, fingerprint, file_name, len(activities))
        audit_log(
            actor=actor,
            action="activity.activity.imported",
            target=office,
            office=office,
            data={"count": len(activities), "fingerprint": fingerprint, "file": file_name},
            personal_fields=_NO_PERSONAL_FIELDS,
        )
    return activities


def ensure_not_imported(office: DistrictOffice, fingerprint: str) -> None:
    """Refuse a file whose rows this office has imported before."""
    earlier = ActivityImport.objects.filter(office=office, fingerprint=fingerprint).first()
    if earlier is not None:
        raise ValidationError(already_imported_message(earlier), code="already_imported")


def already_imported_message(earlier: ActivityImport) -> str:
    return _(
        "This file was imported on %(date)s (%(count)d activities). Importing it again "
        "would log every activity twice. To add rows that were left out, import a file "
        "with only those rows."
    ) % {
        "date": timezone.localtime(earlier.imported_at).strftime("%d.%m.%Y"),
        "count": earlier.imported_count,
    }


def _remember_import(
    actor: User | None, office: DistrictOffice, fingerprint: str, file_name: str, count: int
) -> None:
    try:
        with transaction.atomic():
            ActivityImport.objects.create(
                office=office,
                fingerprint=fingerprint,
                file_name=file_name[:255],
                imported_count=count,
                imported_by=actor if actor is not None and actor.is_authenticated else None,
            )
    except IntegrityError:
        # The same file was confirmed twice at once (two tabs): the other one won.
        ensure_not_imported(office, fingerprint)
        raise


def _validated_activities(
    actor: User | None, office: DistrictOffice, rows: list[dict[str, Any]]
) -> tuple[list[Activity], list[dict[str, list[Any]]]]:
    """Unsaved activities and their links, every row checked (field rules, the model's
    own checks, same office) without a query; all errors at once, by line."""
    office = resolve_office(actor, office)
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    activities: list[Activity] = []
    related: list[dict[str, list[Any]]] = []
    errors: list[str] = []
    for index, row in enumerate(rows):
        activity = Activity(
            office=office,
            date=row["date"],
            end_date=row.get("end_date"),
            kind=row.get("kind") or "",
            title=row.get("title") or "",
            municipality=row.get("municipality"),
            participants=row.get("participants"),
            people_reached=row.get("people_reached"),
            notes=row.get("notes") or "",
            url=row.get("url") or "",
            created_by_id=actor_id,
        )
        links = {name: list(row.get(name) or ()) for name in _M2M}
        try:
            _counts_not_negative(row)
            _check_references(activity, links["partners"])
            activity.full_clean(exclude=_RESOLVED_FKS, validate_unique=False)
        except ValidationError as exc:
            if len(errors) < _MAX_ROW_ERRORS:
                errors.append(
                    _("Row %(line)s: %(errors)s")
                    % {"line": row.get("line") or index + 1, "errors": " ".join(exc.messages)}
                )
            else:
                break
        activities.append(activity)
        related.append(links)
    if errors:
        raise ValidationError(errors)
    return activities, related


def _partners_by_name(
    actor: User | None, office: DistrictOffice, names: set[str], kind: str
) -> dict[str, Partner]:
    """The named partners by folded name: those already in the office's register, the
    others created (through the network service, audited). Inside the caller's
    transaction."""
    if not names:
        return {}
    pairs = [(name, kind) for name in sorted(names)]
    return {p.name.casefold(): p for p in _add_new_partners(actor, office, [], pairs)}


def _link_in_bulk(activities: list[Activity], related: list[dict[str, list[Any]]]) -> None:
    for name in _M2M:
        field: Any = Activity._meta.get_field(name)
        through = field.remote_field.through
        insert_values(
            through,
            (f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"),
            (
                (activity.pk, pk)
                for activity, links in zip(activities, related, strict=True)
                for pk in dict.fromkeys(obj.pk for obj in links[name])
            ),
        )


def _resolve_rows(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Turn the rows' pks and municipality numbers into rows with one query per kind
    (instead of several per row); anything gone since the preview is an error."""
    resolved = [dict(row) for row in rows]
    for name in _M2M:
        wanted = [v for row in resolved for v in row.get(name) or ()]
        # Raises for anything unknown (deleted since the preview).
        found = iter(_resolve_many(name, wanted) or [])
        for row in resolved:
            row[name] = [next(found) for _value in row.get(name) or ()]
    numbers = {row["municipality"] for row in resolved if isinstance(row.get("municipality"), str)}
    # Every row of those numbers, whatever its time: each activity takes the one valid on
    # its date (a 2012 row in 0124 Askim, a 2024 one in 3118 Indre Østfold).
    places: dict[str, list[Municipality]] = {}
    for found in Municipality.objects.filter(number__in=numbers).defer("outline"):
        places.setdefault(found.number, []).append(found)
    for row in resolved:
        row.setdefault("new_partner_names", [])
        number = row.get("municipality")
        if isinstance(number, str):
            day = row.get("date")
            valid = [
                m
                for m in places.get(number, [])
                if day is None
                or (m.valid_from <= day and (m.valid_to is None or day <= m.valid_to))
            ]
            if number and not valid:
                # Raises the usual "unknown municipality" or "did not exist then" error.
                municipality_from(number, on=day)
            row["municipality"] = valid[0] if number else None
        _headcount_where_counted(row)
    return resolved


# Kinds whose number is the people present ("participants"): the office's own arranged
# events, stands and direct inquiries (docs/figures.md).
HEADCOUNT_KINDS = frozenset(
    {"own_event", "starter_training", "starter_follow_up", "stand", "inquiry"}
)


def _headcount_where_counted(row: dict[str, Any]) -> None:
    """An imported row of a head-count kind with its number only under "reached" (the
    column older spreadsheets used for stands) has it moved to participants, where the
    report's figures read it."""
    if (
        row.get("kind") in HEADCOUNT_KINDS
        and row.get("participants") is None
        and row.get("people_reached") is not None
    ):
        row["participants"], row["people_reached"] = row["people_reached"], None


def activity_update(
    *,
    actor: User | None,
    activity: Activity,
    data: Mapping[str, Any],
    new_partners: Sequence[tuple[str, str]] = (),
) -> Activity:
    """Change a logged activity; only head office may move it to another office.

    ``new_partners`` as in :func:`activity_create`: added to the register and linked."""
    check_fields(data, ACTIVITY_FIELDS, "activity_update")
    ensure_office_access(actor, activity.office_id)
    prepared = dict(data)
    _counts_not_negative(prepared)
    related = {name: _resolve_many(name, prepared.pop(name)) for name in _M2M if name in prepared}
    if "office" in prepared:
        prepared["office"] = resolve_office(actor, prepared["office"], current=activity.office)
    if "municipality" in prepared:
        prepared["municipality"] = municipality_from(
            prepared["municipality"], on=prepared.get("date") or activity.date
        )
    # Neither the year it was in nor the year it moves to may be closed.
    ensure_years_open(activity.office_id, [activity.date])
    new_office = prepared.get("office") or activity.office
    ensure_years_open(new_office, [prepared.get("date") or activity.date])
    with transaction.atomic():
        changes = apply_changes(activity, prepared)
        if new_partners:
            current = related.get("partners")
            if current is None:
                current = list(activity.partners.all())
            related["partners"] = _add_new_partners(actor, activity.office, current, new_partners)
        partners = related.get("partners")
        if partners is None and "office" in changes:
            partners = list(activity.partners.all())
        _check_references(activity, partners)
        if changes:
            activity.full_clean()
            activity.save(update_fields=update_fields_for(activity, changes))
        for name, values in related.items():
            pks = set_m2m(activity, name, values)
            if pks is not None:
                changes[name] = pks
        if changes:
            audit_log(
                actor=actor,
                action="activity.activity.updated",
                target=activity,
                data=changes,
                personal_fields=_NO_PERSONAL_FIELDS,
            )
    return activity


def activity_delete(*, actor: User | None, activity: Activity) -> None:
    ensure_office_access(actor, activity.office_id)
    ensure_years_open(activity.office_id, [activity.date])
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="activity.activity.deleted",
            target=activity,
            data={"date": activity.date, "title": activity.title},
            personal_fields=_NO_PERSONAL_FIELDS,
        )
        activity.delete()


# --- Activities derived from events (written by the events app's attendance service) -----

# Office tasks an event of each kind serves by default (numbers from the funder's letter).
_EVENT_KIND_TASKS = {
    "open_meeting": (1, 3),
    "information_meeting": (1, 3),
    "seminar": (3,),
    "county_conference": (2, 3),
    "starter_training": (4,),
    "starter_follow_up": (4,),
    "network_gathering": (2,),
    "teaching": (3,),
    "stand": (1,),
}


def activity_kind_for_event(event: Event) -> str:
    """The activity kind an event is logged as: starter trainings, follow-ups, stands and
    teaching keep their own kind; any other event is the office's own when it organised
    it (no organising contact point or partner), else a contribution to another's."""
    from knutepunkt.activity.models import ActivityKind

    own_kinds = {
        "starter_training": ActivityKind.STARTER_TRAINING,
        "starter_follow_up": ActivityKind.STARTER_FOLLOW_UP,
        "stand": ActivityKind.STAND,
        "teaching": ActivityKind.TEACHING,
    }
    if event.kind in own_kinds:
        return own_kinds[event.kind]
    if event.contact_point_id or event.organiser_partner_id:
        return ActivityKind.CONTRIBUTION
    return ActivityKind.OWN_EVENT


def activity_upsert_for_event(*, actor: User | None, event: Event) -> Activity:
    """Create or update the office's activity for an event from the event itself (kind,
    dates, title, place, partners, attendance), so nothing is typed twice. One activity
    per event: recording again updates it. Notes, tasks and goals staff added to an
    existing activity are kept. Call inside a transaction that has locked the event row.
    """
    from django.utils import timezone

    from knutepunkt.activity.models import ActivityKind

    kind = activity_kind_for_event(event)
    start = timezone.localdate(event.starts_at)
    end = timezone.localdate(event.ends_at)
    partners = list(event.partners.all())
    if event.organiser_partner is not None and event.organiser_partner not in partners:
        partners.append(event.organiser_partner)
    # The attendance is the people present. A talk at another's event counts the people
    # given information there ("people reached"); every other kind, a stand included,
    # counts the people present ("participants"), as the annual report's figures read them.
    counts = (
        {"participants": None, "people_reached": event.attended_count}
        if kind in (ActivityKind.CONTRIBUTION, ActivityKind.TEACHING)
        else {"participants": event.attended_count, "people_reached": None}
    )
    values: dict[str, Any] = {
        "date": start,
        "end_date": end if end != start else None,
        "kind": kind,
        "title": event.title,
        "municipality": event.municipality,
        "contact_point": event.contact_point,
        "partners": partners,
        **counts,
    }
    existing = Activity.objects.filter(event=event).order_by("pk").first()
    if existing is not None:
        return activity_update(actor=actor, activity=existing, data=values)
    tasks = OfficeTask.objects.filter(number__in=_EVENT_KIND_TASKS.get(event.kind, ()))
    return activity_create(
        actor=actor, office=event.office, event=event, office_tasks=list(tasks), **values
    )
