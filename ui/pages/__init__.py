"""The window's pages: Today, People, Decisions, Search, and the host of the person page."""
