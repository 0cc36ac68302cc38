//! Every fixed UI text, in both languages. The `texts!` table makes a text that
//! lacks either language a compile error; `{}` marks where a value goes.

use super::Lang;

macro_rules! texts {
    ($($key:ident => $en:literal, $id:literal;)+) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Text {
            $($key),+
        }

        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$key),+];

            /// "1 stakeholder", "{n} stakeholders".
            pub fn stakeholder_count(n: usize, lang: Lang) -> String {
                if n == 1 { Text::OneStakeholder.get(lang).to_string() } else { Text::StakeholderCount.get(lang).replace("{}", &n.to_string()) }
            }

            /// Two tables rather than a `match`: half the code in the page, which
            /// looks texts up by value; where the text is known when compiling (the
            /// worker's few), the lookup folds to the text and the tables go.
            #[inline]
            pub fn get(self, lang: Lang) -> &'static str {
                let table = match lang {
                    Lang::En => &ENGLISH,
                    Lang::Id => &INDONESIAN,
                };
                table.get(self as usize).copied().unwrap_or_default()
            }
        }

        static ENGLISH: [&str; Text::ALL.len()] = [$($en),+];
        static INDONESIAN: [&str; Text::ALL.len()] = [$($id),+];
    };
}

texts! {
    ResizeLibrary => "Resize the maps panel", "Ubah lebar panel peta";
    ResizeSide => "Resize the findings and inspector panel", "Ubah lebar panel temuan dan pemeriksa";
    ResizeDrawer => "Resize the tables", "Ubah tinggi tabel";
    FileMenu => "File", "Berkas";
    OpenFile => "Open a file…", "Buka berkas…";
    EditLinkHeading => "Edit link", "Ubah hubungan";
    MapCounts => "{} stakeholders · {} links · {} sectors", "{} pemangku kepentingan · {} hubungan · {} sektor";
    InNetwork => "In the network", "Dalam jaringan";
    FindingsAboutIt => "Findings about it", "Temuan tentangnya";
    NoFindingsAboutIt => "No finding names it.", "Tidak ada temuan yang menyebutnya.";
    DeleteLink => "Delete link", "Hapus hubungan";
    DataTables => "Data tables", "Tabel data";
    HideTables => "Hide tables", "Sembunyikan tabel";
    ShowTables => "Show tables", "Tampilkan tabel";
    SidePanel => "Findings and inspector", "Temuan dan pemeriksa";
    HideSidePanel => "Hide findings and inspector", "Sembunyikan temuan dan pemeriksa";
    ShowSidePanel => "Show findings and inspector", "Tampilkan temuan dan pemeriksa";
    SheetAdd => "Add", "Tambah";
    SheetInspector => "Inspector", "Pemeriksa";
    SheetTables => "Tables", "Tabel";
    SheetTabs => "Panels", "Panel";
    HideLibrary => "Hide your maps", "Sembunyikan peta Anda";
    ShowLibrary => "Show your maps", "Tampilkan peta Anda";
    Legend => "Legend", "Legenda";
    AnalysisUnavailable => "The findings could not be worked out in this browser ({}); they show the map as it was last analysed.", "Temuan tidak dapat dihitung di peramban ini ({}); temuan menampilkan peta seperti saat terakhir dianalisis.";
    DropToImport => "Drop the file to open it as a new map", "Lepaskan berkas untuk membukanya sebagai peta baru";
    LegendKinds => "Stakeholders", "Pemangku kepentingan";
    LegendLinks => "Links", "Hubungan";
    LegendOther => "Marks", "Tanda";
    LegendSector => "Sector (hub of its members)", "Sektor (pusat anggotanya)";
    LegendSize => "Size: power", "Ukuran: kekuatan";
    Language => "Language", "Bahasa";
    WelcomeTitle => "Map who is in your partnership", "Petakan siapa saja dalam kemitraan Anda";
    WelcomeBody => "Start a new map, or import a .simpul.json file a colleague sent you. Everything stays in this browser.", "Mulai peta baru, atau impor berkas .simpul.json dari rekan Anda. Semuanya tetap di peramban ini.";
    NewMap => "New map", "Peta baru";
    UntitledMap => "Untitled map", "Peta tanpa judul";
    CopySuffix => "copy", "salinan";
    YourMaps => "Your maps", "Peta Anda";
    NoMapsYet => "No maps yet.", "Belum ada peta.";
    StakeholderCount => "{} stakeholders", "{} pemangku kepentingan";
    OneStakeholder => "1 stakeholder", "1 pemangku kepentingan";
    DamagedEntry => "Damaged: cannot be opened", "Rusak: tidak dapat dibuka";
    OpeningMap => "Opening…", "Membuka…";
    NewTitle => "New title", "Judul baru";
    Rename => "Rename", "Ganti nama";
    Duplicate => "Duplicate", "Gandakan";
    Delete => "Delete", "Hapus";
    MovedToTrash => "“{}” is in the trash: restore it from there until you empty the trash.", "“{}” ada di tempat sampah: pulihkan dari sana selama tempat sampah belum dikosongkan.";
    DeletedForGood => "“{}” is deleted for good.", "“{}” dihapus permanen.";
    RestoredFromTrash => "“{}” is back among your maps.", "“{}” kembali ke daftar peta Anda.";
    TrashCount => "Trash ({})", "Tempat sampah ({})";
    TrashExplained => "Deleted maps stay here until you empty the trash.", "Peta yang dihapus tetap di sini sampai tempat sampah dikosongkan.";
    DeletedAt => "deleted {}", "dihapus {}";
    Restore => "Restore", "Pulihkan";
    DeleteForever => "Delete for good", "Hapus permanen";
    DeleteForGoodInstead => "Delete it for good", "Hapus permanen";
    EmptyTrash => "Empty the trash", "Kosongkan tempat sampah";
    ConfirmEmptyTrash => "Delete every map in the trash for good? This cannot be undone.", "Hapus permanen semua peta di tempat sampah? Ini tidak dapat dibatalkan.";
    YesEmptyTrash => "Yes, empty it", "Ya, kosongkan";
    DownloadBackup => "Download all maps (backup)", "Unduh semua peta (cadangan)";
    BackupExplained => "One file with every map, to keep safe or carry to another browser; Import map file reads it back.", "Satu berkas berisi semua peta, untuk disimpan atau dibawa ke peramban lain; Impor berkas peta membacanya kembali.";
    BackupRestored => "Maps added from the backup: {}.", "Peta yang ditambahkan dari cadangan: {}.";
    EarlierVersions => "Earlier versions", "Versi sebelumnya";
    VersionsExplained => "Simpul keeps a version of this map every 10 minutes while you work (the last 10). Opening one makes a copy; this map stays as it is.", "Simpul menyimpan satu versi peta ini setiap 10 menit selama Anda bekerja (10 terakhir). Membuka satu versi membuat salinan; peta ini tetap seperti adanya.";
    NoVersionsYet => "No earlier version yet.", "Belum ada versi sebelumnya.";
    OpenAsCopy => "Open as a copy", "Buka sebagai salinan";
    VersionOf => "version of {}", "versi {}";
    OpenedVersion => "Opened “{}” as a new map.", "“{}” dibuka sebagai peta baru.";
    CompareVersions => "Compare versions", "Bandingkan versi";
    CompareExplained => "Keep the map as it is now under a name, or compare it with a snapshot, an earlier version, another map or a map file: what was added, removed and changed, how each one's place in the network moved, and which findings were resolved or are new.", "Simpan peta seperti sekarang dengan sebuah nama, atau bandingkan dengan cuplikan, versi sebelumnya, peta lain atau berkas peta: apa yang ditambahkan, dihapus dan diubah, bagaimana posisi masing-masing dalam jaringan bergeser, dan temuan mana yang teratasi atau baru.";
    SnapshotName => "Snapshot name", "Nama cuplikan";
    SnapshotDefault => "Snapshot, {}", "Cuplikan, {}";
    TakeSnapshot => "Take a snapshot", "Ambil cuplikan";
    SnapshotTaken => "Snapshot taken: “{}”.", "Cuplikan diambil: “{}”.";
    Snapshots => "Snapshots", "Cuplikan";
    OtherMaps => "Other maps", "Peta lain";
    CompareWith => "Compare with", "Bandingkan dengan";
    CompareNow => "Compare", "Bandingkan";
    CompareWithFile => "Compare with a map file", "Bandingkan dengan berkas peta";
    NothingToCompare => "Take a snapshot first, or keep working: earlier versions and other maps appear here.", "Ambil cuplikan dulu, atau lanjutkan bekerja: versi sebelumnya dan peta lain akan muncul di sini.";
    ChangedSince => "What changed since “{}”", "Yang berubah sejak “{}”";
    ChangeCounts => "{} added, {} removed, {} changed", "{} ditambahkan, {} dihapus, {} diubah";
    NothingChanged => "Nothing changed.", "Tidak ada yang berubah.";
    ChangeAdded => "added", "ditambahkan";
    ChangeRemoved => "removed", "dihapus";
    ChangeHeading => "Change", "Perubahan";
    MetricsMoved => "Place in the network, before → after", "Posisi dalam jaringan, sebelum → sesudah";
    FindingsResolved => "Findings resolved", "Temuan yang teratasi";
    FindingsNew => "New findings", "Temuan baru";
    DownloadComparison => "Download the comparison as CSV", "Unduh perbandingan sebagai CSV";
    FindingsSinceCounts => "{} resolved, {} new", "{} teratasi, {} baru";
    ChangeMarks => "On the picture: + new, Δ changed, − gone.", "Di gambar: + baru, Δ berubah, − hilang.";
    MarkAdded => "+ new", "+ baru";
    MarkChanged => "Δ changed", "Δ berubah";
    MarkRemoved => "− {} (gone)", "− {} (hilang)";
    ShowingChanges => "Marked on the picture: what changed since “{}” (+ new, Δ changed, − gone).", "Ditandai di gambar: yang berubah sejak “{}” (+ baru, Δ berubah, − hilang).";
    StopShowingChanges => "Stop showing changes", "Berhenti menandai perubahan";
    CompareFailed => "These maps could not be compared: {}", "Peta ini tidak dapat dibandingkan: {}";
    Cancel => "Cancel", "Batal";
    Save => "Save", "Simpan";
    SetAsideCopies => "Set-aside copies", "Salinan yang disisihkan";
    SetAsideExplained => "Saved data that could not be read was kept here unchanged. Download it to recover it or to send it for help.", "Data tersimpan yang tidak dapat dibaca disimpan di sini tanpa diubah. Unduh untuk memulihkannya atau mengirimkannya untuk meminta bantuan.";
    Download => "Download", "Unduh";
    Discard => "Discard", "Buang";
    DiscardForGood => "Yes, discard", "Ya, buang";
    ImportMapFile => "Import map file", "Impor berkas peta";
    ExportMap => "Export map", "Ekspor peta";
    ImportRefusedOne => "This file could not be opened (1 problem)", "Berkas ini tidak dapat dibuka (1 masalah)";
    ImportRefused => "This file could not be opened ({} problems)", "Berkas ini tidak dapat dibuka ({} masalah)";
    ImportRefusedNothingChanged => "Nothing was changed. Fix these problems in the file and import it again:", "Tidak ada yang diubah. Perbaiki masalah berikut di berkas lalu impor lagi:";
    ImportedAsNewMap => "Imported “{}” as a new map.", "“{}” diimpor sebagai peta baru.";
    Dismiss => "Dismiss", "Tutup pesan";
    LoadOtherVersion => "Load the other version", "Muat versi yang lain";
    KeepMineAsCopy => "Keep mine as a copy", "Simpan versi saya sebagai salinan";
    EditRefused => "That change was not made:", "Perubahan itu tidak dilakukan:";
    MapDetails => "Map details", "Rincian peta";
    Title => "Title", "Judul";
    Description => "Description", "Deskripsi";
    Undo => "Undo", "Urungkan";
    Redo => "Redo", "Ulangi";
    StakeholdersHeading => "Stakeholders", "Pemangku kepentingan";
    StakeholdersTable => "Stakeholders", "Pemangku kepentingan";
    AddStakeholder => "Add a stakeholder", "Tambah pemangku kepentingan";
    AddStakeholderHint => "A name, or A > B to link A to B, then Enter", "Nama, atau A > B untuk menghubungkan A ke B, lalu Enter";
    Add => "Add", "Tambah";
    NoStakeholdersYet => "No stakeholders yet. Type a name above and press Enter.", "Belum ada pemangku kepentingan. Ketik nama di atas lalu tekan Enter.";
    Name => "Name", "Nama";
    Kind => "Kind", "Jenis";
    Power => "Power", "Pengaruh";
    Interest => "Interest", "Kepentingan";
    Stance => "Stance", "Sikap";
    Sectors => "Sectors", "Sektor";
    Resources => "Resources", "Sumber daya";
    Notes => "Notes", "Catatan";
    Pinned => "Pinned in the network view", "Disematkan di tampilan jaringan";
    EditStakeholder => "Edit stakeholder", "Ubah pemangku kepentingan";
    SelectToEdit => "Choose a stakeholder or a link, on the map or in a table, to edit it here.", "Pilih pemangku kepentingan atau hubungan, di peta atau di tabel, untuk mengubahnya di sini.";
    DeleteStakeholder => "Delete stakeholder", "Hapus pemangku kepentingan";
    Close => "Close", "Tutup";
    PartUnfetched => "This part of Simpul could not be fetched: the network is away. Your maps are safe; try again when you are online.", "Bagian Simpul ini tidak dapat diambil: jaringan terputus. Peta Anda aman; coba lagi saat tersambung.";
    OpenRoom => "Open a room", "Buka ruang";
    VoteHeading => "Dot vote", "Voting titik";
    DotsLeft => "You have {} of {} dots left", "Sisa titik Anda: {} dari {}";
    AddDot => "Add a dot to {}", "Tambah titik untuk {}";
    TakeDot => "Take a dot back from {}", "Ambil kembali titik dari {}";
    YourDots => "Your dots: {}", "Titik Anda: {}";
    VoteTotals => "{} dots from {} people", "{} titik dari {} orang";
    CloseVote => "Close the vote", "Tutup voting";
    VoteClosed => "The vote is closed", "Voting sudah ditutup";
    HoldVote => "Hold a dot vote", "Adakan voting titik";
    HoldVoteExplained => "Everyone in the room places dots on what matters most to them; the tallies show live.", "Setiap orang di ruang menaruh titik pada hal yang paling penting baginya; hasilnya tampil langsung.";
    VoteOnFindings => "Vote on the findings", "Voting tentang temuan";
    VoteOnStakeholders => "Vote on the stakeholders", "Voting tentang pemangku kepentingan";
    DotsEach => "Dots each", "Titik per orang";
    NothingToVoteOn => "There is nothing to vote on yet: the map has no findings or stakeholders.", "Belum ada yang bisa dipilih: peta belum memiliki temuan atau pemangku kepentingan.";
    StepChosen => "What the room chose", "Pilihan ruangan";
    NoVoteYet => "The room has not voted yet. Open a room and hold a dot vote from its dialog.", "Ruangan belum memilih. Buka ruang dan adakan voting titik dari dialognya.";
    DotCount => "{} dots", "{} titik";
    ShowVote => "The vote so far ({} dots)", "Hasil voting sejauh ini ({} titik)";
    RoomHeading => "Workshop room", "Ruang lokakarya";
    RoomExplained => "Everyone who opens this link, or scans the code, edits this map with you, live.", "Siapa pun yang membuka tautan ini, atau memindai kodenya, menyunting peta ini bersama Anda secara langsung.";
    RoomLink => "Join link", "Tautan bergabung";
    RoomQrCode => "QR code of the join link", "Kode QR tautan bergabung";
    PeopleInRoom => "in the room", "di ruang ini";
    RoomYou => "you", "Anda";
    RoomConnecting => "Connecting to the room…", "Menyambung ke ruang…";
    RoomOnline => "Connected: changes reach everyone as they are made.", "Tersambung: perubahan sampai ke semua orang saat dibuat.";
    RoomOffline => "The room's relay cannot be reached; trying again in {} s. Your changes are kept and sent when it is back.", "Relai ruang tidak dapat dijangkau; mencoba lagi dalam {} detik. Perubahan Anda disimpan dan dikirim saat tersambung kembali.";
    RoomSafety => "Anyone with this link can edit the map. Whoever runs the relay can read the rooms it holds. Each browser keeps its own copy of the map.", "Siapa pun yang memiliki tautan ini dapat menyunting peta. Pengelola relai dapat membaca ruang yang disimpannya. Setiap peramban menyimpan salinan petanya sendiri.";
    LeaveRoom => "Leave the room", "Keluar dari ruang";
    JoinHeading => "Join a workshop room", "Bergabung ke ruang lokakarya";
    JoinExplained => "You are joining a shared map. Others in the room will see your name beside your changes.", "Anda bergabung ke peta bersama. Peserta lain akan melihat nama Anda di samping perubahan Anda.";
    YourName => "Your name", "Nama Anda";
    Join => "Join", "Gabung";
    RoomMapTitle => "Workshop room", "Ruang lokakarya";
    Facilitator => "Facilitator", "Fasilitator";
    RoomChangeRefused => "A change from the room was not applied: {}", "Perubahan dari ruang tidak diterapkan: {}";
    RoomUnreadable => "The room sent something Simpul cannot read ({}). Your map is unchanged.", "Ruang mengirim sesuatu yang tidak dapat dibaca Simpul ({}). Peta Anda tidak berubah.";
    NoSectorsYet => "No sectors yet: add them under Sectors.", "Belum ada sektor: tambahkan di bagian Sektor.";
    LinksHeading => "Links", "Hubungan";
    LinksTable => "Links", "Daftar hubungan";
    TooManyToList => "This map has too many stakeholders to list here. Type \"A > B\" in Add a stakeholder to link A to B, or select a stakeholder on the picture and press L.", "Peta ini memuat terlalu banyak pemangku kepentingan untuk didaftar di sini. Ketik \"A > B\" di Tambah pemangku kepentingan untuk menghubungkan A ke B, atau pilih pemangku kepentingan pada gambar lalu tekan L.";
    NeedTwoStakeholders => "Add at least two stakeholders to link them.", "Tambahkan setidaknya dua pemangku kepentingan untuk menghubungkannya.";
    AddLink => "Add link", "Tambah hubungan";
    From => "From", "Dari";
    To => "To", "Ke";
    Choose => "Choose…", "Pilih…";
    LinkKind => "Kind of link", "Jenis hubungan";
    Strength => "Strength", "Kekuatan";
    Directed => "One-way (directed)", "Satu arah";
    Between => "Between", "Antara";
    Actions => "Actions", "Tindakan";
    SectorsHeading => "Sectors", "Sektor";
    AddSector => "Add a sector", "Tambah sektor";
    AddSectorHint => "e.g. Health, Education, Waste", "mis. Kesehatan, Pendidikan, Sampah";
    Colour => "Colour", "Warna";
    MemberCount => "{} members", "{} anggota";
    FindingsHeading => "Findings", "Temuan";
    NoFindings => "Nothing stands out yet. Findings appear here as the map grows.", "Belum ada yang menonjol. Temuan akan muncul di sini seiring peta bertambah.";
    SeverityHigh => "Act on these first", "Tangani lebih dulu";
    SeverityMedium => "Worth attention", "Perlu diperhatikan";
    SeverityLow => "Opportunities", "Peluang";
    Suggestion => "Suggestion:", "Saran:";
    ShowOnMap => "Highlight", "Sorot di peta";
    StopHighlighting => "Stop highlighting", "Hentikan sorotan";
    Highlighted => "highlighted by the chosen finding", "disorot oleh temuan yang dipilih";
    FindingCount => "{} findings", "{} temuan";
    FindingsSummary => "In short", "Ringkasnya";
    FindingsOfHeadline => "Showing {} of {} findings: {}", "Menampilkan {} dari {} temuan: {}";
    ShowAllFindings => "Show all findings", "Tampilkan semua temuan";
    Quadrant => "Quadrant", "Kuadran";
    Degree => "Degree", "Derajat";
    Betweenness => "Betweenness", "Keantaraan";
    Closeness => "Closeness", "Kedekatan";
    Eigenvector => "Eigenvector", "Eigenvektor";
    Community => "Community", "Komunitas";
    ColourByCommunity => "Colour by community", "Warnai menurut komunitas";
    LegendCommunities => "Communities", "Komunitas";
    LegendCommunity => "Community {} ({})", "Komunitas {} ({})";
    LegendOtherCommunities => "Other communities ({})", "Komunitas lain ({})";
    MetricsExplained => "Degree: share of others linked directly. Betweenness: how often someone lies on the shortest path between two others. Closeness: how near someone is to everyone they can reach. Eigenvector: linked to the well-linked (on a map in separate groups, each group is measured on its own and weighted by its number of stakeholders; someone with no links has 0). Community: a group of stakeholders more linked among themselves than to others (Louvain, weighted by link strength).", "Derajat: porsi pihak lain yang terhubung langsung. Keantaraan: seberapa sering seseorang berada di jalur terpendek antara dua pihak lain. Kedekatan: seberapa dekat seseorang dengan semua yang dapat dijangkaunya. Eigenvektor: terhubung dengan yang banyak koneksinya (pada peta yang terpisah menjadi beberapa kelompok, setiap kelompok diukur sendiri dan dibobot menurut jumlah pemangku kepentingannya; yang tanpa hubungan bernilai 0). Komunitas: sekelompok pemangku kepentingan yang lebih banyak saling terhubung daripada dengan pihak lain (Louvain, dibobot menurut kekuatan hubungan).";
    EigenvectorUnsettled => "The eigenvector values did not settle on this map: read them as approximate.", "Nilai eigenvektor belum stabil pada peta ini: bacalah sebagai perkiraan.";
    CopyShareLink => "Copy share link", "Salin tautan berbagi";
    MoreExports => "More exports", "Ekspor lainnya";
    MoreTypesGuessed => "… and {} more types, each with the kind Simpul guessed.", "… dan {} tipe lainnya, masing-masing dengan jenis tebakan Simpul.";
    KeyboardShortcuts => "Keyboard shortcuts", "Pintasan papan ketik";
    Keys => "Keys", "Tombol";
    Action => "What it does", "Fungsinya";
    KeyHelp => "Show or hide this list (outside text fields)", "Tampilkan atau sembunyikan daftar ini (di luar kolom isian)";
    KeyUndo => "Undo the last change", "Urungkan perubahan terakhir";
    KeyRedo => "Redo", "Ulangi";
    KeyAdd => "In “Add a stakeholder” or “Add a sector”: add what you typed. “A > B” links A to B one way, “A -- B” both ways, adding names not yet on the map", "Di “Tambah pemangku kepentingan” atau “Tambah sektor”: tambahkan yang Anda ketik. “A > B” menghubungkan A ke B satu arah, “A -- B” dua arah, sekaligus menambah nama yang belum ada";
    KeyTabs => "On the view tabs: the network, the power–interest grid, the sector matrix", "Pada tab tampilan: jaringan, kisi pengaruh–kepentingan, matriks sektor";
    KeyNextStakeholder => "In the network: select the next or previous stakeholder", "Di tampilan jaringan: pilih pemangku kepentingan berikutnya atau sebelumnya";
    KeyPan => "In the network: move the view", "Di tampilan jaringan: geser tampilan";
    KeyMove => "In the network: move the selected stakeholder (and pin it)", "Di tampilan jaringan: pindahkan pemangku kepentingan terpilih (dan sematkan)";
    KeyZoom => "In the network (and in workshop mode): zoom in, zoom out, fit to screen", "Di tampilan jaringan (dan di mode lokakarya): perbesar, perkecil, paskan ke layar";
    KeyFocus => "In the network: focus on the selected stakeholder and its neighbours", "Di tampilan jaringan: fokus pada pemangku kepentingan terpilih dan tetangganya";
    KeyLink => "In the network: link from the selected stakeholder, then choose the other end", "Di tampilan jaringan: hubungkan dari pemangku kepentingan terpilih, lalu pilih ujung lainnya";
    KeyPin => "In the network: pin or unpin the selected stakeholder", "Di tampilan jaringan: sematkan atau lepaskan pemangku kepentingan terpilih";
    KeyDelete => "In the network: delete the selected stakeholder (undo brings it back)", "Di tampilan jaringan: hapus pemangku kepentingan terpilih (urungkan mengembalikannya)";
    KeyRescore => "On a stakeholder in the power–interest grid: raise or lower power and interest", "Pada pemangku kepentingan di kisi pengaruh–kepentingan: naikkan atau turunkan pengaruh dan kepentingan";
    KeyWorkshop => "Open workshop mode for a projector: full screen, large type, the map shown step by step", "Buka mode lokakarya untuk proyektor: layar penuh, huruf besar, peta ditampilkan langkah demi langkah";
    KeyWorkshopSteps => "In workshop mode: the next or the previous step (Space, Page Down and Page Up too)", "Di mode lokakarya: langkah berikutnya atau sebelumnya (juga Spasi, Page Down dan Page Up)";
    KeyWorkshopAdd => "In workshop mode: type a stakeholder, or a link as “A > B”", "Di mode lokakarya: ketik pemangku kepentingan, atau hubungan sebagai “A > B”";
    KeyEscape => "Cancel, leave focus or workshop mode, close a preview or this list", "Batalkan, keluar dari fokus atau mode lokakarya, tutup pratinjau atau daftar ini";
    WorkshopMode => "Workshop mode", "Mode lokakarya";
    WorkshopLeave => "Leave workshop mode", "Keluar dari mode lokakarya";
    WorkshopStepOf => "Step {} of {}", "Langkah {} dari {}";
    StepActors => "Who is involved", "Siapa saja yang terlibat";
    StepSectors => "The sectors they work in", "Sektor tempat mereka berkiprah";
    StepLinks => "How they are linked", "Bagaimana mereka saling terhubung";
    StepPowerInterest => "Power and interest", "Pengaruh dan kepentingan";
    StepFinding => "Finding {} of {}", "Temuan {} dari {}";
    StepSummary => "The {} findings in short", "Ringkasan {} temuan";
    StepPrevious => "Previous step", "Langkah sebelumnya";
    StepNext => "Next step", "Langkah berikutnya";
    WorkshopAdd => "Add a stakeholder or a link", "Tambah pemangku kepentingan atau hubungan";
    WorkshopAddHint => "A name, or A > B", "Nama, atau A > B";
    WorkshopKeys => "→ or Space: next · ←: back · N: add · ?: all keys · Esc: leave", "→ atau Spasi: lanjut · ←: kembali · N: tambah · ?: semua tombol · Esc: keluar";
    NewFromExample => "New from an example", "Baru dari contoh";
    OpenedExample => "Opened the example “{}” as a new map: yours to change.", "Contoh “{}” dibuka sebagai peta baru: silakan diubah.";
    SheetImportHeading => "Import from another tool", "Impor dari aplikasi lain";
    SheetImportSummary => "{} stakeholders and {} links found in “{}”. Check the kind each type stands for, then import. Nothing is imported before that.", "Ditemukan {} pemangku kepentingan dan {} hubungan di “{}”. Periksa jenis yang dimaksud setiap tipe, lalu impor. Belum ada yang diimpor sebelum itu.";
    StakeholderTypes => "Types of stakeholder in the file", "Tipe pemangku kepentingan dalam berkas";
    LinkTypes => "Types of link in the file", "Tipe hubungan dalam berkas";
    TypeInFile => "Type in the file", "Tipe dalam berkas";
    Rows => "Rows", "Baris";
    KindInSimpul => "Kind in Simpul", "Jenis di Simpul";
    KindForType => "Kind in Simpul for “{}”", "Jenis di Simpul untuk “{}”";
    NoType => "(no type)", "(tanpa tipe)";
    RowsNeedAttention => "{} things read differently from the file: rows or elements left out or changed", "{} hal dibaca berbeda dari berkasnya: baris atau elemen yang dilewati atau diubah";
    AndMore => "… and {} more.", "… dan {} lainnya.";
    ImportAsNewMap => "Import as a new map", "Impor sebagai peta baru";
    PrintLayout => "Print layout", "Tata letak cetak";
    Paper => "Paper", "Kertas";
    PaperA4 => "A4 landscape", "A4 lanskap";
    PaperA3 => "A3 landscape", "A3 lanskap";
    PrintNow => "Print", "Cetak";
    PrintPictureAlt => "The network of stakeholders and sectors; the table below lists every stakeholder.", "Jaringan pemangku kepentingan dan sektor; tabel di bawah memuat setiap pemangku kepentingan.";
    MoreNotPrinted => "… and {} more, listed in Simpul.", "… dan {} lainnya, tercantum di Simpul.";
    LinkCount => "{} links", "{} hubungan";
    SectorCount => "{} sectors", "{} sektor";
    ExportsHelp => "For Gephi, Gephi Lite, Cytoscape, yEd, spreadsheets, Kumu, slides and posters. Files are made in this browser.", "Untuk Gephi, Gephi Lite, Cytoscape, yEd, lembar kerja, Kumu, slide, dan poster. Berkas dibuat di peramban ini.";
    ExportGraphml => "Network as GraphML", "Jaringan sebagai GraphML";
    ExportGexf => "Network as GEXF (Gephi)", "Jaringan sebagai GEXF (Gephi)";
    ExportStakeholdersCsv => "Stakeholders as CSV", "Pemangku kepentingan sebagai CSV";
    ExportLinksCsv => "Links as CSV", "Hubungan sebagai CSV";
    ExportKumu => "Kumu blueprint (JSON)", "Cetak biru Kumu (JSON)";
    ExportSvg => "Picture as SVG", "Gambar sebagai SVG";
    ExportPng => "Picture as PNG", "Gambar sebagai PNG";
    PngScale => "PNG size", "Ukuran PNG";
    PngScaleScreen => "1× (screen)", "1× (layar)";
    PngScaleSlides => "2× (slides)", "2× (slide)";
    PngScalePoster => "4× (poster)", "4× (poster)";
    ShareLink => "Share link", "Tautan berbagi";
    ShareLinkCopied => "Link copied: {} characters.", "Tautan disalin: {} karakter.";
    ShareLinkCopyByHand => "Copy the link below: {} characters.", "Salin tautan di bawah ini: {} karakter.";
    ShareLinkTooLong => "This link is long. Some chat apps and mail clients cut links of more than {} characters: if it arrives broken, send the exported file instead.", "Tautan ini panjang. Sebagian aplikasi obrolan dan surel memotong tautan yang lebih dari {} karakter: jika tautan tiba dalam keadaan rusak, kirim berkas hasil ekspor saja.";
    LinkRefused => "This share link could not be opened:", "Tautan berbagi ini tidak dapat dibuka:";
    PreviewBanner => "You are looking at a map someone shared with you. It is not saved in this browser, and none of your maps has changed.", "Anda sedang melihat peta yang dibagikan kepada Anda. Peta ini belum tersimpan di peramban ini, dan tidak ada peta Anda yang berubah.";
    SaveToMyMaps => "Save to my maps", "Simpan ke peta saya";
    ClosePreview => "Close preview", "Tutup pratinjau";
    UpdateReady => "A new version of Simpul is ready: reload the page to use it. Your maps are kept.", "Versi baru Simpul sudah siap: muat ulang halaman untuk memakainya. Peta Anda tetap tersimpan.";
    SavedFromLink => "Saved “{}” to your maps.", "“{}” disimpan ke peta Anda.";
    ScoreVeryLow => "very low", "sangat rendah";
    ScoreLow => "low", "rendah";
    ScoreMedium => "medium", "sedang";
    ScoreHigh => "high", "tinggi";
    ScoreVeryHigh => "very high", "sangat tinggi";
    StrengthWeak => "weak", "lemah";
    StrengthStrong => "strong", "kuat";
    MapPictures => "Pictures of the map", "Gambar peta";
    NetworkView => "Network", "Jaringan";
    GridView => "Power–interest grid", "Kisi pengaruh–kepentingan";
    MatrixView => "Sector matrix", "Matriks sektor";
    NetworkTools => "Network view tools", "Alat tampilan jaringan";
    FitToScreen => "Fit to screen", "Paskan ke layar";
    ZoomIn => "Zoom in", "Perbesar";
    ZoomOut => "Zoom out", "Perkecil";
    FocusMode => "Focus on selected", "Fokus pada yang dipilih";
    LinkFromSelected => "Link from selected", "Hubungkan dari yang dipilih";
    PinToggle => "Pin or release", "Sematkan atau lepas";
    NetworkHelp => "Click a stakeholder to select it; drag it to move and pin it; drag the background to pan; wheel to zoom. Shift+drag from one stakeholder to another links them. Keys: [ and ] step through stakeholders, arrows pan, Shift+arrows move, + and − zoom, 0 fits, F focus, L link, P pin, Delete removes.", "Klik pemangku kepentingan untuk memilihnya; seret untuk memindah dan menyematkannya; seret latar untuk menggeser; roda tetikus untuk memperbesar. Shift+seret dari satu pemangku kepentingan ke yang lain menghubungkan keduanya. Tombol: [ dan ] berpindah antarpemangku kepentingan, panah menggeser, Shift+panah memindah, + dan − memperbesar/memperkecil, 0 memaskan, F fokus, L hubungkan, P sematkan, Delete menghapus.";
    LinkModeOn => "Linking: choose the other stakeholder (click it, or step to it with [ ] and press Enter). Escape cancels.", "Menghubungkan: pilih pemangku kepentingan lainnya (klik, atau pindah dengan [ ] lalu tekan Enter). Escape membatalkan.";
    NetworkLabel => "Network of {} stakeholders and {} links. The Stakeholders table below lists the same map in text.", "Jaringan {} pemangku kepentingan dan {} hubungan. Tabel di bawah memuat peta yang sama dalam teks.";
    GridHelp => "Drag a stakeholder to another cell, or focus it and press the arrow keys, to change its power (up and down) and interest (left and right).", "Seret pemangku kepentingan ke sel lain, atau fokuskan lalu tekan tombol panah, untuk mengubah pengaruh (atas dan bawah) dan kepentingannya (kiri dan kanan).";
    GridCellLabel => "Power {}, interest {}", "Pengaruh {}, kepentingan {}";
    GridChipLabel => "{} ({}): power {}, interest {}", "{} ({}): pengaruh {}, kepentingan {}";
    MatrixNeedsSectors => "Add sectors and put stakeholders in them to see which sectors work together.", "Tambahkan sektor dan masukkan pemangku kepentingan ke dalamnya untuk melihat sektor mana yang bekerja sama.";
    MatrixHelp => "Each cell counts the linked pairs of stakeholders between two sectors. \"Gap\" marks sectors that never talk. Choose a cell to see its links.", "Setiap sel menghitung pasangan pemangku kepentingan yang terhubung antara dua sektor. \"Celah\" menandai sektor yang tidak pernah berhubungan. Pilih sel untuk melihat hubungannya.";
    MatrixCaption => "Links between sectors", "Hubungan antarsektor";
    MatrixRowSectors => "Sectors down the side", "Sektor di sisi kiri";
    MatrixColumnSectors => "Sectors across the top", "Sektor di bagian atas";
    MatrixCountCell => "{} linked pairs between {} and {}", "{} pasangan terhubung antara {} dan {}";
    MatrixGapCell => "{} links: a cross-sector gap between {} and {}", "{} hubungan: celah lintas sektor antara {} dan {}";
    Gap => "Gap", "Celah";
    FocusStatus => "Focus on {}, linked to: {}", "Fokus pada {}, terhubung dengan: {}";
    Nobody => "nobody", "tidak ada";
    MatrixDetailHeading => "{} and {}", "{} dan {}";
    MatrixNoLinks => "No links join these sectors.", "Tidak ada hubungan yang menghubungkan sektor-sektor ini.";
    Analysing => "Analysing {} stakeholders in the background… The findings and the table's metrics will update when it is done.", "Menganalisis {} pemangku kepentingan di latar belakang… Temuan dan metrik di tabel akan diperbarui setelah selesai.";
    EditLink => "Edit", "Ubah";
    DoneEditing => "Done", "Selesai";
    OneWay => "One-way", "Satu arah";
    BothWays => "Both ways", "Dua arah";
    PageRows => "{}–{} of {}", "{}–{} dari {}";
    PageFirst => "First page", "Halaman pertama";
    PagePrevious => "Previous page", "Halaman sebelumnya";
    PageNext => "Next page", "Halaman berikutnya";
    PageLast => "Last page", "Halaman terakhir";
    PagesOf => "Pages: {}", "Halaman: {}";
}

impl Text {
    /// A 1–5 score in words.
    pub fn score_word(value: i64, lang: Lang) -> &'static str {
        let text = match value {
            i64::MIN..=1 => Text::ScoreVeryLow,
            2 => Text::ScoreLow,
            3 => Text::ScoreMedium,
            4 => Text::ScoreHigh,
            _ => Text::ScoreVeryHigh,
        };
        text.get(lang)
    }

    /// A 1–3 link strength in words.
    pub fn strength_word(value: i64, lang: Lang) -> &'static str {
        let text = match value {
            i64::MIN..=1 => Text::StrengthWeak,
            2 => Text::ScoreMedium,
            _ => Text::StrengthStrong,
        };
        text.get(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_match_between_languages() {
        for text in Text::ALL {
            let (en, id) = (text.get(Lang::En), text.get(Lang::Id));
            assert!(!en.trim().is_empty() && !id.trim().is_empty(), "{text:?} is empty");
            assert_eq!(en.matches("{}").count(), id.matches("{}").count(), "{text:?} placeholders differ");
        }
    }

    #[test]
    fn the_automation_contract_names_are_exact_in_english() {
        assert_eq!(Text::ImportMapFile.get(Lang::En), "Import map file");
        assert_eq!(Text::ExportMap.get(Lang::En), "Export map");
        assert_eq!(Text::StakeholdersTable.get(Lang::En), "Stakeholders");
        // Acceptance tests find the table by a name match that is not exact: no other
        // table or region may have a name containing "Stakeholders".
        assert_eq!(Text::FindingsHeading.get(Lang::En), "Findings");
        assert_eq!(Text::Betweenness.get(Lang::En), "Betweenness");
        for text in [Text::LinksTable, Text::MatrixCaption] {
            assert!(!text.get(Lang::En).to_lowercase().contains("stakeholders"));
        }
    }
}
