"""Realistic note text for the benchmark: a vocabulary of several thousand words with a Zipf-like
frequency (a few common words, most rare), made deterministically from a seed.

The top ranks are English function words; the domain words a salesperson writes (budget, board,
renewal, …) are spread through the ranks; the rest are pronounceable pseudo-words. A few phrases
(`cash flow is tight`) recur as people really repeat them, so a search for them finds notes.
"""

from __future__ import annotations

import bisect
import itertools
import random

FUNCTION_WORDS = [
    "the",
    "to",
    "and",
    "a",
    "of",
    "we",
    "in",
    "about",
    "for",
    "that",
    "is",
    "on",
    "with",
    "he",
    "she",
    "they",
    "it",
    "was",
    "be",
    "at",
    "this",
    "as",
    "but",
    "not",
    "have",
    "from",
    "their",
    "his",
    "her",
    "our",
    "by",
    "will",
    "so",
    "if",
    "or",
    "next",
    "after",
    "before",
    "when",
    "there",
    "would",
    "can",
    "more",
    "all",
    "what",
    "up",
    "out",
    "them",
    "then",
    "also",
    "just",
    "one",
    "two",
    "into",
    "than",
    "only",
    "some",
    "could",
    "over",
]
DOMAIN_WORDS = [
    "budget",
    "board",
    "renewal",
    "invoice",
    "payroll",
    "cash",
    "flow",
    "tight",
    "partner",
    "retainer",
    "bookkeeper",
    "spreadsheet",
    "forecast",
    "hiring",
    "lease",
    "location",
    "clinic",
    "warehouse",
    "pricing",
    "dashboard",
    "accountant",
    "quarter",
    "deadline",
    "contract",
    "proposal",
    "referral",
    "introduction",
    "workshop",
    "compliance",
    "audit",
    "margin",
    "supplier",
    "inventory",
    "cashflow",
    "expansion",
    "subscription",
    "onboarding",
    "training",
    "review",
    "strategy",
    "timeline",
    "approval",
    "signature",
    "payment",
    "overdue",
    "discount",
    "pilot",
    "shipment",
    "tender",
    "council",
    "grant",
    "loan",
    "mortgage",
    "equity",
    "investor",
    "valuation",
    "franchise",
]
PHRASES = (
    "cash flow is tight",
    "the board meets next month",
    "renewal is due in the spring",
    "budget decisions happen in January",
    "asked for a smaller first step",
    "her partner is sceptical about the retainer",
)
ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "w",
    "z",
    "br",
    "cl",
    "dr",
    "fl",
    "gr",
    "pl",
    "st",
    "tr",
    "sh",
    "ch",
    "th",
]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou"]
CODAS = ["", "", "", "n", "r", "s", "l", "m", "t", "nd", "rk", "st"]
ZIPF_S = 1.07


def _pseudo_words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    words: list[str] = []
    while len(words) < count:
        syllables = rng.choice((1, 2, 2, 2, 3, 3, 4))
        word = "".join(
            rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(syllables)
        )
        if word not in taken:
            taken.add(word)
            words.append(word)
    return words


def vocabulary(seed: int = 1, size: int = 6000) -> list[str]:
    """Words by rank (most frequent first): function words, then the rest, with each domain
    word at its own rank spread log-evenly from ~30 to ~3000."""
    rng = random.Random(seed)
    taken = set(FUNCTION_WORDS) | set(DOMAIN_WORDS)
    rest = _pseudo_words(rng, size - len(taken), taken)
    words = FUNCTION_WORDS + rest
    span = len(DOMAIN_WORDS)
    for i, word in enumerate(DOMAIN_WORDS):
        rank = int(30 * (100 ** (i / max(span - 1, 1))))  # 30 … 3000
        words.insert(min(rank + rng.randint(0, 9), len(words)), word)
    return words


class Writer:
    """Sentences and notes drawn from the vocabulary with Zipf weights (1 / rank^s)."""

    def __init__(self, seed: int = 1, size: int = 6000) -> None:
        self.rng = random.Random(seed * 7919)
        self.words = vocabulary(seed, size)
        weights = [1 / (rank**ZIPF_S) for rank in range(1, len(self.words) + 1)]
        self.cumulative = list(itertools.accumulate(weights))

    def _word(self) -> str:
        at = self.rng.random() * self.cumulative[-1]
        return self.words[bisect.bisect(self.cumulative, at)]

    def sentence(self) -> str:
        words = [self._word() for _ in range(self.rng.randint(5, 16))]
        if self.rng.random() < 0.08:
            words.insert(self.rng.randint(0, len(words)), self.rng.choice(PHRASES))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def note(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 5)))
