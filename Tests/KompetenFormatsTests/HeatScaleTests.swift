import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenFormats

@Suite("HeatScale") struct HeatScaleTests {
    @Test func classesByMeanGap() {
        #expect(HeatScale.cssClass(meanGap: nil) == "heat-none")
        #expect(HeatScale.cssClass(meanGap: .nan) == "heat-none")
        #expect(HeatScale.cssClass(meanGap: -0.5) == "heat-0")
        #expect(HeatScale.cssClass(meanGap: 0) == "heat-0")
        #expect(HeatScale.cssClass(meanGap: 0.01) == "heat-1")
        #expect(HeatScale.cssClass(meanGap: 0.5) == "heat-1")
        #expect(HeatScale.cssClass(meanGap: 0.51) == "heat-2")
        #expect(HeatScale.cssClass(meanGap: 1) == "heat-2")
        #expect(HeatScale.cssClass(meanGap: 1.5) == "heat-3")
        #expect(HeatScale.cssClass(meanGap: 1.51) == "heat-4")
        #expect(HeatScale.cssClass(meanGap: 4) == "heat-4")
    }
}
