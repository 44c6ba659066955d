import Foundation
import Site
import Testing

/// A missing Pagefind is named as such, with how to install it or turn search off (issue 14, messages).
@Suite struct SearchIndexTests {
    @Test func missingPagefindSaysWhereItWasLookedFor() throws {
        let site = try ValueSite()
        try site.edit("site.json", #""campaigns": ["demo"]"#, #""campaigns": ["demo"], "search": true"#)
        var options = site.options()
        options.pagefind = site.work.appendingPathComponent("no-such/pagefind").path
        #expect(
            site.errors(options) == [
                #"content/site.json:1:1: error: "search" is on but Pagefind was not found at no-such/pagefind; install it, or set "search": false in content/site.json"#
            ])
        // The front end says how to install it or point at it.
        options.advice.installPagefind = "install it (pip install 'pagefind[bin]', or make site), pass --pagefind <path>"
        #expect(
            site.errors(options) == [
                #"content/site.json:1:1: error: "search" is on but Pagefind was not found at no-such/pagefind; install it (pip install 'pagefind[bin]', or make site), pass --pagefind <path>, or set "search": false in content/site.json"#
            ])
    }
}
