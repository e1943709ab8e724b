import Foundation
import KompetenCore
import Vapor

/// `GET /api/v1/services/{id}/standard`: the version in force, its 14 components, the time
/// standard that judges the tickets, and how the delivering staff compare with it.
struct StandardDocumentDTO: Content {
    let serviceId: UUID
    let version: Int
    let effectiveFrom: String
    /// False while the shown version is announced but not yet in force.
    let inForce: Bool
    let createdAt: Date
    let components: ComponentsOut
    let standardTime: StandardTimeOut?
    let compliance: Compliance

    struct CompetencyOut: Codable, Sendable {
        let competencyCode: String
        let requiredLevel: Int
        let competencyName: String?
    }

    struct StaffOut: Codable, Sendable {
        let count: Int
        let note: String
    }

    struct ComponentsOut: Codable, Sendable {
        let texts: [ServiceStandardComponent: String]
        let competencies: [CompetencyOut]
        let staff: StaffOut

        init(texts: [ServiceStandardComponent: String], competencies: [CompetencyOut], staff: StaffOut) {
            self.texts = texts
            self.competencies = competencies
            self.staff = staff
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: ComponentKey.self)
            var texts: [ServiceStandardComponent: String] = [:]
            for component in ServiceStandardComponent.textComponents {
                texts[component] = try c.decode(String.self, forKey: ComponentKey(component.rawValue))
            }
            self.texts = texts
            competencies = try c.decode([CompetencyOut].self, forKey: ComponentKey("kompetensiPelaksana"))
            staff = try c.decode(StaffOut.self, forKey: ComponentKey("jumlahPelaksana"))
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: ComponentKey.self)
            for component in ServiceStandardComponent.allCases {
                let key = ComponentKey(component.rawValue)
                switch component {
                case .kompetensiPelaksana: try c.encode(competencies, forKey: key)
                case .jumlahPelaksana: try c.encode(staff, forKey: key)
                default: try c.encode(texts[component] ?? "", forKey: key)
                }
            }
        }
    }

    struct StandardTimeOut: Codable, Sendable {
        let effectiveFrom: String
        let value: Int
        let unit: String
        let text: String
    }

    struct Compliance: Codable, Sendable {
        /// Active employees holding one of the service's delivering positions.
        let deliveringStaff: Int
        /// Of those, how many reach every level of the kompetensi pelaksana.
        let meetingCompetence: Int
        /// False while the standard names no competency (then everyone "meets" it vacuously).
        let competenceDefined: Bool
        /// The jumlah pelaksana the standard requires (0 = not set).
        let requiredCount: Int
        let holders: Int
        let staffingShortfall: Int
        let staffingMet: Bool
    }

    init(_ s: ServiceStandardState, serviceID: UUID) {
        serviceId = serviceID
        version = s.shown.version
        effectiveFrom = s.shown.effectiveFrom
        inForce = s.inForce
        createdAt = s.shown.createdAt
        components = Self.components(s.content, names: s.dictionary.names)
        standardTime = s.time.map {
            .init(effectiveFrom: $0.effectiveFrom, value: $0.value, unit: $0.unit, text: $0.text)
        }
        compliance = Compliance(
            deliveringStaff: s.tally.staff, meetingCompetence: s.tally.meeting,
            competenceDefined: !s.content.competencies.isEmpty, requiredCount: s.staffing.required,
            holders: s.staffing.holders, staffingShortfall: s.staffing.shortfall, staffingMet: s.staffing.isMet)
    }

    static func components(_ content: ServiceStandardContent, names: [String: String]) -> ComponentsOut {
        ComponentsOut(
            texts: Dictionary(
                uniqueKeysWithValues: ServiceStandardComponent.textComponents.map { ($0, content.text($0)) }),
            competencies: content.competencies.map {
                .init(
                    competencyCode: $0.competencyCode, requiredLevel: $0.requiredLevel,
                    competencyName: names[$0.competencyCode])
            },
            staff: .init(count: content.staffCount, note: content.staffNote))
    }
}

/// One line of `GET /api/v1/services/{id}/standard/versions`.
struct StandardVersionDTO: Content {
    let version: Int
    let effectiveFrom: String
    /// `berlaku` (in force today), `akan_berlaku` (announced) or `riwayat` (replaced).
    let status: String
    let createdAt: Date

    static func list(_ versions: [ServiceStandardDocument], today: SimpleDate) -> [StandardVersionDTO] {
        let current = ServiceStandardVersioning.inForce(versions.map(\.versionInfo), on: today)?.number
        return versions.map { d in
            StandardVersionDTO(
                version: d.version, effectiveFrom: d.effectiveFrom,
                status: d.version == current ? "berlaku" : d.effectiveDate > today ? "akan_berlaku" : "riwayat",
                createdAt: d.createdAt)
        }
    }
}
