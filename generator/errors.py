"""Located, Vietnamese problem reports shared by loading, validation and the CLI."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    location: Location
    message: str
    warning: bool = False  # builds anyway; fails only `check --strict`

    def __str__(self) -> str:
        kind = "cảnh báo: " if self.warning else ""
        return f"{self.location}: {kind}{self.message}"


@dataclass
class Problems:
    """Collects every problem so a run can report all of them, not just the first."""

    items: list[Problem] = field(default_factory=list)

    def add(self, location: Location, message: str, *, warning: bool = False) -> None:
        self.items.append(Problem(location, message, warning))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))


def summary(problems: list[Problem]) -> str:
    """"3 lỗi, 5 cảnh báo trong 2 tệp"."""
    warnings = sum(p.warning for p in problems)
    files = len({p.location.path for p in problems})
    return f"{len(problems) - warnings} lỗi, {warnings} cảnh báo trong {files} tệp"


class InvalidProject(Exception):
    """Raised when the data cannot be built; carries every problem found.

    `warnings` are those found alongside, so one run can report both.
    """

    def __init__(self, problems: Problems, warnings: Problems | None = None) -> None:
        self.problems = problems
        self.warnings = warnings or Problems()
        super().__init__("\n".join(str(p) for p in problems.sorted()))

    def __reduce__(self) -> tuple[type[InvalidProject], tuple[Problems, Problems]]:
        # A render worker sends its failure to the build as a pickle.
        return InvalidProject, (self.problems, self.warnings)


def relative(path: Path, root: Path) -> str:
    """Paths in messages are relative to the project, so they read the same everywhere; a
    symlink is named as it stands in the project, not by where it leads."""
    for candidate in (Path(os.path.abspath(path)), path.resolve()):
        try:
            return candidate.relative_to(root.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


class LoggedErrors(logging.Handler):
    """The errors a library logged instead of raising (Pelican does), to report them."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
