import Testing

@testable import guidepost

/// A build asks mimalloc to give freed memory back at once, which lowers its peak resident memory (issue 21, item 3).
@Suite struct AllocatorTests {
    @Test func aBuildReturnsFreedMemoryWithoutDelay() {
        Allocator.returnFreedMemoryAtOnce()
        let delays = Allocator.decommitDelays
        #expect(delays.page == 0)
        #expect(delays.segment == 0)
    }
}
