"""Staff pages of the activity log: entry, list and export, spreadsheet import."""

from .entry import activity_create, activity_delete, activity_edit
from .importing import activity_import, activity_import_confirm
from .listing import activity_export, activity_list

__all__ = [
    "activity_create",
    "activity_delete",
    "activity_edit",
    "activity_export",
    "activity_import",
    "activity_import_confirm",
    "activity_list",
]
