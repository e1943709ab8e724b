import Foundation
import Testing

/// A page goes Query → Model → Template (CONTRIBUTING.md): reads live in `*Queries.swift` (or a
/// service), a page model is built from plain values, and a controller only decodes, authorises,
/// calls and renders. These checks read the source files, so a model that starts loading itself
/// or a controller that starts querying fails here rather than in review.
@Suite("Page pipeline")
struct PagePipelineTests {
    static let features = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/App/Features")

    static func files(endingWith suffixes: [String]) throws -> [(name: String, text: String)] {
        let paths = try #require(FileManager.default.enumerator(atPath: features.path)).compactMap { $0 as? String }
        return try paths.filter { path in suffixes.contains { path.hasSuffix($0) } }.sorted().map { path in
            let url = features.appendingPathComponent(path)
            return (url.lastPathComponent, try String(contentsOf: url, encoding: .utf8))
        }
    }

    @Test func pageModelsDoNotTouchTheDatabase() throws {
        let models = try Self.files(endingWith: ["Model.swift", "ViewModels.swift"])
        #expect(models.count > 10)
        for (name, text) in models {
            #expect(!text.contains("import Fluent"), "\(name) imports Fluent: read in the feature's *Queries.swift")
            #expect(!text.contains("Database"), "\(name) mentions Database: build the model from plain values")
        }
    }

    @Test func controllersDoNotQueryFluent() throws {
        let controllers = try Self.files(endingWith: ["Controller.swift"])
        #expect(controllers.count > 20)
        for (name, text) in controllers {
            #expect(!text.contains(".query(on:"), "\(name) queries Fluent: move the read to *Queries.swift")
            #expect(!text.contains("scopedQuery("), "\(name) queries Fluent: move the read to *Queries.swift")
        }
    }
}
