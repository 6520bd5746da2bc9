import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _bokmal():
    # Requests leave their language active in the test thread: start every test in bokmål.
    with translation.override("nb"):
        yield
