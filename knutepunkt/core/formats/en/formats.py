"""English pages in British style: "19 December 2026", "18:00", "19/12/2026".

Readers of the English pages are in Norway; a 24-hour clock and the day before the month
are what they see everywhere else (Django's plain ``en`` is American: "Dec. 19, 2026, 6 p.m.").
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # '2026-12-19', what <input type="date"> sends
    "%d/%m/%Y",  # '19/12/2026'
    "%d/%m/%y",  # '19/12/26'
    "%d.%m.%Y",  # '19.12.2026', as Norwegians write it
]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",  # <input type="datetime-local">
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y %H:%M",
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
