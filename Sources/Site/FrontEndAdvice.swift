/// Words the front end adds to the core's messages: how to change what only it controls (its flags, how it
/// installs a tool). The core's messages read as whole sentences without them.
public struct FrontEndAdvice: Sendable {
    /// How to make a build wait for another one writing the same output (after "try again, or ").
    public var lockedOutput: String?
    /// How to give Pagefind more time (after "check that it works on its own, or ").
    public var pagefindTimeout: String?
    /// How to get Pagefind or point at it (before ", or set "search": false").
    public var installPagefind = "install it"

    /// No advice beyond the core's own.
    public init() {}
}
