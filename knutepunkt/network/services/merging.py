"""Merging two partners that turned out to be one organisation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from knutepunkt.core.audit import audit_log
from knutepunkt.core.services import ensure_office_access
from knutepunkt.network.models import Partner
from knutepunkt.network.services.partners import ORGANISATION_PERSONAL_FIELDS

if TYPE_CHECKING:
    from knutepunkt.accounts.models import User

# The kept partner's own values win; these are filled from the duplicate when blank.
_FILLABLE_FIELDS = ("municipality", "organisation_number", "website", "email", "phone")


def _move_relations(keep: Partner, duplicate: Partner) -> dict[str, int]:
    """Point every row that refers to ``duplicate`` at ``keep``, whatever the relation.

    Walking the model's relations (instead of naming them) means a relation added later
    (another app's foreign key to Partner) is moved too and never left dangling.
    """
    moved: dict[str, int] = {}
    for relation in Partner._meta.get_fields():
        if relation.auto_created and not relation.concrete and relation.one_to_many:
            related = relation.related_model
            field_name = relation.field.name  # type: ignore[union-attr]
            count = related._base_manager.filter(**{field_name: duplicate}).update(  # type: ignore[union-attr]
                **{field_name: keep}
            )
            if count:
                moved[str(related._meta.label_lower)] = count  # type: ignore[union-attr]
        elif relation.many_to_many:
            count = _move_m2m(relation, keep, duplicate)
            if count:
                moved[_m2m_label(relation)] = count
    return moved


def _m2m_through(relation: Any) -> tuple[type[models.Model], str]:
    """The through model of a many-to-many and the name of its column pointing at Partner."""
    if relation.concrete:  # a ManyToManyField declared on Partner itself
        through = relation.remote_field.through
        column = relation.m2m_field_name()
    else:  # declared on another model (Activity.partners, Event.partners)
        through = relation.through
        column = relation.field.m2m_reverse_field_name()
    return through, column


def _m2m_label(relation: Any) -> str:
    through, _column = _m2m_through(relation)
    return str(through._meta.label_lower)


def _move_m2m(relation: Any, keep: Partner, duplicate: Partner) -> int:
    through, column = _m2m_through(relation)
    other_column = next(
        f.name
        for f in through._meta.get_fields()
        if getattr(f, "many_to_one", False) and f.name != column
    )
    rows = through._base_manager.filter(**{column: duplicate})
    already = set(
        through._base_manager.filter(**{column: keep}).values_list(f"{other_column}_id", flat=True)
    )
    # A record linked to both keeps its one link to the kept partner.
    rows.filter(**{f"{other_column}_id__in": already}).delete()
    return int(rows.update(**{column: keep}))


def partner_merge(*, actor: User | None, keep: Partner, duplicate: Partner) -> Partner:
    """Merge ``duplicate`` into ``keep`` and delete it, in one transaction.

    Contact persons, activity and event links, planning-group memberships, hosted contact
    points and organised events move to ``keep``. ``keep``'s own details win; its blank
    fields are filled from ``duplicate``, and the duplicate's notes are appended. Both must
    be in the same office's register, one the actor may change.
    """
    ensure_office_access(actor, keep.office_id)
    ensure_office_access(actor, duplicate.office_id)
    if keep.pk == duplicate.pk:
        raise ValidationError(_("Choose two different partners to merge."))
    if keep.office_id != duplicate.office_id:
        raise ValidationError(_("Only partners in the same district office can be merged."))
    with transaction.atomic():
        # Lock both rows so that no one links to the duplicate while it is being merged.
        locked = {
            p.pk: p
            for p in Partner.objects.select_for_update().filter(pk__in=[keep.pk, duplicate.pk])
        }
        if len(locked) != 2:
            raise ValidationError(_("One of the partners no longer exists."))
        filled: list[str] = []
        for name in _FILLABLE_FIELDS:
            attname = Partner._meta.get_field(name).attname  # type: ignore[union-attr]
            if not getattr(keep, attname) and getattr(duplicate, attname):
                setattr(keep, attname, getattr(duplicate, attname))
                filled.append(name)
        update_fields = list(filled)
        if duplicate.notes.strip() and duplicate.notes.strip() not in keep.notes:
            keep.notes = "\n\n".join(n for n in (keep.notes.strip(), duplicate.notes.strip()) if n)
            update_fields.append("notes")
        moved = _move_relations(keep, duplicate)
        if update_fields:
            keep.full_clean()
            keep.save(update_fields=update_fields)
        duplicate_pk, duplicate_name = duplicate.pk, duplicate.name
        duplicate.delete()
        audit_log(
            actor=actor,
            action="network.partner.merged",
            target=keep,
            data={
                "kept": keep.pk,
                "merged": duplicate_pk,
                "merged_name": duplicate_name,
                "filled": filled,
                "moved": moved,
            },
            personal_fields=ORGANISATION_PERSONAL_FIELDS,
        )
    return keep
