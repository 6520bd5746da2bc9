"""Run the formation after every new interest (connected in ``InterestsConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from knutepunkt.interests.formation.proposals import on_interest_registered
from knutepunkt.interests.models import Interest


@receiver(post_save, sender=Interest, dispatch_uid="interests.formation.after_registration")
def _interest_saved(
    sender: Any, instance: Interest, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    if created and not raw:
        on_interest_registered(instance)
