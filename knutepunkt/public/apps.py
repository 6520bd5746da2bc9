from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "knutepunkt.public"
    label = "kp_public"
