/// The life of a complaint: `diterima → diproses → selesai`, or `ditolak` with a reason from
/// either open state. A complaint is closed as *selesai* only once the unit has replied, so a
/// resident who looks it up always finds an answer; a rejection's reason is that answer.
public enum ComplaintWorkflow {
    public static let reasonLimit = 1_000

    /// The states reachable from `status` (none from a closed one).
    public static func next(from status: ComplaintStatus) -> [ComplaintStatus] {
        switch status {
        case .received: [.inProgress, .done, .rejected]
        case .inProgress: [.done, .rejected]
        case .done, .rejected: []
        }
    }

    /// Checks one transition; every problem with its field (`to`, `reason`).
    public static func validate(
        from status: ComplaintStatus, to target: String, reason: String?, hasReply: Bool
    ) -> Result<ComplaintStatus, ValidationFailure> {
        var v = FieldValidator()
        guard let to = ComplaintStatus(rawValue: target) else {
            v.add(field: "to", "Status tujuan harus salah satu dari: diproses, selesai, ditolak.")
            return .failure(ValidationFailure(errors: v.errors))
        }
        let reasonText = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if status.isClosed {
            v.add(field: "to", "Pengaduan sudah \(status.label.lowercased()); statusnya tidak dapat diubah lagi.")
        } else if !next(from: status).contains(to) {
            v.add(field: "to", "Status \(status.label) tidak dapat diubah menjadi \(to.label).")
        } else if to == .done && !hasReply {
            v.add(field: "to", "Tulis jawaban untuk pelapor sebelum pengaduan dinyatakan selesai.")
        }
        if to == .rejected {
            v.require(!reasonText.isEmpty, field: "reason", "Alasan penolakan wajib diisi: pelapor akan membacanya.")
            v.require(
                reasonText.count <= reasonLimit, field: "reason", "Alasan paling panjang \(reasonLimit) karakter.")
        }
        return v.isValid ? .success(to) : .failure(ValidationFailure(errors: v.errors))
    }
}

/// A reply of the unit to the resident: shown on the public tracking page.
public enum ComplaintReply {
    public static let limit = 2_000

    public static func validate(_ text: String, status: ComplaintStatus) -> Result<String, ValidationFailure> {
        var v = FieldValidator()
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        v.require(!status.isClosed, field: "text", "Pengaduan sudah ditutup; jawabannya tidak dapat diubah.")
        v.require(trimmed.count >= 5, field: "text", "Jawaban minimal 5 karakter.")
        v.require(trimmed.count <= limit, field: "text", "Jawaban paling panjang \(limit) karakter.")
        return v.isValid ? .success(trimmed) : .failure(ValidationFailure(errors: v.errors))
    }
}
