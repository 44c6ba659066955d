// The executable links mimalloc, which takes over malloc and free for the whole process (Swift's runtime,
// Foundation and cmark-gfm included). A build allocates and frees millions of small strings and nodes
// across threads; mimalloc's thread-local free lists made builds about 10 % faster than glibc's malloc
// in the benchmark (bench/run.sh). Importing the module is what links it.
import CMimalloc
