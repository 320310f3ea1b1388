// Compiled with the PreviewServer trait only: the target PlanSiteServer is there with it.
#if PreviewServer
    import ArgumentParser
    import Foundation
    import PlanSite
    import PlanSiteServer

    struct ServeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Build the site, serve it, and rebuild and reload open pages on every change to content or theme."
        )

        @OptionGroup var site: SiteOptions

        @Option(help: "The output folder the preview is built into and served from.")
        var output: String = "public"

        @Option(name: .customLong("base-url"), help: "Where the site is hosted (default: the preview's own address).")
        var baseURL: String?

        @Flag(help: "Include events marked draft: true.")
        var drafts = false

        @Option(help: "The port to listen on (0: any free port).")
        var port: Int = 8080

        @Option(help: "The address to listen on; 127.0.0.1 keeps the preview on this machine.")
        var host: String = "127.0.0.1"

        @Flag(
            name: .customLong("no-wait"),
            help: "Fail a build at once when another build of the output folder is running, instead of waiting for it.")
        var noWait = false

        func validate() throws {
            try UsageChecks.baseURL(baseURL)
            try UsageChecks.sourceDateEpoch()
            try UsageChecks.output(output)
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        }

        func run() async throws {
            let options = BuildOptions(
                content: URL(fileURLWithPath: site.content), theme: URL(fileURLWithPath: site.theme),
                output: URL(fileURLWithPath: output), baseURL: baseURL, includeDrafts: drafts)
            var server = PreviewServer(options: options, host: host, port: port) { message in
                // Unbuffered writes: the address must show at once, also through a pipe.
                switch message {
                case .info(let text): FileHandle.standardOutput.write(Data((text + "\n").utf8))
                case .problem(let text): FileHandle.standardError.write(Data((text + "\n").utf8))
                }
            }
            server.waitsForOtherBuilds = !noWait
            do {
                try await server.run()
            } catch let failure as BuildFailure {
                try Report.finish(Result<Void, BuildFailure>.failure(failure), then: { _ in })
            } catch {
                // Not a usage error (exit 2): the address is taken or cannot be listened on.
                FileHandle.standardError.write(Data("cannot serve on \(host):\(port): \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
#endif
