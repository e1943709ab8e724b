/// The two groups of a standar pelayanan as PermenPANRB 15/2014 (Lampiran, Bab II) arranges the
/// 14 components of UU 25/2009 Ps 21: what the public sees when it is served (service delivery),
/// and what the unit keeps behind the counter (service management).
public enum ServiceStandardGroup: String, CaseIterable, Sendable, Codable {
    case delivery = "penyampaian"
    case management = "pengelolaan"

    public var label: String {
        switch self {
        case .delivery: "Komponen standar pelayanan yang terkait dengan proses penyampaian pelayanan"
        case .management:
            "Komponen standar pelayanan yang terkait dengan proses pengelolaan pelayanan di internal organisasi"
        }
    }

    public var shortLabel: String {
        switch self {
        case .delivery: "Penyampaian pelayanan"
        case .management: "Pengelolaan pelayanan"
        }
    }

    public var components: [ServiceStandardComponent] { ServiceStandardComponent.allCases.filter { $0.group == self } }
}

/// The 14 components of a standar pelayanan (UU 25/2009 Ps 21, PermenPANRB 15/2014), in the
/// regulation's order: the six delivery components first, then the eight management ones. The
/// raw value is the key the API, the import/export header and the form use, so it never changes.
public enum ServiceStandardComponent: String, CaseIterable, Sendable, Codable {
    case persyaratan, prosedur, jangkaWaktu, biaya, produk, pengaduan
    case dasarHukum, saranaPrasarana, kompetensiPelaksana, pengawasanInternal, jumlahPelaksana, jaminanPelayanan
    case jaminanKeamanan, evaluasiKinerja

    public var label: String {
        switch self {
        case .persyaratan: "Persyaratan"
        case .prosedur: "Sistem, mekanisme dan prosedur"
        case .jangkaWaktu: "Jangka waktu pelayanan"
        case .biaya: "Biaya/tarif"
        case .produk: "Produk pelayanan"
        case .pengaduan: "Penanganan pengaduan, saran dan masukan"
        case .dasarHukum: "Dasar hukum"
        case .saranaPrasarana: "Sarana dan prasarana, dan/atau fasilitas"
        case .kompetensiPelaksana: "Kompetensi pelaksana"
        case .pengawasanInternal: "Pengawasan internal"
        case .jumlahPelaksana: "Jumlah pelaksana"
        case .jaminanPelayanan: "Jaminan pelayanan"
        case .jaminanKeamanan: "Jaminan keamanan dan keselamatan pelayanan"
        case .evaluasiKinerja: "Evaluasi kinerja pelaksana"
        }
    }

    public var group: ServiceStandardGroup {
        switch self {
        case .persyaratan, .prosedur, .jangkaWaktu, .biaya, .produk, .pengaduan: .delivery
        default: .management
        }
    }

    /// 1–6 within the delivery group, 1–8 within the management group (the regulation's numbering).
    public var number: Int { (group.components.firstIndex(of: self) ?? 0) + 1 }

    /// Every component but the two structured ones is free text (several lines).
    public var isText: Bool { self != .kompetensiPelaksana && self != .jumlahPelaksana }

    public static let textComponents: [ServiceStandardComponent] = allCases.filter(\.isText)

    /// What the public must know before coming (requirements, procedure, time, fee, product,
    /// complaints) and the legal basis may never be blank; the other management components may
    /// be (the unit writes them as its internal arrangements are settled).
    public var isRequired: Bool { group == .delivery || self == .dasarHukum }

    /// Longest text in characters: a component is a few paragraphs or a list, never a document.
    public var maxLength: Int {
        switch self {
        case .jangkaWaktu, .biaya, .produk: 1_000
        default: 4_000
        }
    }

    /// Shown on the public page and the poster beside the label (what the component answers).
    public var hint: String {
        switch self {
        case .persyaratan: "Dokumen atau hal yang harus dipenuhi pemohon (satu per baris)."
        case .prosedur: "Tata cara pelayanan dari permohonan sampai produk diterima, termasuk pengaduan."
        case .jangkaWaktu: "Waktu penyelesaian seluruh proses pelayanan."
        case .biaya: "Ongkos yang dikenakan kepada pemohon, atau pernyataan gratis dengan dasar hukumnya."
        case .produk: "Hasil pelayanan yang diterima pemohon."
        case .pengaduan: "Cara menyampaikan pengaduan, saran dan masukan, serta tindak lanjutnya."
        case .dasarHukum: "Peraturan perundang-undangan yang menjadi dasar penyelenggaraan pelayanan."
        case .saranaPrasarana: "Peralatan dan fasilitas yang dipakai dalam pelayanan."
        case .kompetensiPelaksana: "Kompetensi dan level minimal yang harus dimiliki pelaksana."
        case .pengawasanInternal: "Pengendalian oleh atasan langsung dan aparat pengawasan intern."
        case .jumlahPelaksana: "Jumlah pelaksana yang dibutuhkan sesuai beban kerja."
        case .jaminanPelayanan: "Kepastian bahwa pelayanan dilaksanakan sesuai standar."
        case .jaminanKeamanan: "Rasa aman, bebas dari bahaya, risiko dan keragu-raguan."
        case .evaluasiKinerja: "Penilaian untuk mengetahui pelaksanaan kegiatan sesuai standar."
        }
    }

    /// The keys of the text components: multi-line fields for the stored-text rule.
    public static let multiLineKeys: Set<String> = Set(textComponents.map(\.rawValue))
}

/// One line of the kompetensi pelaksana: a dictionary competency and the level every delivering
/// employee must reach. Same shape as a position's standard, so the same gap rule judges it.
public struct PelaksanaCompetency: Sendable, Equatable, Codable {
    public var competencyCode: String
    public var requiredLevel: Int

    public init(competencyCode: String, requiredLevel: Int) {
        self.competencyCode = competencyCode
        self.requiredLevel = requiredLevel
    }

    public var standardItem: StandardItem { StandardItem(competencyCode: competencyCode, required: requiredLevel) }
}

/// The content of one version of a standar pelayanan: the twelve texts, the competency rows and
/// the number of pelaksana. Versioning and dates are the storage's business.
public struct ServiceStandardContent: Sendable, Equatable {
    /// Keyed by `ServiceStandardComponent.rawValue` of the text components.
    public var texts: [ServiceStandardComponent: String]
    public var competencies: [PelaksanaCompetency]
    public var staffCount: Int
    public var staffNote: String

    public init(
        texts: [ServiceStandardComponent: String], competencies: [PelaksanaCompetency], staffCount: Int,
        staffNote: String = ""
    ) {
        self.texts = texts
        self.competencies = competencies
        self.staffCount = staffCount
        self.staffNote = staffNote
    }

    public func text(_ c: ServiceStandardComponent) -> String { texts[c] ?? "" }
}

/// The validation rules of a standard's content, in one place for the API, the form and the import.
/// Field names are the API's (`components.persyaratan`, `components.kompetensiPelaksana[2].requiredLevel`).
public enum ServiceStandardRules {
    /// The dictionary's levels (PermenPANRB 38/2017: five levels per competency).
    public static let levels = 1...5
    public static let maxCompetencies = 30
    public static let maxStaff = 10_000
    public static let maxStaffNote = 500

    public static func field(_ c: ServiceStandardComponent) -> String { "components.\(c.rawValue)" }
    public static func competencyField(_ i: Int, _ key: String) -> String {
        "components.kompetensiPelaksana[\(i)].\(key)"
    }

    /// Problems of `content` (empty = valid). `knownCodes` is the instansi's dictionary (active
    /// competencies); nil skips that check (the caller checks it later).
    public static func problems(_ content: ServiceStandardContent, knownCodes: Set<String>?) -> [FieldError] {
        var v = FieldValidator()
        for c in ServiceStandardComponent.textComponents {
            let text = content.text(c).trimmingCharacters(in: .whitespacesAndNewlines)
            if c.isRequired && text.isEmpty {
                v.add(field: field(c), "\(c.label) wajib diisi.")
            }
            if text.count > c.maxLength {
                v.add(field: field(c), "\(c.label) paling panjang \(c.maxLength) karakter.")
            }
        }
        if content.competencies.count > maxCompetencies {
            v.add(field: field(.kompetensiPelaksana), "Paling banyak \(maxCompetencies) kompetensi pelaksana.")
        }
        var seen = Set<String>()
        for (i, row) in content.competencies.enumerated() {
            let code = row.competencyCode.trimmingCharacters(in: .whitespaces)
            if code.isEmpty {
                v.add(field: competencyField(i, "competencyCode"), "Kode kompetensi wajib diisi.")
            } else if let knownCodes, !knownCodes.contains(code) {
                v.add(field: competencyField(i, "competencyCode"), "Kompetensi \(code) tidak ada di kamus kompetensi.")
            } else if !seen.insert(code).inserted {
                v.add(field: competencyField(i, "competencyCode"), "Kompetensi \(code) tercantum lebih dari sekali.")
            }
            if !levels.contains(row.requiredLevel) {
                v.add(
                    field: competencyField(i, "requiredLevel"),
                    "Level yang disyaratkan \(levels.lowerBound)–\(levels.upperBound).")
            }
        }
        if !(0...maxStaff).contains(content.staffCount) {
            v.add(field: "components.jumlahPelaksana.count", "Jumlah pelaksana bilangan bulat 0–\(maxStaff).")
        }
        if content.staffNote.count > maxStaffNote {
            v.add(field: "components.jumlahPelaksana.note", "Keterangan jumlah pelaksana paling panjang 500 karakter.")
        }
        return v.errors
    }
}

extension ServiceStandardContent {
    /// Version 1 of a service that had only the old catalogue fields (fee, requirements, legal
    /// basis, the time wording): those fill their components, the other required ones get a
    /// sentence true of every Kompeten service (the complaint form, the survey link), so no
    /// required component is empty after the upgrade and the unit edits from there.
    public static func initial(
        fee: Int, requirements: String, legalBasis: String, standardText: String, shortCode: String
    ) -> ServiceStandardContent {
        func or(_ text: String, _ fallback: String) -> String {
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? fallback : t
        }
        let texts: [ServiceStandardComponent: String] = [
            .persyaratan: or(requirements, "Tidak ada persyaratan khusus."),
            .prosedur:
                "Pemohon datang ke loket dengan persyaratan lengkap; petugas memeriksa, memproses dan menyerahkan produk layanan.",
            .jangkaWaktu: or(standardText, "Sesuai waktu standar layanan."),
            .biaya: fee == 0 ? "Tidak dipungut biaya (gratis)." : IndonesianFormat.money(fee),
            .produk: "Produk layanan sesuai permohonan.",
            .pengaduan:
                "Pengaduan, saran dan masukan disampaikan melalui formulir daring /s/\(shortCode)/pengaduan, survei kepuasan /s/\(shortCode), atau langsung di loket.",
            .dasarHukum: or(legalBasis, "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik."),
        ]
        return ServiceStandardContent(texts: texts, competencies: [], staffCount: 0)
    }
}

/// The kompetensi pelaksana in one spreadsheet cell: `KODE:level` separated by `;`
/// (`M.5:3; T.ADMDUK:2`). A code never contains `:` or `;` (dictionary codes are letters, digits
/// and dots), so the cell reads back exactly.
public enum PelaksanaCompetencyCell {
    public static func format(_ rows: [PelaksanaCompetency]) -> String {
        rows.map { "\($0.competencyCode):\($0.requiredLevel)" }.joined(separator: "; ")
    }

    /// The rows, or a message naming the first part that is not `KODE:level`.
    public static func parse(_ cell: String) -> Result<[PelaksanaCompetency], ImportCellProblem> {
        var rows: [PelaksanaCompetency] = []
        for part in cell.split(separator: ";") {
            let item = part.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { continue }
            let pieces = item.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count == 2, let level = Int(pieces[1].trimmingCharacters(in: .whitespaces)) else {
                return .failure(
                    ImportCellProblem(message: "\"\(item)\" bukan KODE:level (contoh: M.5:3; T.ADMDUK:2)."))
            }
            rows.append(
                PelaksanaCompetency(
                    competencyCode: pieces[0].trimmingCharacters(in: .whitespaces), requiredLevel: level))
        }
        return .success(rows)
    }
}

public struct ImportCellProblem: Error, Equatable, Sendable {
    public let message: String
}
