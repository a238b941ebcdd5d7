"""English pluralisation and singularisation for table names and generators."""

from __future__ import annotations

import re
from functools import cache

_UNCOUNTABLE = frozenset(
    """audio bison cattle chassis compensation coreopsis data deer education emoji equipment
    evidence feedback firmware fish furniture gold hardware information jedi kin knowledge love
    metadata money moose news nutrition offspring plankton pokemon police rain recommended
    related rice series sheep software species swine traffic wheat""".split()
)

_IRREGULAR = {
    "child": "children",
    "person": "people",
    "man": "men",
    "woman": "women",
    "tooth": "teeth",
    "foot": "feet",
    "mouse": "mice",
    "goose": "geese",
    "ox": "oxen",
    "leaf": "leaves",
    "life": "lives",
    "knife": "knives",
    "wife": "wives",
    "half": "halves",
    "criterion": "criteria",
    "phenomenon": "phenomena",
    "cactus": "cacti",
    "index": "indices",
    "matrix": "matrices",
    "vertex": "vertices",
    "analysis": "analyses",
    "crisis": "crises",
    "thesis": "theses",
    "move": "moves",
    "quiz": "quizzes",
    "zombie": "zombies",
    "genus": "genera",
    "radius": "radii",
}
_IRREGULAR_SINGULAR = {plural: singular for singular, plural in _IRREGULAR.items()}

_PLURAL_RULES = [
    (re.compile(r"(quiz)$", re.I), r"\1zes"),
    (re.compile(r"(matr|vert|ind)(ix|ex)$", re.I), r"\1ices"),
    (re.compile(r"(x|ch|ss|sh|zz)$", re.I), r"\1es"),
    (re.compile(r"([^aeiouy]|qu)y$", re.I), r"\1ies"),
    (re.compile(r"(hive)$", re.I), r"\1s"),
    (re.compile(r"(?:([^f])fe|([lr])f)$", re.I), r"\1\2ves"),
    (re.compile(r"sis$", re.I), "ses"),
    (re.compile(r"([ti])um$", re.I), r"\1a"),
    (re.compile(r"(buffal|tomat|potat|her|ech)o$", re.I), r"\1oes"),
    (re.compile(r"(bu|statu|campu|bonu|viru|alia)s$", re.I), r"\1ses"),
    (re.compile(r"(octop)us$", re.I), r"\1uses"),
    (re.compile(r"(alumn|bacill|fung|stimul)us$", re.I), r"\1i"),
    (re.compile(r"s$", re.I), "s"),
    (re.compile(r"$"), "s"),
]

_SINGULAR_RULES = [
    (re.compile(r"(quiz)zes$", re.I), r"\1"),
    (re.compile(r"(matr)ices$", re.I), r"\1ix"),
    (re.compile(r"(vert|ind)ices$", re.I), r"\1ex"),
    (re.compile(r"(alias|status|campus|bonus|virus|bus)es$", re.I), r"\1"),
    (re.compile(r"(octop)uses$", re.I), r"\1us"),
    (re.compile(r"(alumn|bacill|fung|stimul)i$", re.I), r"\1us"),
    (re.compile(r"(buffal|tomat|potat|her|ech)oes$", re.I), r"\1o"),
    (re.compile(r"(x|ch|ss|sh|zz)es$", re.I), r"\1"),
    (re.compile(r"([^aeiouy]|qu)ies$", re.I), r"\1y"),
    (re.compile(r"(hive)s$", re.I), r"\1"),
    (re.compile(r"([lr])ves$", re.I), r"\1f"),
    (re.compile(r"([^f])ves$", re.I), r"\1fe"),
    (re.compile(r"(analy|ba|diagno|parenthe|progno|synop|the|cri)ses$", re.I), r"\1sis"),
    (re.compile(r"([ti])a$", re.I), r"\1um"),
    (re.compile(r"(ss)$", re.I), r"\1"),
    (re.compile(r"(us)$", re.I), r"\1"),
    (re.compile(r"s$", re.I), ""),
]


def _match_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _split_last_word(value: str) -> tuple[str, str]:
    match = re.search(r"([A-Za-z]+)$", value)
    if not match:
        return value, ""
    word = match.group(1)
    # StudlyCase: only the last capitalised part is the noun (BlogPost -> Blog + Post).
    parts = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", word)
    last = parts[-1] if parts else word
    return value[: len(value) - len(last)], last


@cache
def plural(value: str) -> str:
    """Return the plural of the last word of ``value`` (``post`` → ``posts``, ``BlogPost`` → ``BlogPosts``)."""
    head, word = _split_last_word(value)
    if not word:
        return value
    lower = word.lower()
    if lower in _UNCOUNTABLE or lower in _IRREGULAR_SINGULAR:
        return value
    if lower in _IRREGULAR:
        return head + _match_case(word, _IRREGULAR[lower])
    for pattern, replacement in _PLURAL_RULES:
        if pattern.search(word):
            return head + _match_case(word, pattern.sub(replacement, word, count=1))
    return value  # pragma: no cover - the last rule always matches


@cache
def singular(value: str) -> str:
    """Return the singular of the last word of ``value`` (``categories`` → ``category``)."""
    head, word = _split_last_word(value)
    if not word:
        return value
    lower = word.lower()
    if lower in _UNCOUNTABLE or lower in _IRREGULAR:
        return value
    if lower in _IRREGULAR_SINGULAR:
        return head + _match_case(word, _IRREGULAR_SINGULAR[lower])
    for pattern, replacement in _SINGULAR_RULES:
        if pattern.search(word):
            return head + _match_case(word, pattern.sub(replacement, word, count=1))
    return value
