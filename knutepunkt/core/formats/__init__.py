"""Date and number formats per language (``FORMAT_MODULE_PATH``), where Django's own differ
from what the site wants. Norwegian (``nb``, ``nn``) uses Django's formats as they are."""
