import Foundation
import KompetenCore

/// The menu, organised by the four areas of the mission (SPEC.md) plus administration.
/// Areas whose features are not built yet say so instead of linking to nothing. Each item is
/// shown exactly when the AccessPolicy decision its route enforces allows it; only the wording
/// of two items depends on the role ("Program kami" for a training institution).
enum Navigation {
    static func areas(for actor: Principal, currentPath: String) -> [Chrome.NavArea] {
        func item(_ label: String, _ url: SiteURL) -> Chrome.NavItem {
            let path = url.path
            let active = path == "/" ? currentPath == "/" : currentPath.hasPrefix(path)
            return .init(label: label, href: path, active: active)
        }
        func pending(_ label: String) -> Chrome.NavItem { .init(label: label, href: nil, active: false) }

        if AccessPolicy.manageInstansi(actor).isAllowed {
            return [.init(title: "Superadmin", items: [item("Instansi", .instansiList)])]
        }
        var areas: [Chrome.NavArea] = [.init(title: "Umum", items: [item("Beranda", .home)])]
        var identify: [Chrome.NavItem] = []
        if AccessPolicy.listScope(actor).isSuccess {
            identify.append(item("Organisasi", .units))
            identify.append(item("Pegawai", .employees))
            identify.append(item("Jabatan & standar", .positions))
        }
        if AccessPolicy.competencies(actor, .read).isAllowed {
            identify.append(item("Kamus kompetensi", .competencies))
        }
        if AccessPolicy.reportScope(actor).isSuccess { identify.append(item("Laporan kesenjangan", .reports)) }
        if AccessPolicy.importData(actor).isAllowed || AccessPolicy.importAssessments(actor).isAllowed {
            identify.append(item("Impor data", .imports))
        }
        areas.append(.init(title: "1. Identifikasi Kebutuhan", items: identify))
        var develop: [Chrome.NavItem] = []
        if AccessPolicy.providers(actor, .read).isAllowed {
            develop.append(item(actor.role == .provider ? "Program kami" : "Katalog program", .programmes))
            develop.append(item(actor.role == .provider ? "Profil lembaga" : "Lembaga pelatihan", .providers))
        }
        if AccessPolicy.approvalInbox(actor).isAllowed { develop.append(item("Persetujuan rencana", .plans)) }
        if let me = actor.employeeID { develop.append(item("Rencana saya", .employeePlans(me))) }
        if AccessPolicy.developmentReportScope(actor).isSuccess {
            develop.append(item("Analisis kebutuhan", .needs))
            develop.append(item("Kepatuhan 20 JP", .jpCompliance))
        }
        if AccessPolicy.mandatoryTrainingScope(actor).isSuccess {
            develop.append(item("Pelatihan wajib", .mandatoryTraining))
        }
        if AccessPolicy.annualPlan(actor).isAllowed { develop.append(item("Rencana tahunan optimal", .annualPlan)) }
        // The designated PPK is found in the database, not in the session: their link is the
        // list page itself (the nav shows it to the roles that read the plan by role).
        if let instansiID = actor.instansiID,
            AccessPolicy.instansiPlan(actor, instansiID: instansiID, ppkUserID: nil).isAllowed
        {
            develop.append(item("Rencana pengembangan instansi", .instansiPlans))
        }
        areas.append(.init(title: "2. Pengembangan", items: develop))
        var evaluate: [Chrome.NavItem] = []
        if AccessPolicy.ownEvaluations(actor).isAllowed { evaluate.append(item("Evaluasi saya", .evaluations)) }
        if AccessPolicy.monitoringScope(actor).isSuccess {
            evaluate.append(item("Pemantauan & efektivitas", .monitoring))
            evaluate.append(item("Talenta 9-box", .talent))
        }
        if AccessPolicy.reassessmentScope(actor).isSuccess { evaluate.append(item("Penilaian ulang", .reassessments)) }
        areas.append(.init(title: "3. Evaluasi & Pemantauan", items: evaluate))
        var services: [Chrome.NavItem] = []
        if AccessPolicy.serviceScope(actor).isSuccess {
            services.append(item("Katalog & standar layanan", .services))
            services.append(item("Laporan SKM", .skmReport))
            if AccessPolicy.complaintScope(actor).isSuccess {
                services.append(item("Pengaduan masyarakat", .complaints))
            }
            services.append(item("Kompetensi & layanan", .impact))
            if AccessPolicy.readHolidays(actor).isAllowed {
                services.append(item("Hari libur & cuti bersama", .holidays(year: nil)))
            }
        }
        services.append(item("Transparansi publik", .transparency))
        areas.append(.init(title: "4. Layanan Publik", items: services))
        if AccessPolicy.manageUsers(actor).isAllowed {
            areas.append(
                .init(
                    title: "Administrasi",
                    items: [item("Pengguna", .users), item("Pengaturan", .settings), item("Log audit", .audit)]))
        }
        return areas
    }
}

extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}
