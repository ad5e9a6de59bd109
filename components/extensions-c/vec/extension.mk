# vec: sqlite-vec's C source, compiled unchanged; vec0 keeps its vectors in
# shadow tables through SQL on the connection (--grant spi). No files:
# SQLITE_VEC_OMIT_FS leaves out vec_npy_file and vec_npy_each.
vec_SOURCES := $(SQLITE_VEC_DIR)/sqlite-vec.c
vec_INIT := sqlite3_vec_init
vec_VERSION := $(SQLITE_VEC_VERSION)
vec_CFLAGS := -I$(SQLITE_VEC_DIR) -DSQLITE_VEC_OMIT_FS
vec_SPI := 1
vec_DESCRIPTION := Vector search: vec_f32, vec_int8, vec_bit, vec_distance_l2/l1/cosine/hamming, vec_normalize, vec_quantize_*, vec_each and vec0 tables with KNN MATCH queries. Compatible with sqlite-vec $(SQLITE_VEC_VERSION) (its C source, compiled unchanged); loads with --grant spi.
