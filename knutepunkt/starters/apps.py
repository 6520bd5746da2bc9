from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StartersConfig(AppConfig):
    name = "knutepunkt.starters"
    label = "starters"
    verbose_name = _("Starters")
