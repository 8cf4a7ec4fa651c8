"""Objection themes suggested from the words, and the caveats that make a strong no look weak.

The rules are data: per theme, the phrasings that point to it (English, German, French, Spanish
and Dutch). A suggestion is only a suggestion: the seller changes any theme with one click.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .errors import JournalError

THEMES = ("price", "timing", "authority", "need", "trust", "fit", "other")
THEME_LABELS = {
    "price": "Price",
    "timing": "Timing",
    "authority": "Authority",
    "need": "Need",
    "trust": "Trust",
    "fit": "Fit",
    "other": "Other",
}

# Each pattern is a regular expression matched case-insensitively at a word start. A theme's
# score is how many of its patterns occur; the highest score wins, ties go to the earlier theme.
RULES: dict[str, tuple[str, ...]] = {
    "price": (
        r"cost",
        r"pric",
        r"budget",
        r"expensive",
        r"afford",
        r"cheap",
        r"fees?\b",
        r"money",
        r"pay\b",
        r"paying",
        r"invoice",
        r"(per|a) (month|hour|client|day)",
        r"flat fee",
        r"too much\b",
        r"retainer",
        r"£|€|\$",
        r"preis",
        r"teuer",
        r"zu viel geld",
        r"prix",
        r"cher\b",
        r"coût",
        r"tarif",
        r"precio",
        r"caro\b",
        r"presupuesto",
        r"prijs",
        r"duur\b",
        r"kosten",
    ),
    "timing": (
        r"not now",
        r"not yet",
        r"not this (year|quarter|month)",
        r"next (year|quarter|month|season|spring|summer|autumn|fall|winter)",
        r"after (the )?(q[1-4]|summer|christmas|year[- ]end|tax season|the move|the launch)",
        r"until",
        r"later",
        r"timing",
        r"busy",
        r"no time",
        r"too soon",
        r"right now",
        r"at the moment",
        r"in (january|february|march|april|may|june|july|august|september|october|november)",
        r"q[1-4]\b",
        r"tax season",
        r"year[- ]end",
        r"nicht jetzt",
        r"später",
        r"nächstes jahr",
        r"pas maintenant",
        r"plus tard",
        r"l'année prochaine",
        r"ahora no",
        r"más tarde",
        r"el año que viene",
        r"niet nu",
        r"volgend jaar",
    ),
    "authority": (
        r"board",
        r"partner",
        r"co-?founder",
        r"father",
        r"mother",
        r"wife",
        r"husband",
        r"boss",
        r"owner",
        r"investor",
        r"not my call",
        r"not (my|her|his) decision",
        r"(has|have|needs?) to (ask|check with|run it by|talk)",
        r"sign[- ]off",
        r"approv",
        r"committee",
        r"head office",
        r"not in the room",
        r"vorstand",
        r"chef\b",
        r"muss (erst )?fragen",
        r"conseil",
        r"patron",
        r"mon associé",
        r"jefe",
        r"socio",
        r"junta",
        r"directie",
        r"baas",
    ),
    "need": (
        r"don'?t need",
        r"doesn'?t need",
        r"no need",
        r"not a (priority|problem)",
        r"already (have|has|use|do)",
        r"(does|do) it (herself|himself|themselves|ourselves|myself)",
        r"in-?house",
        r"fine as (it is|is)",
        r"works? well enough",
        r"spreadsheet",
        r"happy with",
        r"not worth",
        r"brauchen (wir|ich) nicht",
        r"kein bedarf",
        r"pas besoin",
        r"no (lo )?necesit",
        r"niet nodig",
    ),
    "trust": (
        r"trust",
        r"quality",
        r"track record",
        r"references?",
        r"proof",
        r"burn(ed|t)",
        r"bad experience",
        r"last (bookkeeper|consultant|agency|one)",
        r"doesn'?t know (me|us|the)",
        r"never worked with",
        r"risk",
        r"worried",
        r"afraid",
        r"leave (her|his|their)",
        r"(their|our|my|client) data",
        r"confidential",
        r"vertrauen",
        r"confiance",
        r"confianza",
        r"vertrouwen",
    ),
    "fit": (
        r"too (big|small)",
        r"not (the right|a good) fit",
        r"fit\b",
        r"scope",
        r"overkill",
        r"doesn'?t (suit|match)",
        r"wrong (size|kind)",
        r"different software",
        r"xero|quickbooks|sage|datev",
        r"integrat",
        r"industry",
        r"passt nicht",
        r"ne (nous )?convient pas",
        r"no encaja",
        r"past niet",
    ),
}

# Hedges that turn a no into an "I don't know" (a weak no in disguise).
CAVEATS: tuple[str, ...] = (
    r"not now",
    r"not (just )?yet",
    r"not right now",
    r"not at the moment",
    r"not this (year|quarter|month|time)",
    r"for now",
    r"maybe",
    r"perhaps",
    r"later",
    r"unless",
    r"until",
    r"budget",
    r"(need|needs|have|has) to think",
    r"think about it",
    r"after\s+\w+",
    r"not sure",
    r"next (year|quarter|month)",
    r"revisit",
    r"come back",
    r"nicht jetzt",
    r"vielleicht",
    r"später",
    r"noch nicht",
    r"pas maintenant",
    r"peut-être",
    r"plus tard",
    r"pas encore",
    r"ahora no",
    r"quizás",
    r"tal vez",
    r"más tarde",
    r"todavía no",
    r"niet nu",
    r"misschien",
    r"nog niet",
)


def _compile(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(rf"(?<!\w)(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def _rules() -> dict[str, list[re.Pattern[str]]]:
    """The rules compiled when first used, not when the module loads (140 patterns, which the
    window's start and most commands never need)."""
    return {theme: [_compile([p]) for p in patterns] for theme, patterns in RULES.items()}


@cache
def _caveat() -> re.Pattern[str]:
    return _compile(CAVEATS)


def suggest_theme(text: str) -> str:
    """The theme the words of an objection point to ("other" when none does)."""
    best, best_score = "other", 0
    for theme in THEMES:
        score = sum(1 for pattern in _rules().get(theme, ()) if pattern.search(text or ""))
        if score > best_score:
            best, best_score = theme, score
    return best


def check_theme(value: object, field: str = "theme") -> str:
    """A theme name, or a JournalError that lists the themes there are."""
    if value not in THEMES:
        raise JournalError(f"{field}: {value!r} is not one of {', '.join(THEMES)}")
    return str(value)


def caveat_in(*texts: str) -> str | None:
    """The first hedge ("not now", "until", "budget", …) in these texts, as written; or None."""
    for text in texts:
        match = _caveat().search(text or "")
        if match:
            return match.group(0)
    return None
