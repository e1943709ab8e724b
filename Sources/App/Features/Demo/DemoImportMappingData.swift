import Fluent
import Foundation

/// Issue 19's story: BKPPD receives the employee list as a SIASN export, whose headers are not
/// Kompeten's, and saved its column mapping once as "Ekspor SIASN" to reuse on every update.
enum DemoImportMappingData {
    static let name = "Ekspor SIASN"
    /// Kompeten column → SIASN export header.
    static let siasn: [String: String] = [
        "nip": "NIP BARU", "name": "NAMA", "type": "STATUS PEGAWAI", "rank": "GOL AKHIR", "unit": "KODE UNOR",
        "position": "KODE JABATAN", "supervisor": "NIP ATASAN", "positionTmt": "TMT JABATAN",
    ]

    static func write(instansiID: UUID, now: Date, on db: any Database) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let r = ImportMappingRecord()
        r.id = UUID()
        r.instansiID = instansiID
        r.kind = ImportsController.Kind.employees.rawValue
        r.name = name
        r.columns = String(decoding: try encoder.encode(siasn), as: UTF8.self)
        r.createdAt = now
        r.updatedAt = now
        try await r.create(on: db)
    }
}
