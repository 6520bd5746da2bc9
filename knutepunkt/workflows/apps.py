from django.apps import AppConfig


class WorkflowsConfig(AppConfig):
    name = "knutepunkt.workflows"
    label = "kp_workflows"
