import KompetenCore
import KompetenFormats

/// The second sheet of every XLSX import template: what each column holds, whether it is
/// required, and the example row's value, in Bahasa Indonesia — so an OPD operator can fill the
/// sheet without the manual. Keyed by the column's code name; a column without a text here fails
/// `ImportGuideTests`, so a new column cannot ship unexplained.
enum ImportGuide {
    static func hints(_ kind: ImportsController.Kind) -> [String: String] {
        switch kind {
        case .employees:
            [
                "nip":
                    "NIP 18 angka (tanggal lahir, TMT, jenis kelamin, nomor urut). Ketik sebagai teks agar Excel tidak membulatkannya.",
                "name": "Nama lengkap dengan gelar, seperti di SK.",
                "type": "PNS, CPNS (masa percobaan; TMT CPNS dibaca dari NIP) atau PPPK.",
                "rank": "Golongan: PNS I/a sampai IV/e (mis. III/b); PPPK angka romawi I sampai XVII (mis. IX).",
                "unit": "Kode unit kerja tempat pegawai bertugas, seperti di halaman Unit (mis. DUKCAPIL.B1).",
                "position": "Kode jabatan yang dipangku (boleh kosong); harus jabatan di unit yang sama.",
                "supervisor": "NIP atasan langsung (boleh kosong); atasan harus pegawai instansi ini.",
                "positionTmt":
                    "TMT jabatan: tanggal pengangkatan dalam jabatan (2026-01-02 atau 02/01/2026; boleh kosong). Tenggat PKP/PKA/PKN II dihitung dari tanggal ini.",
            ]
        case .positions:
            [
                "code":
                    "Kode jabatan yang unik di instansi: huruf besar, angka, titik atau tanda hubung (mis. DUKCAPIL.B1.J2).",
                "name": "Nama jabatan, 3–200 karakter.",
                "kind": "Jenis jabatan: jpt, administrator, pengawas, pelaksana atau fungsional.",
                "unit": "Kode unit tempat jabatan berada.",
                "summary": "Ikhtisar jabatan: satu kalimat tujuan jabatan (boleh kosong).",
                "duties": "Tugas pokok, dipisah dengan | (boleh kosong).",
                "standard": "Standar kompetensi: KODE:level dipisah koma, level 1–5 (mis. M.1:3, SK.1:2, T.KTP:3).",
            ]
        case .assessments:
            [
                "nip": "NIP pegawai yang dinilai.",
                "date": "Tanggal penilaian: 2026-03-01 atau 01/03/2026 (hari dulu).",
                "method": "Metode: " + AssessmentMethod.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                "assessor": "Nama asesor atau lembaga penilai (boleh kosong).",
                "competency": "Kode kompetensi dari kamus (mis. M.5).",
                "level": "Level yang dicapai, 1–5.",
                "notes": "Catatan (boleh kosong).",
            ]
        case .performance:
            [
                "nip": "NIP pegawai.",
                "year": "Tahun penilaian SKP (mis. 2025).",
                "hasil": "Rating hasil kerja: di_atas_ekspektasi, sesuai_ekspektasi atau di_bawah_ekspektasi.",
                "perilaku": "Rating perilaku kerja: di_atas_ekspektasi, sesuai_ekspektasi atau di_bawah_ekspektasi.",
            ]
        case .tasks:
            [
                "position": "Kode jabatan; semua baris satu jabatan menggantikan tugas pokoknya.",
                "description": "Uraian tugas, 3–500 karakter.",
                "output": "Hasil kerja (mis. Dokumen KTP-el tercetak).",
                "unit": "Satuan hasil (mis. keping, dokumen).",
                "volume": "Beban kerja per tahun: berapa kali hasil kerja dibuat setahun, bilangan bulat.",
                "norm": "Norma waktu: jam untuk satu hasil, paling banyak 2 desimal (0,25 = 15 menit).",
            ]
        }
    }

    /// Kolom, Wajib, Keterangan, Contoh (from the template's first example row).
    static func sheet(_ kind: ImportsController.Kind) -> Table {
        let hints = hints(kind)
        let example = kind.example.first ?? []
        return Table(
            header: ["Kolom", "Wajib", "Keterangan", "Contoh"],
            rows: kind.columns.enumerated().map { i, c in
                [
                    c.header, c.required ? "Ya" : "Tidak", hints[c.key] ?? "",
                    example.indices.contains(i) ? example[i] : "",
                ]
            })
    }
}
