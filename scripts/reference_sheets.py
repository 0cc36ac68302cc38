"""Reference reading of the Kumu sample workbooks, by openpyxl (independent of
Simpul's reader), for tests/spreadsheet.rs: every element label and every
connection's ends, row by row.

    pip install openpyxl && python3 scripts/reference_sheets.py
"""
import json
import pathlib

import openpyxl

root = pathlib.Path(__file__).resolve().parent.parent
samples = root / "tests" / "fixtures" / "kumu"
out = root / "tests" / "fixtures" / "sheets"
out.mkdir(parents=True, exist_ok=True)


def text(value):
    return "" if value is None else str(value).strip()


for path in sorted(samples.glob("*.xlsx")):
    book = openpyxl.load_workbook(path, read_only=True)
    elements = book["Elements"].iter_rows(values_only=True)
    header = [text(h) for h in next(elements)]
    label = header.index("Label")
    labels = [text(row[label]) for row in elements if text(row[label])]
    connections = book["Connections"].iter_rows(values_only=True)
    header = [text(h) for h in next(connections)]
    a, b = header.index("From"), header.index("To")
    pairs = [[text(row[a]), text(row[b])] for row in connections if text(row[a]) or text(row[b])]
    reference = {"openpyxl": openpyxl.__version__, "elements": labels, "connections": pairs}
    (out / f"{path.stem}.json").write_text(json.dumps(reference, ensure_ascii=False, indent=1) + "\n")
    print(path.name, len(labels), "elements", len(pairs), "connections")
