#ifndef GUIDEPOST_CVIPS_SHIM_H
#define GUIDEPOST_CVIPS_SHIM_H
#include <dlfcn.h>
#include <stddef.h>

/* libvips is loaded with dlopen on first use, not linked: with its ~100 dependencies (GLib, cairo, X11,
   HDF5, GnuTLS, …) it was most of the start-up cost of every run, images or not (README, Performance).
   The functions Guidepost calls are declared here with libvips's names and C types (libvips 8, soname
   libvips.so.42) and call through pointers looked up once, in vips_init. Swift cannot call C's variadic
   functions: each variadic call is wrapped below (gp_*) with its options spelled out. Only
   Sources/Images/VipsCodec.swift uses these. */

/* An image; Guidepost only passes pointers to it around. */
typedef struct _VipsImage { char opaque; } VipsImage;

struct gp_vips_api {
    int (*init)(const char *argv0);
    void (*block_untrusted_set)(int state);
    void (*cache_set_max)(int max);
    const char *(*error_buffer)(void);
    void (*error_clear)(void);
    const char *(*find_load_buffer)(const void *data, size_t size);
    VipsImage *(*new_from_buffer)(const void *buf, size_t len, const char *option_string, ...);
    int (*autorot)(VipsImage *in, VipsImage **out, ...);
    int (*thumbnail_image)(VipsImage *in, VipsImage **out, int width, ...);
    void *(*write_to_memory)(VipsImage *in, size_t *size);
    VipsImage *(*new_from_memory_copy)(const void *data, size_t size, int width, int height, int bands, int format);
    VipsImage *(*copy_memory)(VipsImage *image);
    int (*get_width)(const VipsImage *image);
    int (*get_height)(const VipsImage *image);
    int (*get_bands)(const VipsImage *image);
    int (*get_format)(const VipsImage *image);
    int (*webpsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    int (*pngsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    int (*jpegsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    void (*g_free)(void *mem);
    void (*g_object_unref)(void *object);
};

/* The looked-up functions (all NULL until vips_init succeeded); a function's static, as Swift does not
   emit a header's global variables. */
static inline struct gp_vips_api *gp_vips_api(void) {
    static struct gp_vips_api api;
    return &api;
}
#define gp_vips (*gp_vips_api())

/* GLib's log handler type and levels (glib/gmessages.h), for the one GLib call below. */
typedef void (*gp_log_func)(const char *domain, int level, const char *message, void *data);
enum { GP_LOG_WARNING = 1 << 4, GP_LOG_MESSAGE = 1 << 5, GP_LOG_INFO = 1 << 6, GP_LOG_DEBUG = 1 << 7 };

static void gp_ignore_log(const char *domain, int level, const char *message, void *data) {
    (void)domain; (void)level; (void)message; (void)data;
}

/* libvips reports what it meets while decoding ("IDAT: CRC error", "error in tile 0 x 0") as GLib warnings
   of the "VIPS" domain, printed on stderr as `(process:…): VIPS-WARNING **` lines among Guidepost's own
   `path:line:column` messages. A file those warnings are about also fails to load (`fail_on=error` below)
   and gets a located error, so they are dropped (criticals and errors still print). */
static inline void gp_quiet_vips_warnings(void *library) {
    unsigned (*set_handler)(const char *, int, gp_log_func, void *) =
        (unsigned (*)(const char *, int, gp_log_func, void *))dlsym(library, "g_log_set_handler");
    if (set_handler != NULL) set_handler("VIPS", GP_LOG_WARNING | GP_LOG_MESSAGE | GP_LOG_INFO | GP_LOG_DEBUG, gp_ignore_log, NULL);
}

/* Loads libvips and looks up every function; then vips_init. 0 on success, -2 when libvips cannot be loaded,
   -3 when it lacks a function, -1 when its own initialisation fails (VipsCodec calls it once, first). */
static inline int vips_init(const char *argv0) {
    /* Global, as when it was linked: the modules libvips loads itself (HEIF, …) see the same symbols. */
    void *library = dlopen("libvips.so.42", RTLD_NOW | RTLD_GLOBAL);
    if (library == NULL) return -2;
    struct gp_vips_api api;
    void **slots = (void **)&api;
    static const char *const names[] = {
        "vips_init", "vips_block_untrusted_set", "vips_cache_set_max", "vips_error_buffer", "vips_error_clear",
        "vips_foreign_find_load_buffer", "vips_image_new_from_buffer", "vips_autorot", "vips_thumbnail_image",
        "vips_image_write_to_memory", "vips_image_new_from_memory_copy", "vips_image_copy_memory",
        "vips_image_get_width", "vips_image_get_height", "vips_image_get_bands", "vips_image_get_format",
        "vips_webpsave_buffer", "vips_pngsave_buffer", "vips_jpegsave_buffer", "g_free", "g_object_unref",
    };
    _Static_assert(sizeof(names) / sizeof(names[0]) == sizeof(struct gp_vips_api) / sizeof(void *), "one name per function");
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        slots[i] = dlsym(library, names[i]);
        if (slots[i] == NULL) return -3;
    }
    if (api.init(argv0) != 0) return -1;
    gp_vips = api;
    gp_quiet_vips_warnings(library);
    return 0;
}

static inline void vips_block_untrusted_set(int state) { gp_vips.block_untrusted_set(state); }
static inline void vips_cache_set_max(int max) { gp_vips.cache_set_max(max); }
static inline const char *vips_error_buffer(void) { return gp_vips.error_buffer ? gp_vips.error_buffer() : NULL; }
static inline void vips_error_clear(void) { if (gp_vips.error_clear) gp_vips.error_clear(); }
static inline VipsImage *vips_image_copy_memory(VipsImage *image) { return gp_vips.copy_memory(image); }
static inline int vips_image_get_width(const VipsImage *image) { return gp_vips.get_width(image); }
static inline int vips_image_get_height(const VipsImage *image) { return gp_vips.get_height(image); }
static inline void g_free(void *mem) { gp_vips.g_free(mem); }
static inline void g_object_unref(void *object) { gp_vips.g_object_unref(object); }

/* Loads an image from memory (format sniffed from the bytes); NULL on failure. `fail_on=error`: damaged
   pixel data is an error when the image is decoded, not a warning on stderr and a published image of
   whatever was read (libvips' default, "none"). */
static inline VipsImage *gp_load(const void *bytes, size_t length) {
    return gp_vips.new_from_buffer(bytes, length, "fail_on=error", NULL);
}

/* The name of the loader that would read these bytes ("VipsForeignLoadPngBuffer"…), or NULL. */
static inline const char *gp_loader(const void *bytes, size_t length) {
    return gp_vips.find_load_buffer(bytes, length);
}

/* Turns the image upright according to its EXIF orientation. */
static inline int gp_autorot(VipsImage *in, VipsImage **out) {
    return gp_vips.autorot(in, out, NULL);
}

/* Resizes to `width` pixels wide, keeping the aspect ratio, never upscaling (libvips's VIPS_MAX_COORD
   as the height, VIPS_SIZE_DOWN as the size). */
static inline int gp_thumbnail(VipsImage *in, VipsImage **out, int width) {
    return gp_vips.thumbnail_image(in, out, width, "height", 10000000, "size", 2, NULL);
}

/* A copy of the pixels with no metadata at all (no EXIF, GPS, XMP, IPTC or ICC fields to leak, whatever
   an encoder's "strip" option does in this libvips version). */
static inline int gp_bare(VipsImage *in, VipsImage **out) {
    size_t size = 0;
    void *pixels = gp_vips.write_to_memory(in, &size);
    if (pixels == NULL) return -1;
    *out = gp_vips.new_from_memory_copy(pixels, size, gp_vips.get_width(in), gp_vips.get_height(in),
                                        gp_vips.get_bands(in), gp_vips.get_format(in));
    gp_vips.g_free(pixels);
    return *out == NULL ? -1 : 0;
}

/* WebP, quality `q`, every piece of metadata (EXIF, XMP, ICC, GPS) stripped. */
static inline int gp_webp(VipsImage *in, void **buffer, size_t *length, int q) {
    return gp_vips.webpsave_buffer(in, buffer, length, "Q", q, "strip", 1, "effort", 4, NULL);
}

/* PNG, metadata stripped. */
static inline int gp_png(VipsImage *in, void **buffer, size_t *length) {
    return gp_vips.pngsave_buffer(in, buffer, length, "strip", 1, "compression", 6, "interlace", 0, NULL);
}

/* JPEG, quality `q`, metadata stripped. */
static inline int gp_jpeg(VipsImage *in, void **buffer, size_t *length, int q) {
    return gp_vips.jpegsave_buffer(in, buffer, length, "Q", q, "strip", 1, "optimize_coding", 1, NULL);
}

#endif
