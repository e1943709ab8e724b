import Fluent
import KompetenCore
import Vapor

/// `kompeten monitoring-rebuild [--instansi CODE]`: recomputes the monitoring history (JPM and
/// gaps per OPD per quarter) from all assessments — for a nightly job or after a large import.
struct MonitoringCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "instansi", help: "kode instansi (bawaan: semua instansi)")
        var instansi: String?
    }

    var help: String { "Menghitung ulang riwayat pemantauan (JPM dan kesenjangan per OPD per triwulan)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var query = Instansi.query(on: app.db)
        if let code = signature.instansi { query = query.filter(\.$code == code) }
        let list = try await query.all()
        if list.isEmpty {
            context.console.error("Instansi tidak ditemukan.")
            throw Abort(.notFound)
        }
        let now = app.kompeten.now
        for instansi in list {
            let started = Date()
            let n = try await MonitoringHistory.rebuild(
                instansiID: instansi.requireID(), today: WITA.today(now), at: now, on: app.db)
            context.console.info(
                "\(instansi.code): \(n) titik dalam \(String(format: "%.1f", Date().timeIntervalSince(started))) detik")
        }
    }
}
