"""Priorities ("p1", "high priority", "urgent") and tags ("#work", "tagged work and home").

p1 = high, p2 = medium, p3 = low, p4 = none (Todoist's order). "urgent"/"important" only count
at the edges of a task ("urgent: call the bank", "call the bank, it's urgent") so "review the
important documents" keeps its title. Tags are lower-cased ``[a-z0-9_-]`` words and must start
with a letter: "#2" is not a tag (it stays in titles; in references it means "the second one").
"""

from __future__ import annotations

import re

from .model import Priority
from .text import Scanner, Span

_F = re.IGNORECASE
P_CODES: dict[str, Priority] = {"1": "high", "2": "medium", "3": "low", "4": "none"}
LEVELS: dict[str, Priority] = {
    "high": "high",
    "top": "high",
    "highest": "high",
    "urgent": "high",
    "important": "high",
    "medium": "medium",
    "normal": "medium",
    "mid": "medium",
    "moderate": "medium",
    "low": "low",
    "lowest": "low",
    "no": "none",
    "none": "none",
}
LEVEL_RE = r"high|highest|top|medium|normal|mid|moderate|low|lowest"

_P_CODE = re.compile(r"(?<![\w#])(?:priority\s+)?[pP](?P<n>[1-4])\b")
_LEVEL = re.compile(
    rf"(?:,?\s*(?:with|at|as|is)\s+)?(?:(?:a|an)\s+)?\b(?P<lvl>{LEVEL_RE}|no)[\s-]+(?:priority|prio|pri)\b"
    rf"|\b(?:with\s+)?(?:priority|prio)(?:\s*[:=]|\s+(?:is|of|to))?\s+(?P<lvl2>{LEVEL_RE}|none|[1-4])\b",
    _F,
)
_EDGE_URGENT = re.compile(
    r"^\s*[(\[]?(?P<w>urgent|important|asap)[)\]]?\s*(?:[:!\-–—]+|\s)\s*(?=\S)"
    r"|(?:[,;\-–—]?\s*(?:(?:it's|it\s+is|this\s+is|that's)\s+)?(?:very\s+|really\s+|super\s+)?)"
    r"[(\[]?(?P<w2>urgent|important|asap)[)\]]?\s*!*\s*$"
    r"|\s*!!!+\s*$",
    _F,
)
_HASHTAG = re.compile(r"(?<![\w&#/])#(?P<tag>[A-Za-z][\w-]{0,63})\b")
TAG_WORD = r"[A-Za-z][\w-]{0,63}"
_TAG_PHRASE = re.compile(
    rf"(?:,?\s*\b(?:and\s+)?(?:tag(?:ged)?(?:\s+it)?(?:\s+(?:as|with))?|with\s+(?:the\s+)?tags?|labell?ed"
    r"|give\s+(?:it|them)\s+(?:the\s+)?tags?)"
    rf"\s*:?\s+)(?P<list>#?{TAG_WORD}(?:\s*(?:,\s*and|,|and|&)\s*#?{TAG_WORD})*)",
    _F,
)
_SPLIT_TAGS = re.compile(r"\s*(?:,\s*and|,|\band\b|&)\s*", _F)


def clean_tag(word: str) -> str:
    """The canonical form of a tag: lower case, no '#', only [a-z0-9_-]."""
    return re.sub(r"[^a-z0-9_-]", "", word.lower().lstrip("#"))[:64]


def tag_list(text: str) -> tuple[str, ...]:
    """Tags from "work, home and #errands" (order kept, duplicates dropped)."""
    out: list[str] = []
    for word in _SPLIT_TAGS.split(text.strip()):
        tag = clean_tag(word)
        if tag and tag not in out:
            out.append(tag)
    return tuple(out)


def level(word: str) -> Priority | None:
    """The priority for "high", "p2", "2", "urgent"."""
    word = word.lower().strip()
    if word.startswith("p") and word[1:] in P_CODES:
        return P_CODES[word[1:]]
    if word in P_CODES:
        return P_CODES[word]
    return LEVELS.get(word)


def extract_priority(scan: Scanner) -> tuple[Priority | None, list[Span]]:
    """Find one priority cue and consume it."""
    m = scan.search(_P_CODE)
    if m:
        scan.consume(*m.span())
        return P_CODES[m["n"]], [m.span()]
    m = scan.search(_LEVEL)
    if m:
        scan.consume(*m.span())
        return level(m["lvl"] or m["lvl2"]), [m.span()]
    m = scan.search(_EDGE_URGENT)
    if m and scan.remaining() != (m["w"] or m["w2"] or "!!!"):
        scan.consume(*m.span())
        return "high", [m.span()]
    return None, []


def extract_tags(scan: Scanner) -> tuple[tuple[str, ...], list[Span]]:
    """Find '#tags' and "tagged a and b" phrases and consume them."""
    tags: list[str] = []
    spans: list[Span] = []
    for m in list(scan.finditer(_TAG_PHRASE)):
        spans.append(m.span())
        tags.extend(tag_list(m["list"]))
    for start, end in spans:
        scan.consume(start, end)
    for m in list(scan.finditer(_HASHTAG)):
        tag = clean_tag(m["tag"])
        if tag:
            tags.append(tag)
            scan.consume(*m.span())
            spans.append(m.span())
    return tuple(dict.fromkeys(tags)), spans
