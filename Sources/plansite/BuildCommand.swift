import ArgumentParser
import Foundation
import PlanSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The output folder; replaced whole, only when the build succeeds.")
    var output: String = "public"

    @Option(name: .customLong("base-url"), help: "Where the site is hosted (overrides baseURL in site.yaml).")
    var baseURL: String?

    @Flag(help: "Include events marked draft: true.")
    var drafts = false

    func validate() throws {
        if let baseURL, BaseURL.normalized(baseURL) == nil {
            throw ValidationError("--base-url must be an absolute http or https URL, such as https://example.org/plan/")
        }
    }

    func run() throws {
        let options = BuildOptions(content: URL(fileURLWithPath: site.content), theme: URL(fileURLWithPath: site.theme),
                                   output: URL(fileURLWithPath: output), baseURL: baseURL, includeDrafts: drafts)
        try Report.finish(SiteBuilder.build(options)) { summary in
            let languages = summary.pagesPerLanguage.keys.sorted().map { "\($0) \(summary.pagesPerLanguage[$0]!)" }
            print("built \(summary.files) files into \(output) (pages per language: \(languages.joined(separator: ", ")))")
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check content and theme; write nothing.")

    @OptionGroup var site: SiteOptions

    func run() throws {
        let options = BuildOptions(content: URL(fileURLWithPath: site.content), theme: URL(fileURLWithPath: site.theme),
                                   output: URL(fileURLWithPath: "public"), includeDrafts: true)
        try Report.finish(SiteBuilder.check(options)) { _ in print("no problems found") }
    }
}

/// Prints diagnostics to standard error and turns the result into an exit status.
enum Report {
    static func finish(_ result: Result<BuildSummary, BuildFailure>, success: (BuildSummary) -> Void) throws {
        switch result {
        case .success(let summary):
            summary.warnings.forEach(printError)
            success(summary)
        case .failure(let failure):
            failure.diagnostics.forEach(printError)
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            printError("\(errors) error\(errors == 1 ? "" : "s"); nothing was written")
            throw ExitCode(1)
        }
    }

    private static func printError(_ diagnostic: Diagnostic) {
        printError(diagnostic.description)
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
