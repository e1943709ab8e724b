import KompetenCore
import Vapor

/// The `year` of a report or ledger query: 2000–2100, or the current year in WITA when absent.
enum ReportYear {
    static func resolve(_ raw: Int?, _ req: Request) throws -> Int {
        let year = raw ?? WITA.today(req.now).year
        guard (2000...2100).contains(year) else {
            throw ValidationFailure(errors: [.init(field: "year", message: "Tahun 2000–2100.")])
        }
        return year
    }
}
