/// When an enrolment may be completed (certificate issued, JP credited): issue 15 item 11.
///
/// - Not before the batch's last day: the JP are for hours actually attended, and a batch
///   ending the day after tomorrow has not been attended yet.
/// - Only with an attendance figure: the one in the completion request, else the one recorded
///   before. Without any, nothing shows the participant was there.
/// - The figure reaches the programme's minimum (set per programme, default 90 %); a completion
///   below it is possible (illness, an official assignment) but needs a reason, which the
///   audit log keeps.
public enum CompletionRule {
    public static let defaultMinimumAttendance = 90

    /// What the completion goes ahead with.
    public struct Decision: Equatable, Sendable {
        public let attendance: Int
        /// The attendance is under the programme's minimum; `reason` explains why it passes.
        public let belowMinimum: Bool
        public let reason: String?
    }

    /// The fields that stop the completion (one or more).
    public struct Refusal: Error, Equatable, Sendable {
        public let errors: [FieldError]
    }

    /// `requested` is `attendancePercent` of the completion request, `recorded` the one stored
    /// before; `reason` the explanation for a completion under the minimum.
    public static func check(
        today: SimpleDate, batchEnd: SimpleDate, requested: Int?, recorded: Int?,
        minimum: Int, reason: String?
    ) -> Result<Decision, Refusal> {
        var v = FieldValidator()
        if today < batchEnd {
            v.add(
                field: "certificateNumber",
                "Angkatan baru selesai \(IndonesianFormat.date(batchEnd)); kelulusan dan JP dicatat mulai hari terakhir angkatan."
            )
        }
        if let requested, !(0...100).contains(requested) {
            v.add(field: "attendancePercent", "Kehadiran 0–100 %.")
            return .failure(Refusal(errors: v.errors))
        }
        guard let attendance = requested ?? recorded else {
            v.add(
                field: "attendancePercent",
                "Kehadiran peserta belum dicatat: isi persentase kehadiran (attendancePercent) untuk menyatakan lulus.")
            return .failure(Refusal(errors: v.errors))
        }
        let why = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let below = attendance < minimum
        if below, why.isEmpty {
            v.add(
                field: "reason",
                "Kehadiran \(attendance) % di bawah minimum program \(minimum) %: tuliskan alasan untuk tetap menyatakan lulus."
            )
        }
        guard v.isValid else { return .failure(Refusal(errors: v.errors)) }
        return .success(Decision(attendance: attendance, belowMinimum: below, reason: below ? why : nil))
    }

    /// A programme's minimum attendance is a whole percentage 1–100.
    public static func isValidMinimum(_ m: Int) -> Bool { (1...100).contains(m) }
}
