// Loaded with require from the workers and the main thread alike (N-API: one build serves every
// isolate). See src/native.c for why each function exists.
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a native addon loads only through require
module.exports = require("./build/Release/strongroom_native.node");
