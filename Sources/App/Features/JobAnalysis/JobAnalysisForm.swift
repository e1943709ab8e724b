import Foundation
import KompetenCore
import Vapor

/// The job analysis edit form as posted: the task table as parallel columns (`taskDescription[]`
/// …), one entry per row, blank rows ignored.
struct JobAnalysisForm: Content, JobAnalysisTextFields {
    var positionClass: String?
    var functionalGrade: String?
    var education: String?
    var training: String?
    var experience: String?
    var taskDescription: [String]?
    var taskOutput: [String]?
    var taskUnit: [String]?
    var taskVolume: [String]?
    var taskNorm: [String]?
    var materials: String?
    var tools: String?
    var responsibilities: String?
    var authorities: String?
    var correlations: String?
    var workingConditions: String?
    var risks: String?
    var requirements: String?
    /// The position's version the form was opened on (text: an old page may post it empty).
    var version: String?

    var expectedVersion: Int? { version.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    /// One row of the task table as typed.
    struct Row: Encodable {
        var description = "", output = "", unit = "", volume = "", norm = ""
        var isBlank: Bool {
            [description, output, unit, volume, norm].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
    }

    var rows: [Row] {
        let columns = [taskDescription, taskOutput, taskUnit, taskVolume, taskNorm].map { $0 ?? [] }
        let n = columns.map(\.count).max() ?? 0
        return (0..<n).map { i in
            func cell(_ c: Int) -> String { columns[c].indices.contains(i) ? columns[c][i] : "" }
            return Row(description: cell(0), output: cell(1), unit: cell(2), volume: cell(3), norm: cell(4))
        }
    }

    /// A volume as people type it: "4.800" and "4 800" are four thousand eight hundred (the
    /// Indonesian thousands dot); a comma is a decimal and so not a whole count.
    static func volume(_ s: String) -> Double? {
        let t = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: ",", with: ".")
        return t.isEmpty ? nil : Double(t)
    }

    /// Norm hours with a decimal comma or point ("0,25", "0.25").
    static func hours(_ s: String) -> Double? {
        let t = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        return t.isEmpty ? nil : Double(t)
    }

    /// The job analysis, or the errors with each task error moved to the row the person sees
    /// (`tasks[0]` is the first non-blank row, which may be the third on the form).
    func parse(kind: PositionKind) throws -> JobAnalysis {
        let all = rows
        let filled = all.indices.filter { !all[$0].isBlank }
        // Text that is not a number goes to the rule as 0, which names it like any class outside 1–17.
        let positionClass = self.positionClass.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap {
            $0.isEmpty ? nil : Int($0) ?? 0
        }
        do {
            return try JobAnalysis.validate(
                positionClass: positionClass, education: education, training: training, experience: experience,
                tasks: filled.map { i in
                    let r = all[i]
                    return .init(
                        description: r.description, output: r.output, unit: r.unit,
                        annualVolume: Self.volume(r.volume), normHours: Self.hours(r.norm))
                },
                texts: texts, functionalGrade: functionalGrade, kind: kind)
        } catch let failure as ValidationFailure {
            throw ValidationFailure(
                errors: failure.errors.map { e in
                    guard let (k, rest) = Self.taskRow(e.field), filled.indices.contains(k) else { return e }
                    return FieldError(
                        field: "tasks[\(filled[k])]" + rest, message: "Baris \(filled[k] + 1): " + e.message)
                })
        }
    }

    /// `tasks[2].normHours` → (2, ".normHours"); nil for a field that is not a task's.
    static func taskRow(_ field: String) -> (Int, Substring)? {
        guard field.hasPrefix("tasks["), let close = field.firstIndex(of: "]"),
            let k = Int(field[field.index(field.startIndex, offsetBy: 6)..<close])
        else { return nil }
        return (k, field[field.index(after: close)...])
    }
}
