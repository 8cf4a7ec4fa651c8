"""Exports for other programs: vCard contacts, CSV, iCalendar dates and a Markdown folder.

Each exporter reads the live (not trashed) people in a fixed number of queries.
"""
