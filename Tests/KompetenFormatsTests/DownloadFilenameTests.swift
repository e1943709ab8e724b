import Foundation
import Testing

@testable import KompetenCore
@testable import KompetenFormats

/// RFC 6266 download names (security item 2): one well-formed header whatever the stored name.
@Suite("Download file names (Content-Disposition)")
struct DownloadFilenameTests {
    @Test func crlfCannotEndTheHeader() {
        #expect(
            DownloadFilename.contentDisposition("peserta-Angkatan X\r\nX-Injected: 1.csv")
                == "attachment; filename=\"peserta-Angkatan X__X-Injected: 1.csv\"; filename*=UTF-8''peserta-Angkatan%20X%0D%0AX-Injected%3A%201.csv"
        )
    }

    @Test func quotesAndNonASCII() {
        #expect(
            DownloadFilename.contentDisposition("Pelatihan \"Kepemimpinan\" Ñ.xlsx")
                == "attachment; filename=\"Pelatihan _Kepemimpinan_ _.xlsx\"; filename*=UTF-8''Pelatihan%20%22Kepemimpinan%22%20%C3%91.xlsx"
        )
        #expect(
            DownloadFilename.contentDisposition("a\\b/c;d.csv")
                == "attachment; filename=\"a_b_c;d.csv\"; filename*=UTF-8''a%5Cb%2Fc%3Bd.csv")
    }

    @Test func plainNamesStayReadable() {
        #expect(
            DownloadFilename.contentDisposition("peta-kesenjangan.xlsx")
                == "attachment; filename=\"peta-kesenjangan.xlsx\"; filename*=UTF-8''peta-kesenjangan.xlsx")
        #expect(DownloadFilename.contentDisposition("") == "attachment; filename=\"unduhan\"; filename*=UTF-8''unduhan")
    }
}
