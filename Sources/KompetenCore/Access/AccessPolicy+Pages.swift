import Foundation

/// Decisions that a page's buttons and the menu share with the routes they lead to: each is
/// asked by the route (to enforce) and by the page model or the menu (to show), so a button and
/// the rule behind it cannot drift apart.
extension AccessPolicy {
    /// The plan-approval inbox (plans waiting for a decision, outside learning to verify): BKPPD
    /// (the last step) and the supervisors (the first).
    public static func approvalInbox(_ actor: Principal) -> AccessDecision {
        guard actor.instansiID != nil else { return .deny(noAccess) }
        return actor.role == .admin || actor.role == .supervisor
            ? .allow : .deny("Halaman persetujuan untuk atasan langsung dan Admin BKPPD.")
    }

    /// Whether the catalogue list also shows retired programmes: for those who maintain the
    /// catalogue (BKPPD, a provider for its own); an employee plans only from active ones.
    public static func seesInactiveProgrammes(_ actor: Principal) -> Bool {
        actor.role == .admin || actor.role == .provider
    }

    /// Which training institutions (and so whose programmes) the actor reaches.
    public enum ProviderReach: Equatable, Sendable {
        /// Every institution of the instansi.
        case all
        /// Only this one (a provider login; nil when the login is bound to none: it reaches nothing).
        case only(UUID?)

        /// Whether a record of `providerID` is within reach.
        public func reaches(_ providerID: UUID) -> Bool {
            switch self {
            case .all: true
            case .only(let own): own == providerID
            }
        }

        /// Whether the actor acts for the institution `providerID` itself (not merely reaches it).
        public func isOwn(_ providerID: UUID) -> Bool { self == .only(providerID) }
    }

    /// A provider login sees only its own institution and programmes; everyone else all.
    public static func providerReach(_ actor: Principal) -> ProviderReach {
        actor.role == .provider ? .only(actor.providerID) : .all
    }

    /// The positions a bulk standard change touches: nil = the whole instansi (BKPPD), a value =
    /// the operator's own OPD; denied for every other role.
    public static func bulkStandardScope(_ actor: Principal) -> Result<UUID?, Denied> {
        if case .deny(let reason) = mayCreate(actor, .position) { return .failure(Denied(reason: reason)) }
        return .success(actor.role == .admin ? nil : actor.opdID)
    }

    /// Opening an employee's full NIK (audited): BKPPD's admin only; everyone else sees it masked.
    public static func revealNIK(_ actor: Principal) -> AccessDecision {
        actor.role == .admin && actor.instansiID != nil
            ? .allow : .deny("Hanya Admin BKPPD yang dapat membuka NIK lengkap.")
    }

    /// "My evaluations" lists what the account's own employee record has to fill; an account
    /// without one (BKPPD, an operator, an assessor, a provider) has nothing there.
    public static func ownEvaluations(_ actor: Principal) -> AccessDecision {
        actor.employeeID != nil && actor.instansiID != nil
            ? .allow : .deny("Akun Anda tidak terhubung dengan data pegawai.")
    }

    /// Which employee records a list shows, as `employee(.read)` decides one by one: BKPPD and
    /// the assessor all, an operator their OPD, a supervisor themself and their direct
    /// subordinates, an employee themself.
    public enum EmployeeReach: Equatable, Sendable {
        case all
        case opd(UUID)
        /// The supervisor `UUID` and the people whose direct supervisor they are.
        case team(UUID)
        case own(UUID)
    }

    public static func employeeListReach(_ actor: Principal) -> Result<EmployeeReach, Denied> {
        switch actor.role {
        case .admin, .assessor: return .success(.all)
        case .operator:
            guard let opd = actor.opdID else {
                return .failure(Denied(reason: "Akun operator belum terikat pada OPD."))
            }
            return .success(.opd(opd))
        case .supervisor:
            guard let me = actor.employeeID else {
                return .failure(Denied(reason: "Akun atasan belum terhubung ke data pegawai."))
            }
            return .success(.team(me))
        case .employee:
            guard let me = actor.employeeID else {
                return .failure(Denied(reason: "Akun pegawai belum terhubung ke data pegawai."))
            }
            return .success(.own(me))
        case .superadmin, .provider:
            return .failure(Denied(reason: "Peran Anda tidak memiliki akses ke data pegawai."))
        }
    }

    /// Whose plans and outside learning wait for the actor's decision (the approval inbox and
    /// its count on the dashboard): BKPPD decides last for everyone and first for people without
    /// a supervisor in the system; anyone else for their direct subordinates.
    public enum ApprovalQueue: Equatable, Sendable {
        case bkppd
        case subordinates(of: UUID)
        case nothing
    }

    public static func approvalQueue(_ actor: Principal) -> ApprovalQueue {
        if actor.role == .admin { return .bkppd }
        if let me = actor.employeeID { return .subordinates(of: me) }
        return .nothing
    }
}

extension AccessPolicy {
    /// One's own e-mail address and the daily digest: every instansi account (the digest lists
    /// notices, which only instansi accounts have).
    public static func ownEmail(_ actor: Principal) -> AccessDecision {
        actor.instansiID != nil ? .allow : .deny("Ringkasan e-mail hanya untuk pengguna instansi.")
    }

    /// The settings page's "Kirim e-mail uji" button: whoever manages the settings.
    public static func sendTestMail(_ actor: Principal) -> AccessDecision { manageSettings(actor) }
}
