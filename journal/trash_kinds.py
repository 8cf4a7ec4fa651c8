"""The kinds of record the trash holds, by name: light, for the command line's parser."""

KINDS = ("person", "note", "decision", "goal", "pain", "objection", "referral", "followup")
