import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Testing
import VaporTesting

@testable import App

/// SQLiteNIO waits for a lock by retrying in a loop on a thread of the blocking pool, and never
/// gives up. When every app shared Vapor's default pool (as wide as the cores: 2 in CI), two
/// writers waiting for two other apps' open transactions took both threads; the transactions'
/// next statements then queued behind them for good, and `swift test` hung until CI's limit.
/// Each SQLite app now has a pool wider than its connections, so a lock holder always has a thread.
@Suite("SQLite: waiting writers never starve a lock holder")
struct SQLiteStallTests {
    @Test(.enabled(if: TestDatabase.postgresURL == nil))
    func twoAppsWithAWaitingWriterEachFinish() async throws {
        // Not a task group: a stalled child would keep the group (and the test) waiting for
        // good. Polling a flag lets the test fail with a message instead of hanging.
        let done = NIOLockedValueBox(false)
        let work = Task {
            async let first: Void = Self.holdAndWait()
            async let second: Void = Self.holdAndWait()
            _ = try await (first, second)
            done.withLockedValue { $0 = true }
        }
        for _ in 0..<600 where !done.withLockedValue({ $0 }) {
            try await Task.sleep(for: .milliseconds(100))
        }
        guard done.withLockedValue({ $0 }) else {
            Issue.record("two apps' SQLite writers stalled each other for a minute")
            return
        }
        try await work.value
    }

    /// In one app: a transaction on one connection writes, pauses, writes again, while a plain
    /// write on the app's other connection waits for its lock.
    private static func holdAndWait() async throws {
        try await withTestApp { app in
            let loops = Array(app.eventLoopGroup.makeIterator())
            guard loops.count >= 2 else { return } // one connection: nothing can wait
            let holder = app.databases.database(.sqlite, logger: app.logger, on: loops[0])!
            let waiter = app.databases.database(.sqlite, logger: app.logger, on: loops[1])!
            try await holder.sql.raw("CREATE TABLE stall_probe (n INTEGER)").run()
            async let held: Void = holder.transaction { tx in
                try await tx.sql.insert(into: "stall_probe").columns("n").values(SQLBind(1)).run()
                try await Task.sleep(for: .milliseconds(300))
                try await tx.sql.insert(into: "stall_probe").columns("n").values(SQLBind(2)).run()
            }
            try await Task.sleep(for: .milliseconds(100))
            try await waiter.sql.insert(into: "stall_probe").columns("n").values(SQLBind(3)).run()
            try await held
            let rows = try await holder.sql.select().column("n").from("stall_probe").all()
            #expect(rows.count == 3)
        }
    }
}
