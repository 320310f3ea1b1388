#include "CVipsTestSupport.h"

#include <string.h>
#include <vips/vips.h>

static gpointer start(gpointer data) {
    (void) data;
    vips_init("plansite-tests");
    return NULL;
}

static void ready(void) {
    static GOnce once = G_ONCE_INIT;
    g_once(&once, start, NULL);
}

/* Gradients in three directions plus Gaussian grain: compresses and decodes like a photo. */
static VipsImage *photo(int width, int height) {
    VipsImage *xyz = NULL, *x = NULL, *y = NULL, *r = NULL, *g = NULL, *b = NULL, *rgb = NULL;
    VipsImage *noise = NULL, *grainy = NULL, *result = NULL;
    VipsImage *bands[3];
    if (vips_xyz(&xyz, width, height, NULL)) return NULL;
    vips_extract_band(xyz, &x, 0, NULL);
    vips_extract_band(xyz, &y, 1, NULL);
    vips_linear1(x, &r, 200.0 / width, 30, NULL);
    vips_linear1(y, &g, 180.0 / height, 40, NULL);
    VipsImage *sum = NULL;
    vips_add(x, y, &sum, NULL);
    vips_linear1(sum, &b, 150.0 / (width + height), 60, NULL);
    bands[0] = r; bands[1] = g; bands[2] = b;
    vips_bandjoin(bands, &rgb, 3, NULL);
    vips_gaussnoise(&noise, width, height, "sigma", 12.0, "mean", 0.0, "seed", 19, NULL);
    vips_add(rgb, noise, &grainy, NULL);
    vips_cast_uchar(grainy, &result, NULL);
    VipsImage *all[] = { xyz, x, y, r, g, b, rgb, noise, grainy, sum };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) if (all[i]) g_object_unref(all[i]);
    return result;
}

/* The photo with its red square in the top-left corner. */
static VipsImage *marked_photo(int width, int height) {
    VipsImage *picture = photo(width, height);
    if (!picture) return NULL;
    double red[] = { 255, 0, 0 };
    int side = (width < height ? width : height) / 4;
    if (vips_draw_rect(picture, red, 3, 0, 0, side, side, "fill", TRUE, NULL)) return NULL;
    vips_image_set_int(picture, "interpretation", VIPS_INTERPRETATION_sRGB);
    return picture;
}

int pvt_photo_jpeg_p3(int width, int height, void **bytes, size_t *length) {
    ready();
    VipsImage *picture = marked_photo(width, height), *p3 = NULL;
    if (!picture) return -1;
    if (vips_icc_transform(picture, &p3, "p3", "input_profile", "srgb", NULL)) return -1;
    int status = vips_jpegsave_buffer(p3, bytes, length, "Q", 95, NULL);
    g_object_unref(picture);
    g_object_unref(p3);
    return status;
}

int pvt_photo_jpeg(int width, int height, int quality, void **bytes, size_t *length) {
    ready();
    VipsImage *picture = marked_photo(width, height);
    if (!picture) return -1;
    int status = vips_jpegsave_buffer(picture, bytes, length, "Q", quality, "strip", TRUE, NULL);
    g_object_unref(picture);
    return status;
}

int pvt_rgba_png(int width, int height, void **bytes, size_t *length) {
    ready();
    VipsImage *picture = photo(width, height), *x = NULL, *alpha = NULL, *rgba = NULL;
    if (!picture) return -1;
    /* 0 where x < width / 2, 255 from there on. */
    vips_xyz(&x, width, height, NULL);
    VipsImage *column = NULL, *half = NULL;
    vips_extract_band(x, &column, 0, NULL);
    vips_moreeq_const1(column, &half, width / 2, NULL);
    vips_cast_uchar(half, &alpha, NULL);
    vips_bandjoin2(picture, alpha, &rgba, NULL);
    int status = vips_pngsave_buffer(rgba, bytes, length, NULL);
    VipsImage *all[] = { picture, x, column, half, alpha, rgba };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) if (all[i]) g_object_unref(all[i]);
    return status;
}

int pvt_grey_jpeg(int width, int height, void **bytes, size_t *length) {
    ready();
    VipsImage *picture = photo(width, height), *grey = NULL;
    if (!picture) return -1;
    vips_extract_band(picture, &grey, 1, NULL);
    vips_image_set_int(grey, "interpretation", VIPS_INTERPRETATION_B_W);
    int status = vips_jpegsave_buffer(grey, bytes, length, "strip", TRUE, NULL);
    g_object_unref(picture);
    g_object_unref(grey);
    return status;
}

int pvt_decode(const void *bytes, size_t length, PvtDecoded *decoded) {
    ready();
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", NULL);
    if (!image) return -1;
    double average = 0;
    /* Every pixel decoded: a damaged file fails here, not only in its header. */
    int status = vips_avg(image, &average, NULL);
    memset(decoded, 0, sizeof *decoded);
    decoded->width = image->Xsize;
    decoded->height = image->Ysize;
    decoded->bands = image->Bands;
    g_strlcpy(decoded->interpretation, vips_enum_nick(VIPS_TYPE_INTERPRETATION, image->Type),
              sizeof decoded->interpretation);
    const char *loader = NULL;
    if (!vips_image_get_string(image, VIPS_META_LOADER, &loader) && loader)
        g_strlcpy(decoded->loader, loader, sizeof decoded->loader);
    g_object_unref(image);
    return status;
}

int pvt_pixel(const void *bytes, size_t length, int x, int y, double *values, int capacity) {
    ready();
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", NULL);
    if (!image) return -1;
    double *point = NULL;
    int count = 0;
    int status = vips_getpoint(image, &point, &count, x, y, NULL);
    g_object_unref(image);
    if (status) return -1;
    for (int i = 0; i < count && i < capacity; i++) values[i] = point[i];
    g_free(point);
    return count;
}

char *pvt_metadata_fields(const void *bytes, size_t length) {
    ready();
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", NULL);
    if (!image) return NULL;
    gchar **fields = vips_image_get_fields(image);
    gchar *joined = g_strjoinv("\n", fields);
    g_strfreev(fields);
    g_object_unref(image);
    return joined;
}

void pvt_free(void *pointer) { g_free(pointer); }
