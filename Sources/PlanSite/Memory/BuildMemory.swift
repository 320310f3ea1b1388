import Foundation
import PlanMedia

/// What earlier builds of the same output left, for this build to save work with: the one seam
/// between the pipeline and every cache. Each answer only saves work; the pipeline makes the
/// same bytes from `NoBuildMemory`, which remembers nothing (`BuildMemoryEquivalenceTests`).
///
/// A build asks, in this order: whether anything changed at all (`outputIsCurrent`), for the
/// events loaded before (`loadedEvent`), for the keys of what each file is made from
/// (`reuseKey`), for the calendar and feed fragments made before (`fragments`), and for the
/// files written before (`previousOutput`); it tells what it made as it goes (`remember…`), and
/// at the end whether it succeeded (`commit`) or failed (`discard`).
protocol BuildMemory: AnyObject, Sendable {
    /// Nothing the output depends on changed since the remembered build: nothing to do.
    var outputIsCurrent: Bool { get }
    /// The content folder as the memory's look at the inputs listed it (nil: the loader walks it).
    var walkedContent: WalkedFolders? { get }

    /// The event in `folder` as an earlier build loaded it from the same files.
    func loadedEvent(in folder: String) -> RememberedEvent?
    /// The events this build loaded (taken from memory or read), for the next build.
    func rememberLoaded(_ events: [LoadedEvent])

    /// What a file made from these event folders (and from what every page shows) is made from;
    /// a file with the same key as before may be kept. Nil: not known, always made.
    func reuseKey(forEventFolders folders: [String]) -> UInt64?
    /// The key of a file made from what every page shows and these paths (the sitemap).
    func reuseKey(forPaths paths: [[String]]) -> UInt64?

    /// Makes `digest` part of what every page shows, for every key from now on: a fact of the
    /// loaded site that the inputs' listing cannot see (its aliases, through which a kept page
    /// may link).
    func sharedInputsInclude(_ digest: UInt64)

    /// A language's calendar and feed fragments as an earlier build made them.
    func fragments(_ language: String) -> FragmentStore?
    /// A language's fragments as this build made them, for the next build.
    func rememberFragments(_ language: String, _ entries: [FragmentEntry])

    /// The digest and header of the image at `path`, read by an earlier build when the file
    /// was as `stamp` says it is now.
    func imageSource(path: String, stamp: FileStamp) -> (digest: String, header: ImageHeader)?
    func rememberImageSource(path: String, stamp: FileStamp, digest: String, header: ImageHeader)
    /// The pictures an earlier build made with this key (same source bytes, same recipe).
    func storedImage(_ key: DerivativeKey) -> StoredImage?
    func storeImage(_ key: DerivativeKey, _ image: ProcessedImage)

    /// The files an earlier build wrote into the output folder, as they were then. With them the
    /// writer updates the output in place, changed files only, through `updateJournal`.
    func previousOutput() -> BuildManifest?
    /// Where an in-place update records what it does, so that an interrupted one is finished by
    /// the next run; nil: never update in place.
    var updateJournal: URL? { get }
    /// The output is about to change: the record of it as it was is forgotten first, so that an
    /// interruption from here on makes the next build do all the work.
    func outputWillChange()

    /// The build succeeded and its output is in place: everything it made is remembered.
    func commit(files: [String: BuildManifest.Entry]) throws
    /// The build failed: the memory stays as the last successful build left it.
    func discard()
}

/// An event as a build loaded it: from its files, or from memory.
enum LoadedEvent: Sendable {
    case read(Event, warnings: [Diagnostic])
    case remembered(RememberedEvent)

    var event: Event {
        switch self {
        case .read(let event, _): return event
        case .remembered(let kept): return kept.entry.event
        }
    }

    var warnings: [Diagnostic] {
        switch self {
        case .read(_, let warnings): return warnings
        case .remembered(let kept): return kept.entry.warnings
        }
    }
}

/// An event from memory, with what the memory needs to remember it again cheaply.
struct RememberedEvent: Sendable {
    let entry: LoadCache.Entry
}

/// One event's fragments in one language: its VEVENT and its feed entry.
struct FragmentEntry: Sendable {
    let folder: String
    let key: UInt64
    let calendar: ArraySlice<UInt8>
    let feed: ArraySlice<UInt8>
}

/// The memory that remembers nothing: every file is made, every event read. (Open, so that a
/// test may remember one thing alone.)
class NoBuildMemory: BuildMemory, @unchecked Sendable {
    init() {}
    var outputIsCurrent: Bool { false }
    var walkedContent: WalkedFolders? { nil }
    func loadedEvent(in folder: String) -> RememberedEvent? { nil }
    func rememberLoaded(_ events: [LoadedEvent]) {}
    func reuseKey(forEventFolders folders: [String]) -> UInt64? { nil }
    func reuseKey(forPaths paths: [[String]]) -> UInt64? { nil }
    func sharedInputsInclude(_ digest: UInt64) {}
    func fragments(_ language: String) -> FragmentStore? { nil }
    func rememberFragments(_ language: String, _ entries: [FragmentEntry]) {}
    func imageSource(path: String, stamp: FileStamp) -> (digest: String, header: ImageHeader)? { nil }
    func rememberImageSource(path: String, stamp: FileStamp, digest: String, header: ImageHeader) {}
    func storedImage(_ key: DerivativeKey) -> StoredImage? { nil }
    func storeImage(_ key: DerivativeKey, _ image: ProcessedImage) {}
    func previousOutput() -> BuildManifest? { nil }
    var updateJournal: URL? { nil }
    func outputWillChange() {}
    func commit(files: [String: BuildManifest.Entry]) throws {}
    func discard() {}
}
