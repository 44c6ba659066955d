import CVips
import Foundation

/// Decodes, resizes and encodes raster images with libvips.
///
/// This is the only file that touches vips pointers: each image is released here with `defer` and
/// `g_object_unref`, each encoded buffer with `g_free`. libvips is initialised once, on first use.
public enum VipsCodec {
    /// Images larger than this many pixels are refused (a phone screenshot is about 3 million).
    public static let pixelLimit = 50_000_000

    /// What went wrong with one image, in plain words.
    public struct Failure: Error, Sendable, Equatable {
        /// The explanation.
        public var detail: String

        /// Creates a failure.
        public init(detail: String) { self.detail = detail }
    }

    /// `vips_init` exactly once, thread-safely (Swift's lazy statics); also blocks loaders that libvips
    /// marks as untrusted, and turns off its operation cache (every image is processed once). libvips is
    /// loaded then (`dlopen`); nil when ready, else why it is not.
    private static let unavailable: String? = {
        switch vips_init("guidepost") {
        case 0: break
        case -2:
            return
                "libvips (libvips.so.42), which resizes and encodes raster images, could not be loaded; install it (Debian: libvips42, which make site installs), or use only SVG images"
        case -3: return "the installed libvips (libvips.so.42) lacks functions Guidepost calls; install libvips 8.13 or newer"
        default: return "libvips could not be initialised"
        }
        vips_block_untrusted_set(1)
        vips_cache_set_max(0)
        return nil
    }()

    /// The loader each format must be read by (the bytes are sniffed, never trusted by name).
    private static func expectedLoader(_ format: RasterFormat) -> String {
        switch format {
        case .png: return "VipsForeignLoadPngBuffer"
        case .jpeg: return "VipsForeignLoadJpegBuffer"
        case .webp: return "VipsForeignLoadWebpBuffer"
        }
    }

    /// Resizes `bytes` (a `format` image) to `settings`' widths, encoding each as WebP and in the fallback
    /// format, all metadata stripped.
    public static func process(_ bytes: [UInt8], format: RasterFormat, settings: ImageSettings) -> Result<ProcessedImage, Failure> {
        if let unavailable { return .failure(Failure(detail: unavailable)) }
        let first = gate.shared { run(bytes, format: format, settings: settings) }
        guard case .failure = first else { return first }
        // libvips keeps one error buffer for the whole process, which other images' work writes and clears
        // meanwhile: a failure is run again with no other image being processed, so its message is libvips'
        // own for this image, the same on every run.
        return gate.exclusive {
            vips_error_clear()
            return run(bytes, format: format, settings: settings)
        }
    }

    /// Images are processed side by side under `shared`; a failure is repeated alone under `exclusive`.
    private static let gate = ReadWriteLock()

    private static func run(_ bytes: [UInt8], format: RasterFormat, settings: ImageSettings) -> Result<ProcessedImage, Failure> {
        bytes.withUnsafeBytes { buffer -> Result<ProcessedImage, Failure> in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return .failure(Failure(detail: "the file is empty")) }
            let loader = gp_loader(base, buffer.count).map { String(cString: $0) }
            guard loader == expectedLoader(format) else {
                vips_error_clear()
                return .failure(Failure(detail: "this file is not a \(format.rawValue.uppercased()) image although its name says so"))
            }
            guard let loaded = gp_load(base, buffer.count) else { return .failure(lastError("cannot be decoded")) }
            defer { g_object_unref(loaded) }
            let width = Int(vips_image_get_width(loaded))
            let height = Int(vips_image_get_height(loaded))
            guard width > 0, height > 0, width * height <= pixelLimit else {
                return .failure(
                    Failure(
                        detail:
                            "the image is \(width) × \(height) pixels; Guidepost publishes images of at most \(pixelLimit / 1_000_000) million pixels, so make it smaller"
                    ))
            }
            var upright: UnsafeMutablePointer<VipsImage>?
            guard gp_autorot(loaded, &upright) == 0, let upright else { return .failure(lastError("cannot be turned upright")) }
            defer { g_object_unref(upright) }
            // Decoded once into memory, then resized to every width from there.
            guard let decoded = vips_image_copy_memory(upright) else { return .failure(lastError("cannot be decoded")) }
            defer { g_object_unref(decoded) }
            let fallback: RasterFormat = format == .webp ? .webp : format
            var variants: [ProcessedImage.Variant] = []
            for target in settings.widths(for: Int(vips_image_get_width(decoded))) {
                var resized: UnsafeMutablePointer<VipsImage>?
                guard gp_thumbnail(decoded, &resized, Int32(target)) == 0, let resized else {
                    return .failure(lastError("cannot be resized"))
                }
                defer { g_object_unref(resized) }
                var bare: UnsafeMutablePointer<VipsImage>?
                guard gp_bare(resized, &bare) == 0, let bare else { return .failure(lastError("cannot be copied")) }
                defer { g_object_unref(bare) }
                let size = (Int(vips_image_get_width(bare)), Int(vips_image_get_height(bare)))
                for output in fallback == .webp ? [RasterFormat.webp] : [.webp, fallback] {
                    switch encode(bare, output, settings: settings) {
                    case .success(let encoded): variants.append(.init(width: size.0, height: size.1, format: output, bytes: encoded))
                    case .failure(let failure): return .failure(failure)
                    }
                }
            }
            return .success(ProcessedImage(fallback: fallback, variants: variants))
        }
    }

    private static func encode(_ image: UnsafeMutablePointer<VipsImage>, _ format: RasterFormat, settings: ImageSettings) -> Result<
        [UInt8], Failure
    > {
        var output: UnsafeMutableRawPointer?
        var length = 0
        let status: Int32
        switch format {
        case .webp: status = gp_webp(image, &output, &length, Int32(settings.webpQuality))
        case .png: status = gp_png(image, &output, &length)
        case .jpeg: status = gp_jpeg(image, &output, &length, Int32(settings.jpegQuality))
        }
        guard status == 0, let output else { return .failure(lastError("cannot be encoded as \(format.rawValue.uppercased())")) }
        defer { g_free(output) }
        let bytes = Array(UnsafeRawBufferPointer(start: output, count: length))
        return .success(format == .webp ? WebPMetadata.strip(bytes) : bytes)
    }

    /// libvips' own message (its error buffer is then cleared), after what failed.
    private static func lastError(_ what: String) -> Failure {
        let detail =
            vips_error_buffer().map { String(cString: $0) }?
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        vips_error_clear()
        return Failure(
            detail: "the image \(what)" + (detail.isEmpty ? "" : " (libvips: \(detail))") + "; open it in an image editor and save it again"
        )
    }
}

/// A lock many may hold at once (`shared`) or one alone (`exclusive`), over `pthread_rwlock_t`.
private final class ReadWriteLock: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)

    init() { pthread_rwlock_init(lock, nil) }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func shared<T>(_ body: () -> T) -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return body()
    }

    func exclusive<T>(_ body: () -> T) -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return body()
    }
}
