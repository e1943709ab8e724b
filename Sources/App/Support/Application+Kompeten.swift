import Foundation
import Vapor

extension Application {
    /// Kompeten's own per-application state: configuration and the injected clock.
    public struct Kompeten {
        let app: Application

        struct ConfigKey: StorageKey { typealias Value = AppConfig }
        struct ClockKey: StorageKey { typealias Value = @Sendable () -> Date }
        struct AutoMigrateKey: StorageKey { typealias Value = Bool }

        public var config: AppConfig {
            get { app.storage[ConfigKey.self] ?? (try! AppConfig.fromEnvironment([:])) }
            nonmutating set { app.storage[ConfigKey.self] = newValue }
        }

        /// The time source; tests replace it so audit timestamps are exact.
        public var clock: @Sendable () -> Date {
            get { app.storage[ClockKey.self] ?? { Date() } }
            nonmutating set { app.storage[ClockKey.self] = newValue }
        }

        public var now: Date { clock() }
    }

    public var kompeten: Kompeten { .init(app: self) }
}

extension Request {
    var now: Date { application.kompeten.now }
}
