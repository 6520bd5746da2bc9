from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "knutepunkt.staff"
    label = "kp_staff"
