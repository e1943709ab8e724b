/// Where an employee stands in a training batch: enrolled (a seat), waitlisted, completed
/// (certificate, JP credited) or cancelled. The raw value is what `enrolments.status` stores and the
/// API carries, so it must never change.
public enum EnrolmentStatus: String, CaseIterable, Codable, Sendable {
    case enrolled, waitlisted, completed, cancelled

    public var label: String {
        switch self {
        case .enrolled: "Terdaftar"
        case .waitlisted: "Daftar tunggu"
        case .completed: "Lulus"
        case .cancelled: "Batal"
        }
    }

    /// Holds a seat of the batch.
    public var takesSeat: Bool { self == .enrolled || self == .completed }
}

/// Learning outside the catalogue counts its JP only once the supervisor verified the evidence.
/// The raw value is what `learning_records.status` stores and the API carries.
public enum LearningStatus: String, CaseIterable, Codable, Sendable {
    case submitted, verified, rejected

    public var label: String {
        switch self {
        case .submitted: "Menunggu verifikasi atasan"
        case .verified: "Terverifikasi"
        case .rejected: "Ditolak"
        }
    }
}
