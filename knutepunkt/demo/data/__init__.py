"""Demo network for development and demonstrations (``manage.py load_demo``).

Built from seed 003 (the district offices' compiled 2012 report) and DOMAIN.md: the seven
district offices, their partners, contact points and meeting places, topics, groups,
starters, upcoming events and events held last year and this year, the Møre og
Romsdal/Trøndelag office's 2012 activity log, a little activity last year and this year
for every office (relative to the load day, so this year's pages and last year's public
statistics always have figures), and one demo user per role.

Everything personal is invented: names are marked "(demo)" or "Demo", e-mail addresses use
example.org domains and phone numbers are made up. Data modules, one per kind, are plain
Python lists; ``loader.py`` writes them to the database.
"""
