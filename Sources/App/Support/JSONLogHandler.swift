import Foundation
import Logging

/// One JSON object per line on standard output (`KOMPETEN_LOG_FORMAT=json`), for journald and
/// log shippers: `{"ts":…,"level":…,"label":…,"msg":…,"request-id":…,"user_id":…}`.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private static let lock = NSLock()

    public init(label: String, level: Logger.Level = .info) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(
        level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?,
        source: String, file: String, function: String, line: UInt
    ) {
        var object: [String: String] = [
            "ts": ISO8601DateFormatter.string(
                from: Date(), timeZone: .gmt, formatOptions: [.withInternetDateTime, .withFractionalSeconds]),
            "level": level.rawValue, "label": label, "msg": message.description,
        ]
        for (key, value) in metadata.merging(explicit ?? [:], uniquingKeysWith: { _, new in new }) {
            object[key] = value.description
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        Self.lock.lock()
        defer { Self.lock.unlock() }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// `KOMPETEN_LOG_FORMAT=json` asks for this handler instead of Vapor's console one.
    public static func requested(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        env["KOMPETEN_LOG_FORMAT"]?.lowercased() == "json"
    }
}
