"""Every display label of the annual report, in one place.

The report's objects (:mod:`knutepunkt.reports.types`) and the locked snapshot hold data
only: figure keys, numbers, dates, the codes of fixed choices, and names as they were.
Labels are looked up here when a report is rendered (HTML, PDF, XLSX), in the reader's
language, so an approved report follows the language it is read in.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.dates import MONTHS
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from knutepunkt.activity.models import ActivityKind, OfficeTask, PlanGoal
from knutepunkt.core.i18n import localized
from knutepunkt.network.models import ContactPointKind, ContactPointStatus, PartnerKind
from knutepunkt.reports.coverage import CLASS_LABELS
from knutepunkt.reports.models import AnnualReport, ReportStatus

# The headline figures, in report order. Their definitions are in figures.py, under the
# same keys (FIGURE_KEYS).
FIGURE_LABELS: dict[str, Promise] = {
    "participants_at_own_events": _("Participants at the office's own events"),
    "people_informed": _("People given information directly at own and others' events"),
    "people_at_stands": _("People present at congresses and conferences with a stand"),
    "direct_inquiries": _("Direct inquiries"),
    "starter_trainings": _("Starter trainings"),
    "people_trained": _("People trained as starters"),
    "students_taught": _("Students reached at university colleges"),
    "media_items": _("Media coverage and advertisements"),
    "activities_total": _("Activities logged"),
    "contact_points": _("Contact points established or under work (31 December)"),
    "groups_started": _("Groups started"),
    "partners_worked_with": _("Partners worked with in activities"),
}

BREAKDOWN_TITLES: dict[str, Promise] = {
    "kind": _("Activities by type"),
    "month": _("Activities by month"),
    "municipality": _("Activities by county and municipality"),
    "office_task": _("Activities by office task"),
    "plan_goal": _("Activities by national-plan goal"),
}

# Table-of-contents entries of the national compilation that are not an office's chapter.
SECTION_TITLES: dict[str, Promise] = {
    "introduction": _("Introduction"),
    "figures": _("Figures"),
}

_ACTIVITY_KINDS: dict[str, Any] = dict(ActivityKind.choices)
_CONTACT_POINT_KINDS: dict[str, Any] = dict(ContactPointKind.choices)
_CONTACT_POINT_STATUSES: dict[str, Any] = dict(ContactPointStatus.choices)
_PARTNER_KINDS: dict[str, Any] = dict(PartnerKind.choices)
_REPORT_STATUSES: dict[str, Any] = dict(ReportStatus.choices)


def _lookup(labels: dict[str, Any], code: str) -> str:
    """The label of ``code``; an unknown code (a choice removed since) as itself."""
    label = labels.get(code)
    return code if label is None else str(label)


def figure_label(key: str) -> str:
    return _lookup(FIGURE_LABELS, key)


def breakdown_title(key: str) -> str:
    return _lookup(BREAKDOWN_TITLES, key)


def section_title(anchor: str) -> str:
    return _lookup(SECTION_TITLES, anchor)


def narrative_title(key: str) -> str:
    """The title of a narrative section: its field's verbose name."""
    field: Any = AnnualReport._meta.get_field(key)
    return str(field.verbose_name).capitalize()


def activity_kind_label(code: str) -> str:
    return _lookup(_ACTIVITY_KINDS, code)


def activity_kind_labels() -> dict[str, str]:
    """All activity kinds' labels at once, for long lists."""
    return {code: str(label) for code, label in _ACTIVITY_KINDS.items()}


def contact_point_kind_label(code: str) -> str:
    return _lookup(_CONTACT_POINT_KINDS, code)


def contact_point_status_label(code: str) -> str:
    return _lookup(_CONTACT_POINT_STATUSES, code) if code else ""


def partner_kind_label(code: str) -> str:
    return _lookup(_PARTNER_KINDS, code)


def report_status_label(code: str) -> str:
    return _lookup(_REPORT_STATUSES, code) if code else ""


def month_name(number: int) -> str:
    return str(MONTHS[number])


# The coverage map's classes, from most to least covered (codes of reports/coverage.py).
COVERAGE_CLASSES: tuple[str, ...] = tuple(CLASS_LABELS)


def coverage_class_label(code: str) -> str:
    return _lookup(dict(CLASS_LABELS), code)


# --- Office tasks and national-plan goals -----------------------------------------------------
# Numbered reference rows with a name in each language, editable in the admin. The names
# are cached (one lookup per hour, not one per chapter) and forgotten when a row changes.

REFERENCE_CACHE_KEY = "kp-report-reference-names"
REFERENCE_CACHE_SECONDS = 60 * 60


def _reference_names() -> dict[str, dict[int, dict[str, Any]]]:
    """Per breakdown and number, the row's ``name_<language>`` fields (for ``localized``)."""
    names: dict[str, dict[int, dict[str, Any]]] | None = cache.get(REFERENCE_CACHE_KEY)
    if names is None:
        names = {}
        for breakdown, model in (("office_task", OfficeTask), ("plan_goal", PlanGoal)):
            fields = [f.name for f in model._meta.concrete_fields if f.name.startswith("name_")]
            rows = model.objects.values("number", *fields)
            names[breakdown] = {row["number"]: row for row in rows}
        cache.set(REFERENCE_CACHE_KEY, names, REFERENCE_CACHE_SECONDS)
    return names


def _forget_reference_names(**kwargs: Any) -> None:
    cache.delete(REFERENCE_CACHE_KEY)


for _model in (OfficeTask, PlanGoal):
    _uid = f"reports-labels-{_model.__name__}"
    post_save.connect(_forget_reference_names, sender=_model, dispatch_uid=_uid)
    post_delete.connect(_forget_reference_names, sender=_model, dispatch_uid=_uid)


def reference_label(breakdown: str, key: str) -> str:
    """``"3. Name"`` of office task or plan goal number ``key``, as ``str(task)`` shows it."""
    try:
        number = int(key)
    except ValueError:
        return key
    names = _reference_names().get(breakdown, {}).get(number)
    if names is None:
        return key
    return f"{number}. {localized(names, 'name')}"


def count_row_label(breakdown: str, key: str, name: str = "", county: str = "") -> str:
    """The label of one row of a breakdown (see :class:`~knutepunkt.reports.types.CountRow`)."""
    if breakdown == "kind":
        return activity_kind_label(key)
    if breakdown == "month":
        return month_name(int(key))
    if breakdown in ("office_task", "plan_goal"):
        return reference_label(breakdown, key)
    if breakdown == "municipality":
        return f"{county} – {name}" if county else name
    return name or key
