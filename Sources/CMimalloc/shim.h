// mimalloc (Debian's libmimalloc-dev). Linking it into the executable replaces malloc and free for the
// whole process, the Swift runtime and cmark-gfm included.
#include <mimalloc.h>
