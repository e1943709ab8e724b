import Fluent
import Foundation
import KompetenCore

/// One version of a service's standar pelayanan (the 14 components of UU 25/2009 Ps 21), in force
/// from `effectiveFrom` until a later version takes over. A version once in force is never
/// changed; only one announced for a later date may be replaced (`ServiceStandardVersioning`).
/// The processing time in `jangkaWaktu` is the wording; the judgement of each ticket stays with
/// the time history (`ServiceStandardEntry`).
final class ServiceStandardDocument: Model, @unchecked Sendable {
    static let schema = "service_standard_documents"
    @ID(key: .id) var id: UUID?
    @Field(key: "instansi_id") var instansiID: UUID
    @Field(key: "service_id") var serviceID: UUID
    /// 1, 2, 3… per service.
    @Field(key: "version") var version: Int
    /// `yyyy-mm-dd` (WITA).
    @Field(key: "effective_from") var effectiveFrom: String
    @Field(key: "persyaratan") var persyaratan: String
    @Field(key: "prosedur") var prosedur: String
    @Field(key: "jangka_waktu") var jangkaWaktu: String
    @Field(key: "biaya") var biaya: String
    @Field(key: "produk") var produk: String
    @Field(key: "pengaduan") var pengaduan: String
    @Field(key: "dasar_hukum") var dasarHukum: String
    @Field(key: "sarana_prasarana") var saranaPrasarana: String
    @Field(key: "pengawasan_internal") var pengawasanInternal: String
    @Field(key: "jaminan_pelayanan") var jaminanPelayanan: String
    @Field(key: "jaminan_keamanan") var jaminanKeamanan: String
    @Field(key: "evaluasi_kinerja") var evaluasiKinerja: String
    @Field(key: "jumlah_pelaksana") var jumlahPelaksana: Int
    @Field(key: "jumlah_pelaksana_note") var jumlahPelaksanaNote: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "created_by") var createdBy: UUID?
    init() {}

    var effectiveDate: SimpleDate { SimpleDate(iso: effectiveFrom) ?? StandardHistory.beginning }
    var versionInfo: ServiceStandardVersioning.Version { .init(number: version, effectiveFrom: effectiveDate) }

    /// The text of one component (the two structured ones have none here).
    func text(_ c: ServiceStandardComponent) -> String {
        switch c {
        case .persyaratan: persyaratan
        case .prosedur: prosedur
        case .jangkaWaktu: jangkaWaktu
        case .biaya: biaya
        case .produk: produk
        case .pengaduan: pengaduan
        case .dasarHukum: dasarHukum
        case .saranaPrasarana: saranaPrasarana
        case .pengawasanInternal: pengawasanInternal
        case .jaminanPelayanan: jaminanPelayanan
        case .jaminanKeamanan: jaminanKeamanan
        case .evaluasiKinerja: evaluasiKinerja
        case .kompetensiPelaksana, .jumlahPelaksana: ""
        }
    }

    /// A plain switch, not a key-path table: writing a Fluent field through a key path reads it
    /// first, which traps on a new model whose field was never set.
    func setText(_ c: ServiceStandardComponent, _ value: String) {
        switch c {
        case .persyaratan: persyaratan = value
        case .prosedur: prosedur = value
        case .jangkaWaktu: jangkaWaktu = value
        case .biaya: biaya = value
        case .produk: produk = value
        case .pengaduan: pengaduan = value
        case .dasarHukum: dasarHukum = value
        case .saranaPrasarana: saranaPrasarana = value
        case .pengawasanInternal: pengawasanInternal = value
        case .jaminanPelayanan: jaminanPelayanan = value
        case .jaminanKeamanan: jaminanKeamanan = value
        case .evaluasiKinerja: evaluasiKinerja = value
        case .kompetensiPelaksana, .jumlahPelaksana: break
        }
    }

    func content(_ competencies: [ServiceStandardCompetency]) -> ServiceStandardContent {
        ServiceStandardContent(
            texts: Dictionary(uniqueKeysWithValues: ServiceStandardComponent.textComponents.map { ($0, text($0)) }),
            competencies: competencies.sorted { $0.position < $1.position }.map {
                PelaksanaCompetency(competencyCode: $0.competencyCode, requiredLevel: $0.requiredLevel)
            },
            staffCount: jumlahPelaksana, staffNote: jumlahPelaksanaNote)
    }

    func apply(_ content: ServiceStandardContent) {
        for c in ServiceStandardComponent.textComponents {
            setText(c, content.text(c).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        jumlahPelaksana = content.staffCount
        jumlahPelaksanaNote = content.staffNote.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// One row of a version's kompetensi pelaksana: a dictionary code (codes are unique within the
/// instansi and outlive a renamed competency) and the level required, in the standard's order.
final class ServiceStandardCompetency: Model, @unchecked Sendable {
    static let schema = "service_standard_competencies"
    @ID(key: .id) var id: UUID?
    @Field(key: "document_id") var documentID: UUID
    @Field(key: "competency_code") var competencyCode: String
    @Field(key: "required_level") var requiredLevel: Int
    @Field(key: "position") var position: Int
    init() {}

    init(documentID: UUID, _ row: PelaksanaCompetency, position: Int) {
        self.id = UUID()
        self.documentID = documentID
        self.competencyCode = row.competencyCode
        self.requiredLevel = row.requiredLevel
        self.position = position
    }
}
