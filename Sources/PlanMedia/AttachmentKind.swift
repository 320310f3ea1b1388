/// The kinds of attachment a site may hold (CONTENT.md, "Media"), by file extension: the MIME
/// type a server should send and the name a reader knows the kind by.
public enum AttachmentKind: String, Sendable, CaseIterable {
    case pdf, word, excel, powerPoint, openDocumentText, openDocumentSpreadsheet, openDocumentPresentation
    case csv, text, zip

    /// The kind of a file named with `fileExtension` (any case, without the dot), or nil for
    /// an extension that is not an attachment's.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "pdf": self = .pdf
        case "docx": self = .word
        case "xlsx": self = .excel
        case "pptx": self = .powerPoint
        case "odt": self = .openDocumentText
        case "ods": self = .openDocumentSpreadsheet
        case "odp": self = .openDocumentPresentation
        case "csv": self = .csv
        case "txt": self = .text
        case "zip": self = .zip
        default: return nil
        }
    }

    public var mimeType: String {
        switch self {
        case .pdf: "application/pdf"
        case .word: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .excel: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .powerPoint: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .openDocumentText: "application/vnd.oasis.opendocument.text"
        case .openDocumentSpreadsheet: "application/vnd.oasis.opendocument.spreadsheet"
        case .openDocumentPresentation: "application/vnd.oasis.opendocument.presentation"
        case .csv: "text/csv"
        case .text: "text/plain"
        case .zip: "application/zip"
        }
    }

    /// The kind's name in English ("PDF", "Word document"); other languages name it through
    /// the theme's strings, keyed by `rawValue`.
    public var englishName: String {
        switch self {
        case .pdf: "PDF"
        case .word: "Word document"
        case .excel: "Excel spreadsheet"
        case .powerPoint: "PowerPoint presentation"
        case .openDocumentText: "OpenDocument text"
        case .openDocumentSpreadsheet: "OpenDocument spreadsheet"
        case .openDocumentPresentation: "OpenDocument presentation"
        case .csv: "CSV table"
        case .text: "Text file"
        case .zip: "ZIP archive"
        }
    }
}
