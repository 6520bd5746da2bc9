from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "knutepunkt.demo"
    label = "kp_demo"
