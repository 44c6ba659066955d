/// The Markdown bodies of a streaming build's jobs, one slot per job, each handed out once and then let go,
/// so a body is held only until the jobs that show it are rendered (issue 21: the bodies were most of
/// what a large build still held at its end).
final class BodyStore: @unchecked Sendable {
    /// One body per job. A slot is read and emptied only by the thread rendering that job, so threads
    /// never touch the same slot (the buffer, unlike an array, is never copied on write).
    private let slots: UnsafeMutableBufferPointer<String>

    /// Holds the body of each job's page in `library` (which the caller then empties).
    init(_ jobs: [SiteBuilder.Job], of library: borrowing SiteLibrary) {
        slots = .allocate(capacity: jobs.count)
        slots.initialize(repeating: "")
        for index in jobs.indices { slots[index] = library.pages[jobs[index].pageIndex].body }
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    /// The body of job `index`, which the store no longer holds: a second call gives "".
    func take(_ index: Int) -> String {
        let body = slots[index]
        slots[index] = ""
        return body
    }
}
