#ifndef PLANSITE_CVIPSTESTSUPPORT_H
#define PLANSITE_CVIPSTESTSUPPORT_H
/* For PlanMedia's tests only: synthetic pictures made with libvips, and what a real decoder
 * reads back from PlanMedia's output. Buffers are given back to pvt_free. */
#include <stddef.h>

/* A photo-like RGB picture (smooth gradients and grain) with a pure red square in its
 * top-left corner, as a baseline JPEG without metadata. 0 on success. */
int pvt_photo_jpeg(int width, int height, int quality, void **bytes, size_t *length);

/* The same picture converted to Display P3, with that ICC profile embedded: its red square's
 * numbers are about (232, 51, 34), which only a colour-managed reader shows as pure red. */
int pvt_photo_jpeg_p3(int width, int height, void **bytes, size_t *length);

/* An RGBA PNG: a gradient whose left half is fully transparent. */
int pvt_rgba_png(int width, int height, void **bytes, size_t *length);

/* A one-band (grey) JPEG. */
int pvt_grey_jpeg(int width, int height, void **bytes, size_t *length);

typedef struct {
    int width;
    int height;
    int bands;
    /* libvips' name of the colour space, e.g. "srgb", "b-w". */
    char interpretation[16];
    char loader[48];
} PvtDecoded;

/* Decodes `bytes` fully; 0 on success. */
int pvt_decode(const void *bytes, size_t length, PvtDecoded *decoded);

/* The band values of the pixel at (x, y) of the decoded image; the number of bands, or -1. */
int pvt_pixel(const void *bytes, size_t length, int x, int y, double *values, int capacity);

/* The names of the metadata fields libvips reads from the file, one a line. */
char *pvt_metadata_fields(const void *bytes, size_t length);

void pvt_free(void *pointer);

#endif
