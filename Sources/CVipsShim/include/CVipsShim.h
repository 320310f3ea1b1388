#ifndef PLANSITE_CVIPSSHIM_H
#define PLANSITE_CVIPSSHIM_H
/* The few libvips calls PlanMedia needs, without C variadics and without glib's types, so
 * Swift sees plain functions. Every function returning an image returns NULL on failure, with
 * the reason in libvips' error buffer (pvips_take_error). */
#include <stddef.h>

/* libvips' image, opaque here: Swift holds it and gives it back to pvips_release. */
typedef struct _VipsImage PlanVipsImage;

/* What an image's header says, read without decoding its pixels. */
typedef struct {
    int width;
    int height;
    int bands;
    int has_alpha;
    /* The EXIF orientation, 1 to 8 (1 when there is none). */
    int orientation;
    int has_icc_profile;
    /* libvips' loader nickname, e.g. "jpegload_buffer". */
    char loader[48];
    /* For HEIF containers: "av1" (AVIF) or "hevc" (HEIC); empty otherwise. */
    char heif_compression[16];
} PlanVipsHeader;

typedef enum {
    PLAN_VIPS_CROP_NONE = 0,
    PLAN_VIPS_CROP_CENTRE = 1,
    PLAN_VIPS_CROP_ATTENTION = 2
} PlanVipsCrop;

typedef enum {
    PLAN_VIPS_WEBP = 0,
    PLAN_VIPS_JPEG = 1,
    PLAN_VIPS_PNG = 2
} PlanVipsEncoding;

/* Starts libvips once (later calls return the first result): only the loaders of the image
 * formats a site may hold stay allowed, the operation cache is off, warnings are not printed.
 * 0 on success. */
int pvips_start(void);

/* The number of threads libvips gives one image's pipeline. */
void pvips_set_concurrency(int threads);

/* "8.14.1" */
const char *pvips_version(void);

/* The header of the image in `bytes`; 0 on success. */
int pvips_read_header(const void *bytes, size_t length, PlanVipsHeader *header);

/* The image in `bytes` reduced to fit `width` x `height` (never enlarged), shrunk while it
 * loads where the format allows, turned upright, converted to sRGB (through its ICC profile
 * when it has one), failing on any decoding error. With a crop, it fills the box and is cut
 * to it. The pixels are computed once and held in memory. */
PlanVipsImage *pvips_thumbnail(const void *bytes, size_t length, int width, int height, PlanVipsCrop crop);

/* An image already upright and in sRGB reduced to fit `width` x `height` (or, with a crop, to
 * fill it and cut to it), never enlarged, held in memory. */
PlanVipsImage *pvips_reduce(PlanVipsImage *image, int width, int height, PlanVipsCrop crop);

int pvips_width(PlanVipsImage *image);
int pvips_height(PlanVipsImage *image);
int pvips_has_alpha(PlanVipsImage *image);

/* The image encoded with no metadata at all; `quality` is ignored for PNG. The bytes are
 * given back to pvips_free. 0 on success. */
int pvips_encode(PlanVipsImage *image, PlanVipsEncoding encoding, int quality, void **bytes, size_t *length);

void pvips_release(PlanVipsImage *image);
void pvips_free(void *bytes);

/* libvips' error messages since the last call, cleared; give back to pvips_free. */
char *pvips_take_error(void);

#endif
