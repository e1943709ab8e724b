import Foundation
import Testing

@testable import KompetenCore

@Suite struct FieldErrorTests {
    @Test func validatorCollectsAllErrorsInOrder() {
        var v = FieldValidator()
        v.require(true, field: "nama", "Nama wajib diisi.")
        v.require(false, field: "nip", "NIP wajib diisi.")
        v.add(field: "email", "Format email tidak sah.")
        #expect(!v.isValid)
        #expect(
            v.errors == [
                FieldError(field: "nip", message: "NIP wajib diisi."),
                FieldError(field: "email", message: "Format email tidak sah."),
            ])
        #expect(throws: ValidationFailure(errors: v.errors)) { try v.check() }
    }

    @Test func emptyValidatorPasses() throws {
        var v = FieldValidator()
        v.require(1 + 1 == 2, field: "x", "tidak terjadi")
        #expect(v.isValid)
        try v.check()
    }

    @Test func fieldErrorJSONShape() throws {
        let json = try JSONEncoder().encode(FieldError(field: "nip", message: "Salah."))
        let back = try JSONDecoder().decode(FieldError.self, from: json)
        #expect(back == FieldError(field: "nip", message: "Salah."))
        let object = try JSONSerialization.jsonObject(with: json) as? [String: String]
        #expect(object == ["field": "nip", "message": "Salah."])
    }

    @Test func validationFailureDescription() {
        let f = ValidationFailure(errors: [
            FieldError(field: "a", message: "x."), FieldError(field: "b", message: "y."),
        ])
        #expect(f.description == "a: x.; b: y.")
    }

    @Test func acceptedUsernames() {
        for name in ["abc", "budi.santoso", "op_dinkes-01", "a12", String(repeating: "a", count: 32)] {
            #expect(Username.problem(name) == nil, "\(name)")
        }
    }

    @Test func rejectedUsernames() {
        let length = "Nama pengguna harus 3–32 karakter."
        let chars =
            "Nama pengguna hanya boleh berisi huruf kecil a–z, angka 0–9, titik (.), garis bawah (_), dan tanda hubung (-)."
        let start = "Nama pengguna harus diawali huruf."
        #expect(Username.problem("") == length)
        #expect(Username.problem("ab") == length)
        #expect(Username.problem(String(repeating: "a", count: 33)) == length)
        #expect(Username.problem("Budi") == chars)
        #expect(Username.problem("budi santoso") == chars)
        #expect(Username.problem("budi@kupang") == chars)
        #expect(Username.problem("andré") == chars)
        #expect(Username.problem("1budi") == start)
        #expect(Username.problem(".budi") == start)
        #expect(Username.problem("_ab") == start)
    }

    @Test func passwords() {
        #expect(Password.problem("kupang2026!") == nil)
        #expect(Password.problem("abcdefghij") == nil) // exactly 10
        #expect(Password.problem("abcdefghi") == "Kata sandi minimal 10 karakter.")
        #expect(Password.problem("") == "Kata sandi minimal 10 karakter.")
        #expect(Password.problem("aaaaaaaaaaaa") == "Kata sandi tidak boleh hanya berisi satu karakter yang diulang.")
        #expect(Password.problem("1111111111") == "Kata sandi tidak boleh hanya berisi satu karakter yang diulang.")
    }
}
