import Foundation
import KompetenCore
import Vapor

/// The job analysis edit form as posted: the task table as parallel columns (`taskDescription[]`
/// …), one entry per row, blank rows ignored.
struct JobAnalysisForm: Content, JobAnalysisTextFields {
    var positionClass: String?
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
    func parse() throws -> JobAnalysis {
        let all = rows
        let filled = all.indices.filter { !all[$0].isBlank }
        var classError: FieldError?
        var positionClass: Int?
        if let raw = self.positionClass?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            if let c = Int(raw) {
                positionClass = c
            } else {
                classError = .init(field: "positionClass", message: "Kelas jabatan 1 sampai 17.")
            }
        }
        do {
            let result = try JobAnalysis.validate(
                positionClass: positionClass, education: education, training: training, experience: experience,
                tasks: filled.map { i in
                    let r = all[i]
                    return .init(
                        description: r.description, output: r.output, unit: r.unit,
                        annualVolume: Self.volume(r.volume), normHours: Self.hours(r.norm))
                },
                texts: texts)
            if let classError { throw ValidationFailure(errors: [classError]) }
            return result
        } catch let failure as ValidationFailure {
            let moved = failure.errors.map { e -> FieldError in
                guard e.field.hasPrefix("tasks["), let close = e.field.firstIndex(of: "]"),
                    let k = Int(e.field[e.field.index(e.field.startIndex, offsetBy: 6)..<close]),
                    filled.indices.contains(k)
                else { return e }
                return FieldError(
                    field: "tasks[\(filled[k])]" + e.field[e.field.index(after: close)...],
                    message: "Baris \(filled[k] + 1): " + e.message)
            }
            throw ValidationFailure(errors: (classError.map { [$0] } ?? []) + moved)
        }
    }
}
