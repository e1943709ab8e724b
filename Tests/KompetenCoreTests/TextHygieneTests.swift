import Foundation
import Testing

@testable import KompetenCore

/// The control-character rule for stored text (security item 2): single-line fields refuse
/// U+0000–U+001F and U+007F; multi-line fields keep `\n`, get `\r\n` → `\n`, refuse the rest.
@Suite("Text hygiene: control characters in stored text")
struct TextHygieneTests {
    @Test func singleLineRefusesEveryControlCharacter() {
        for text in [
            "Angkatan X\r\nX-Injected: 1", "Angkatan\nX", "Angkatan\tX", "A\u{0}B", "A\u{1B}[31mB", "A\u{7F}",
            "A\u{1F}",
        ] {
            #expect(
                TextHygiene.clean(text, multiLine: false) == .failure(.init(message: TextHygiene.singleLineMessage)),
                "\(text.debugDescription)")
        }
    }

    @Test func singleLineKeepsPrintableTextUnchanged() {
        for text in ["Angkatan I 2026", "Élodie Ñañez — Kupang 🏛️", "Kata \"kutip\" & <tag>", "", "x\u{80}y"] {
            #expect(TextHygiene.clean(text, multiLine: false) == .success(text))
        }
    }

    @Test func multiLineNormalisesCRLFAndKeepsLF() {
        #expect(
            TextHygiene.clean("Tugas satu\r\nTugas dua\nTugas tiga", multiLine: true)
                == .success("Tugas satu\nTugas dua\nTugas tiga"))
        #expect(TextHygiene.clean("satu baris", multiLine: true) == .success("satu baris"))
    }

    @Test func multiLineRefusesOtherControlCharacters() {
        for text in ["a\tb", "a\rb", "a\r\n\u{0}", "a\u{7F}", "a\u{0B}b"] {
            #expect(
                TextHygiene.clean(text, multiLine: true) == .failure(.init(message: TextHygiene.multiLineMessage)),
                "\(text.debugDescription)")
        }
    }

    @Test func fieldKindComesFromTheLeafKey() {
        #expect(TextHygiene.leafKey(ofFormName: "name") == "name")
        #expect(TextHygiene.leafKey(ofFormName: "plan[]") == "plan")
        #expect(TextHygiene.leafKey(ofFormName: "standards[0][note]") == "note")
        #expect(TextHygiene.leafKey(ofFormName: "std[M.1]") == "M.1")
        #expect(TextHygiene.clean("a\r\nb", key: "duties") == .success("a\nb"))
        #expect(TextHygiene.clean("a\r\nb", key: "name") == .failure(.init(message: TextHygiene.singleLineMessage)))
        // Passwords are only hashed, never stored as text: left as typed.
        #expect(TextHygiene.clean("a\tb", key: "newPassword") == .success("a\tb"))
    }

    /// Every `<textarea name=…>` of the templates and form models is multi-line; the names
    /// that reach download file names are not.
    @Test func theMultiLineListCoversTheTextareas() {
        let textareas = [
            "summary", "duties", "note", "notes", "address", "requirements", "definition", "description", "comment",
            "plan",
            "level1", "level5", "indicators1", "indicators5", "reason",
            // The job analysis form (positions/anjab-form.leaf).
            "education", "training", "experience", "materials", "tools", "responsibilities", "authorities",
            "correlations", "workingConditions", "risks", "taskDescription",
            // A provider's agreement (MoU/PKS): ruang lingkup and the signatories, one per line.
            "scope", "signatories",
        ]
        for name in textareas { #expect(TextHygiene.isMultiLine(name), "\(name)") }
        for name in ["name", "code", "title", "username", "place", "nip"] {
            #expect(!TextHygiene.isMultiLine(name), "\(name)")
        }
    }
}
