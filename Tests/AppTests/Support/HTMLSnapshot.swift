import Foundation
import Testing

/// Normalised-HTML snapshots of whole pages: a template change shows up as a reviewable diff of a
/// file under `Tests/AppTests/__Snapshots__/`, not as a silent change behind a 200.
///
/// Pages come from a fixed world (fixed clock, fixed names and figures) through the real
/// Query → Model → Template path, so a refactor of queries or models that changes what a page
/// shows fails here too. What differs between runs is replaced before comparing: record ids
/// (`uuid-1`, `uuid-2`, … in order of first appearance), the chart ids that hash them, complaint
/// tracking codes and the session's CSRF token.
///
/// To accept a change: `KOMPETEN_RECORD_SNAPSHOTS=1 swift test --filter PageSnapshotTests`, then
/// review `git diff Tests/AppTests/__Snapshots__`. A failing comparison also writes the page it got
/// to `.test-artifacts/snapshots/<name>.html`.
enum HTMLSnapshot {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
    static let artifacts = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".test-artifacts/snapshots")
    static var recording: Bool { ProcessInfo.processInfo.environment["KOMPETEN_RECORD_SNAPSHOTS"] == "1" }

    /// The page with what varies between runs replaced by stable placeholders.
    static func normalise(_ html: String) -> String {
        var text = replaceUUIDs(html)
        for pattern in [
            #"(name="_csrf" value=")[^"]*(")"#,
            #"(name="csrf-token" content=")[^"]*(")"#,
            #"(data-csrf=")[^"]*(")"#,
        ] {
            text = text.replacingOccurrences(of: pattern, with: "$1<csrf>$2", options: .regularExpression)
        }
        // A complaint's tracking code is drawn at random, as in production.
        text = text.replacingOccurrences(of: #"ADU-[0-9A-Z]{8}"#, with: "ADU-<code>", options: .regularExpression)
        // A chart's aria id hashes its data, links included, and links carry record ids.
        text = text.replacingOccurrences(
            of: #"\b(line|bar|talent|radar|band|sm)-[0-9a-f]{1,8}(?=["-])"#, with: "$1-<id>",
            options: .regularExpression)
        // Trailing blanks are template whitespace, not content.
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }

    static func replaceUUIDs(_ text: String) -> String {
        let regex = try! NSRegularExpression(
            pattern: "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
        var seen: [String: Int] = [:]
        var result = ""
        var last = text.startIndex
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            let id = text[range].uppercased()
            let number = seen[id] ?? (seen.count + 1)
            seen[id] = number
            result += text[last..<range.lowerBound] + "uuid-\(number)"
            last = range.upperBound
        }
        return result + text[last...]
    }

    /// Compares `html` (normalised) with the stored snapshot `name`; records it when asked to or
    /// when none exists yet (a new page's first snapshot is reviewed in the commit's diff).
    static func assertMatches(
        _ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let actual = normalise(html)
        let file = directory.appendingPathComponent(name + ".html")
        let stored = try? String(contentsOf: file, encoding: .utf8)
        if recording || stored == nil {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            if !recording {
                Issue.record("new snapshot \(name).html recorded: review and commit it", sourceLocation: sourceLocation)
            }
            return
        }
        guard let stored, stored != actual else { return }
        try? FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        try? actual.write(to: artifacts.appendingPathComponent(name + ".html"), atomically: true, encoding: .utf8)
        Issue.record(
            "page \(name) differs from its snapshot:\n\(firstDifference(stored, actual))",
            sourceLocation: sourceLocation)
    }

    /// The first differing line with a little context, enough to see what changed in a test log.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let index = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        let from = max(0, index - 2)
        func lines(_ l: [Substring], _ mark: String) -> String {
            l[from..<min(l.count, index + 3)].enumerated()
                .map { "\(mark) \(from + $0.offset + 1): \($0.element)" }.joined(separator: "\n")
        }
        return "expected (snapshot):\n\(lines(e, "-"))\nactual:\n\(lines(a, "+"))"
    }
}
