"""Writes the other tools' files that tests/foreign_files.rs and the end-to-end tests
import, into tests/fixtures/foreign/, with what each should read as
(expected.json): every node's name, every edge's ends and direction.

- networkx writes GraphML and GEXF (write_graphml, write_gexf), and the GML and
  Pajek files Simpul refuses by name;
- the yEd, Gephi, Gephi Lite, PRSM and Onodo files are written here from those
  formats' published descriptions (yEd's GraphML extension, GEXF 1.1–1.3, PRSM's
  save format, Onodo's and Gephi's CSV tables), with the quirks real files have:
  group nodes, undeclared namespaces, dynamic spells, labels with line breaks;
- PRSM 3's compressed file is made by scripts/prsm_compress.mjs, which runs the
  reference lz-string.

    pip install networkx && python3 scripts/foreign_files.py && node scripts/prsm_compress.mjs
"""
import json
import pathlib

import networkx as nx

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "tests" / "fixtures" / "foreign"
out.mkdir(parents=True, exist_ok=True)
expected = {}


def expect(name, nodes, edges, **more):
    """nodes: names in order; edges: (from name, to name, directed) in order."""
    expected[name] = {"nodes": nodes, "edges": [list(e) for e in edges], **more}


# --- networkx: an undirected partnership with typed attributes and float weights.
g = nx.Graph(name="Jakarta Bersih (networkx)")
people = [
    ("dlh", "Dinas Lingkungan Hidup", "government", 5),
    ("bank", "Bank Sampah Melati", "community", 2),
    ("ui", "Universitas Indonesia", "academia", 3),
    ("unilever", "Unilever Indonesia", "business", 4),
    ("kompas", "Kompas", "media", 3),
]
for node_id, label, kind, power in people:
    g.add_node(node_id, label=label, type=kind, power=power, budget=1.5 * power)
for a, b, w in [("dlh", "bank", 0.5), ("dlh", "ui", 2.0), ("unilever", "bank", 4.25), ("kompas", "dlh", 1.0)]:
    g.add_edge(a, b, weight=w, relationship="partnership")
nx.write_graphml(g, out / "networkx.graphml")
names = {n: d["label"] for n, d in g.nodes(data=True)}
expect(
    "networkx.graphml",
    [names[n] for n in g.nodes],
    [(names[a], names[b], False) for a, b in g.edges],
    weights_scaled=True,
)

# --- networkx: a directed funding network as GEXF, drawn (viz positions, colours, sizes).
d = nx.DiGraph()
for i, (node_id, label, kind, power) in enumerate(people):
    d.add_node(
        node_id,
        label=label,
        kind=kind,
        viz={"position": {"x": 100.0 * i, "y": 50.0 * (i % 2), "z": 0.0},
             "color": {"r": 30 * i, "g": 100, "b": 200, "a": 1.0}, "size": 10.0 + 5 * i},
    )
for a, b in [("unilever", "bank"), ("dlh", "bank"), ("dlh", "ui"), ("bank", "dlh")]:
    d.add_edge(a, b, weight=2)
nx.write_gexf(d, out / "networkx.gexf", version="1.2draft")
expect("networkx.gexf", [names[n] for n in d.nodes], [(names[a], names[b], True) for a, b in d.edges])

# --- Refused by name.
nx.write_gml(g, out / "network.gml")
nx.write_pajek(g, out / "network.net")
(out / "network.dot").write_text('digraph partners {\n  "Dinas" -> "Warga";\n}\n')
(out / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
(out / "map.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
(out / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(24))
(out / "other.xml").write_text('<?xml version="1.0"?>\n<project><task/></project>\n')

# --- yEd: group nodes with nested graphs (ids n0::n1), shape nodes with labels,
# geometry and fill, edge labels, and a self-loop.
YED_HEAD = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:java="http://www.yworks.com/xml/yfiles-common/1.0/java" xmlns:sys="http://www.yworks.com/xml/yfiles-common/markup/primitives/2.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
  <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
  <key for="port" id="d1" yfiles.type="portgraphics"/>
  <key attr.name="url" attr.type="string" for="node" id="d3"/>
  <key attr.name="description" attr.type="string" for="node" id="d4"/>
  <key for="node" id="d5" yfiles.type="nodegraphics"/>
  <key attr.name="description" attr.type="string" for="edge" id="d8"/>
  <key for="edge" id="d9" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <data key="d0" xml:space="preserve"><![CDATA[Drawn in yEd]]></data>
"""


def yed_node(node_id, label, x, y, colour, note=""):
    description = f'<data key="d4" xml:space="preserve"><![CDATA[{note}]]></data>' if note else ""
    return f"""      <node id="{node_id}">
        {description}
        <data key="d5">
          <y:ShapeNode>
            <y:Geometry height="30.0" width="60.0" x="{x}" y="{y}"/>
            <y:Fill color="{colour}" transparent="false"/>
            <y:BorderStyle color="#000000" raised="false" type="line" width="1.0"/>
            <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" height="18.0" horizontalTextPosition="center" iconTextGap="4" modelName="custom" textColor="#000000" verticalTextPosition="bottom" visible="true" width="40.0" x="10.0" y="6.0">{label}<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel></y:NodeLabel>
            <y:Shape type="rectangle"/>
          </y:ShapeNode>
        </data>
      </node>
"""


def yed_group(node_id, label, colour, inner):
    return f"""    <node id="{node_id}" yfiles.foldertype="group">
      <data key="d5">
        <y:ProxyAutoBoundsNode>
          <y:Realizers active="0">
            <y:GroupNode>
              <y:Geometry height="200.0" width="300.0" x="0.0" y="0.0"/>
              <y:Fill color="{colour}" transparent="false"/>
              <y:NodeLabel alignment="right" autoSizePolicy="node_width" modelName="internal" modelPosition="t" visible="true">{label}</y:NodeLabel>
              <y:State closed="false" closedHeight="50.0" closedWidth="50.0" innerGraphDisplayEnabled="false"/>
            </y:GroupNode>
            <y:GroupNode>
              <y:Geometry height="50.0" width="50.0" x="0.0" y="0.0"/>
              <y:NodeLabel>{label} (folded)</y:NodeLabel>
              <y:State closed="true"/>
            </y:GroupNode>
          </y:Realizers>
        </y:ProxyAutoBoundsNode>
      </data>
      <graph edgedefault="directed" id="{node_id}:">
{inner}      </graph>
    </node>
"""


def yed_edge(edge_id, source, target, label=None):
    text = f"<y:EdgeLabel>{label}</y:EdgeLabel>" if label else ""
    return f"""    <edge id="{edge_id}" source="{source}" target="{target}">
      <data key="d9">
        <y:PolyLineEdge>
          <y:LineStyle color="#000000" type="line" width="1.0"/>
          <y:Arrows source="none" target="standard"/>
          {text}
        </y:PolyLineEdge>
      </data>
    </edge>
"""


yed = YED_HEAD
yed += yed_group("n0", "Kesehatan", "#F5F5F5",
                 yed_node("n0::n0", "Dinas\nKesehatan", 10, 40, "#FFCC00", "Leads the programme")
                 + yed_node("n0::n1", "Puskesmas Ubud", 110, 40, "#FFCC00"))
yed += yed_node("n1", "Yayasan Kesehatan Perempuan", 400, 40, "#99CC00")
yed += yed_node("n2", "Banjar Adat", 400, 160, "#00CCFF")
yed += yed_edge("e0", "n0::n0", "n0::n1", "funds")
yed += yed_edge("e1", "n1", "n0::n1", "trains")
yed += yed_edge("e2", "n2", "n1")
yed += yed_edge("e3", "n2", "n2", "itself")
yed += "  </graph>\n  <data key=\"d7\"><y:Resources/></data>\n</graphml>\n"
(out / "yed.graphml").write_text(yed)
expect(
    "yed.graphml",
    ["Dinas Kesehatan", "Puskesmas Ubud", "Yayasan Kesehatan Perempuan", "Banjar Adat"],
    [("Dinas Kesehatan", "Puskesmas Ubud", True), ("Yayasan Kesehatan Perempuan", "Puskesmas Ubud", True),
     ("Banjar Adat", "Yayasan Kesehatan Perempuan", True)],
    sectors={"Kesehatan": ["Dinas Kesehatan", "Puskesmas Ubud"]},
    left_out=1,
)

# --- Gephi 0.9 GEXF 1.3: typed attributes with defaults, a wrong namespace URL,
# viz: used without being declared, dynamic spells, mixed edge types.
gephi = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.3" version="1.3">
  <meta lastmodifieddate="2024-03-01">
    <creator>Gephi 0.10.1</creator>
    <title>Smart city</title>
    <description>Pemangku kepentingan kota cerdas</description>
  </meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
    <attributes class="node" mode="static">
      <attribute id="0" title="type" type="string"/>
      <attribute id="1" title="power" type="integer"><default>3</default></attribute>
      <attribute id="2" title="Modularity Class" type="integer"/>
    </attributes>
    <nodes>
      <node id="0" label="Diskominfo" start="2020-01-01">
        <attvalues><attvalue for="0" value="Government"/><attvalue for="1" value="5"/><attvalue for="2" value="0"/></attvalues>
        <viz:size value="20.0"/><viz:position x="-120.5" y="80.25" z="0.0"/><viz:color r="0" g="114" b="178"/>
      </node>
      <node id="1" label="Telkom">
        <attvalues><attvalue for="0" value="Business"/><attvalue for="2" value="1" start="2020-01-01" end="2021-01-01"/><attvalue for="2" value="2" start="2021-01-01"/></attvalues>
        <spells><spell start="2020-01-01"/></spells>
        <viz:position x="40" y="-10"/>
      </node>
      <node id="2" label="ITB"><attvalues><attvalue for="0" value="University"/><attvalue for="1" value="9"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="0" source="0" target="1" weight="3.0"/>
      <edge id="1" source="2" target="0" type="undirected" weight="1.0" label="research"/>
      <edge id="2" source="1" target="3"/>
    </edges>
  </graph>
</gexf>
"""
(out / "gephi.gexf").write_text(gephi)
expect(
    "gephi.gexf",
    ["Diskominfo", "Telkom", "ITB", "3"],
    [("Diskominfo", "Telkom", True), ("ITB", "Diskominfo", False), ("Telkom", "3", True)],
    power=[5, 3, 3, 3],
)

# --- GEXF 1.1 (Gephi 0.7), `attributes` typed by `type`, attvalue `for`.
old_gexf = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.1draft" xmlns:viz="http://www.gexf.net/1.1draft/viz" version="1.1">
  <graph defaultedgetype="undirected">
    <attributes class="edge" type="static"><attribute id="k" title="kind" type="string"/></attributes>
    <nodes><node id="a" label="Warga RW 05"/><node id="b" label="Kelurahan"/></nodes>
    <edges><edge id="e" source="a" target="b"><attvalues><attvalue for="k" value="information"/></attvalues></edge></edges>
  </graph>
</gexf>
"""
(out / "gephi-0.7.gexf").write_text(old_gexf)
expect("gephi-0.7.gexf", ["Warga RW 05", "Kelurahan"], [("Warga RW 05", "Kelurahan", False)])

# --- PRSM: version 1 (numbered groups, notes in `title`) and 2 (styles with names,
# Quill notes, arrows, labels with line breaks, attributes users added).
prsm1 = {
    "saveTime": "2021-02-01T10:00:00.000Z", "version": "1.5.2", "room": "ABC-DEF-GHI-JKL",
    "mapTitle": "Sanitasi Bali",
    "nodes": [
        {"id": "1", "label": "Dinas\nKesehatan", "group": 0, "title": "Provincial<br>health office", "x": -100, "y": 0},
        {"id": "2", "label": "Banjar", "group": 2, "x": 100, "y": 50},
    ],
    "edges": [{"id": "e1", "from": "1", "to": "2", "arrows": "to", "label": "funds"}],
}
(out / "sanitasi-v1.prsm").write_text(json.dumps(prsm1))
expect("sanitasi-v1.prsm", ["Dinas Kesehatan", "Banjar"], [("Dinas Kesehatan", "Banjar", True)])

prsm2 = {
    "saved": "01/03/2024, 10:00:00", "version": "2.3.1", "room": "XYZ-ABC-DEF-GHI",
    "mapTitle": "MADANI",
    "attributeTitles": {"budget": "Budget (IDR m)"},
    "styles": {
        "nodes": {"group0": {"groupLabel": "NGO"}, "group1": {"groupLabel": "Donor"}, "group2": {"groupLabel": "Community"}},
        "edges": {"edge0": {"groupLabel": "Mentoring", "arrows": {"to": {"enabled": True}}},
                  "edge1": {"groupLabel": "Partnership", "arrows": {"to": {"enabled": False}}}},
    },
    "nodes": [
        {"id": "a", "label": "Yayasan\nKesehatan\nPerempuan", "grp": "group0", "x": 0, "y": 0,
         "note": {"ops": [{"insert": "Mentors 12 partners\n"}]}, "budget": 250},
        {"id": "b", "label": "FHI 360", "grp": "group1", "x": 200, "y": 0},
        {"id": "c", "label": "USAID", "grp": "group1", "x": 200, "y": 150},
        {"id": "d", "label": "Posyandu", "grp": "group2", "x": 0, "y": 150},
    ],
    "edges": [
        {"id": "1", "from": "b", "to": "a", "grp": "edge0"},
        {"id": "2", "from": "c", "to": "b", "grp": "edge0", "arrows": {"to": {"enabled": True}}},
        {"id": "3", "from": "a", "to": "d", "grp": "edge1"},
    ],
    "description": {"text": {"ops": [{"insert": "Maternal and child health\n"}]}},
}
(out / "madani.json").write_text(json.dumps(prsm2, indent="\t", ensure_ascii=False))
expect("madani.json", ["Yayasan Kesehatan Perempuan", "FHI 360", "USAID", "Posyandu"],
       [("FHI 360", "Yayasan Kesehatan Perempuan", True), ("USAID", "FHI 360", True),
        ("Yayasan Kesehatan Perempuan", "Posyandu", False)])
expected["madani.prsm"] = expected["madani.json"]  # the same map, compressed by PRSM 3

# --- Gephi's CSV tables: Type holds the direction (here in German), Weight floats.
(out / "gephi-nodes.csv").write_text("Id,Label,Type\n1,Dinas Pendidikan,Government\n2,Sekolah Alam,Community\n3,UGM,Academia\n")
(out / "gephi-edges.csv").write_text("Source,Target,Type,Id,Label,Weight\n1,2,Gerichtet,0,,0.5\n3,2,Ungerichtet,1,mentoring,2.5\n1,3,Directed,2,,1.0\n")
expect("gephi-*.csv", ["Dinas Pendidikan", "Sekolah Alam", "UGM"],
       [("Dinas Pendidikan", "Sekolah Alam", True), ("UGM", "Sekolah Alam", False), ("Dinas Pendidikan", "UGM", True)],
       strengths=[1, 3, 2])

# --- Onodo: the ends are Source and Target; From and To are dates.
(out / "onodo-relations.csv").write_text(
    "Source,Relationship type,Target,Direction,Description,From,To\n"
    "PT Jaya Konstruksi,contract,Kementerian PUPR,directed,,2019,2023\n"
    "Kementerian PUPR,regulation,Pemda,directed,Permen 2019,2019,\n")
expect("onodo-relations.csv", ["PT Jaya Konstruksi", "Kementerian PUPR", "Pemda"],
       [("PT Jaya Konstruksi", "Kementerian PUPR", True), ("Kementerian PUPR", "Pemda", True)])

(out / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n")
print(f"wrote {len(list(out.iterdir()))} files to {out}")
