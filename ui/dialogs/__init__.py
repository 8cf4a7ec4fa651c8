"""The window's dialogs, each in its own module; none blocks with exec() where open() will do."""
