/// One unsur (element) of the Survei Kepuasan Masyarakat.
///
/// The nine elements and their answer labels are fixed by PermenPANRB No. 14 Tahun 2017; they are
/// copied verbatim from `reference/skm-unsur.json` so the questionnaire, the report and the
/// calculation all speak of the same U1…U9 (not the 14 elements of the older KepMenPAN 25/2004).
public struct SKMElement: Sendable, Equatable, Hashable, Codable {
    /// `U1` … `U9`.
    public let code: String
    public let name: String
    /// The four answer labels for the values 1…4, lowest first.
    public let answers: [String]

    public init(code: String, name: String, answers: [String]) {
        self.code = code
        self.name = name
        self.answers = answers
    }

    /// The label shown for answer `value` (1…4), nil outside the scale.
    public func answerLabel(_ value: Int) -> String? {
        (1...answers.count).contains(value) ? answers[value - 1] : nil
    }

    /// The answer values of the scale; a survey answer outside this range is rejected.
    public static let scale: ClosedRange<Int> = 1...4

    /// The nine elements of PermenPANRB 14/2017, in questionnaire order.
    public static let standard: [SKMElement] = [
        SKMElement(
            code: "U1", name: "Persyaratan",
            answers: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
        SKMElement(
            code: "U2", name: "Sistem, Mekanisme, dan Prosedur",
            answers: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
        SKMElement(
            code: "U3", name: "Waktu Penyelesaian",
            answers: ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"]),
        SKMElement(
            code: "U4", name: "Biaya/Tarif",
            answers: ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]),
        SKMElement(
            code: "U5", name: "Produk Spesifikasi Jenis Pelayanan",
            answers: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
        SKMElement(
            code: "U6", name: "Kompetensi Pelaksana",
            answers: ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"]),
        SKMElement(
            code: "U7", name: "Perilaku Pelaksana",
            answers: ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"]),
        SKMElement(
            code: "U8", name: "Penanganan Pengaduan, Saran dan Masukan",
            answers: ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"]),
        SKMElement(
            code: "U9", name: "Sarana dan Prasarana",
            answers: ["Buruk", "Cukup", "Baik", "Sangat baik"]),
    ]

    /// `["U1", …, "U9"]`.
    public static let codes: [String] = standard.map(\.code)

    /// The standard element with `code`, nil for an unknown code.
    public static func named(_ code: String) -> SKMElement? {
        standard.first { $0.code == code }
    }
}
