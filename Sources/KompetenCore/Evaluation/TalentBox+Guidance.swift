/// The name and recommendation of each box (PermenPANRB 3/2020, `reference/talenta-9-box.json`),
/// and the key positions the succession pool feeds.
extension TalentBox {
    public static let names: [Int: String] = [
        9: "Kinerja di atas ekspektasi dan potensial tinggi",
        8: "Kinerja sesuai ekspektasi dan potensial tinggi",
        7: "Kinerja di atas ekspektasi dan potensial menengah",
        6: "Kinerja di bawah ekspektasi dan potensial tinggi",
        5: "Kinerja sesuai ekspektasi dan potensial menengah",
        4: "Kinerja di atas ekspektasi dan potensial rendah",
        3: "Kinerja di bawah ekspektasi dan potensial menengah",
        2: "Kinerja sesuai ekspektasi dan potensial rendah",
        1: "Kinerja di bawah ekspektasi dan potensial rendah",
    ]

    public static let recommendations: [Int: String] = [
        9: "Dipromosikan dan dipertahankan; masuk kelompok rencana suksesi instansi/nasional; penghargaan",
        8: "Dipertahankan; masuk kelompok rencana suksesi instansi; rotasi/perluasan jabatan; bimbingan kinerja",
        7:
            "Dipertahankan; masuk kelompok rencana suksesi instansi; rotasi/pengayaan jabatan; pengembangan kompetensi; tugas belajar",
        6: "Penempatan yang sesuai; bimbingan kinerja; konseling kinerja",
        5: "Penempatan yang sesuai; bimbingan kinerja; pengembangan kompetensi",
        4: "Rotasi; pengembangan kompetensi",
        3: "Bimbingan kinerja; konseling kinerja; pengembangan kompetensi; penempatan yang sesuai",
        2: "Bimbingan kinerja; pengembangan kompetensi; penempatan yang sesuai",
        1: "Diproses sesuai ketentuan peraturan perundang-undangan",
    ]

    /// Key (managerial) positions and the kind of position their successors usually come from:
    /// a JPT from administrators, an administrator from supervisors (pengawas), a pengawas
    /// from pelaksana and fungsional staff.
    public static func feederKinds(for key: PositionKind) -> [PositionKind] {
        switch key {
        case .jpt: [.administrator]
        case .administrator: [.pengawas]
        case .pengawas: [.pelaksana, .fungsional]
        case .pelaksana, .fungsional: []
        }
    }

    /// The kinds that are always key positions (issue 17: JPT and administrator); any other
    /// position is key when BKPPD marks it (`Succession.isKey(_:marked:)`).
    public static let keyPositionKinds: [PositionKind] = [.jpt, .administrator]
}
