import ConsoleKit
import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import App

/// Issue 19: a long command says how far it is; without a terminal (a log, CI) one plain line
/// per step and a summary with the time.
@Suite struct CommandProgressTests {
    final class Recorder: Console, @unchecked Sendable {
        let lines = NIOLockedValueBox<[String]>([])
        var size: (width: Int, height: Int) { (80, 24) }
        var userInfo: [AnySendableHashable: any Sendable] = [:]
        var supportsANSICommands: Bool { false }
        func input(isSecure: Bool) -> String { "" }
        func output(_ text: ConsoleText, newLine: Bool) {
            let s = text.fragments.map(\.string).joined()
            lines.withLockedValue { $0.append(s) }
        }
        func clear(_ type: ConsoleClear) {}
        func report(error: String, newLine: Bool) { lines.withLockedValue { $0.append("ERROR " + error) } }
    }

    @Test func plainLinesPerStepAndASummary() {
        let console = Recorder()
        let p = CommandProgress(console, title: "Memuat data demo (1 instansi)", steps: 3)
        p.begin("organisasi")
        p.begin("penilaian")
        p.begin("layanan")
        p.finish("Data demo dimuat: 1 instansi")
        let lines = console.lines.withLockedValue { $0 }
        #expect(
            Array(lines.prefix(4)) == [
                "Memuat data demo (1 instansi)", "[1/3] organisasi", "[2/3] penilaian", "[3/3] layanan",
            ])
        #expect(lines.count == 5)
        #expect(lines[4].hasPrefix("Data demo dimuat: 1 instansi (") && lines[4].hasSuffix(" detik)"))
    }
}
