import Foundation
import Site
import Testing

/// The banner's machine-readable instant, its countdown and its printed time are one moment (issue 14, item 16).
@Suite struct BannerFactoryTests {
    @Test func datetimeAndCountdownAgreeOnAnOffsetPickedInAFold() throws {
        let site = try ValueSite()
        try site.edit("facts/demo.json", #""instant": "2025-05-27T00:00:00""#, #""instant": "2025-10-26T02:30+01:00""#)
        _ = try Guidepost.build(site.options())
        let page = try String(contentsOf: site.output.appendingPathComponent("en/guides/steps/index.html"), encoding: .utf8)
        #expect(page.contains("datetime=\"2025-10-26T02:30:00+01:00\""))
        #expect(
            page.contains(
                "data-deadline=\"\(Int(ISO8601DateFormatter().date(from: "2025-10-26T01:30:00Z")!.timeIntervalSince1970) * 1000)\""))
        #expect(page.contains("26 October 2025 at 02:30"))
    }

    @Test func deadlineInAGapIsRefused() throws {
        let site = try ValueSite()
        try site.edit("facts/demo.json", #""instant": "2025-05-27T00:00:00""#, #""instant": "2025-03-30T02:30""#)
        #expect(
            site.errors(site.options()) == [
                #"content/facts/demo.json:2:27: error: "2025-03-30T02:30" does not exist in Europe/Brussels: on 30 March 2025 the clocks jump from 02:00 to 03:00; write "2025-03-30T03:30" (03:30+02:00) or "2025-03-30T01:30" (01:30+01:00), whichever you mean"#
            ])
    }
}
