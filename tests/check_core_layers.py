#!/usr/bin/env python3
"""Checks that core/src keeps its layering: a file includes private headers only from its own
folder or from folders listed before it (the order in core/CMakeLists.txt), and core/ has no Qt.
Prints each violation as `file: includes header (folder A may not use folder B)`."""
import pathlib
import re
import sys

ORDER = ["support", "text", "corpus", "data", "formats", "hub", "engine"]
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]', re.M)


def main() -> int:
    core = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "core")
    src = core / "src"
    problems = []
    files = sorted(p for p in core.rglob("*") if p.suffix in (".cpp", ".h"))
    if not any(p.parent.parent == src for p in files):
        problems.append(f"{src}: no sources found in its folders")
    for path in files:
        text = path.read_text(encoding="utf-8")
        for header in INCLUDE.findall(text):
            if header.startswith(("Q", "qt")) or header.startswith("Qt"):
                problems.append(f"{path}: includes {header} (the core is free of Qt)")
        if path.parent.parent != src:
            continue
        folder = path.parent.name
        if folder not in ORDER:
            problems.append(f"{path}: folder {folder} is not in the layer order {ORDER}")
            continue
        for header in INCLUDE.findall(text):
            used = header.split("/")[0] if "/" in header else None
            if used is None or used == "masklab" or not (src / header).exists():
                continue
            if used not in ORDER:
                problems.append(f"{path}: includes {header} from an unknown folder")
            elif ORDER.index(used) > ORDER.index(folder):
                problems.append(f"{path}: includes {header} ({folder} may not use {used})")
        for header in INCLUDE.findall(text):
            if "/" not in header and header.endswith(".h") and (path.parent / header).exists():
                problems.append(f"{path}: includes {header} without its folder")
    for line in problems:
        print(line)
    print(f"{len(files)} files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
