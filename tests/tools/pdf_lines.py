#!/usr/bin/env python3
"""Prints, as JSON, the lines of text on each page of each PDF given: one
list of pages per file, each page a list of its lines' texts from the top,
the page number's line left out. What the workbench's paged preview is
compared with (tests/cli/preview.rs).

usage: pdf_lines.py PDF [PDF ...]
"""
import json
import sys

import pdfplumber

MM = 72 / 25.4
FOOTER = 262.0  # the text block's bottom edge, in mm from the top


def page_lines(page):
    rows = {}
    for char in page.chars:
        if char["bottom"] / MM > FOOTER + 2:
            continue
        key = round(char["bottom"] / MM * 2)
        rows.setdefault(key, []).append(char)
    return [
        "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]))
        for _, chars in sorted(rows.items())
    ]


def main():
    out = []
    for path in sys.argv[1:]:
        with pdfplumber.open(path) as pdf:
            out.append([page_lines(page) for page in pdf.pages])
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
