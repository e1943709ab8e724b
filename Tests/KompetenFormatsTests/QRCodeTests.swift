// Tests for the QR Code encoder (QRCode*.swift).
//
// Reference matrices were produced by segno 1.6.6 (Python) for the SAME version and
// mask, with segno's padding-bit bug patched (heuer/segno#123/#148: it inserts an extra
// 0x00 codeword when the bit stream already ends on a codeword boundary, which in byte
// mode is always the case after a full terminator). Rows are hex, MSB = leftmost
// module, right-padded with 0 bits to a multiple of 4. For the automatic cases the
// expected version equals segno's automatic version, and the expected mask equals the
// argmin of segno's own penalty function evaluated on the COMPLETE symbol (format and
// version information included, as ISO/IEC 18004:2015 7.8.3.1 requires; segno itself
// scores masks before format information is drawn, so its automatic mask can differ).
// No Python is needed at test time.

import Testing

@testable import KompetenCore
@testable import KompetenFormats

struct QRReferenceVector: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let correction: QRErrorCorrection
    let fixedVersion: Int?
    let fixedMask: Int?
    let version: Int
    let mask: Int
    let rows: [String]

    var testDescription: String { name }
}

enum QRReferenceVectors {
    // helloWorldL: 11 UTF-8 bytes, level L, version 1, mask 4 (automatic; segno 1.6.6 auto-mask: 4)
    static let helloWorldL = QRReferenceVector(
        name: "helloWorldL", text: "HELLO WORLD", correction: .low, fixedVersion: nil, fixedMask: nil,
        version: 1, mask: 4,
        rows: [
            "FEFBF8",
            "82AA08",
            "BA82E8",
            "BAF2E8",
            "BA0AE8",
            "82D208",
            "FEABF8",
            "007800",
            "CE5178",
            "2CF878",
            "CA7690",
            "A84400",
            "928B30",
            "00CF58",
            "FE6AD0",
            "82BD98",
            "BAB630",
            "BA08D8",
            "BA51C0",
            "82B400",
            "FEBFA8",
        ])

    // helloWorldH: 11 UTF-8 bytes, level H, version 2, mask 3 (automatic; segno 1.6.6 auto-mask: 3)
    static let helloWorldH = QRReferenceVector(
        name: "helloWorldH", text: "HELLO WORLD", correction: .high, fixedVersion: nil, fixedMask: nil,
        version: 2, mask: 3,
        rows: [
            "FE073F8",
            "822A208",
            "BA722E8",
            "BA64AE8",
            "BAC42E8",
            "8216A08",
            "FEAABF8",
            "009D000",
            "3382680",
            "9867B28",
            "1A24A00",
            "18AD170",
            "9B95758",
            "0452DF0",
            "7769CB0",
            "B8CCB88",
            "1231F98",
            "008D8C0",
            "FEEDAB8",
            "825A888",
            "BA04F88",
            "BA94248",
            "BAC2590",
            "8258EE0",
            "FE46918",
        ])

    // emptyQ: 0 UTF-8 bytes, level Q, version 1, mask 0 (automatic; segno 1.6.6 auto-mask: 6)
    static let emptyQ = QRReferenceVector(
        name: "emptyQ", text: "", correction: .quartile, fixedVersion: nil, fixedMask: nil,
        version: 1, mask: 0,
        rows: [
            "FEE3F8",
            "82F208",
            "BAE2E8",
            "BABAE8",
            "BA9AE8",
            "820208",
            "FEABF8",
            "00D800",
            "6B32F8",
            "3D5D50",
            "EB6F70",
            "9C4DD8",
            "B64770",
            "00CA30",
            "FED088",
            "821A30",
            "BAAAA8",
            "BA7550",
            "BA9768",
            "82BDD0",
            "FE7778",
        ])

    // shortLinkM: 48 UTF-8 bytes, level M, version 4, mask 1 (automatic; segno 1.6.6 auto-mask: 1)
    static let shortLinkM = QRReferenceVector(
        name: "shortLinkM", text: "https://kompeten.kupangkota.go.id/s/DUKCAPIL-KTP", correction: .medium,
        fixedVersion: nil, fixedMask: nil,
        version: 4, mask: 1,
        rows: [
            "FE8A203F8",
            "823EEAA08",
            "BAE23D2E8",
            "BA2AAA2E8",
            "BA6BBEAE8",
            "82EEEA208",
            "FEAAAABF8",
            "005A00800",
            "A35398928",
            "C8C99DA48",
            "D787FBC78",
            "B03BA27C0",
            "D2DEFDB88",
            "4CDAAA978",
            "AE208D088",
            "A047BA740",
            "CEE680310",
            "D1C959A48",
            "422915768",
            "F9E648ED0",
            "AB4554A90",
            "546246908",
            "F66331D88",
            "249E20700",
            "FE4393FD8",
            "00D998888",
            "FE9FF6AE8",
            "823EB18C8",
            "BA2DEFF80",
            "BA66EDDF8",
            "BA8E88598",
            "8251B91C0",
            "FED608BE8",
        ])

    // url60H: 61 UTF-8 bytes, level H, version 7, mask 5 (automatic; segno 1.6.6 auto-mask: 7)
    static let url60H = QRReferenceVector(
        name: "url60H", text: QRCodeTests.url61, correction: .high, fixedVersion: nil, fixedMask: nil,
        version: 7, mask: 5,
        rows: [
            "FECE3BDACBF8",
            "826374B5D208",
            "BA9F7CE852E8",
            "BA7EFF951AE8",
            "BAE32FD6BAE8",
            "822248D9C208",
            "FEAAAAAAABF8",
            "0087D8D0F000",
            "06566FA722A8",
            "51778D4FBF00",
            "4774E5616AD0",
            "DDDF5ED788E8",
            "F2E8DF96F6C0",
            "247FABF75D88",
            "86C62DE47EB0",
            "D04710DA6468",
            "BEED64D75250",
            "541A0D5B9DF8",
            "12102A8ACCE8",
            "95DE3404DEF0",
            "BFB2BFC10F90",
            "488D58FD78A0",
            "8ADE6ABBEAF0",
            "988D78C808B0",
            "FFA71FA5BFC0",
            "3D2567CD9E28",
            "9BF20E1E31F0",
            "C4A52F055978",
            "3FD233FF2A90",
            "A4B8C56A4728",
            "AA763CACD3A8",
            "11B049F69370",
            "E3DD93B50280",
            "E184C25EE6F0",
            "0A37D2B5EDB0",
            "796C8E34F3F8",
            "9A4DDFD29F80",
            "0096D8CCC8E8",
            "FE16EAB7FAF0",
            "82B1F8EA58E8",
            "BA07AFD77F80",
            "BA62BF77D0D8",
            "BA1B8CAD49D8",
            "820D084D90E0",
            "FE799E366690",
        ])

    // indonesianUTF8Q: 59 UTF-8 bytes, level Q, version 5, mask 0 (automatic; segno 1.6.6 auto-mask: 1)
    static let indonesianUTF8Q = QRReferenceVector(
        name: "indonesianUTF8Q", text: QRCodeTests.indonesian, correction: .quartile, fixedVersion: nil, fixedMask: nil,
        version: 5, mask: 0,
        rows: [
            "FE9CF0FBF8",
            "82DE845A08",
            "BAA7D18AE8",
            "BA839332E8",
            "BAAEEBBAE8",
            "82150D5208",
            "FEAAAAABF8",
            "00AF269800",
            "6B0F4D8AF8",
            "CC3954C4D8",
            "6AD432AAD0",
            "00B1D55970",
            "069ACCD608",
            "A5DC68CF58",
            "863490A0D8",
            "55D019D210",
            "EA14AA8E88",
            "7095C2CE00",
            "D243F5AAB8",
            "E524D57D08",
            "53933CC600",
            "203BB8CE50",
            "9B05946290",
            "45E34D32F8",
            "D31C7C6838",
            "31CEBCE778",
            "9F313604E8",
            "5050EFD0C8",
            "82A97C5F98",
            "00B64C9898",
            "FECFC67AE8",
            "823C2F6888",
            "BAA75ACF98",
            "BA1E3C3068",
            "BAEBDA5068",
            "82FAEF4B50",
            "FE09FCDC98",
        ])

    // long300M: 300 UTF-8 bytes, level M, version 13, mask 2 (automatic; segno 1.6.6 auto-mask: 2)
    static let long300M = QRReferenceVector(
        name: "long300M", text: QRCodeTests.long300, correction: .medium, fixedVersion: nil, fixedMask: nil,
        version: 13, mask: 2,
        rows: [
            "FE66DE0129BDCB3BF8",
            "821A4288FBD0DD8208",
            "BA8178C7BD334EE2E8",
            "BAC0DF135456E60AE8",
            "BAC26940F939826AE8",
            "82C92C668E4F646208",
            "FEAAAAAAAAAAAAABF8",
            "009D673788A002E800",
            "BE208A6EFD70F713E0",
            "656D1C92312C860C78",
            "CF5E19046FF2F350C0",
            "BD2F2FE70CA4AEBCB0",
            "06D1038FFF71D57340",
            "B59BF85201F487AD38",
            "320BE003EF1A22D840",
            "EDBF7FEC59D8DF6BF0",
            "5B023ADBAC63D27730",
            "29FCFE1558A45F4C08",
            "EBAE4C13FDD29E7D60",
            "010506700F6D755C68",
            "877F22F35EE2C12028",
            "D9CC58046DB0558D40",
            "4697FB91DEC582E630",
            "EDBDF47A10AF0C2360",
            "97CBDB535F70F51410",
            "30E854C549E0969CB8",
            "273FE35EDE24F95A10",
            "A519E8525AE36C4BF0",
            "CA802E4EED58B53010",
            "58E361E2B16DFF4DE8",
            "D28B5D8C0B3B11B060",
            "59550FC95CFC4DC8F0",
            "7F990EF4FD24966FA0",
            "08A61DAA8C6C4A48C0",
            "5AA8D0B9A8E3352AF0",
            "688FE3CE8F3AD2E8E0",
            "AFC766F7FC67024FA8",
            "84E927E13C3A434820",
            "CB057FBC01854C2950",
            "6D6D2A2609661F0228",
            "7E1A1EB75E32C14F40",
            "5811400328B1920C38",
            "43BCA9C6DF5AB55800",
            "D47A6EE988C5D2E6A8",
            "038EA54F1B13896D50",
            "B1847372C8D49FDC18",
            "6BF493514633EBE020",
            "8C313F858ACCE8DE20",
            "CE4C8E9F5907D309C0",
            "410E22D6807547D578",
            "E2240946170B8B8420",
            "995A78752FBED239F0",
            "8B8C7B629225A3ACB8",
            "513957056EBDC2CF00",
            "2A5351F2104299E490",
            "60686A05AC79327930",
            "4E10A7D2D104E70488",
            "FC1FEA453C39CB4100",
            "AFC932885B55D7BCB0",
            "8006F6263CBF4C6478",
            "9AD487F2F916F72FC0",
            "00B6440188758F1888",
            "FE545107AE37650AF0",
            "82C7B2568E900888E8",
            "BAFCD75EFD20D43F90",
            "BA82F3B31474834060",
            "BA8D8C53C0A2D4B800",
            "827E0D466DBC4FD4E0",
            "FEE705A31B21D627B0",
        ])

    // url60LFixedV6Mask5: 61 UTF-8 bytes, level L, version 6, mask 5
    static let url60LFixedV6Mask5 = QRReferenceVector(
        name: "url60LFixedV6Mask5", text: QRCodeTests.url61, correction: .low, fixedVersion: 6, fixedMask: 5,
        version: 6, mask: 5,
        rows: [
            "FE7882203F8",
            "8236C664A08",
            "BA25E8CF2E8",
            "BAB100112E8",
            "BA9920922E8",
            "82408E68A08",
            "FEAAAAAABF8",
            "004A00A0000",
            "C77DC2F40C0",
            "5D71B3391E8",
            "7B79241A308",
            "B1FA9AA1B48",
            "5F4FEEFE880",
            "84828A68898",
            "C33C15E33C0",
            "5DD331136A8",
            "8FFC5345040",
            "C427DD5F790",
            "C2C91119E78",
            "0CB46CCFC50",
            "23B28E39CF0",
            "F04AAEEAF50",
            "27858A7AC20",
            "696A0080160",
            "06979B91B70",
            "8549B91BB80",
            "0A01A49AB68",
            "D9C90810120",
            "678825823E8",
            "95E6CE6C888",
            "D228A8E8AA8",
            "8D759B3BC90",
            "835ADBE5FC8",
            "00A7F776898",
            "FE9F4A7DAB0",
            "82B5ED57890",
            "BA045445FD8",
            "BA682482478",
            "BA61A83D2B0",
            "82C888A9B48",
            "FEE142D4100",
        ])

    // long300LFixedV22Mask3: 300 UTF-8 bytes, level L, version 22, mask 3
    static let long300LFixedV22Mask3 = QRReferenceVector(
        name: "long300LFixedV22Mask3", text: QRCodeTests.long300, correction: .low, fixedVersion: 22, fixedMask: 3,
        version: 22, mask: 3,
        rows: [
            "FEE4C0D6F29F4D7D60E35A9A3F8",
            "824D5025F42F2493582D942E208",
            "BAD1763B350BBED0D63B550F2E8",
            "BAE61B933FC85CD835C737C8AE8",
            "BABFABFAA9F6F95E0FFCA1F1AE8",
            "827B8C885AF7893D068C4A75208",
            "FEAAAAAAAAAAAAAAAAAAAAAABF8",
            "0067888A93D18B560A889253000",
            "F28B8CFE5A7EF9B482FE53FBCE8",
            "CC7C86C06A9D718D66DE6B1C730",
            "FEC53623E429F0925861E428988",
            "38D97211258DC8F9D451258C200",
            "C36E5B9D3E6EE2C0D79D3E4F0E0",
            "79358B7EB156814E0B7EB071C58",
            "92F3AD4E5356B9254B4E5207FD0",
            "E131A4CA4979179526CA4814EB0",
            "76BC762BE5A1541B7E2BE508A08",
            "150A501307CFECF9881306A6B00",
            "4B987B953E6C62493B953E3D360",
            "5469897C924CA14FA97C922D558",
            "9B2FAD46558239AC4D465383DD0",
            "4DF6E6C86D693796F6C86B30698",
            "FE458623E359D4925623E740848",
            "F99DDA1126C7CCFB721126A6350",
            "EFA38BFD3C3CFAC5DAFD3835FC8",
            "C8CC1B8EB005894BE38EB01C8E8",
            "0A965CAE5183A920F5AFD182AE0",
            "A8F7F48A49608F10BC8A49618F0",
            "2FD976FBC358FD9AA6FBE558F90",
            "08FB584320D6BD19284380D74B8",
            "9EDBFA4DD83532C9434D1834670",
            "ACEC9824F60C50EDD025B40C048",
            "8BCFA6961582C90A7C969583BA8",
            "61B6F8192D61E6729E98CD61940",
            "FA408D7B4359050C2FFA4B59970",
            "715A52C960D6BD050BC820D6EF8",
            "6EA212CC5834909FCA4D1035038",
            "E56D8D28560CD5E1F32A560D828",
            "9BF657152D82E822F41525835A8",
            "A037E0138D60F438BC15BD60748",
            "D6797E781B5BB1F4A2741B5FB50",
            "8CDB7586E8D2450F2F88F0D72F0",
            "4E8383CA50306336C5A240B1418",
            "18FCA9FB56096A9257FF460FA20",
            "BBC7C549AD86C843FB69A503188",
            "55B6A3178D60846A9B0F9C61140",
            "FA58EC049259A1E428609259370",
            "7D5A54CCF9D449258CC0F9D48F8",
            "6FAE73FAC130FD3F8BFAC056FB8",
            "E8F1AF894F488EB035894FED8A8",
            "9AFC97A92506AE535FA92446AA8",
            "A8A7438F95008A49658F94158C8",
            "DFFB9EFC1BDFFBE568FC1A17FD0",
            "89D0143CF8D13B07567CF8F85F0",
            "4385E16A497AA53E3D5A493BD18",
            "10674F814FC824926D814FA9320",
            "F31145B9AA740E519B99A875088",
            "107C2297948F886F509796F6878",
            "97BF0CD4922F2BE340D49646648",
            "2CD50CECFB031122E6ECFF624C8",
            "5B3C6362C5D2953C3D62C1C3C50",
            "D58057214DF27EB615214DFB280",
            "6A0CD7B920F4475183B8A0F5090",
            "F43B3A3790BDCB49603610BC8E8",
            "FFC606D45CA7238358D4DAA6600",
            "E8778C4CFF2892C6D64DDD285F8",
            "D3816963CF429D5835E20943CE0",
            "F1804F80EBD1FDF40D01ADD1398",
            "23D0D1B86A7CCF5582B80A7D190",
            "B13A2517D29F490D6117929E930",
            "86DA0755542F2B4B59544C2E608",
            "7CF69A6D7D0A9120D66C250A480",
            "DFBD71FBA7CAF96834FE87CAFE0",
            "28E14D89A9F389860D8F31F38D8",
            "EAECDEAC42F4A92582AC22F5AD0",
            "A89B2A8A58BC89BD618838BC8B0",
            "6FE638FDE4A2FC0B5EFBE4A1F88",
            "40D7F4BD0F2ECEF0D4BD172B900",
            "33110F1337404A51B19336C09E0",
            "14C845D693D12B560AD282527D8",
            "0EC8E26E527E95B586685B7AAD0",
            "99A242606A9F93956460731EEB0",
            "8BCA0123E428F8925921E4A9288",
            "7D7EDAB9258D40F9D4B9248DF00",
            "DFAF14B53ECC4AC076B53E0E560",
            "217B4FD6B010214E4FC6B0B2DD8",
            "E6753A4E53139924465E5353450",
            "A817EC42495DC795702A48566B0",
            "6B6D9903E541B41A2F63E578608",
            "4CD3D49307AF14F8C093078F900",
            "3F014C953E7D12497AB53E3DDE0",
            "10CC21B4924C394FC9D4922DBD8",
            "42E3C236558A99AC441E57CB2D0",
            "91F2621069719794D6086F612F8",
            "E39CB153E340D4924753E7504C8",
            "2D5F6AC122D77CFF629926E6D58",
            "1BAEFCFD3A2CFAC5C2FD3C35FD0",
            "00AA0F8EB2048949FB8EB21D8C8",
            "FE4B62AE5183A9A0F4AED183A80",
            "8232D58A49608E10BD8A49618B0",
            "BA5519FBC358FDDAA7FB6358FE0",
            "BA9DCC0B00D795BB283A40D6290",
            "BAC6DD94D834C34943D4D8352E0",
            "82E9B97CF60CA1EDD13CB40DC88",
            "FEC3CF473582B88A7D479583D00",
        ])

    static let all: [QRReferenceVector] = [
        helloWorldL, helloWorldH, emptyQ, shortLinkM, url60H, indonesianUTF8Q, long300M,
        url60LFixedV6Mask5, long300LFixedV22Mask3,
    ]
}

@Suite struct QRCodeTests {
    static let url61 = "https://kompeten.kupangkota.go.id/layanan/kependudukan?id=123"
    static let indonesian = "Selamat datang di Kota Kupang — layanan café, é, ñ ✓"
    static let long300 = String(
        ("https://kompeten.kupangkota.go.id/verifikasi?dok="
            + String(repeating: "KTP-5371-0123456789-ABCDEFGHIJ-", count: 9)).prefix(300))

    /// Rows of a symbol in the same hex form as the reference vectors.
    static func hexRows(_ qr: QRCode) -> [String] {
        let digits = Array("0123456789ABCDEF")
        var result: [String] = []
        for y in 0..<qr.size {
            var row = ""
            var x = 0
            while x < qr.size {
                var nibble = 0
                for k in 0..<4 {
                    nibble <<= 1
                    if x + k < qr.size && qr.isDark(x: x + k, y: y) { nibble |= 1 }
                }
                row.append(digits[nibble])
                x += 4
            }
            result.append(row)
        }
        return result
    }

    static func encode(_ vector: QRReferenceVector) -> QRCode? {
        if vector.fixedVersion != nil || vector.fixedMask != nil {
            return QRCode.encode(
                bytes: Array(vector.text.utf8), correction: vector.correction,
                version: vector.fixedVersion, mask: vector.fixedMask)
        }
        return QRCode.encode(vector.text, correction: vector.correction)
    }

    // MARK: Reference matrices

    @Test(arguments: QRReferenceVectors.all)
    func matchesReferenceMatrix(_ vector: QRReferenceVector) throws {
        let qr = try #require(QRCodeTests.encode(vector))
        #expect(qr.version == vector.version)
        #expect(qr.mask == vector.mask)
        #expect(qr.correction == vector.correction)
        #expect(qr.size == 17 + 4 * vector.version)
        #expect(vector.rows.count == qr.size)
        let rows = QRCodeTests.hexRows(qr)
        for (y, (actual, expected)) in zip(rows, vector.rows).enumerated() {
            #expect(actual == expected, "row \(y)")
        }
    }

    @Test func vectorsCoverLevelsAndVersions() {
        let levels = Set(QRReferenceVectors.all.map(\.correction))
        #expect(levels == Set(QRErrorCorrection.allCases))
        let versions = Set(QRReferenceVectors.all.map(\.version))
        #expect(versions.contains(1) && versions.contains(2))
        #expect(!versions.isDisjoint(with: 5...7) && versions.contains(7))
        #expect(versions.contains { $0 >= 10 })
    }

    @Test func stringAndByteEntryPointsAgree() throws {
        let text = QRCodeTests.indonesian
        let a = try #require(QRCode.encode(text, correction: .quartile))
        let b = try #require(QRCode.encode(bytes: Array(text.utf8), correction: .quartile))
        #expect(a == b)
        let c = try #require(
            QRCode.encode(bytes: Array(text.utf8), correction: .quartile, version: a.version, mask: a.mask))
        #expect(a == c)
        let d = try #require(
            QRCode.encode(bytes: Array(text.utf8), correction: .quartile, version: a.version, mask: (a.mask + 1) % 8))
        #expect(a != d)
        #expect(QRCode.encode("HELLO WORLD") != QRCode.encode("HELLO WORLe"))
    }

    // MARK: Structure

    @Test(arguments: 1...40)
    func sizeFindersTimingAndInfo(version: Int) throws {
        let qr = try #require(QRCode.encode(bytes: [0x41, 0x42], correction: .low, version: version))
        #expect(qr.version == version)
        #expect(qr.size == 17 + 4 * version)
        let n = qr.size
        // Finder patterns (7×7) with light separators at the three corners.
        for (ox, oy) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            for dy in -1...7 {
                for dx in -1...7 {
                    let x = ox + dx
                    let y = oy + dy
                    guard x >= 0, y >= 0, x < n, y < n else { continue }
                    let ring = max(abs(dx - 3), abs(dy - 3))
                    let expected = ring == 0 || ring == 1 || ring == 3
                    #expect(qr.isDark(x: x, y: y) == expected, "finder at (\(ox),\(oy)) module (\(x),\(y))")
                }
            }
        }
        // Bottom-right corner is not a finder (its 7×7 area is not all ring-shaped).
        var bottomRightLooksLikeFinder = true
        for dy in 0..<7 {
            for dx in 0..<7 {
                let ring = max(abs(dx - 3), abs(dy - 3))
                if qr.isDark(x: n - 7 + dx, y: n - 7 + dy) != (ring != 2) { bottomRightLooksLikeFinder = false }
            }
        }
        #expect(!bottomRightLooksLikeFinder)
        // Timing patterns.
        for i in 8..<(n - 8) {
            #expect(qr.isDark(x: i, y: 6) == (i % 2 == 0))
            #expect(qr.isDark(x: 6, y: i) == (i % 2 == 0))
        }
        // Dark module.
        #expect(qr.isDark(x: 8, y: n - 8))
        // Both copies of the format information.
        let format = QRModuleGrid.formatBits(correction: .low, mask: qr.mask)
        var first = 0
        var second = 0
        let firstCoordinates = [
            (8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8),
            (7, 8), (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8),
        ]
        for (i, (x, y)) in firstCoordinates.enumerated() where qr.isDark(x: x, y: y) { first |= 1 << i }
        for i in 0..<8 where qr.isDark(x: n - 1 - i, y: 8) { second |= 1 << i }
        for i in 8..<15 where qr.isDark(x: 8, y: n - 15 + i) { second |= 1 << i }
        #expect(first == format)
        #expect(second == format)
        // Version information (versions ≥ 7), both blocks.
        if version >= 7 {
            let bits = QRModuleGrid.versionBits(version: version)
            var topRight = 0
            var bottomLeft = 0
            for i in 0..<18 {
                if qr.isDark(x: n - 11 + i % 3, y: i / 3) { topRight |= 1 << i }
                if qr.isDark(x: i / 3, y: n - 11 + i % 3) { bottomLeft |= 1 << i }
            }
            #expect(topRight == bits)
            #expect(bottomLeft == bits)
        }
    }

    @Test func outsideModulesAreLight() throws {
        let qr = try #require(QRCode.encode("HELLO WORLD"))
        #expect(!qr.isDark(x: -1, y: 0))
        #expect(!qr.isDark(x: 0, y: -1))
        #expect(!qr.isDark(x: qr.size, y: 0))
        #expect(!qr.isDark(x: 0, y: qr.size))
        #expect(qr.isDark(x: 0, y: 0))
    }

    // MARK: Building blocks against published values

    @Test func formatAndVersionInformationBits() {
        // ISO/IEC 18004 Annex C / D examples and well-known table entries.
        #expect(QRModuleGrid.formatBits(correction: .medium, mask: 5) == 0b1000000_11001110)
        #expect(QRModuleGrid.formatBits(correction: .low, mask: 4) == 0b1100110_00101111)
        #expect(QRModuleGrid.formatBits(correction: .medium, mask: 0) == 0b1010100_00010010)
        #expect(QRModuleGrid.formatBits(correction: .high, mask: 7) == 0b0001000_00111011)
        #expect(QRModuleGrid.versionBits(version: 7) == 0x07C94)
        #expect(QRModuleGrid.versionBits(version: 21) == 0x15683)
        #expect(QRModuleGrid.versionBits(version: 40) == 0x28C69)
    }

    @Test func reedSolomonAnnexIExample() {
        // ISO/IEC 18004 Annex I: "01234567", version 1-M.
        let data: [UInt8] = [
            0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11,
            0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
        ]
        let ecc = QRReedSolomon.remainder(of: data[...], generator: QRReedSolomon.generator(degree: 10))
        #expect(ecc == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
        #expect(QRReedSolomon.multiply(0x80, 0x02) == 0x1D)
        #expect(QRReedSolomon.generator(degree: 7) == [127, 122, 154, 164, 11, 68, 117])
    }

    @Test func byteModeDataCodewords() {
        // "é" must be encoded as UTF-8 (0xC3 0xA9), without an ECI header.
        let codewords = QRCode.dataCodewords(bytes: Array("é".utf8), version: 1, level: 1)
        #expect(
            codewords == [
                0x40, 0x2C, 0x3A, 0x90, 0xEC, 0x11, 0xEC, 0x11,
                0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
            ])
    }

    @Test func alignmentPatternPositions() {
        #expect(QRCodeTables.alignmentPatternPositions(version: 1) == [])
        #expect(QRCodeTables.alignmentPatternPositions(version: 2) == [6, 18])
        #expect(QRCodeTables.alignmentPatternPositions(version: 7) == [6, 22, 38])
        #expect(QRCodeTables.alignmentPatternPositions(version: 32) == [6, 34, 60, 86, 112, 138])
        #expect(QRCodeTables.alignmentPatternPositions(version: 36) == [6, 24, 50, 76, 102, 128, 154])
        #expect(QRCodeTables.alignmentPatternPositions(version: 40) == [6, 30, 58, 86, 114, 142, 170])
        for version in 1...40 {
            #expect(
                QRCodeTables.totalCodewords(version: version)
                    == [
                        26, 44, 70, 100, 134, 172, 196, 242, 292, 346, 404, 466, 532, 581, 655, 733, 815, 901,
                        991, 1085, 1156, 1258, 1364, 1474, 1588, 1706, 1828, 1921, 2051, 2185, 2323, 2465,
                        2611, 2761, 2876, 3034, 3196, 3362, 3532, 3706,
                    ][version - 1])
        }
    }

    // MARK: Mask penalty (ISO/IEC 18004:2015 7.8.3.1, Table 11)

    static func grid(version: Int, dark: (Int, Int) -> Bool) -> QRModuleGrid {
        var grid = QRModuleGrid(version: version)
        for y in 0..<grid.size {
            for x in 0..<grid.size { grid.dark[y * grid.size + x] = dark(x, y) }
        }
        return grid
    }

    @Test func penaltyRulesOnSyntheticGrids() {
        // All light 21×21: N1 = 42 lines · (3 + 16) = 798, N2 = 400 · 3, N4 = 10 · 10.
        #expect(QRCodeTests.grid(version: 1) { _, _ in false }.penaltyScore() == 798 + 1200 + 0 + 100)
        #expect(QRCodeTests.grid(version: 1) { _, _ in true }.penaltyScore() == 2098)
        // Checkerboard: no runs, no blocks, no finder-like patterns, 221/441 dark.
        #expect(QRCodeTests.grid(version: 1) { x, y in (x + y) % 2 == 0 }.penaltyScore() == 0)
        // One 1:1:3:1:1 pattern with light on both sides counts once (40), N4 = 90.
        let single: [Bool] = [true, false, true, true, true, false, true]
        #expect(
            QRCodeTests.grid(version: 1) { x, y in y == 10 && (4..<11).contains(x) && single[x - 4] }
                .penaltyScore() == 772 + 1152 + 40 + 90)
        // Two overlapping patterns (1011101 1101 → at x = 0 and x = 4): each has a light
        // area on one side, so both count (segno 1.6.6 skips the overlapping one).
        let double: [Bool] = [true, false, true, true, true, false, true, true, true, false, true]
        #expect(
            QRCodeTests.grid(version: 1) { x, y in y == 10 && x < 11 && double[x] }
                .penaltyScore() == 763 + 1134 + 80 + 90)
    }

    /// Penalty of every mask on the complete symbol (format/version information drawn)
    /// for the automatic reference vectors; values agree with segno's penalty function.
    static let maskPenalties: [String: [Int]] = [
        "helloWorldL": [1077, 1110, 1166, 1092, 1056, 1071, 1066, 1064],
        "helloWorldH": [1306, 1274, 1207, 1105, 1266, 1264, 1336, 1225],
        "emptyQ": [1017, 1156, 1061, 1077, 1117, 1121, 1036, 1082],
        "shortLinkM": [1616, 1446, 1463, 1479, 1526, 1451, 1561, 1586],
        "url60H": [2345, 2229, 2109, 2260, 2134, 2034, 2289, 2053],
        "indonesianUTF8Q": [1629, 1705, 1816, 1747, 1845, 1732, 1725, 1869],
        "long300M": [4358, 4640, 3522, 3758, 4248, 4034, 4194, 4113],
    ]

    @Test(arguments: QRReferenceVectors.all.filter { $0.fixedMask == nil })
    func penaltiesOfAllMasksAndAutomaticChoice(_ vector: QRReferenceVector) throws {
        let expected = try #require(QRCodeTests.maskPenalties[vector.name])
        var actual: [Int] = []
        for mask in 0..<8 {
            let qr = try #require(
                QRCode.encode(
                    bytes: Array(vector.text.utf8), correction: vector.correction, version: vector.version, mask: mask))
            actual.append(QRCodeTests.grid(version: qr.version) { x, y in qr.isDark(x: x, y: y) }.penaltyScore())
        }
        #expect(actual == expected)
        let automatic = try #require(QRCode.encode(vector.text, correction: vector.correction))
        #expect(automatic.mask == actual.firstIndex(of: actual.min()!))
    }

    // MARK: Capacity and version selection

    @Test func byteCapacityMatchesStandardTable() {
        // ISO/IEC 18004 Table 7, byte mode.
        #expect([1, 2, 10, 40].map { QRCode.byteCapacity(version: $0, correction: .low) } == [17, 32, 271, 2953])
        #expect([1, 2, 10, 40].map { QRCode.byteCapacity(version: $0, correction: .medium) } == [14, 26, 213, 2331])
        #expect([1, 2, 10, 40].map { QRCode.byteCapacity(version: $0, correction: .quartile) } == [11, 20, 151, 1663])
        #expect([1, 2, 10, 40].map { QRCode.byteCapacity(version: $0, correction: .high) } == [7, 14, 119, 1273])
    }

    @Test(arguments: QRErrorCorrection.allCases)
    func smallestVersionIsChosen(correction: QRErrorCorrection) throws {
        for version in [1, 2, 6, 9, 10, 26, 39] {
            let capacity = QRCode.byteCapacity(version: version, correction: correction)
            let fits = try #require(QRCode.encode(String(repeating: "a", count: capacity), correction: correction))
            #expect(fits.version == version)
            let spills = try #require(
                QRCode.encode(String(repeating: "a", count: capacity + 1), correction: correction))
            #expect(spills.version == version + 1)
        }
    }

    @Test func tooLongTextReturnsNil() {
        #expect(QRCode.encode(String(repeating: "x", count: 2953), correction: .low)?.version == 40)
        #expect(QRCode.encode(String(repeating: "x", count: 2954), correction: .low) == nil)
        #expect(QRCode.encode(String(repeating: "x", count: 1273), correction: .high)?.version == 40)
        #expect(QRCode.encode(String(repeating: "x", count: 1274), correction: .high) == nil)
        #expect(QRCode.encode(String(repeating: "é", count: 1200), correction: .medium) == nil) // 2400 bytes
        #expect(QRCode.encode(bytes: Array(repeating: 0x41, count: 18), correction: .low, version: 1) == nil)
        #expect(QRCode.encode(bytes: [], version: 0) == nil)
        #expect(QRCode.encode(bytes: [], version: 41) == nil)
        #expect(QRCode.encode(bytes: [], mask: 8) == nil)
        #expect(QRCode.encode(bytes: [], mask: -1) == nil)
    }

    // MARK: SVG

    @Test func svgStructure() throws {
        let qr = try #require(QRCode.encode("HELLO WORLD", correction: .low))
        let svg = qr.svg(moduleSize: 5, quietZone: 4, title: "Kartu \"A&B\" <x> 'y'")
        #expect(
            svg.hasPrefix(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\" width=\"145\" height=\"145\" role=\"img\">"
            ))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains("<title>Kartu &quot;A&amp;B&quot; &lt;x&gt; &apos;y&apos;</title>"))
        #expect(svg.contains("<rect width=\"29\" height=\"29\" fill=\"#ffffff\"/>"))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.ranges(of: "<path").count == 1)
        #expect(svg.ranges(of: "<svg").count == 1)
        #expect(svg.ranges(of: "</svg>").count == 1)
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("href"))
        #expect(!svg.contains("url("))
        #expect(svg.ranges(of: "http").count == 1) // only the xmlns
        let untitled = qr.svg()
        #expect(!untitled.contains("<title>"))
        #expect(
            untitled.hasPrefix(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\" width=\"116\" height=\"116\" role=\"img\">"
            ))
        #expect(qr.svg(moduleSize: 0, quietZone: -3).contains("viewBox=\"0 0 21 21\" width=\"21\" height=\"21\""))
        #expect(QRCode.svgEscaped("a\u{0}b\u{1B}c\td") == "abc\td")
    }

    @Test(arguments: [QRReferenceVectors.helloWorldL, QRReferenceVectors.long300M])
    func svgPathReproducesModulesWithMergedRuns(_ vector: QRReferenceVector) throws {
        let qr = try #require(QRCodeTests.encode(vector))
        let quiet = 4
        let svg = qr.svg(quietZone: quiet)
        let start = try #require(svg.firstRange(of: " d=\""))
        let rest = svg[start.upperBound...]
        let end = try #require(rest.firstIndex(of: "\""))
        let d = String(rest[..<end])
        var painted = [Bool](repeating: false, count: qr.size * qr.size)
        var rectangles = 0
        for command in d.split(separator: "M") {
            // "x yhNv1h-Nz"
            #expect(command.hasSuffix("z"))
            let parts = command.dropLast().split(whereSeparator: { $0 == " " || $0 == "h" || $0 == "v" })
            #expect(parts.count == 5)
            guard parts.count == 5,
                let x = Int(parts[0]), let y = Int(parts[1]), let run = Int(parts[2]),
                let down = Int(parts[3]), let back = Int(parts[4])
            else { continue }
            #expect(down == 1 && back == -run && run >= 1)
            rectangles += 1
            for k in 0..<run {
                let mx = x - quiet + k
                let my = y - quiet
                #expect(mx >= 0 && my >= 0 && mx < qr.size && my < qr.size)
                guard mx >= 0, my >= 0, mx < qr.size, my < qr.size else { continue }
                #expect(!painted[my * qr.size + mx], "module painted twice")
                painted[my * qr.size + mx] = true
            }
            // Runs are maximal: the modules left and right of a run are light.
            #expect(!qr.isDark(x: x - quiet - 1, y: y - quiet))
            #expect(!qr.isDark(x: x - quiet + run, y: y - quiet))
        }
        var runs = 0
        for y in 0..<qr.size {
            for x in 0..<qr.size {
                #expect(painted[y * qr.size + x] == qr.isDark(x: x, y: y))
                if qr.isDark(x: x, y: y) && !qr.isDark(x: x - 1, y: y) { runs += 1 }
            }
        }
        #expect(rectangles == runs)
    }
}
