import Fluent
import KompetenCore
import KompetenFormats
import Vapor

/// A batch's page: participants and the waiting list; enrolling by NIP (BKPPD, operators);
/// attendance and completion with a certificate (the provider, BKPPD); cancelling.
enum BatchesController {
    static func register(_ web: any RoutesBuilder, uploadLimit: ByteCount) {
        web.get(SiteURL.batch(.routeParameter).pathComponents, use: show)
        web.post(SiteURL.batchEnrolments(.routeParameter).pathComponents, use: enrol)
        web.post(SiteURL.enrolmentCancel(.routeParameter).pathComponents, use: cancel)
        web.post(SiteURL.enrolmentAttendance(.routeParameter).pathComponents, use: attendance)
        web.post(SiteURL.enrolmentActualCost(.routeParameter).pathComponents, use: actualCost)
        web.on(
            .POST, SiteURL.enrolmentComplete(.routeParameter).pathComponents, body: .collect(maxSize: uploadLimit),
            use: complete)
    }

    static func show(req: Request) async throws -> Response {
        try await BatchPage.render(req, batchID: try req.parameters.require("id"), nip: "", errors: [])
    }

    static func enrol(req: Request) async throws -> Response {
        let actor = try req.actor
        let batchID: UUID = try req.parameters.require("id")
        struct Posted: Content {
            var nip: String?
            var waitlist: String?
        }
        try await AccessFirst.enrol(batchID, actor, on: req.db) // access before the form is read
        let posted = try req.content.decode(Posted.self)
        do {
            guard let employeeID = try await EmployeeLookup.id(nip: posted.nip, field: "nip", actor, on: req.db) else {
                throw ValidationFailure(errors: [.init(field: "nip", message: "Isi NIP pegawai yang didaftarkan.")])
            }
            let e = try await EnrolmentService.enrol(
                batchID: batchID, EnrolmentInput(employeeId: employeeID, waitlist: posted.waitlist == "1"),
                actor: actor, at: req.now, on: req.db)
            Flash.add(
                .success,
                e.enrolmentStatus == .waitlisted
                    ? "Angkatan penuh: pegawai dimasukkan ke daftar tunggu." : "Pegawai didaftarkan.", to: req)
            return req.redirect(to: SiteURL.batch(batchID).path)
        } catch let failure as ValidationFailure {
            return try await BatchPage.render(
                req, batchID: batchID, nip: posted.nip ?? "",
                errors: failure.errors.map { .init(field: "nip", message: $0.message) })
        } catch let abort as any AbortError where abort.status == .conflict {
            return try await BatchPage.render(
                req, batchID: batchID, nip: posted.nip ?? "", errors: [.init(field: "nip", message: abort.reason)])
        }
    }

    static func cancel(req: Request) async throws -> Response {
        let id: UUID = try req.parameters.require("id")
        do {
            let e = try await EnrolmentService.cancel(id, actor: try req.actor, at: req.now, on: req.db)
            Flash.add(
                .success, "Pendaftaran dibatalkan; kursi yang kosong diberikan ke daftar tunggu teratas.", to: req)
            return req.redirect(to: SiteURL.batch(e.batchID).path)
        } catch let abort as any AbortError where abort.status == .conflict {
            // Cancelled (or completed) meanwhile by someone else: say so on the batch page.
            let e = try await Enrolment.findScoped(id, try req.actor, on: req.db, what: "Pendaftaran")
            Flash.add(.error, abort.reason, to: req)
            return req.redirect(to: SiteURL.batch(e.batchID).path)
        }
    }

    static func attendance(req: Request) async throws -> Response {
        let id: UUID = try req.parameters.require("id")
        struct Posted: Content { var attendancePercent: String? }
        try await AccessFirst.recordCompletion(id, try req.actor, on: req.db) // access before the form is read
        let posted = try req.content.decode(Posted.self)
        guard let percent = Int(posted.attendancePercent ?? "") else {
            let e = try await Enrolment.findScoped(id, try req.actor, on: req.db, what: "Pendaftaran")
            Flash.add(.error, "Kehadiran diisi angka 0–100.", to: req)
            return req.redirect(to: SiteURL.batch(e.batchID).path)
        }
        let e = try await EnrolmentService.recordAttendance(
            id, percent: percent, actor: try req.actor, at: req.now, on: req.db)
        Flash.add(.success, "Kehadiran \(percent) % dicatat.", to: req)
        return req.redirect(to: SiteURL.batch(e.batchID).path)
    }

    static func complete(req: Request) async throws -> Response {
        let actor = try req.actor
        let id: UUID = try req.parameters.require("id")
        struct Posted: Content {
            var certificateNumber: String?
            var attendancePercent: String?
            var reason: String?
            var certificate: File?
        }
        try await AccessFirst.recordCompletion(id, actor, on: req.db) // access before the form is read
        let posted = try req.content.decode(Posted.self)
        var certificate: EnrolmentService.Certificate?
        if let file = posted.certificate, file.data.readableBytes > 0 {
            certificate = .init(
                filename: file.filename, contentType: file.contentType?.serialize() ?? "application/octet-stream",
                data: Data(buffer: file.data))
        }
        let enrolment = try await Enrolment.findScoped(id, actor, on: req.db, what: "Pendaftaran")
        do {
            _ = try await EnrolmentService.complete(
                id,
                CompletionInput(
                    certificateNumber: posted.certificateNumber ?? "",
                    attendancePercent: Int((posted.attendancePercent ?? "").trimmingCharacters(in: .whitespaces)),
                    reason: posted.reason),
                certificate: certificate, actor: actor, at: req.now, on: req.db)
            Flash.add(.success, "Kelulusan dicatat; JP dikreditkan dan jadwal penilaian ulang dibuat.", to: req)
        } catch let failure as ValidationFailure {
            Flash.add(.error, failure.errors.map(\.message).joined(separator: " "), to: req)
        } catch let abort as any AbortError where abort.status == .conflict {
            Flash.add(.error, abort.reason, to: req)
        }
        return req.redirect(to: SiteURL.batch(enrolment.batchID).path)
    }
}

struct BatchPageModel: Encodable {
    struct Row: Encodable {
        let id: String, nip: String, name: String, unit: String, status: String, statusCode: String
        let attendance: String, certificate: String, certificateHref: String?
        let canCancel: Bool, canComplete: Bool, canAttend: Bool
        let cancelAction: String, attendanceAction: String, completeAction: String
        /// What the place actually cost (the instansi plan's realisation sums it).
        let actualCost: String, actualCostValue: String, costAction: String
    }
    let facts: [ProgrammeDetailModel.Item]
    let programmeHref: String
    let rows: [Row]
    let waiting: [Row]
    let canEnrol: Bool
    let canRecord: Bool
    let enrolAction: String
    let nip: String
    let errors: [FieldError]
    let full: Bool
    let export: [String: String]
    let table: Table
    var tests: BatchTestsModel? = nil

    /// "Daring — Zoom", without saying "Daring" twice when the place already does.
    static func place(_ b: Batch) -> String {
        guard b.isOnline else { return b.place }
        return b.place.lowercased().hasPrefix("daring") ? b.place : "Daring — \(b.place)"
    }

    enum CodingKeys: String, CodingKey {
        case facts, programmeHref, rows, waiting, canEnrol, canRecord, enrolAction, nip, errors, full, export, tests
    }

    init(
        batch: Batch, programme: Programme, rows list: [(Enrolment, Employee)], units: [Unit], canEnrol: Bool,
        canRecord: Bool,
        started: Bool, csrf: String, nip: String, errors: [FieldError]
    ) {
        let unitNames = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.name) })
        let dates = [SimpleDate(iso: batch.startDate), SimpleDate(iso: batch.endDate)].map {
            $0.map(IndonesianFormat.date) ?? "?"
        }
        facts = [
            .init(label: "Program", value: "\(programme.code) \(programme.title)"),
            .init(label: "Tanggal", value: "\(dates[0]) – \(dates[1])"),
            .init(label: "Tempat", value: BatchPageModel.place(batch)),
            .init(label: "Kursi terisi", value: "\(batch.seatsTaken) dari \(batch.capacity)"),
            .init(label: "Jam pelajaran", value: "\(programme.jp) JP"),
            .init(
                label: "Kelulusan",
                value:
                    "mulai hari terakhir angkatan, dengan kehadiran minimal \(programme.minimumAttendance) % (di bawahnya hanya dengan alasan)"
            ),
        ]
        programmeHref = SiteURL.programme(programme.id!).path
        func row(_ e: Enrolment, _ p: Employee) -> Row {
            let s = e.enrolmentStatus
            let base = "/enrolments/\(e.id!.uuidString)"
            return Row(
                id: e.id!.uuidString, nip: p.nip, name: p.name, unit: unitNames[p.unitID] ?? "", status: s.label,
                statusCode: s.rawValue,
                attendance: e.attendancePercent.map { "\($0) %" } ?? "—", certificate: e.certificateNumber ?? "—",
                certificateHref: e.certificateFileID.map { SiteURL.evidence($0).path },
                canCancel: canEnrol && (s == .enrolled || s == .waitlisted),
                canComplete: canRecord && started && s == .enrolled,
                canAttend: canRecord && (s == .enrolled || s == .completed),
                cancelAction: base + "/cancel", attendanceAction: base + "/attendance",
                completeAction: base + "/complete", actualCost: e.actualCost.map(IndonesianFormat.money) ?? "—",
                actualCostValue: e.actualCost.map(String.init) ?? "",
                costAction: SiteURL.enrolmentActualCost(e.id!).path)
        }
        let all = list.map { row($0.0, $0.1) }
        rows = all.filter { $0.statusCode != EnrolmentStatus.waitlisted.rawValue }
        waiting = all.filter { $0.statusCode == EnrolmentStatus.waitlisted.rawValue }
        self.canEnrol = canEnrol
        self.canRecord = canRecord
        enrolAction = "/batches/\(batch.id!.uuidString)/enrolments"
        self.nip = nip
        self.errors = errors
        full = batch.seatsTaken >= batch.capacity
        export = [
            "csv": "/batches/\(batch.id!.uuidString)?format=csv",
            "xlsx": "/batches/\(batch.id!.uuidString)?format=xlsx",
        ]
        table = Table(
            header: ["NIP", "Nama", "Unit", "Status", "Kehadiran", "Nomor sertifikat", "Biaya realisasi (Rp)"],
            rows: all.map { [$0.nip, $0.name, $0.unit, $0.status, $0.attendance, $0.certificate, $0.actualCostValue] })
    }
}
