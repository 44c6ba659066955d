#ifndef GUIDEPOST_CVIPS_SHIM_H
#define GUIDEPOST_CVIPS_SHIM_H
#include <vips/vips.h>

/* Swift cannot call C's variadic functions: each call Guidepost makes is wrapped here with its options
   spelled out. Only Sources/Images/VipsCodec.swift uses these. */

/* Loads an image from memory (format sniffed from the bytes); NULL on failure. */
static inline VipsImage *gp_load(const void *bytes, size_t length) {
    return vips_image_new_from_buffer(bytes, length, "", NULL);
}

/* The name of the loader that would read these bytes ("VipsForeignLoadPngBuffer"…), or NULL. */
static inline const char *gp_loader(const void *bytes, size_t length) {
    return vips_foreign_find_load_buffer(bytes, length);
}

/* Turns the image upright according to its EXIF orientation. */
static inline int gp_autorot(VipsImage *in, VipsImage **out) {
    return vips_autorot(in, out, NULL);
}

/* Resizes to `width` pixels wide, keeping the aspect ratio, never upscaling. */
static inline int gp_thumbnail(VipsImage *in, VipsImage **out, int width) {
    return vips_thumbnail_image(in, out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL);
}

/* A copy of the pixels with no metadata at all (no EXIF, GPS, XMP, IPTC or ICC fields to leak, whatever
   an encoder's "strip" option does in this libvips version). */
static inline int gp_bare(VipsImage *in, VipsImage **out) {
    size_t size = 0;
    void *pixels = vips_image_write_to_memory(in, &size);
    if (pixels == NULL) return -1;
    *out = vips_image_new_from_memory_copy(pixels, size, vips_image_get_width(in), vips_image_get_height(in),
                                           vips_image_get_bands(in), vips_image_get_format(in));
    g_free(pixels);
    return *out == NULL ? -1 : 0;
}

/* WebP, quality `q`, every piece of metadata (EXIF, XMP, ICC, GPS) stripped. */
static inline int gp_webp(VipsImage *in, void **buffer, size_t *length, int q) {
    return vips_webpsave_buffer(in, buffer, length, "Q", q, "strip", TRUE, "effort", 4, NULL);
}

/* PNG, metadata stripped. */
static inline int gp_png(VipsImage *in, void **buffer, size_t *length) {
    return vips_pngsave_buffer(in, buffer, length, "strip", TRUE, "compression", 6, "interlace", FALSE, NULL);
}

/* JPEG, quality `q`, metadata stripped. */
static inline int gp_jpeg(VipsImage *in, void **buffer, size_t *length, int q) {
    return vips_jpegsave_buffer(in, buffer, length, "Q", q, "strip", TRUE, "optimize_coding", TRUE, NULL);
}

#endif
