/// Staff positions of service, education, infrastructure, order and agriculture units.
extension DemoJobCatalog {
    static func technical(_ code: String) -> [DemoJob] {
        switch code {
        case "T.IZIN": izin
        case "T.ARSIP": arsip
        case "T.SOSIAL": sosial
        case "T.DIK": dik
        case "T.PUPR": pupr
        case "T.LH": lh
        case "T.HUB": hub
        case "T.TRANTIB": trantib
        case "T.HUKUM": hukum
        case "T.TANI": tani
        default: []
        }
    }

    static let izin: [DemoJob] = [
        DemoJob(
            "Verifikator Perizinan", 3, [], "memverifikasi permohonan perizinan berusaha dan nonperizinan",
            [
                "Memeriksa kelengkapan permohonan", "Memverifikasi data permohonan dalam sistem OSS",
                "Menyiapkan konsep keputusan izin",
            ]),
        DemoJob(
            "Pengelola Layanan Perizinan", 2, [], "melayani pemohon di loket perizinan",
            [
                "Memberikan informasi persyaratan perizinan", "Menerima berkas permohonan",
                "Menyerahkan dokumen izin kepada pemohon",
            ]),
    ]
    static let arsip: [DemoJob] = [
        DemoJob(
            "Arsiparis Terampil", 2, [], "mengelola arsip dinamis",
            ["Memberkaskan arsip aktif", "Menata arsip inaktif", "Melayani peminjaman arsip"]),
        DemoJob(
            "Arsiparis Ahli Pertama", 1.5, [], "mengelola sistem kearsipan",
            [
                "Menyusun klasifikasi dan jadwal retensi arsip", "Melaksanakan penilaian arsip",
                "Membina pengelola arsip unit kerja",
            ]),
        DemoJob(
            "Pustakawan Ahli Pertama", 3, ["Perpustakaan"], "mengelola layanan perpustakaan",
            ["Mengolah bahan pustaka", "Melayani pemustaka", "Menyelenggarakan kegiatan literasi"]),
        DemoJob(
            "Pengelola Kepegawaian", 1.5, ["^Sekretariat", "Tata Usaha"],
            "menatausahakan administrasi kepegawaian unit",
            ["Memutakhirkan data pegawai", "Menyiapkan usulan kenaikan pangkat dan cuti", "Merekap kehadiran pegawai"]),
        DemoJob(
            "Pengelola Keuangan", 1.5, ["^Sekretariat", "Tata Usaha", "Keuangan"],
            "menatausahakan dokumen keuangan unit",
            [
                "Menyiapkan dokumen permintaan pembayaran", "Memverifikasi bukti pengeluaran",
                "Mengarsipkan dokumen keuangan",
            ]),
    ]
    static let sosial: [DemoJob] = [
        DemoJob(
            "Pekerja Sosial Ahli Pertama", 2, ["Sosial", "Perempuan", "Anak"],
            "melaksanakan pelayanan dan rehabilitasi sosial",
            [
                "Melakukan asesmen kebutuhan klien", "Mendampingi klien dan keluarganya",
                "Merujuk klien ke layanan yang tepat",
            ]),
        DemoJob(
            "Penyuluh Sosial Ahli Pertama", 1.5, ["Sosial", "Kesejahteraan"],
            "melaksanakan penyuluhan dan pemberdayaan sosial",
            [
                "Menyuluh masyarakat tentang program kesejahteraan sosial", "Memfasilitasi kelompok usaha bersama",
                "Memutakhirkan data terpadu kesejahteraan sosial",
            ]),
        DemoJob(
            "Pengantar Kerja Ahli Pertama", 2, ["Tenaga Kerja", "Kesempatan Kerja"],
            "melaksanakan pelayanan penempatan tenaga kerja",
            ["Melayani pendaftaran pencari kerja", "Memberikan bimbingan jabatan", "Menyelenggarakan bursa kerja"]),
        DemoJob(
            "Instruktur Ahli Pertama", 3, ["Latihan Kerja", "Pelatihan dan Produktivitas"],
            "melatih calon tenaga kerja",
            ["Menyusun program pelatihan berbasis kompetensi", "Melatih peserta", "Menguji hasil pelatihan"]),
        DemoJob(
            "Mediator Hubungan Industrial Ahli Pertama", 2, ["Hubungan Industrial"],
            "menyelesaikan perselisihan hubungan industrial",
            ["Melakukan mediasi perselisihan", "Membina lembaga kerja sama bipartit", "Menyusun anjuran tertulis"]),
    ]
    static let dik: [DemoJob] = [
        DemoJob(
            "Guru Ahli Pertama", 6, ["Satuan Pendidikan"], "melaksanakan pembelajaran dan penilaian peserta didik",
            ["Menyusun modul ajar", "Melaksanakan pembelajaran di kelas", "Menilai hasil belajar peserta didik"]),
        DemoJob(
            "Guru Ahli Muda", 5, ["Satuan Pendidikan"], "melaksanakan pembelajaran dan membimbing rekan guru",
            [
                "Melaksanakan pembelajaran berdiferensiasi", "Membimbing guru pemula",
                "Menganalisis hasil asesmen untuk perbaikan pembelajaran",
            ]),
        DemoJob(
            "Pengawas Sekolah Ahli Muda", 1.5, ["Sekolah", "PAUD"],
            "melaksanakan supervisi akademik dan manajerial sekolah",
            [
                "Melaksanakan supervisi akademik", "Membina kepala sekolah dan guru",
                "Memantau pemenuhan standar nasional pendidikan",
            ]),
        DemoJob(
            "Pamong Belajar Ahli Pertama", 2, ["Nonformal"], "mengembangkan model pembelajaran pendidikan nonformal",
            [
                "Menyusun program pendidikan kesetaraan", "Melaksanakan pembelajaran nonformal",
                "Mengevaluasi program pendidikan nonformal",
            ]),
        DemoJob(
            "Pamong Budaya Ahli Pertama", 2, ["^Bidang Kebudayaan"], "melestarikan dan mengembangkan kebudayaan daerah",
            [
                "Mendata objek pemajuan kebudayaan", "Membina sanggar dan komunitas budaya",
                "Menyelenggarakan festival budaya",
            ]),
    ]
    static let pupr: [DemoJob] = [
        DemoJob(
            "Teknik Jalan dan Jembatan Ahli Pertama", 3, ["Bina Marga", "Pekerjaan Umum"],
            "merencanakan dan mengawasi pekerjaan jalan dan jembatan",
            [
                "Melakukan survei kondisi jalan", "Menyusun rencana teknis pekerjaan jalan",
                "Mengawasi mutu pekerjaan konstruksi",
            ]),
        DemoJob(
            "Teknik Pengairan Ahli Pertama", 3, ["Sumber Daya Air"],
            "merencanakan dan mengawasi prasarana sumber daya air",
            [
                "Mendata jaringan irigasi dan drainase", "Menyusun rencana teknis pekerjaan pengairan",
                "Mengawasi pelaksanaan pekerjaan",
            ]),
        DemoJob(
            "Penata Ruang Ahli Pertama", 2, ["Penataan Ruang", "Cipta Karya"], "menyelenggarakan penataan ruang",
            [
                "Menyusun bahan rencana tata ruang", "Menilai kesesuaian pemanfaatan ruang",
                "Mengendalikan pemanfaatan ruang",
            ]),
        DemoJob(
            "Teknik Tata Bangunan dan Perumahan Ahli Pertama", 3, ["Perumahan", "Permukiman", "Cipta Karya"],
            "menyelenggarakan bangunan gedung dan perumahan",
            [
                "Memeriksa dokumen persetujuan bangunan gedung", "Mendata rumah tidak layak huni",
                "Mengawasi pembangunan prasarana permukiman",
            ]),
        DemoJob(
            "Pengawas Lapangan", 2, [], "mengawasi pelaksanaan pekerjaan fisik di lapangan",
            [
                "Memeriksa volume dan mutu pekerjaan", "Mencatat kemajuan pekerjaan harian",
                "Melaporkan penyimpangan pelaksanaan",
            ]),
        DemoJob(
            "Operator Alat Berat", 3, ["Peralatan"], "mengoperasikan dan merawat alat berat",
            [
                "Mengoperasikan alat berat sesuai prosedur", "Merawat alat berat secara berkala",
                "Mencatat jam kerja dan bahan bakar",
            ]),
        DemoJob(
            "Pengelola Pertamanan dan Penerangan Jalan", 2, ["Pertamanan"],
            "memelihara taman kota dan penerangan jalan umum",
            [
                "Memelihara taman dan ruang terbuka hijau", "Memeriksa dan memperbaiki lampu penerangan jalan",
                "Menindaklanjuti laporan warga",
            ]),
    ]
    static let lh: [DemoJob] = [
        DemoJob(
            "Pengendali Dampak Lingkungan Ahli Pertama", 3, [], "mengendalikan dampak lingkungan usaha dan kegiatan",
            [
                "Memeriksa dokumen lingkungan", "Mengawasi ketaatan usaha terhadap izin lingkungan",
                "Mengambil sampel dan menganalisis kualitas lingkungan",
            ]),
        DemoJob(
            "Pengendali Dampak Lingkungan Ahli Muda", 1, [],
            "mengevaluasi dan merancang pengendalian dampak lingkungan",
            [
                "Menilai dokumen AMDAL dan UKL-UPL", "Menyusun kajian lingkungan hidup strategis",
                "Menyusun rekomendasi penegakan hukum lingkungan",
            ]),
        DemoJob(
            "Pengawas Kebersihan", 3, ["Sampah", "Kebersihan"], "mengawasi pengangkutan dan pengelolaan sampah",
            [
                "Mengatur jadwal dan rute pengangkutan sampah", "Mengawasi petugas kebersihan",
                "Menindaklanjuti pengaduan sampah",
            ]),
        DemoJob(
            "Operator Tempat Pemrosesan Akhir", 3, ["Pemrosesan Akhir"],
            "mengoperasikan tempat pemrosesan akhir sampah",
            ["Mencatat volume sampah masuk", "Mengoperasikan sel landfill", "Mengendalikan air lindi dan gas"]),
    ]
    static let hub: [DemoJob] = [
        DemoJob(
            "Penguji Kendaraan Bermotor Terampil", 4, ["Pengujian Kendaraan"],
            "melaksanakan uji berkala kendaraan bermotor",
            ["Memeriksa kondisi teknis kendaraan", "Mengoperasikan alat uji", "Menerbitkan bukti lulus uji elektronik"]),
        DemoJob(
            "Pengatur Lalu Lintas", 3, ["Lalu Lintas", "Perhubungan"], "mengatur dan mengawasi lalu lintas",
            [
                "Mengatur arus lalu lintas di persimpangan", "Memasang dan memelihara rambu",
                "Mencatat pelanggaran dan kejadian",
            ]),
        DemoJob(
            "Pengelola Terminal", 3, ["Terminal"], "mengelola operasional terminal",
            [
                "Mengatur kedatangan dan keberangkatan angkutan", "Memungut retribusi terminal",
                "Menjaga ketertiban terminal",
            ]),
        DemoJob(
            "Pengelola Parkir", 3, ["Perparkiran"], "mengelola layanan dan retribusi parkir",
            ["Mengawasi juru parkir", "Menyetor retribusi parkir", "Menertibkan parkir liar"]),
    ]
    static let trantib: [DemoJob] = [
        DemoJob(
            "Polisi Pamong Praja Terampil", 5, ["Polisi Pamong Praja"],
            "menegakkan peraturan daerah dan menjaga ketertiban umum",
            [
                "Melaksanakan patroli wilayah", "Menertibkan pelanggaran peraturan daerah",
                "Mengamankan kegiatan pemerintah daerah",
            ]),
        DemoJob(
            "Polisi Pamong Praja Ahli Pertama", 2, ["Polisi Pamong Praja"],
            "merencanakan dan memimpin operasi penegakan peraturan daerah",
            ["Menyusun rencana operasi penertiban", "Memimpin regu dalam operasi", "Menyusun berita acara penindakan"]),
        DemoJob(
            "Pemadam Kebakaran Terampil", 5, ["Kebakaran"], "memadamkan kebakaran dan menyelamatkan korban",
            [
                "Melaksanakan pemadaman kebakaran", "Melaksanakan penyelamatan korban",
                "Merawat sarana dan prasarana pemadam",
            ]),
        DemoJob(
            "Analis Kebakaran Ahli Pertama", 1.5, ["Kebakaran"], "menganalisis risiko dan pencegahan kebakaran",
            [
                "Memeriksa proteksi kebakaran bangunan", "Menganalisis penyebab kebakaran",
                "Menyuluh masyarakat tentang pencegahan kebakaran",
            ]),
        DemoJob(
            "Penata Penanggulangan Bencana Ahli Pertama", 3, ["Bencana"], "melaksanakan penanggulangan bencana",
            [
                "Menyusun kajian risiko bencana", "Melaksanakan kaji cepat saat bencana",
                "Melatih kesiapsiagaan masyarakat",
            ]),
    ]
    static let hukum: [DemoJob] = [
        DemoJob(
            "Perancang Peraturan Perundang-undangan Ahli Pertama", 3, ["Hukum", "Perundang-undangan"],
            "menyusun rancangan produk hukum daerah",
            [
                "Menyusun rancangan peraturan daerah", "Mengharmonisasi rancangan produk hukum",
                "Menyusun naskah akademik",
            ]),
        DemoJob(
            "Analis Hukum Ahli Pertama", 2, [], "menganalisis permasalahan hukum",
            ["Menyusun telaahan hukum", "Mendampingi perkara di pengadilan", "Mengevaluasi peraturan daerah"]),
        DemoJob(
            "Analis Hukum Ahli Muda", 1, [], "menganalisis dan merekomendasikan kebijakan hukum",
            ["Menganalisis dampak regulasi", "Menyusun pendapat hukum", "Mewakili pemerintah daerah dalam perkara"]),
        DemoJob(
            "Pengelola Data Pertanahan", 2, ["Pertanahan", "Tanah"], "mengelola data dan administrasi pertanahan",
            [
                "Mendata tanah milik pemerintah daerah", "Menyiapkan dokumen pengadaan tanah",
                "Memutakhirkan peta bidang tanah",
            ]),
    ]
    static let tani: [DemoJob] = [
        DemoJob(
            "Penyuluh Pertanian Ahli Pertama", 4, ["Pertanian", "Tanaman", "Penyuluhan"],
            "melaksanakan penyuluhan pertanian",
            ["Menyusun programa penyuluhan", "Membina kelompok tani", "Mendampingi penerapan teknologi pertanian"]),
        DemoJob(
            "Medik Veteriner Ahli Pertama", 2, ["Hewan", "Peternakan"], "melaksanakan pelayanan kesehatan hewan",
            [
                "Memeriksa dan mengobati hewan", "Memeriksa kesehatan hewan sebelum dan sesudah pemotongan",
                "Menangani wabah penyakit hewan",
            ]),
        DemoJob(
            "Paramedik Veteriner Terampil", 2, ["Hewan", "Peternakan"], "membantu pelayanan kesehatan hewan",
            ["Melaksanakan vaksinasi hewan", "Mengambil sampel penyakit hewan", "Mencatat populasi ternak"]),
        DemoJob(
            "Penyuluh Perikanan Ahli Pertama", 3, ["Perikanan", "Kelautan", "Pendaratan Ikan"],
            "melaksanakan penyuluhan perikanan",
            [
                "Membina kelompok nelayan dan pembudi daya ikan", "Mendampingi penerapan teknologi perikanan",
                "Mendata produksi perikanan",
            ]),
        DemoJob(
            "Analis Ketahanan Pangan Ahli Pertama", 3, ["Pangan"], "menganalisis ketersediaan dan kerawanan pangan",
            [
                "Menyusun neraca bahan makanan", "Memantau harga dan pasokan pangan",
                "Menyusun peta ketahanan dan kerentanan pangan",
            ]),
        DemoJob(
            "Pengawas Mutu Hasil Pertanian Ahli Pertama", 1.5, ["Keamanan Pangan"],
            "mengawasi mutu dan keamanan pangan segar",
            ["Mengambil sampel pangan segar", "Menguji cepat residu pestisida", "Membina pelaku usaha pangan"]),
    ]
}
