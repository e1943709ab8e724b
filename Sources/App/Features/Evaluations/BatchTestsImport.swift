import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// L2 scores as a file: the provider downloads the batch's sheet (its completed participants),
/// fills the pre-/post-test columns and uploads it; every row is checked, nothing is written
/// when one is wrong.
enum BatchTestsImport {
    static let columns = [
        ImportColumn(key: "nip", header: "NIP", required: true),
        ImportColumn(key: "name", header: "Nama", required: false),
        ImportColumn(key: "pre", header: "Pre-test", required: true),
        ImportColumn(key: "post", header: "Post-test", required: true),
    ]

    static func register(_ web: any RoutesBuilder, uploadLimit: ByteCount) {
        web.get(SiteURL.batchTestsTemplate(.routeParameter).pathComponents, use: template)
        web.on(
            .POST, SiteURL.batchTestsImport(.routeParameter).pathComponents, body: .collect(maxSize: uploadLimit),
            use: upload)
    }

    /// The sheet to fill: one row per completed participant, scores already recorded kept.
    static func template(req: Request) async throws -> Response {
        let actor = try req.actor
        let (batch, programme, rows) = try await EnrolmentService.participants(
            batchID: try req.parameters.require("id"), actor: actor, on: req.db)
        try AccessPolicy.recordCompletion(actor, providerID: programme.providerID).require()
        let completed = rows.filter { $0.0.enrolmentStatus == .completed }
        let records = try await EvaluationRecord.query(on: req.db).filter(
            \.$enrolmentID ~~ completed.map { try $0.0.requireID() }
        )
        .filter(\.$level == EvaluationLevel.learning.rawValue).all()
        let scores = Dictionary(records.map { ($0.enrolmentID, $0.scoreValues) }, uniquingKeysWith: { a, _ in a })
        func text(_ x: Double?) -> String { x.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "" }
        let table = try Table(
            header: columns.map(\.header),
            rows: completed.map { e, p in
                [p.nip, p.name, text(scores[try e.requireID()]?["pre"]), text(scores[try e.requireID()]?["post"])]
            })
        return try Export.response(
            table, filename: "nilai-tes-\(programme.code)-\(batch.name)", format: try Export.requested(req) ?? .xlsx,
            sheet: "Nilai tes")
    }

    static func upload(req: Request) async throws -> Response {
        let actor = try req.actor
        let batchID: UUID = try req.parameters.require("id")
        // Access first: the file is only read and parsed for whoever may record the results.
        let (_, programme) = try await ProgrammeService.findBatch(batchID, actor, .read, on: req.db)
        try AccessPolicy.recordCompletion(actor, providerID: programme.providerID).require()
        struct Posted: Content {
            var file: File?
            var max: String?
        }
        let posted = try req.content.decode(Posted.self)
        do {
            guard let file = posted.file, file.data.readableBytes > 0 else {
                throw ValidationFailure(errors: [
                    .init(field: "file", message: "Pilih berkas CSV atau XLSX nilai tes terlebih dahulu.")
                ])
            }
            let (_, _, participants) = try await EnrolmentService.participants(
                batchID: batchID, actor: actor, on: req.db)
            let byNIP = Dictionary(participants.map { ($0.1.nip, $0.0) }, uniquingKeysWith: { a, _ in a })
            var problems = ProblemList()
            var rows: [EvaluationService.TestRow] = []
            var firstRow: [UUID: Int] = [:]
            for row in try ImportFile.rows(Data(buffer: file.data), columns: columns) {
                guard let e = byNIP[row["nip"].filter { $0 != " " }] else {
                    problems.add(row, "NIP", "NIP \(row["nip"]) bukan peserta angkatan ini.")
                    continue
                }
                if let earlier = firstRow[try e.requireID()] {
                    problems.add(row, "NIP", "NIP ini sudah ada di baris \(earlier).")
                    continue
                }
                try firstRow[e.requireID()] = row.number
                let pre = Double(row["pre"].replacingOccurrences(of: ",", with: "."))
                let post = Double(row["post"].replacingOccurrences(of: ",", with: "."))
                if pre == nil { problems.add(row, "Pre-test", "Isi angka.") }
                if post == nil { problems.add(row, "Post-test", "Isi angka.") }
                try rows.append(.init(enrolmentID: e.requireID(), pre: pre, post: post))
            }
            try problems.check()
            let maximum = Double((posted.max ?? "100").replacingOccurrences(of: ",", with: ".")) ?? .nan
            let n = try await EvaluationService.recordTests(
                batchID: batchID, rows: rows, max: maximum, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Nilai pre-test/post-test \(n) peserta diimpor.", to: req)
            return req.redirect(to: SiteURL.batch(batchID).path + "#tests")
        } catch let problems as ImportProblems {
            let errors = problems.problems.map {
                FieldError(
                    field: "file",
                    message: "Baris \($0.row)\($0.column.isEmpty ? "" : ", kolom \($0.column)"): \($0.message)")
            }
            return try await BatchPage.render(req, batchID: batchID, nip: "", errors: [], testErrors: errors)
        } catch let failure as ValidationFailure {
            return try await BatchPage.render(
                req, batchID: batchID, nip: "", errors: [], testErrors: failure.errors)
        }
    }
}
