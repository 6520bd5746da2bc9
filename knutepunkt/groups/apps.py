from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "knutepunkt.groups"
    label = "groups"
    verbose_name = _("Self-help groups")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from knutepunkt.groups.index import index_changed
        from knutepunkt.groups.models import SelfHelpGroup, Topic
        from knutepunkt.network.models import ContactPoint, DistrictOffice, OfficeCounty, Partner

        def changed(sender: Any, **kwargs: Any) -> None:
            index_changed()

        # Everything the public index holds (knutepunkt.groups.index); a partner is there
        # as the host of a contact point. Geography changes reach it through the places
        # version.
        for model in (SelfHelpGroup, Topic, ContactPoint, DistrictOffice, OfficeCounty, Partner):
            for signal in (post_save, post_delete):
                signal.connect(
                    changed, sender=model, weak=False, dispatch_uid=f"index-{model.__name__}"
                )
        m2m_changed.connect(
            changed,
            sender=ContactPoint.municipalities_served.through,
            weak=False,
            dispatch_uid="index-served",
        )
