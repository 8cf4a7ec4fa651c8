"""Finding duplicates: contacts already in the journal or earlier in the same file.

Close names at the same company email domain are only listed, for a person to review.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from peewee import chunked

from ..models import Note, Person, PersonTag, Tag
from ..progress import Progress, report
from .merge import Draft, key, merge_into
from .model import Contact, tidy

SIMILAR = 0.8
MAX_CANDIDATES = 50
MAX_COMPARISONS = 100_000
MAX_LISTED = 500
PROGRESS_EVERY = 200  # contacts matched between two progress reports


@dataclass(frozen=True)
class Match:
    """One contact of the file that turned out to be a person seen before."""

    contact: Contact
    draft: Draft
    filled: tuple[str, ...]

    @property
    def source_ref(self) -> str:
        return self.contact.source_ref


@dataclass
class Plan:
    """What an import will do: every person it touches (file order), merges, close names."""

    drafts: list[Draft] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    near: list[tuple[Draft, Draft]] = field(default_factory=list)


class _Index:
    """Who is who: a contact is the person who has one of its emails (case-insensitive), or has
    the same name and company; a contact without a company is the first person of that name.
    """

    def __init__(self) -> None:
        self.by_email: dict[str, Draft] = {}
        self.by_name: dict[tuple[str, str], Draft] = {}
        self.first_named: dict[str, Draft] = {}

    def add(self, draft: Draft, old_company: str | None = None) -> None:
        if old_company is not None and old_company != draft.company:
            stale = (key(draft.name), key(old_company))
            if self.by_name.get(stale) is draft:
                del self.by_name[stale]
        for email in draft.emails:
            self.by_email.setdefault(key(email), draft)
        self.by_name.setdefault((key(draft.name), key(draft.company)), draft)
        self.first_named.setdefault(key(draft.name), draft)

    def claimable(self, contact: Contact, draft: Draft) -> Contact:
        """The contact without what belongs to someone else than `draft`: emails another person
        has, and a company that would make `draft` one of two people of that name and company
        (a second import would then match the other one)."""
        emails = tuple(e for e in contact.emails if self.by_email.get(key(e), draft) is draft)
        company = contact.company
        if company and not draft.company:
            other = self.by_name.get((key(draft.name), key(company)))
            if other is not None and other is not draft:
                company = ""
        if (emails, company) == (contact.emails, contact.company):
            return contact
        return replace(contact, emails=emails, company=company)

    def find(self, contact: Contact) -> Draft | None:
        for email in contact.emails:
            if key(email) in self.by_email:
                return self.by_email[key(email)]
        found = self.by_name.get((key(contact.name), key(contact.company)))
        if found is None and not contact.company:
            found = self.first_named.get(key(contact.name))
        return found


def existing_people() -> list[Draft]:
    """Every live person of the journal as a draft, in two queries."""
    tags: dict[int, list[str]] = defaultdict(list)
    for person_id, name in PersonTag.select(PersonTag.person, Tag.name).join(Tag).tuples():
        tags[person_id].append(name)
    p = Person
    query = (
        p.select(p.id, p.name, p.company, p.role, p.location, p.how_we_met, p.met_on, p.emails)
        .select_extend(p.phones)
        .where(p.trashed_at.is_null())
        .order_by(p.id)
        .tuples()
    )
    return [
        Draft(*row[1:], phones=phones, tags=tags.get(row[0], []), person_id=row[0])
        for *row, phones in query
    ]


def plan(contacts: Sequence[Contact], progress: Progress | None = None) -> Plan:
    """Match each contact to a person already in the journal or earlier in the file;
    `progress` hears (contacts matched, contacts in all)."""
    index = _Index()
    for draft in existing_people():
        index.add(draft)
    result = Plan()
    touched: set[int] = set()
    total = len(contacts) + 1
    for done, contact in enumerate(map(tidy, contacts)):
        if done % PROGRESS_EVERY == 0:
            report(progress, done, total)
        draft = index.find(contact)
        old_company = None
        if draft is None:
            draft = Draft.of(contact)
        else:
            old_company = draft.company
            filled = merge_into(draft, index.claimable(contact, draft))
            result.matches.append(Match(contact, draft, filled))
        if id(draft) not in touched:
            touched.add(id(draft))
            result.drafts.append(draft)
        index.add(draft, old_company)
    _drop_known_notes(result)
    result.near = near_duplicates(result.drafts, index)
    report(progress, total, total)
    return result


def _drop_known_notes(result: Plan) -> None:
    """A note the person already has is not written again (importing a file twice)."""
    waiting = {d.person_id: d for d in result.drafts if d.person_id and d.notes}
    known: set[tuple[int, str]] = set()
    for chunk in chunked(list(waiting), 500):
        query = Note.select(Note.person, Note.body).where(Note.person.in_(chunk)).tuples()
        known.update((pid, body.strip()) for pid, body in query)
    for pid, draft in waiting.items():
        draft.notes = [n for n in draft.notes if (pid, n) not in known]
        if not draft.notes and "note" in draft.changed:
            draft.changed.remove("note")
    matches = []
    for m in result.matches:
        if "note" in m.filled and m.draft.person_id and m.contact.note.strip() not in m.draft.notes:
            m = Match(m.contact, m.draft, tuple(f for f in m.filled if f != "note"))
        matches.append(m)
    result.matches = matches


def similar(a: str, b: str) -> bool:
    """Names close enough to be the same person written differently (difflib ratio >= 0.8)."""
    return _close(difflib.SequenceMatcher(None, key(a), key(b)))


def _close(matcher: difflib.SequenceMatcher[str]) -> bool:
    return (
        matcher.real_quick_ratio() >= SIMILAR
        and matcher.quick_ratio() >= SIMILAR
        and matcher.ratio() >= SIMILAR
    )


def near_duplicates(drafts: list[Draft], index: _Index) -> list[tuple[Draft, Draft]]:
    """Pairs (new person, another person) at the same company email domain with close names.

    To stay fast on large files, only names sharing a word are compared ("Jon Smith" and
    "John Smith", not "Jon Smyth"), at most MAX_CANDIDATES people per domain and word, at most
    MAX_COMPARISONS names in all, and at most MAX_LISTED pairs are listed.
    """
    blocks: dict[tuple[str, str], list[Draft]] = defaultdict(list)
    for draft in dict.fromkeys(index.by_email.values()):
        for domain in draft.domains:
            for word in set(key(draft.name).split()):
                blocks[domain, word].append(draft)
    pairs: list[tuple[Draft, Draft]] = []
    seen: set[frozenset[int]] = set()
    matcher: difflib.SequenceMatcher[str] = difflib.SequenceMatcher(None)
    budget = MAX_COMPARISONS
    for draft in drafts:
        if not draft.is_new or not draft.domains:
            continue
        matcher.set_seq2(key(draft.name))
        words = sorted(set(key(draft.name).split()))
        candidates = dict.fromkeys(
            other
            for domain in sorted(draft.domains)
            for word in words
            for other in blocks[domain, word][:MAX_CANDIDATES]
        )
        for other in candidates:
            pair = frozenset((id(draft), id(other)))
            if other is draft or pair in seen:
                continue
            budget -= 1
            matcher.set_seq1(key(other.name))
            if _close(matcher):
                seen.add(pair)
                pairs.append((draft, other))
            if budget <= 0 or len(pairs) >= MAX_LISTED:
                return pairs
    return pairs
