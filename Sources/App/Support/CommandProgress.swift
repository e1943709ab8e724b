import ConsoleKit
import Foundation
import NIOConcurrencyHelpers

/// How far a long command is (`kompeten demo --scale province` runs minutes): ConsoleKit's
/// progress bar when the console can redraw (a terminal), one plain line per step when it cannot
/// (a log file, CI), and a closing line with the time taken.
final class CommandProgress: @unchecked Sendable {
    private let console: any Console
    private let total: Int
    private let started = Date()
    private let state = NIOLockedValueBox(0)
    private let bar: ActivityIndicator<ProgressBar>?

    init(_ console: any Console, title: String, steps: Int) {
        self.console = console
        total = max(steps, 1)
        if console.supportsANSICommands {
            bar = console.progressBar(title: title)
            bar?.start()
        } else {
            bar = nil
            console.info(title)
        }
    }

    /// A step begins: the bar shows it with the share of the steps already done.
    func begin(_ step: String) {
        let n = state.withLockedValue { n in
            n += 1
            return n
        }
        if let bar {
            bar.activity.title = "[\(n)/\(total)] \(step)"
            bar.activity.currentProgress = Double(n - 1) / Double(total)
        } else {
            console.info("[\(n)/\(total)] \(step)")
        }
    }

    /// Ends the bar and prints `summary` with the elapsed seconds.
    func finish(_ summary: String) {
        bar?.activity.currentProgress = 1
        bar?.succeed()
        console.info("\(summary) (\(String(format: "%.1f", Date().timeIntervalSince(started))) detik)")
    }

    /// Ends the bar as failed (the error itself is reported by the caller).
    func fail() { bar?.fail() }
}
