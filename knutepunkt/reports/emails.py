"""E-mails about annual reports, to the district offices' staff."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from knutepunkt.accounts.models import Role, User
from knutepunkt.operations.outbox import outbox_queue

if TYPE_CHECKING:
    from knutepunkt.network.models import DistrictOffice
    from knutepunkt.reports.models import ReportDeadline


def send_deadline_reminder(
    *, office: DistrictOffice, deadline: ReportDeadline, overdue: bool
) -> None:
    """Remind the office's staff that the year's report is due (or overdue). Staff read
    the workspace in bokmål, the default language."""
    recipients = list(
        User.objects.filter(office=office, role=Role.OFFICE_STAFF, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        url = settings.SITE_URL + reverse(
            "staff:reports:report_detail", kwargs={"year": deadline.year, "slug": office.slug}
        )
        values = {
            "year": deadline.year,
            "office": office.name,
            "date": date_format(deadline.due_on, "DATE_FORMAT"),
            "url": url,
        }
        if overdue:
            subject = _("The annual report %(year)s is overdue") % values
            body = (
                _(
                    "The annual report of %(office)s for %(year)s was due on %(date)s and has "
                    "not been submitted yet.\n\nWrite and submit it here: %(url)s\n"
                )
                % values
            )
        else:
            subject = _("The annual report %(year)s is due on %(date)s") % values
            body = (
                _(
                    "The annual report of %(office)s for %(year)s is due on %(date)s.\n\n"
                    "The figures are counted from the activity log; write the text and submit "
                    "it here: %(url)s\n"
                )
                % values
            )
    # One message per person (the outbox splits it): nobody sees the others' addresses.
    outbox_queue(
        EmailMessage(subject, body, None, recipients),
        kind="reports.deadline_reminder",
        ref=f"reports.reportdeadline:{deadline.pk}",
    )
