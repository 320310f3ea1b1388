/// Collects every problem of a run, so the editor sees all of them at once; the build fails
/// once, at the end of a stage, when any of them is an error.
public struct DiagnosticLog: Sendable {
    public private(set) var entries: [Diagnostic] = []

    public init() {}

    public mutating func add(_ diagnostic: Diagnostic) {
        entries.append(diagnostic)
    }

    public mutating func error(_ location: SourceLocation, _ message: String) {
        entries.append(.error(location, message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String) {
        entries.append(Diagnostic(.warning, at: location, message))
    }

    public var hasErrors: Bool { entries.contains { $0.severity == .error } }

    /// In file order, then line and column, so output is stable whatever order work ran in.
    public var sorted: [Diagnostic] {
        entries.enumerated().sorted { a, b in
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// Thrown when a stage ends with errors; carries every diagnostic of the run.
public struct BuildFailure: Error, Sendable {
    public let diagnostics: [Diagnostic]
    /// False only when an update of the output stopped half-way and could not be undone: the
    /// next build finishes it.
    public var outputLeftAsItWas = true

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
