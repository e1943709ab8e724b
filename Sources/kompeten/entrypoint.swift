import App
import Foundation
import Logging
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        // Structured logs on request (KOMPETEN_LOG_FORMAT=json), Vapor's console format otherwise.
        if JSONLogHandler.requested() {
            // Vapor's rules for the level (--log, LOG_LEVEL, the environment's default).
            let level = try Logger.Level.detect(from: &env)
            LoggingSystem.bootstrap { JSONLogHandler(label: $0, level: level) }
        } else {
            try LoggingSystem.bootstrap(from: &env)
        }
        let app = try await Application.make(env)
        var failed = false
        do {
            try await configure(app)
            try await app.execute()
        } catch {
            // Commands have already said what went wrong; exit with a status, not a crash report.
            app.logger.error("\(String(describing: error))")
            failed = true
        }
        try await app.asyncShutdown()
        if failed { exit(1) }
    }
}
