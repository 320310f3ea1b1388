import Foundation
import Hummingbird
import Logging
import PlanSite
import ServiceLifecycle

/// `plansite serve`: builds the site, serves the output folder, rebuilds when `content/` or
/// `theme/` changes, and tells open pages to reload.
public struct PreviewServer: Sendable {
    public var options: BuildOptions
    public var host: String
    /// 0 picks a free port (tests); `onReady` is told which.
    public var port: Int
    public var pollInterval: Duration = .milliseconds(300)
    public var settleInterval: Duration = .milliseconds(100)
    public var report: @Sendable (ServeMessage) -> Void
    /// Whether a build waits for another build of the same output folder (`OutputLock`), or
    /// fails at once (`--no-wait`).
    public var waitsForOtherBuilds = true

    public init(
        options: BuildOptions, host: String = "127.0.0.1", port: Int = 8080,
        report: @escaping @Sendable (ServeMessage) -> Void
    ) {
        self.options = options
        self.host = host
        self.port = port
        self.report = report
    }

    /// A started server, as `onReady` is told of it.
    public struct Running: Sendable {
        public let port: Int
        let stopper: AsyncStream<Void>.Continuation

        /// Shuts down as Ctrl-C does: event streams closed, then the server drained.
        public func stop() {
            stopper.yield()
        }
    }

    /// Serves until SIGINT or SIGTERM (when `handleSignals`) or `Running.stop()`.
    /// Throws `BuildFailure` at once when the output folder may not be written.
    public func run(handleSignals: Bool = true, onReady: @escaping @Sendable (Running) async -> Void = { _ in })
        async throws
    {
        let options = options, report = report
        let checked = OutputLock.holding(
            options.output, wait: waitsForOtherBuilds,
            waiting: { report(.problem(OutputLock.waitingMessage(options.output))) }
        ) {
            () -> Result<Void, BuildFailure> in
            guard let refusal = SiteBuilder.outputRefusal(options) else { return .success(()) }
            return .failure(BuildFailure(diagnostics: [refusal]))
        }
        if case .failure(let failure) = checked { throw failure }
        let live = LiveBuild(options: options, waitsForOtherBuilds: waitsForOtherBuilds, report: report)
        var logger = Logger(label: "plansite.serve")
        logger.logLevel = .warning
        let host = host
        let (stopRequests, stopper) = AsyncStream.makeStream(of: Void.self)
        let basePath = options.baseURL.flatMap { BaseURL.normalized($0) }.flatMap { URL(string: $0)?.path } ?? "/"
        let responder = SiteResponder(
            root: options.output.standardizedFileURL,
            basePath: basePath.hasSuffix("/") ? basePath : basePath + "/", live: live)
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
                await live.start(baseURL: address)
                report(.info("serving \(address) (Ctrl-C to stop)"))
                await onReady(Running(port: port, stopper: stopper))
            },
            logger: logger
        )
        let watcher = FolderWatcher(
            folders: [options.content, options.theme], interval: pollInterval, settle: settleInterval)
        // Shut down last-listed first: the watcher ends the event streams, then the server drains.
        let group = ServiceGroup(
            configuration: .init(
                services: [app, WatchService(watcher: watcher, live: live)],
                gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
                logger: logger
            ))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                for await _ in stopRequests {
                    await group.triggerGracefulShutdown()
                    return
                }
            }
            // Ends the stop task too, also when the server could not start (port in use).
            defer { stopper.finish() }
            try await group.run()
        }
        report(.info("stopped"))
    }
}

/// Rebuilds on every settled change until shutdown, then closes the pages' event streams.
struct WatchService: Service {
    let watcher: FolderWatcher
    let live: LiveBuild

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await watcher.watch { await live.rebuild() }
        }
        await live.close()
    }
}
