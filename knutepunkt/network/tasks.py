"""Background tasks (django-tasks) of the network register. The retention run is
idempotent: run daily by the scheduler, or by hand as ``manage.py purge_partner_contacts``
(docs/personal-data.md)."""

from __future__ import annotations

from django_tasks import task


@task()
def purge_stale_partner_contacts() -> dict[str, int]:
    """Delete partner contact persons whose details nobody has confirmed for
    ``PARTNER_CONTACT_RETENTION_DAYS``."""
    from knutepunkt.network.services import partner_contacts_purge_stale

    return {"deleted": partner_contacts_purge_stale(actor=None)}
