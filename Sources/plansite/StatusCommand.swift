import ArgumentParser
import Foundation
import PlanSite

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Show, for every item and language, whether the translation is current, stale, unrecorded or missing.",
        discussion: """
            A translation records the version of its source text it was made from (sourceHash in its
            front matter). 'stale': the source changed since; 'unrecorded': no sourceHash yet;
            'missing': no file, readers get the fallback language named. An item's authentic texts
            ('authentic' in its meta.yaml) are each a source. Past events still planned are warned about.
            """
    )

    @Option(help: "The content folder.")
    var content: String = "content"

    @Flag(help: "Exit with status 1 when a translation is stale or unrecorded (not when missing).")
    var strict = false

    @Option(
        name: .customLong("mark-current"),
        help: ArgumentHelp(
            "Record in FILE's front matter that it matches its source text as it is now.", valueName: "FILE"))
    var markCurrent: String?

    func run() throws {
        let contentFolder = URL(fileURLWithPath: content)
        if let markCurrent {
            try Report.finish(
                SourceHashMarker.mark(URL(fileURLWithPath: markCurrent), contentDirectory: contentFolder),
                then: { hash in
                    print("\(markCurrent): sourceHash \(hash)")
                })
            return
        }
        try Report.finish(
            TranslationStatus.check(contentDirectory: contentFolder),
            then: { report in
                report.warnings.forEach { FileHandle.standardError.write(Data(($0.description + "\n").utf8)) }
                report.lines.forEach { print($0) }
                print(report.summary)
                if strict, !report.problems.isEmpty {
                    let message = "\(report.problems.count) stale or unrecorded translations (--strict)\n"
                    FileHandle.standardError.write(Data(message.utf8))
                    throw ExitCode(1)
                }
            })
    }
}
