import Site

/// What `/pagefind/pagefind-ui.js` answers in the preview while its search index is not ready.
enum PreviewSearchScript {
    /// The stand-in for Pagefind's UI script in `state`: while the first index is made, the search box says
    /// so, asks `/__guidepost/search` until it is ready, then loads Pagefind's own script in its place;
    /// when search is unavailable, it says that search is off.
    static func script(_ state: PreviewSearch.State) -> String {
        state == .indexing ? indexing : LiveReload.searchOff
    }

    /// The stand-in while the first index is made (Resources/search-indexing.js).
    static let indexing = LiveReload.text(PackageResources.search_indexing_js)
}
