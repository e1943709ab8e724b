import Foundation

@testable import KompetenCore
@testable import KompetenDemo

/// The city demo instansi, shared with the other demo tests (generated once).
let servicesCity = Result { () throws -> DemoInstansi in try demoCity.get()[0] }
