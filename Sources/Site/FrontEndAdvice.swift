/// Words the front end adds to the core's messages: how to change what only it controls (its flags, how it
/// installs a tool). The core's messages read as whole sentences without them.
public struct FrontEndAdvice: Sendable {
    /// How to make a build wait for another one writing the same output (after "try again, or ").
    public var lockedOutput: String?
    /// How to give Pagefind more time (after "check that it works on its own, or ").
    public var pagefindTimeout: String?
    /// How to get Pagefind or point at it (before ", or set "search": false").
    public var installPagefind = "install it"
    /// How to record that a translation matches its source (after "review it, then ").
    public var markTranslation = FrontEndAdvice.markReviewed
    /// What makes new pages without overwriting any (in "this file already exists, and … never overwrites").
    public var newPages = "Guidepost"

    /// The core's own words for marking a translation reviewed.
    public static let markReviewed = "mark it as reviewed"

    /// No advice beyond the core's own.
    public init() {}
}
