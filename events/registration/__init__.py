"""On-site registration for events: settings, seats, waiting list, e-mails and staff views.

Everything is kept against the Italian source event, so that both languages
count against one capacity and staff see one list (docs/architecture.md).
"""
