import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenFormats

@Suite struct CSVReaderTests {
    func read(_ text: String, bom: Bool = false) throws -> Table {
        try CSVReader.read(Data(((bom ? "\u{FEFF}" : "") + text).utf8))
    }

    @Test func excelIndonesianExport() throws {
        // BOM, `;`, a quoted field holding the delimiter, another holding a line break, CRLF.
        let text =
            "NIP;Nama;Catatan\r\n"
            + "198503122010011002;\"Benu; Yohanes\";\"baris satu\r\nbaris dua\"\r\n"
            + "199001012022212005;Maria \"Mia\" Lado;\r\n"
        let table = try read(text, bom: true)
        #expect(table.header == ["NIP", "Nama", "Catatan"]) // no BOM glued to "NIP"
        #expect(
            table.rows == [
                ["198503122010011002", "Benu; Yohanes", "baris satu\r\nbaris dua"],
                ["199001012022212005", "Maria \"Mia\" Lado", ""],
            ])
    }

    @Test func commaSeparatedWithoutBOM() throws {
        let table = try read("Kode,Nama\n01,\"Dinas Kesehatan, Kota Kupang\"\n02,\"Ucapan \"\"Selamat\"\"\"")
        #expect(table.header == ["Kode", "Nama"])
        #expect(table.rows == [["01", "Dinas Kesehatan, Kota Kupang"], ["02", "Ucapan \"Selamat\""]])
    }

    @Test func delimiterComesFromHeaderLineOnly() throws {
        // Commas in data do not matter; semicolons inside quotes in the header do not count.
        #expect(try read("a;b\n1,5;2,5\n").rows == [["1,5", "2,5"]])
        #expect(try read("\"x;y;z\",b\n1,2\n").header == ["x;y;z", "b"])
    }

    @Test func oldMacLineEndingsAndBlankLines() throws {
        let table = try read("a;b\r1;2\r\r3;4\r\r\r")
        #expect(table.rows == [["1", "2"], [""], ["3", "4"]]) // blank line kept, trailing ones dropped
    }

    @Test func raggedRowsStayRagged() throws {
        #expect(try read("a;b;c\n1\n1;2;3;4\n").rows == [["1"], ["1", "2", "3", "4"]])
    }

    @Test func emptyFile() throws {
        #expect(try read("") == Table(header: []))
        #expect(try read("", bom: true) == Table(header: []))
    }

    @Test func unterminatedQuoteNamesTheRowWhereItOpened() {
        let text = "NIP;Nama\n1;Ani\n2;\"Budi\n3;Citra\n"
        #expect(throws: CSVError(row: 3, message: "Tanda petik (\") yang dibuka di baris 3 tidak pernah ditutup.")) {
            try read(text)
        }
    }

    @Test func quotedLineBreaksDoNotShiftRowNumbers() {
        // Row 2 spans two lines in the file but is one row in the spreadsheet.
        let text = "a;b\n\"x\ny\";1\n2;\"open\n"
        #expect(throws: CSVError(row: 3, message: "Tanda petik (\") yang dibuka di baris 3 tidak pernah ditutup.")) {
            try read(text)
        }
    }

    @Test func windows1252IsRefusedWithTheRow() {
        var data = Data("Nama;Kota\nJos;Kupang\n".utf8)
        data.append(contentsOf: [0x4E, 0x75, 0xF1, 0x65, 0x7A]) // "Nuñez" in Windows-1252
        #expect(
            throws: CSVError(row: 3, message: "Berkas bukan teks UTF-8. Simpan ulang dari Excel sebagai \"CSV UTF-8\".")
        ) {
            try CSVReader.read(data)
        }
    }

    @Test func oldExcelFormatIsNamed() {
        let xls = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0xFF])
        #expect(
            throws: CSVError(
                row: 1,
                message: "Berkas Excel lama (.xls) tidak didukung. Simpan ulang sebagai .xlsx atau \"CSV UTF-8\".")
        ) {
            try CSVReader.read(xls)
        }
    }

    @Test func utf16WithBOM() throws {
        let text = "Nama;Kota\r\nNuñez;Kupang 🌊\r\n"
        var le = Data([0xFF, 0xFE])
        var be = Data([0xFE, 0xFF])
        for unit in text.utf16 {
            le.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            be.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        let expected = Table(header: ["Nama", "Kota"], rows: [["Nuñez", "Kupang 🌊"]])
        #expect(try CSVReader.read(le) == expected)
        #expect(try CSVReader.read(be) == expected)
    }
}

@Suite struct CSVWriterTests {
    @Test func writesBOMSemicolonsCRLFAndQuotesOnlyWhenNeeded() {
        let table = Table(
            header: ["NIP", "Nama"], rows: [["198503122010011002", "Benu; Yohanes"], ["2", "a \"b\"\nc"]])
        let text = String(decoding: CSVWriter.write(table), as: UTF8.self)
        #expect(text == "\u{FEFF}NIP;Nama\r\n198503122010011002;\"Benu; Yohanes\"\r\n2;\"a \"\"b\"\"\nc\"\r\n")
        let plain = String(decoding: CSVWriter.write(table, delimiter: ",", bom: false), as: UTF8.self)
        #expect(plain.hasPrefix("NIP,Nama\r\n198503122010011002,Benu; Yohanes\r\n"))
    }

    @Test func roundTrip() throws {
        let table = Table(
            header: ["Kode", "Nama", "Catatan"],
            rows: [
                ["01", "Benu; Yohanes", "baris satu\r\nbaris dua"],
                ["02", "Élodie Ñañez, \"Nona\"", ""],
                ["03", "Kantor Wali Kota 🏛️", "ragged"],
                ["", "", ""],
                ["-5,5", "3.75", "x"],
            ])
        #expect(try CSVReader.read(CSVWriter.write(table)) == table)
        #expect(try CSVReader.read(CSVWriter.write(table, delimiter: ",", bom: false)) == table)
    }

    @Test func neutralise() {
        #expect(CSVWriter.neutralise("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVWriter.neutralise("-5") == "-5")
        #expect(CSVWriter.neutralise("-5,5") == "-5,5")
        #expect(CSVWriter.neutralise("-5.25") == "-5.25")
        #expect(CSVWriter.neutralise("-x") == "'-x")
        #expect(CSVWriter.neutralise("@x") == "'@x")
        #expect(CSVWriter.neutralise("+6281234567890") == "'+6281234567890")
        #expect(CSVWriter.neutralise("\tcmd") == "'\tcmd")
        #expect(CSVWriter.neutralise("\r=1") == "'\r=1")
        #expect(CSVWriter.neutralise("-5,") == "'-5,")
        #expect(CSVWriter.neutralise("--5") == "'--5")
        #expect(CSVWriter.neutralise("Budi = Ani") == "Budi = Ani")
        #expect(CSVWriter.neutralise("") == "")
    }

    @Test func writerNeutralisesAndImportUndoesIt() throws {
        let table = Table(header: ["Telepon", "Rumus"], rows: [["+6281234567890", "=1+1"]])
        let text = String(decoding: CSVWriter.write(table), as: UTF8.self)
        #expect(text.contains("'+6281234567890;'=1+1\r\n"))
        #expect(CSVWriter.unneutralise("'+6281234567890") == "+6281234567890")
        #expect(CSVWriter.unneutralise("'-5") == "'-5") // not something neutralise adds
        #expect(CSVWriter.unneutralise("'halo") == "'halo")
    }
}
