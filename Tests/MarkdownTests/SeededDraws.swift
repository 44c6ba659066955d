/// A fixed sequence of pseudo-random draws for the tests that compare a fast path with the code it replaced
/// over many generated inputs (a 64-bit LCG: the same seed gives the same inputs on every run and machine).
struct SeededDraws {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next draw, in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
