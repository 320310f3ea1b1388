import ArgumentParser
import Foundation
import PlanSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(
        help: "The output folder; changed only when the build succeeds (written whole the first time, then updated).")
    var output: String = "public"

    @Option(name: .customLong("base-url"), help: "Where the site is hosted (overrides baseURL in site.yaml).")
    var baseURL: String?

    @Flag(help: "Include events marked draft: true.")
    var drafts = false

    @Option(
        name: .customLong("image-cache"),
        help: "Where the pictures made from photos are kept for the next build (default: beside the output).")
    var imageCache: String?

    @Flag(
        name: .customLong("no-wait"),
        help: "Fail at once when another build of the output folder is running, instead of waiting for it.")
    var noWait = false

    func validate() throws {
        try UsageChecks.baseURL(baseURL)
        try UsageChecks.sourceDateEpoch()
        try UsageChecks.output(output)
    }

    @Flag(help: "Print nothing on success (problems are still printed).")
    var quiet = false

    @Flag(help: "Print how long each step of the build took, on standard error.")
    var timings = false

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        var options = BuildOptions(
            content: URL(fileURLWithPath: site.content), theme: URL(fileURLWithPath: site.theme),
            output: URL(fileURLWithPath: output), baseURL: baseURL, includeDrafts: drafts)
        options.imageCache = imageCache.map { URL(fileURLWithPath: $0) }
        let progress = quiet ? nil : TerminalProgress.onStandardError()
        if let progress {
            options.progress = { done, total in progress.show("rendering pages: \(done)/\(total)") }
        }
        let result = OutputLock.building(
            options, wait: !noWait,
            waiting: {
                FileHandle.standardError.write(Data((OutputLock.waitingMessage(options.output) + "\n").utf8))
            }
        ) { SiteBuilder.build(options) }
        progress?.clear()
        try Report.finish(result) { summary in
            if timings {
                for phase in summary.phases {
                    FileHandle.standardError.write(
                        Data("\(phase.name): \(String(format: "%.2f", phase.seconds)) s\n".utf8))
                }
            }
            guard !quiet else { return }
            BuildReport.lines(summary, output: output, elapsed: clock.now - started).forEach { print($0) }
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check content and theme; write nothing.")

    @OptionGroup var site: SiteOptions

    func validate() throws {
        try UsageChecks.sourceDateEpoch()
    }

    func run() throws {
        let options = BuildOptions(
            content: URL(fileURLWithPath: site.content), theme: URL(fileURLWithPath: site.theme),
            output: URL(fileURLWithPath: "public"), includeDrafts: true)
        try Report.finish(SiteBuilder.check(options)) { _ in print("no problems found") }
    }
}

/// Prints diagnostics to standard error and turns the result into an exit status.
enum Report {
    static func finish(_ result: Result<BuildSummary, BuildFailure>, success: (BuildSummary) throws -> Void) throws {
        try finish(
            result,
            then: { summary in
                summary.warnings.forEach(printError)
                try success(summary)
            })
    }

    /// Any command's result: the failure's diagnostics on standard error and exit status 1.
    static func finish<Value>(_ result: Result<Value, BuildFailure>, then success: (Value) throws -> Void) throws {
        switch result {
        case .success(let value):
            try success(value)
        case .failure(let failure):
            failure.diagnostics.forEach(printError)
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            let outcome = failure.outputLeftAsItWas ? "nothing was written" : "the output folder is half updated"
            printError("\(errors) error\(errors == 1 ? "" : "s"); \(outcome)")
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
