from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "knutepunkt.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        # Connects the signals that forget cached office-task and plan-goal names.
        from knutepunkt.reports import labels  # noqa: F401
