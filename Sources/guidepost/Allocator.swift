// The executable links mimalloc, which takes over malloc and free for the whole process (Swift's runtime,
// Foundation and cmark-gfm included). A build allocates and frees millions of small strings and nodes
// across threads; mimalloc's thread-local free lists made builds about 10 % faster than glibc's malloc
// in the benchmark (bench/run.sh). Importing the module is what links it.
import CMimalloc

/// How the process's allocator (mimalloc) is set up for a build.
enum Allocator {
    /// Makes mimalloc give freed pages back to the system at once rather than after a delay (25 ms for a
    /// page, 500 ms for a segment by default): a build frees each rendered page soon after making it, and
    /// the delay kept those pages counted in the peak resident memory (about 7 % of it at 3 × 3,000, no
    /// slower in the benchmark).
    static func returnFreedMemoryAtOnce() {
        mi_option_set(mi_option_decommit_delay, 0)
        mi_option_set(mi_option_segment_decommit_delay, 0)
    }

    /// mimalloc's delays before it gives freed memory back, in milliseconds: (page, segment).
    static var decommitDelays: (page: Int, segment: Int) {
        (mi_option_get(mi_option_decommit_delay), mi_option_get(mi_option_segment_decommit_delay))
    }
}
