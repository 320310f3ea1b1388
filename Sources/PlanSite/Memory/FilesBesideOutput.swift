import Foundation

/// The files a build keeps beside the output folder for the next build, never inside it (two
/// builds' folders stay byte-identical, and nothing of them is published). For `public`:
/// `.public.plansite-manifest`, `-cache`, `-fragments-LANG`, `-images` and `-journal`. They may be deleted
/// at any time: the next build then does all the work again and makes the same output.
struct FilesBesideOutput: Sendable {
    let output: URL

    init(output: URL) { self.output = output.standardizedFileURL }

    private func named(_ suffix: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).plansite-\(suffix)")
    }

    /// What the last build wrote and the fingerprint of its inputs (`BuildManifest`).
    var manifest: URL { named("manifest") }
    /// The events as the last build loaded them (`LoadCache`).
    var loadCache: URL { named("cache") }
    /// One language's calendar and feed fragments (`FragmentStore`).
    func fragments(_ language: String) -> String { named("fragments-\(language)").path }
    /// The pictures made before (`ImageStore`), unless `--image-cache` puts them elsewhere.
    var images: URL { named("images") }
    /// An in-place update being carried out (`UpdateJournal`).
    var journal: URL { named("journal") }
}
