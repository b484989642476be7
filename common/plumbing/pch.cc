// Compiled only to produce the precompiled header that lesson libraries reuse.
