import Foundation
import PlanSite

/// What the browser is told after each build.
struct BuildState: Sendable, Codable, Equatable {
    /// Counts successful builds: a new number means "reload".
    let build: Int
    /// The diagnostics of the last build when it failed (the site served is the build before).
    let problems: String?
}

/// Runs builds one at a time and tells every open page how each went.
actor LiveBuild {
    private var options: BuildOptions
    private var ready = false
    private var closed = false
    private(set) var state = BuildState(build: 0, problems: nil)
    private var listeners: [UUID: AsyncStream<BuildState>.Continuation] = [:]
    private let report: @Sendable (ServeMessage) -> Void
    private let waitsForOtherBuilds: Bool

    init(options: BuildOptions, waitsForOtherBuilds: Bool = true, report: @escaping @Sendable (ServeMessage) -> Void) {
        self.options = options
        self.waitsForOtherBuilds = waitsForOtherBuilds
        self.report = report
    }

    /// The first build waits for the port, since the site's absolute links name it.
    @discardableResult
    func start(baseURL: String) -> BuildState {
        if options.baseURL == nil { options.baseURL = baseURL }
        ready = true
        return rebuild()
    }

    @discardableResult
    func rebuild() -> BuildState {
        guard ready, !closed else { return state }
        var options = options
        options.now = BuildClock.now()
        let clock = ContinuousClock()
        let started = clock.now
        let report = report
        let result = OutputLock.building(
            options, wait: waitsForOtherBuilds,
            waiting: { report(.problem(OutputLock.waitingMessage(options.output))) }
        ) {
            SiteBuilder.build(options)
        }
        switch result {
        case .success(let summary):
            let elapsed = (clock.now - started).components
            let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
            summary.warnings.forEach { report(.problem($0.description)) }
            report(.info("built \(summary.files) files in \(milliseconds) ms"))
            state = BuildState(build: state.build + 1, problems: nil)
        case .failure(let failure):
            let text = failure.diagnostics.map(\.description).joined(separator: "\n")
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            report(.problem(text + "\n\(errors) error\(errors == 1 ? "" : "s"); still serving the last good site"))
            state = BuildState(build: state.build, problems: text)
        }
        for listener in listeners.values { listener.yield(state) }
        return state
    }

    /// The states from now on, starting with the current one.
    func subscribe() -> AsyncStream<BuildState> {
        let (stream, continuation) = AsyncStream.makeStream(of: BuildState.self, bufferingPolicy: .bufferingNewest(1))
        continuation.yield(state)
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    /// Ends every event stream, so the server's graceful shutdown is not held open by them.
    func close() {
        closed = true
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }

    private func unsubscribe(_ id: UUID) {
        listeners[id] = nil
    }
}

/// What `serve` prints: progress on standard output, problems on standard error.
public enum ServeMessage: Sendable, Equatable {
    case info(String)
    case problem(String)
}
