import Images
import Testing

@Suite struct VipsCodecTests {
    @Test func widthsAreNeverUpscaled() {
        let settings = ImageSettings()
        #expect(settings.widths(for: 3000) == [480, 960, 1440])
        #expect(settings.widths(for: 1440) == [480, 960, 1440])
        #expect(settings.widths(for: 1000) == [480, 960, 1000])
        #expect(settings.widths(for: 600) == [480, 600])
        #expect(settings.widths(for: 300) == [300])
    }

    @Test func aPNGBecomesWebPAndPNGAtEachWidth() throws {
        let image = try VipsCodec.process(TestImages.stripes, format: .png, settings: ImageSettings()).get()
        #expect(image.fallback == .png)
        #expect(
            image.variants.map { "\($0.width)x\($0.height) \($0.format.rawValue)" } == [
                "480x320 webp", "480x320 png", "600x400 webp", "600x400 png",
            ])
        for variant in image.variants {
            let magic = variant.format == .png ? Array("\u{89}PNG".unicodeScalars.map { UInt8($0.value) }) : Array("RIFF".utf8)
            #expect(Array(variant.bytes.prefix(4)) == magic)
        }
    }

    @Test func encodingTwiceGivesTheSameBytes() throws {
        let first = try VipsCodec.process(TestImages.stripes, format: .png, settings: ImageSettings()).get()
        let second = try VipsCodec.process(TestImages.stripes, format: .png, settings: ImageSettings()).get()
        #expect(first == second)
    }

    @Test func aFileThatIsNotWhatItsNameSaysIsRefused() {
        #expect(
            VipsCodec.process(TestImages.stripes, format: .jpeg, settings: ImageSettings())
                == .failure(VipsCodec.Failure(detail: "this file is not a JPEG image although its name says so")))
        #expect(
            VipsCodec.process(Array("not an image".utf8), format: .png, settings: ImageSettings())
                == .failure(VipsCodec.Failure(detail: "this file is not a PNG image although its name says so")))
    }

    @Test func aPNGWithDamagedPixelDataIsRefusedNotPublished() throws {
        // The zlib header at the start of the first IDAT chunk's data is overwritten: libvips' default
        // ("fail_on=none") warned on stderr and published whatever it had read.
        var damaged = TestImages.stripes
        let idat = try #require((0..<damaged.count - 4).first { Array(damaged[$0..<$0 + 4]) == Array("IDAT".utf8) })
        damaged[idat + 4] = 0xFF
        damaged[idat + 5] = 0xFF
        guard case .failure(let failure) = VipsCodec.process(damaged, format: .png, settings: ImageSettings()) else {
            Issue.record("a damaged PNG was processed")
            return
        }
        #expect(failure.detail.hasPrefix("the image cannot be decoded (libvips: "))
        #expect(failure.detail.hasSuffix("); open it in an image editor and save it again"))
    }

    @Test func webPMetadataChunksAreRemoved() {
        func chunk(_ tag: String, _ payload: [UInt8]) -> [UInt8] {
            let size = payload.count
            return Array(tag.utf8) + [UInt8(size & 255), UInt8(size >> 8 & 255), 0, 0] + payload + (size % 2 == 1 ? [0] : [])
        }
        let body =
            Array("WEBP".utf8) + chunk("VP8X", [0x2C, 0, 0, 0, 0, 0, 0, 0, 0, 0]) + chunk("VP8 ", [1, 2, 3, 4])
            + chunk("EXIF", Array("GPS 50N".utf8)) + chunk("XMP ", [9, 9])
        let file = Array("RIFF".utf8) + [UInt8(body.count), 0, 0, 0] + body
        let stripped = WebPMetadata.strip(file)
        let expectedBody = Array("WEBP".utf8) + chunk("VP8X", [0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0]) + chunk("VP8 ", [1, 2, 3, 4])
        #expect(stripped == Array("RIFF".utf8) + [UInt8(expectedBody.count), 0, 0, 0] + expectedBody)
    }
}
