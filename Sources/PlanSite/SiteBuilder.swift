import Foundation

/// The pipeline in one screen: load -> resolve -> render -> write. The memory of earlier builds
/// (`BuildMemory`) only saves work: with `NoBuildMemory` every stage makes the same bytes.
public enum SiteBuilder {
    /// Builds the site into `options.output`; a failed build leaves it exactly as it was.
    public static func build(_ options: BuildOptions) -> Result<BuildSummary, BuildFailure> {
        var options = options
        options.output = OutputLocation.resolved(options.output)
        let memory: BuildMemory = options.remembers ? OutputFolderMemory(options: options) : NoBuildMemory()
        let writer = OutputWriter(output: options.output, memory: memory)
        if let refusal = writer.check(protecting: [options.content, options.theme]) {
            return .failure(BuildFailure(diagnostics: [refusal]))
        }
        if memory.outputIsCurrent { return .success(.nothingChanged) }
        let result = run(options, memory: memory, writer: writer)
        if case .failure = result { memory.discard() }
        return result
    }

    /// Why the output folder may not be written, if it may not.
    public static func outputRefusal(_ options: BuildOptions) -> Diagnostic? {
        OutputWriter(output: OutputLocation.resolved(options.output), memory: NoBuildMemory())
            .check(protecting: [options.content, options.theme])
    }

    /// Loads, checks and plans everything, writing nothing.
    public static func check(_ options: BuildOptions) -> Result<BuildSummary, BuildFailure> {
        run(options, memory: NoBuildMemory(), writer: nil)
    }

    private static func run(
        _ options: BuildOptions, memory: BuildMemory,
        writer: OutputWriter?
    ) -> Result<BuildSummary, BuildFailure> {
        var phases = PhaseTimer()
        let loaded = BuildStages.load(options, memory: memory)
        phases.end("load")
        guard let site = loaded.site, let theme = loaded.theme else {
            return .failure(BuildFailure(diagnostics: loaded.problems))
        }
        let resolved = BuildStages.resolve(site, theme: theme, options: options, memory: memory)
        phases.end("check and plan")
        guard let plan = resolved.plan else { return .failure(BuildFailure(diagnostics: resolved.problems)) }
        guard let writer else { return .success(plan.summary(warnings: resolved.problems, writer: nil)) }
        let media: PublishedMedia
        do {
            media = try BuildStages.render(plan, theme: theme, options: options, writer: writer)
            phases.end("render and write")
            try memory.commit(files: try writer.commit())
            phases.end("swap in")
        } catch let failed as MediaPublisher.Failures {
            writer.discard()
            let warnings = resolved.problems.filter { $0.severity == .warning }
            return .failure(
                BuildFailure(diagnostics: (failed.diagnostics + warnings).sorted { $0.location < $1.location }))
        } catch {
            writer.discard()
            var failure = BuildFailure(diagnostics: [BuildStages.diagnostic(for: error, output: writer.output)])
            failure.outputLeftAsItWas = (error as? UpdateJournal.Failed)?.rolledBack ?? true
            return .failure(failure)
        }
        var summary = plan.summary(warnings: resolved.problems, writer: writer)
        summary.phases = phases.finished
        (summary.imagesMade, summary.imagesFromStore) = (media.made, media.fromStore)
        // The model and the plan's files, not the render context: its theme holds `Data`, whose storage
        // LeakSanitizer cannot see through (a tagged reference) while another thread holds it.
        ReleaseAfterBuild.release(site, plan.pages)
        return .success(summary)
    }
}
