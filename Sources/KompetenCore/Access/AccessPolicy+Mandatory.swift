import Foundation

/// Who sees whose mandatory-training status.
public enum MandatoryTrainingScope: Equatable, Sendable {
    /// BKPPD: the whole instansi (optionally narrowed to an OPD).
    case instansi
    /// An OPD operator: that OPD only, whatever unit they ask for.
    case opd(UUID)
    /// An employee or supervisor: their own requirement.
    case own(UUID)
}

extension AccessPolicy {
    /// The compliance list, its dashboard panel and `GET /api/v1/mandatory-training`: BKPPD
    /// city-wide, an operator their OPD, every employee (a supervisor too) their own requirement.
    /// Assessors, providers and the superadmin have no business with it.
    public static func mandatoryTrainingScope(_ actor: Principal) -> Result<MandatoryTrainingScope, Denied> {
        guard actor.instansiID != nil else { return .failure(Denied(reason: noAccess)) }
        switch actor.role {
        case .admin: return .success(.instansi)
        case .operator:
            guard let opd = actor.opdID else { return .failure(Denied(reason: otherOPD)) }
            return .success(.opd(opd))
        case .employee, .supervisor:
            guard let id = actor.employeeID else { return .failure(Denied(reason: noAccess)) }
            return .success(.own(id))
        case .assessor, .provider, .superadmin:
            return .failure(
                Denied(reason: "Daftar pelatihan wajib hanya untuk Admin BKPPD, operator OPD dan pegawai sendiri."))
        }
    }
}
