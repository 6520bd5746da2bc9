"""Staff pages of the activity log: entry, list and export, spreadsheet import."""

from knutepunkt.staff.activity.views.entry import (
    activity_create,
    activity_delete,
    activity_edit,
    activity_inquiry_create,
)
from knutepunkt.staff.activity.views.importing import activity_import, activity_import_confirm
from knutepunkt.staff.activity.views.listing import activity_export, activity_list

__all__ = [
    "activity_create",
    "activity_delete",
    "activity_edit",
    "activity_export",
    "activity_import",
    "activity_import_confirm",
    "activity_inquiry_create",
    "activity_list",
]
