#!/usr/bin/env python3
"""Reads each .docx with the readers other people use, and prints what each
makes of it and every failure.

usage: docx_readers.py FILE.docx [FILE.docx ...]

- docx2python and python-docx read every part (body, headers, footers)
  without an error, and python-docx finds the page numbers in the footers;
- pandoc (docx → Markdown) gives 一、 as #, （一） as ##, 1. as ###, one
  heading for each paragraph in Word's heading 1 to 4, and with -s the
  title as the document's title;
- mammoth maps heading 1 to 4 to h1 to h4 and warns about none of them
  (nor about Normal): only about our own styles, which no reader knows
  (Title, 主送机关, 附件, 附件标识, 附件标题, 署名, 成文日期, the run-in
  headings' 标题字符).

Needs docx2python, python-docx, mammoth and pandoc. Exit 0 when all is well.
"""
import re
import subprocess
import sys

import docx
import docx2python
import mammoth

OURS = re.compile(r"Unrecognised (paragraph|run) style: (Title|主送机关|附件|附件列表|附件标识|附件标题|署名|成文日期|[一二三]级标题字符) ")


def headings(document):
    """Word's heading level of each paragraph in heading 1 to 4, with its text."""
    found = []
    for paragraph in document.paragraphs:
        match = re.fullmatch(r"Heading ([1-4])", paragraph.style.name)
        if match:
            found.append((int(match.group(1)), paragraph.text))
    return found


def check(path):
    problems = []
    with docx2python.docx2python(path) as read:
        parts = {"body": read.body, "header": read.header, "footer": read.footer}
        if not read.text.strip():
            problems.append("docx2python: no text")
        if "— 1 —" not in str(parts["footer"]):
            problems.append(f"docx2python: no page number in the footers: {parts['footer']}")
    document = docx.Document(path)
    footers = [p.text for s in document.sections for f in (s.footer, s.even_page_footer) for p in f.paragraphs]
    if not any(re.fullmatch(r"— \d+ —", t) for t in footers):
        problems.append(f"python-docx: no page number in the footers: {footers}")
    wanted = headings(document)
    markdown = subprocess.run(["pandoc", path, "-t", "markdown-smart", "--wrap=none"], capture_output=True, text=True, check=True).stdout
    got = [(len(m.group(1)), m.group(2).strip()) for m in re.finditer(r"^(#{1,6}) (.*)$", markdown, re.M)]
    if got != wanted:
        problems.append(f"pandoc: headings {got}, not {wanted}")
    standalone = subprocess.run(["pandoc", "-s", path, "-t", "markdown-smart", "--wrap=none"], capture_output=True, text=True, check=True).stdout
    title = [p.text for p in document.paragraphs if p.style.name == "Title"]
    if title and not re.search(r"^title: ", standalone, re.M):
        problems.append("pandoc -s: no title")
    with open(path, "rb") as file:
        result = mammoth.convert_to_html(file)
    for level, text in wanted:
        if f"<h{level}>{text}</h{level}>" not in result.value.replace("\n", ""):
            problems.append(f"mammoth: “{text}” is not an h{level}")
    for message in result.messages:
        if not OURS.match(message.message):
            problems.append(f"mammoth: {message.message}")
    levels = sorted({level for level, _ in wanted})
    print(f"{path}: headings {levels} in pandoc and mammoth ({len(wanted)}), footers {sorted(set(footers))}, mammoth warned of {len(result.messages)} of our own styles")
    for problem in problems:
        print(f"  PROBLEM {problem}")
    return problems


def main(paths):
    if not paths:
        print(__doc__)
        return 2
    problems = [p for path in paths for p in check(path)]
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
