#!/bin/sh
echo "schema-engine stub: abri uses @prisma/schema-engine-wasm" >&2
exit 1
