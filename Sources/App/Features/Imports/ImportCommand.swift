import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// `kompeten import employees|positions|assessments FILE [--instansi CODE]`: the same import as the
/// web page, with progress on the terminal; acts as the instansi's `admin` account.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "employees, positions atau assessments") var kind: String
        @Argument(name: "file", help: "berkas CSV atau XLSX") var file: String
        @Option(name: "instansi", help: "kode instansi (bawaan: kota-kupang)") var instansi: String?
    }

    var help: String { "Mengimpor pegawai, jabatan atau hasil penilaian dari CSV/XLSX." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let kind = ImportsController.Kind(rawValue: signature.kind) else {
            context.console.error(
                "Jenis impor tidak dikenal: \(signature.kind). Gunakan employees, positions atau assessments.")
            throw Abort(.badRequest)
        }
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            context.console.error("Berkas tidak dapat dibaca: \(signature.file)")
            throw Abort(.notFound)
        }
        try await app.autoMigrate()
        let code = signature.instansi ?? Bootstrap.firstInstansiCode
        guard let instansi = try await Instansi.query(on: app.db).filter(\.$code == code).first(),
            let admin = try await User.query(on: app.db).filter(\.$instansiID == instansi.id).filter(
                \.$role == Role.admin.rawValue
            ).sort(\.$createdAt).first()
        else {
            context.console.error("Instansi \(code) atau admin-nya tidak ditemukan.")
            throw Abort(.notFound)
        }
        let actor = try await ActorResolver.actor(for: admin, on: app.db)
        let started = Date()
        let console = context.console
        do {
            let rows = try ImportFile.rows(data, columns: kind.columns)
            console.info("\(rows.count) baris dibaca dari \(signature.file).")
            let outcome = try await kind.run(
                rows, actor: actor, at: app.kompeten.now, on: app.db,
                source: URL(fileURLWithPath: signature.file).lastPathComponent
            ) { message in console.info("  \(message)") }
            console.info(
                String(
                    format: "Selesai dalam %.1f detik: %d baru, %d diubah, %d tidak berubah.",
                    Date().timeIntervalSince(started), outcome.imported, outcome.updated, outcome.unchanged))
        } catch let problems as ImportProblems {
            console.error("Berkas tidak diimpor (tidak ada data yang disimpan). \(problems.problems.count) masalah:")
            for p in problems.problems.prefix(200) {
                console.error("  baris \(p.row), kolom \(p.column.isEmpty ? "-" : p.column): \(p.message)")
            }
            throw Abort(.unprocessableEntity)
        }
    }
}
