import Foundation

/// Rules for the service standards' history and the holiday calendar the working-day standards
/// are counted with.
extension AccessPolicy {
    /// Reading the holiday calendar: whoever reads service figures (BKPPD, OPD operators).
    public static func readHolidays(_ actor: Principal) -> AccessDecision {
        guard actor.instansiID != nil else { return .deny(noAccess) }
        switch serviceScope(actor) {
        case .success: return .allow
        case .failure(let denied): return .deny(denied.reason)
        }
    }

    /// Adding or removing libur nasional and cuti bersama: BKPPD (the admin), as for the other
    /// instansi-wide settings. The calendar judges every OPD's working-day services alike.
    public static func manageHolidays(_ actor: Principal) -> AccessDecision { manageSettings(actor) }

    /// Adding a standard to a service's history effective from `effectiveFrom`. Whoever manages
    /// the service may set one from today on; only BKPPD may make one effective before today
    /// (a correction): past months are judged by the standard then in force, and the unit being
    /// judged must not lower its own bar after the fact.
    public static func changeServiceStandard(
        _ actor: Principal, _ service: Placement, effectiveFrom: SimpleDate, today: SimpleDate
    ) -> AccessDecision {
        let manage = manageService(actor, service)
        guard manage.isAllowed else { return manage }
        if effectiveFrom < today && actor.role != .admin { return .deny(backdatedStandard) }
        return .allow
    }

    public static let backdatedStandard =
        "Standar yang berlaku surut (sebelum hari ini) hanya dapat dicatat oleh Admin BKPPD: bulan yang sudah lewat dinilai dengan standar yang berlaku saat itu."
}
