#ifndef PAPERWORK_CFUZZER_H
#define PAPERWORK_CFUZZER_H
#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver, for a program that keeps its own main (SwiftPM names an executable's entry point
   itself, so libFuzzer's main is not used). Linked only when building with -sanitize=fuzzer. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
