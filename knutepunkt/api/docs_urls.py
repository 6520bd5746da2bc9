from django.urls import path

from knutepunkt.api import docs

urlpatterns = [path("", docs.api_docs, name="api_docs")]
