import Diagnostics
import Foundation
import Output
import Templates

extension RenderCache {
    /// Builds all files through `SiteBuilder`'s steps, rendering only the pages whose inputs changed since
    /// this cache was filled (an empty cache renders everything), then refills the cache from the build.
    /// On failure the cache stays as it was.
    mutating func build(_ library: SiteLibrary, now: Date) -> Result<BuiltSite, BuildFailure> {
        let plan = SiteBuilder.Plan(library, now: now)
        // Inputs shared by every page, hashed once per build.
        let shared = BuildFingerprint(library, views: plan.views, now: now)
        let hits: [Entry?] = plan.jobs.map { job in
            guard let entry = entries[job.path] else { return nil }
            let fingerprint = shared.of(
                job, library: library, usedFacts: entry.rendered.usedFacts, linkedPages: entry.rendered.linkedPages,
                usedFiles: entry.rendered.usedFiles)
            return fingerprint == entry.fingerprint ? entry : nil
        }
        let outcomes = SiteBuilder.renderAll(plan, reused: hits.map { $0?.rendered })
        var extrasMade: (fingerprint: Int, files: [OutputFile])?
        let previousExtras = extras
        let result = SiteBuilder.assemble(plan, outcomes) { audit, published throws(TemplateError) in
            // Site-wide files are rebuilt only when something they read changed.
            let fingerprint = shared.extras(library, audit: audit)
            if let cached = previousExtras, cached.fingerprint == fingerprint {
                extrasMade = cached
            } else {
                extrasMade = (
                    fingerprint,
                    try SiteExtras.files(library: library, views: plan.views, now: now, audit: audit, publishedPaths: published)
                )
            }
            return extrasMade!.files
        }
        guard case .success(let site) = result else { return result }
        refill(plan, outcomes, hits: hits, shared: shared)
        self.shared = shared
        audit = site.audit
        navigation = plan.views.navigation
        extras = extrasMade
        boardPending = nil
        return result
    }

    /// Replaces the entries with this build's pages: the reused ones as they were, the others with their
    /// new fingerprint; `renderedPaths` names the pages rendered again.
    private mutating func refill(_ plan: SiteBuilder.Plan, _ outcomes: [SiteBuilder.Outcome], hits: [Entry?], shared: BuildFingerprint) {
        var next = RenderCache()
        for (index, outcome) in outcomes.enumerated() {
            guard case .success(let page) = outcome.result else { continue }
            let job = plan.jobs[index]
            if let hit = hits[index] {
                next.entries[job.path] = hit
                continue
            }
            let fingerprint = shared.of(
                job, library: plan.library, usedFacts: page.usedFacts, linkedPages: page.linkedPages, usedFiles: page.usedFiles)
            next.entries[job.path] = Entry(fingerprint: fingerprint, rendered: page)
            next.renderedPaths.append(page.file.path)
        }
        for (path, entry) in next.entries where entry.rendered.report != nil && !entry.rendered.anchors.isEmpty {
            next.indexAnchors(from: path, entry.rendered.anchors, router: plan.library.router)
        }
        entries = next.entries
        renderedPaths = next.renderedPaths
        anchorsInto = next.anchorsInto
    }
}
