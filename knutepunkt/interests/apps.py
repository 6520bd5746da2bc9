from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterestsConfig(AppConfig):
    name = "knutepunkt.interests"
    label = "interests"
    verbose_name = _("Interest in new groups")
