from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "knutepunkt.web"
    label = "kp_web"
