"""Item models over journal operations: they hold ids or records and fetch rows on demand."""
