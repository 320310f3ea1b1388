import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One build of an output folder at a time. Two builds of the same output (two terminals, or
/// `serve` and `build`) would share its staging folder, and each would remove the other's
/// files. Every build that writes holds an advisory `flock` on `.NAME.plansite-lock`, beside
/// the output folder with the other files PlanSite keeps there, from before it looks at the
/// previous build until its new output is in place.
///
/// The kernel lets go of the lock when the process ends, however it ends, so a killed build
/// never leaves the output locked. The file itself is left in place: removing it while
/// another build waits on it would let a third lock a new file of the same name.
public enum OutputLock {
    /// Runs `build` holding the lock of `options.output`. When another build holds it, waits
    /// for it (calling `waiting` first, once) or, without `wait`, fails at once.
    public static func building(
        _ options: BuildOptions, wait: Bool, waiting: () -> Void = {},
        _ build: () -> Result<BuildSummary, BuildFailure>
    )
        -> Result<BuildSummary, BuildFailure>
    {
        holding(options.output, wait: wait, waiting: waiting, build)
    }

    /// Runs `body` holding the lock of `output` (see `building`).
    public static func holding<Value>(
        _ output: URL, wait: Bool, waiting: () -> Void = {},
        _ body: () -> Result<Value, BuildFailure>
    ) -> Result<Value, BuildFailure> {
        let output = output.standardizedFileURL
        let shown = DisplayPath.of(output)
        let file = lockFile(of: output)
        var descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            // The output's parent folder is made by the build, as the staging folder's is.
            try? FileManager.default.createDirectory(
                at: output.deletingLastPathComponent(),
                withIntermediateDirectories: true)
            descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            return failure(
                shown,
                "cannot make the lock file \(DisplayPath.of(file)) beside the output folder: \(reason)")
        }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                return failure(shown, "cannot lock \(DisplayPath.of(file)): \(String(cString: strerror(errno)))")
            }
            guard wait else {
                return failure(
                    shown,
                    "another build of \(shown) is running; try again when it has finished "
                        + "(or leave out --no-wait to wait for it)")
            }
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    return failure(shown, "cannot lock \(DisplayPath.of(file)): \(String(cString: strerror(errno)))")
                }
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return body()
    }

    /// The lock file of an output folder: `.NAME.plansite-lock` in the folder that holds it.
    public static func lockFile(of output: URL) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).plansite-lock")
    }

    /// The message shown while a build waits for another.
    public static func waitingMessage(_ output: URL) -> String {
        "waiting for another build of \(DisplayPath.of(output.standardizedFileURL)) to finish…"
    }

    private static func failure<Value>(_ shown: String, _ message: String) -> Result<Value, BuildFailure> {
        .failure(BuildFailure(diagnostics: [.error(SourceLocation(path: shown), message)]))
    }
}
