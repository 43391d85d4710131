// The `rationale` executable (dist/cli.cjs): turns on Node's compile cache in a private folder,
// then runs the command line from dist/hook.cjs, which the cache then spares compiling again.
import module from "node:module";
import { enablePrivateCompileCache, type EnableCompileCache } from "./compile-cache.js";

enablePrivateCompileCache((module as { enableCompileCache?: EnableCompileCache }).enableCompileCache);
// Left as a plain require by the build: the bundle beside this file.
require("./hook.cjs");
