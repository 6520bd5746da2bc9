"""The Django admin: head office housekeeping. Django's autodiscovery imports this
package (the ``staff`` app's ``admin`` module); each domain's registrations live in a
module of their own, saving through the same services as the workspace."""

from knutepunkt.staff.admin import (  # noqa: F401
    accounts,
    activity,
    core,
    events,
    geo,
    groups,
    network,
    operations,
    pages,
    reports,
    starters,
)
