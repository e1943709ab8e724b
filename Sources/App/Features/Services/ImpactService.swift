import Fluent
import Foundation
import KompetenCore

/// The competency ↔ service link: per OPD with services, the competency indicators of the staff
/// who deliver them (positions linked to the services; every staff member of the OPD when none
/// are linked) beside the service indicators before and after a training wave, and the
/// difference in differences between the services of trained and untrained OPDs. An
/// association, never proof of cause: n and the 95 % interval are always shown.
enum ImpactService {
    /// An OPD counts as trained when at least this share of its delivering staff completed a
    /// public-service training (a programme that raises Pelayanan Publik, M.5) in the wave, as
    /// untrained below `controlShare`; those in between are left out of the comparison (neither
    /// clearly exposed nor clearly not). Any training would not do: most staff train somewhere
    /// every year for their 20 JP, so "trained at all" separates nobody.
    static let treatedShare = 0.5, controlShare = 0.25
    /// A service's IKM enters the comparison only with this many respondents in both windows.
    static let minimumRespondents = 10

    struct Window: Sendable { let from: SimpleDate; let to: SimpleDate }

    struct ServiceSide: Sendable {
        var respondents = 0
        var ikm: Double?
        var grade: String?
        var u6: Double?
        var onTimeShare: Double?
        var p90Minutes: Double?
        var volume = 0
    }

    struct UnitRow: Sendable {
        let opdID: UUID
        let name: String
        let services: Int
        let staff: Int
        let trained: Int
        var trainedShare: Double { staff == 0 ? 0 : Double(trained) / Double(staff) }
        /// Mean JPM over the delivering staff assessed (KompetenCore's `JPMMean`); those with a
        /// standard and no result are `unassessed`, counted beside it, never averaged in as 0.
        let meanJPM: Double?
        let assessed: Int
        let unassessed: Int
        let jpmBefore: Double?
        let jpmAfter: Double?
        /// Mean shortfall in Pelayanan Publik (M.5) among the assessed delivering staff (GapTally).
        let publicServiceGap: Double?
        let meanJP: Double?
        let before: ServiceSide
        let after: ServiceSide
        let group: String   // "trained", "control" or "excluded"
    }

    struct Comparison: Sendable {
        let outcome: String
        let estimate: DiDEstimate?
    }

    struct Report: Sendable {
        let wave: Window
        let before: Window
        let after: Window
        let rows: [UnitRow]
        let onTime: Comparison
        let ikm: Comparison
    }

    /// The windows: the wave itself, the same length before it, the same length after it (up to
    /// today). A wave of whole months gets windows of whole months (service records are kept per
    /// month); any other wave is measured in days.
    static func windows(from: SimpleDate, to: SimpleDate, today: SimpleDate) -> (before: Window, after: Window) {
        let afterStart = to.adding(days: 1)
        if from.day == 1, afterStart.day == 1 {
            let months = (afterStart.year - from.year) * 12 + afterStart.month - from.month
            let before = Window(from: from.adding(months: -months), to: from.adding(days: -1))
            let afterEnd = min(afterStart.adding(months: months).adding(days: -1), today)
            return (before, Window(from: afterStart, to: max(afterEnd, afterStart)))
        }
        let length = max(1, from.days(to: to) + 1)
        let before = Window(from: from.adding(days: -length), to: from.adding(days: -1))
        let afterEnd = min(to.adding(days: length), today)
        return (before, Window(from: afterStart, to: max(afterEnd, afterStart)))
    }

    static func report(instansiID: UUID, tree: UnitTree<UUID>, from: SimpleDate, to: SimpleDate, today: SimpleDate, on db: any Database) async throws -> Report {
        let (before, after) = windows(from: from, to: to, today: today)
        let weight = try await SettingsQueries.evaluation(instansiID, on: db).skmWeight
        let services = try await PublicService.query(on: db).filter(\.$instansiID == instansiID).all()
        guard !services.isEmpty else {
            return Report(wave: Window(from: from, to: to), before: before, after: after, rows: [],
                          onTime: Comparison(outcome: "onTimeShare", estimate: nil), ikm: Comparison(outcome: "ikm", estimate: nil))
        }
        let periods = [(from: before.from, to: before.to, label: "sebelum"), (from: after.from, to: after.to, label: "sesudah")]
        let data = try await ServiceIndicators.load(instansiID: instansiID, services: services, periods: periods, on: db)
        let links = try await ServicePosition.query(on: db).filter(\.$serviceID ~~ services.map { $0.id! }).all()
        let positionsOf = Dictionary(grouping: links, by: \.serviceID).mapValues { $0.map(\.positionID) }
        let byOPD = Dictionary(grouping: services) { tree.topLevel(of: $0.unitID) }
        let serviceUnits = byOPD.keys.flatMap { tree.subtree(of: $0) }
        let gaps = try await GapEngine.compute(instansiID: instansiID, unitIDs: serviceUnits, parts: .persons, on: db)
        let jp = Dictionary(uniqueKeysWithValues: try await JPQueries.people(instansiID: instansiID, unitIDs: serviceUnits, year: to.year, on: db).map { ($0.id, $0.jp) })
        let points = try await MonitoringQueries.points(instansiID: instansiID, opdIDs: Array(byOPD.keys), on: db)
        let m5 = try await Competency.query(on: db).filter(\.$instansiID == instansiID).filter(\.$code == DevelopmentSettings.publicServiceCode).first()

        let servicePrograms = try await m5.asyncMap { c in try await ProgrammeCompetency.query(on: db).filter(\.$competencyID == c.id!).all(\.$programmeID) } ?? []

        // The delivering staff of every OPD first, then one read per kind for all of them
        // (training in the wave, the M.5 standard and level), not a round of queries per OPD.
        let staffOf = Dictionary(uniqueKeysWithValues: byOPD.map { opdID, list -> (UUID, [GapEngine.Person]) in
            let subtree = Set(tree.subtree(of: opdID))
            let positionIDs = Set(list.flatMap { positionsOf[$0.id!] ?? [] })
            return (opdID, gaps.persons.filter { subtree.contains($0.unitID) && (positionIDs.isEmpty || $0.positionID.map(positionIDs.contains) == true) })
        })
        let allStaff = Array(Set(staffOf.values.flatMap { $0.map(\.id) }))
        var trainedIDs = Set<UUID>(), levels: [UUID: Int] = [:], required: [UUID: Int] = [:]
        for chunk in allStaff.chunked(500) {
            if !servicePrograms.isEmpty {
                trainedIDs.formUnion(try await Enrolment.query(on: db).filter(\.$employeeID ~~ Array(chunk)).filter(\.$status == EnrolmentStatus.completed.rawValue)
                    .filter(\.$programmeID ~~ servicePrograms).filter(\.$completedOn >= from.iso).filter(\.$completedOn <= to.iso).all(\.$employeeID))
            }
            if let m5 {
                for c in try await CurrentLevel.query(on: db).filter(\.$competencyID == m5.id!).filter(\.$employeeID ~~ Array(chunk)).all() { levels[c.employeeID] = c.level }
            }
        }
        let staffPositions = Array(Set(staffOf.values.flatMap { $0.compactMap(\.positionID) }))
        if let m5, !staffPositions.isEmpty {
            for chunk in staffPositions.chunked(500) {
                for ps in try await PositionStandard.query(on: db).filter(\.$competencyID == m5.id!).filter(\.$positionID ~~ Array(chunk)).all() {
                    required[ps.positionID] = max(required[ps.positionID] ?? 0, ps.requiredLevel)
                }
            }
        }

        var rows: [UnitRow] = []
        for (opdID, list) in byOPD {
            guard let node = tree.node(opdID) else { continue }
            let staff = staffOf[opdID] ?? []
            let trained = staff.filter { trainedIDs.contains($0.id) }.count
            // The core's rules, as on every other page: JPM over the assessed, M.5 shortfall never netted.
            var jpmMean = JPMMean(), publicService = GapTally()
            for p in staff {
                jpmMean.add(jpm: p.jpm, assessedCount: p.assessed)
                if let pos = p.positionID, let req = required[pos] { publicService.record(required: req, actual: levels[p.id]) }
            }
            func jpm(at date: SimpleDate) -> Double? {
                guard let point = points.filter({ $0.opdID == opdID && $0.asOf <= date.iso && $0.assessed > 0 }).max(by: { $0.asOf < $1.asOf }) else { return nil }
                return point.jpmSum / Double(point.assessed)
            }
            func side(_ i: Int) -> ServiceSide {
                let cell = data.merged(list.map { $0.id! }, i)
                let r = cell.ikm(weight), f = cell.figures
                return ServiceSide(respondents: cell.tally.respondents, ikm: r?.value, grade: r?.grade?.rawValue, u6: cell.u6,
                                   onTimeShare: f.onTimeShare, p90Minutes: f.p90Minutes, volume: f.count)
            }
            let share = staff.isEmpty ? 0 : Double(trained) / Double(staff.count)
            rows.append(UnitRow(opdID: opdID, name: node.name, services: list.count, staff: staff.count, trained: trained,
                                meanJPM: jpmMean.mean, assessed: jpmMean.assessed, unassessed: jpmMean.unassessed,
                                jpmBefore: jpm(at: before.to), jpmAfter: jpm(at: after.to),
                                publicServiceGap: publicService.meanShortfall,
                                meanJP: staff.isEmpty ? nil : Double(staff.reduce(0) { $0 + (jp[$1.id] ?? 0) }) / Double(staff.count),
                                before: side(0), after: side(1),
                                // No delivering staff identified: neither exposed nor clearly not.
                                group: staff.isEmpty ? "excluded" : share >= treatedShare ? "trained" : share < controlShare ? "control" : "excluded"))
        }
        rows.sort { $0.name < $1.name }
        // One observation per service: its outcome before and after.
        let groupOf = Dictionary(uniqueKeysWithValues: rows.map { ($0.opdID, $0.group) })
        var onTime: (t: [BeforeAfter], c: [BeforeAfter]) = ([], []), ikm: (t: [BeforeAfter], c: [BeforeAfter]) = ([], [])
        for s in services {
            let group = groupOf[tree.topLevel(of: s.unitID)]
            guard group == "trained" || group == "control" else { continue }
            let b = data.cell(s.id!, 0), a = data.cell(s.id!, 1)
            if let x = b.figures.onTimeShare, let y = a.figures.onTimeShare {
                if group == "trained" { onTime.t.append(BeforeAfter(before: x * 100, after: y * 100)) } else { onTime.c.append(BeforeAfter(before: x * 100, after: y * 100)) }
            }
            if b.tally.respondents >= minimumRespondents, a.tally.respondents >= minimumRespondents, let x = b.ikm(weight)?.value, let y = a.ikm(weight)?.value {
                if group == "trained" { ikm.t.append(BeforeAfter(before: x, after: y)) } else { ikm.c.append(BeforeAfter(before: x, after: y)) }
            }
        }
        return Report(wave: Window(from: from, to: to), before: before, after: after, rows: rows,
                      onTime: Comparison(outcome: "onTimeShare", estimate: DifferenceInDifferences.estimate(treated: onTime.t, control: onTime.c)),
                      ikm: Comparison(outcome: "ikm", estimate: DifferenceInDifferences.estimate(treated: ikm.t, control: ikm.c)))
    }

    static let caveat = "Perbandingan ini menunjukkan keterkaitan, bukan sebab-akibat: layanan juga berubah karena hal lain (jumlah petugas, sistem, musim). Lihat jumlah layanan (n) dan rentang kepercayaan 95 %; rentang yang memuat 0 berarti perbedaan belum dapat dibedakan dari kebetulan."
}
