"""The bundled example maps, drawn from the case studies in ../shared/seeds/, in
English and Bahasa Indonesia. Names of organisations stay as they are; titles,
descriptions, sectors and notes are written in each language. Each map has gaps
worth discussing in a workshop (who is missing, who holds the power, which sectors
never talk). Writes public/examples/<slug>.<lang>.simpul.json:

    python3 scripts/examples.py
"""
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "public" / "examples"

# Each stakeholder: id, name, kind, sectors, power, interest, stance, resources, (note en, note id).
# Each link: from, to, kind, directed, strength.
EXAMPLES = [
    {
        "slug": "yogyakarta-education",
        "title": ("Community education in Yogyakarta", "Pendidikan berbasis komunitas di Yogyakarta"),
        "description": (
            "The regency government, NGOs and village communities work to improve schools in remote areas: teacher training and better facilities.",
            "Pemerintah daerah, LSM dan komunitas desa bekerja sama meningkatkan mutu sekolah di daerah terpencil: pelatihan guru dan perbaikan fasilitas.",
        ),
        "sectors": [("edu", "Education", "Pendidikan"), ("village", "Village development", "Pembangunan desa"), ("digital", "Digital access", "Akses digital")],
        "stakeholders": [
            ("disdik", "Dinas Pendidikan DIY", "government", ["edu"], 5, 4, 1, ["funding", "regulation"], ("Sets the programme and pays for teacher training.", "Menetapkan program dan membiayai pelatihan guru.")),
            ("bappeda", "Bappeda Gunungkidul", "government", ["village"], 4, 2, 0, ["funding", "regulation"], ("Plans the regency budget; not yet involved.", "Menyusun anggaran kabupaten; belum dilibatkan.")),
            ("uny", "Universitas Negeri Yogyakarta", "academia", ["edu"], 3, 4, 2, ["expertise"], ("Trains teachers and measures results.", "Melatih guru dan mengukur hasil.")),
            ("ngo-edu", "Yayasan Cahaya Pendidikan", "ngo", ["edu", "village"], 2, 5, 2, ["expertise", "volunteers", "networks"], ("Runs learning centres in three villages.", "Mengelola rumah belajar di tiga desa.")),
            ("komite", "Komite Sekolah Desa Girisubo", "community", ["edu"], 1, 5, 1, ["local_knowledge"], ("Parents' voice; rarely asked.", "Suara orang tua murid; jarang ditanya.")),
            ("karang", "Karang Taruna Girisubo", "community", ["village"], 1, 4, 1, ["volunteers", "local_knowledge"], ("Youth volunteers who could tutor.", "Relawan muda yang bisa menjadi tutor.")),
            ("kades", "Pemerintah Desa Girisubo", "government", ["village"], 2, 3, 1, ["regulation", "local_knowledge"], ("Village funds could pay for facilities.", "Dana desa bisa membiayai fasilitas.")),
            ("telco", "PT Telkom Indonesia Witel Yogyakarta", "business", ["digital"], 4, 2, 0, ["infrastructure", "technology"], ("Could bring internet to schools; not yet linked.", "Bisa membawa internet ke sekolah; belum terhubung.")),
            ("radio", "Radio Komunitas Swara Gunungkidul", "media", ["village"], 1, 3, 1, ["media_reach"], ("Reaches parents who do not read the news.", "Menjangkau orang tua yang tidak membaca berita.")),
        ],
        "links": [
            ("disdik", "uny", "funding", True, 3), ("disdik", "ngo-edu", "funding", True, 2), ("uny", "ngo-edu", "information", False, 2),
            ("ngo-edu", "komite", "service", True, 2), ("ngo-edu", "karang", "partnership", False, 1), ("kades", "karang", "partnership", False, 2),
            ("disdik", "kades", "regulation", True, 1), ("radio", "kades", "information", False, 1),
        ],
    },
    {
        "slug": "jakarta-waste",
        "title": ("Waste reduction in Jakarta", "Pengurangan sampah di Jakarta"),
        "description": (
            "The provincial government, environmental communities and NGOs formed a forum on waste; \"Jakarta Bersih\" trains residents to cut plastic waste.",
            "Pemerintah provinsi, komunitas lingkungan dan LSM membentuk forum tentang sampah; \"Jakarta Bersih\" melatih warga mengurangi sampah plastik.",
        ),
        "sectors": [("waste", "Waste management", "Pengelolaan sampah"), ("retail", "Retail and packaging", "Ritel dan kemasan"), ("env", "Environment", "Lingkungan hidup")],
        "stakeholders": [
            ("dlh", "Dinas Lingkungan Hidup DKI Jakarta", "government", ["waste", "env"], 5, 5, 1, ["funding", "regulation", "infrastructure"], ("Leads the forum and runs the landfill contracts.", "Memimpin forum dan mengelola kontrak TPA.")),
            ("bantar", "UPST Bantargebang", "government", ["waste"], 3, 3, 0, ["infrastructure"], ("The landfill, near capacity.", "TPA yang hampir penuh.")),
            ("walhi", "WALHI Jakarta", "ngo", ["env"], 2, 5, -1, ["expertise", "media_reach"], ("Critical of incineration plans.", "Mengkritik rencana insinerator.")),
            ("bank", "Bank Sampah Induk Gesit", "community", ["waste"], 1, 5, 2, ["local_knowledge", "volunteers"], ("Collects sorted waste from 40 neighbourhoods.", "Mengumpulkan sampah terpilah dari 40 RW.")),
            ("rw", "Forum RW Cilincing", "community", ["waste"], 1, 4, 1, ["local_knowledge"], ("Residents who sort at home.", "Warga yang memilah sampah di rumah.")),
            ("aprindo", "Aprindo (Asosiasi Pengusaha Ritel)", "business", ["retail"], 4, 2, -2, ["funding", "networks"], ("Opposes the plastic bag ban.", "Menolak larangan kantong plastik.")),
            ("packaging", "PT Kemasan Hijau Nusantara", "business", ["retail"], 3, 3, 1, ["technology"], ("Makes refillable packaging; wants buyers.", "Membuat kemasan isi ulang; mencari pembeli.")),
            ("ui", "Universitas Indonesia", "academia", ["env"], 2, 3, 1, ["expertise"], ("Measures waste per household.", "Mengukur sampah per rumah tangga.")),
            ("kompas", "Harian Kompas", "media", ["env"], 3, 2, 0, ["media_reach"], ("Reports on the landfill crisis.", "Memberitakan krisis TPA.")),
        ],
        "links": [
            ("dlh", "bantar", "regulation", True, 3), ("dlh", "bank", "funding", True, 1), ("bank", "rw", "service", False, 2),
            ("walhi", "dlh", "conflict", False, 2), ("walhi", "kompas", "information", False, 2), ("ui", "dlh", "information", True, 1),
            ("aprindo", "dlh", "conflict", False, 3), ("aprindo", "packaging", "service", False, 1),
        ],
    },
    {
        "slug": "bali-health",
        "title": ("Health and sanitation in Bali", "Kesehatan dan sanitasi di Bali"),
        "description": (
            "The provincial health office and communities promote sanitation and health education; infectious disease fell in several villages.",
            "Dinas kesehatan provinsi dan komunitas menggalakkan sanitasi dan penyuluhan kesehatan; penyakit menular turun di beberapa desa.",
        ),
        "sectors": [("health", "Health", "Kesehatan"), ("water", "Water and sanitation", "Air dan sanitasi"), ("tourism", "Tourism", "Pariwisata")],
        "stakeholders": [
            ("dinkes", "Dinas Kesehatan Provinsi Bali", "government", ["health"], 5, 5, 2, ["funding", "regulation", "expertise"], ("Runs the health education campaign.", "Menjalankan kampanye penyuluhan kesehatan.")),
            ("puskesmas", "Puskesmas Kubu", "government", ["health"], 2, 5, 2, ["expertise", "local_knowledge"], ("The clinic that sees the cases.", "Puskesmas yang menangani kasusnya.")),
            ("pdam", "Perumda Air Minum Tirta Mangutama", "government", ["water"], 4, 2, 0, ["infrastructure"], ("Water utility; not part of the campaign.", "Perusahaan air minum; tidak ikut kampanye.")),
            ("banjar", "Banjar Adat Tianyar", "community", ["water", "health"], 2, 5, 2, ["local_knowledge", "volunteers"], ("Customary village that mobilises every household.", "Desa adat yang menggerakkan setiap rumah tangga.")),
            ("kader", "Kader Posyandu Kubu", "community", ["health"], 1, 5, 2, ["volunteers", "local_knowledge"], ("Volunteer health workers.", "Kader kesehatan sukarela.")),
            ("phri", "PHRI Bali (Perhimpunan Hotel dan Restoran)", "business", ["tourism"], 4, 2, 0, ["funding", "networks"], ("Hotels use much of the groundwater.", "Hotel memakai banyak air tanah.")),
            ("unud", "Universitas Udayana", "academia", ["health"], 3, 3, 1, ["expertise"], ("Ran the baseline survey.", "Melakukan survei awal.")),
            ("donor", "UNICEF Indonesia", "donor", ["water", "health"], 4, 4, 2, ["funding", "expertise"], ("Funds toilets through the health office only.", "Mendanai jamban hanya melalui dinas kesehatan.")),
        ],
        "links": [
            ("donor", "dinkes", "funding", True, 3), ("dinkes", "puskesmas", "regulation", True, 2), ("puskesmas", "kader", "service", False, 2),
            ("kader", "banjar", "partnership", False, 2), ("unud", "dinkes", "information", True, 2), ("phri", "pdam", "service", False, 1),
        ],
    },
    {
        "slug": "madani-mch",
        "title": ("MADANI maternal and child health", "Kesehatan Ibu dan Anak MADANI"),
        "description": (
            "Yayasan Kesehatan Perempuan works with FHI 360 and USAID, accompanying 12 main partners to lower maternal and infant mortality.",
            "Yayasan Kesehatan Perempuan bekerja sama dengan FHI 360 dan USAID, mendampingi 12 mitra utama untuk menurunkan AKI dan AKB.",
        ),
        "sectors": [("mch", "Maternal and child health", "Kesehatan ibu dan anak"), ("cso", "Civil society", "Masyarakat sipil"), ("local", "Local government", "Pemerintah daerah")],
        "stakeholders": [
            ("usaid", "USAID", "donor", ["mch"], 5, 4, 2, ["funding"], ("Funds the programme.", "Mendanai program.")),
            ("fhi", "FHI 360", "ngo", ["mch"], 4, 5, 2, ["expertise", "funding"], ("Manages the grant and the technical work.", "Mengelola hibah dan kerja teknis.")),
            ("ykp", "Yayasan Kesehatan Perempuan (YKP)", "ngo", ["mch", "cso"], 3, 5, 2, ["expertise", "networks"], ("Accompanies the 12 partners.", "Mendampingi 12 mitra.")),
            ("mitra1", "Aisyiyah Cabang Bekasi", "community", ["cso"], 1, 5, 2, ["volunteers", "local_knowledge"], ("A partner organisation of women.", "Organisasi perempuan mitra.")),
            ("mitra2", "Forum Kader Posyandu Karawang", "community", ["cso", "mch"], 1, 5, 2, ["volunteers", "local_knowledge"], ("Village health volunteers.", "Kader kesehatan desa.")),
            ("dinkes", "Dinas Kesehatan Kabupaten Karawang", "government", ["local", "mch"], 4, 3, 1, ["regulation", "funding"], ("Decides which clinics get midwives.", "Menentukan puskesmas mana yang mendapat bidan.")),
            ("dprd", "DPRD Kabupaten Karawang", "government", ["local"], 5, 1, 0, ["funding", "regulation"], ("Approves the health budget; never briefed.", "Menyetujui anggaran kesehatan; belum pernah diajak bicara.")),
            ("ibi", "Ikatan Bidan Indonesia Karawang", "other", ["mch"], 2, 4, 1, ["expertise"], ("Midwives' association.", "Organisasi profesi bidan.")),
        ],
        "links": [
            ("usaid", "fhi", "funding", True, 3), ("fhi", "ykp", "funding", True, 3), ("ykp", "mitra1", "service", True, 2),
            ("ykp", "mitra2", "service", True, 2), ("mitra2", "ibi", "partnership", False, 1), ("ykp", "dinkes", "information", False, 1),
        ],
    },
    {
        "slug": "ppp-infrastructure",
        "title": ("A public–private infrastructure partnership", "Kemitraan pemerintah–swasta untuk infrastruktur"),
        "description": (
            "A regency government and a construction company build roads and a bridge: the government gives permits and regulation, the company funding and engineering.",
            "Pemerintah kabupaten dan perusahaan konstruksi membangun jalan dan jembatan: pemerintah memberi izin dan regulasi, perusahaan dana dan keahlian teknis.",
        ),
        "sectors": [("roads", "Roads and bridges", "Jalan dan jembatan"), ("finance", "Finance", "Keuangan"), ("land", "Land", "Pertanahan")],
        "stakeholders": [
            ("pupr", "Dinas PUPR Kabupaten Lombok Tengah", "government", ["roads"], 5, 5, 2, ["regulation", "funding"], ("Contracting agency.", "Penanggung jawab proyek kerja sama.")),
            ("bupati", "Bupati Lombok Tengah", "government", ["roads", "land"], 5, 3, 1, ["regulation"], ("Signs the agreement.", "Menandatangani perjanjian.")),
            ("bpn", "Kantor Pertanahan Lombok Tengah", "government", ["land"], 4, 2, 0, ["regulation"], ("Land acquisition is the bottleneck.", "Pengadaan tanah menjadi hambatan.")),
            ("contractor", "PT Karya Jembatan Nusantara", "business", ["roads", "finance"], 4, 5, 2, ["funding", "expertise", "technology"], ("Builds and maintains the road for 15 years.", "Membangun dan merawat jalan selama 15 tahun.")),
            ("bank", "Bank NTB Syariah", "business", ["finance"], 4, 3, 1, ["funding"], ("Lends to the contractor.", "Memberi pinjaman kepada kontraktor.")),
            ("ptsmi", "PT Sarana Multi Infrastruktur", "government", ["finance"], 4, 3, 1, ["funding", "expertise"], ("Guarantees the deal.", "Menjamin kerja sama.")),
            ("farmers", "Kelompok Tani Desa Sengkol", "community", ["land"], 1, 5, -2, ["local_knowledge"], ("Farmers who lose land to the road; not consulted.", "Petani yang kehilangan lahan untuk jalan; tidak diajak bicara.")),
            ("unram", "Universitas Mataram", "academia", ["roads"], 2, 2, 1, ["expertise"], ("Could study the traffic and social impact.", "Bisa mengkaji dampak lalu lintas dan sosial.")),
        ],
        "links": [
            ("bupati", "pupr", "regulation", True, 3), ("pupr", "contractor", "partnership", False, 3), ("bank", "contractor", "funding", True, 3),
            ("ptsmi", "pupr", "funding", True, 2), ("pupr", "bpn", "information", False, 1), ("bpn", "farmers", "regulation", True, 1),
        ],
    },
    {
        "slug": "smart-city",
        "title": ("A smart-city collaboration", "Kolaborasi kota cerdas"),
        "description": (
            "A city government and technology companies develop traffic sensors and a public information system together.",
            "Pemerintah kota dan perusahaan teknologi mengembangkan sensor lalu lintas dan sistem informasi publik bersama-sama.",
        ),
        "sectors": [("mobility", "Mobility", "Mobilitas"), ("data", "Data and technology", "Data dan teknologi"), ("services", "Public services", "Layanan publik")],
        "stakeholders": [
            ("diskominfo", "Diskominfo Kota Bandung", "government", ["data", "services"], 5, 5, 2, ["regulation", "funding", "technology"], ("Owns the command centre.", "Pemilik pusat komando.")),
            ("dishub", "Dinas Perhubungan Kota Bandung", "government", ["mobility"], 4, 4, 1, ["regulation", "infrastructure"], ("Runs the traffic lights.", "Mengelola lampu lalu lintas.")),
            ("telco", "PT Telkom Indonesia", "business", ["data"], 5, 4, 1, ["infrastructure", "technology"], ("Builds the network and sensors.", "Membangun jaringan dan sensor.")),
            ("startup", "Qlue", "business", ["data", "services"], 2, 5, 2, ["technology"], ("Citizen reporting app.", "Aplikasi laporan warga.")),
            ("itb", "Institut Teknologi Bandung", "academia", ["data", "mobility"], 3, 4, 2, ["expertise"], ("Models traffic from the sensor data.", "Memodelkan lalu lintas dari data sensor.")),
            ("ojol", "Komunitas Pengemudi Ojek Daring Bandung", "community", ["mobility"], 1, 5, -1, ["local_knowledge"], ("Drivers who know every jam; worried about data use.", "Pengemudi yang tahu setiap kemacetan; khawatir soal pemakaian data.")),
            ("disabled", "Komunitas Tuli Bandung", "community", ["services"], 1, 4, 0, ["local_knowledge"], ("Public information must reach them too.", "Informasi publik harus menjangkau mereka juga.")),
            ("media", "Pikiran Rakyat", "media", ["services"], 3, 2, 0, ["media_reach"], ("Local newspaper.", "Koran lokal.")),
            ("safenet", "SAFEnet", "ngo", ["data"], 2, 4, -2, ["expertise", "media_reach"], ("Warns about surveillance and privacy.", "Mengingatkan soal pengawasan dan privasi.")),
        ],
        "links": [
            ("diskominfo", "telco", "partnership", False, 3), ("diskominfo", "startup", "service", False, 2), ("diskominfo", "dishub", "information", False, 2),
            ("telco", "itb", "information", False, 1), ("itb", "dishub", "information", True, 1), ("startup", "media", "information", False, 1),
            ("safenet", "diskominfo", "conflict", False, 1),
        ],
    },
]


def build(example, lang):
    pick = 0 if lang == "en" else 1
    return {
        "format": "simpul-map",
        "version": 1,
        "title": example["title"][pick],
        "description": example["description"][pick],
        "sectors": [{"id": sid, "name": names[pick]} for sid, *names in example["sectors"]],
        "stakeholders": [
            {"id": sid, "name": name, "kind": kind, "sectors": sectors, "power": power, "interest": interest,
             "stance": stance, "resources": resources, "notes": notes[pick]}
            for sid, name, kind, sectors, power, interest, stance, resources, notes in example["stakeholders"]
        ],
        "links": [
            {"id": f"l{i + 1}", "from": a, "to": b, "kind": kind, "directed": directed, "strength": strength, "notes": ""}
            for i, (a, b, kind, directed, strength) in enumerate(example["links"])
        ],
    }


OUT.mkdir(parents=True, exist_ok=True)
for example in EXAMPLES:
    for lang in ("en", "id"):
        path = OUT / f"{example['slug']}.{lang}.simpul.json"
        path.write_text(json.dumps(build(example, lang), ensure_ascii=False, indent=1) + "\n")
print(len(EXAMPLES), "examples written to", OUT)
