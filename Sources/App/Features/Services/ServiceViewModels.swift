import Foundation
import KompetenCore

struct ServiceListModel: Encodable {
    let filterAction = SiteURL.services.path
    let newHref = SiteURL.serviceNew.path
    let skmHref = SiteURL.skmReport.path
    let impactHref = SiteURL.impact.path
    let transparencyHref = SiteURL.transparency.path
    let standardsExportHref = SiteURL.serviceStandardsExport.path
    let standardsImportAction = SiteURL.serviceStandardsImport.path
    struct Row: Encodable {
        let href: String, code: String, name: String, unit: String, standard: String, fee: String
        let volume: String, onTime: String, respondents: String, ikm: String, grade: String, active: Bool
        /// The ended months of the year without a record, shown only on the `catatan` filter.
        let missingMonths: String
    }
    let scopeName: String
    let period: String
    let rows: [Row]
    /// The attention filter in force (`?perhatian=`), what it means, and the unfiltered list.
    let attentionLabel: String?
    let allHref: String
    let showMissing: Bool
    let unitOptions: [FormModel.Option]
    let canCreate: Bool
    let export: [String: String]
}

struct ServiceDetailModel: Encodable {
    let kiosksHref = SiteURL.kiosks.path
    struct MonthRow: Encodable {
        let month: String, received: String, completed: String, onTime: String, median: String, p90: String,
            backlog: String, source: String
        /// The standard the month's requests were judged by; "changed" when it changed within the month.
        let standard: String, changed: Bool
        init(_ m: ServiceMonth, history: StandardHistory) {
            let date = SimpleDate(iso: m.month + "-01")
            month = date.map { ReportPeriod.month.label(from: $0) } ?? m.month
            received = IndonesianFormat.integer(m.received)
            completed = IndonesianFormat.integer(m.completed)
            // Open tickets already past the standard count as late here too (ProcessingTimes.onTimeShare).
            onTime = ServiceFormat.share(
                ProcessingTimes.onTimeShare(onTime: m.onTime, completed: m.completed, overdueOpen: m.overdueOpen ?? 0))
            let inForce = date.flatMap { history.inForce(on: $0) }
            standard = inForce?.label ?? "—"
            changed = date.map { history.changesWithin(monthOf: $0) } ?? false
            // A working-day standard is read in working days, when the tickets give them.
            let workingDays = inForce?.isWorkingDays == true && m.p90WorkingDays != nil
            median =
                workingDays ? ServiceFormat.workingDays(m.medianWorkingDays) : ServiceFormat.minutes(m.medianMinutes)
            p90 = workingDays ? ServiceFormat.workingDays(m.p90WorkingDays) : ServiceFormat.minutes(m.p90Minutes)
            backlog = IndonesianFormat.integer(m.backlog)
            source = m.source == ServiceRecordsImport.fromTickets ? "tiket" : "laporan bulanan"
        }
    }
    /// One row of the standard's history, newest first.
    struct StandardRow: Encodable {
        let from: String, standard: String, unit: String, current: Bool
        init(_ r: ServiceStandardEntry, current: Bool) {
            from =
                r.effectiveFrom == StandardHistory.beginning.iso
                ? "Sejak awal catatan"
                : SimpleDate(iso: r.effectiveFrom).map { IndonesianFormat.date($0) } ?? r.effectiveFrom
            standard = r.text
            unit =
                r.standard?.isWorkingDays == true
                ? "hari kerja" : r.unit == StandardTime.Unit.days.rawValue ? "hari kalender" : "jam/menit"
            self.current = current
        }
    }
    struct IKMRow: Encodable {
        let period: String, respondents: String, ikm: String, grade: String, label: String, u6: String, sample: String,
            warning: Bool
        init(period: String, tally: SurveyQueries.Tally, weight: SKMWeight, population: Int?) {
            let r = tally.ikm(weight: weight, population: population)
            self.period = period
            respondents = IndonesianFormat.integer(tally.respondents)
            ikm = ServiceFormat.ikm(r)
            grade = r?.grade?.rawValue ?? ""
            label = r?.label ?? "belum ada responden"
            u6 =
                tally.answered[5] > 0
                ? IndonesianFormat.decimal(Double(tally.sums[5]) / Double(tally.answered[5]), digits: 3) : "—"
            let minimum = population.flatMap { KrejcieMorgan.minimumSample(population: $0) }
            sample = minimum.map { IndonesianFormat.integer($0) } ?? "—"
            warning = minimum.map { tally.respondents < $0 } ?? false
        }
    }
    let id: String
    let code: String
    let name: String
    let unit: String
    let standard: String
    let fee: String
    let requirements: [String]
    let legalBasis: String
    let positions: [String]
    let active: Bool
    let surveyURL: String
    let kioskURL: String
    let posterURL: String
    let qr: String
    let months: [MonthRow]
    let standards: [StandardRow]
    let standardHref: String
    let ikm: [IKMRow]
    let canManage: Bool
    let flagged: Int
    let editHref: String
    let responsesHref: String
    let paperHref: String
    let recordsAction: String
    let templateMonths: String
    let templateTickets: String
    let importErrors: [String]
    let importResult: String?
    let csrf: String
    /// The full standar pelayanan (issue 18), set by the controller after `init`.
    var document: StandardDocumentModel?
    /// Nil unless the viewer may change the standard (`AccessPolicy.manageService`, as the route).
    var documentEditHref: String?
    var publicStandardHref = ""
    var standardPosterHref = ""

    init(
        service s: PublicService, standard: String, standards: [StandardRow], unit: String, positions: [String],
        surveyURL: String, kioskURL: String,
        qr: String, months: [MonthRow], ikm: [IKMRow], canManage: Bool, flagged: Int, importErrors: [String],
        importResult: String?, csrf: String
    ) {
        id = s.id!.uuidString
        code = s.code
        name = s.name
        self.unit = unit
        self.standard = standard
        self.standards = standards
        standardHref = SiteURL.serviceStandardNew(s.id!).path
        fee = s.fee == 0 ? "Gratis" : IndonesianFormat.money(s.fee)
        requirements = s.requirementList
        legalBasis = s.legalBasis.isEmpty ? "—" : s.legalBasis
        self.positions = positions
        active = s.isActive
        self.surveyURL = surveyURL
        self.kioskURL = kioskURL
        self.qr = qr
        posterURL = SiteURL.surveyPoster(s.shortCode).path
        self.months = months
        self.ikm = ikm
        self.canManage = canManage
        self.flagged = flagged
        editHref = SiteURL.serviceEdit(s.id!).path
        responsesHref = SiteURL.serviceResponses(s.id!).path
        paperHref = SiteURL.servicePaper(s.id!).path
        recordsAction = SiteURL.serviceRecords(s.id!).path
        templateMonths = SiteURL.serviceRecordsTemplate(s.id!).path + "?kind=bulanan"
        templateTickets = SiteURL.serviceRecordsTemplate(s.id!).path + "?kind=tiket"
        self.importErrors = importErrors
        self.importResult = importResult
        self.csrf = csrf
    }
}
