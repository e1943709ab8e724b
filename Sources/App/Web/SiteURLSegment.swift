import Foundation
import Vapor

/// One segment of a path: fixed text, or a value that the route reads back as a named parameter.
struct SiteURLSegment: ExpressibleByStringLiteral {
    let text: String
    let component: PathComponent

    init(stringLiteral text: String) {
        self.text = text
        component = .constant(text)
    }

    init(_ parameter: String, _ value: UUID) {
        self.init(parameter, text: value.uuidString)
    }

    init(_ parameter: String, text: String) {
        self.text = text
        component = .parameter(parameter)
    }

    static func id(_ value: UUID) -> SiteURLSegment { .init("id", value) }
    static func kind(_ value: String) -> SiteURLSegment { .init("kind", text: value) }
    static func code(_ value: String) -> SiteURLSegment { .init("code", text: value) }
}

extension UUID {
    /// Stands for the id when a route is registered from a `SiteURL` case: only its pattern counts.
    static let routeParameter = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}

extension String {
    /// Stands for a text parameter (a survey code, an import kind) when a route is registered.
    static let routeParameter = ""
}
