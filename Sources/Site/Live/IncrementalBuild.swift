import Content
import Diagnostics
import Foundation
import Output

/// What an incremental rebuild did.
enum IncrementalOutcome {
    /// The edit was served incrementally: these files changed (the library and cache were updated).
    case updated([OutputFile])
    /// The edit is not one the fast path serves (a new file, a route or list changed, a new day or
    /// deadline state, no previous build): a full build with the cache is needed. Nothing was changed.
    case needsFullBuild
    /// The edited files have errors. Nothing was changed.
    case failed(BuildFailure)
}

/// The one incremental entry point behind `guidepost serve`: an edit of article bodies re-renders only
/// the pages it affects, changing the library and the cache in place.
enum IncrementalBuild {
    /// Applies the change of `changed` files to `library` and `cache` when it is an edit of article bodies,
    /// rendered at `options.now`. On `needsFullBuild` or `failed`, `library` and `cache` are as they were.
    static func run(_ options: BuildOptions, changed: [String], library: inout SiteLibrary, cache: inout RenderCache) -> IncrementalOutcome
    {
        let pages: [Page]
        switch SiteLoader.reparse(options, previous: library, changed: changed) {
        case .articles(let edited, outlineKept: true): pages = edited
        case .articles(_, outlineKept: false), .needsFullLoad: return .needsFullBuild
        case .failed(let failure): return .failed(failure)
        }
        let replaced = pages.compactMap { library.replace($0) }
        let edited = pages.map { Router.PageID(language: $0.language, relativePath: $0.relativePath) }
        // `update` changes the cache only when it succeeds; the library goes back as it was otherwise.
        let outcome = SiteBuilder.update(library, edited: edited, now: options.now, cache: &cache)
        if case .updated = outcome { return outcome }
        for page in replaced { library.replace(page) }
        return outcome
    }
}
