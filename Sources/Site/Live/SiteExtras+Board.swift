extension SiteExtras {
    /// Where `translationBoard` puts the translation board.
    static let boardPath = "translations/index.html"
}
