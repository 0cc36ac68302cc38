#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz tests (tests/fuzz.rs) into tests/fuzz/corpus/:
small, valid inputs of every decoder that takes outside bytes, which the fuzzer
mutates (GraphML, GEXF and PRSM seeds are copied from tests/fixtures/foreign/). Run from the repository root: python3 scripts/fuzz_corpus.py
(openpyxl writes the workbook)."""
import base64, io, json, pathlib, zlib

import openpyxl

ROOT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fuzz" / "corpus"

MAP = {
    "format": "simpul-map", "version": 1, "title": "Bank Sampah <b>Melati</b>",
    "description": "=HYPERLINK(\"http://example.invalid\",\"klik\")",
    "sectors": [{"id": "env", "name": "Lingkungan", "color": "#2a9d8f"}, {"id": "edu", "name": "Pendidikan"}],
    "stakeholders": [
        {"id": "dlh", "name": "Dinas Lingkungan Hidup", "kind": "government", "sectors": ["env"],
         "power": 5, "interest": 4, "stance": 1, "resources": ["funding", "regulation"], "x": 10.5, "y": -3, "pinned": True},
        {"id": "bank", "name": "Bank Sampah <script>alert(1)</script>", "kind": "community", "sectors": ["env", "edu"],
         "power": 1, "interest": 5, "notes": "+62 812\u0000\u202e"},
        {"id": "sd", "name": "SD Negeri 1", "kind": "academia", "sectors": ["edu"]},
    ],
    "links": [
        {"id": "l1", "from": "dlh", "to": "bank", "kind": "funding", "directed": True, "strength": 3},
        {"id": "l2", "from": "bank", "to": "sd", "kind": "information", "notes": "@SUM(A1)"},
    ],
}


def write(kind, name, data):
    path = ROOT / kind / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def share_fragment(value):
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = deflate.compress(json.dumps(value, ensure_ascii=False).encode()) + deflate.flush()
    return "#m=" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def main():
    write("map", "hostile.simpul.json", json.dumps(MAP, ensure_ascii=False, indent=1))
    write("map", "minimal.simpul.json", json.dumps({"format": "simpul-map", "version": 1, "title": "", "stakeholders": [], "links": []}))
    write("share", "hostile.txt", share_fragment(MAP))
    write("share", "minimal.txt", share_fragment({"format": "simpul-map", "version": 1, "title": "x", "stakeholders": [], "links": []}))
    write("csv", "stakeholders.csv", "Label,Type,Description,Tags,Power,Interest,Stance\n"
          "Dinas Lingkungan Hidup,Dinas,\"Kota, Jakarta\",Lingkungan|Pendidikan,5,4,1\n"
          "=HYPERLINK(\"x\"),Komunitas,,,1,5,-2\n")
    write("csv", "links.csv", "From;To;Type;Direction;Strength\nDinas Lingkungan Hidup;Bank Sampah;Pendanaan;directed;3\n")
    write("csv", "indonesian.tsv", "Nama\tJenis\tPengaruh\tKepentingan\nPuskesmas\tPemerintah\t4\t3\n")

    book = openpyxl.Workbook()
    elements = book.active
    elements.title = "Elements"
    elements.append(["Label", "Type", "Description", "Tags"])
    elements.append(["Dinas Kesehatan", "Government", "Kabupaten", "Kesehatan"])
    elements.append(["Posyandu Mawar", "Community", "<i>ibu</i>", "Kesehatan|Gizi"])
    connections = book.create_sheet("Connections")
    connections.append(["From", "To", "Type", "Direction"])
    connections.append(["Dinas Kesehatan", "Posyandu Mawar", "Funding", "directed"])
    buffer = io.BytesIO()
    book.save(buffer)
    write("xlsx", "kumu-style.xlsx", buffer.getvalue())

    write("kumu", "blueprint.json", json.dumps({
        "elements": [{"label": "Dinas", "type": "Government", "tags": ["Kesehatan"], "description": "x"},
                     {"label": "Warga", "attributes": {"element type": "Community"}}],
        "connections": [{"from": "Dinas", "to": "Warga", "type": "Funding", "direction": "directed"}],
    }))
    backup = {"format": "simpul-backup", "version": 1, "saved_ms": 1795432123038.0, "maps": [MAP, {"format": "simpul-map", "version": 1, "title": "Kosong", "stakeholders": [], "links": []}]}
    write("backup", "two-maps.json", json.dumps(backup, ensure_ascii=False))
    entry = {"schema": 1, "revision": 3, "saved_ms": 1795432123038.0, "map": MAP}
    write("storage", "entry.json", json.dumps(entry, ensure_ascii=False))
    # As Simpul writes an entry (compact, its head first): the page reads such an
    # entry's map in steps.
    write("storage", "entry-as-written.json", json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
    # Other tools' files, small: the fixtures that scripts/foreign_files.py (and
    # scripts/prsm_compress.mjs) write from networkx, yEd's, Gephi's and PRSM's formats.
    foreign = ROOT.parent.parent / "fixtures" / "foreign"
    for kind, names in [("graphml", ["networkx.graphml", "yed.graphml"]),
                        ("gexf", ["networkx.gexf", "gephi.gexf", "gephi-0.7.gexf"]),
                        ("prsm", ["madani.prsm", "sanitasi-v1.prsm", "madani.json"])]:
        for name in names:
            write(kind, name, (foreign / name).read_bytes())


if __name__ == "__main__":
    main()
