import Fluent
import Foundation
import KompetenCore
import SQLKit
import Vapor

/// Programme effectiveness from the evaluation records and re-assessments, summed in the
/// database per programme: three grouped queries for any number of programmes.
enum EffectivenessQueries: SQLShorthand {
    struct Filter: Sendable {
        let instansiID: UUID
        /// Participants of these units only (an operator's OPD); nil = everyone.
        var unitIDs: [UUID]? = nil
        /// Activities completed in this period (ISO dates, inclusive).
        var from: String = "0000-01-01"
        var to: String = "9999-12-31"
        var programmeID: UUID? = nil
    }

    /// `enrolments en` limited to completed activities of the filter; joined to the employees
    /// only when a unit scope asks for it (city-wide the join would only cost time).
    private static func completed(_ q: SQLSelectBuilder, _ f: Filter) -> SQLSelectBuilder {
        var q = q
        if let units = f.unitIDs {
            q = q.join(
                alias(Employee.schema, "e"), method: SQLJoinMethod.inner, on: col("employee_id", "en"), .equal,
                col("id", "e")
            )
            .where(col("unit_id", "e"), .in, SQLBind.group(units))
        }
        q = q.where(col("instansi_id", "en"), .equal, SQLBind(f.instansiID))
            .where(col("status", "en"), .equal, SQLBind(EnrolmentStatus.completed.rawValue))
            .where(col("completed_on", "en"), .greaterThanOrEqual, SQLBind(f.from))
            .where(col("completed_on", "en"), .lessThanOrEqual, SQLBind(f.to))
        if let p = f.programmeID { q = q.where(col("program_id", "en"), .equal, SQLBind(p)) }
        return q
    }

    static func byProgramme(_ f: Filter, on db: any Database) async throws -> [UUID: EffectivenessTally] {
        let sql = try db.sql
        var result: [UUID: EffectivenessTally] = [:]
        let counts = try await completed(
            sql.select().column(col("program_id", "en"), as: "program_id")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(alias(Enrolment.schema, "en")), f
        )
        .groupBy(col("program_id", "en")).all()
        for row in counts {
            result[try row.decode(column: "program_id", as: UUID.self), default: .init()].completed = try row.integer(
                "n")
        }

        let sums = try await completed(
            sql.select().column(col("program_id", "en"), as: "program_id")
                .column(col("level", "ev"), as: "level").column(col("respondent", "ev"), as: "respondent")
                .column(SQLFunction("SUM", args: col("summary", "ev")), as: "total")
                .column(SQLFunction("COUNT", args: col("summary", "ev")), as: "n")
                .from(alias(EvaluationRecord.schema, "ev"))
                .join(
                    alias(Enrolment.schema, "en"), method: SQLJoinMethod.inner, on: col("enrolment_id", "ev"), .equal,
                    col("id", "en")), f
        )
        .groupBy(col("program_id", "en")).groupBy(col("level", "ev")).groupBy(col("respondent", "ev")).all()
        for row in sums {
            let n = try row.integer("n")
            guard n > 0, let level = EvaluationLevel(rawValue: try row.integer("level")),
                let who = EvaluationRespondent(rawValue: try row.decode(column: "respondent", as: String.self))
            else { continue }
            let total = try row.decode(column: "total", as: Double.self)
            var t = result[try row.decode(column: "program_id", as: UUID.self), default: .init()]
            switch (level, who) {
            case (.reaction, _):
                t.l1Sum += total
                t.l1Count += n
            case (.learning, _):
                t.l2Sum += total
                t.l2Count += n
            case (.behaviour, .supervisor):
                t.l3Sum += total
                t.l3Count += n
            case (.behaviour, _):
                t.l3SelfSum += total
                t.l3SelfCount += n
            default: break
            }
            result[try row.decode(column: "program_id", as: UUID.self)] = t
        }

        // Per participant: did any re-assessed competency rise? (A due closed with a known earlier level.)
        let rose = SQLCaseWhen(
            condition: SQLBinaryExpression(col("level_after", "d"), .greaterThan, col("level_before", "d")),
            then: SQLLiteral.numeric("1"), otherwise: SQLLiteral.numeric("0"))
        let perEnrolment = try await completed(
            sql.select().column(col("program_id", "en"), as: "program_id")
                .column(SQLFunction("MAX", args: rose), as: "rose")
                .from(alias(ReassessmentDue.schema, "d"))
                .join(
                    alias(Enrolment.schema, "en"), method: SQLJoinMethod.inner, on: col("enrolment_id", "d"), .equal,
                    col("id", "en")), f
        )
        .where(SQLColumn("level_before", table: "d"), .isNot, SQLLiteral.null)
        .where(SQLColumn("level_after", table: "d"), .isNot, SQLLiteral.null)
        .groupBy(col("program_id", "en")).groupBy(col("id", "en")).all()
        for row in perEnrolment {
            let id = try row.decode(column: "program_id", as: UUID.self)
            result[id, default: .init()].reassessed += 1
            result[id, default: .init()].raised += try row.integer("rose")
        }
        return result
    }
}

extension EffectivenessQueries {
    /// `participantScope` for a page that shows effectiveness only to those who may see it: nil
    /// when the actor may not (the section is left out), `.some(nil)` for everyone's participants.
    /// (Not `try?`: it would flatten "everyone" (nil) and "not allowed" into one.)
    static func visibleScope(_ actor: Principal, providerID: UUID, on db: any Database) async throws -> [UUID]?? {
        do {
            return .some(try await participantScope(actor, providerID: providerID, on: db))
        } catch let denied as any AbortError where denied.status == .forbidden {
            return nil
        }
    }

    /// Whose participants count: BKPPD and the programme's own provider see all; an operator
    /// only their OPD's people; other roles nothing.
    static func participantScope(_ actor: Principal, providerID: UUID, on db: any Database) async throws -> [UUID]? {
        if AccessPolicy.providerReach(actor).isOwn(providerID) { return nil }
        switch AccessPolicy.monitoringScope(actor) {
        case .failure(let denied): throw Abort(.forbidden, reason: denied.reason)
        case .success(nil): return nil
        case .success(let opd?): return try await UnitQueries.ids(inOPD: opd, on: db)
        }
    }
}
