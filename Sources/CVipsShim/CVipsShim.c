#include "CVipsShim.h"

#include <string.h>
#include <vips/vips.h>
#include <webp/mux.h>

/* The loaders of the formats CONTENT.md allows (JPEG, PNG, WebP, GIF, AVIF through libheif).
 * Every other loader is blocked, so a file that sniffs as SVG, PDF or anything ImageMagick
 * reads is refused instead of handed to a parser the site never meant to run. */
static const char *const allowed_loaders[] = {
    "VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp",
    "VipsForeignLoadNsgif", "VipsForeignLoadHeif",
};

/* libvips' warnings (a damaged scanline, an odd EXIF tag) are not the build's output: a
 * failure is reported through the error buffer, which the caller turns into a diagnostic. */
static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void) domain; (void) level; (void) message; (void) data;
}

static int start_result = -1;

static gpointer start_once(gpointer data) {
    (void) data;
    if (VIPS_INIT("plansite")) return NULL;
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG,
                      quiet, NULL);
    /* Every call runs once on its own pixels: a cached operation would only hold memory. */
    vips_cache_set_max(0);
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    for (size_t i = 0; i < sizeof allowed_loaders / sizeof allowed_loaders[0]; i++)
        vips_operation_block_set(allowed_loaders[i], FALSE);
    start_result = 0;
    return NULL;
}

int pvips_start(void) {
    static GOnce once = G_ONCE_INIT;
    g_once(&once, start_once, NULL);
    return start_result;
}

void pvips_set_concurrency(int threads) { vips_concurrency_set(threads); }

const char *pvips_version(void) { return vips_version_string(); }

static void copy_string_field(VipsImage *image, const char *field, char *into, size_t size) {
    const char *value = NULL;
    into[0] = '\0';
    if (vips_image_get_typeof(image, field) && !vips_image_get_string(image, field, &value) && value)
        g_strlcpy(into, value, size);
}

/* Whether the loader libvips picks for `bytes` is one of the allowed ones. libvips checks a
 * loader's block only once its build has begun, and some builds parse first: poppler reads a
 * whole PDF before the block is seen. So the loader is chosen from the bytes alone (its
 * `is_a` test) and refused here, before any is built. Sets libvips' error when not. */
static int is_allowed(const void *bytes, size_t length) {
    const char *found = vips_foreign_find_load_buffer(bytes, length);
    if (!found) return 0;
    GType type = g_type_from_name(found);
    for (size_t i = 0; i < sizeof allowed_loaders / sizeof allowed_loaders[0]; i++)
        if (g_type_is_a(type, g_type_from_name(allowed_loaders[i]))) return 1;
    vips_error(found, "%s", "operation is blocked");
    return 0;
}

int pvips_read_header(const void *bytes, size_t length, PlanVipsHeader *header) {
    if (!is_allowed(bytes, length)) return -1;
    /* Sequential access: the loader reads the header now and the pixels only when asked. */
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) return -1;
    memset(header, 0, sizeof *header);
    header->width = image->Xsize;
    header->height = image->Ysize;
    header->bands = image->Bands;
    header->has_alpha = vips_image_hasalpha(image) ? 1 : 0;
    header->orientation = vips_image_get_orientation(image);
    header->has_icc_profile = vips_image_get_typeof(image, VIPS_META_ICC_NAME) ? 1 : 0;
    copy_string_field(image, VIPS_META_LOADER, header->loader, sizeof header->loader);
    copy_string_field(image, "heif-compression", header->heif_compression, sizeof header->heif_compression);
    g_object_unref(image);
    return 0;
}

/* Removes every metadata field (EXIF with GPS, XMP, IPTC, ICC profile, orientation, comments)
 * from an image this file made, so no encoder can write one: libvips 8.14's WebP encoder
 * writes EXIF and XMP even when asked to strip. Width, size and format are not fields. */
static VipsImage *without_metadata(VipsImage *image) {
    if (!image) return NULL;
    gchar **fields = vips_image_get_fields(image);
    for (gchar **field = fields; *field; field++) vips_image_remove(image, *field);
    g_strfreev(fields);
    return image;
}

/* The image as 8-bit sRGB (grey and 16-bit sources included), computed once into memory. */
static PlanVipsImage *to_srgb_in_memory(VipsImage *image) {
    VipsImage *srgb = NULL;
    if (vips_colourspace(image, &srgb, VIPS_INTERPRETATION_sRGB, NULL)) return NULL;
    VipsImage *memory = vips_image_copy_memory(srgb);
    g_object_unref(srgb);
    return without_metadata(memory);
}

static VipsInteresting interesting(PlanVipsCrop crop) {
    switch (crop) {
    case PLAN_VIPS_CROP_CENTRE: return VIPS_INTERESTING_CENTRE;
    case PLAN_VIPS_CROP_ATTENTION: return VIPS_INTERESTING_ATTENTION;
    default: return VIPS_INTERESTING_NONE;
    }
}

static const char fail_on_error[] = "[fail_on=error]";

PlanVipsImage *pvips_thumbnail(const void *bytes, size_t length, int width, int height, PlanVipsCrop crop) {
    if (!is_allowed(bytes, length)) return NULL;
    VipsImage *header = vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!header) return NULL;
    gboolean has_profile = vips_image_get_typeof(header, VIPS_META_ICC_NAME) != 0;
    g_object_unref(header);
    VipsImage *thumbnail = NULL;
    /* With an embedded profile (a phone's Display P3, Adobe RGB), libvips transforms through
     * it to sRGB; without one, the pixels are taken as sRGB already, which saves the ICC
     * transform per pixel that naming an export profile would cost every camera JPEG. */
    /* libvips 8.14 does not hand thumbnail_buffer's fail_on to the loader (a truncated JPEG
     * would come out grey at the bottom), so it goes in the loader's option string too. */
    int failed = has_profile
        ? vips_thumbnail_buffer((void *) bytes, length, &thumbnail, width, "height", height,
                                "size", VIPS_SIZE_DOWN, "crop", interesting(crop),
                                "fail_on", VIPS_FAIL_ON_ERROR, "option_string", fail_on_error,
                                "export_profile", "srgb", NULL)
        : vips_thumbnail_buffer((void *) bytes, length, &thumbnail, width, "height", height,
                                "size", VIPS_SIZE_DOWN, "crop", interesting(crop),
                                "fail_on", VIPS_FAIL_ON_ERROR, "option_string", fail_on_error, NULL);
    if (failed) return NULL;
    PlanVipsImage *result = to_srgb_in_memory(thumbnail);
    g_object_unref(thumbnail);
    return result;
}

PlanVipsImage *pvips_reduce(PlanVipsImage *image, int width, int height, PlanVipsCrop crop) {
    VipsImage *reduced = NULL;
    if (vips_thumbnail_image(image, &reduced, width, "height", height, "size", VIPS_SIZE_DOWN,
                             "crop", interesting(crop), "no_rotate", TRUE, NULL))
        return NULL;
    VipsImage *memory = vips_image_copy_memory(reduced);
    g_object_unref(reduced);
    return without_metadata(memory);
}

int pvips_width(PlanVipsImage *image) { return image->Xsize; }
int pvips_height(PlanVipsImage *image) { return image->Ysize; }
int pvips_has_alpha(PlanVipsImage *image) { return vips_image_hasalpha(image) ? 1 : 0; }

/* libvips 8.14 writes an EXIF chunk into every WebP, strip or not (made afresh from the
 * image's size and resolution when the image has none). libwebp's own muxer takes out the
 * EXIF, XMP and ICC chunks and the flags that announce them. */
static int webp_without_metadata(void **bytes, size_t *length) {
    WebPData data = { *bytes, *length };
    WebPMux *mux = WebPMuxCreate(&data, 0);
    if (!mux) {
        vips_error("plansite", "libwebp cannot read the WebP libvips made");
        return -1;
    }
    static const char *const chunks[] = { "EXIF", "XMP ", "ICCP" };
    for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) WebPMuxDeleteChunk(mux, chunks[i]);
    WebPData assembled = { NULL, 0 };
    WebPMuxError status = WebPMuxAssemble(mux, &assembled);
    WebPMuxDelete(mux);
    if (status != WEBP_MUX_OK) {
        vips_error("plansite", "libwebp cannot rewrite the WebP libvips made");
        return -1;
    }
    g_free(*bytes);
    *bytes = g_memdup2(assembled.bytes, assembled.size);
    *length = assembled.size;
    WebPDataClear(&assembled);
    return 0;
}

int pvips_encode(PlanVipsImage *image, PlanVipsEncoding encoding, int quality, void **bytes, size_t *length) {
    switch (encoding) {
    case PLAN_VIPS_WEBP:
        if (vips_webpsave_buffer(image, bytes, length, "Q", quality, "strip", TRUE, NULL)) return -1;
        return webp_without_metadata(bytes, length);
    case PLAN_VIPS_JPEG:
        return vips_jpegsave_buffer(image, bytes, length, "Q", quality, "strip", TRUE,
                                    "optimize_coding", TRUE, NULL);
    case PLAN_VIPS_PNG:
        return vips_pngsave_buffer(image, bytes, length, "strip", TRUE, NULL);
    }
    vips_error("plansite", "unknown encoding %d", (int) encoding);
    return -1;
}

void pvips_release(PlanVipsImage *image) {
    if (image) g_object_unref(image);
}

void pvips_free(void *bytes) { g_free(bytes); }

char *pvips_take_error(void) { return vips_error_buffer_copy(); }
