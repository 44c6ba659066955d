#ifndef GUIDEPOST_CMARK_ARENA_H
#define GUIDEPOST_CMARK_ARENA_H

#include <stddef.h>

/// Where a scope began on the thread's arena (its top chunk and that chunk's mark).
typedef struct guidepost_arena_scope {
    void *chunk;
    size_t used;
} guidepost_arena_scope;

/// The `cmark_mem *` that allocates from the calling thread's arena: valid only inside a scope on that thread.
/// (A `void *`, so this header does not include cmark-gfm's a second time beside the CCmarkGFM module.)
void *guidepost_arena_allocator(void);

/// Opens a scope on the calling thread's arena, creating the arena on the thread's first use.
guidepost_arena_scope guidepost_arena_begin(void);

/// Gives back everything allocated on this thread since `scope` began.
void guidepost_arena_end(guidepost_arena_scope scope);

#endif
