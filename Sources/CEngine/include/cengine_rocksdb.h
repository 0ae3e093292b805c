/*
 * cengine_rocksdb.h: RocksDB's C API, exposed to Swift as it is.
 * Book: docs/04-c-engine.md ("RocksDB").
 *
 * RocksDB is not shimmed: Engine/Storage calls rocksdb_* directly and is the
 * only Swift code that does (CONVENTIONS 10, 11). The library comes from
 * Debian's librocksdb-dev; Package.swift links it.
 */
#ifndef CENGINE_ROCKSDB_H
#define CENGINE_ROCKSDB_H

#include <rocksdb/c.h>

#endif
