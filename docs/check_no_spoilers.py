#!/usr/bin/env python3
"""Fails when the documentation site gives away a solution.

An answer is a line that only solution/ folders hold: at least 25 characters
long after trimming, not a comment, and found in no other source of the
workbook, not even inside a line (stubs, given code, tests, hints, READMEs). None may appear in any
page or file of the site, and no site path may contain a solution/ folder.

Usage: check_no_spoilers.py HTML_DIR SOURCE_ROOT LESSON...
"""
import html
import pathlib
import re
import sys

MIN_LENGTH = 25


def lines_of(path):
    return {line.strip() for line in path.read_text(errors="replace").splitlines()}


def answer_lines(root, lessons):
    """{line: solution file} for the lines only the solutions hold."""
    elsewhere = []  # every other source, trimmed line by line, as one text
    for folder in [root / "common", root / "docs"] + [root / l for l in lessons]:
        for path in folder.rglob("*"):
            if path.is_file() and "solution" not in path.relative_to(root).parts:
                elsewhere.extend(lines_of(path))
    elsewhere = "\n".join(elsewhere)
    answers = {}
    for lesson in lessons:
        for solution in sorted((root / lesson / "solution").glob("*")):
            for line in lines_of(solution):
                if len(line) >= MIN_LENGTH and not line.startswith("//") and line not in elsewhere:
                    answers[line] = solution
    return answers


def page_text(path):
    """What a reader sees of a file: HTML without its tags (Doxygen wraps
    every token of a code block in a span), entities decoded, lines trimmed."""
    text = path.read_text(errors="replace")
    if path.suffix in {".html", ".js"}:
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return "\n".join(line.strip() for line in text.splitlines())


def main(html_dir, root, lessons):
    site = pathlib.Path(html_dir)
    pages = {p: page_text(p) for p in site.rglob("*")
             if p.is_file() and p.suffix in {".html", ".js", ".cc", ".h", ".md"}}
    failures = [f"{p}: the site holds a solution file" for p in site.rglob("*")
                if "solution" in p.relative_to(site).parts]
    for line, solution in answer_lines(pathlib.Path(root), lessons).items():
        for page, text in pages.items():
            if line in text:
                failures.append(f"{page}: shows a line of {solution}: {line}")
    for failure in failures[:20]:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
