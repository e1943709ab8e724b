import Fluent
import Foundation
import KompetenCore

/// The competency ↔ service link: per OPD with services, the competency indicators of the staff
/// who deliver them (positions linked to the services; every staff member of the OPD when none
/// are linked) beside the service indicators before and after a training wave, and the
/// difference in differences between trained and untrained OPDs (one volume-weighted value per
/// OPD, KompetenCore's `DifferenceInDifferences.byOPD`) with its pre-trend check. An
/// association, never proof of cause: n (OPDs) and the 95 % interval, or why there is none, are always shown.
enum ImpactService {
    typealias Window = ImpactWindows.Window

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
        let group: TrainingExposure
    }

    /// One outcome's difference in differences over the wave (`before → after`) and, beside it,
    /// the pre-trend check (`earlier → before`), both with OPDs as the unit.
    struct Comparison: Sendable {
        let outcome: String
        let result: OPDImpactEstimate?
        let preTrend: OPDImpactEstimate?
    }

    struct Report: Sendable {
        let windows: ImpactWindows
        var wave: Window { windows.wave }
        var earlier: Window { windows.earlier }
        var before: Window { windows.before }
        var after: Window { windows.after }
        let rows: [UnitRow]
        let onTime: Comparison
        let ikm: Comparison
    }

    /// Indices of the windows in the `ServiceIndicators` read.
    static let earlierIndex = 0, beforeIndex = 1, afterIndex = 2

    static func report(
        instansiID: UUID, tree: UnitTree<UUID>, from: SimpleDate, to: SimpleDate, today: SimpleDate, on db: any Database
    ) async throws -> Report {
        let windows = ImpactWindows(from: from, to: to, today: today)
        let weight = try await SettingsQueries.evaluation(instansiID, on: db).skmWeight
        let services = try await PublicService.query(on: db).filter(\.$instansiID == instansiID).all()
        guard !services.isEmpty else {
            return Report(
                windows: windows, rows: [], onTime: Comparison(outcome: "onTimeShare", result: nil, preTrend: nil),
                ikm: Comparison(outcome: "ikm", result: nil, preTrend: nil))
        }
        let data = try await ServiceIndicators.load(
            instansiID: instansiID, services: services, periods: periods(windows), on: db)
        let links = try await ServicePosition.query(on: db).filter(\.$serviceID ~~ services.map { try $0.requireID() })
            .all()
        let byOPD = Dictionary(grouping: services) { tree.topLevel(of: $0.unitID) }
        let serviceUnits = byOPD.keys.flatMap { tree.subtree(of: $0) }
        let gaps = try await GapEngine.compute(instansiID: instansiID, unitIDs: serviceUnits, parts: .persons, on: db)
        let jp = Dictionary(
            uniqueKeysWithValues: try await JPQueries.people(
                instansiID: instansiID, unitIDs: serviceUnits, year: to.year, on: db
            ).map { ($0.id, $0.jp) })
        let points = try await MonitoringQueries.points(instansiID: instansiID, opdIDs: Array(byOPD.keys), on: db)
        let m5 = try await publicServiceCompetency(instansiID, on: db)
        let staffOf = try deliveringStaff(byOPD, links: links, persons: gaps.persons, tree: tree)
        let m5Staff = try await staffInPublicService(staffOf, m5, from: from, to: to, on: db)

        var rows: [UnitRow] = []
        for (opdID, list) in byOPD {
            guard let node = tree.node(opdID) else { continue }
            rows.append(
                unitRow(
                    opdID: opdID, name: node.name, services: list, staff: staffOf[opdID] ?? [], m5: m5Staff, jp: jp,
                    points: points, data: data, weight: weight, windows: windows))
        }
        rows.sort { $0.name < $1.name }
        let (onTime, ikm) = comparisons(services, rows: rows, tree: tree, data: data, weight: weight)
        return Report(windows: windows, rows: rows, onTime: onTime, ikm: ikm)
    }

    /// The three windows of the `ServiceIndicators` read, at `earlierIndex`, `beforeIndex`, `afterIndex`.
    private static func periods(_ windows: ImpactWindows) -> [(from: SimpleDate, to: SimpleDate, label: String)] {
        let (before, after) = (windows.before, windows.after)
        return [
            (from: windows.earlier.from, to: windows.earlier.to, label: "sebelumnya"),
            (from: before.from, to: before.to, label: "sebelum"), (from: after.from, to: after.to, label: "sesudah"),
        ]
    }

    /// Pelayanan Publik (M.5) of the instansi and the programmes that train it.
    private struct PublicServiceCompetency {
        let competency: Competency
        let programmeIDs: [UUID]
    }

    private static func publicServiceCompetency(_ instansiID: UUID, on db: any Database) async throws
        -> PublicServiceCompetency?
    {
        let m5 = try await Competency.query(on: db).filter(\.$instansiID == instansiID).filter(
            \.$code == DevelopmentSettings.publicServiceCode
        ).first()
        return try await m5.asyncMap { c in
            PublicServiceCompetency(
                competency: c,
                programmeIDs: try await ProgrammeCompetency.query(on: db).filter(\.$competencyID == c.requireID())
                    .all(\.$programmeID))
        }
    }

    /// The delivering staff of every OPD: the holders of positions linked to its services, or
    /// everyone in the OPD's subtree when none are linked.
    private static func deliveringStaff(
        _ byOPD: [UUID: [PublicService]], links: [ServicePosition], persons: [GapEngine.Person], tree: UnitTree<UUID>
    ) throws -> [UUID: [GapEngine.Person]] {
        let positionsOf = Dictionary(grouping: links, by: \.serviceID).mapValues { $0.map(\.positionID) }
        return try Dictionary(
            uniqueKeysWithValues: byOPD.map { opdID, list -> (UUID, [GapEngine.Person]) in
                let subtree = Set(tree.subtree(of: opdID))
                let positionIDs = try Set(list.flatMap { try positionsOf[$0.requireID()] ?? [] })
                return (
                    opdID,
                    persons.filter {
                        subtree.contains($0.unitID)
                            && (positionIDs.isEmpty || $0.positionID.map(positionIDs.contains) == true)
                    }
                )
            })
    }

    /// The delivering staff's Pelayanan Publik (M.5) side: who completed an M.5 programme in the
    /// wave, their M.5 level and their positions' M.5 standard.
    private struct StaffInPublicService {
        var trainedIDs = Set<UUID>()
        var levels: [UUID: Int] = [:]
        var required: [UUID: Int] = [:]
    }

    /// One read per kind for the staff of all OPDs together, not a round of queries per OPD.
    private static func staffInPublicService(
        _ staffOf: [UUID: [GapEngine.Person]], _ m5: PublicServiceCompetency?, from: SimpleDate, to: SimpleDate,
        on db: any Database
    ) async throws -> StaffInPublicService {
        let servicePrograms = m5?.programmeIDs ?? []
        let allStaff = Array(Set(staffOf.values.flatMap { $0.map(\.id) }))
        var result = StaffInPublicService()
        for chunk in allStaff.chunked(500) {
            if !servicePrograms.isEmpty {
                result.trainedIDs.formUnion(
                    try await Enrolment.query(on: db).filter(\.$employeeID ~~ Array(chunk)).filter(
                        \.$status == EnrolmentStatus.completed.rawValue
                    )
                    .filter(\.$programmeID ~~ servicePrograms).filter(\.$completedOn >= from.iso).filter(
                        \.$completedOn <= to.iso
                    ).all(\.$employeeID))
            }
            if let m5 = m5?.competency {
                for c in try await CurrentLevel.query(on: db).filter(\.$competencyID == m5.requireID()).filter(
                    \.$employeeID ~~ Array(chunk)
                ).all() { result.levels[c.employeeID] = c.level }
            }
        }
        let staffPositions = Array(Set(staffOf.values.flatMap { $0.compactMap(\.positionID) }))
        if let m5 = m5?.competency, !staffPositions.isEmpty {
            for chunk in staffPositions.chunked(500) {
                for ps in try await PositionStandard.query(on: db).filter(\.$competencyID == m5.requireID()).filter(
                    \.$positionID ~~ Array(chunk)
                ).all() {
                    result.required[ps.positionID] = max(result.required[ps.positionID] ?? 0, ps.requiredLevel)
                }
            }
        }
        return result
    }

    /// One OPD's row: its delivering staff's competency side beside its services before and after.
    private static func unitRow(
        opdID: UUID, name: String, services list: [PublicService], staff: [GapEngine.Person],
        m5: StaffInPublicService, jp: [UUID: Int], points: [MonitoringPoint], data: ServiceIndicators,
        weight: SKMWeight, windows: ImpactWindows
    ) -> UnitRow {
        let trained = staff.filter { m5.trainedIDs.contains($0.id) }.count
        // The core's rules, as on every other page: JPM over the assessed, M.5 shortfall never netted.
        var jpmMean = JPMMean()
        var publicService = GapTally()
        for p in staff {
            jpmMean.add(jpm: p.jpm, assessedCount: p.assessed)
            if let pos = p.positionID, let req = m5.required[pos] {
                publicService.record(required: req, actual: m5.levels[p.id])
            }
        }
        func jpm(at date: SimpleDate) -> Double? {
            guard
                let point = points.filter({ $0.opdID == opdID && $0.asOf <= date.iso && $0.assessed > 0 }).max(by: {
                    $0.asOf < $1.asOf
                })
            else { return nil }
            return point.jpmSum / Double(point.assessed)
        }
        func side(_ i: Int) -> ServiceSide {
            let cell = data.merged(list.map { $0.id! }, i)
            let r = cell.ikm(weight)
            let f = cell.figures
            return ServiceSide(
                respondents: cell.tally.respondents, ikm: r?.value, grade: r?.grade?.rawValue, u6: cell.u6,
                onTimeShare: f.onTimeShare, p90Minutes: f.p90Minutes, volume: f.count)
        }
        return UnitRow(
            opdID: opdID, name: name, services: list.count, staff: staff.count, trained: trained,
            meanJPM: jpmMean.mean, assessed: jpmMean.assessed, unassessed: jpmMean.unassessed,
            jpmBefore: jpm(at: windows.before.to), jpmAfter: jpm(at: windows.after.to),
            publicServiceGap: publicService.meanShortfall,
            meanJP: staff.isEmpty
                ? nil : Double(staff.reduce(0) { $0 + (jp[$1.id] ?? 0) }) / Double(staff.count),
            before: side(beforeIndex), after: side(afterIndex),
            group: TrainingExposure.of(staff: staff.count, trained: trained))
    }

    /// The on-time share and IKM comparisons over the OPDs' exposure groups in `rows`.
    private static func comparisons(
        _ services: [PublicService], rows: [UnitRow], tree: UnitTree<UUID>, data: ServiceIndicators, weight: SKMWeight
    ) -> (onTime: Comparison, ikm: Comparison) {
        let groupOf = Dictionary(uniqueKeysWithValues: rows.map { ($0.opdID, $0.group) })
        let opdOf = { (s: PublicService) in tree.topLevel(of: s.unitID) }
        // On-time share in points, weighted by the requests it rests on; IKM only from services
        // with enough respondents in both windows, weighted by respondents.
        let onTime: (ServiceIndicators.Cell) -> (value: Double, weight: Int)? = { c in
            let f = c.figures
            return f.onTimeShare.map { ($0 * 100, f.completed + f.overdueOpen) }
        }
        let ikm: (ServiceIndicators.Cell) -> (value: Double, weight: Int)? = { c in
            guard c.tally.respondents >= ImpactWindows.minimumRespondents, let v = c.ikm(weight)?.value else {
                return nil
            }
            return (v, c.tally.respondents)
        }
        func comparison(_ outcome: String, _ figure: (ServiceIndicators.Cell) -> (value: Double, weight: Int)?)
            -> Comparison
        {
            Comparison(
                outcome: outcome,
                result: compare(
                    services, opdOf: opdOf, groupOf: groupOf, data: data, from: beforeIndex, to: afterIndex,
                    figure: figure),
                preTrend: compare(
                    services, opdOf: opdOf, groupOf: groupOf, data: data, from: earlierIndex, to: beforeIndex,
                    figure: figure))
        }
        return (comparison("onTimeShare", onTime), comparison("ikm", ikm))
    }

    /// Each service's figure in two windows, grouped per OPD for KompetenCore's per-OPD
    /// difference in differences; a service without the figure in both windows is left out.
    static func compare(
        _ services: [PublicService], opdOf: (PublicService) -> UUID, groupOf: [UUID: TrainingExposure],
        data: ServiceIndicators,
        from i: Int, to j: Int, figure: (ServiceIndicators.Cell) -> (value: Double, weight: Int)?
    ) -> OPDImpactEstimate? {
        var treated: [UUID: [ServiceOutcome]] = [:]
        var control: [UUID: [ServiceOutcome]] = [:]
        for s in services {
            let opd = opdOf(s)
            guard let group = groupOf[opd], group != .excluded,
                let x = figure(data.cell(s.id!, i)), let y = figure(data.cell(s.id!, j))
            else { continue }
            let outcome = ServiceOutcome(before: x.value, after: y.value, weight: Double(x.weight + y.weight))
            if group == .trained {
                treated[opd, default: []].append(outcome)
            } else {
                control[opd, default: []].append(outcome)
            }
        }
        // A fixed order, so sums (and their last bits) do not depend on dictionary order.
        func lists(_ d: [UUID: [ServiceOutcome]]) -> [[ServiceOutcome]] {
            d.sorted { $0.key.uuidString < $1.key.uuidString }.map(\.value)
        }
        return DifferenceInDifferences.byOPD(treated: lists(treated), control: lists(control))
    }

    static let caveat =
        "Perbandingan ini menunjukkan keterkaitan, bukan sebab-akibat: layanan juga berubah karena hal lain (jumlah petugas, sistem, musim). Lihat jumlah OPD (n) dan rentang kepercayaan 95 %; rentang yang memuat 0 berarti perbedaan belum dapat dibedakan dari kebetulan, dan uji tren sebelum gelombang yang tidak mendekati 0 berarti kedua kelompok memang sudah bergerak berbeda sebelum pelatihan."
}
