from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.db.models.constants import LOOKUP_SEP
from django.utils import timezone


def _valid_on(on: datetime.date | None) -> Q:
    day = on or timezone.localdate()
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


OUTLINE = "outline"


def _outline_paths(model: Any, paths: tuple[Any, ...]) -> list[str]:
    """For each ``select_related`` path, the ``<path>__outline`` of every county or
    municipality on the way (``event__municipality`` → ``event__municipality__outline``)."""
    found = []
    for path in paths:
        if not isinstance(path, str):
            continue  # select_related(None) clears the list
        current, walked = model, []
        for part in path.split(LOOKUP_SEP):
            try:
                current = current._meta.get_field(part).related_model
            except (FieldDoesNotExist, AttributeError):
                break
            walked.append(part)
            if current is None:
                break
            if any(field.name == OUTLINE for field in current._meta.concrete_fields):
                found.append(LOOKUP_SEP.join([*walked, OUTLINE]))
    return found


class WithoutOutlinesQuerySet(models.QuerySet[Any]):
    """A queryset whose ``select_related`` never drags in a county's or municipality's
    outline: GeoJSON of kilobytes per row, which only the maps and the distance index read
    (from the geography tables themselves). A list of 40 partners with their municipality
    otherwise moves and decodes megabytes. Any path that needs the outline can still ask
    for it with ``.defer(None)`` or ``.only(...)``."""

    def select_related(self, *fields: Any) -> Any:
        queryset = super().select_related(*fields)
        deferred = _outline_paths(self.model, fields)
        return queryset.defer(*deferred) if deferred else queryset


class CountyQuerySet(WithoutOutlinesQuerySet):
    def current(self, on: datetime.date | None = None) -> CountyQuerySet:
        """Counties valid on ``on`` (today by default)."""
        return self.filter(_valid_on(on))


class MunicipalityQuerySet(WithoutOutlinesQuerySet):
    def current(self, on: datetime.date | None = None) -> MunicipalityQuerySet:
        """Municipalities valid on ``on`` (today by default)."""
        return self.filter(_valid_on(on))

    def by_number(self, number: str) -> MunicipalityQuerySet:
        return self.current().filter(number=number)
