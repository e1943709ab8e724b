import KompetenCore
import KompetenFormats
import Vapor

extension HTTPHeaders {
    /// The one way a response names its download: RFC 6266 with an ASCII fallback and the
    /// UTF-8 name (`DownloadFilename`), so a stored name with CR/LF or quotes cannot add a
    /// header or a parameter. `filename` includes the extension.
    mutating func setAttachment(filename: String) {
        replaceOrAdd(name: .contentDisposition, value: DownloadFilename.contentDisposition(filename))
    }
}
