"""Agency cells of an imported plan matched to the province's organisations.

A name that matches none becomes a proposed organisation (written to its own file,
marked for review) so the imported plan passes `check` as it is, and the summary lists
it with the closest known names. The cell itself is written as the document wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..data.models import Level, Organisation
from ..reading.agency_names import NameIndex, words
from ..reading.vietnamese import slugify

_BULLET = re.compile(r"^[-–+•]\s*")
# First words that tell a proposed body's kind; anything else is a unit (don-vi).
_LEVELS = (("cac", Level.NHOM), ("ubnd cac", Level.NHOM), ("uy ban nhan dan cac", Level.NHOM),
           ("so", Level.SO), ("ubnd huyen", Level.HUYEN), ("ubnd thanh pho", Level.HUYEN),
           ("ubnd xa", Level.XA), ("bo", Level.TRUNG_UONG))


def cell_text(text: str) -> str:
    """One line per body in Word ("- Phòng A" / "- Phòng B") → "Phòng A; Phòng B"."""
    lines = [_BULLET.sub("", line).strip().rstrip(";,") for line in text.split("\n")]
    return "; ".join(line for line in lines if line)


@dataclass
class Proposal:
    organisation: Organisation
    suggestions: tuple[str, ...]
    seen_in: list[str] = field(default_factory=list)  # where the name was met


@dataclass
class AgencyMatcher:
    """Reads agency cells of one province, collecting proposals for unknown names."""

    province_code: str
    known: list[Organisation]
    provinces: dict[str, str]
    proposals: dict[tuple[str, ...], Proposal] = field(default_factory=dict)
    matched: set[str] = field(default_factory=set)
    cells: int = 0

    def __post_init__(self) -> None:
        self.index = NameIndex(self.known, self.provinces)

    def read(self, text: str, where: str) -> tuple[list[str], list[str]]:
        """(ids of bodies named, doubts); unknown names become proposals."""
        self.cells += 1
        reading = self.index.read(text)
        self.matched.update(reading.orgs)
        doubts = []
        for unknown in reading.unknown:
            self.propose(unknown.text, where)
        for piece, ids in reading.ambiguous:
            doubts.append(f"“{piece}” là tên của nhiều cơ quan ({', '.join(ids)}); đã ghi mã "
                          f"{ids[0]}, hãy kiểm tra")
        chosen = reading.orgs + [ids[0] for _, ids in reading.ambiguous]
        return (chosen if reading.ambiguous else []), doubts

    def propose(self, name: str, where: str) -> Proposal:
        """A new organisation for a name no known one has (one per name, however often met)."""
        key = words(name)
        if key not in self.proposals:
            taken = {o.id for o in self.known} | {p.organisation.id for p in self.proposals.values()}
            base = f"{self.province_code}-{slugify(name)}"[:72].rstrip("-")
            org_id, n = base, 1
            while org_id in taken:
                n += 1
                org_id = f"{base}-{n}"
            self.proposals[key] = Proposal(Organisation(id=org_id, name=name, level=_level(key)),
                                           self.index.suggest(name))
        self.proposals[key].seen_in.append(where)
        return self.proposals[key]


def _level(key: tuple[str, ...]) -> Level:
    text = " ".join(key)
    return next((level for start, level in sorted(_LEVELS, key=lambda p: -len(p[0]))
                 if text == start or text.startswith(start + " ")), Level.DON_VI)
