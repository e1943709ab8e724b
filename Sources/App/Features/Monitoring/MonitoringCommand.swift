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
        let progress = CommandProgress(
            context.console, title: "Menghitung ulang riwayat pemantauan", steps: list.count)
        var points = 0
        for instansi in list {
            progress.begin(instansi.code)
            points += try await MonitoringHistory.rebuild(
                instansiID: instansi.requireID(), today: WITA.today(now), at: now, on: app.db)
        }
        progress.finish("\(list.count) instansi, \(points) titik riwayat")
    }
}
