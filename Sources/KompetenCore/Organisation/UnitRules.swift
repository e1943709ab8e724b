/// What makes a unit's code, name and place in the tree acceptable.
public enum UnitRules {
    /// Normalises a code as typed (spaces trimmed, upper case).
    public static func normaliseCode(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }

    /// Field errors for a unit; `parentKind` nil means a top-level unit.
    public static func problems(
        code: String, name: String, kind: UnitKind?, parentKind: UnitKind?, parentMissing: Bool = false
    ) -> [FieldError] {
        var v = FieldValidator()
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        v.require(!code.isEmpty, field: "code", "Kode unit wajib diisi.")
        if !code.isEmpty {
            v.require(code.unicodeScalars.count <= 24, field: "code", "Kode unit paling panjang 24 karakter.")
            v.require(
                code.allSatisfy { allowed.contains($0) }, field: "code",
                "Kode unit hanya boleh berisi huruf, angka, titik dan tanda hubung.")
        }
        // Lengths in Unicode scalars, as JSON Schema counts them, so the API and its OpenAPI document agree.
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        v.require(trimmedName.unicodeScalars.count >= 3, field: "name", "Nama unit wajib diisi (minimal 3 karakter).")
        v.require(name.unicodeScalars.count <= 200, field: "name", "Nama unit paling panjang 200 karakter.")
        v.require(
            !name.unicodeScalars.contains { $0.properties.generalCategory == .control }, field: "name",
            "Nama unit tidak boleh berisi karakter kendali (mis. baris baru).")
        v.require(!parentMissing, field: "parentId", "Unit induk tidak ditemukan.")
        guard let kind else {
            v.add(field: "kind", "Jenis unit tidak dikenal.")
            return v.errors
        }
        switch (kind, parentKind) {
        case (.opd, nil), (.kecamatan, nil): break
        case (_, nil) where !parentMissing:
            v.add(field: "kind", "Unit tingkat teratas harus berjenis OPD atau Kecamatan.")
        case (.opd, .some), (.kecamatan, .some):
            v.add(field: "kind", "OPD dan Kecamatan tidak boleh berada di bawah unit lain.")
        case (.kelurahan, let parent?) where parent != .kecamatan:
            v.add(field: "kind", "Kelurahan harus berada di bawah Kecamatan.")
        case (_, .kelurahan?):
            v.add(field: "parentId", "Kelurahan tidak dapat memiliki sub-unit.")
        default: break
        }
        return v.errors
    }
}
