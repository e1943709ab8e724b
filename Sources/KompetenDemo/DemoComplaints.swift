import KompetenCore

/// One generated complaint (pengaduan) about a front-line service. Offsets are calendar days
/// from the day it was received; nil = not (yet) replied or closed.
public struct DemoComplaint: Sendable, Equatable {
    public let serviceCode: String
    public let received: DemoMoment
    public let text: String
    public let name: String?
    public let contact: String?
    public let status: ComplaintStatus
    public let replyAfterDays: Int?
    public let closeAfterDays: Int?
    public let reply: String?
    public let rejectReason: String?
    public let competencyCode: String?
}

/// The demo's complaints: a few per front-line service over the last four months before the
/// demo's today, most answered within the usual five working days, some late, the newest still
/// open, a few rejected as outside the unit's remit. Texts are what residents of Kupang write
/// about KTP-el, akta and permit counters.
public enum DemoComplaintsGenerator {
    static let topics: [(text: String, reply: String, competency: String?)] = [
        (
            "Antrean di loket perekaman KTP-el tidak bergerak lebih dari dua jam, petugas sering meninggalkan loket.",
            "Mohon maaf atas antreannya. Mulai bulan ini loket perekaman dibuka pukul 08.00 dengan dua petugas, dan jadwal istirahat digilir.",
            "M.5"
        ),
        (
            "Petugas loket berbicara kasar ketika saya menanyakan berkas yang kurang untuk akta kelahiran anak saya.",
            "Terima kasih atas laporannya. Petugas yang bersangkutan sudah dibina dan diikutkan pelatihan pelayanan prima; daftar persyaratan kini ditempel di setiap loket.",
            "SK.1"
        ),
        (
            "Sudah lewat waktu yang dijanjikan tetapi KTP-el saya belum juga jadi, dan tidak ada kabar kapan bisa diambil.",
            "KTP-el Anda sudah tercetak dan dapat diambil di loket 3. Ke depan kami mengirim pemberitahuan SMS saat dokumen siap.",
            "M.5"
        ),
        (
            "Informasi persyaratan di situs berbeda dengan yang diminta petugas di loket, saya harus bolak-balik dua kali.",
            "Persyaratan di situs sudah kami sesuaikan dengan standar pelayanan yang berlaku. Mohon maaf atas ketidaknyamanannya.",
            "M.3"
        ),
        (
            "Ruang tunggu panas dan tidak ada kursi yang cukup untuk orang tua dan ibu hamil.",
            "Kipas angin dan 20 kursi tambahan sudah dipasang; kursi prioritas untuk lansia, disabilitas dan ibu hamil ditandai.",
            nil
        ),
        (
            "Saya diminta membayar untuk mempercepat pengurusan akta, padahal tertulis gratis.",
            "Laporan Anda kami teruskan ke Inspektorat. Layanan adminduk tidak dipungut biaya; silakan laporkan bila terjadi lagi.",
            "SK.2"
        ),
    ]
    static let names = ["Yakobus", "Maria", "Fransiska", "Agustinus", "Yuliana", "Petrus", "Elisabeth", "Markus"]

    /// Up to `perService` complaints for each of `serviceCodes`, received in the 120 days before
    /// `today`.
    public static func generate(serviceCodes: [String], today: SimpleDate, perService: Int, seed: UInt64)
        -> [DemoComplaint]
    {
        var rng = DemoRandom(seed: seed)
        var out: [DemoComplaint] = []
        for code in serviceCodes {
            let n = rng.int(in: max(0, perService - 2)...perService)
            for _ in 0..<n {
                let age = rng.int(in: 0...120)
                let day = today.adding(days: -age)
                let topic = rng.pick(topics)
                let anonymous = rng.chance(0.3)
                let name =
                    anonymous ? nil : rng.pick(names) + " " + rng.pick(["Lay", "Ndun", "Benu", "Manafe", "Tefa"])
                let contact =
                    anonymous || rng.chance(0.3)
                    ? nil : "08\(rng.int(in: 11...13))\(rng.int(in: 1_000_000...9_999_999))"
                let minute = rng.int(in: 7 * 60...20 * 60)
                // The newest are still open; most of the rest answered within a week, some late.
                let replyAfter = age < 3 ? nil : min(age, rng.chance(0.8) ? rng.int(in: 0...5) : rng.int(in: 6...14))
                var status = ComplaintStatus.received
                var close: Int?
                var reject: String?
                if let r = replyAfter {
                    status = .inProgress
                    if rng.chance(0.08) {
                        status = .rejected
                        close = r
                        reject =
                            "Pengaduan ini tentang layanan instansi lain (BPJS Kesehatan); silakan sampaikan ke kantor BPJS Kupang."
                    } else if age - r > 2 && rng.chance(age > 14 ? 0.92 : 0.35) {
                        status = .done
                        close = min(age, r + rng.int(in: 0...3))
                    }
                }
                out.append(
                    DemoComplaint(
                        serviceCode: code, received: DemoMoment(date: day, minute: minute), text: topic.text,
                        name: name,
                        contact: contact, status: status, replyAfterDays: status == .rejected ? nil : replyAfter,
                        closeAfterDays: close, reply: status == .rejected || replyAfter == nil ? nil : topic.reply,
                        rejectReason: reject, competencyCode: replyAfter == nil ? nil : topic.competency))
            }
        }
        return out
    }
}
