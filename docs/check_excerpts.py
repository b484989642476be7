#!/usr/bin/env python3
"""Checks that code shown in lesson READMEs is the real code.

Sources mark a region with a pair of comment lines:

    // [begin say-hello]
    ...the lines shown...
    // [end say-hello]

and a README quotes it with the line

    <!-- excerpt: solution/server.cc say-hello -->

followed by a fenced code block holding exactly those lines (the path is
relative to the lesson folder). Every source file of the given folders is
checked too: each region opens once and closes once, regions do not overlap,
and a region's braces balance, so that no excerpt can show a function cut
before its closing brace. A README may not draw with mermaid: Doxygen 1.9
shows a mermaid block as code, so its diagrams are text diagrams instead.

Usage: check_excerpts.py [--update] FOLDER...   (--update rewrites the blocks)
"""
import pathlib
import re
import sys

MARKER = re.compile(r"^\s*// \[(begin|end) ([a-z0-9-]+)\]\s*$")
EXCERPT = re.compile(r"^<!-- excerpt: (\S+) (\S+) -->$")
SOURCE_SUFFIXES = {".h", ".cc", ".proto", ".py", ".go"}


def braces_balance(lines):
    """True when { and } pair up in `lines`, ignoring string literals and
    // comments (enough for the workbook's own code)."""
    depth = 0
    for line in lines:
        code = re.sub(r'"(\\.|[^"\\])*"' + r"|'(\\.|[^'\\])*'", '""', line)
        code = code.split("//", 1)[0]
        for char in code:
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth < 0:
                return False
    return depth == 0


def regions(path):
    """The regions of a source file as {name: [lines]}; raises ValueError
    naming the first broken marker."""
    found, open_name, body = {}, None, []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        match = MARKER.match(line)
        if not match:
            if open_name:
                body.append(line)
            continue
        kind, name = match.groups()
        where = f"{path}:{number}"
        if kind == "begin":
            if open_name:
                raise ValueError(f"{where}: region '{name}' begins inside region '{open_name}'")
            if name in found:
                raise ValueError(f"{where}: region '{name}' is marked twice")
            open_name, body = name, []
        else:
            if open_name != name:
                raise ValueError(f"{where}: '[end {name}]' without a matching '[begin {name}]'")
            if not braces_balance(body):
                raise ValueError(f"{where}: region '{name}' cuts a block: its braces do not balance")
            found[name], open_name = body, None
    if open_name:
        raise ValueError(f"{path}: region '{open_name}' never ends")
    return found


def render(readme):
    """The README with every excerpt block replaced by its source region."""
    out, lines, index = [], readme.read_text().splitlines(), 0
    for number, line in enumerate(lines, 1):
        if line.startswith("```mermaid"):
            raise ValueError(f"{readme}:{number}: a mermaid diagram shows as code on the site: "
                             "draw it as a ```text diagram, as lessons 01-04 do")
    while index < len(lines):
        line = lines[index]
        out.append(line)
        index += 1
        match = EXCERPT.match(line)
        if not match:
            continue
        path, name = match.groups()
        if index >= len(lines) or not lines[index].startswith("```"):
            raise ValueError(f"{readme}: excerpt {path} {name} is not followed by a code block")
        source = readme.parent / path
        if not source.is_file():
            raise ValueError(f"{readme}: excerpt source {source} does not exist")
        found = regions(source)
        if name not in found:
            raise ValueError(f"{readme}: no region '{name}' in {source}")
        out.append(lines[index])  # the opening fence, with its language
        out.extend(found[name])
        out.append("```")
        index += 1
        while index < len(lines) and lines[index] != "```":
            index += 1
        index += 1  # past the closing fence
    return "\n".join(out) + "\n"


def main(args):
    update = bool(args) and args[0] == "--update"
    folders = [pathlib.Path(a) for a in (args[1:] if update else args)]
    failures = []
    for folder in folders:
        for source in sorted(folder.rglob("*")):
            if source.suffix in SOURCE_SUFFIXES and source.is_file():
                try:
                    regions(source)
                except ValueError as error:
                    failures.append(str(error))
        readme = folder / "README.md"
        if not readme.is_file():
            continue
        try:
            expected = render(readme)
        except ValueError as error:
            failures.append(str(error))
            continue
        if update:
            readme.write_text(expected)
        elif readme.read_text() != expected:
            failures.append(f"{readme}: a code excerpt no longer matches its source "
                            f"(docs/check_excerpts.py --update {folder})")
    for failure in dict.fromkeys(failures):  # each once, in order
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
