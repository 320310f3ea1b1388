import Foundation
import PlanSite

/// The lines `plansite build` ends with, on standard output: one per language, then the total.
enum BuildReport {
    static func lines(_ summary: BuildSummary, output: String, elapsed: Duration) -> [String] {
        if summary.unchanged {
            return ["nothing changed since the last build: \(output) left as it was (\(seconds(elapsed)) s)"]
        }
        let perLanguage = summary.languages.map { code in
            let pages = summary.pagesPerLanguage[code, default: 0]
            let fallbacks = summary.fallbacksPerLanguage[code, default: 0]
            return
                "\(code): \(pages) pages, \(summary.events) events, "
                + "\(fallbacks) fallback\(fallbacks == 1 ? "" : "s") used"
        }
        var kept = summary.keptFiles > 0 ? " (\(summary.keptFiles) unchanged" : ""
        // Fewer rendered than made: event pages kept without rendering (their inputs did not change).
        if summary.keptFiles > 0 {
            kept += summary.renderedFiles < summary.pageFiles ? ", \(summary.renderedFiles) rendered)" : ")"
        }
        var images: [String] = []
        if summary.imagesMade + summary.imagesFromStore > 0 {
            images = ["images: \(summary.imagesMade) made, \(summary.imagesFromStore) taken from the image store"]
        }
        return perLanguage + images + ["built \(summary.files) files\(kept) into \(output) in \(seconds(elapsed)) s"]
    }

    private static func seconds(_ elapsed: Duration) -> String {
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        return String(format: "%.2f", Double(milliseconds) / 1000)
    }
}

/// A one-line progress message on standard error, only when it is a terminal: redirected
/// output and CI logs get the report alone.
final class TerminalProgress: Sendable {
    static func onStandardError() -> TerminalProgress? {
        isatty(FileHandle.standardError.fileDescriptor) == 1 ? TerminalProgress() : nil
    }

    func show(_ message: String) {
        // Carriage return and erase-line: each message replaces the one before.
        FileHandle.standardError.write(Data("\r\u{1B}[K\(message)".utf8))
    }

    func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
