/// The optional profile a respondent may give with an SKM answer sheet.
///
/// PermenPANRB 14/2017 asks for these to describe who was surveyed; every field is optional so a
/// respondent who skips them is still counted. The raw values are the API/database values; the
/// labels are what the form shows.
public struct SurveyRespondent: Sendable, Equatable, Hashable, Codable {
    public var sex: Sex?
    public var ageBand: AgeBand?
    public var education: Education?
    public var occupation: Occupation?

    public init(sex: Sex? = nil, ageBand: AgeBand? = nil, education: Education? = nil, occupation: Occupation? = nil) {
        self.sex = sex
        self.ageBand = ageBand
        self.education = education
        self.occupation = occupation
    }

    /// Jenis kelamin.
    public enum Sex: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
        case laki, perempuan

        public var label: String {
            switch self {
            case .laki: "Laki-laki"
            case .perempuan: "Perempuan"
            }
        }
    }

    /// Kelompok umur, in the bands the survey reports use.
    public enum AgeBand: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
        case under20 = "under20"
        case from20to29 = "20-29"
        case from30to39 = "30-39"
        case from40to49 = "40-49"
        case from50to59 = "50-59"
        case over60 = "60plus"

        public var label: String {
            switch self {
            case .under20: "< 20 tahun"
            case .from20to29: "20–29 tahun"
            case .from30to39: "30–39 tahun"
            case .from40to49: "40–49 tahun"
            case .from50to59: "50–59 tahun"
            case .over60: "≥ 60 tahun"
            }
        }
    }

    /// Pendidikan terakhir.
    public enum Education: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
        case sd, smp, sma, diploma, s1, s2, s3

        public var label: String {
            switch self {
            case .sd: "SD ke bawah"
            case .smp: "SMP"
            case .sma: "SMA/SMK"
            case .diploma: "D1–D3"
            case .s1: "D4/S1"
            case .s2: "S2"
            case .s3: "S3"
            }
        }
    }

    /// Pekerjaan utama.
    public enum Occupation: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
        case pns
        case tniPolri = "tni_polri"
        case swasta, wirausaha, pelajar, lainnya

        public var label: String {
            switch self {
            case .pns: "PNS/PPPK"
            case .tniPolri: "TNI/Polri"
            case .swasta: "Pegawai swasta"
            case .wirausaha: "Wirausaha"
            case .pelajar: "Pelajar/Mahasiswa"
            case .lainnya: "Lainnya"
            }
        }
    }
}
