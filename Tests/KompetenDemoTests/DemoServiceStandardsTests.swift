import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenDemo

/// Issue 18: the demo's full standar pelayanan pass the same rules as a form or an import, name
/// only competencies of the demo dictionary, and KTP-el has a later second version.
@Suite("Demo: standar pelayanan") struct DemoServiceStandardsTests {
    @Test func theDemoStandardsAreValidAndVersioned() throws {
        // The codes of the two dictionary files the demo city is seeded from.
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/Seed")
        var codes = Set<String>()
        for file in ["kamus-kompetensi.json", "kompetensi-teknis.json"] {
            let text = try String(contentsOf: seed.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /"code"\s*:\s*"([^"]+)"/) { codes.insert(String(match.1)) }
        }
        #expect(codes.contains("M.5") && codes.contains("T.ADMDUK"))
        for service in ["DUKCAPIL-KTP", "DUKCAPIL-AKL"] {
            let versions = DemoServiceStandards.versions(serviceCode: service)
            #expect(!versions.isEmpty)
            for v in versions {
                #expect(ServiceStandardRules.problems(v.content, knownCodes: codes).isEmpty, "\(service)")
                #expect(v.content.text(.biaya).hasPrefix("Tidak dipungut biaya"))
            }
        }
        let ktp = DemoServiceStandards.versions(serviceCode: "DUKCAPIL-KTP")
        #expect(ktp.map(\.effectiveFrom.iso) == ["2000-01-01", "2026-07-01"])
        #expect(DemoServiceStandards.versions(serviceCode: "DUKCAPIL-KK").isEmpty)
    }
}
