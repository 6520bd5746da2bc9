from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone


def _valid_on(on: datetime.date | None) -> Q:
    day = on or timezone.localdate()
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


class CountyQuerySet(models.QuerySet[Any]):
    def current(self, on: datetime.date | None = None) -> CountyQuerySet:
        """Counties valid on ``on`` (today by default)."""
        return self.filter(_valid_on(on))


class MunicipalityQuerySet(models.QuerySet[Any]):
    def current(self, on: datetime.date | None = None) -> MunicipalityQuerySet:
        """Municipalities valid on ``on`` (today by default)."""
        return self.filter(_valid_on(on))

    def by_number(self, number: str) -> MunicipalityQuerySet:
        return self.current().filter(number=number)
