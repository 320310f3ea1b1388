import ArgumentParser
import Foundation
import PlanSite

/// Checks of what the command line and the environment give, made before anything is read:
/// each failure is a usage error (exit status 2) naming the option or variable.
enum UsageChecks {
    static func baseURL(_ given: String?) throws {
        if let given, BaseURL.normalized(given) == nil {
            throw ValidationError(
                "--base-url must be an absolute http or https URL with no spaces or quotes, "
                    + "such as https://example.org/plan/")
        }
    }

    /// A malformed `SOURCE_DATE_EPOCH` is refused rather than silently replaced by the clock:
    /// a reproducible build that is not reproducible must say so (reproducible-builds.org).
    static func sourceDateEpoch(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if let problem = BuildClock.problem(environment: environment) { throw ValidationError(problem) }
    }

    static func output(_ path: String) throws {
        if let problem = OutputSiblings.nameProblem(URL(fileURLWithPath: path)) { throw ValidationError(problem) }
    }
}
