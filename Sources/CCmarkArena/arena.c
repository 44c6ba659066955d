// A per-thread bump allocator for cmark-gfm (see Sources/Markdown/MarkdownRenderer.swift).
//
// A document's nodes and buffers are carved out of large chunks and all given back at once when its
// scope ends, instead of one calloc and one free (and a walk of the tree to find them) each. cmark's
// allocator callbacks get no context, so each thread's arena is a thread-local variable; a pthread key
// frees it when the thread exits. Bounded: a thread keeps one chunk of RETAINED bytes between documents;
// a document that needs more gets further chunks, freed when its scope ends. Scopes nest (each restores
// the mark it found). Each block is preceded by its size, for realloc, which grows the last block in place.

#include "cmark_arena.h"

#include <cmark-gfm.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Under AddressSanitizer (the fuzzing build, scripts/fuzz.sh) only the blocks in use are addressable: each
// is followed by a poisoned redzone, and free chunk space, freed blocks and given-back memory are poisoned,
// so that Swift code reading past a cmark string or after cmark_node_free or render is still reported, and
// freeing a block twice aborts, as ASan's own allocator would (cmark-gfm itself is not instrumented).
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/asan_interface.h>
#define POISON(address, size) ASAN_POISON_MEMORY_REGION((address), (size))
#define UNPOISON(address, size) ASAN_UNPOISON_MEMORY_REGION((address), (size))
#define IS_POISONED(address) __asan_address_is_poisoned(address)
#define REDZONE 16
#endif
#endif
#ifndef POISON
#define POISON(address, size) ((void)(address), (void)(size))
#define UNPOISON(address, size) ((void)(address), (void)(size))
#define IS_POISONED(address) ((void)(address), 0)
#define REDZONE 0
#endif

enum { RETAINED = 256 * 1024, HEADER = sizeof(size_t) };

typedef struct chunk {
    struct chunk *previous;
    size_t capacity;
    size_t used;
    size_t padding;  // keeps the data 16-byte aligned
} chunk;

// Initial-exec: the arena lives in the executable, so the thread's pointer is one load from %fs.
static __thread chunk *top __attribute__((tls_model("initial-exec"))) = NULL;
static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

static unsigned char *data(chunk *c) { return (unsigned char *)(c + 1); }

/// A block's size with its header (and redzone), rounded up to 8 bytes (cmark's own arena's alignment).
static size_t block_size(size_t size) { return ((size + HEADER + 7) & ~(size_t)7) + REDZONE; }

static void out_of_memory(size_t size) {
    fprintf(stderr, "guidepost: out of memory (cmark-gfm's arena could not get %zu bytes)\n", size);
    abort();
}

static chunk *new_chunk(size_t capacity, chunk *previous) {
    if (capacity > SIZE_MAX - sizeof(chunk)) out_of_memory(capacity);
    chunk *c = malloc(sizeof(chunk) + capacity);
    if (!c) out_of_memory(capacity);
    c->previous = previous;
    c->capacity = capacity;
    c->used = 0;
    POISON(data(c), capacity);
    return c;
}

/// Frees `from` and the chunks below it, down to (not including) `to`.
static void free_chunks(chunk *from, chunk *to) {
    while (from && from != to) {
        chunk *previous = from->previous;
        free(from);
        from = previous;
    }
}

static void thread_exit(void *arena) { free_chunks(arena, NULL); }

static void make_exit_key(void) {
    if (pthread_key_create(&exit_key, thread_exit) != 0) abort();
}

/// A new top chunk with room for `needed` bytes: twice the last one, or more.
__attribute__((noinline, cold)) static chunk *grow(size_t size, size_t needed) {
    if (size > SIZE_MAX / 2) out_of_memory(size);
    size_t capacity = top->capacity <= SIZE_MAX / 4 ? 2 * top->capacity : needed;
    top = new_chunk(needed > capacity ? needed : capacity, top);
    return top;
}

/// Uninitialised room for `size` bytes on the thread's top chunk, or on a new chunk above it.
static inline void *bump(size_t size) {
    size_t needed = block_size(size);
    chunk *c = top;
    if (__builtin_expect(size > SIZE_MAX / 2 || c->capacity - c->used < needed, 0)) c = grow(size, needed);
    unsigned char *block = data(c) + c->used;
    UNPOISON(block, HEADER + size);
    c->used += needed;
    *(size_t *)block = size;
    return block + HEADER;
}

static void *arena_calloc(size_t count, size_t size) {
    // One multiplication and its overflow flag, not `count > SIZE_MAX / size`: a 64-bit division (tens of
    // cycles) in every one of cmark's allocations. The same products are refused.
    size_t total;
    if (__builtin_mul_overflow(count, size, &total)) out_of_memory(SIZE_MAX);
    void *block = bump(total);
    memset(block, 0, total);
    return block;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (!pointer) return bump(size);
    size_t old = ((size_t *)pointer)[-1];
    chunk *c = top;
    unsigned char *start = (unsigned char *)pointer - HEADER;
    // The last block of the top chunk grows (or shrinks) where it is when the chunk has room.
    if (size <= SIZE_MAX / 2 && start + block_size(old) == data(c) + c->used) {
        size_t used = c->used - block_size(old) + block_size(size);
        if (used <= c->capacity) {
            POISON(pointer, old);
            UNPOISON(pointer, size);
            c->used = used;
            ((size_t *)pointer)[-1] = size;
            return pointer;
        }
    }
    void *moved = bump(size);
    memcpy(moved, pointer, old < size ? old : size);
    POISON(pointer, old);
    return moved;
}

static void arena_free(void *pointer) {
    if (!pointer) return;
    size_t size = ((size_t *)pointer)[-1];
    if (size > 0 && IS_POISONED(pointer)) {
        fprintf(stderr, "guidepost: cmark-gfm freed a block of its arena twice\n");
        abort();
    }
    POISON(pointer, size);
}

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

void *guidepost_arena_allocator(void) { return &allocator; }

guidepost_arena_scope guidepost_arena_begin(void) {
    if (!top) {
        pthread_once(&exit_key_once, make_exit_key);
        top = new_chunk(RETAINED, NULL);
        if (pthread_setspecific(exit_key, top) != 0) abort();
    }
    guidepost_arena_scope scope = {top, top->used};
    return scope;
}

void guidepost_arena_end(guidepost_arena_scope scope) {
    free_chunks(top, scope.chunk);
    top = scope.chunk;
    POISON(data(top) + scope.used, top->used - scope.used);
    top->used = scope.used;
}
